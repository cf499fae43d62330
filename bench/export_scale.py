"""``scrapy export`` at scale: a store of N synthetic articles, exported as JSONL and Parquet.

    python bench/export_scale.py                     # 100,000 articles (~1 min, ~0.5 GB of disk)
    python bench/export_scale.py --articles 10000 --keep /tmp/scale

Prints, per format: wall time, peak RSS of the export process, output size. The store is
filled through the store's ``upsert`` in one transaction (a bulk helper the store does not
have yet), with ~2.5 kB Cyrillic bodies, 3 editions, ~3 years of days. Memory must stay flat:
the export streams the store's cursor (target: well under 500 MB at 100,000 articles).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from newscrawl.store import open_store

REPO = Path(__file__).resolve().parents[1]
WORDS = ("экономика рынок банк тенге инвестиции бюджет рост цены нефть экспорт министерство проект "
         "компания регион Астана Алматы жыл нарық салық қаржы").split()
ALMATY_OLD, ALMATY_NEW = timezone(timedelta(hours=6)), timezone(timedelta(hours=5))


def almaty(moment: datetime) -> str:
    zone = ALMATY_NEW if moment >= datetime(2024, 2, 29, 18, tzinfo=timezone.utc) else ALMATY_OLD
    return moment.astimezone(zone).isoformat(timespec="seconds")


def synthetic_record(number: int, rng: random.Random) -> dict[str, object]:
    """An article shaped like the crawl's records (sizes close to the demo site's)."""
    language, edition = rng.choice((("ru", "ru"), ("ru", "ru"), ("kk", "kz"), ("en", "en")))
    published = datetime(2022, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=15 * number + rng.randrange(15))
    sentence = lambda: " ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "."  # noqa: E731
    return {
        "url": f"https://inbusiness.kz/{edition}/last/article-{number}", "site": "inbusiness.kz",
        "language": language, "title": sentence(), "lead": sentence() if rng.random() < 0.9 else None,
        "body": "\n\n".join(" ".join(sentence() for _ in range(3)) for _ in range(8)),
        "published_at": almaty(published), "modified_at": almaty(published + timedelta(hours=2))
        if rng.random() < 0.5 else None, "authors": [f"Автор {rng.randrange(50)}"] if rng.random() < 0.8 else [],
        "section": "Экономика", "tags": rng.sample(WORDS, 3),
        "images": [{"url": f"https://inbusiness.kz/uploads/{number}.jpg", "caption": sentence(),
                    "credit": "Shutterstock" if rng.random() < 0.7 else None}],
        "views": rng.randrange(10_000), "extraction": rng.choice(("layout_a", "layout_b", "fallback")),
    }


def fill(path: Path, articles: int) -> float:
    store = open_store(path)
    started = time.perf_counter()
    rng = random.Random(2024)
    store.connection.execute("BEGIN")  # type: ignore[attr-defined] - bulk fill: one transaction
    for number in range(articles):
        store.upsert(synthetic_record(number, rng), lastmod=None, seen_at="2025-01-01T00:00:00+00:00",
                     exported_in=None)
    store.connection.execute("COMMIT")  # type: ignore[attr-defined]
    run = store.start_run("inbusiness", "backfill", "2025-01-01T00:00:00+00:00")
    store.finish_run(run, ended_at="2025-01-01T01:00:00+00:00", outcome="ok", counts={"store/new": articles})
    store.close()
    return time.perf_counter() - started


def timed_export(store: Path, output: Path, *options: str) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, bytes written) of one ``scrapy export`` process."""
    command = [sys.executable, "-m", "scrapy", "export", "-s", f"NEWSCRAWL_STATE={store}", "-o", str(output),
               *options]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"export failed: {' '.join(command)}")
    size = sum(path.stat().st_size for path in output.rglob("*") if path.is_file())
    return seconds, usage.ru_maxrss / 1024, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="work in this directory and keep it")
    options = parser.parse_args()
    workdir = options.keep or Path(tempfile.mkdtemp(prefix="newscrawl-export-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    store = workdir / "state.sqlite"
    try:
        if not store.exists():
            print(f"filling a store with {options.articles:,} articles: {fill(store, options.articles):.1f} s, "
                  f"{store.stat().st_size / 2**20:.0f} MB")
        print("| export | articles | wall s | peak RSS MB | output MB |\n|---|---|---|---|---|")
        for label, flags in (("jsonl", ()), ("jsonl --gzip", ("--gzip",)), ("parquet", ("--format", "parquet")),
                             ("csv", ("--format", "csv")), ("jsonl --report", ("--report",))):
            seconds, rss, size = timed_export(store, workdir / "out", *flags)
            print(f"| {label} | {options.articles:,} | {seconds:.1f} | {rss:.0f} | {size / 2**20:.0f} |")
        seconds, rss, _ = timed_export(store, workdir / "empty", "--since", "2100-01-01")
        print(f"| (startup: empty selection) | 0 | {seconds:.1f} | {rss:.0f} | - |")
    finally:
        if not options.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
