"""``scrapy parse`` and ``scrapy check`` on each site's local copy (issue 14, point 2).

``scrapy parse URL`` prints the record an export writes for the page (cleaned, checked, the
exported fields in their order): here it must equal the spec's expected record of the example
page (spec examples copied into ``tests/fixtures``). ``scrapy check SITE -a base_url=COPY`` runs the contracts of ``newscrawl/contracts.py``
on the site's example pages, and fails when a selector of the site's declaration breaks.
Neither opens the article store.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from crawling import REPO

from newscrawl.demo.server import DemoServer, serve
from newscrawl.demo.sites import build_copy
from newscrawl.extract.canonical import article_key
from newscrawl.fixtures import FIXTURES
from newscrawl.items import EXPORT_FIELDS
from newscrawl.sites import Site, all_sites, get_site
from newscrawl.urls import article_request_url, url_day

SITES = ("inbusiness", "kursiv", "tengrinews")
#: The spec's expected records of the example pages (byte copies: ``newscrawl.fixtures.SPEC_COPIES``).
#: The tengrinews copy serves no page of its spec's example: its example's record is the one the
#: copy was generated from (``expected_records``).
EXPECTED = {"inbusiness": FIXTURES / "inbusiness" / "layout_a-2022-10-18.json",
            "kursiv": FIXTURES / "kursiv" / "single-2024-03-01.json"}
CONTRACTS_PER_SITE = 7  # parse_article 3 (@layout @returns @exported), parse_listing 2, parse_sitemap 1, parse_rss 1


@pytest.fixture(scope="module")
def copies() -> Iterator[dict[str, DemoServer]]:
    with serve(build_copy("inbusiness")) as inbusiness, serve(build_copy("kursiv")) as kursiv, \
            serve(build_copy("tengrinews")) as tengrinews:
        yield {"inbusiness": inbusiness, "kursiv": kursiv, "tengrinews": tengrinews}


def scrapy(*arguments: str, store: Path, python: str | None = None) -> subprocess.CompletedProcess[str]:
    """A scrapy command with the article store pointed at ``store`` (which must stay untouched)."""
    launcher = ["-c", python] if python else ["-m", "scrapy"]
    command = [sys.executable, *launcher, *arguments, "-s", f"NEWSCRAWL_STATE={store}"]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)


def printed_records(stdout: str) -> list[dict]:
    """The records ``scrapy parse`` prints under ``# Scraped Items``."""
    return json.loads(stdout.split("# Scraped Items")[1].split("\n", 1)[1].split("\n# ")[0])


def example_path(name: str) -> str:
    path = get_site(name).example_article
    assert path is not None
    return path


def expected_record(name: str) -> dict:
    """The record the example page must give: the spec's, else the one its copy was built from."""
    if name in EXPECTED:
        return dict(json.loads(EXPECTED[name].read_text(encoding="utf-8")))
    key = article_key(get_site(name).base_url + example_path(name), get_site(name))
    return next(record for record in build_copy(name).expected_records()
                if article_key(record["url"], get_site(name)) == key)


@pytest.mark.parametrize("name", SITES)
@pytest.mark.parametrize("how", ["copy_url", "real_url_and_base_url"])
def test_parse_prints_the_exported_record_and_leaves_the_store_alone(
    name: str, how: str, copies: dict[str, DemoServer], tmp_path: Path
) -> None:
    copy = copies[name].base_url
    if how == "copy_url":  # --spider, no -a base_url: the URL's host is the copy
        arguments = ["--spider", name, copy + example_path(name)]
    else:  # the spider found by the real URL's domain, the page read from the copy
        arguments = [get_site(name).base_url + example_path(name), "-a", f"base_url={copy}"]
    result = scrapy("parse", "--nolog", *arguments, store=tmp_path / "state.sqlite")
    assert result.returncode == 0, result.stderr[-3000:]
    records = printed_records(result.stdout)
    expected = expected_record(name)
    assert len(records) == 1 and list(records[0]) == list(EXPORT_FIELDS)
    assert {key: records[0][key] for key in expected} == expected
    assert list(tmp_path.iterdir()) == [], "no store file, lock or run record"


def test_parse_without_pipelines_prints_the_record_before_cleaning(copies: dict[str, DemoServer],
                                                                   tmp_path: Path) -> None:
    result = scrapy("parse", "--nolog", "--nopipelines", "--nocolour", "--spider", "inbusiness",
                    copies["inbusiness"].base_url + example_path("inbusiness"), store=tmp_path / "state.sqlite")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "'body': ''" in result.stdout and "'content': [" in result.stdout


def test_parse_prints_a_dropped_page_with_its_reason(copies: dict[str, DemoServer], tmp_path: Path) -> None:
    result = scrapy("parse", "--nolog", "--spider", "inbusiness", copies["inbusiness"].base_url + "/ru/lastnews",
                    store=tmp_path / "state.sqlite")
    assert printed_records(result.stdout) == []
    assert re.search(r"# Dropped Items.*missing required field", result.stdout, re.DOTALL)


