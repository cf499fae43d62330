"""``scrapy crawl kursiv`` end to end over a tiny server made of the spec's example files:
the REST API backfill, its fallback to day archives, incremental sitemaps and feeds, the no-op."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from newscrawl.demo.__main__ import FAST_SETTINGS

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "kursiv"
REAL = "https://kz.kursiv.media"
NACBANK = "/2024-03-01/nacbank-sohranil-bazovuyu-stavku/"
TENGE = "/2024-03-01/tenge-ukrepilsya-k-dollaru/"
AIR_ASTANA = "/2024-03-01/air-astana-uvelichit-chislo-rejsov/"  # listed everywhere, taken down: 404
LEAP_DAY = "/2024-02-29/leap-day-news/"  # the API's window edge: the day before the crawled one
SITEMAP_INDEX = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{REAL}/sitemaps/ru/sitemap.xml</loc></sitemap>
<sitemap><loc>{REAL}/sitemaps/en/sitemap.xml</loc></sitemap>
</sitemapindex>"""
FEED = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kursiv</title>
<item><title>x</title><link>{REAL}{TENGE}?utm_source=rss</link><pubDate>Fri, 01 Mar 2024 05:45:00 +0000</pubDate></item>
<item><title>y</title><link>{REAL}{NACBANK}</link><pubDate>Thu, 29 Feb 2024 19:20:00 +0000</pubDate></item>
</channel></rss>"""


def article_page(path: str, headline: str) -> bytes:
    """The spec's ``single`` example, as the article at ``path``."""
    html = (FIXTURES / "single-2024-03-01.html").read_text(encoding="utf-8")
    return html.replace(NACBANK, path).replace("Нацбанк сохранил базовую ставку на уровне 14,75%", headline).encode()


def spec_sitemaps() -> tuple[bytes, bytes]:
    """The spec's ``sitemap-ru.xml``: an edition's index and its month, one file each."""
    source = (FIXTURES / "sitemap-ru.xml").read_text(encoding="utf-8")
    index, month = source.split("<!-- /sitemaps/ru/posts-2024-03.xml -->")
    return index.split("-->", 1)[1].strip().encode(), month.strip().encode()


def site_pages(api: bool) -> dict[str, tuple[int, str, bytes]]:
    index, month = spec_sitemaps()
    posts = [{"id": n, "link": f"{REAL}{path}", "modified_gmt": "2024-03-01T04:05:00"}
             for n, path in enumerate((NACBANK, TENGE, AIR_ASTANA, LEAP_DAY, NACBANK))]
    pages = {
        NACBANK: (200, "text/html; charset=utf-8", article_page(NACBANK, "Нацбанк сохранил базовую ставку на уровне 14,75%")),
        TENGE: (200, "text/html; charset=utf-8", article_page(TENGE, "Тенге укрепился к доллару на фоне роста нефти")),
        LEAP_DAY: (200, "text/html; charset=utf-8", article_page(LEAP_DAY, "Високосный день")),
        "/2024/03/01/": (200, "text/html; charset=utf-8", (FIXTURES / "archive-2024-03-01.html").read_bytes()),
        "/sitemap.xml": (200, "application/xml", SITEMAP_INDEX.encode()),
        "/sitemaps/ru/sitemap.xml": (200, "application/xml", index),
        "/sitemaps/ru/posts-2024-03.xml": (200, "application/xml", month),
        "/feed/": (200, "application/rss+xml", FEED.encode()),
    }
    if api:
        pages["/wp-json/wp/v2/posts?lang=ru"] = (200, "application/json", json.dumps(posts).encode())
        pages["/wp-json/wp/v2/posts?lang=kk"] = (200, "application/json", b"[]")
        pages["/wp-json/wp/v2/posts?lang=en"] = (200, "application/json", b"[]")
    return pages


