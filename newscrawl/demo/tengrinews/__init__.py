"""A local copy of tengrinews.kz (its own CMS), built from ../shared/spec/tengrinews-site.md.

Data: ``content`` (an item and its expected record), ``noise`` (promo, credits, embeds, ads,
look-alikes), ``data`` (the seeded items of two windows, one across 2024-03-01's UTC+6 -> UTC+5).
Templates: ``pages`` (layouts L, T and a longread), ``listings`` (day archives, latest news,
RSS, robots.txt, sitemaps). ``routes`` answers a path; ``copy`` adds the once-faults.
"""

from __future__ import annotations

from newscrawl.demo.tengrinews.copy import TengrinewsCopy
from newscrawl.demo.tengrinews.data import demo_data


def build_copy(seed: int = 10) -> TengrinewsCopy:
    """The tengrinews copy: same seed, same items, pages and faults."""
    return TengrinewsCopy(demo_data(seed))
