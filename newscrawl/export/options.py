"""The options of an export, checked before the store is opened.

Every check raises ``OptionError`` with one line naming the option and the expected form, so
``scrapy export`` can report it as a usage error (exit code 2) before touching anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FORMATS: tuple[str, ...] = ("jsonl", "parquet", "csv")
PARTITIONS: tuple[str, ...] = ("month", "none")
#: ISO 639-1 codes of the editions the records carry (``language``).
LANGUAGES: tuple[str, ...] = ("ru", "kk", "en")


class OptionError(ValueError):
    """An export option is malformed or contradicts another."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how; ``since``/``until`` are Asia/Almaty publication days, inclusive."""

    format: str = "jsonl"
    since: str | None = None
    until: str | None = None
    #: None: every language the store holds.
    languages: tuple[str, ...] | None = None
    partition: str = "month"
    gzip: bool = False
    report: bool = False

    def selection(self) -> dict[str, object]:
        """The selection as the manifest and the dataset card state it."""
        return {"since": self.since, "until": self.until,
                "languages": list(self.languages) if self.languages else None}


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


def make_options(*, format: str = "jsonl", since: str | None = None, until: str | None = None,
                 language: str | None = None, partition: str = "month", gzip: bool = False,
                 report: bool = False) -> ExportOptions:
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
                         partition=partition, gzip=gzip, report=report)
