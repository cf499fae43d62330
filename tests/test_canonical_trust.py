"""Untrusted canonical links (issue 13, case 6): a page's canonical link names the record only
when it is an article URL of the crawled site on one of its own hosts (or on the copy being
crawled) and, when it names another article, only when the fetched URL is an alias of it.

One backfill of a local copy whose day archive lists a real article and three hostile pages:
one whose canonical names another host, one whose canonical names the real article, one whose
canonical is off the site's article pattern and whose page declares the language ``..``.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from crawling import REPO, Crawl, run_crawl

from newscrawl.demo.server import serve
from newscrawl.export.select import partition_of
from newscrawl.extract.canonical import PageUrl, page_url
from newscrawl.sites import get_site

FIXTURE = REPO / "tests" / "fixtures" / "inbusiness" / "layout_b-2024-05-02.html"
DAY = date(2024, 5, 2)
REAL = "https://inbusiness.kz/ru/news/nacbank-sohranil-bazovuyu-stavku"
HTML = {"Content-Type": "text/html; charset=utf-8"}
#: Path on the copy -> (canonical link the page names, its declared language).
PAGES: dict[str, tuple[str, str]] = {
    "/ru/news/nacbank-sohranil-bazovuyu-stavku": (REAL, "ru"),
    "/ru/news/foreign-canonical": ("https://evil.example/ru/news/foreign-canonical", "ru"),
    "/ru/news/names-another-article": (REAL, "ru"),
    "/ru/news/off-pattern-canonical": ("https://inbusiness.kz/special/../../2022-10", ".."),
}


def article_page(path: str) -> bytes:
    """The fixture article with this page's canonical link, language and a title of its own."""
    canonical, language = PAGES[path]
    page = FIXTURE.read_text(encoding="utf-8")
    page = re.sub(r'<link rel="canonical" href="[^"]*">', f'<link rel="canonical" href="{canonical}">', page)
    page = page.replace('<html lang="ru">', f'<html lang="{language}">').replace('"inLanguage":"ru"',
                                                                              f'"inLanguage":"{language}"')
    return page.replace("Нацбанк сохранил", f"{path.rsplit('/', 1)[1]}: Нацбанк сохранил").encode()


class HostileCanonicals:
    """A copy of inbusiness.kz serving one day archive that lists the four pages."""

    def respond(self, path: str, *, host: str | None = None, fired: set[str] | None = None):
        if path == f"/ru/lastnews?date={DAY}":
            items = "".join(f'<div class="news-item"><a class="news-item__title" href="{link}">x</a></div>'
                            for link in PAGES)
            return 200, HTML, f'<html><body><div class="news-list">{items}</div></body></html>'.encode()
        if path in PAGES:
            return 200, HTML, article_page(path)
        return 404, HTML, b"<html><body>not found</body></html>"


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Crawl, Path]]:
    workdir = tmp_path_factory.mktemp("canonicals")
    with serve(HostileCanonicals()) as server:  # type: ignore[arg-type]
        yield run_crawl(server, workdir, "-a", "editions=ru", since=DAY, until=DAY), workdir


def test_each_page_is_exported_once_under_its_own_url_on_the_site(crawl: tuple[Crawl, Path]) -> None:
    result, _ = crawl
    assert result.returncode == 0, result.log[-3000:]
    urls = sorted(record["url"] for record in result.records)
    assert urls == sorted(f"https://inbusiness.kz{path}" for path in PAGES)
    assert {record["site"] for record in result.records} == {"inbusiness.kz"}
    assert {record["language"] for record in result.records} == {"ru"}


def test_real_article_keeps_its_record_when_another_page_names_it(crawl: tuple[Crawl, Path]) -> None:
    result, _ = crawl
    real = [record for record in result.records if record["url"] == REAL]
    assert len(real) == 1 and real[0]["title"] == "nacbank-sohranil-bazovuyu-stavku: Нацбанк сохранил базовую " \
                                                  "ставку на уровне 14,75%"
    assert "newscrawl/dropped/duplicate" not in result.log


def test_untrusted_canonicals_are_counted_and_logged_with_the_url(crawl: tuple[Crawl, Path]) -> None:
    result, _ = crawl
    for reason, path in (("foreign_host", "foreign-canonical"), ("other_article", "names-another-article"),
                         ("not_article", "off-pattern-canonical")):
        assert f"'newscrawl/canonical_untrusted/{reason}': 1" in result.log, result.log[-3000:]
        assert re.search(rf"canonical link not trusted \({reason}\): http://127\.0\.0\.1:\d+/ru/news/{path} ",
                         result.log)


def test_export_files_stay_in_their_edition_folder(crawl: tuple[Crawl, Path]) -> None:
    result, workdir = crawl
    output = workdir / "export"
    command = [sys.executable, "-m", "scrapy", "export", "-o", str(output), "-s",
               f"NEWSCRAWL_STATE={workdir / 'state.sqlite'}"]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    assert [entry["path"] for entry in manifest["files"]] == ["inbusiness.kz/ru/2024-05.jsonl"]


@pytest.mark.parametrize(("record", "stem"), [
    ({"site": "inbusiness.kz", "language": "..", "published_at": "2022-10-18T10:00:00+05:00"},
     "inbusiness.kz/unknown/2022-10"),
    ({"site": "../..", "language": "ru", "published_at": "../../etc/x"}, "unknown/ru/unknown"),
    ({"site": "inbusiness.kz", "language": "", "published_at": "2022-10-18T10:00:00+05:00"},
     "inbusiness.kz/unknown/2022-10"),
    ({"site": "/etc", "language": "kk", "published_at": "2022-10-18"}, "unknown/kk/2022-10"),
])
def test_export_path_stays_under_the_export_folder_whatever_the_record_says(record: dict, stem: str) -> None:
    assert partition_of(record, "edition-month").stem == stem
    assert ".." not in Path(partition_of(record, "none").stem).parts


