"""Which encoding a page's bytes are really in, when they contradict the declared one."""

from __future__ import annotations

import pytest

from newscrawl.encodings import UNDECODABLE, true_encoding

HEADLINE = "Тенге укрепился к доллару на утренних торгах, сообщили в Национальном банке"


def page(meta_charset: str | None) -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={meta_charset}">' if meta_charset else ""
    return f"<html><head>{meta}</head><body><h1>{HEADLINE}</h1></body></html>"


@pytest.mark.parametrize(("meta", "codec", "expected"), [
    ("windows-1251", "cp1251", "cp1251"),
    (None, "cp1251", "cp1251"),
    # KOI8-R read as windows-1251 also gives alphabet letters: only the page's <meta> tells them apart
    ("koi8-r", "koi8_r", "koi8-r"),
])
def test_single_byte_cyrillic_under_a_utf8_header_is_read_in_the_charset_the_page_declares(
    meta: str | None, codec: str, expected: str
) -> None:
    assert true_encoding(page(meta).encode(codec), "utf-8") == expected


def test_valid_utf8_under_a_utf8_header_is_left_alone() -> None:
    assert true_encoding(page(None).encode("utf-8"), "utf-8") is None


def test_utf8_under_a_windows_1251_header_is_read_as_utf8() -> None:
    assert true_encoding(page("windows-1251").encode("utf-8"), "windows-1251") == "utf-8"


def test_bytes_in_no_cyrillic_encoding_are_reported_undecodable() -> None:
    assert true_encoding(b"<p>\xff\xfe\x00\x81 \x98\x98\x98</p>", "utf-8") == UNDECODABLE