def test_parse_refuses_a_bad_argument_before_fetching(tmp_path: Path) -> None:
    result = scrapy("parse", "--spider", "kursiv", "http://127.0.0.1:9/x", "-a", "editions=zz",
                    store=tmp_path / "state.sqlite")
    assert result.returncode == 2 and "-a editions='zz': unknown edition zz" in result.stderr


@pytest.mark.parametrize("arguments", [["http://127.0.0.1:9/ru/last/x"], ["--spider", "nosuch", "http://127.0.0.1:9/"]])
def test_parse_without_a_spider_for_the_url_says_what_is_expected(arguments: list[str], tmp_path: Path) -> None:
    result = scrapy("parse", *arguments, store=tmp_path / "state.sqlite")
    assert result.returncode == 2 and re.search(r"expected --spider= one of .*inbusiness", result.stderr), result.stderr


@pytest.mark.parametrize("name", SITES)
def test_check_runs_every_contract_on_the_copy(name: str, copies: dict[str, DemoServer], tmp_path: Path) -> None:
    result = scrapy("check", name, "-a", f"base_url={copies[name].base_url}", store=tmp_path / "state.sqlite")
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"Ran {CONTRACTS_PER_SITE} contracts" in result.stderr and result.stderr.rstrip().endswith("OK")
    assert list(tmp_path.iterdir()) == [], "no store file, lock or run record"


#: The site declaration with a selector of each layout broken (``marker`` also breaks the
#: listing's item links), as a bad edit or a redesign the declaration has not followed leaves it.
BROKEN_SELECTORS = """
import dataclasses, importlib, sys
_, name, declaration, field, *command = sys.argv
module = importlib.import_module("newscrawl.sites." + name)
site = getattr(module, declaration)
layouts = tuple(dataclasses.replace(layout, **{field: getattr(layout, field) + "-renamed"}) for layout in site.layouts)
listing = site.listing
if field == "marker":
    listing = dataclasses.replace(listing, item_links=listing.item_links.replace("::attr", ".renamed::attr", 1))
setattr(module, declaration, dataclasses.replace(site, layouts=layouts, listing=listing))
from scrapy.cmdline import execute
execute(["scrapy", *command])
"""
DECLARATIONS = {"inbusiness": "INBUSINESS", "kursiv": "KURSIV", "tengrinews": "TENGRINEWS"}


@pytest.mark.parametrize("name", SITES)
@pytest.mark.parametrize(("selector", "failures"), [
    ("marker", [r"@layout pre-hook", r"no layout of {name} \(.*\) recognises http://127\.0\.0\.1:\d+/",
                r"@listing pre-hook", r"listing markup of {name} not recognised or no article links"]),
    ("body", [r"@exported post-hook", r"https://\S+: empty once cleaned: body"]),
])
def test_check_fails_when_a_selector_breaks(name: str, selector: str, failures: list[str],
                                            copies: dict[str, DemoServer], tmp_path: Path) -> None:
    result = scrapy(name, DECLARATIONS[name], selector, "check", name, "-a", f"base_url={copies[name].base_url}",
                    store=tmp_path / "state.sqlite", python=BROKEN_SELECTORS)
    assert result.returncode == 1, result.stderr[-3000:]
    assert f"Ran {CONTRACTS_PER_SITE} contracts" in result.stderr and "FAILED (failures=" in result.stderr
    for failure in failures:
        assert re.search(failure.format(name=name), result.stderr), (failure, result.stderr[-3000:])


def test_parse_reads_a_listing_with_its_callback(copies: dict[str, DemoServer], tmp_path: Path) -> None:
    listing = copies["inbusiness"].base_url + "/ru/lastnews?date=2022-10-18"
    result = scrapy("parse", "--nolog", "--nocolour", "--spider", "inbusiness", "-c", "parse_listing", listing,
                    store=tmp_path / "state.sqlite")
    assert result.returncode == 0, result.stderr[-3000:]
    requests = re.findall(r"<GET (\S+)>", result.stdout.split("# Requests")[1])
    articles = [url for url in requests if article_request_url(url, get_site("inbusiness"))]
    assert len(articles) >= 10 and set(requests) - set(articles) == {listing + "&page=2"}, requests


@pytest.mark.parametrize("site", all_sites(), ids=lambda site: site.name)
def test_every_site_declares_an_example_article_for_its_contracts(site: Site) -> None:
    assert site.example_article, f"{site.name}: no example_article, so scrapy check runs none of its contracts"
    url = site.base_url + site.example_article
    assert article_request_url(url, site) is not None, f"{site.name}: example_article is not an article URL"
    assert site.example_day or url_day(url, site), f"{site.name}: no day to read the example's archive on"
