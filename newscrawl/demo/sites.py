"""The registry of site copies: ``--site`` name -> the function that builds that copy.

A copy is imported only when chosen (each builds its articles on call, nothing at import).
"""

from __future__ import annotations

from importlib import import_module

from newscrawl.demo.core import SiteCopy

#: Site name (its spider's name) -> "module:function" returning a ``SiteCopy`` (seeded).
COPIES: dict[str, str] = {
    "inbusiness": "newscrawl.demo.site:build_site",
    "kursiv": "newscrawl.demo.kursiv:build_copy",
    "tengrinews": "newscrawl.demo.tengrinews:build_copy",
}


def build_copy(name: str, seed: int = 2024) -> SiteCopy:
    """The copy of site ``name``; ``KeyError`` names the known ones."""
    if name not in COPIES:
        raise KeyError(f"no local copy of site {name!r}; known: {', '.join(sorted(COPIES))}")
    module, function = COPIES[name].split(":")
    copy: SiteCopy = getattr(import_module(module), function)(seed)
    return copy
