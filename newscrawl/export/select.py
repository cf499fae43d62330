"""Which records an export holds, in which order, and in which file each one goes.

The store keeps one row per article (its latest version), so a selection is each article
once. Order is the store's: publication instant, then URL. Because a site's publication day
(the first 10 characters of ``published_at``, written in the site's zone) never goes back as
the instant grows, months arrive in order too, and a writer can close a month's files for good
as soon as the next month starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newscrawl.export.options import ExportOptions
from newscrawl.items import EXPORT_FIELDS
from newscrawl.sites import site_by_domain
from newscrawl.store import ArticleStore

#: File name stem with ``--partition none``: one file per site holding every edition.
UNPARTITIONED_STEM = "articles"
#: A folder or file name a record may give (a domain, an edition, ``YYYY-MM``): never ``..``,
#: a slash or an empty name, so no record puts a file outside its site's folder.
SAFE_NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]|\.(?!\.))*")
MONTH = re.compile(r"\d{4}-\d{2}")
#: The folder of a record whose site, edition or month is not a safe name: kept, apart.
UNKNOWN = "unknown"


def safe_name(value: object, pattern: re.Pattern[str] = SAFE_NAME) -> str:
    """``value`` when it is a safe folder or file name, else ``unknown``."""
    return value if isinstance(value, str) and pattern.fullmatch(value) else UNKNOWN


@dataclass(frozen=True)
class Partition:
    """One output file: where it goes and what it holds."""

    #: Path relative to the export directory, without the format's extension.
    stem: str
    edition: str | None
    month: str | None


def edition_dir(record: dict[str, Any]) -> str:
    """The edition directory of a record: its language's edition as the site's URLs call it
    (inbusiness's ``kz`` holds Kazakh, ISO ``kk``; Kursiv's ``kk``); else the language code."""
    site = site_by_domain(record["site"])
    return site.edition_folder(record["language"]) if site else record["language"]


def publication_day(record: dict[str, Any]) -> str:
    """The site's own publication day: ``published_at`` carries the offset of its zone."""
    return str(record["published_at"])[:10]


def partition_of(record: dict[str, Any], partition: str) -> Partition:
    """``inbusiness.kz/ru/2022-10`` (by edition and month) or ``inbusiness.kz/articles`` (none);
    a name the record gives that is not safe in a path is ``unknown``."""
    site = safe_name(record["site"])
    if partition == "none":
        return Partition(f"{site}/{UNPARTITIONED_STEM}", None, None)
    edition, month = safe_name(edition_dir(record)), safe_name(publication_day(record)[:7], MONTH)
    return Partition(f"{site}/{edition}/{month}", edition, month)


def ordered(record: dict[str, Any]) -> dict[str, Any]:
    """The record with exactly the exported fields, in ``record.md`` order then ``extraction``
    (a field an older version lacks is null; working fields never leak into a dataset)."""
    return {name: record.get(name) for name in EXPORT_FIELDS}


def iter_selected(store: ArticleStore, options: ExportOptions) -> Iterator[dict[str, Any]]:
    """The selected records, streamed from the store's cursor (never held in a list)."""
    for stored in store.iter_articles(since=options.since, until=options.until, languages=options.languages):
        if options.sites is None or stored.record.get("site") in options.sites:
            yield ordered(stored.record)
