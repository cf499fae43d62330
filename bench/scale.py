"""Scale: backfill a generated site of 10k..100k articles; peak RSS and seconds per 1,000 articles.

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

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RSS_TARGET_MB = 500


@dataclass
class ScaleRun:
    articles: int
    exported: int
    requests: int
    seconds: float
    peak_rss_mb: float
    rss_curve: list[tuple[float, float]]  # (seconds since start, RSS MB) samples

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


def crawl(articles: int, workdir: Path, jobdir: bool, sample_every: float = 2.0) -> ScaleRun:
    """One backfill of a fresh site of ``articles`` articles."""
    site, base_url, first, last = start_site(articles)
    output, log = workdir / f"scale-{articles}.jsonl", workdir / f"scale-{articles}.log"
    # A fresh article store per run, in the run's own folder (never the project's default one).
    command = crawl_command(base_url, first, last, output, state=workdir / f"state-{articles}.sqlite", log=log)
    command += ["-a", "editions=ru", "-s", "LOG_LEVEL=INFO"]
    if jobdir:
        command += ["-s", f"JOBDIR={workdir / f'job-{articles}'}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watched, curve = psutil.Process(process.pid), []
    try:
        while process.poll() is None:
            try:
                curve.append((time.monotonic() - started, watched.memory_info().rss / 2**20))
            except psutil.NoSuchProcess:
                break
            time.sleep(sample_every)
        _, _, usage = os.wait4(process.pid, 0) if process.returncode is None else (0, 0, None)
    finally:
        site.terminate()
        site.wait()
    seconds = time.monotonic() - started
    peak = usage.ru_maxrss / 1024 if usage else max(rss for _, rss in curve)
    summary = re.search(r"exported=(\d+).*requests=(\d+)", log.read_text(encoding="utf-8"))
    exported, requests = (int(summary[1]), int(summary[2])) if summary else (0, 0)
    return ScaleRun(articles, exported, requests, seconds, peak, curve)


def report(runs: list[ScaleRun], jobdir: bool) -> str:
    """The table of bench/README.md, each figure beside its target."""
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
