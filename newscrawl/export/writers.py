"""Record writers (JSONL, CSV; Parquet in ``parquet.py``) and the per-partition fan-out.

Output must be byte-identical for the same store: fixed key order, ``ensure_ascii`` off,
``\\n`` line endings, and gzip without a name or time stamp in its header (``mtime=0``).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from newscrawl.export.select import Partition, partition_of
from newscrawl.items import EXPORT_FIELDS

#: Record fields that CSV writes as a JSON array in one cell (lossless; ``json.loads`` reads it back).
CSV_JSON_FIELDS: tuple[str, ...] = ("authors", "tags", "images")


class ExportError(Exception):
    """The export cannot be written (the store misbehaved, the disk failed...)."""


class RecordWriter(Protocol):
    """One output file, fed records in order."""

    def write(self, record: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


def _open_binary(path: Path, compress: bool) -> BinaryIO | gzip.GzipFile:
    raw = open(path, "wb")  # noqa: SIM115 - closed by the writer
    if not compress:
        return raw
    # No file name and mtime=0 in the gzip header: the same records give the same bytes.
    # Level 6 (gzip's own default): 4x faster than Python's 9 for a few % more bytes.
    return _GzipOwningRaw(raw)


class _GzipOwningRaw(gzip.GzipFile):
    """A gzip stream that also closes the file under it."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__(filename="", mode="wb", compresslevel=6, fileobj=raw, mtime=0)
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


class JsonlWriter:
    """One UTF-8 JSON object per line, as ``scrapy crawl -O x.jsonl`` writes them."""

    def __init__(self, path: Path, compress: bool = False) -> None:
        self._text = io.TextIOWrapper(_open_binary(path, compress), encoding="utf-8", newline="\n")

    def write(self, record: dict[str, Any]) -> None:
        self._text.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self._text.close()


#: What a spreadsheet runs as a formula when a cell starts with it (OWASP "CSV injection").
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(name: str, value: Any) -> str:
    """A record value as a CSV cell: null is empty, lists and images are JSON arrays; a text
    that a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+cmd|...``) gets a
    leading ``'``, as OWASP recommends (the dataset card says so)."""
    if value is None:
        return ""
    if name in CSV_JSON_FIELDS:
        return json.dumps(value, ensure_ascii=False)  # starts with "[": never a formula
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class CsvWriter:
    """RFC 4180 quoting with a header row, UTF-8 without BOM, ``\\n`` row ends (bodies hold ``\\n``
    too, inside quotes)."""

    def __init__(self, path: Path, compress: bool = False) -> None:
        self._text = io.TextIOWrapper(_open_binary(path, compress), encoding="utf-8", newline="")
        self._rows = csv.writer(self._text, lineterminator="\n")
        # The csv module quotes a cell holding "\n" but not one holding a lone "\r", which
        # readers take for a row end: such a row is written with every cell quoted.
        self._quoted_rows = csv.writer(self._text, lineterminator="\n", quoting=csv.QUOTE_ALL)
        self._rows.writerow(EXPORT_FIELDS)

    def write(self, record: dict[str, Any]) -> None:
        cells = [csv_cell(name, record[name]) for name in EXPORT_FIELDS]
        (self._quoted_rows if any("\r" in cell for cell in cells) else self._rows).writerow(cells)

    def close(self) -> None:
        self._text.close()


def open_writer(path: Path, format: str, compress: bool) -> RecordWriter:
    """The writer of one file; Parquet needs pyarrow, imported only when asked for."""
    if format == "parquet":
        from newscrawl.export.parquet import ParquetRecordWriter

        return ParquetRecordWriter(path)
    return JsonlWriter(path, compress) if format == "jsonl" else CsvWriter(path, compress)


def extension(format: str, compress: bool) -> str:
    return f".{format}.gz" if compress else f".{format}"


@dataclass
class WrittenFile:
    """What one output file holds (the manifest adds its size and sha256)."""

    path: str
    edition: str | None
    month: str | None
    records: int = 0
    first_published_at: str | None = None
    last_published_at: str | None = None


class PartitionedWriter:
    """Sends each record to its partition's file. Months arrive in order (see ``select``), so
    at most one file per edition is open at a time, however long the store's history."""

    def __init__(self, root: Path, partition: str, format: str, compress: bool) -> None:
        self.root, self.partition, self.format, self.compress = root, partition, format, compress
        self.files: dict[str, WrittenFile] = {}
        self._open: dict[str, RecordWriter] = {}
        self._month: str | None = None

    def write(self, record: dict[str, Any]) -> None:
        part = partition_of(record, self.partition)
        if part.month != self._month:
            self._close_open()
            self._month = part.month
        writer = self._open.get(part.stem) or self._start(part)
        writer.write(record)
        written = self.files[part.stem]
        written.records += 1
        written.first_published_at = written.first_published_at or record["published_at"]
        written.last_published_at = record["published_at"]

    def _start(self, part: Partition) -> RecordWriter:
        if part.stem in self.files:
            raise ExportError(f"the store returned {part.stem} out of publication order; export aborted")
        relative = part.stem + extension(self.format, self.compress)
        (self.root / relative).parent.mkdir(parents=True, exist_ok=True)
        self.files[part.stem] = WrittenFile(relative, part.edition, part.month)
        self._open[part.stem] = writer = open_writer(self.root / relative, self.format, self.compress)
        return writer

    def _close_open(self) -> None:
        for writer in self._open.values():
            writer.close()
        self._open.clear()

    def close(self) -> list[WrittenFile]:
        """Close every file; what was written, by path."""
        self._close_open()
        return sorted(self.files.values(), key=lambda written: written.path)
