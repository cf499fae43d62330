"""Datasets from the article store: ``scrapy export`` (``newscrawl/commands/export.py``).

``select`` picks and orders the records, ``writers``/``parquet`` write them per edition and
month, ``manifest``/``card``/``report`` describe them, ``atomic`` swaps the result into place.
"""

from __future__ import annotations

from newscrawl.export.dataset import ExportResult, export_dataset, write_export
from newscrawl.export.options import ExportOptions, OptionError, make_options
from newscrawl.export.writers import ExportError

__all__ = ["ExportError", "ExportOptions", "ExportResult", "OptionError", "export_dataset", "make_options",
           "write_export"]
