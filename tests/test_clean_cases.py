"""The regression corpus of tests/fixtures/cleaning_cases.json, one case per test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawl.clean import clean_article, normalize_credit, split_credit
from newscrawl.clean.blocks import block_kind
from newscrawl.items import Article

CASES = json.loads((Path(__file__).parent / "fixtures" / "cleaning_cases.json").read_text("utf-8"))
PARAGRAPH = "Первый абзац статьи."


def _article(content: list[str | int]) -> Article:
    return Article(
        url="https://inbusiness.kz/ru/last/x", site="inbusiness.kz", language="ru", title="T",
        content=content,
    )


@pytest.mark.parametrize("case", CASES["blocks"], ids=lambda case: case["block"][:50])
def test_block_case(case: dict) -> None:
    expected_kind = None if case["kept"] else case["kind"]
    assert block_kind(case["block"]) == expected_kind
    article = _article([PARAGRAPH, case["block"]])
    clean_article(article)
    expected_body = f"{PARAGRAPH}\n\n{case['block']}" if case["kept"] else PARAGRAPH
    assert article.body == expected_body


@pytest.mark.parametrize("case", CASES["credits"], ids=lambda case: repr(case["credit"]))
def test_credit_normalisation_case(case: dict) -> None:
    assert normalize_credit(case["credit"]) == case["expected"]


@pytest.mark.parametrize("case", CASES["captions"], ids=lambda case: repr(case["caption"])[:50])
def test_caption_split_case(case: dict) -> None:
    assert split_credit(case["caption"]) == (case["expected_caption"], case["expected_credit"])
