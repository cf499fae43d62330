"""The project loads as Scrapy sees it: spiders from this repo, settings that matter."""

from __future__ import annotations

from pathlib import Path

from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

import spiders

REPO = Path(__file__).resolve().parents[1]


def test_spider_loader_finds_inbusiness_in_this_repo() -> None:
    # A PyPI distribution called `spiders` would shadow ours and `scrapy list` would be empty.
    assert Path(spiders.__file__).resolve().is_relative_to(REPO)
    loader = SpiderLoader.from_settings(get_project_settings())
    assert "inbusiness" in loader.list()


def test_export_settings_keep_cyrillic_readable_and_fields_in_contract_order() -> None:
    settings = get_project_settings()
    assert settings["FEED_EXPORT_ENCODING"] == "utf-8"
    assert settings.getlist("FEED_EXPORT_FIELDS")[:3] == ["url", "site", "language"]
    assert "content" not in settings.getlist("FEED_EXPORT_FIELDS")
    assert settings.getbool("ROBOTSTXT_OBEY")
