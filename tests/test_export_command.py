"""``scrapy export`` as users run it: clear failures, and a killed export that leaves the
previous one whole."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crawling import REPO
from test_export import crawled, tree

from newscrawl.export import atomic


def scrapy_export(*arguments: str, state: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scrapy", "export", "-s", f"NEWSCRAWL_STATE={state or crawled()[0]}",
               *arguments]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)


def test_export_command_writes_the_dataset_and_says_how_much(tmp_path: Path) -> None:
    result = scrapy_export("-o", str(tmp_path / "out"), "--report")
    assert result.returncode == 0, result.stderr
    assert f"exported {len(crawled()[1])} articles in 6 jsonl files" in result.stdout
    assert (tmp_path / "out/report.html").exists() and (tmp_path / "out/README.md").exists()


@pytest.mark.parametrize(("arguments", "message"), [
    (["--format", "xml"], "--format must be one of jsonl, parquet, csv"),
    (["--since", "yesterday"], "--since must be a day as YYYY-MM-DD"),
    (["--language", "kz"], "the /kz/ edition is the ISO code kk"),
    (["--since", "2024-03-02", "--until", "2024-03-01"], "--until 2024-03-01 is before --since 2024-03-02"),
])
def test_bad_option_fails_with_one_clear_line_and_exit_code_2(tmp_path: Path, arguments: list[str],
                                                              message: str) -> None:
    result = scrapy_export("-o", str(tmp_path / "out"), *arguments)
    assert result.returncode == 2
    assert message in result.stderr.splitlines()[-1]
    assert not (tmp_path / "out").exists()


def test_empty_selection_exits_0_and_says_it_wrote_an_empty_dataset(tmp_path: Path) -> None:
    result = scrapy_export("-o", str(tmp_path / "out"), "--since", "2030-01-01")
    assert result.returncode == 0, result.stderr
    assert "empty selection" in result.stdout
    assert json.loads((tmp_path / "out/manifest.json").read_text(encoding="utf-8"))["empty"] is True


def test_missing_store_is_an_error_and_is_not_created(tmp_path: Path) -> None:
    result = scrapy_export("-o", str(tmp_path / "out"), state=tmp_path / "none.sqlite")
    assert result.returncode == 4
    assert f"no store at {tmp_path / 'none.sqlite'}: run scrapy crawl first" in result.stderr
    assert not (tmp_path / "none.sqlite").exists() and not (tmp_path / "out").exists()


def test_a_directory_that_is_not_an_export_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine/notes.txt").write_text("keep me")
    result = scrapy_export("-o", str(tmp_path / "mine"))
    assert result.returncode == 2 and "is not a newscrawl export" in result.stderr
    assert (tmp_path / "mine/notes.txt").read_text() == "keep me"


#: Runs ``scrapy export`` with a writer that stops (and says so) after 50 records.
SLOW_EXPORT = """
import sys, time
from pathlib import Path
from newscrawl.export import writers
write, written = writers.JsonlWriter.write, [0]
def slow(self, record):
    write(self, record)
    written[0] += 1
    if written[0] == 50:
        self._text.flush()
        Path(sys.argv[1]).touch()
        time.sleep(120)
writers.JsonlWriter.write = slow
from scrapy.cmdline import execute
execute(["scrapy", "export", *sys.argv[2:]])
"""


def test_export_killed_halfway_leaves_the_previous_export_intact(tmp_path: Path) -> None:
    output, marker = tmp_path / "out", tmp_path / "halfway"
    assert scrapy_export("-o", str(output), "--language", "kk").returncode == 0
    before = tree(output)
    process = subprocess.Popen([sys.executable, "-c", SLOW_EXPORT, str(marker), "-o", str(output),
                                "-s", f"NEWSCRAWL_STATE={crawled()[0]}"], cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "the export never got halfway"
        partial = tmp_path / f".out.partial-{process.pid}"
        assert any(path.stat().st_size for path in partial.rglob("*.jsonl")), "no half-written file to lose"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    assert tree(output) == before, "the previous export must be untouched"
    assert scrapy_export("-o", str(output)).returncode == 0
    assert not partial.exists(), "the next export removes what the killed one left"
    assert json.loads((output / "manifest.json").read_text(encoding="utf-8"))["records"] == len(crawled()[1])


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_export_moved_away_by_a_kill_mid_swap_is_put_back(tmp_path: Path) -> None:
    """Where renameat2 is missing the swap is two renames; a kill between them leaves the
    previous export under .NAME.old-PID, and the next export restores it first."""
    output = tmp_path / "out"
    output.mkdir()
    (output / "manifest.json").write_text(json.dumps({"generator": atomic.GENERATOR}))
    pid = _dead_pid()
    os.rename(output, tmp_path / f".out.old-{pid}")
    (tmp_path / f".out.partial-{pid}").mkdir()
    atomic.recover(output)
    assert (output / "manifest.json").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


def test_parquet_without_pyarrow_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from newscrawl.export import parquet

    monkeypatch.setattr(parquet, "pa", None)
    with pytest.raises(ImportError, match=r"pip install -e '\.\[export\]'"):
        parquet.require_pyarrow()