@contextmanager
def serve(pages: dict[str, tuple[int, str, bytes]]) -> Iterator[tuple[str, list[str]]]:
    """A server on a free port answering ``pages`` (an API path by its ``lang``), else 404."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            seen.append(self.path)
            parts = urlsplit(self.path)
            key = parts.path
            if key == "/wp-json/wp/v2/posts":
                query = parse_qs(parts.query)
                key += f"?lang={query.get('lang', ['ru'])[0]}"
                if query.get("page", ["1"])[0] != "1":
                    key = "past the end"  # WordPress answers 400 there; the spider never asks
            status, kind, body = pages.get(key, (404, "text/html", b"<html><body>Not found</body></html>"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("X-WP-TotalPages", "1")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def crawl(base_url: str, workdir: Path, *arguments: str, name: str = "out") -> tuple[list[dict], str, int]:
    output, log = workdir / f"{name}.jsonl", workdir / f"{name}.log"
    command = [sys.executable, "-m", "scrapy", "crawl", "kursiv", "-a", f"base_url={base_url}", "-O", str(output),
               *arguments, "-s", f"NEWSCRAWL_STATE={workdir / 'state.sqlite'}", "-s", f"LOG_FILE={log}"]
    for setting in FAST_SETTINGS:
        command += ["-s", setting]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()] if output.exists() else []
    return records, log.read_text(encoding="utf-8") + result.stderr, result.returncode


def test_backfill_through_the_rest_api_exports_the_window_by_url_date(tmp_path: Path) -> None:
    with serve(site_pages(api=True)) as (base_url, seen):
        records, log, code = crawl(base_url, tmp_path, "-a", "since=2024-03-01", "-a", "until=2024-03-01")
    assert code == 0, log[-3000:]
    assert sorted(r["url"] for r in records) == [REAL + NACBANK.rstrip("/"), REAL + TENGE.rstrip("/")]
    first = next(r for r in records if r["url"] == REAL + NACBANK.rstrip("/"))
    assert (first["site"], first["language"], first["published_at"]) == (
        "kz.kursiv.media", "ru", "2024-03-01T00:20:00+05:00")  # 19:20 UTC the day before
    assert LEAP_DAY not in seen, "the URL's date puts it outside the window: not fetched"
    assert not any(path.startswith("/2024/03/01/") for path in seen), "the API answered: no day archives"
    assert "not_found_404=1 " in log  # Air Astana, listed but taken down
    assert " single=2 subcat-article=0 fallback=0 " in log  # the summary line counts the site's own layouts


def test_backfill_without_the_api_reads_the_day_archives(tmp_path: Path) -> None:
    with serve(site_pages(api=False)) as (base_url, seen):
        records, log, code = crawl(base_url, tmp_path, "-a", "since=2024-03-01", "-a", "until=2024-03-01")
    assert code == 0, log[-3000:]
    assert sorted(r["url"] for r in records) == [REAL + NACBANK.rstrip("/"), REAL + TENGE.rstrip("/")]
    assert {"/2024/03/01/", "/kk/2024/03/01/", "/en/2024/03/01/"} <= set(seen)
    assert "/special/kursiv-guide-2024/" not in seen
    assert "listing failed" not in log  # a day archive answering 404 is a day without posts


def test_incremental_reads_sitemaps_and_feeds_then_a_second_run_fetches_no_article(tmp_path: Path) -> None:
    with serve(site_pages(api=False)) as (base_url, seen):
        first, log, code = crawl(base_url, tmp_path)
        assert code == 0, log[-3000:]
        assert sorted(r["url"] for r in first) == [REAL + NACBANK.rstrip("/"), REAL + TENGE.rstrip("/")]
        assert "/sitemaps/en/sitemap.xml" in seen and "/en/feed/" in seen
        before = len(seen)
        second, log, code = crawl(base_url, tmp_path, name="again")
        assert code == 0, log[-3000:]
    assert second == []
    article_fetches = [path for path in seen[before:] if path.startswith("/2024-")]
    assert article_fetches == [], article_fetches


def test_canary_takes_the_newest_articles_from_the_feeds_and_leaves_the_store_alone(tmp_path: Path) -> None:
    with serve(site_pages(api=True)) as (base_url, seen):
        records, log, code = crawl(base_url, tmp_path, "-a", "canary=1")
    assert code == 0, log[-3000:]
    assert "canary: ok" in log and "canary: 1 articles by extraction path {'single': 1}" in log
    assert [path for path in seen if path.startswith("/2024-")] == [TENGE]  # the feed's first item only
    assert not (tmp_path / "state.sqlite").exists()
