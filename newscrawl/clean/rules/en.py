"""English cleaning rules: plain data, one variant per line (see ``ru.py`` for the two text forms)."""

from __future__ import annotations

NETWORK_NAMES: list[str] = [
    r"telegram",
    r"whats ?app",
    r"instagram",
    r"you ?tube",
    r"(?:yandex )?dzen",
    r"yandex zen",
    r"vk",
    r"vkontakte",
    r"facebook",
    r"tik ?tok",
    r"twitter",
]

CHANNEL_WORDS: list[str] = [
    r"channel",
    r"account",
    r"page",
    r"group",
    r"community",
    r"chat",
    r"profile",
]

PROMO_PATTERNS: list[str] = [
    r"subscribe (?:to )?(?:our |us on |us in )?(?:official )?{net}(?: {channel})?",
    r"subscribe to (?:our|us) (?:{net} )?{channel}(?: (?:on|in) {net})?",
    r"(?:follow|find|join|read|watch) us (?:on|in|at) {net}(?: {channel})?",
    r"(?:join|follow|subscribe to) our (?:official )?{net}(?: {channel})?(?: (?:on|in) {net})?",
    r"(?:join|follow|subscribe to) our (?:official )?{channel}(?: (?:on|in) {net})?",
    r"be the first to (?:know|learn|hear|read|get)(?: about)?(?: the| all the)?(?: latest)? (?:news|updates)",
    r"(?:get|read) (?:the )?(?:latest )?news first",
    r"stay (?:tuned|updated|informed|up to date|in the loop)(?: with us)? (?:on|in|via) (?:our )?{net}(?: {channel})?",
    r"(?:more|all the|the latest|all the latest|latest) news (?:on|in) our {net}(?: {channel})?",
    r"we (?:are|re) (?:now )?(?:on|in) {net}",
    r"subscribe to our (?:official )?{net}(?: {channel})? (?:for|to get) (?:the )?(?:latest )?(?:news|updates)",
]

BUTTON_WORDS: list[str] = [
    r"subscribe",
    r"subscribe now",
    r"follow",
    r"follow us",
    r"join",
    r"join now",
    r"join channel",
]

RELATED_PREFIXES: list[str] = [
    r"read also",
    r"also read",
    r"see also",
    r"read more\s*:",
    r"related\s*:",
    r"related (?:articles?|news|stories)\s*:?",
]

EMBED_PATTERNS: list[str] = [
    r"^view this post on instagram\W*$",
    r"^a post shared by .{1,80}$",
    r"pic\.twitter\.com/\w+",
    r"[—–-]\s*[^()\n]{1,80}\(@\w{1,15}\)\s+\w+\.? \d{1,2}, \d{4}\W*$",
    r"^(?:view|open|watch) (?:in|on) (?:telegram|youtube|instagram)\W*$",
    r"^(?:telegram post|post in telegram|view message)\W*$",
]

AD_LABELS: list[str] = [
    r"ad",
    r"ads",
    r"advertisement",
    r"advertising",
    r"sponsored",
    r"sponsored content",
    r"partner content",
    r"promoted",
]

CREDIT_LABELS: list[str] = [
    r"photo",
    r"photos",
    r"image",
    r"picture",
    r"photo credit",
    r"image credit",
    r"illustration",
    r"collage",
]

CREDIT_BY_LABELS: list[str] = [
    r"photos? by",
    r"images? by",
    r"photo courtesy of",
]

CREDIT_FROM_SOURCES: list[str] = [
    r"from open sources",
    r"from (?:social media|the internet|(?:the )?archives?)",
]

NOT_A_SOURCE_FIRST_WORDS: list[str] = ["what", "how", "why", "when", "where", "who", "which"]
