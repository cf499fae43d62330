"""Crawl jobs across machines are named by the spider and its arguments, or by NEWSCRAWL_JOB."""

from __future__ import annotations

from newscrawl.jobs import job_name
from spiders.inbusiness import InbusinessSpider


def spider(**arguments: str) -> InbusinessSpider:
    return InbusinessSpider(**arguments)


def test_same_arguments_name_the_same_job_other_arguments_another() -> None:
    backfill = job_name(spider(since="2015-01-01", until="2015-12-31"), None)
    assert backfill == job_name(spider(since="2015-01-01", until="2015-12-31"), None)
    assert backfill.startswith("inbusiness:")
    others = {job_name(spider(since="2016-01-01", until="2016-12-31"), None), job_name(spider(), None),
              job_name(spider(since="2015-01-01", until="2015-12-31", editions="ru"), None),
              job_name(spider(base_url="http://127.0.0.1:8000"), None)}
    assert backfill not in others and len(others) == 4


def test_a_job_named_by_the_user_keeps_its_name() -> None:
    assert job_name(spider(since="2015-01-01", until="2015-12-31"), "backfill-2015") == "backfill-2015"
