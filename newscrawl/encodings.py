"""Pages whose bytes contradict their declared encoding: UTF-8 sent as windows-1251 and the
reverse turn Cyrillic into ``РћР±СЉСЏРІР»...`` or ``�`` without any error being raised.

The bytes decide: Cyrillic text in a single-byte encoding is practically never valid UTF-8,
and UTF-8 bytes read as windows-1251 give every other letter outside the alphabet.
"""

from __future__ import annotations

import codecs
import re

from w3lib.encoding import html_body_declared_encoding

#: The bytes are in no encoding we can tell: keep the declared one, but say so.
UNDECODABLE = "undecodable"
#: Letters of the Russian and Kazakh alphabets; mojibake is mostly other Cyrillic code points.
_ALPHABET = re.compile("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
#: Share of non-ASCII letters a real single-byte Cyrillic page has in the alphabet (mojibake: ~50%).
ALPHABET_SHARE = 0.9
SINGLE_BYTE_CYRILLIC = "cp1251"


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def alphabet_share(text: str) -> float:
    """The share of the text's non-ASCII letters that are Russian or Kazakh letters."""
    letters = len(_NON_ASCII_LETTER.findall(text))
    return len(_ALPHABET.findall(text)) / letters if letters else 1.0


def _single_byte_candidates(body: bytes) -> list[str]:
    """The charset the page's own ``<meta>`` declares first, then windows-1251: KOI8-R read as
    windows-1251 also gives alphabet letters (scrambled), so only the page can tell them apart."""
    names = [html_body_declared_encoding(body) or "", SINGLE_BYTE_CYRILLIC]
    found = []
    for name in names:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        if codec != "utf-8" and codec not in found:
            found.append(codec)
    return found


def true_encoding(body: bytes, declared: str) -> str | None:
    """The encoding ``body`` is really in when it is not ``declared``; None when the declared
    one is right; ``UNDECODABLE`` when the bytes are in neither (invalid UTF-8 that is no
    single-byte Cyrillic either)."""
    try:
        declared = codecs.lookup(declared).name
    except LookupError:
        return None
    if declared == "utf-8":
        if _is_utf8(body):
            return None
        for candidate in _single_byte_candidates(body):
            if alphabet_share(body.decode(candidate, errors="replace")) >= ALPHABET_SHARE:
                return candidate
        return UNDECODABLE
    if not body.isascii() and _is_utf8(body):
        return "utf-8"  # read as declared, every Cyrillic letter would become two
    return None
