"""Staff lines: who reported, wrote or edited the article, printed as a line of the body.

"Reporting by X in Y; Editing by Z", "(Reporting by X; Editing by Y)", "Additional reporting by
X", "Fox News' X contributed to this report." A staff line is short and made only of such
parts, each naming people (capitalised words, a few joiners and job words): "Reporting by the
ministry showed …" names no one and stays.
"""

from __future__ import annotations

import functools
import re

from newscrawl.clean.rules import en

#: A staff line is this short.
STAFF_MAX_CHARS = 300


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    roles = "(?:" + "|".join(en.STAFF_ROLES) + ")"
    role_part = re.compile(rf"{roles}\s+by\s+(?P<names>.+)", re.IGNORECASE)
    contributed = re.compile(rf"(?P<names>.+?)\s+{en.STAFF_CONTRIBUTED}", re.IGNORECASE)
    return role_part, contributed, frozenset(en.STAFF_NAME_WORDS)


def _are_names(text: str) -> bool:
    """People or desks only: every word capitalised, a joiner or a job word ("writers")."""
    name_words = _patterns()[2]
    words = re.sub(r"[,/]", " ", text).split()
    return bool(words) and words[0][0].isupper() and all(
        word[0].isupper() or word.lower() in name_words for word in words
    )


def is_staff_line(text: str) -> bool:
    """Whether the block is wholly a staff line (see the module docstring)."""
    if len(text) > STAFF_MAX_CHARS:
        return False
    line = text.strip().rstrip(".").strip()
    if line.startswith("(") and line.endswith(")"):
        line = line[1:-1].strip().rstrip(".")
    if not line:
        return False
    role_part, contributed, _ = _patterns()
    match = contributed.fullmatch(line)
    if match:
        return _are_names(match["names"])
    parts = [part.strip() for part in re.split(r"\s*[;|]\s*|\.\s+", line) if part.strip()]
    for part in parts:
        match = role_part.fullmatch(part)
        if match is None or not _are_names(match["names"]):
            return False
    return bool(parts)
