"""All cleaning rules, every language combined, compiled when first used (``compiled()``).

Every page is checked against the rules of all languages: a Russian page can carry a Kazakh
promo. The data lives in ``ru.py``, ``kk.py`` and ``en.py``; adding a variant is one line there.
Nothing is compiled at import: ``scrapy list`` and every other command import this package.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from types import ModuleType

from newscrawl.clean.rules import en, kk, ru
from newscrawl.clean.text import LINK, normalize_for_match, skeleton

LANGUAGE_RULES: tuple[ModuleType, ...] = (ru, kk, en)
#: What separates a credit label from its source: ":", a dash, "|", or a "©" that stays behind.
CREDIT_SEPARATOR: str = r"(?:\s*[:|]|\s*[–—]|\s+-|-(?=\s)|(?=\s*(?:©|\(c\))))\s*(?:©|\(c\))?\s*"
#: Limits on a credit's source, so that a sentence after "Фото:" is not taken for one.
CREDIT_MAX_CHARS: int = 80
CREDIT_MAX_WORDS: int = 8


def _gather(name: str, modules: Iterable[ModuleType] = LANGUAGE_RULES) -> list[str]:
    return [pattern for rules in modules for pattern in getattr(rules, name, [])]


def _alternation(patterns: Iterable[str]) -> str:
    return "(?:" + "|".join(patterns) + ")"


def _words(words: Iterable[str], *, kazakh: bool = False) -> str:
    """Whole words of a list (``~`` = any ending); Kazakh ones in their skeleton form."""
    parts = []
    for word in words:
        stem, tail = (word[:-1], r"\w*") if word.endswith("~") else (word, "")
        if kazakh:
            stem = _kazakh(stem)
        parts.append(stem.replace(" ", r"\s") + tail)
    return r"(?<!\w)" + _alternation(sorted(parts, key=len, reverse=True)) + r"(?!\w)"


def _kazakh(pattern: str) -> str:
    """A Kazakh pattern with its Cyrillic words in the skeleton form (regex syntax kept)."""
    return re.sub(r"[^\W\d_a-z]+", lambda match: skeleton(match.group().lower()), pattern)


def _label(patterns: Iterable[str]) -> str:
    """Labels for plain text: words apart by spaces or hyphens; longest first ("фото и видео"
    before "фото"), so that a label without a separator is read whole."""
    return _alternation(p.replace(" ", r"[\s\-]+") for p in sorted(patterns, key=len, reverse=True))


@dataclass(frozen=True)
class Rules:
    """The compiled rules. Names ending in ``_kk`` match the Kazakh skeleton of a text."""

    hint_words: frozenset[str]
    hint_stems: dict[str, tuple[str, ...]]
    call_start: re.Pattern[str]
    call_any: re.Pattern[str]
    call_kk: re.Pattern[str]
    be_first: re.Pattern[str]
    be_first_kk: re.Pattern[str]
    us: re.Pattern[str]
    us_kk: re.Pattern[str]
    our_channel: re.Pattern[str]
    own_only_channel: re.Pattern[str]
    our_channel_kk: re.Pattern[str]
    network: re.Pattern[str]
    channel: re.Pattern[str]
    third_party: re.Pattern[str]
    verb_like: re.Pattern[str]
    button_block: re.Pattern[str]
    button_block_kk: re.Pattern[str]
    ad_label: re.Pattern[str]
    ad_label_kk: re.Pattern[str]
    related_first_words: frozenset[str]
    related_heading: re.Pattern[str]
    related_heading_kk: re.Pattern[str]
    related_label: re.Pattern[str]
    related_label_kk: re.Pattern[str]
    related_prefix: re.Pattern[str]
    related_prefix_kk: re.Pattern[str]
    embed: re.Pattern[str]
    credit_start: re.Pattern[str]
    credit_opening: re.Pattern[str]
    credit_separated: re.Pattern[str]
    credit_by: re.Pattern[str]
    credit_from: re.Pattern[str]
    credit_copyright: re.Pattern[str]
    credit_generated: re.Pattern[str]
    credit_trailing: re.Pattern[str]
    credit_bare: re.Pattern[str]
    credit_label_only: re.Pattern[str]
    byline_segment: re.Pattern[str]
    not_a_source_first_words: frozenset[str]


def _hints() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """Words and word beginnings one of which every promo has (a cheap first test, no regex):
    calls, "us"/"our", networks, channel words, "first"; Kazakh ones also in the skeleton form.
    Beginnings are grouped by their first four letters (a beginning of three is its own group)."""
    kazakh_words = (kk.CALL_VERBS + kk.US_WORDS + kk.OUR_WORDS + kk.OUR_CHANNEL_WORDS + kk.CHANNEL_WORDS
                    + ["бірінші", "хабардар", "алғашқы", "алдымен", "маңыздыны"])
    entries = [*_gather("CALL_VERBS", (ru, en)), *_gather("US_WORDS", (ru, en)), *_gather("OUR_WORDS", (ru, en)),
               *_gather("NETWORK_NAMES"), *_gather("CHANNEL_WORDS"), "будьте", "пропуст~", "первым~", "be", "stay",
               "miss", "like", "get", "receive", LINK, *kazakh_words, *(skeleton(word) for word in kazakh_words)]
    words: set[str] = set()
    stems: set[str] = set()
    for entry in entries:
        head = re.split(r"[\s(?\\\[]", entry.rstrip("~"), maxsplit=1)[0]
        (stems if entry.endswith("~") or len(head) > 3 or head != entry else words).add(head)
    by_start: dict[str, list[str]] = {}
    for stem in stems:
        by_start.setdefault(stem[:4], []).append(stem)
    return frozenset(words), {start: tuple(group) for start, group in by_start.items()}


@functools.cache
def compiled() -> Rules:
    """Compile every rule once, on first use."""
    network = _words(_gather("NETWORK_NAMES"))
    channel = _words(_gather("CHANNEL_WORDS"))
    label = rf"(?:{_label(_gather('CREDIT_LABEL_MODIFIERS'))}\s+)?{_label(_gather('CREDIT_LABELS'))}"
    by_label = _label(_gather("CREDIT_BY_LABELS"))
    kk_call = _words(kk.CALL_VERBS, kazakh=True)
    network_kk = _words(skeleton(name) for name in _gather("NETWORK_NAMES"))
    kk_tail = rf"(?:\s(?:{LINK}|{network_kk}))*"
    related = _label(_gather("RELATED_LABELS", (ru, en)))
    related_kk = _label(_kazakh(p) for p in kk.RELATED_LABELS)
    prefix_kk = _label(_kazakh(p) for p in kk.RELATED_PREFIXES)
    flags = re.IGNORECASE | re.DOTALL
    hint_words, hint_stems = _hints()
    return Rules(
        hint_words=hint_words,
        hint_stems=hint_stems,
        call_start=re.compile(r"^(?:(?:и|а|and|also|тоже|также)\s)?" + rf"(?:{_alternation(en.CALL_OPENERS)}\s)?"
                              + _words(_gather("CALL_VERBS", (ru, en)))),
        call_any=re.compile(_words(_gather("CALL_VERBS", (ru, en)))),
        call_kk=re.compile(rf"^{kk_call}|{kk_call}{kk_tail}$"),
        be_first=re.compile(_alternation(_gather("BE_FIRST_PATTERNS", (ru, en)))),
        be_first_kk=re.compile(_alternation(_kazakh(p) for p in kk.BE_FIRST_PATTERNS)),
        us=re.compile(_words(_gather("US_WORDS", (ru, en)))),
        us_kk=re.compile(_words(kk.US_WORDS, kazakh=True)),
        our_channel=re.compile(_words(_gather("OUR_WORDS", (ru, en))) + rf"(?:\s\w+){{0,3}}?\s(?:{channel}|{network})"),
        our_channel_kk=re.compile(_words(kk.OUR_CHANNEL_WORDS, kazakh=True) + "|"
                                  + _words(kk.OUR_WORDS, kazakh=True) + r"(?:\s\w+){0,3}?\s"
                                  + _alternation([_words(kk.CHANNEL_WORDS, kazakh=True), network_kk])),
        own_only_channel=re.compile(_words(en.OWN_ONLY_CHANNEL_WORDS)),
        network=re.compile(network),
        channel=re.compile(channel),
        third_party=re.compile(
            rf"{channel}\s{ru.THIRD_PARTY_AFTER_CHANNEL}(?!\w)|{en.THIRD_PARTY_BEFORE_NETWORK}\s(?:official\s)?{network}"
            rf"|{en.THIRD_PARTY_BEFORE_NETWORK}\s(?:official\s)?{channel}"
            rf"|{_words(kk.THIRD_PARTY_CHANNEL_WORDS)}"
        ),
        verb_like=re.compile(rf"(?<!\w)[а-я]{{2,}}{ru.VERB_ENDINGS}(?!\w)|(?<!\w)[a-z]{{3,}}{en.VERB_ENDINGS}(?!\w)"),
        button_block=re.compile(
            _alternation([_words(_gather("BUTTON_WORDS", (ru, en))), rf"{network}(?:\s{channel})?", LINK])
            + r"(?:\s" + _alternation([_words(_gather("BUTTON_WORDS", (ru, en))), rf"{network}(?:\s{channel})?", LINK])
            + ")*"
        ),
        button_block_kk=re.compile(_words(kk.BUTTON_WORDS, kazakh=True) + kk_tail),
        ad_label=re.compile(_words(_gather("AD_LABELS", (ru, en)))),
        ad_label_kk=re.compile(_words(kk.AD_LABELS, kazakh=True)),
        related_first_words=frozenset(
            [label.split()[0] for label in _gather("RELATED_LABELS", (ru, en)) + _gather("RELATED_PREFIXES", (ru, en))]
            + [skeleton(label.split()[0]) for label in kk.RELATED_LABELS + kk.RELATED_PREFIXES]
        ),
        related_heading=re.compile(_alternation(_gather("RELATED_HEADINGS", (ru, en)))),
        related_heading_kk=re.compile(_alternation(_kazakh(p) for p in kk.RELATED_HEADINGS)),
        related_label=re.compile(rf"^\W*{related}\s*(?::\W*(?P<rest>.*)|\W*)$", flags),
        related_label_kk=re.compile(rf"^\W*{related_kk}\s*(?::\W*(?P<rest>.*)|\W*)$", flags),
        related_prefix=re.compile(r"^\W*" + _label(_gather("RELATED_PREFIXES", (ru, en))) + r"(?!\w)", flags),
        related_prefix_kk=re.compile(rf"^\W*{prefix_kk}(?!\w)", flags),
        embed=re.compile(_alternation(_gather("EMBED_PATTERNS")), flags),
        credit_start=re.compile(rf"(?<!\w)(?:{by_label}|{label})(?!\w)|©", re.IGNORECASE),
        credit_opening=re.compile(
            rf"\W*(?:{by_label}|{label}|{_label(_gather('BYLINE_LABELS'))})(?!\w)|.*(?:©|\(c\)|[)\]]\W*$)", flags
        ),
        credit_separated=re.compile(rf"{label}{CREDIT_SEPARATOR}(?P<source>.*)", flags),
        credit_by=re.compile(rf"{by_label}\s+(?P<source>.*)", flags),
        credit_from=re.compile(rf"{label}\s+(?P<source>{_alternation(_gather('CREDIT_FROM_SOURCES'))})\W*", flags),
        credit_copyright=re.compile(r"(?:©|\(c\))\s*(?P<source>.*)", flags),
        credit_generated=re.compile(
            rf"\(?\s*{label}\W*\s*(?P<source>{_alternation(_gather('CREDIT_GENERATED'))}(?:\W+\S+){{0,4}}?)\W*\)?", flags
        ),
        credit_trailing=re.compile(
            rf"(?P<source>[^()\[\]]{{2,{CREDIT_MAX_CHARS}}}?)\s*[(\[]\s*{_label(_gather('CREDIT_TRAILING_LABELS'))}\s*[)\]]\W*",
            flags,
        ),
        credit_bare=re.compile(rf"{label}\s+(?P<source>.*)", flags),
        credit_label_only=re.compile(rf"\W*(?:{label}|{by_label})\W*", re.IGNORECASE),
        byline_segment=re.compile(
            rf"\s*(?:(?P<credit>{label})|{_label(_gather('BYLINE_LABELS'))})\s*:\s*(?P<value>[^,;|:]+?)\s*", re.IGNORECASE
        ),
        not_a_source_first_words=frozenset(_gather("NOT_A_SOURCE_FIRST_WORDS")),
    )


@functools.lru_cache(maxsize=64)
def own_names_pattern(own_names: tuple[str, ...]) -> re.Pattern[str] | None:
    """The site's own names (``inbusiness.kz``, ``Инбизнес``) in the normalised form, or None."""
    forms = {normalize_for_match(name) for name in own_names} - {""}
    if not forms:
        return None
    return re.compile(_words(re.escape(form).replace(r"\ ", " ") + "~" for form in forms))
