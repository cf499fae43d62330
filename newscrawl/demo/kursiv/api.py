"""The WordPress REST API of the kursiv copy: ``/wp-json/wp/v2/posts``."""

from __future__ import annotations

from datetime import datetime

from newscrawl.demo.content import ALMATY
from newscrawl.demo.core import Response, json_response
from newscrawl.demo.kursiv.listings import api_post
from newscrawl.demo.kursiv.model import EDITIONS, Article


def api_posts(articles: list[Article], query: dict) -> Response:
    """``/wp-json/wp/v2/posts``: ``after``/``before`` (exclusive, local when naive), ``lang``,
    ``per_page`` (1..100, default 10), ``page``; a page past the end answers 400."""
    try:
        after, before = (_api_time(query[key][0]) if key in query else None for key in ("after", "before"))
        per_page, page = int(query.get("per_page", ["10"])[0]), int(query.get("page", ["1"])[0])
    except ValueError as error:
        return json_response({"code": "rest_invalid_param", "message": str(error), "data": {"status": 400}}, 400)
    lang = query.get("lang", [None])[0]
    if not 1 <= per_page <= 100 or page < 1 or (lang is not None and lang not in EDITIONS):
        return json_response({"code": "rest_invalid_param", "message": "Invalid parameter(s)",
                              "data": {"status": 400}}, 400)
    posts = sorted((a for a in articles if (lang is None or a.edition == lang)
                    and (after is None or a.published > after) and (before is None or a.published < before)),
                   key=lambda a: a.published, reverse=True)
    total_pages = -(-len(posts) // per_page)
    if page > max(total_pages, 1):
        return json_response({"code": "rest_post_invalid_page_number", "message": "The page number requested "
                              "is larger than the number of pages available.", "data": {"status": 400}}, 400)
    shown = [api_post(a) for a in posts[(page - 1) * per_page: page * per_page]]
    return json_response(shown, 200, **{"X-WP-Total": str(len(posts)), "X-WP-TotalPages": str(total_pages)})


def _api_time(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=ALMATY)
