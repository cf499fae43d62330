"""The options of an export, checked before the store is opened.

Every check raises ``OptionError`` with one line naming the option and the expected form, so
``scrapy export`` can report it as a usage error (exit code 2) before touching anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newscrawl.sites import all_sites

FORMATS: tuple[str, ...] = ("jsonl", "parquet", "csv")
PARTITIONS: tuple[str, ...] = ("month", "none")
#: ISO 639-1 codes of the editions the records carry (``language``).
LANGUAGES: tuple[str, ...] = ("ru", "kk", "en")


class OptionError(ValueError):
    """An export option is malformed or contradicts another."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how; ``since``/``until`` are publication days (each site's own), inclusive."""

    format: str = "jsonl"
    since: str | None = None
    until: str | None = None
    #: None: every language the store holds.
    languages: tuple[str, ...] | None = None
    partition: str = "month"
    gzip: bool = False
    report: bool = False
    #: Record ``site`` domains to export; None: every site the store holds.
    sites: tuple[str, ...] | None = None

    def selection(self) -> dict[str, object]:
        """The selection as the manifest and the dataset card state it (``sites`` when chosen)."""
        chosen: dict[str, object] = {"since": self.since, "until": self.until,
                                     "languages": list(self.languages) if self.languages else None}
        return {**chosen, "sites": list(self.sites)} if self.sites else chosen


def parse_day(value: str | None, option: str) -> str | None:
    """A ``YYYY-MM-DD`` option, normalised; None stays None."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise OptionError(f"{option} must be a day as YYYY-MM-DD, got {value!r}") from None


def parse_languages(value: str | None) -> tuple[str, ...] | None:
    """``ru,kk`` as a sorted tuple of ISO codes. ``kz`` is the site's URL edition, not a
    language code: the message says which code to use instead of guessing."""
    if value is None:
        return None
    codes = [code.strip().lower() for code in value.split(",") if code.strip()]
    if not codes:
        raise OptionError(f"--language needs at least one of {','.join(LANGUAGES)}")
    for code in codes:
        if code not in LANGUAGES:
            hint = " (the /kz/ edition is the ISO code kk)" if code == "kz" else ""
            raise OptionError(f"--language {code!r} is not one of {','.join(LANGUAGES)}{hint}")
    return tuple(sorted(set(codes)))


def parse_sites(value: str | None) -> tuple[str, ...] | None:
    """``kz.kursiv.media,inbusiness`` (domains or spider names) as a sorted tuple of domains."""
    if value is None:
        return None
    by_name = {site.name: site.domain for site in all_sites()} | {site.domain: site.domain for site in all_sites()}
    names = [name.strip().lower().removeprefix("www.") for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in by_name] or ([] if names else ["(none given)"])
    if unknown:
        raise OptionError(f"--site {unknown[0]!r} is not a known site: expected a comma-separated list of "
                          f"{', '.join(site.domain for site in all_sites())}")
    return tuple(sorted({by_name[name] for name in names}))


def make_options(*, format: str = "jsonl", since: str | None = None, until: str | None = None,
                 language: str | None = None, partition: str = "month", gzip: bool = False,
                 report: bool = False, site: str | None = None) -> ExportOptions:
    """Checked options from their command-line spelling."""
    if format not in FORMATS:
        raise OptionError(f"--format must be one of {', '.join(FORMATS)}, got {format!r}")
    if partition not in PARTITIONS:
        raise OptionError(f"--partition must be one of {', '.join(PARTITIONS)}, got {partition!r}")
    if gzip and format == "parquet":
        raise OptionError("--gzip is for jsonl and csv: parquet files are already compressed (zstd)")
    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    if first and last and last < first:
        raise OptionError(f"--until {last} is before --since {first}")
    return ExportOptions(format=format, since=first, until=last, languages=parse_languages(language),
                         partition=partition, gzip=gzip, report=report, sites=parse_sites(site))
