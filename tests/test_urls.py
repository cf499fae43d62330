from __future__ import annotations

import pytest

from newscrawl.sites.inbusiness import INBUSINESS
from newscrawl.urls import article_request_url, canonical_url, site_domain, strip_tracking


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("http://h/ru/last/slug", "http://h/ru/last/slug"),
        ("http://h/ru/last/slug/", "http://h/ru/last/slug"),
        ("http://h/ru/news/slug?utm_source=lenta&utm_medium=x", "http://h/ru/news/slug"),
        ("http://h/ru/last/slug?fbclid=abc#comments", "http://h/ru/last/slug"),
        ("http://h/amp/kz/last/slug", "http://h/kz/last/slug"),
        ("http://h/en/news/slug?id=5&utm_campaign=y", "http://h/en/news/slug?id=5"),
    ],
)
def test_article_links_map_to_one_url_per_article(link: str, expected: str) -> None:
    assert article_request_url(link, INBUSINESS) == expected


@pytest.mark.parametrize(
    "link",
    [
        "http://h/ru/specprojects/biznes-2022",
        "http://h/ru/tv_programs/",
        "http://h/ru/tag/kazahstan",
        "http://h/ru/lastnews?date=2022-10-18",
        "http://h/de/last/slug",
        "mailto:editor@inbusiness.kz",
        "javascript:void(0)",
    ],
)
def test_non_article_links_are_refused(link: str) -> None:
    assert article_request_url(link, INBUSINESS) is None


def test_strip_tracking_keeps_other_parameters_in_order() -> None:
    assert strip_tracking("http://h/x?b=2&utm_source=s&a=1&gclid=z") == "http://h/x?b=2&a=1"


def test_canonical_url_lowercases_host_and_drops_trailing_slash() -> None:
    assert canonical_url("https://InBusiness.KZ/ru/last/x/?utm_term=t") == "https://inbusiness.kz/ru/last/x"


def test_site_domain_drops_www() -> None:
    assert site_domain("https://www.inbusiness.kz/ru") == "inbusiness.kz"
