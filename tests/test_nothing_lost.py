"""Nothing lost, nothing wrongly reported: failed sources, future lastmods, aliases of an
article's URL, a store that cannot be written, a store reached through a symlink, a kill
between a feed's rename and the store's confirmation."""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from crawling import REPO, command_for, read_export, run_crawl
from scrapy.utils.test import get_crawler

from newscrawl.demo.kursiv import build_copy
from newscrawl.demo.kursiv.copy import KursivCopy
from newscrawl.demo.server import serve
from newscrawl.demo.site import Site, build_site
from newscrawl.incremental import RunState
from newscrawl.items import Article
from newscrawl.store import open_store

ARTICLE_HREF = re.compile(rb'href="(/(?:ru|kz|en)/(?:last|news)/[^"/?]+)"')


def urls(records: list[dict]) -> set[str]:
    return {record["url"] for record in records}


class FlakySite:
    """The demo site, where one monthly sitemap and one article answer 500 while ``broken``."""

    def __init__(self, site: Site | KursivCopy, sitemap: str, article: str) -> None:
        self.site, self.sitemap, self.article, self.broken = site, sitemap, article, True

    def respond(self, path: str, *, host: str | None = None, fired: set[str] | None = None):
        if self.broken and path in (self.sitemap, self.article):
            return 500, {"Content-Type": "text/html"}, b"<html><body>Internal error</body></html>"
        return self.site.respond(path, host=host, fired=fired)


def test_failed_sitemap_and_failed_article_are_due_again_next_run(tmp_path: Path) -> None:
    site = build_site()
    months = sorted({f"{a.published:%Y-%m}" for a in site.articles})
    month = months[0]  # its sitemap fails; and the oldest article of the next month (in no feed) fails
    article = [a for a in site.edition_articles("ru") if f"{a.published:%Y-%m}" == months[1]][-1]
    flaky = FlakySite(site, f"/sitemap/ru-{month}.xml", article.path)
    with serve(flaky) as server:  # type: ignore[arg-type]
        first = run_crawl(server, tmp_path, name="first")
        flaky.broken = False
        later = [run_crawl(server, tmp_path, name=f"later{n}") for n in range(2)]
    assert "sitemap or feed failed" in first.log and "article failed" in first.log
    exported = urls(first.records) | urls(later[0].records) | urls(later[1].records)
    lost = urls(site.expected_records()) - exported
    assert not lost, f"{len(lost)} articles never exported, e.g. {sorted(lost)[:3]}"
    assert later[1].article_requests() == []  # once read completely, the month is not read again


def test_kursiv_failed_monthly_sitemap_and_failed_article_are_due_again_next_run(tmp_path: Path) -> None:
    # WordPress: /sitemap.xml -> /sitemaps/{ed}/sitemap.xml -> /sitemaps/{ed}/posts-YYYY-MM.xml
    site = build_copy()
    month = "2023-11"  # its ru sitemap fails; and a kk post of another month (not in the feed) fails
    article = next(a for a in site.articles if a.edition == "kk" and f"{a.day:%Y-%m}" == "2024-02"
                   and a.path not in vars(site.faults).values())
    flaky = FlakySite(site, f"/sitemaps/ru/posts-{month}.xml", article.path)
    with serve(flaky) as server:  # type: ignore[arg-type]
        first = run_crawl(server, tmp_path, name="first", spider="kursiv")
        flaky.broken = False
        later = [run_crawl(server, tmp_path, name=f"later{n}", spider="kursiv") for n in range(2)]
    assert "sitemap or feed failed" in first.log and "article failed" in first.log
    exported = urls(first.records) | urls(later[0].records) | urls(later[1].records)
    lost = urls(site.expected_records()) - exported
    assert not lost, f"{len(lost)} articles never exported, e.g. {sorted(lost)[:3]}"
    assert later[1].article_requests() == []


