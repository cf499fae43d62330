"""``manifest.json``: what an export holds, how to check it, and how complete its fields are.

It has no time stamp of its own (two exports of one store are byte-identical, manifest
included): ``store.last_run_ended_at`` says how fresh the data is.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from newscrawl.export.atomic import GENERATOR
from newscrawl.export.options import ExportOptions
from newscrawl.export.stats import ExportStats
from newscrawl.export.writers import WrittenFile
from newscrawl.store import RunRecord

MANIFEST_VERSION = 1


def sha256_of(path: Path) -> str:
    """The file's sha256, read in chunks (files can be large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_entry(root: Path, written: WrittenFile) -> dict[str, Any]:
    path = root / written.path
    return {
        "path": written.path, "edition": written.edition, "month": written.month, "records": written.records,
        "bytes": path.stat().st_size, "sha256": sha256_of(path),
        "first_published_at": written.first_published_at, "last_published_at": written.last_published_at,
    }


def build_manifest(root: Path, options: ExportOptions, stats: ExportStats, files: list[WrittenFile],
                   runs: list[RunRecord]) -> dict[str, Any]:
    """The manifest of the export written under ``root``."""
    extraction = stats.total().extraction
    return {
        "generator": GENERATOR,
        "manifest_version": MANIFEST_VERSION,
        "format": options.format,
        "gzip": options.gzip,
        "partition": options.partition,
        "selection": options.selection(),
        "empty": stats.records == 0,
        "records": stats.records,
        "span": {"first_published_at": stats.first_published_at, "last_published_at": stats.last_published_at,
                 "days_with_articles": len({day for _, day in stats.per_day})},
        "sites": {site: {"records": sum(stats.site_editions(site).values()), "editions": stats.site_editions(site),
                         "languages": sorted(stats.site_languages[site])} for site in stats.sites},
        "editions": {edition: stats.total(edition).records for edition in stats.editions},
        "files": [file_entry(root, written) for written in files],
        "coverage": {"all": stats.total().coverage(),
                     **{edition: stats.total(edition).coverage() for edition in stats.editions}},
        "extraction": {path: extraction[path] for path in sorted(extraction)},
        "store": {"runs": len(runs), "last_run_ended_at": max((run.ended_at or "" for run in runs), default=None)
                  or None},
    }


def write_manifest(root: Path, manifest: dict[str, Any]) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (root / "manifest.json").write_text(text, encoding="utf-8", newline="\n")
