"""Scrapy's own commands on the project: they work as Scrapy users expect and leave the
article store alone (only ``scrapy crawl`` opens it, takes its lock and records a run)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from crawling import REPO

from newscrawl.demo.server import DemoServer, serve
from newscrawl.demo.site import build_site
from newscrawl.urls import rebase


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with serve(build_site()) as server:
        yield server


def scrapy(*arguments: str, store: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scrapy", *arguments, "-s", f"NEWSCRAWL_STATE={store}"]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)


def article_url(server: DemoServer) -> str:
    return rebase(build_site().expected_records()[0]["url"], server.base_url)


@pytest.mark.parametrize("command", ["shell", "fetch", "parse", "check", "list"])
def test_scrapy_commands_other_than_crawl_leave_the_store_alone(
    command: str, server: DemoServer, tmp_path: Path
) -> None:
    store = tmp_path / "store" / "state.sqlite"
    store.parent.mkdir()
    url = article_url(server)
    arguments = {
        "shell": ["shell", url, "-c", "response.status"],
        "fetch": ["fetch", "--nolog", url],
        "parse": ["parse", "--spider=inbusiness", "-a", f"base_url={server.base_url}", "-c", "parse_article", url],
        "check": ["check", "inbusiness", "-a", f"base_url={server.base_url}"],  # else it checks the real site
        "list": ["list"],
    }[command]
    result = scrapy(*arguments, store=store)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "Traceback" not in output and "ERROR" not in output, output[-3000:]
    assert list(store.parent.iterdir()) == [], "no store file, lock or run record"
    # scrapy parse prints the exported record as JSON; scrapy check reports its contracts on stderr
    expected = {"shell": "200", "fetch": "<html", "parse": '"title":', "check": "", "list": "inbusiness"}[command]
    assert expected in result.stdout
    if command == "check":
        assert re.search(r"Ran [1-9]\d* contracts", result.stderr) and result.stderr.rstrip().endswith("OK")


def test_crawl_still_opens_the_store(server: DemoServer, tmp_path: Path) -> None:
    store = tmp_path / "state.sqlite"
    result = scrapy("crawl", "inbusiness", "-a", f"base_url={server.base_url}", "-a", "canary=1", store=store)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not store.exists(), "a canary run does not use the store"
    result = scrapy("crawl", "inbusiness", "-a", f"base_url={server.base_url}", "-a", "editions=en",
                    "-s", "ROBOTSTXT_OBEY=0", store=store)
    assert store.exists(), result.stderr[-3000:]
