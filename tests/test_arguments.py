from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from newscrawl.arguments import ArgumentError
from spiders.inbusiness import InbusinessSpider

REPO = Path(__file__).resolve().parents[1]


def test_range_editions_and_base_url_are_parsed() -> None:
    arguments = InbusinessSpider.check_arguments(
        since="2022-10-17", until="2022-10-19", editions="kz, ru", base_url="http://127.0.0.1:8000/"
    )
    assert arguments.days() == [date(2022, 10, 17), date(2022, 10, 18), date(2022, 10, 19)]
    assert arguments.editions == ("kz", "ru")
    assert arguments.base_url == "http://127.0.0.1:8000"


def test_defaults_are_the_real_site_latest_feed_all_editions() -> None:
    arguments = InbusinessSpider.check_arguments()
    assert arguments.base_url == "https://inbusiness.kz"
    assert arguments.editions == ("ru", "kz", "en")
    assert arguments.days() == []


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"since": "yesterday"}, "since"),
        ({"since": "2022-10-20", "until": "2022-10-01"}, "until"),
        ({"since": "2022-10-01", "until": "2022-13-01"}, "until"),
        ({"until": "2022-10-01"}, "since"),
        ({"editions": "ru,de"}, "editions"),
        ({"editions": ""}, "editions"),
        ({"base_url": "ftp://example.org"}, "base_url"),
        ({"base_url": "127.0.0.1:8000"}, "base_url"),
        ({"sinse": "2022-10-01"}, "sinse"),
    ],
)
def test_bad_argument_error_names_the_argument(arguments: dict[str, str], named: str) -> None:
    with pytest.raises(ArgumentError, match=named):
        InbusinessSpider.check_arguments(**arguments)


def test_scrapy_crawl_with_a_bad_argument_fails_fast_with_one_message() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "inbusiness", "-a", "since=yesterday"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "since='yesterday' is not a date: expected YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr
