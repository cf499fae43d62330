"""The corpus of real lines from real regional news pages (tests/fixtures/cleaning_real/).

Each line is labelled (text, promo, credit, related, ad, embed) with its language, script and
source page. A page's lines, in page order, are one article's content: after cleaning, every
noise line must be gone from the body (else it leaked) and every text line must be there,
unchanged (else it was falsely removed). The held-out part was split off by source page, with a
fixed seed, before any rule was written from the development part.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newscrawl.items import Article, Image

CORPUS = Path(__file__).parent / "fixtures" / "cleaning_real"
#: "heldout2" and "heldout3" were collected after the rules were written, from pages never seen
#: before, and measured before anything was changed for them.
PARTS = ("dev", "heldout", "heldout2", "heldout3")
Cleaner = Callable[[Article, tuple[str, ...]], object]


@dataclass
class Page:
    source: str
    lines: list[dict] = field(default_factory=list)

    @property
    def own_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for line in self.lines for name in line.get("own_names", ())))

    def article(self) -> Article:
        """The page as extracted content; a line marked ``after_image`` follows its picture."""
        content: list[str | int] = []
        images: list[Image] = []
        for line in self.lines:
            if line.get("after_image"):
                content.append(len(images))
                images.append({"url": f"{self.source}#image{len(images)}", "caption": None, "credit": None})
            content.append(line["line"])
        return Article(url=self.source, site="real", language=self.lines[0]["language"], title="T",
                       content=content, images=images)


def load_pages(*parts: str) -> list[Page]:
    """The corpus pages of the given parts, lines in page order."""
    pages: dict[str, Page] = {}
    for part in parts or PARTS:
        for raw in (CORPUS / f"{part}.jsonl").read_text("utf-8").splitlines():
            line = json.loads(raw)
            pages.setdefault(line["source"], Page(line["source"])).lines.append(line)
    return list(pages.values())


@dataclass
class Figures:
    lines: Counter = field(default_factory=Counter)
    leaks: Counter = field(default_factory=Counter)
    false_removals: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        noise = sum(count for label, count in self.lines.items() if label != "text")
        kinds = ", ".join(f"{label} {self.leaks[label]}/{count}" for label, count in sorted(self.lines.items())
                          if label != "text")
        return (f"leaks {sum(self.leaks.values())}/{noise} ({kinds}); "
                f"false removals {self.false_removals}/{self.lines['text']}")


def evaluate(pages: list[Page], clean: Cleaner) -> Figures:
    """Clean each page with ``clean(article, own_names)`` and count leaks and false removals."""
    figures = Figures()
    for page in pages:
        article = page.article()
        clean(article, page.own_names)
        blocks = set(article.body.split("\n\n"))
        body = " ".join(article.body.split())
        for line in page.lines:
            text = " ".join(line["line"].split())
            figures.lines[line["label"]] += 1
            if line["label"] == "text" and text not in blocks:
                figures.false_removals += 1
                figures.failures.append(f"removed [{line['language']}-{line['script']}] {text}")
            elif line["label"] != "text" and text in body:
                figures.leaks[line["label"]] += 1
                figures.failures.append(f"leaked {line['label']} [{line['language']}-{line['script']}] {text}")
    return figures


def corpus_size() -> dict[str, Counter]:
    """Lines by label, and by language-script, over the whole corpus."""
    by: dict[str, Counter] = defaultdict(Counter)
    for page in load_pages():
        for line in page.lines:
            by["label"][line["label"]] += 1
            by["language"][f"{line['language']}-{line['script']}"] += 1
    return dict(by)