def test_sitemap_index_is_remembered_only_once_each_child_it_listed_was_read(tmp_path: Path) -> None:
    # An index of indexes: an edition's index whose lastmod is kept while one of its monthly
    # sitemaps failed would hide that month from every later run.
    crawler = get_crawler(settings_dict={"NEWSCRAWL_STATE_ENABLED": True})
    state = RunState(crawler, tmp_path / "state.sqlite")
    state.run_id = state.store.start_run("kursiv", "incremental", "2024-03-01T00:00:00+00:00")
    month, failed = "https://kz.kursiv.media/sitemaps/ru/posts-2024-02.xml", "https://x/sitemaps/ru/posts-2024-03.xml"
    try:
        state.source_read("https://kz.kursiv.media/sitemaps/ru/sitemap.xml", "2024-03-01T00:00:00+00:00",
                          [month, failed])
        state.source_read("https://kz.kursiv.media/sitemaps/kk/sitemap.xml", "2024-03-01T00:00:00+00:00", [month])
        state.source_read(month, "2024-02-29T00:00:00+00:00", [])
        assert set(state.complete_sources()) == {month, "https://kz.kursiv.media/sitemaps/kk/sitemap.xml"}
    finally:
        state.store.close()
        if state.lock is not None:
            state.lock.release()


