"""One incremental crawl of a site with hostile sources: a gzipped sitemap file, a malformed
sitemap, pages whose bytes contradict their declared encoding, and an article that redirects
to another port of the same host (another server: a request that escaped would be seen)."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator

import pytest
from crawling import Crawl, run_crawl
from servers import Elsewhere, serve_elsewhere

from newscrawl.demo.server import serve
from newscrawl.demo.site import Site, build_site

XML = {"Content-Type": "application/xml; charset=utf-8"}
MONTH = "ru-2022-10"


class HostileSources:
    """The demo site behind a sitemap index of one gzipped file and one malformed sitemap."""

    def __init__(self, site: Site, other_port: int) -> None:
        self.site, self.other_port = site, other_port
        month = [a for a in site.edition_articles("ru") if f"ru-{a.published:%Y-%m}" == MONTH]
        plain = [a for a in month if a.path not in (site.faults.cp1251, site.faults.error_500_once)]
        self.month = month
        self.utf8_declared_1251, self.cp1251_declared_utf8, self.invalid_utf8 = (a.path for a in plain[:3])

    def respond(self, path: str, *, host: str | None = None, fired: set[str] | None = None):
        base = f"http://{host}"
        if path == "/sitemap.xml":
            index = (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                     f"<sitemap><loc>{base}/sitemap-1.xml.gz</loc></sitemap>"
                     f"<sitemap><loc>{base}/sitemap-broken.xml</loc></sitemap></sitemapindex>")
            return 200, XML, index.encode()
        if path == "/sitemap-1.xml.gz":
            _, _, body = self.site.respond(f"/sitemap/{MONTH}.xml", host=host)
            body = body.replace(b"</urlset>", f"<url><loc>{base}/ru/last/port-hop</loc></url></urlset>".encode())
            return 200, {"Content-Type": "application/octet-stream"}, gzip.compress(body)
        if path == "/sitemap-broken.xml":
            return 200, XML, b'<?xml version="1.0"?><urlset><url><loc>' + base.encode() + b"/ru/last/x</loc><url"
        if path == "/ru/last/port-hop":
            return 301, {"Location": f"http://127.0.0.1:{self.other_port}/ru/last/stolen"}, b""
        status, headers, body = self.site.respond(path, host=host, fired=fired)
        if path == self.utf8_declared_1251:
            body = body.replace(b'<meta charset="utf-8">', b'<meta charset="windows-1251">')
            headers = {**headers, "Content-Type": "text/html; charset=windows-1251"}
        elif path == self.cp1251_declared_utf8:
            body = body.decode("utf-8").encode("windows-1251", errors="xmlcharrefreplace")
        elif path == self.invalid_utf8:
            body = body.replace(b"</h1>", b"\xff\xfe\xfa</h1>", 1)
        return status, headers, body


@pytest.fixture(scope="module")
def other_port() -> Iterator[Elsewhere]:
    with serve_elsewhere("127.0.0.1") as server:
        yield server


@pytest.fixture(scope="module")
def hostile(other_port: Elsewhere, tmp_path_factory: pytest.TempPathFactory) -> tuple[HostileSources, Crawl]:
    sources = HostileSources(build_site(), other_port.server_address[1])
    with serve(sources) as server:  # type: ignore[arg-type]
        return sources, run_crawl(server, tmp_path_factory.mktemp("sources"), "-a", "editions=ru")


def test_gzipped_sitemap_file_is_read(hostile: tuple[HostileSources, Crawl]) -> None:
    sources, crawl = hostile
    exported = {record["url"] for record in crawl.records}
    assert {a.canonical for a in sources.month} <= exported


def test_malformed_sitemap_counts_as_a_failed_source(hostile: tuple[HostileSources, Crawl]) -> None:
    _, crawl = hostile
    assert crawl.stat("newscrawl/source_failed") == 1
    assert re.search(r"sitemap or feed failed: http://127\.0\.0\.1:\d+/sitemap-broken\.xml", crawl.log)


def test_redirect_to_another_port_of_the_same_host_is_refused(hostile: tuple[HostileSources, Crawl],
                                                              other_port: Elsewhere) -> None:
    _, crawl = hostile
    assert other_port.requests == []
    assert crawl.stat("offsite/filtered") >= 1


def test_pages_whose_bytes_contradict_their_declared_encoding_are_decoded_by_their_bytes(
        hostile: tuple[HostileSources, Crawl]) -> None:
    sources, crawl = hostile
    records = {record["url"]: record for record in crawl.records}
    for path in (sources.utf8_declared_1251, sources.cp1251_declared_utf8):
        expected = sources.site.article(path).expected_record()
        assert records[expected["url"]]["title"] == expected["title"]
        assert records[expected["url"]]["body"] == expected["body"]
    assert crawl.stat("newscrawl/encoding/fixed") == 2


def test_undecodable_page_is_counted_and_logged_with_its_url(hostile: tuple[HostileSources, Crawl]) -> None:
    sources, crawl = hostile
    assert crawl.stat("newscrawl/encoding/undecodable") == 1
    assert re.search(rf"invalid bytes for its encoding .*http://127\.0\.0\.1:\d+{sources.invalid_utf8}", crawl.log)


def test_crawl_of_hostile_sources_still_ends_ok(hostile: tuple[HostileSources, Crawl]) -> None:
    assert hostile[1].returncode == 0, hostile[1].log[-3000:]
