"""Crawl arguments (``-a name=value``), checked before anything is fetched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newscrawl.dates import parse_day

if TYPE_CHECKING:
    from newscrawl.sites.base import Site


class ArgumentError(ValueError):
    """A crawl argument that cannot be used; the message says what is expected."""


@dataclass(frozen=True)
class CrawlArguments:
    """A date range, the editions and the site root to crawl.

    With ``since`` and ``until`` the run is a backfill of the day archives; otherwise it is
    incremental (sitemaps, feeds, latest archive), from ``since`` on when only that is given.
    """

    since: date | None
    until: date | None
    editions: tuple[str, ...]
    base_url: str
    #: Articles per edition of a canary run (0: not a canary run).
    canary: int = 0

    @property
    def mode(self) -> str:
        """``canary``, ``backfill`` or ``incremental``."""
        if self.canary:
            return "canary"
        return "backfill" if self.since and self.until else "incremental"

    @property
    def uses_store(self) -> bool:
        """A canary run only checks extraction; it leaves the article store alone."""
        return self.mode != "canary"

    def days(self) -> list[date]:
        """Every day of the range, oldest first; empty without a range."""
        if self.since is None or self.until is None:
            return []
        return [self.since + timedelta(days=n) for n in range((self.until - self.since).days + 1)]

    def in_range(self, published_at: str | None, url_day: date | None = None) -> bool:
        """Whether an article falls within ``since``..``until``: by the day its URL carries when
        the site's URLs carry one, else by the day of ``published_at`` (written in the site's
        zone, so its first ten characters are the site's own day); true without either
        (validation drops a record without a date later)."""
        day = url_day
        if day is None:
            if not published_at:
                return True
            day = date.fromisoformat(published_at[:10])
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


def parse_base_url(value: str) -> str:
    """An http(s) URL of a site root, without a trailing slash."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArgumentError(f"-a base_url={value!r} is not a web address: expected http(s)://host[:port]")
    return value.strip().rstrip("/")


def parse_editions(value: str | None, known: tuple[str, ...]) -> tuple[str, ...]:
    """A comma-separated subset of the site's editions, in the order given."""
    if value is None:
        return known
    editions = tuple(dict.fromkeys(e.strip().lower() for e in value.split(",") if e.strip()))
    unknown = [e for e in editions if e not in known]
    if unknown or not editions:
        raise ArgumentError(
            f"-a editions={value!r}: unknown edition {', '.join(unknown) or '(none given)'}; "
            f"expected a comma-separated list of {', '.join(known)}"
        )
    return editions


def parse_canary(value: str | None) -> int:
    """How many newest articles per edition a canary run checks."""
    if value is None:
        return 0
    if not value.strip().isdigit() or not 1 <= int(value) <= 100:
        raise ArgumentError(f"-a canary={value!r}: expected a number of articles per edition from 1 to 100")
    return int(value)


def check_hosts(site: Site, base_url: str, editions: tuple[str, ...]) -> None:
    """A ``base_url`` other than the site's covers one host: editions served on another host of
    the site cannot be crawled through it."""
    if base_url == site.base_url.rstrip("/"):
        return
    elsewhere = [e for e in site.editions if e.name in editions and e.host]
    if elsewhere:
        on_base = ",".join(e.name for e in site.editions if not e.host) or "(none)"
        raise ArgumentError(
            f"-a base_url={base_url} is one host, but edition {elsewhere[0].name} of {site.domain} is served on "
            f"{elsewhere[0].host}: expected -a editions= among {on_base} with this base_url"
        )


def parse_arguments(
    *, since: str | None, until: str | None, editions: str | None, base_url: str | None, site: Site,
    canary: str | None = None,
) -> CrawlArguments:
    """Check every argument against the site; raise ArgumentError naming the first bad one."""
    if canary is not None and (since or until):
        raise ArgumentError("-a canary checks the newest articles: it takes no -a since/until")
    try:
        since_day = parse_day(since, "since") if since is not None else None
        until_day = parse_day(until, "until") if until is not None else None
    except ValueError as error:
        raise ArgumentError(str(error)) from None
    if until_day and since_day is None:
        raise ArgumentError(f"-a until={until} needs -a since=YYYY-MM-DD as well")
    if since_day and until_day and until_day < since_day:
        raise ArgumentError(f"-a until={until_day} is before -a since={since_day}: expected since <= until")
    chosen = parse_editions(editions, site.edition_names)
    root = parse_base_url(base_url or site.base_url)
    check_hosts(site, root, chosen)
    return CrawlArguments(since=since_day, until=until_day, editions=chosen, base_url=root,
                          canary=parse_canary(canary))
