"""Cleaning, side by side with the reference (main at 272b023, before issue 11), in one run.

The reference package is materialised from git into a temporary directory as
``reference_clean`` (its ``newscrawl.clean`` imports rewritten), so both versions run in the same
process on the same articles:

* quality on the real corpus (tests/fixtures/cleaning_real): leaks per kind and false removals,
  development and held-out parts apart (heldout2 was collected after the rules were written);
* CPU milliseconds per page of ``clean_article`` on the demo site's article pages (extracted once,
  each version cleaning its own deep copies) and on the real corpus pages;
* the import time of the package (the rules used to compile at import).

    python bench/cleaning.py [--repeat 5] [--reference 272b023]
"""

from __future__ import annotations

import argparse
import copy
import importlib
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scrapy.http import HtmlResponse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newscrawl.clean import clean_article  # noqa: E402
from newscrawl.demo.site import build_site  # noqa: E402
from newscrawl.extract.article import extract_article  # noqa: E402
from newscrawl.items import Article  # noqa: E402
from newscrawl.sites.inbusiness import INBUSINESS  # noqa: E402
from tests.real_corpus import PARTS, corpus_size, evaluate, load_pages  # noqa: E402

#: The demo site's own names, as the crawl passes them (the site declaration's ``own_names``).
DEMO_OWN_NAMES = ("inbusiness.kz", "Инбизнес", "inbusinesskz")


def load_reference(commit: str, into: Path) -> Callable[[Article, tuple[str, ...]], object]:
    """``clean_article`` of ``newscrawl/clean`` at ``commit``, importable beside today's."""
    files = subprocess.run(["git", "ls-tree", "-r", "--name-only", commit, "newscrawl/clean"],
                           cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
    for name in files:
        source = subprocess.run(["git", "show", f"{commit}:{name}"], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout
        target = into / "reference_clean" / Path(name).relative_to("newscrawl/clean")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source.replace("newscrawl.clean", "reference_clean"), "utf-8")
    sys.path.insert(0, str(into))
    started = time.perf_counter()
    module = importlib.import_module("reference_clean")
    print(f"reference import (rules compiled at import): {1000 * (time.perf_counter() - started):.0f} ms")
    return lambda article, own_names: module.clean_article(article)


def demo_articles(seed: int) -> list[Article]:
    """Every article page of a freshly generated demo site, extracted (not cleaned)."""
    site = build_site(seed=seed)
    articles = []
    for page in site.articles:
        status, headers, body = site.respond(page.path)
        response = HtmlResponse(url=f"http://127.0.0.1{page.path}", body=body, headers=headers)
        articles.append(extract_article(response.selector, response.url, site=INBUSINESS))
    return articles


def ms_per_page(articles: list[Article], clean: Callable[[Article, tuple[str, ...]], object],
                own_names: Callable[[int], tuple[str, ...]]) -> float:
    copies = copy.deepcopy(articles)
    started = time.process_time()  # CPU time: the VM is shared, wall time swings with its load
    for index, article in enumerate(copies):
        clean(article, own_names(index))
    return 1000 * (time.process_time() - started) / len(copies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reference", default="272b023")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        reference = load_reference(args.reference, Path(tmp))
        today = lambda article, own_names: clean_article(article, own_names)  # noqa: E731
        versions = {f"reference {args.reference}": reference, "today": today}

        print("\nreal corpus:", "; ".join(f"{name}: {dict(counts)}" for name, counts in corpus_size().items()))
        for part in PARTS:
            pages = load_pages(part)
            for name, clean in versions.items():
                print(f"  {part:8} {name:18} {evaluate(pages, clean).summary()}")

        real = [page.article() for page in load_pages()]
        real_names = [page.own_names for page in load_pages()]
        demo_rounds: dict[str, list[float]] = {name: [] for name in versions}
        real_rounds: dict[str, list[float]] = {name: [] for name in versions}
        for clean in versions.values():  # warm-up: lazy compiles, caches
            ms_per_page(demo_articles(1)[:30], clean, lambda index: DEMO_OWN_NAMES)
        for seed in range(2, 2 + args.repeat):
            articles = demo_articles(seed)
            order = list(versions.items())
            for name, clean in order if seed % 2 else order[::-1]:  # alternate who runs first
                demo_rounds[name].append(ms_per_page(articles, clean, lambda index: DEMO_OWN_NAMES))
                real_rounds[name].append(ms_per_page(real, clean, lambda index: real_names[index]))
        print(f"\nCPU ms per page over {args.repeat} rounds, median (min) (demo site: {len(articles)} pages a round; "
              f"real corpus: {len(real)} pages)")
        for name in versions:
            print(f"  {name:18} demo {statistics.median(demo_rounds[name]):6.3f} ({min(demo_rounds[name]):.3f})   "
                  f"real {statistics.median(real_rounds[name]):6.3f} ({min(real_rounds[name]):.3f})")


if __name__ == "__main__":
    main()
