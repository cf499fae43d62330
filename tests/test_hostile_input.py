"""Hostile or broken input, piece by piece: huge listings and sitemaps, gzipped and malformed
sitemaps, nested JSON-LD, spreadsheet formulas in CSV cells, an export folder that is not ours."""

from __future__ import annotations

import csv
import gzip
import json
import tracemalloc
from pathlib import Path

import pytest
from parsel import Selector
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler

import newscrawl.discover.archive as archive
from newscrawl.discover.archive import linear_xpath, read_listing
from newscrawl.discover.feeds import SitemapError, sitemap_entries
from newscrawl.export import OptionError, export_dataset, make_options
from newscrawl.export.writers import CsvWriter
from newscrawl.extract.structured import read_structured
from newscrawl.items import EXPORT_FIELDS
from newscrawl.middlewares import GunzipSitemapMiddleware
from newscrawl.sites.base import Site
from newscrawl.sites.inbusiness import INBUSINESS
from newscrawl.sites.kursiv import KURSIV
from newscrawl.store import open_store

PAGE = "https://inbusiness.kz/ru/lastnews?date=2022-10-18"


class CountingUrl(str):
    """A URL that counts how often it is compared for equality (a list scan compares each)."""

    comparisons = 0

    def __eq__(self, other: object) -> bool:
        CountingUrl.comparisons += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


#: Per site: a listing page, one item of its listing markup, the container's class, the first link read.
LISTING_CASES = [
    (INBUSINESS, PAGE, '<div class="news-item"><a class="news-item__title" href="/ru/last/a-{n}">x</a></div>',
     "news-list", "https://inbusiness.kz/ru/last/a-{n}"),
    (KURSIV, "https://kz.kursiv.media/2024/03/01/",
     '<article class="post-card"><a class="post-card__link" href="/2024-03-01/a-{n}/">x</a></article>',
     "archive__list", "https://kz.kursiv.media/2024-03-01/a-{n}/"),
]


@pytest.mark.parametrize(("site", "page", "item", "container", "first"), LISTING_CASES, ids=["inbusiness", "kursiv"])
def test_listing_dedup_compares_each_link_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch, site: Site, page: str, item: str, container: str, first: str
) -> None:
    links = 3000
    items = "".join(item.format(n=n % 2000) for n in range(links))
    real = archive.article_request_url
    monkeypatch.setattr(archive, "article_request_url", lambda url, site: CountingUrl(real(url, site)))
    CountingUrl.comparisons = 0
    listing = read_listing(Selector(text=f'<div class="{container}">{items}</div>'), page, site)
    assert len(listing.links) == 2000
    assert listing.links[:2] == [first.format(n=0), first.format(n=1)]
    assert CountingUrl.comparisons <= 2 * links  # a list scan: ~ links^2 / 2


@pytest.mark.parametrize("site", [INBUSINESS, KURSIV], ids=["inbusiness", "kursiv"])
def test_listing_links_read_by_ancestor_tests_are_the_ones_the_css_selects(site: Site) -> None:
    # Each site's item chain as ancestor tests (linear in libxml2) selects what its CSS does,
    # in the same order, on nested, stray and misclassed items.
    *outer, link = site.listing.item_links.removesuffix("::attr(href)").split()
    tag, classes = link.split(".", 1)
    a = f'<{tag} class="{classes.replace(".", " ")} more" href="/{{n}}">x</{tag}>'

    def wrap(steps: list[str], inner: str) -> str:
        for step in reversed(steps):
            name, cls = step.split(".", 1)
            inner = f'<{name} class="x {cls.replace(".", " ")}">{inner}</{name}>'
        return inner

    html = "".join([wrap(outer, a.format(n=1) + a.format(n=2)), a.format(n=3), wrap(outer[1:], a.format(n=4)),
                    wrap(outer[:1], a.format(n=5)), wrap(outer, wrap(outer, a.format(n=6))),
                    wrap(outer[:1], "<p>" + wrap(outer[1:], "<span>" + a.format(n=7) + "</span>") + "</p>")])
    selector = Selector(text=f"<html><body>{html}</body></html>")
    xpath = linear_xpath(site.listing.item_links)
    assert xpath is not None
    assert selector.xpath(xpath).getall() == selector.css(site.listing.item_links).getall() == ["/1", "/2", "/6", "/7"]


def big_sitemap(urls: int) -> bytes:
    entries = "".join(f"<url><loc>https://inbusiness.kz/ru/last/a-{n}</loc>"
                      f"<lastmod>2024-03-01T10:00:00+05:00</lastmod></url>\n" for n in range(urls))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"\n{entries}</urlset>\n").encode()


def test_big_sitemap_is_streamed_in_memory_well_under_its_size() -> None:
    body = big_sitemap(50_000)
    tracemalloc.start()
    try:
        kind, entries = sitemap_entries(body)
        count = sum(1 for _ in entries)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (kind, count) == ("urlset", 50_000)
    assert peak < len(body) / 2, f"peak {peak} bytes for a {len(body)}-byte sitemap"


