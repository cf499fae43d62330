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
from newscrawl.demo.server import DemoServer
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
