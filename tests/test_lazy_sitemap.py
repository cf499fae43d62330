"""A sitemap of many articles is scheduled in batches (``NEWSCRAWL_FEED_BATCH``): the scheduler
never holds much more than two batches (the next is fed once under one batch waits), every article is still fetched once, and the sitemap is
remembered as read once every article it listed is settled (issue 13 case 8)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from crawling import REPO, Crawl, command_for, read_export

from newscrawl import settings as project_settings
from newscrawl.demo.server import DemoServer, serve

ARTICLES = 3_000
BATCH = 250
#: Requests beyond two batches the scheduler may hold: the scraper reads ahead up to
#: CONCURRENT_ITEMS (100) outputs of a callback, and the listings and feeds add a few.
SLACK = 150
XML = {"Content-Type": "application/xml"}


class BigSitemap:
    """A sitemap index naming one sitemap of ``articles`` article URLs, each answering 404 (gone:
    settled without a page to extract); everything else 404 too."""

    def __init__(self, articles: int = ARTICLES) -> None:
        self.articles = articles

    def respond(self, path: str, *, host: str | None = None, fired: set[str] | None = None) -> Any:
        if path == "/sitemap.xml":
            return 200, XML, (f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
                              f"<loc>http://{host}/sitemap/ru-2024-03.xml</loc>"
                              f"<lastmod>2024-03-31T10:00:00+05:00</lastmod></sitemap></sitemapindex>").encode()
        if path == "/sitemap/ru-2024-03.xml":
            entries = "".join(f"<url><loc>http://{host}/ru/last/a-{n}</loc>"
                              f"<lastmod>2024-03-01T10:00:00+05:00</lastmod></url>" for n in range(self.articles))
            return 200, XML, (f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}'
                              f"</urlset>").encode()
        return 404, {"Content-Type": "text/html"}, b"<html><body>404</body></html>"


def crawl_command(server: DemoServer, workdir: Path, name: str, *settings: str) -> list[str]:
    """``scrapy crawl inbusiness`` (incremental, edition ru) with the scheduler-peak extension."""
    extensions = {**project_settings.EXTENSIONS, "scheduler_peak.SchedulerPeak": 900}
    arguments = ["-a", "editions=ru", "-s", f"EXTENSIONS={json.dumps(extensions)}",
                 *(f"-s{setting}" for setting in settings)]
    return command_for(server, workdir, *arguments, name=name)


#: The crawl finds the extension in tests/.
ENVIRONMENT = {**os.environ, "PYTHONPATH": os.pathsep.join(
    [str(REPO), str(REPO / "tests"), os.environ.get("PYTHONPATH", "")])}


def crawl(server: DemoServer, workdir: Path, name: str, *settings: str) -> Crawl:
    first = len(server.requests)
    result = subprocess.run(crawl_command(server, workdir, name, *settings), cwd=REPO, capture_output=True,
                            text=True, timeout=300, env=ENVIRONMENT)
    log = (workdir / f"{name}.log").read_text(encoding="utf-8") + result.stderr
    return Crawl(read_export(workdir / f"{name}.jsonl"), list(server.requests[first:]), log, result.returncode)


def stat(crawl: Crawl, name: str) -> int:
    match = re.search(rf"'{re.escape(name)}': (\d+)", crawl.log)
    return int(match[1]) if match else 0


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Crawl, Crawl]:
    """The first run (empty store), then a second one on the same store."""
    workdir = tmp_path_factory.mktemp("lazy")
    with serve(BigSitemap()) as server:  # type: ignore[arg-type]
        first = crawl(server, workdir, "first", f"NEWSCRAWL_FEED_BATCH={BATCH}")
        second = crawl(server, workdir, "second", f"NEWSCRAWL_FEED_BATCH={BATCH}")
    return first, second


def test_scheduler_holds_under_two_batches_of_a_big_sitemap(runs: tuple[Crawl, Crawl]) -> None:
    first, _ = runs
    assert stat(first, "scheduler/enqueued") >= ARTICLES
    assert 0 < stat(first, "test/scheduler_peak") <= 2 * BATCH + SLACK


def test_every_article_of_a_sitemap_fed_in_batches_is_fetched_once(runs: tuple[Crawl, Crawl]) -> None:
    first, _ = runs
    fetched = Counter(path for _, path, _ in first.requests if path.startswith("/ru/last/a-"))
    assert set(fetched) == {f"/ru/last/a-{n}" for n in range(ARTICLES)}
    assert max(fetched.values()) == 1


def test_sitemap_fed_in_batches_is_remembered_once_every_article_is_settled(runs: tuple[Crawl, Crawl]) -> None:
    first, second = runs
    assert stat(first, "newscrawl/source_due_again") == 0
    assert stat(second, "newscrawl/skipped/known_source") == 1
    assert not [path for _, path, _ in second.requests if path.startswith("/ru/last/a-")]


def article_requests(server: DemoServer) -> list[str]:
    return [path for _, path, _ in server.requests if path.startswith("/ru/last/a-")]


def test_sitemap_fed_in_batches_loses_nothing_when_a_jobdir_crawl_is_paused(tmp_path: Path) -> None:
    """Ctrl-C mid-sitemap: what was not fed yet goes to the JOBDIR's disk queue; the resumed job
    fetches every article, none twice."""
    articles, job = 2_000, f"JOBDIR={tmp_path / 'job'}"
    with serve(BigSitemap(articles), delay=0.01) as server:  # type: ignore[arg-type]
        paused = subprocess.Popen(crawl_command(server, tmp_path, "part1", job, f"NEWSCRAWL_FEED_BATCH={BATCH}"),
                                  cwd=REPO, env=ENVIRONMENT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while len(article_requests(server)) < BATCH and time.monotonic() < deadline and paused.poll() is None:
            time.sleep(0.02)
        paused.send_signal(signal.SIGINT)
        paused.wait(timeout=120)
        before_resume = len(set(article_requests(server)))
        crawl(server, tmp_path, "part2", job, f"NEWSCRAWL_FEED_BATCH={BATCH}")
        fetched = Counter(article_requests(server))
    assert before_resume < articles  # paused mid-way
    assert set(fetched) == {f"/ru/last/a-{n}" for n in range(articles)}
    assert max(fetched.values()) == 1
