"""Run every benchmark in turn and print the tables of bench/README.md with the machine they ran on.

    pip install -e '.[bench]' && python bench/run.py            # extraction, article benchmark, crawl, news spider, scale
    python bench/run.py --quick                                    # scale at 2k and 10k only

Never run from the tests: timings depend on the machine and on what else it runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import article_benchmark  # noqa: E402
import crawl  # noqa: E402
import extraction  # noqa: E402
import news_spider  # noqa: E402
import scale  # noqa: E402


def machine() -> str:
    """CPU, cores, memory, Python and the versions that matter to the figures."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    packages = ", ".join(f"{name} {version(name)}" for name in ("scrapy", "lxml", "parsel", "trafilatura"))
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GB RAM; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; {packages}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="scale at 2,000 and 10,000 articles only")
    options = parser.parse_args(argv)
    print(f"Machine: {machine()}\n\n## Extraction\n", flush=True)
    extraction.main([])
    print("\n## Generic path on Zyte's article-extraction-benchmark\n", flush=True)
    article_benchmark.main([])
    print("\n## Crawl\n", flush=True)
    crawl.main()
    print("\n## Any news site: scrapy crawl news on the copies\n", flush=True)
    news_spider.main([])
    print("\n## Scale\n", flush=True)
    scale.main(["--sizes", *(["2000", "10000"] if options.quick else ["10000", "100000"])])
    return 0


if __name__ == "__main__":
    sys.exit(main())
