"""`workbench anonymise` on JSONL files: the same results as the library, clear errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from nlp.anonymise import anonymise
from workbench.commands.anonymise import anonymise_command

STORIES = [
    {"id": "a", "text": "Dr Patel at Hyde Royal Infirmary, ring 07700 900123."},
    {"id": "b", "text": "The ward was calm."},
    {"id": "c", "text": "my son anthony is 12 and lives at LS6 2AB"},
]


def run(tmp_path, content: bytes | str):
    source = tmp_path / "in.jsonl"
    if isinstance(content, str):
        content = content.encode("utf-8")
    source.write_bytes(content)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(anonymise_command, ["--in", str(source), "--out", str(out)])
    return result, out


def test_each_line_gains_the_anonymised_text_and_findings(tmp_path):
    result, out = run(tmp_path, "\n".join(json.dumps(s) for s in STORIES) + "\n")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", "c"]
    for story, line in zip(STORIES, lines, strict=True):
        expected = anonymise(story["text"])
        assert line["anonymised"] == expected.text
        assert line["findings"] == [
            {"start": f.start, "end": f.end, "label": f.label, "score": f.score}
            for f in expected.findings
        ]
    assert lines[1]["anonymised"] == "The ward was calm." and lines[1]["findings"] == []


def test_a_missing_file_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(
        anonymise_command, ["--in", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code != 0
    assert "no such file" in result.output
    assert "Traceback" not in result.output


def test_a_bad_json_line_is_reported_with_its_line_number(tmp_path):
    result, _ = run(tmp_path, json.dumps(STORIES[0]) + "\n{not json\n")
    assert result.exit_code != 0
    assert "in.jsonl, line 2: not valid JSON" in result.output
    assert "Traceback" not in result.output


def test_a_line_without_text_is_refused(tmp_path):
    result, _ = run(tmp_path, '{"id": 1}\n')
    assert result.exit_code != 0
    assert "in.jsonl, line 1: missing 'text'" in result.output


def test_bytes_that_are_not_utf8_are_reported(tmp_path):
    result, _ = run(tmp_path, b'{"id": 1, "text": "caf\xe9"}\n')
    assert result.exit_code != 0
    assert "in.jsonl, line 1: not valid UTF-8" in result.output


def test_the_help_gives_an_example():
    result = CliRunner().invoke(anonymise_command, ["--help"])
    assert "workbench anonymise --in stories.jsonl --out anonymised.jsonl" in result.output


def test_each_line_gains_the_machines_doubts_unredacted(tmp_path):
    text = "i'll do monday, mele does tuesday and sefo the weekend"
    result, out = run(tmp_path, json.dumps({"id": "rota", "text": text}) + "\n")
    assert result.exit_code == 0, result.output
    [line] = [json.loads(line) for line in out.read_text().splitlines()]
    assert {text[d["start"] : d["end"]] for d in line["doubts"]} == {"mele", "sefo"}
    assert "mele" in line["anonymised"]  # a doubt is offered, never redacted