# -- the trust rule, per site ---------------------------------------------------------------
INBUSINESS, KURSIV = get_site("inbusiness"), get_site("kursiv")
COPY = "http://127.0.0.1:8000"


@pytest.mark.parametrize(("canonical", "fetched", "expected", "reason"), [
    (REAL, f"{COPY}/ru/news/nacbank-sohranil-bazovuyu-stavku", REAL, None),
    (REAL, f"{REAL}?utm_source=x", REAL, None),
    (REAL, "https://inbusiness.kz/amp/ru/news/nacbank-sohranil-bazovuyu-stavku", REAL, None),
    (REAL.replace("https://", "https://www."), f"{REAL}/", REAL.replace("https://", "https://www."), None),
    (f"{COPY}/ru/news/nacbank-sohranil-bazovuyu-stavku", f"{COPY}/ru/news/nacbank-sohranil-bazovuyu-stavku",
     REAL, None),
    ("/ru/news/nacbank-sohranil-bazovuyu-stavku", f"{COPY}/amp/ru/news/nacbank-sohranil-bazovuyu-stavku", REAL, None),
    ("https://evil.example/ru/news/x", f"{COPY}/ru/news/x", "https://inbusiness.kz/ru/news/x", "foreign_host"),
    ("https://inbusiness.kz.evil.example/ru/news/x", "https://inbusiness.kz/ru/news/x",
     "https://inbusiness.kz/ru/news/x", "foreign_host"),
    ("http://127.0.0.1:9999/ru/news/x", f"{COPY}/ru/news/x", "https://inbusiness.kz/ru/news/x", "foreign_host"),
    ("https://inbusiness.kz/ru/cat/ekonomika", "https://inbusiness.kz/ru/news/x", "https://inbusiness.kz/ru/news/x",
     "not_article"),
    ("javascript:alert(1)", "https://inbusiness.kz/ru/news/x", "https://inbusiness.kz/ru/news/x", "not_web"),
    (REAL, "https://inbusiness.kz/ru/news/x", "https://inbusiness.kz/ru/news/x", "other_article"),
    (REAL, "https://inbusiness.kz/ru/last/nacbank-sohranil-bazovuyu-stavku",
     "https://inbusiness.kz/ru/last/nacbank-sohranil-bazovuyu-stavku", "other_article"),
    (None, f"{COPY}/ru/news/x?utm_source=y", "https://inbusiness.kz/ru/news/x", None),
])
def test_inbusiness_canonical_trust(canonical: str | None, fetched: str, expected: str, reason: str | None) -> None:
    page = page_url(canonical, fetched, INBUSINESS, copy_root=COPY)
    assert (page.url, page.untrusted) == (expected, reason)


def test_a_copy_host_is_trusted_only_while_that_copy_is_crawled() -> None:
    page = page_url(f"{COPY}/ru/news/x", "https://inbusiness.kz/ru/news/x", INBUSINESS)
    assert (page.url, page.untrusted) == ("https://inbusiness.kz/ru/news/x", "foreign_host")


def test_a_canonical_naming_the_url_a_redirect_came_from_is_trusted() -> None:
    old = "https://inbusiness.kz/ru/news/old-slug"
    page = page_url(old, "https://inbusiness.kz/ru/news/new-slug", INBUSINESS, redirected_from=[old])
    assert (page.url, page.untrusted) == (old, None)


KURSIV_POST = "https://kz.kursiv.media/2024-03-01/nacbank-sohranil-bazovuyu-stavku/"


@pytest.mark.parametrize(("canonical", "fetched", "expected", "reason"), [
    (KURSIV_POST, f"{KURSIV_POST}?utm_campaign=x", KURSIV_POST.rstrip("/"), None),
    (KURSIV_POST, f"{COPY}/2024-03-01/nacbank-sohranil-bazovuyu-stavku", KURSIV_POST.rstrip("/"), None),
    ("https://kursiv.media/2024-03-01/nacbank-sohranil-bazovuyu-stavku/", KURSIV_POST, KURSIV_POST.rstrip("/"),
     "foreign_host"),
    ("https://kz.kursiv.media/special/nacbank/", KURSIV_POST, KURSIV_POST.rstrip("/"), "not_article"),
    ("https://kz.kursiv.media/2024-03-02/other-post/", KURSIV_POST, KURSIV_POST.rstrip("/"), "other_article"),
    ("https://kz.kursiv.media/kk/2024-03-01/nacbank-sohranil-bazovuyu-stavku/", KURSIV_POST,
     KURSIV_POST.rstrip("/"), "other_article"),
])
def test_kursiv_canonical_trust(canonical: str, fetched: str, expected: str, reason: str | None) -> None:
    page = page_url(canonical, fetched, KURSIV, copy_root=COPY)
    assert (page.url, page.untrusted) == (expected, reason)


def test_a_canonical_naming_the_same_article_id_under_another_slug_is_trusted() -> None:
    site = dataclasses.replace(INBUSINESS, article_path=r"^/(?P<path>(?P<edition>ru)/news/[a-z-]*-(?P<id>\d+))/?$")
    renamed, other = "https://inbusiness.kz/ru/news/new-title-529843", "https://inbusiness.kz/ru/news/other-529844"
    assert page_url(renamed, "https://inbusiness.kz/ru/news/old-title-529843", site) == PageUrl(renamed, None, renamed)
    assert page_url(other, "https://inbusiness.kz/ru/news/old-title-529843", site).untrusted == "other_article"
