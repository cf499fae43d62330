"""Figures gathered in the one pass over the records: counts per day, field coverage,
extraction paths. Bounded by days x editions, never by the number of records."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newscrawl.export.select import edition_dir, publication_day


def _images_with(key: str) -> Callable[[dict[str, Any]], bool]:
    return lambda record: any((image or {}).get(key) for image in record.get("images") or [])


#: Coverage: the share of records where the field holds something (a non-empty string or list,
#: a number); an empty optional field is how a broken selector or a redesign shows up.
COVERAGE: dict[str, Callable[[dict[str, Any]], bool]] = {
    "lead": lambda record: bool(record.get("lead")),
    "modified_at": lambda record: bool(record.get("modified_at")),
    "authors": lambda record: bool(record.get("authors")),
    "section": lambda record: bool(record.get("section")),
    "tags": lambda record: bool(record.get("tags")),
    "images": lambda record: bool(record.get("images")),
    "images_with_caption": _images_with("caption"),
    "images_with_credit": _images_with("credit"),
    "views": lambda record: record.get("views") is not None,
}
#: The extraction path of pages no layout matched (shown last).
FALLBACK = "fallback"


@dataclass
class Group:
    """Records of one edition and month: how many, which fields they fill, how they were read."""

    records: int = 0
    filled: Counter[str] = field(default_factory=Counter)
    extraction: Counter[str] = field(default_factory=Counter)

    def add(self, record: dict[str, Any]) -> None:
        self.records += 1
        self.filled.update(name for name, test in COVERAGE.items() if test(record))
        self.extraction[record.get("extraction") or "unknown"] += 1

    def merge(self, other: Group) -> None:
        self.records += other.records
        self.filled.update(other.filled)
        self.extraction.update(other.extraction)

    def coverage(self) -> dict[str, float]:
        """Share of records filling each field (0 for no records), rounded for stable output."""
        return {name: round(self.filled[name] / self.records, 4) if self.records else 0.0 for name in COVERAGE}


@dataclass
class ExportStats:
    """Everything the manifest, the dataset card and the report say about the records.

    Editions are named as their sites' URLs name them (``kz``); in an export of several sites,
    as ``site/edition`` (``kz.kursiv.media/kk``), so two sites' ``ru`` never merge."""

    records: int = 0
    first_published_at: str | None = None
    last_published_at: str | None = None
    #: (site, edition, day) -> records
    site_days: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    #: (site, edition, month) -> its group
    site_groups: dict[tuple[str, str, str], Group] = field(default_factory=lambda: defaultdict(Group))
    #: site -> the ISO languages of its records
    site_languages: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, record: dict[str, Any]) -> None:
        self.records += 1
        self.first_published_at = self.first_published_at or record["published_at"]
        self.last_published_at = record["published_at"]
        site, edition, day = record["site"], edition_dir(record), publication_day(record)
        self.site_days[site, edition, day] += 1
        self.site_groups[site, edition, day[:7]].add(record)
        self.site_languages[site].add(record["language"])

    @property
    def sites(self) -> list[str]:
        return sorted(self.site_languages)

    def label(self, site: str, edition: str) -> str:
        """An edition's name in figures: ``kz``, or ``site/kz`` in an export of several sites."""
        return edition if len(self.site_languages) <= 1 else f"{site}/{edition}"

    @property
    def per_day(self) -> Counter[tuple[str, str]]:
        """(edition, day) -> records."""
        return Counter({(self.label(site, edition), day): count
                        for (site, edition, day), count in self.site_days.items()})

    @property
    def groups(self) -> dict[tuple[str, str], Group]:
        """(edition, month) -> its group."""
        return {(self.label(site, edition), month): group for (site, edition, month), group in self.site_groups.items()}

    @property
    def editions(self) -> list[str]:
        return sorted({self.label(site, edition) for site, edition, _ in self.site_groups})

    @property
    def months(self) -> list[str]:
        return sorted({month for _, _, month in self.site_groups})

    def site_editions(self, site: str) -> dict[str, int]:
        """A site's records per edition."""
        counts: Counter[str] = Counter()
        for (group_site, edition, _), group in self.site_groups.items():
            if group_site == site:
                counts[edition] += group.records
        return dict(sorted(counts.items()))

    def total(self, edition: str | None = None) -> Group:
        """All records, or one edition's, as one group."""
        total = Group()
        for (group_edition, _), group in sorted(self.groups.items()):
            if edition is None or group_edition == edition:
                total.merge(group)
        return total
