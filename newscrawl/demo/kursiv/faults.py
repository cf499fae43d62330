"""The faults and listing quirks of the kursiv copy, each on its own post (tests refer to them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newscrawl.demo.kursiv.example import NACBANK_SLUG
from newscrawl.demo.kursiv.model import Article


@dataclass(frozen=True)
class KursivFaults:
    """Transport faults and listing quirks the copy serves, by path (tests refer to them)."""

    error_500_once: str  # a post answering 500 on its first request, then 200
    rate_limit_429_once: str  # a post answering 429 + Retry-After: 1 on its first request
    old_slug: str  # listed on its day archive; 301 to ``old_slug_target``
    old_slug_target: str
    unslashed: str  # archive href without its trailing slash; 301 to the slashed path
    removed: str  # a taken-down post, listed on its day archive and in its sitemap: 404
    sitemap_twice: str  # listed twice in its monthly sitemap
    archive_twice: str  # also listed on the next day's archive


def pick_faults(articles: list[Article]) -> KursivFaults:
    """Each fault on its own post (never the spec example), the same for the same seed."""
    def nth(edition: str, day: date, index: int) -> Article:
        return [a for a in articles if a.edition == edition and a.day == day and a.slug != NACBANK_SLUG][index]

    moved = nth("ru", date(2024, 3, 2), 4)
    removed_day = date(2024, 2, 29)
    return KursivFaults(
        error_500_once=nth("ru", date(2023, 11, 15), 6).path,
        rate_limit_429_once=nth("kk", date(2024, 2, 29), 2).path,
        old_slug=f"/{moved.day}/{moved.slug[:30].rstrip('-')}-old/", old_slug_target=moved.path,
        unslashed=nth("ru", date(2023, 11, 14), 9).path.rstrip("/"),
        removed=f"/{removed_day}/minfin-otozval-soobshchenie-o-nalogah/",
        sitemap_twice=nth("ru", date(2024, 3, 1), 11).path,
        archive_twice=nth("ru", date(2023, 11, 15), -1).path)
