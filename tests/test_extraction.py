"""Saved pages in, expected records out: every layout, through extraction and cleaning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawl.items import RECORD_FIELDS
from newscrawl.records import record_from_html
from spiders.inbusiness import InbusinessSpider

FIXTURES = Path(__file__).parent / "fixtures" / "inbusiness"
SPEC_EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "spec" / "examples"
PAGES = sorted(p for p in FIXTURES.glob("*.html") if not p.name.startswith("listing"))
# Served from a local copy, with tracking parameters: the record still names the canonical URL.
MIRROR_URL = "http://127.0.0.1:8000/ru/last/page?utm_source=lenta"


def page_record(page: Path, url: str = MIRROR_URL) -> dict[str, object] | None:
    return record_from_html(
        page.read_bytes(), url, site=InbusinessSpider.site, layouts=InbusinessSpider.layouts
    )


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_gives_its_expected_record(page: Path) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    record = page_record(page)
    assert record is not None
    assert {name: record[name] for name in RECORD_FIELDS} == {name: expected[name] for name in RECORD_FIELDS}
    # The file name says how the page must be extracted: layout_a-..., layout_b-..., fallback-...
    assert record["extraction"] == page.stem.split("-")[0]


def test_fixture_copy_of_the_spec_example_is_current() -> None:
    if not SPEC_EXAMPLES.is_dir():
        pytest.skip(f"{SPEC_EXAMPLES} not present")
    for name, copy in (("lavrov-klin.layout-a.html", "layout_a-2022-10-18.html"),
                       ("lavrov-klin.expected.json", "layout_a-2022-10-18.json")):
        assert (SPEC_EXAMPLES / name).read_bytes() == (FIXTURES / copy).read_bytes()


def test_page_without_canonical_is_recorded_under_its_url_without_tracking() -> None:
    html = (FIXTURES / "layout_a-2022-10-18.html").read_bytes().replace(b'rel="canonical"', b'rel="x"')
    record = record_from_html(html, "http://127.0.0.1:8000/ru/last/lavrov/?utm_source=tg&utm_medium=social",
                              site="inbusiness.kz", layouts=InbusinessSpider.layouts)
    assert record is not None and record["url"] == "http://127.0.0.1:8000/ru/last/lavrov"
    assert record["site"] == "inbusiness.kz"


def test_windows_1251_page_is_decoded() -> None:
    html = (FIXTURES / "layout_a-2022-10-18.html").read_text(encoding="utf-8")
    body = html.replace('charset="utf-8"', 'charset="windows-1251"').encode("cp1251")
    record = record_from_html(body, MIRROR_URL, site="inbusiness.kz", layouts=InbusinessSpider.layouts,
                              headers={"Content-Type": "text/html; charset=windows-1251"})
    assert record is not None
    assert record["title"] == 'Лавров заявил, что никому не под силу "вбить клин" между Казахстаном и Россией'


@pytest.mark.parametrize("html", [b"", b"<html><body><p>Hello</p></body></html>", b"\x00\xff\xfe binary"])
def test_page_without_title_or_body_gives_no_record(html: bytes) -> None:
    assert record_from_html(html, MIRROR_URL, site="inbusiness.kz", layouts=InbusinessSpider.layouts) is None
