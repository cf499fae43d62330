"""Parquet output through pyarrow, with a declared schema readers need no cast for.

* ``published_at``/``modified_at``: ``timestamp[ms, tz=Asia/Almaty]``. Parquet stores the UTC
  instant; the zone name makes pandas, DuckDB and Hugging Face ``datasets`` show the Almaty
  wall time, with the same offset as the JSONL (``+06:00``, ``+05:00`` from 2024-03-01).
  Milliseconds, not seconds: Parquet has no seconds unit, so ``s`` would come back as ``ms``
  from every reader that ignores pyarrow's own schema copy; ``ms`` is the same type everywhere.
* ``authors``/``tags``: ``list<string>``; ``images``: ``list<struct<url, caption, credit>>``.
* Nullable exactly where ``record.md`` says "or null".

Records are buffered in row groups of ``ROW_GROUP_RECORDS``, so memory stays flat however
many records a file holds. pyarrow writes no time stamp: the same records give the same bytes
(for one pyarrow version; ``created_by`` names it).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError:  # pragma: no cover - depends on the install
    pa = pq = None

from newscrawl.items import EXPORT_FIELDS

#: Records per row group: bounded memory, and large enough for good compression.
ROW_GROUP_RECORDS = 5000
TIMEZONE = "Asia/Almaty"
TIMESTAMP_FIELDS: tuple[str, ...] = ("published_at", "modified_at")
INSTALL_HINT = "--format parquet needs pyarrow: pip install -e '.[export]' (or pip install pyarrow)"


def require_pyarrow() -> None:
    """Fail early, with the command to run, when pyarrow is missing."""
    if pa is None:
        raise ImportError(INSTALL_HINT)


def article_schema() -> Any:
    """The declared Parquet schema of the record (``record.md`` fields, then ``extraction``)."""
    require_pyarrow()
    stamp = pa.timestamp("ms", tz=TIMEZONE)
    strings = pa.list_(pa.field("element", pa.string(), nullable=False))
    image = pa.struct([pa.field("url", pa.string(), nullable=False), pa.field("caption", pa.string()),
                       pa.field("credit", pa.string())])
    fields = [
        pa.field("url", pa.string(), nullable=False),
        pa.field("site", pa.string(), nullable=False),
        pa.field("language", pa.string(), nullable=False),
        pa.field("title", pa.string(), nullable=False),
        pa.field("lead", pa.string()),
        pa.field("body", pa.string(), nullable=False),
        pa.field("published_at", stamp, nullable=False),
        pa.field("modified_at", stamp),
        pa.field("authors", strings, nullable=False),
        pa.field("section", pa.string()),
        pa.field("tags", strings, nullable=False),
        pa.field("images", pa.list_(pa.field("element", image, nullable=False)), nullable=False),
        pa.field("views", pa.int64()),
        pa.field("extraction", pa.string(), nullable=False),
    ]
    assert tuple(field.name for field in fields) == EXPORT_FIELDS
    return pa.schema(fields)


def epoch_millis(stamp: str | None) -> int | None:
    """An ISO 8601 stamp with offset as milliseconds since the epoch (the instant Parquet stores)."""
    if stamp is None:
        return None
    moment = datetime.fromisoformat(stamp)
    return int(moment.timestamp()) * 1000 + moment.microsecond // 1000


class ParquetRecordWriter:
    """One Parquet file (zstd), written one row group at a time."""

    def __init__(self, path: Path) -> None:
        self.schema = article_schema()
        self._writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self._columns: dict[str, list[Any]] = {name: [] for name in EXPORT_FIELDS}
        self._buffered = 0

    def write(self, record: dict[str, Any]) -> None:
        for name in EXPORT_FIELDS:
            value = record[name]
            if name in TIMESTAMP_FIELDS:
                value = epoch_millis(value)
            elif name in ("authors", "tags", "images") and value is None:
                value = []
            self._columns[name].append(value)
        self._buffered += 1
        if self._buffered >= ROW_GROUP_RECORDS:
            self._flush()

    def _flush(self) -> None:
        if self._buffered:
            self._writer.write_batch(pa.RecordBatch.from_pydict(self._columns, schema=self.schema))
            for values in self._columns.values():
                values.clear()
            self._buffered = 0

    def close(self) -> None:
        self._flush()
        self._writer.close()