def test_lastmod_in_the_future_does_not_hide_later_edits(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWL_STATE_ENABLED": True})
    state = RunState(crawler, tmp_path / "state.sqlite")
    state.run_id = state.store.start_run("inbusiness", "incremental", "2024-03-01T00:00:00+00:00")
    url = "https://inbusiness.kz/ru/last/a"
    article = Article(url=url, site="inbusiness.kz", language="ru", title="T", body="B",
                      published_at="2024-03-01T10:00:00+05:00", lastmod="2999-01-01T00:00:00+00:00")
    state.keep_article(article)
    tomorrow = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat(timespec="seconds")
    try:
        assert not state.knows_article(url, tomorrow), "an edit made tomorrow would never be fetched"
        assert state.knows_article(url, "2024-03-02T00:00:00+00:00")
    finally:
        state.store.close()
        if state.lock is not None:
            state.lock.release()


class SelfNamedCopy:
    """A copy of the site whose pages name the copy as canonical, and whose latest listings
    link each article under another URL: tracking parameters, a trailing slash, AMP, an old URL."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def respond(self, path: str, *, host: str | None = None, fired: set[str] | None = None):
        if match := re.fullmatch(r"/(ru|kz|en)/(last|news)/old-(.+)", path):
            return 301, {"Location": f"/{match[1]}/{match[2]}/{match[3]}"}, b""
        status, headers, body = self.site.respond(path, host=host, fired=fired)
        if path.endswith("/lastnews"):
            variants = iter([lambda p: p + b"?utm_source=tg&fbclid=x", lambda p: p + b"/", lambda p: b"/amp" + p,
                             lambda p: p.rsplit(b"/", 1)[0] + b"/old-" + p.rsplit(b"/", 1)[1]] * 100)
            body = ARTICLE_HREF.sub(lambda m: b'href="' + next(variants)(m[1]) + b'"', body)
        elif "html" in headers.get("Content-Type", ""):
            body = body.replace(b"https://inbusiness.kz", f"http://{host}".encode())
        return status, headers, body


def test_no_op_run_on_a_copy_naming_itself_canonical_fetches_no_article(tmp_path: Path) -> None:
    with serve(SelfNamedCopy(build_site())) as server:  # type: ignore[arg-type]
        seed = run_crawl(server, tmp_path, name="seed")
        noop = run_crawl(server, tmp_path, name="noop")
    assert seed.returncode == 0, seed.log[-2000:]
    # The copy's own canonical is trusted and rebased to the site (extract/canonical.py): the
    # records are the site's, whichever variant of a URL the listings linked.
    assert urls(seed.records) == urls(build_site().expected_records())
    assert "canonical_untrusted" not in seed.log
    assert noop.returncode == 0, noop.log[-2000:]
    assert noop.article_requests() == []
    assert noop.records == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tiny file system of its own (tmpfs, as root), to be filled or made read-only."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def stored_urls(path: Path) -> set[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in connection.execute("SELECT url FROM articles")}
    finally:
        connection.close()


def test_full_disk_fails_the_run_with_exit_4_and_exports_only_what_was_stored(tmp_path: Path,
                                                                              small_disk: Path) -> None:
    store = small_disk / "state.sqlite"
    with serve(build_site()) as server:
        crawl = run_crawl(server, tmp_path, state=store)
    assert crawl.returncode == 4, crawl.log[-2000:]
    assert "outcome=store_failed" in crawl.log
    assert re.search(r"article store write failed .*: http://127\.0\.0\.1:\d+/", crawl.log) or \
        re.search(r"could not store https://inbusiness\.kz/\S+", crawl.log)
    exported = urls(crawl.records) | urls(read_export(tmp_path / "out.jsonl.part"))
    assert exported <= stored_urls(store)


def test_read_only_store_fails_the_run_with_exit_4(tmp_path: Path, small_disk: Path) -> None:
    store = small_disk / "state.sqlite"
    open_store(store).close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with serve(build_site()) as server:
        crawl = run_crawl(server, tmp_path, state=store)
    assert crawl.returncode == 4, crawl.log[-2000:]
    assert "read-only" in crawl.log or "readonly" in crawl.log


def test_corrupted_store_fails_the_run_with_exit_4(tmp_path: Path) -> None:
    store = tmp_path / "state.sqlite"
    with serve(build_site()) as server:
        assert run_crawl(server, tmp_path, state=store, name="seed").returncode == 0
        with open(store, "r+b") as handle:  # the header stays: the file still looks like a store
            handle.seek(8192)
            handle.write(b"\xde\xad\xbe\xef" * 4096)
        crawl = run_crawl(server, tmp_path, state=store)
    assert crawl.returncode == 4, crawl.log[-2000:]
    assert "malformed" in crawl.log


def test_second_run_through_a_symlink_to_the_store_stops_at_once(tmp_path: Path) -> None:
    store, link = tmp_path / "state.sqlite", tmp_path / "link.sqlite"
    link.symlink_to(store)
    with serve(build_site(), delay=0.05) as server:
        first = subprocess.Popen(command_for(server, tmp_path, state=store, name="first"), cwd=REPO,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while not any("/last/" in path for _, path, _ in server.requests) and time.monotonic() < deadline:
                time.sleep(0.05)
            second = run_crawl(server, tmp_path, state=link, name="second")
        finally:
            first.send_signal(signal.SIGINT)
            first.wait(timeout=60)
    assert second.returncode == 3, second.log[-2000:]
    assert "another newscrawl run is using the store" in second.log
    assert second.records == []


@pytest.mark.parametrize("rerun_name", ["rerun", "seed"], ids=["new-file", "same-file"])
def test_kill_between_feed_rename_and_store_confirmation_exports_nothing_twice(tmp_path: Path,
                                                                              rerun_name: str) -> None:
    site = build_site()
    with serve(site) as server:
        seed = run_crawl(server, tmp_path, name="seed")
        assert seed.returncode == 0, seed.log[-2000:]
        # What a kill -9 right after the rename of seed.jsonl leaves: the file whole, the store unconfirmed.
        connection = sqlite3.connect(tmp_path / "state.sqlite")
        connection.execute("UPDATE articles SET pending_run = 1")
        connection.commit()
        connection.close()
        rerun = run_crawl(server, tmp_path, name=rerun_name)
    assert len(seed.records) == len(site.articles)
    assert rerun.returncode == 0, rerun.log[-2000:]
    assert rerun.records == []
