"""One export: select, write, describe, swap into place.

The store is read once, through its cursor; each record goes to its partition's file and into
the figures (``ExportStats``). Everything is written in a staging directory and swapped in
at the end (``atomic``): the previous export stays whole until the new one is.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscrawl.export import atomic
from newscrawl.export.card import dataset_card
from newscrawl.export.manifest import build_manifest, write_manifest
from newscrawl.export.options import ExportOptions
from newscrawl.export.report import report_html
from newscrawl.export.select import iter_selected
from newscrawl.export.stats import ExportStats
from newscrawl.export.writers import PartitionedWriter
from newscrawl.store import ArticleStore


@dataclass(frozen=True)
class ExportResult:
    """What was written: the final directory and its manifest."""

    output: Path
    manifest: dict[str, Any]

    @property
    def empty(self) -> bool:
        return bool(self.manifest["empty"])


def write_export(store: ArticleStore, root: Path, options: ExportOptions) -> dict[str, Any]:
    """Write the dataset, ``manifest.json``, ``README.md`` (and ``report.html``) under ``root``."""
    if options.format == "parquet":
        from newscrawl.export.parquet import require_pyarrow

        require_pyarrow()
    writer = PartitionedWriter(root, options.partition, options.format, options.gzip)
    stats = ExportStats()
    try:
        for record in iter_selected(store, options):
            writer.write(record)
            stats.add(record)
    finally:
        files = writer.close()
    runs = list(store.iter_runs())
    manifest = build_manifest(root, options, stats, files, runs)
    write_manifest(root, manifest)
    (root / "README.md").write_text(dataset_card(manifest), encoding="utf-8", newline="\n")
    if options.report:
        (root / "report.html").write_text(report_html(manifest, stats, runs), encoding="utf-8", newline="\n")
    return manifest


def export_dataset(store: ArticleStore, output: Path, options: ExportOptions) -> ExportResult:
    """Export the store's selected articles to ``output``, replacing an earlier export there
    only once the new one is complete. Refuses a directory that is not an export."""
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    atomic.recover(output)
    atomic.check_replaceable(output)
    staging = atomic.staging_dir(output)
    try:
        manifest = write_export(store, staging, options)
        atomic.swap_in(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ExportResult(output, manifest)