def test_malformed_sitemap_raises_a_sitemap_error_after_its_good_entries() -> None:
    body = big_sitemap(3)[:-40] + b"<url><loc>broken"
    kind, entries = sitemap_entries(body)
    assert kind == "urlset"
    seen = []
    with pytest.raises(SitemapError):
        for loc, _ in entries:
            seen.append(loc)
    assert len(seen) == 2


@pytest.mark.parametrize("body", [b"", b"not xml at all", b"\x1f\x8b\x08garbage"], ids=["empty", "text", "gzip"])
def test_sitemap_that_is_no_xml_is_a_sitemap_error(body: bytes) -> None:
    with pytest.raises(SitemapError):
        kind, entries = sitemap_entries(body)
        list(entries)


def gunzip_middleware(max_size: int) -> GunzipSitemapMiddleware:
    return GunzipSitemapMiddleware.from_crawler(get_crawler(settings_dict={"DOWNLOAD_MAXSIZE": max_size}))


def test_gzipped_sitemap_file_is_decompressed() -> None:
    url = "https://inbusiness.kz/sitemap-1.xml.gz"
    response = Response(url, body=gzip.compress(big_sitemap(10)), headers={"Content-Type": "application/gzip"})
    result = gunzip_middleware(1_000_000).process_response(Request(url), response)
    kind, entries = sitemap_entries(result.body)
    assert (kind, len(list(entries))) == ("urlset", 10)


def test_gzipped_sitemap_over_download_maxsize_is_refused() -> None:
    url = "https://inbusiness.kz/sitemap-1.xml.gz"
    body = gzip.compress(big_sitemap(5000))  # ~0.5 MB unpacked, a few kB packed: a gzip bomb in small
    assert len(body) < 100_000
    with pytest.raises(IgnoreRequest, match="larger than DOWNLOAD_MAXSIZE"):
        gunzip_middleware(100_000).process_response(Request(url), Response(url, body=body))


def test_json_ld_nested_deeper_than_the_recursion_limit_leaves_the_page_readable() -> None:
    # ~900 levels broke a crawl (Scrapy's own frames are on the stack); 5000 breaks any caller.
    deep = "[" * 5000 + "]" * 5000
    nested = '{"@graph": ' * 5000 + "{}" + "}" * 5000
    article = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Заголовок статьи",
               "datePublished": "2024-03-01T10:00:00+05:00"}
    page = (f'<html><head><script type="application/ld+json">{deep}</script>'
            f'<script type="application/ld+json">{nested}</script>'
            f'<script type="application/ld+json">{json.dumps(article, ensure_ascii=False)}</script>'
            "</head><body></body></html>")
    structured = read_structured(Selector(text=page))
    assert structured.title == "Заголовок статьи"
    assert structured.published == "2024-03-01T10:00:00+05:00"


def sample_record(**fields: object) -> dict[str, object]:
    base = {name: None for name in EXPORT_FIELDS}
    base.update(url="https://inbusiness.kz/ru/last/a", site="inbusiness.kz", language="ru", title="T", body="B",
                published_at="2024-02-29T23:50:00+06:00", authors=[], tags=[], images=[], extraction="layout_a")
    return {**base, **fields}


@pytest.mark.parametrize("value", ['=HYPERLINK("http://evil.example","Click")', "+cmd|' /C calc'!A0", "-2+3",
                                   "@SUM(A1:A9)", "\t=1+1", "\r=1+1"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path: Path, value: str) -> None:
    writer = CsvWriter(tmp_path / "a.csv")
    writer.write(sample_record(title=value, authors=[value]))
    writer.close()
    with open(tmp_path / "a.csv", encoding="utf-8", newline="") as handle:
        row = list(csv.DictReader(handle))[0]
    assert row["title"] == "'" + value
    assert row["url"] == "https://inbusiness.kz/ru/last/a"  # ordinary cells unchanged
    assert json.loads(row["authors"]) == [value]  # a JSON array cell starts with "[": safe as it is


def filled_store(path: Path) -> Path:
    store = open_store(path)
    store.upsert(sample_record(), lastmod=None, seen_at="t", exported_in=None)
    store.close()
    return path


def test_folder_with_a_manifest_we_did_not_write_is_never_replaced(tmp_path: Path) -> None:
    store = open_store(filled_store(tmp_path / "state.sqlite"))
    output = tmp_path / "mine"
    output.mkdir()
    (output / "manifest.json").write_text('{"generator": "newscrawl scrapy export", "files": []}', encoding="utf-8")
    (output / "thesis.docx").write_text("a year of work", encoding="utf-8")
    try:
        with pytest.raises(OptionError, match="not a newscrawl export"):
            export_dataset(store, output, make_options())
    finally:
        store.close()
    assert (output / "thesis.docx").read_text(encoding="utf-8") == "a year of work"


def test_export_through_a_symlink_keeps_the_symlink(tmp_path: Path) -> None:
    store = open_store(filled_store(tmp_path / "state.sqlite"))
    try:
        export_dataset(store, tmp_path / "v1", make_options())
        (tmp_path / "latest").symlink_to(tmp_path / "v1")
        export_dataset(store, tmp_path / "latest", make_options())  # a re-export, through the link
    finally:
        store.close()
    assert (tmp_path / "latest").is_symlink()
    assert json.loads((tmp_path / "latest" / "manifest.json").read_text(encoding="utf-8"))["records"] == 1
