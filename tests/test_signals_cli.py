"""`workbench signals` on JSON Lines files: the detector's findings, clear errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from workbench.cli import cli
from workbench.commands.signals import signals_command

STORIES = [
    {"id": 1, "text": "He is outside with a knife right now and I am hiding in the bathroom."},
    {"id": "b", "text": "The physio was lovely and my knee is better."},
    {"id": 3, "text": "I want to make a formal complaint about the discharge."},
]


def run(tmp_path, content: bytes | str, *options: str):
    source = tmp_path / "in.jsonl"
    source.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(signals_command, ["--in", str(source), "--out", str(out), *options])
    return result, out


def lines(out) -> list[dict]:
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_each_text_gets_its_signals_with_reason_and_severity(tmp_path):
    result, out = run(tmp_path, "\n".join(json.dumps(s) for s in STORIES) + "\n")
    assert result.exit_code == 0, result.output
    found = lines(out)
    assert [line["id"] for line in found] == [1, "b", 3]
    danger = {s["type"]: s for s in found[0]["signals"]}["immediate_danger"]
    assert danger["severity"] == "urgent" and danger["reason"]
    assert found[1]["signals"] == []
    assert [(s["type"], s["severity"]) for s in found[2]["signals"]] == [("complaint", "routine")]
    assert set(found[0]) == {"id", "signals"}
    assert set(danger) == {"type", "reason", "severity"}


def test_rules_only_reads_as_the_online_form_does(tmp_path):
    plain = {"id": "p", "text": "honestly i cant see the point of carrying on any more"}
    result, out = run(tmp_path, json.dumps(plain) + "\n", "--rules-only")
    assert result.exit_code == 0, result.output
    assert all(s["reason"].startswith("matched") for s in lines(out)[0]["signals"])


def test_an_empty_file_writes_an_empty_file(tmp_path):
    result, out = run(tmp_path, "\n\n")
    assert result.exit_code == 0, result.output
    assert out.read_text() == ""
    assert "0 of 0 texts" in result.output


def test_a_bad_json_line_is_reported_with_its_line_number_and_no_text(tmp_path):
    result, _ = run(tmp_path, json.dumps(STORIES[0]) + '\n{"id": 2, "text": "I want to d\n')
    assert result.exit_code != 0
    assert "in.jsonl, line 2: not valid JSON" in result.output
    assert "want to d" not in result.output and "Traceback" not in result.output


def test_a_line_without_an_id_or_text_or_with_a_repeated_id_is_refused(tmp_path):
    result, _ = run(tmp_path, '{"text": "hello"}\n')
    assert "in.jsonl, line 1: missing 'id'" in result.output and result.exit_code != 0
    result, _ = run(tmp_path, '{"id": 1, "text": 5}\n')
    assert "in.jsonl, line 1: 'text' must be a string" in result.output
    result, _ = run(tmp_path, '{"id": 1, "text": "a"}\n{"id": 1, "text": "b"}\n')
    assert "in.jsonl, line 2: repeats the id of line 1" in result.output


def test_bytes_that_are_not_utf8_and_a_missing_file_are_reported(tmp_path):
    result, _ = run(tmp_path, b'{"id": 1, "text": "caf\xe9"}\n')
    assert "in.jsonl, line 1: not valid UTF-8" in result.output and result.exit_code != 0
    missing = CliRunner().invoke(
        signals_command, ["--in", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o")]
    )
    assert missing.exit_code != 0 and "no such file" in missing.output


def test_the_command_is_listed_with_an_example():
    result = CliRunner().invoke(cli, ["signals", "--help"])
    assert result.exit_code == 0
    assert "workbench signals --in stories.jsonl --out signals.jsonl" in result.output
