from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class FoundDate:
    moment: datetime
    source: str
def date_in_url(url):
    m = re.search(r"/(20\d\d|19\d\d)[/-](\d\d)[/-](\d\d)/", url)
    if not m: return None
    try: return datetime(int(m[1]), int(m[2]), int(m[3]))
    except ValueError: return None
def find_published(selector, url=None):
    return None
