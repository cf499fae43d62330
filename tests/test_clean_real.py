"""Cleaning on real lines from real regional news pages, and on mechanical variants.

The real corpus (tests/fixtures/cleaning_real: ru, kk in Cyrillic and Latin script, en) was split
by page into a development and a held-out part before the rules were written; the held-out
figures are in the issue 11 report, and both parts are folded in here. The variants
(tests/clean_variants.py) combine verbs, objects, networks, tails, case, punctuation, line
splits and Kazakh scripts, with fillers no rule names.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newscrawl.clean import clean_article
from newscrawl.items import Article
from tests import clean_variants
from tests.real_corpus import PARTS, evaluate, load_pages

PARAGRAPH = "Первый абзац статьи."


@pytest.mark.parametrize("part", PARTS)
def test_real_lines_no_leaks_no_false_removals(part: str) -> None:
    figures = evaluate(load_pages(part), lambda article, own_names: clean_article(article, own_names))
    assert figures.failures == [], figures.summary()


def test_real_corpus_covers_every_kind_language_and_script() -> None:
    lines = [line for page in load_pages() for line in page.lines]
    assert {line["label"] for line in lines} >= {"text", "promo", "credit", "related", "ad"}
    assert {(line["language"], line["script"]) for line in lines} >= {
        ("ru", "cyrl"), ("kk", "cyrl"), ("kk", "latn"), ("en", "latn")
    }
    assert all(line["source"].startswith("http") for line in lines)


def _cleaned(blocks: list[str], own_names: tuple[str, ...]) -> str:
    article = Article(url="https://example.kz/x", site="example.kz", language="ru", title="T",
                      content=[PARAGRAPH, *blocks])
    clean_article(article, own_names)
    return article.body


NOISE = ("promo_ru", "promo_kk", "promo_en", "staff_en", "credits", "related", "ads")


@pytest.mark.parametrize("generator", NOISE)
def test_noise_variants_all_removed(generator: str) -> None:
    leaks = [blocks for _pool, blocks, own in getattr(clean_variants, generator)()
             if _cleaned(blocks, own) != PARAGRAPH]
    assert leaks == []


def test_lookalike_variants_all_kept() -> None:
    removed = [blocks for _pool, blocks, own in clean_variants.lookalikes()
               if _cleaned(blocks, own) != "\n\n".join([PARAGRAPH, *blocks])]
    assert removed == []


def test_variants_include_fillers_no_rule_names() -> None:
    pools = {pool for generator in (*NOISE, "lookalikes") for pool, _b, _o in getattr(clean_variants, generator)()}
    assert pools == {"seen", "unseen"}


def test_rules_are_compiled_on_first_use_not_at_import() -> None:
    code = ("import newscrawl.clean, newscrawl.clean.rules as r; assert r.compiled.cache_info().currsize == 0; "
            "newscrawl.clean.clean_article(__import__('newscrawl.items').items.Article("
            "url='u', site='s', language='ru', title='T', content=['x'])); "
            "assert r.compiled.cache_info().currsize == 1")
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, env={"PYTHONPATH": str(root)})
