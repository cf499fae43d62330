"""A bare related label takes the link-only blocks after it: the markup says where the list ends."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lxml import html

from newscrawl.clean import clean_article
from newscrawl.extract.blocks import content_blocks, traced_blocks
from newscrawl.items import Article, ContentBlock, LinkOnly, MarkupBlock

P1 = "Аким области провёл совещание по паводкам."
P2 = "Спасатели дежурят у мостов круглосуточно, сказали в департаменте."
SUBHEADING = "Как будут ходить автобусы"
HEADLINES = ("Нацбанк сохранил базовую ставку", "Тенге укрепился к доллару", "В Алматы открыли новую школу")


def _layout(body: str) -> list[ContentBlock]:
    return content_blocks(html.fromstring(f"<div>{body}</div>"), "https://example.kz/")[0]


def _generic(body: str) -> list[ContentBlock]:
    return traced_blocks(html.fromstring(f"<div>{body}</div>"), "https://example.kz/", strict=False).content


WALKERS: dict[str, Callable[[str], list[ContentBlock]]] = {"layout": _layout, "generic": _generic}


def _body(content: list[ContentBlock]) -> tuple[str, int]:
    article = Article(url="https://example.kz/a", site="example.kz", language="ru", title="T", content=content)
    report = clean_article(article)
    return article.body, report.related


def _links(tag: str) -> str:
    return "".join(f'<{tag}><a href="/n/{i}">{headline}</a></{tag}>' for i, headline in enumerate(HEADLINES))


@pytest.mark.parametrize("walk", WALKERS.values(), ids=WALKERS.keys())
def test_label_takes_the_link_paragraphs_and_leaves_the_subheading_after_them(walk: Callable) -> None:
    content = walk(f"<p>{P1}</p><p><strong>Читайте также</strong></p>{_links('p')}<h2>{SUBHEADING}</h2><p>{P2}</p>")
    assert _body(content) == (f"{P1}\n\n{SUBHEADING}\n\n{P2}", 4)


@pytest.mark.parametrize("walk", WALKERS.values(), ids=WALKERS.keys())
def test_label_takes_a_list_of_links(walk: Callable) -> None:
    content = walk(f"<p>{P1}</p><p>Read also</p><ul>{_links('li')}</ul><p>{P2}</p>")
    assert _body(content) == (f"{P1}\n\n{P2}", 4)


@pytest.mark.parametrize("walk", WALKERS.values(), ids=WALKERS.keys())
def test_label_leaves_a_sentence_that_is_not_a_link(walk: Callable) -> None:
    sentence = "Подробности в материале ниже"  # headline-shaped, but not a link
    content = walk(f"<p>{P1}</p><p>Тағы оқыңыз</p><p>{sentence}</p><p>{P2}</p>")
    assert _body(content) == (f"{P1}\n\n{sentence}\n\n{P2}", 1)


@pytest.mark.parametrize("walk", WALKERS.values(), ids=WALKERS.keys())
def test_a_paragraph_with_text_outside_its_link_is_not_link_only(walk: Callable) -> None:
    content = walk('<p><a href="/a">Первая</a> <br> <a href="/b">вторая</a></p><p><a href="/c">Ссылка</a> и текст</p>'
                   '<h2><a href="/d">Заголовок</a></h2><ul><li><a href="/e">Пункт</a></li></ul>')
    assert [type(block) for block in content] == [LinkOnly, MarkupBlock, MarkupBlock, LinkOnly]


def test_content_built_from_text_keeps_the_shape_rule() -> None:
    assert _body([P1, "Читайте также", *HEADLINES, SUBHEADING, P2]) == (f"{P1}\n\n{P2}", 5)


def test_cleaning_keeps_the_link_only_mark_through_whitespace_collapsing() -> None:
    content: list[ContentBlock] = [MarkupBlock(P1), MarkupBlock("Читайте также"), LinkOnly(f" {HEADLINES[0]}\n"),
                                   MarkupBlock(SUBHEADING)]
    assert _body(content) == (f"{P1}\n\n{SUBHEADING}", 2)
