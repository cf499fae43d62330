"""The canary: the newest articles of each edition, a per-field report, and a verdict."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from crawling import run_crawl

from newscrawl.demo.server import serve
from newscrawl.demo.site import build_site
from spiders.inbusiness import InbusinessSpider


def test_canary_on_the_live_layouts_passes_and_reports_every_field(tmp_path: Path) -> None:
    with serve(build_site()) as server:
        canary = run_crawl(server, tmp_path, "-a", "canary=5")
    assert canary.returncode == 0, canary.log[-3000:]
    assert "canary: ok" in canary.log
    assert re.search(r"canary: 10 articles by extraction path", canary.log)
    assert re.search(r"\ntitle\s+10/10 ", canary.log)
    assert len(canary.article_requests()) == 10, "5 newest per existing edition, no pagination"
    assert not (tmp_path / "state.sqlite").exists(), "a canary leaves the article store alone"


def test_canary_after_a_redesign_fails_and_says_why(tmp_path: Path) -> None:
    site = build_site()
    site.redesign()
    with serve(site) as server:
        canary = run_crawl(server, tmp_path, "-a", "canary=3", "-a", "editions=ru")
    assert canary.returncode == 1
    assert "canary: 3 articles by extraction path {'fallback': 3}" in canary.log
    assert "100% of pages needed the generic fallback" in canary.log


@pytest.mark.parametrize("value", ["0", "yes", "1000"])
def test_canary_argument_must_be_a_small_count(value: str) -> None:
    with pytest.raises(ValueError, match="canary"):
        InbusinessSpider.check_arguments(canary=value)


def test_canary_takes_no_date_range() -> None:
    with pytest.raises(ValueError, match="no -a since/until"):
        InbusinessSpider.check_arguments(canary="3", since="2024-01-01", until="2024-01-02")
