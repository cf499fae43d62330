"""English staff lines and newsletter calls leave the body; their look-alikes stay."""

from __future__ import annotations

import pytest

from newscrawl.clean import clean_article
from newscrawl.items import Article

PARAGRAPH = "The council approved the budget on Tuesday after a long debate."

REMOVED = [
    "Reporting by Andrea Shalal in Washington; Editing by Leslie Adler",
    "(Reporting by Andrea Shalal; Editing by Leslie Adler)",
    "Additional reporting by Joseph Hudak",
    "Fox News’ Jessica Napoli contributed to this report.",
    "Associated Press writers Alan Fram, Zeke Miller and Jill Colvin contributed to this report.",
    "Click here to subscribe to The Paradigm Newsletter",
    "Sign up for our newsletter",
    "Sign up for The Water Coolest to get the free daily newsletter delivered to your inbox.",
    "Compiled by Reuters staff",
    "Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik.",
    "paul.takahashi@chron.com",
    "Photograph: Kathrin Ziegler/Getty Images",
    "Image copyright Getty Images",
]

KEPT = [
    "He signed up for the army in 1998.",
    "Reporting by the ministry showed a rise in cases.",
    "Reporting by the BBC found that the ministry had misled parliament.",
    "Editing by hand takes hours.",
    "Follow the money.",
    "The senator posted on Twitter that he would follow the vote closely.",
    "Many factors contributed to this report's delay.",
    "Several people contributed to this report.",
    "Subscribe to the ministry's newsletter, the spokesman urged farmers.",
    "Click here to read the full ruling.",
    "She said readers had signed up for newsletters in record numbers.",
    "Email the ministry at info@gov.kz to apply.",
    "Reach out to your doctor at once.",
    "Compiled by volunteers, the list names 40 victims.",
    "Photograph shows the minister arriving in Astana.",
    "The photograph was taken in 1945.",
    "Jane Doe is a reporter at The Houston Chronicle.",  # a bio only at the article's end
]

BIO = "Jane Doe is a senior reporter at The Houston Chronicle. Email Jane Doe at jane.doe@chron.com"


def _body(line: str) -> str:
    article = Article(url="http://127.0.0.1/a", site="x", language="en", title="Budget", content=[PARAGRAPH, line, PARAGRAPH + " It passed."])
    clean_article(article)
    return article.body


@pytest.mark.parametrize("line", REMOVED)
def test_staff_line_or_newsletter_call_leaves_the_body(line: str) -> None:
    body = _body(line)
    assert line not in body and PARAGRAPH in body


@pytest.mark.parametrize("line", KEPT)
def test_look_alike_of_a_staff_line_or_call_stays(line: str) -> None:
    assert line in _body(line)


def test_author_bio_closing_the_article_leaves_the_body() -> None:
    article = Article(url="http://127.0.0.1/a", site="x", language="en", title="Budget", content=[PARAGRAPH, BIO])
    clean_article(article)
    assert article.body == PARAGRAPH


@pytest.mark.parametrize("last", [
    "Jane Doe is a reporter at the local paper who was arrested in March.",
    "Jane Doe is a reporter at The Houston Chronicle. She was arrested in March.",
])
def test_sentence_about_a_reporter_closing_the_article_stays(last: str) -> None:
    article = Article(url="http://127.0.0.1/a", site="x", language="en", title="Budget", content=[PARAGRAPH, last])
    clean_article(article)
    assert last in article.body


def test_staff_line_is_counted() -> None:
    article = Article(url="http://127.0.0.1/a", site="x", language="en", title="Budget", content=[PARAGRAPH, "Additional reporting by Joseph Hudak"])
    assert clean_article(article).staff_lines == 1
