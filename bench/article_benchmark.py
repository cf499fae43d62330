"""Zyte's article-extraction-benchmark: newscrawl's generic path and trafilatura in one run.

181 real article pages read as pages of unknown sites (no layouts): structured data, the generic
main text, cleaning, the way a crawl of an unknown site reads them. Body quality is scored by the
benchmark's own ``evaluate.py`` (4-gram shingles, precision and recall averaged over pages, F1 of
the two averages); we import it rather than re-implement it. The pages are split by a seeded hash
into a dev half (rules were tuned on it) and a held-out half; both and the whole are reported.

Time: ms/page of a bare lxml parse (floor), our generic path (``record_from_html`` minus the
required-field check, i.e. parse + extract + clean) and ``trafilatura.extract`` with default
settings; the methods take turns on each page, trafilatura's text caches cleared before each.

The benchmark's ground truth has no dates, titles or authors; published dates are compared with
the date in the page's URL where it has one, the URL hidden from both finders.

    python bench/article_benchmark.py [--dataset DIR] [--pages N] [--per-page]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import lxml.html
import trafilatura
import trafilatura.utils as trafilatura_utils
from scrapy.http import HtmlResponse

from newscrawl.clean import clean_article
from newscrawl.extract.article import extract_article
from newscrawl.extract.date_parsing import date_in_url
from newscrawl.extract.dates_generic import find_published
from newscrawl.sites.news import site_for_url

DATASET = Path("/work/shared/datasets/article-extraction-benchmark")
#: The split is fixed by this salt: change it and the held-out half is no longer held out.
SPLIT_SALT = b"newscrawl-aeb-split-1"


@dataclass
class Page:
    key: str
    url: str
    html: bytes
    truth: str

    @property
    def held_out(self) -> bool:
        """Half of the pages, chosen by a salted hash of the key: never used to tune rules."""
        return hashlib.sha256(SPLIT_SALT + self.key.encode()).digest()[0] % 2 == 1


def load_pages(dataset: Path) -> list[Page]:
    truth = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(key, item["url"], gzip.decompress((dataset / "html" / f"{key}.html.gz").read_bytes()),
             item.get("articleBody", ""))
        for key, item in sorted(truth.items())
    ]


def load_scorer(dataset: Path) -> ModuleType:
    """The benchmark's own ``evaluate.py``, imported from the dataset folder."""
    spec = importlib.util.spec_from_file_location("aeb_evaluate", dataset / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lxml_parse(page: Page) -> str:
    lxml.html.document_fromstring(page.html)
    return ""


def newscrawl_generic(page: Page) -> str:
    """What the crawl of an unknown site stores as body: extraction with no layouts, then cleaning."""
    response = HtmlResponse(url=page.url, body=page.html)
    article = extract_article(response.selector, response.url, site=site_for_url(page.url))
    clean_article(article)
    return article.body


def trafilatura_default(page: Page) -> str:
    return trafilatura.extract(page.html, url=page.url) or ""


METHODS: dict[str, Callable[[Page], str]] = {
    "lxml parse only (floor)": lxml_parse,
    "newscrawl generic path": newscrawl_generic,
    "trafilatura 2.3.1 extract (defaults)": trafilatura_default,
}


def _clear_text_caches() -> None:
    """trafilatura memoises its line cleaning by string: the second method on the same page
    would find the first one's work done. A crawl sees each page once."""
    for cached in (trafilatura_utils.line_processing, trafilatura_utils.trim,
                   trafilatura_utils.return_printables_and_spaces):
        cached.cache_clear()


def run(pages: list[Page], repeat: int) -> tuple[dict[str, dict[str, str]], dict[str, float]]:
    """Every method over every page: bodies by method and key, ms/page by method (median of
    ``repeat`` rounds). Methods take turns on each page, in a rotating order, so that a load
    spike from whatever else runs on the machine falls on all of them alike."""
    bodies: dict[str, dict[str, str]] = {name: {} for name in METHODS}
    rounds: dict[str, list[float]] = {name: [] for name in METHODS}
    names = list(METHODS)
    for _ in range(repeat):
        spent = dict.fromkeys(names, 0.0)
        for number, page in enumerate(pages):
            for name in names[number % len(names):] + names[: number % len(names)]:
                _clear_text_caches()
                started = time.perf_counter()
                bodies[name][page.key] = METHODS[name](page)
                spent[name] += time.perf_counter() - started
        for name in names:
            rounds[name].append(1000 * spent[name] / len(pages))
    return bodies, {name: statistics.median(times) for name, times in rounds.items()}


def score(scorer: ModuleType, pages: list[Page], bodies: dict[str, str]) -> dict[str, float]:
    """F1, precision, recall by the benchmark's metric; empty bodies counted apart."""
    truth = {page.key: {"articleBody": page.truth} for page in pages}
    prediction = {page.key: {"articleBody": bodies[page.key]} for page in pages}
    metrics = scorer.evaluate(truth, prediction, n_bootstrap=0)
    empty = sum(not bodies[page.key].strip() for page in pages)
    return {"f1": metrics["f1"], "precision": metrics["precision"], "recall": metrics["recall"], "empty": empty}


def page_f1(scorer: ModuleType, truth: str, body: str) -> float:
    tp, fp, fn = scorer.string_shingle_matching(true=truth, pred=body)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


_CANONICAL = re.compile(rb"<link[^>]+rel=[\"']?canonical[^>]*>|<meta[^>]+og:url[^>]*>", re.IGNORECASE)


def date_agreement(pages: list[Page]) -> dict[str, list[int]]:
    """Published day against the date in the URL, for pages whose URL has one: both finders get
    the page without its URL (canonical link and og:url removed too: htmldate reads them), or
    they would copy the answer. Per finder: [right, wrong, none]."""
    counts = {"newscrawl find_published": [0, 0, 0], "trafilatura (htmldate)": [0, 0, 0]}
    for page in pages:
        expected = date_in_url(page.url)
        if expected is None:
            continue
        html = _CANONICAL.sub(b"", page.html)
        found = find_published(HtmlResponse(url="http://127.0.0.1/", body=html).selector)
        stamp = trafilatura.extract_metadata(html).date
        days = {"newscrawl find_published": found.moment.date().isoformat() if found else None,
                "trafilatura (htmldate)": stamp[:10] if stamp else None}
        for name, day in days.items():
            counts[name][0 if day == expected.date().isoformat() else 1 if day else 2] += 1
    return counts


def metadata_agreement(pages: list[Page]) -> dict[str, tuple[int, int, int]]:
    """No ground truth for these: on every page (URL given), how often each side gives the
    field, and how often the two agree when both do (published: same day; title: same words;
    authors: the same first author)."""
    counts = {"published": [0, 0, 0], "title": [0, 0, 0], "authors": [0, 0, 0]}
    for page in pages:
        response = HtmlResponse(url=page.url, body=page.html)
        article = extract_article(response.selector, response.url, site=site_for_url(page.url))
        found = find_published(response.selector, url=page.url)
        theirs = trafilatura.extract_metadata(page.html, default_url=page.url)
        pairs = {
            "published": (found.moment.date().isoformat() if found else None, (theirs.date or "")[:10] or None),
            "title": (" ".join(article.title.split()).lower() or None, " ".join((theirs.title or "").split()).lower() or None),
            "authors": ((article.authors or [None])[0], (theirs.author or "").split(";")[0].strip() or None),
        }
        for field, (ours, other) in pairs.items():
            counts[field][0] += ours is not None
            counts[field][1] += other is not None
            counts[field][2] += ours is not None and ours == other
    return {field: (a, b, c) for field, (a, b, c) in counts.items()}


def report(scorer: ModuleType, pages: list[Page], bodies: dict[str, dict[str, str]], timings: dict[str, float]) -> str:
    halves = {"held-out": [p for p in pages if p.held_out], "dev": [p for p in pages if not p.held_out], "all": pages}
    lines = ["| pages | method | F1 | precision | recall | empty bodies | ms/page |", "|---|---|---:|---:|---:|---:|---:|"]
    for half, chosen in halves.items():
        if not chosen:
            continue
        for name in list(METHODS)[1:]:
            figures = score(scorer, chosen, bodies[name])
            lines.append(f"| {half} ({len(chosen)}) | {name} | {figures['f1']:.3f} | {figures['precision']:.3f} | "
                         f"{figures['recall']:.3f} | {figures['empty']} | "
                         f"{timings[name]:.1f} |" if half == "all" else
                         f"| {half} ({len(chosen)}) | {name} | {figures['f1']:.3f} | {figures['precision']:.3f} | "
                         f"{figures['recall']:.3f} | {figures['empty']} | |")
    floor = list(METHODS)[0]
    lines.append(f"| all ({len(pages)}) | {floor} | | | | | {timings[floor]:.1f} |")
    ours, theirs = timings["newscrawl generic path"], timings["trafilatura 2.3.1 extract (defaults)"]
    lines.append(f"\nnewscrawl / trafilatura time: {ours / theirs:.2f} (target <= 1.00)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--pages", type=int, default=0, help="only the first N pages (quick look)")
    parser.add_argument("--per-page", action="store_true", help="F1 of each page, ours and trafilatura's")
    parser.add_argument("--repeat", type=int, default=3, help="timing rounds (median)")
    parser.add_argument("--half", choices=("dev", "held-out", "all"), default="all")
    options = parser.parse_args(argv)
    if not (options.dataset / "ground-truth.json").is_file():
        print(f"article-extraction-benchmark not found in {options.dataset}: pass --dataset DIR", file=sys.stderr)
        return 2
    scorer = load_scorer(options.dataset)
    pages = load_pages(options.dataset)
    if options.half != "all":
        pages = [p for p in pages if p.held_out == (options.half == "held-out")]
    pages = pages[: options.pages or None]
    bodies, timings = run(pages, options.repeat)
    print(report(scorer, pages, bodies, timings))
    agreement = date_agreement(pages)
    total = sum(next(iter(agreement.values())))
    print(f"\nPublished day vs the date in the page's URL ({total} pages have one; URL hidden from both):")
    print("| finder | right | wrong | none |\n|---|---:|---:|---:|")
    for name, (right, wrong, none) in agreement.items():
        print(f"| {name} | {right} | {wrong} | {none} |")
    print(f"\nAll {len(pages)} pages, URL given (no ground truth): given by newscrawl / by trafilatura / the same")
    print("| field | newscrawl | trafilatura | same |\n|---|---:|---:|---:|")
    for field, (ours, theirs, same) in metadata_agreement(pages).items():
        print(f"| {field} | {ours} | {theirs} | {same} |")
    if options.per_page:
        ours, theirs = bodies["newscrawl generic path"], bodies["trafilatura 2.3.1 extract (defaults)"]
        for page in pages:
            print(f"{page.key[:10]} {'H' if page.held_out else 'D'} ours {page_f1(scorer, page.truth, ours[page.key]):.3f}"
                  f" traf {page_f1(scorer, page.truth, theirs[page.key]):.3f} {page.url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
