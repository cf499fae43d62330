"""Scale: backfill a generated site of 10k..100k articles; peak RSS and seconds per 1,000 articles;
then two incremental re-crawls of the same site into the same store (requests, article pages
fetched, seconds, peak RSS): the first reads every monthly sitemap once, the second is the no-op.

The site (``scale_site.py``) runs in its own process, so the RSS sampled here is the crawler's
alone; the crawl is the real ``scrapy crawl inbusiness`` with politeness off. Peak RSS is the
kernel's high-water mark of the crawl process (``wait4`` rusage), not a sample.

    python bench/scale.py                       # 10k and 100k articles, in-memory queues
    python bench/scale.py --sizes 10000 --jobdir  # with Scrapy's disk queues (JOBDIR)
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psutil

from newscrawl.demo.__main__ import crawl_command
from newscrawl.demo.listings import PAGE_SIZE

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RSS_TARGET_MB = 500
NOOP_REQUESTS = 10  # "a handful"
#: The newest day's listing pages (the site's 100 articles a day, 20 a page). An incremental run's
#: floor: robots.txt, the sitemap index, these pages, the RSS feed (+ each monthly sitemap, once).
LISTING_PAGES = -(-100 // PAGE_SIZE)


@dataclass
class Measured:
    """One ``scrapy crawl`` process: its summary figures, wall time and memory."""

    requests: int
    summary: dict[str, int]  # the summary line's figures (exported=, new=, unchanged=, ...)
    skipped_known: int  # article requests the store dropped (``newscrawl/skipped/known_article``)
    seconds: float
    peak_rss_mb: float
    rss_curve: list[tuple[float, float]]  # (seconds since start, RSS MB) samples
    exit_code: int

    @property
    def articles_fetched(self) -> int:
        """Article pages downloaded and answered (each ends as new/changed/unchanged, or a 404/failure)."""
        return sum(self.summary.get(key, 0) for key in ("new", "changed", "unchanged", "not_found_404", "failed"))


@dataclass
class ScaleRun:
    articles: int
    exported: int
    requests: int
    seconds: float
    peak_rss_mb: float
    rss_curve: list[tuple[float, float]]  # (seconds since start, RSS MB) samples
    incremental: list[Measured]  # the re-crawls after the backfill: first (reads every sitemap), no-op
    months: int  # monthly sitemaps the site lists

    @property
    def seconds_per_1000(self) -> float:
        return 1000 * self.seconds / max(self.exported, 1)


def start_site(articles: int) -> tuple[subprocess.Popen[str], str, date, date]:
    """The generated site in its own process; its base URL and first/last day."""
    process = subprocess.Popen([sys.executable, str(BENCH / "scale_site.py"), "--articles", str(articles)],
                               stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert process.stdout is not None
    base_url, first, last = process.stdout.readline().split()
    return process, base_url, date.fromisoformat(first), date.fromisoformat(last)


def measure(command: list[str], log: Path, sample_every: float = 2.0) -> Measured:
    """Run one crawl to its end: wall time, kernel peak RSS, sampled RSS curve, summary figures."""
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
    started = last_sample = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watched = psutil.Process(process.pid)
    curve: list[tuple[float, float]] = []
    # Reap the process here (wait4, not Popen.poll) so that its rusage is ours whenever it ends,
    # and look every 50 ms so that a 2-second run is timed to 50 ms; RSS sampled every sample_every.
    while not (reaped := os.wait4(process.pid, os.WNOHANG))[0]:
        if not curve or time.monotonic() - last_sample >= sample_every:
            last_sample = time.monotonic()
            try:
                curve.append((last_sample - started, watched.memory_info().rss / 2**20))
            except psutil.NoSuchProcess:
                pass
        time.sleep(0.05)
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(reaped[1])
    peak = reaped[2].ru_maxrss / 1024
    text = log.read_text(encoding="utf-8")
    line = re.search(r"newscrawl summary: (.*)", text)
    summary = {key: int(value) for key, value in re.findall(r"(\w+)=(\d+)", line[1])} if line else {}
    skipped = re.search(r"'newscrawl/skipped/known_article': (\d+)", text)
    return Measured(summary.get("requests", 0), summary, int(skipped[1]) if skipped else 0, seconds, peak,
                    curve or [(seconds, peak)], process.returncode)


def crawl(articles: int, workdir: Path, jobdir: bool, sample_every: float = 2.0) -> ScaleRun:
    """One backfill of a fresh site of ``articles`` articles, then two incremental runs on the
    same site and store: the first reads every monthly sitemap (a backfill records no sitemap
    lastmods), the second is the no-op (sitemap index, listing, RSS)."""
    site, base_url, first, last = start_site(articles)
    output, log = workdir / f"scale-{articles}.jsonl", workdir / f"scale-{articles}.log"
    # A fresh article store per run, in the run's own folder (never the project's default one).
    state = workdir / f"state-{articles}.sqlite"
    command = crawl_command(base_url, first, last, output, state=state, log=log)
    command += ["-a", "editions=ru", "-s", "LOG_LEVEL=INFO"]
    if jobdir:
        command += ["-s", f"JOBDIR={workdir / f'job-{articles}'}"]
    try:
        backfill = measure(command, log, sample_every)
        incremental = []
        for number in (1, 2):
            output, log = workdir / f"incr{number}-{articles}.jsonl", workdir / f"incr{number}-{articles}.log"
            command = crawl_command(base_url, None, None, output, state=state, log=log)
            command += ["-a", "editions=ru", "-s", "LOG_LEVEL=INFO"]
            incremental.append(measure(command, log, sample_every))
    finally:
        site.terminate()
        site.wait()
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return ScaleRun(articles, backfill.summary.get("exported", 0), backfill.requests, backfill.seconds,
                    backfill.peak_rss_mb, backfill.rss_curve, incremental, months)


def report(runs: list[ScaleRun], jobdir: bool) -> str:
    """The tables of bench/README.md, each figure beside its target."""
    queues = "disk queues (JOBDIR)" if jobdir else "in-memory queues (no JOBDIR)"
    lines = [f"Scale backfill, {queues}, politeness off, site in its own process",
             "| articles | exported | requests/article | s per 1,000 | articles/s | peak RSS MB (target < "
             f"{RSS_TARGET_MB}) | ratio to target |",
             "|---:|---:|---:|---:|---:|---:|---:|"]
    for run in runs:
        lines.append(f"| {run.articles:,} | {run.exported:,} | {run.requests / max(run.exported, 1):.3f} | "
                     f"{run.seconds_per_1000:.2f} | {run.exported / run.seconds:.0f} | {run.peak_rss_mb:.0f} | "
                     f"{run.peak_rss_mb / RSS_TARGET_MB:.2f} |")
    if len(runs) > 1:
        growth = runs[-1].peak_rss_mb / runs[0].peak_rss_mb
        lines.append(f"\nPeak RSS {runs[-1].articles:,} vs {runs[0].articles:,} articles: x{growth:.2f} "
                     f"for x{runs[-1].articles / runs[0].articles:.0f} the articles")
    for run in runs:
        quarters = [run.rss_curve[int(len(run.rss_curve) * q)] for q in (0.25, 0.5, 0.75)] + run.rss_curve[-1:]
        points = ", ".join(f"{at:.0f} s: {rss:.0f} MB" for at, rss in quarters)
        lines.append(f"RSS over the {run.articles:,} run: {points}")
    lines += ["", "Incremental re-crawls after the backfill (same site process, same store)",
              "| articles | run | requests (reference) | article pages fetched (reference 0) | articles skipped as "
              "known | exported | seconds | peak RSS MB (target < " f"{RSS_TARGET_MB}) | backfill: requests, "
              "seconds, peak RSS MB |",
              "|---:|---|---:|---:|---:|---:|---:|---:|---|"]
    for run in runs:
        for number, measured in enumerate(run.incremental, 1):
            floor = 3 + LISTING_PAGES + (run.months if number == 1 else 0)
            name, reference = ("1st (reads every monthly sitemap)", f"floor {floor}") if number == 1 \
                else ("2nd (no-op)", f"<= {NOOP_REQUESTS}; floor {floor}")
            lines.append(f"| {run.articles:,} | {name} | {measured.requests:,} ({reference}) | "
                         f"{measured.articles_fetched:,} | {measured.skipped_known:,} | "
                         f"{measured.summary.get('exported', 0):,} | {measured.seconds:.1f} | "
                         f"{measured.peak_rss_mb:.0f} | {run.requests:,}, {run.seconds:.0f}, {run.peak_rss_mb:.0f} |")
            if measured.exit_code:
                lines.append(f"| | (exit code {measured.exit_code}: see its log) | | | | | | | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--jobdir", action="store_true", help="Scrapy disk queues (JOBDIR) instead of memory")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newscrawl-scale-") as tmp:
        runs = [crawl(size, Path(tmp), options.jobdir) for size in options.sizes]
    print(report(runs, options.jobdir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
