"""Extraction, side by side, on every article page of the local site (layouts A, B, unknown).

In one process and one run, each page seen once (as in a crawl): milliseconds per page of
(a) parsing alone with lxml, the floor; (b) newscrawl's extraction and cleaning
(``record_from_html``, the code the crawl runs); (c) ``trafilatura.extract`` with metadata,
what most users would pick instead. Then quality
against what the site knows it served: body token F1, promo and credit leaks, look-alikes kept.

    python bench/extraction.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import lxml.html
import trafilatura

from newscrawl.demo.content import Article, Figure, Noise, Text
from newscrawl.demo.noise import LOOKALIKES, POPUP
from newscrawl.demo.site import Site, build_site
from newscrawl.records import record_from_html
from newscrawl.sites import get_site

TIME_TARGET_VS_TRAFILATURA = 1 / 5
TIME_TARGET_VS_LXML = 3.0
_TOKEN = re.compile(r"\w+")


@dataclass
class Page:
    """One served page and what the site knows about it."""

    url: str
    body: bytes
    headers: dict[str, str]
    article: Article
    promos: list[str] = field(default_factory=list)  # texts that must not be in the body
    credits: list[str] = field(default_factory=list)
    lookalikes: list[str] = field(default_factory=list)  # texts that must stay in the body


def _text_of(markup: str) -> str:
    return " ".join(lxml.html.fragment_fromstring(markup, create_parent="div").text_content().split())


def pages_of(site: Site) -> list[Page]:
    """Every article page of the site, with its promo, credit and look-alike texts."""
    pages = []
    for article in site.articles:
        status, headers, body = site.respond(article.path)
        assert status == 200
        page = Page(f"http://127.0.0.1{article.path}", body, headers, article)
        page.promos = [_text_of(b.html) for b in article.blocks if isinstance(b, Noise) and b.variant.startswith("promo")]
        page.promos.append(_text_of(POPUP[article.edition]))
        page.credits = [b.html and _text_of(b.html) for b in article.blocks
                        if isinstance(b, Noise) and b.variant == "credit_orphan"]
        images = [article.main_image] + [f.image for f in article.blocks if isinstance(f, Figure)]
        page.credits += [image.credit_raw for image in images if image.credit_raw]
        page.credits += [f.credit_line[0] for f in article.blocks if isinstance(f, Figure) and f.credit_line]
        page.lookalikes = [b.text for b in article.blocks
                           if isinstance(b, Text) and b.text in LOOKALIKES.get(article.edition, ())]
        pages.append(page)
    return pages


def lxml_parse(page: Page) -> str:
    lxml.html.document_fromstring(page.body)
    return ""


def newscrawl_body(page: Page) -> str:
    record = record_from_html(page.body, page.url, site=get_site("inbusiness"), headers=page.headers)
    return str(record["body"]) if record else ""


def trafilatura_body(page: Page) -> str:
    result = trafilatura.extract(page.body, url=page.url, with_metadata=True, output_format="json")
    return json.loads(result)["text"] if result else ""


METHODS: dict[str, Callable[[Page], str]] = {
    "lxml parse only (floor)": lxml_parse,
    "newscrawl extract + clean": newscrawl_body,
    "trafilatura.extract + metadata": trafilatura_body,
}


def time_methods(repeat: int) -> dict[str, float]:
    """Median milliseconds per page over ``repeat`` rounds, each on a freshly generated site.

    Never the same pages twice: trafilatura (htmldate) caches by content, so a second pass over
    the same pages runs about twice as fast as a crawl, which sees each page once."""
    warm_up = pages_of(build_site(seed=1))[:50]
    for method in METHODS.values():
        for page in warm_up:
            method(page)
    rounds: dict[str, list[float]] = {name: [] for name in METHODS}
    for seed in range(2, 2 + repeat):
        pages = pages_of(build_site(seed=seed))
        for name, method in METHODS.items():
            started = time.perf_counter()
            for page in pages:
                method(page)
            rounds[name].append(1000 * (time.perf_counter() - started) / len(pages))
    return {name: statistics.median(times) for name, times in rounds.items()}


def token_f1(found: str, truth: str) -> float:
    found_tokens, truth_tokens = Counter(_TOKEN.findall(found.lower())), Counter(_TOKEN.findall(truth.lower()))
    common = sum((found_tokens & truth_tokens).values())
    if not common:
        return 0.0
    precision, recall = common / sum(found_tokens.values()), common / sum(truth_tokens.values())
    return 2 * precision * recall / (precision + recall)


def _contains(body: str, text: str) -> bool:
    return " ".join(text.split()) in " ".join(body.split())


def quality(pages: list[Page], extract: Callable[[Page], str]) -> dict[str, float]:
    """Mean body F1; promo and credit texts found in bodies; look-alike sentences kept."""
    f1, promo, credit, lookalike = [], [0, 0], [0, 0], [0, 0]
    for page in pages:
        body = extract(page)
        f1.append(token_f1(body, page.article.expected_record()["body"]))
        for counter, texts in ((promo, page.promos), (credit, page.credits), (lookalike, page.lookalikes)):
            counter[0] += sum(_contains(body, text) for text in texts)
            counter[1] += len(texts)
    return {
        "body token F1 (mean)": sum(f1) / len(f1),
        "promo blocks leaked": promo[0] / promo[1],
        "credits leaked into text": credit[0] / credit[1],
        "look-alikes kept": lookalike[0] / lookalike[1],
    }


def report(pages: list[Page], timings: dict[str, float], scores: dict[str, dict[str, float]]) -> str:
    floor, ours, theirs = (timings[name] for name in METHODS)
    layouts = Counter(page.article.layout for page in pages)
    lines = [f"{len(pages)} pages a site ({', '.join(f'{k} {v}' for k, v in sorted(layouts.items()))}); time: median "
             "of fresh sites, each page seen once; quality: the demo site (seed 2024)",
             "| method | ms/page | x lxml parse | x trafilatura |", "|---|---:|---:|---:|"]
    for name, ms in timings.items():
        lines.append(f"| {name} | {ms:.2f} | {ms / floor:.2f} | {ms / theirs:.2f} |")
    lines.append(f"\nnewscrawl / trafilatura time: {ours / theirs:.3f} (target <= {TIME_TARGET_VS_TRAFILATURA:.2f}); "
                 f"newscrawl / lxml parse: {ours / floor:.2f} (target <= {TIME_TARGET_VS_LXML:.1f})\n")
    lines += ["| measure | newscrawl | trafilatura | better |", "|---|---:|---:|---|"]
    for measure in scores["newscrawl"]:
        ours_q, theirs_q = scores["newscrawl"][measure], scores["trafilatura"][measure]
        higher_is_better = "leaked" not in measure
        better = "newscrawl" if (ours_q > theirs_q) == higher_is_better and ours_q != theirs_q else (
            "equal" if ours_q == theirs_q else "trafilatura")
        lines.append(f"| {measure} | {ours_q:.3f} | {theirs_q:.3f} | {better} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args(argv)
    pages = pages_of(build_site())
    timings = time_methods(options.repeat)
    scores = {"newscrawl": quality(pages, newscrawl_body), "trafilatura": quality(pages, trafilatura_body)}
    print(report(pages, timings, scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
