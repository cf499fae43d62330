"""Running the real ``scrapy crawl`` against the local site, for the end-to-end tests."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from newscrawl.demo.__main__ import crawl_command
from newscrawl.demo.core import SiteCopy
from newscrawl.demo.server import DemoServer, serve
from newscrawl.sites import get_site

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Crawl:
    """What one crawl exported, what the server saw, what the log says."""

    records: list[dict]
    requests: list[tuple[str, str, int]]
    log: str
    returncode: int
    #: The spider that crawled: its site's declaration tells article pages from the rest.
    spider: str = "inbusiness"

    def summary(self) -> dict[str, int]:
        line = re.search(r"newscrawl summary: (.*) outcome=", self.log)
        assert line, "no summary line in the log"
        return {key: int(value) for key, value in (pair.split("=") for pair in line.group(1).split())}

    def stat(self, name: str) -> int:
        """A Scrapy stat from the dump at the end of the log (0 when it was never counted)."""
        match = re.search(rf"'{re.escape(name)}': (\d+)", self.log)
        return int(match[1]) if match else 0

    def article_requests(self) -> list[str]:
        site = get_site(self.spider)
        return [path for _, path, _ in self.requests if site.match_article(urlsplit(path).path)]


def read_export(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def command_for(server: DemoServer | str, workdir: Path, *arguments: str, since: date | None = None,
                until: date | None = None, state: Path | None = None, name: str = "out",
                spider: str = "inbusiness") -> list[str]:
    base_url = server if isinstance(server, str) else server.base_url
    command = crawl_command(base_url, since, until, workdir / f"{name}.jsonl",
                            state=state or workdir / "state.sqlite", log=workdir / f"{name}.log", spider=spider)
    return [*command, *arguments]


def run_crawl(server: DemoServer | str, workdir: Path, *arguments: str, since: date | None = None,
              until: date | None = None, state: Path | None = None, name: str = "out",
              spider: str = "inbusiness") -> Crawl:
    """One ``scrapy crawl`` to its end; the requests the server saw during it."""
    first = 0 if isinstance(server, str) else len(server.requests)
    command = command_for(server, workdir, *arguments, since=since, until=until, state=state, name=name,
                          spider=spider)
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
    requests = [] if isinstance(server, str) else list(server.requests[first:])
    log = workdir / f"{name}.log"
    return Crawl(read_export(workdir / f"{name}.jsonl"), requests,
                 (log.read_text(encoding="utf-8") if log.exists() else "") + result.stderr, result.returncode, spider)


def backfill_window(site: SiteCopy, window: tuple[date, date], workdir: Path) -> tuple[Crawl, list[dict]]:
    """Backfill one window of ``site``'s copy with its own spider; with the records the copy served."""
    since, until = window
    with serve(site) as server:
        crawl = run_crawl(server, workdir, since=since, until=until, spider=site.name)
    return crawl, site.expected_records(since, until)


def assert_exports_the_window_once(crawl: Crawl, expected: list[dict]) -> None:
    """The crawl succeeded and exported every article the copy served in the window, each once."""
    assert crawl.returncode == 0, crawl.log[-3000:]
    urls = [record["url"] for record in crawl.records]
    assert len(urls) == len(set(urls)), "an article was exported twice"
    assert sorted(urls) == sorted(record["url"] for record in expected)


def assert_records_equal_the_copy(crawl: Crawl, expected: list[dict]) -> None:
    """Each expected record was exported with every field equal (the failure names the field), nothing more."""
    exported = {record["url"]: record for record in crawl.records}
    for truth in expected:
        got = exported.get(truth["url"])
        assert got is not None, truth["url"]
        for field, value in truth.items():
            assert got[field] == value, (truth["url"], field)
        assert got == truth, truth["url"]


def assert_rerun_fetches_no_article_page(site: SiteCopy, workdir: Path) -> Crawl:
    """A second incremental run over an unchanged copy fetches no article page and exports nothing;
    returns the first (seeding) run for the caller's own checks."""
    with serve(site) as server:
        first = run_crawl(server, workdir, name="seed", spider=site.name)
        again = run_crawl(server, workdir, name="again", spider=site.name)
    assert first.returncode == 0 and first.records, first.log[-3000:]
    assert again.returncode == 0, again.log[-3000:]
    assert again.article_requests() == [] and again.records == []
    return first
