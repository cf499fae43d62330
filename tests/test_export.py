"""``scrapy export`` datasets from a store filled by a real crawl of the local site: JSONL,
Parquet and CSV hold the same records, re-exports are byte-identical, the manifest checks out."""

from __future__ import annotations

import atexit
import csv
import functools
import gzip
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from crawling import run_crawl

from newscrawl.demo.server import serve
from newscrawl.demo.site import build_site
from newscrawl.export import ExportResult, export_dataset, make_options
from newscrawl.items import EXPORT_FIELDS
from newscrawl.store import open_store


@functools.cache
def crawled() -> tuple[Path, list[dict]]:
    """One seed crawl of the local site for every export test: (store path, exported records)."""
    workdir = Path(tempfile.mkdtemp(prefix="newscrawl-export-"))
    atexit.register(shutil.rmtree, workdir, True)
    with serve(build_site()) as server:
        crawl = run_crawl(server, workdir, name="seed")
    assert crawl.returncode == 0, crawl.log[-2000:]
    return workdir / "state.sqlite", crawl.records


def export(output: Path, **options: object) -> ExportResult:
    store = open_store(crawled()[0])
    try:
        return export_dataset(store, output, make_options(**options))  # type: ignore[arg-type]
    finally:
        store.close()


def jsonl_records(root: Path) -> list[dict]:
    return [json.loads(line) for path in sorted(root.rglob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def jsonl_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("jsonl") / "dataset"
    export(output, report=True)
    return output


def test_jsonl_export_holds_each_crawled_article_once_as_the_crawl_wrote_it(jsonl_export: Path) -> None:
    records = jsonl_records(jsonl_export)
    crawled_records = {record["url"]: record for record in crawled()[1]}
    assert len(records) == len({record["url"] for record in records}) == len(crawled_records)
    assert {record["url"]: record for record in records} == crawled_records
    assert all(list(record) == list(EXPORT_FIELDS) for record in records)


def test_files_are_per_edition_and_month_with_kazakh_under_kz_and_sorted_by_time(jsonl_export: Path) -> None:
    for path in (jsonl_export / "inbusiness.kz").rglob("*.jsonl"):
        edition, month = path.parent.name, path.stem
        records = jsonl_records_of(path)
        assert {record["language"] for record in records} == {"kk" if edition == "kz" else edition}
        assert {record["published_at"][:7] for record in records} == {month}
        instants = [(record["published_at"], record["url"]) for record in records]
        assert instants == sorted(instants)  # one offset per month here, so strings sort as instants
    assert (jsonl_export / "inbusiness.kz/kz/2022-10.jsonl").exists()
    assert (jsonl_export / "inbusiness.kz/ru/2024-03.jsonl").exists()


def jsonl_records_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_manifest_lists_every_file_with_its_count_and_sha256(jsonl_export: Path) -> None:
    import hashlib

    manifest = json.loads((jsonl_export / "manifest.json").read_text(encoding="utf-8"))
    data_files = {str(path.relative_to(jsonl_export)) for path in jsonl_export.rglob("*.jsonl")}
    assert {entry["path"] for entry in manifest["files"]} == data_files
    for entry in manifest["files"]:
        path = jsonl_export / entry["path"]
        assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert entry["records"] == len(jsonl_records_of(path))
    records = jsonl_records(jsonl_export)
    assert manifest["records"] == len(records) and not manifest["empty"]
    with_lead = sum(1 for record in records if record["lead"])
    assert manifest["coverage"]["all"]["lead"] == round(with_lead / len(records), 4)
    credited = sum(1 for record in records if any(image["credit"] for image in record["images"]))
    assert manifest["coverage"]["all"]["images_with_credit"] == round(credited / len(records), 4)
    assert manifest["span"]["first_published_at"] == min(records, key=lambda r: (r["published_at"]))["published_at"]


def test_re_export_of_the_same_store_is_byte_identical(tmp_path: Path, jsonl_export: Path) -> None:
    export(tmp_path / "again", report=True)
    assert tree(tmp_path / "again") == tree(jsonl_export)
    export(tmp_path / "csv1", format="csv", gzip=True)
    export(tmp_path / "csv2", format="csv", gzip=True)
    assert tree(tmp_path / "csv1") == tree(tmp_path / "csv2")


def test_parquet_reads_back_with_pyarrow_equal_to_the_jsonl(tmp_path: Path, jsonl_export: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the export extra: pip install -e '.[export]'")
    export(tmp_path / "p1", format="parquet")
    export(tmp_path / "p2", format="parquet")
    assert tree(tmp_path / "p1") == tree(tmp_path / "p2"), "a parquet re-export must be byte-identical"
    table = pq.ParquetDataset(tmp_path / "p1" / "inbusiness.kz").read()
    assert str(table.schema.field("published_at").type) == "timestamp[ms, tz=Asia/Almaty]"
    assert str(table.schema.field("images").type) == (
        "list<element: struct<url: string not null, caption: string, credit: string> not null>")
    back = []
    for row in table.to_pylist():
        for name in ("published_at", "modified_at"):
            row[name] = row[name] and row[name].isoformat()
        back.append(row)
    expected = {record["url"]: record for record in jsonl_records(jsonl_export)}
    assert {row["url"]: row for row in back} == expected


def test_parquet_needs_no_cast_in_pandas_and_duckdb(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pandas = pytest.importorskip("pandas", reason="pandas not installed (optional check)")
    duckdb = pytest.importorskip("duckdb", reason="duckdb not installed (optional check)")
    export(tmp_path / "p", format="parquet", language="ru")
    frame = pandas.read_parquet(tmp_path / "p" / "inbusiness.kz")
    assert str(frame["published_at"].dtype).endswith("Asia/Almaty]")
    assert isinstance(frame["images"].iloc[0][0], dict)
    kind = duckdb.sql(f"select any_value(typeof(published_at)) from '{tmp_path}/p/inbusiness.kz/*/*.parquet'")
    assert kind.fetchall() == [("TIMESTAMP WITH TIME ZONE",)]


def test_csv_has_one_row_per_article_with_lists_as_json_cells(tmp_path: Path, jsonl_export: Path) -> None:
    export(tmp_path / "c", format="csv", gzip=True, partition="none")
    with gzip.open(tmp_path / "c/inbusiness.kz/articles.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = {record["url"]: record for record in jsonl_records(jsonl_export)}
    assert len(rows) == len(expected)
    for row in rows:
        record = expected[row["url"]]
        assert json.loads(row["images"]) == record["images"] and json.loads(row["authors"]) == record["authors"]
        assert row["body"] == record["body"] and row["lead"] == (record["lead"] or "")


def test_selection_by_language_and_days_keeps_only_those(tmp_path: Path) -> None:
    result = export(tmp_path / "s", language="kk", since="2024-02-29", until="2024-03-01")
    records = jsonl_records(tmp_path / "s")
    assert records and {record["language"] for record in records} == {"kk"}
    assert {record["published_at"][:10] for record in records} <= {"2024-02-29", "2024-03-01"}
    assert result.manifest["selection"] == {"since": "2024-02-29", "until": "2024-03-01", "languages": ["kk"]}


def test_empty_selection_writes_an_empty_dataset_that_says_so(tmp_path: Path) -> None:
    result = export(tmp_path / "e", since="2030-01-01")
    assert result.empty and result.manifest["records"] == 0 and result.manifest["files"] == []
    assert "This export is empty" in (tmp_path / "e/README.md").read_text(encoding="utf-8")
