"""Progress for long work: the crawl's progress line, and ``scrapy export``'s bar on a terminal
(plain lines elsewhere)."""

from __future__ import annotations

import io
import os
import pty
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from crawling import REPO, run_crawl
from test_export import crawled

from newscrawl.demo.server import serve
from newscrawl.demo.site import build_site
from newscrawl.progress import ExportProgress, duration, time_left


@pytest.mark.parametrize(("seconds", "text"), [(0, "0s"), (59.6, "1m00s"), (250, "4m10s"), (7500, "2h05m")])
def test_durations_read_as_hours_minutes_seconds(seconds: float, text: str) -> None:
    assert duration(seconds) == text


def test_time_left_counts_the_queue_and_the_days_not_yet_listed() -> None:
    # 100 requests in 50 s (2/s) for 2 of 10 days listed: 20 queued + 8 days x 50 requests.
    assert time_left(50, 100, 20, days=10, days_listed=2) == pytest.approx((20 + 8 * 50) / 2)
    assert time_left(50, 100, 20, days=0, days_listed=0) == pytest.approx(10)  # incremental: the queue only
    assert time_left(50, 0, 20, days=10, days_listed=0) is None


def test_backfill_logs_days_listed_articles_per_minute_and_time_left(tmp_path: Path) -> None:
    since, until = date(2022, 10, 17), date(2022, 10, 19)
    with serve(build_site(), delay=0.02) as server:
        crawl = run_crawl(server, tmp_path, "-a", "editions=ru", "-s", "NEWSCRAWL_PROGRESS_INTERVAL=0.3",
                          since=since, until=until)
    assert crawl.returncode == 0, crawl.log[-2000:]
    lines = re.findall(r"progress: days (\d+)/3 listed \(\d+%\) \| articles (\d+) stored, (\d+) exported, "
                       r"[\d.]+/min \| requests \d+ done, \d+ queued \| time left (?:~\S+|: not known yet)", crawl.log)
    assert len(lines) >= 2, crawl.log[-3000:]
    listed = [int(days) for days, _, _ in lines]
    assert listed == sorted(listed) and listed[-1] >= 1
    assert int(lines[-1][2]) <= len(crawl.records)


def test_scrapy_commands_other_than_crawl_log_no_progress(tmp_path: Path) -> None:
    with serve(build_site()) as server:
        result = subprocess.run([sys.executable, "-m", "scrapy", "fetch", "-s", "LOG_LEVEL=INFO", f"{server.base_url}/"],
                                cwd=REPO, capture_output=True, text=True, timeout=60)
    assert "newscrawl.progress.CrawlProgress" not in result.stderr.split("Enabled item pipelines")[0]


def test_export_draws_a_bar_on_a_terminal(tmp_path: Path) -> None:
    state, records = crawled()
    controller, terminal = pty.openpty()
    command = [sys.executable, "-m", "scrapy", "export", "-s", f"NEWSCRAWL_STATE={state}", "-o", str(tmp_path / "out")]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=terminal)
    os.close(terminal)
    drawn = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal's other end closed
            break
        if not chunk:
            break
        drawn += chunk
    os.close(controller)
    assert process.wait(timeout=60) == 0
    assert f"[{'#' * 30}] 100% {len(records):,}/{len(records):,} articles".encode() in drawn
    assert drawn.startswith(b"\r")


def test_export_progress_elsewhere_is_plain_lines() -> None:
    stream = io.StringIO()
    progress = ExportProgress.on(stream, count=lambda: pytest.fail("no count without a terminal"))
    progress.every = 0
    for _ in range(3):
        progress.advance()
    progress.finish()
    assert stream.getvalue().splitlines()[-1].startswith("export: 3 articles written (")
    assert "\r" not in stream.getvalue()
