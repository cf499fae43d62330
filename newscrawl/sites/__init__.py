"""The registry of sites: one module per site under ``newscrawl/sites/``, loaded on first use.

Scrapy imports every spider module on every command, so nothing here runs at import: a site's
module is imported when it is asked for.
"""

from __future__ import annotations

from importlib import import_module

from newscrawl.sites.base import Discovery, Edition, ListingMarkup, Site

__all__ = ["Discovery", "Edition", "ListingMarkup", "Site", "UnknownSite", "all_sites", "get_site",
           "site_by_domain", "site_of"]

#: Spider name -> ``module:DECLARATION``. A new site is one line here and its module.
SITE_MODULES: dict[str, str] = {
    "inbusiness": "newscrawl.sites.inbusiness:INBUSINESS",
    "kursiv": "newscrawl.sites.kursiv:KURSIV",
    "tengrinews": "newscrawl.sites.tengrinews:TENGRINEWS",
}


class UnknownSite(ValueError):
    """A site name or domain that no declaration has; the message lists the known ones."""


def get_site(name: str) -> Site:
    """The declaration of the site crawled by spider ``name``."""
    if name not in SITE_MODULES:
        raise UnknownSite(f"unknown site {name!r}: expected one of {', '.join(SITE_MODULES)}")
    module, attribute = SITE_MODULES[name].split(":")
    site: Site = getattr(import_module(module), attribute)
    return site


def all_sites() -> list[Site]:
    """Every registered site, in registry order."""
    return [get_site(name) for name in SITE_MODULES]


def site_by_domain(domain: str) -> Site | None:
    """The site whose records carry ``site: domain`` (None for a domain no site declares)."""
    return next((site for site in all_sites() if site.domain == domain), None)


def site_of(spider: object) -> Site | None:
    """The site a spider (or spider class) crawls: its ``site`` declaration, None for another spider."""
    site = getattr(spider, "site", None)
    return site if isinstance(site, Site) else None
