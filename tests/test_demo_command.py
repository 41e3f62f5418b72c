"""`workbench demo` prints receipt links on the address the app is reached at
(`PUBLIC_BASE_URL`), as receipt cards do, not always on 127.0.0.1:5000 (found by probing)."""

from __future__ import annotations

from click.testing import CliRunner

from workbench.cli import cli


def test_demo_receipt_links_use_the_configured_address(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "workbench.db"))
    monkeypatch.setenv("PUBLIC_BASE_URL", "http://127.0.0.1:5055")
    result = CliRunner().invoke(cli, ["demo", "--stories", "3"])
    assert result.exit_code == 0, result.output
    links = [line.strip() for line in result.output.splitlines() if "/receipt#" in line]
    assert len(links) == 3
    assert all(link.startswith("http://127.0.0.1:5055/receipt#") for link in links)
