"""A crawl of a site that cannot be reached: it ends quickly, says why in one summary line,
exits 1 and publishes no ``-O`` file; a run with nothing new publishes an empty one."""

from __future__ import annotations

import re
import socket
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from crawling import run_crawl

from newscrawl.demo.server import serve
from newscrawl.demo.site import build_site


def closed_port_url() -> str:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


@pytest.mark.parametrize(
    ("base_url", "cause", "max_retries"),
    [(closed_port_url(), "connection refused", 3), ("http://nonexistent.invalid", "DNS lookup failed", 0)],
    ids=["closed-port", "dns-failure"],  # .invalid never resolves (RFC 2606): no traffic leaves the machine
)
def test_unreachable_site_fails_fast_with_its_reason_and_no_export(
    base_url: str, cause: str, max_retries: int, tmp_path: Path
) -> None:
    crawl = run_crawl(base_url, tmp_path)  # incremental: sitemap index and 3 editions' listings
    assert crawl.returncode == 1
    assert f'outcome=failed reason="site unreachable: {cause}" finish_reason=site_unreachable' in crawl.log
    assert not (tmp_path / "out.jsonl").exists(), "a failed run publishes no file under the final name"
    assert "Traceback" not in crawl.log
    errors = [line for line in crawl.log.splitlines() if " ERROR: " in line]
    per_source = Counter(re.findall(r"(?:failed|unreachable): [^:]*? ?(https?://\S+?):? ", "\n".join(errors)))
    assert per_source and max(per_source.values()) == 1, errors
    assert len(errors) <= 4 + 2, errors  # one per source, the unreachable line, the summary
    summary = crawl.summary()
    assert summary["retries"] <= max_retries and summary["requests"] <= max_retries + 1


@pytest.mark.parametrize("spider", ["kursiv", "tengrinews"])
@pytest.mark.parametrize("window", [{}, {"since": date(2024, 3, 1), "until": date(2024, 3, 1)}],
                         ids=["incremental", "backfill"])
def test_every_site_over_a_dead_port_fails_fast_with_its_reason_and_no_export(
    spider: str, window: dict[str, date], tmp_path: Path
) -> None:
    crawl = run_crawl(closed_port_url(), tmp_path, spider=spider, **window)  # kursiv backfill: its REST API
    assert crawl.returncode == 1, crawl.log[-2000:]
    assert 'outcome=failed reason="site unreachable: connection refused" finish_reason=site_unreachable' in crawl.log
    assert not (tmp_path / "out.jsonl").exists()
    assert "Traceback" not in crawl.log
    assert crawl.summary()["requests"] <= 4  # the first request's attempts, nothing after


def test_run_with_nothing_new_publishes_an_empty_file_and_exits_0(tmp_path: Path) -> None:
    day = date(2022, 10, 17)
    with serve(build_site()) as server:  # the copy has no English edition: nothing to export, nothing failed
        crawl = run_crawl(server, tmp_path, "-a", "editions=en", since=day, until=day)
    assert crawl.returncode == 0, crawl.log[-2000:]
    assert (tmp_path / "out.jsonl").read_bytes() == b""
    assert "outcome=ok finish_reason=finished" in crawl.log


def test_run_over_the_error_rate_publishes_nothing_and_the_next_incremental_run_delivers_it(tmp_path: Path) -> None:
    day = date(2022, 10, 17)
    site = build_site()
    expected = sorted(record["url"] for record in site.expected_records(day, day, editions=("ru",)))
    with serve(site) as server:
        failed = run_crawl(server, tmp_path, "-a", "editions=ru", "-s", "NEWSCRAWL_MAX_ERROR_RATE=-1",
                           since=day, until=day, name="failed")
        again = run_crawl(server, tmp_path, "-a", "editions=ru", "-a", f"since={day}", name="again")
    assert failed.returncode == 1 and 'outcome=failed reason="0 of ' in failed.log
    assert not (tmp_path / "failed.jsonl").exists() and (tmp_path / "failed.jsonl.part").exists()
    # Stored but never delivered: the next incremental run exports them (unchanged articles it would skip).
    assert set(expected) <= {r["url"] for r in again.records}
    assert again.summary()["redelivered"] == len(expected)
