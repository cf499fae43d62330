"""Staff lines: who reported, wrote or edited the article, printed as a line of the body.

"Reporting by X in Y; Editing by Z", "(Reporting by X; Editing by Y)", "Additional reporting by
X", "Fox News' X contributed to this report.", "Email X at x@site.com or follow him", a bare
e-mail address, and (as the article's last block only) "X is a reporter at The Y." A staff line
is short and made only of such parts, each naming people (capitalised words, a few joiners and
job words): "Reporting by the ministry showed …" names no one and stays.
"""

from __future__ import annotations

import functools
import re

from newscrawl.clean.rules import en

#: A staff line is this short.
STAFF_MAX_CHARS = 300
_BARE_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TRAILING = re.compile(r"[^\w)]+$")
_FLAGS = re.IGNORECASE | re.DOTALL


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    roles = "(?:" + "|".join(en.STAFF_ROLES) + ")"
    return {
        "role": re.compile(rf"{roles}\s+by\s+(?P<names>.+)", _FLAGS),
        "contributed": re.compile(rf"(?P<names>.+?)\s+{en.STAFF_CONTRIBUTED}", _FLAGS),
        "contact": re.compile(en.STAFF_CONTACT, _FLAGS),
        "bio": re.compile(en.STAFF_BIO, _FLAGS),
    }


def _are_names(text: str) -> bool:
    """People or desks only: every word capitalised, a joiner or a job word ("writers")."""
    words = re.sub(r"[,/]", " ", text).split()
    return bool(words) and words[0][0].isupper() and all(
        word[0].isupper() or word.lower() in en.STAFF_NAME_WORDS for word in words
    )


def _bare(text: str) -> str:
    """The line without its closing punctuation ("!", an emoji) and the brackets around it."""
    line = _TRAILING.sub("", text.strip())
    if line.startswith("(") and line.endswith(")"):
        line = _TRAILING.sub("", line[1:-1].strip())
    return line


def is_staff_line(text: str) -> bool:
    """Whether the block is wholly a staff line (see the module docstring; bios apart)."""
    if len(text) > STAFF_MAX_CHARS or text[:1] > "z" or not (
        "by " in text or "By " in text or "BY " in text or "@" in text or "ontributed" in text or "ONTRIBUTED" in text
    ):
        return False  # cheap first tests: a staff line opens in Latin letters and has one of these
    line = _bare(text)
    if not line:
        return False
    if _BARE_EMAIL.fullmatch(line):
        return True
    patterns = _patterns()
    for name in ("contributed", "contact"):
        match = patterns[name].fullmatch(line)
        if match:
            return _are_names(match["names"])
    parts = [part.strip() for part in re.split(r"\s*[;|]\s*|\.\s+", line) if part.strip()]
    for part in parts:
        match = patterns["role"].fullmatch(part)
        if match is None or not _are_names(match["names"]):
            return False
    return bool(parts)


def is_author_bio(text: str) -> bool:
    """Whether the block is one sentence saying who the author is ("X is a reporter at The Y"),
    optionally with a contact line; only ever asked of an article's last block."""
    if len(text) > STAFF_MAX_CHARS or " is a" not in text:
        return False
    sentences = [part for part in re.split(r"(?<=\.)\s+", text.strip()) if part]
    match = _patterns()["bio"].fullmatch(_bare(sentences[0])) if sentences else None
    if match is None or not (_are_names(match["names"]) and _are_names(match["outlet"])):
        return False
    return all(is_staff_line(sentence) for sentence in sentences[1:])
