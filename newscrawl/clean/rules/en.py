"""English cleaning rules, and the Latin network names every language shares (see ``ru.py``)."""

from __future__ import annotations

CALL_VERBS: list[str] = [
    "subscribe", "follow", "join", "read", "watch", "find", "visit", "check out",
    "sign up", "stay", "get", "receive", "download", "turn on", "listen",
]

BE_FIRST_PATTERNS: list[str] = [
    r"be (?:the )?first to (?:know|learn|hear|read|get)",
    r"(?:get|receive|read) (?:the )?(?:latest )?news (?:first|faster than anyone|before anyone else)",
    r"stay (?:tuned|updated|informed|up to date|in the loop)",
    r"like us on",
    r"(?:don t|do not|never) miss (?:a story|an update|the latest|important news)",
]

US_WORDS: list[str] = ["us", "we", "we re"]
OUR_WORDS: list[str] = ["our"]

#: Every language's pages print these in Latin letters.
NETWORK_NAMES: list[str] = [
    "telegram~", "tg", "whats ?app~", "instagram~", "insta", "you ?tube~", "dzen~", "yandex dzen~",
    "yandex zen", "vk", "vkontakte", "facebook~", "fb", "tik ?tok~", "twitter~", "threads",
    "google news", "google новости", "rutube~", "linkedin~", "viber~",
]

CHANNEL_WORDS: list[str] = [
    "channel~", "account~", "page~", "group~", "community", "chat~", "profile~", "feed~",
    "newsletter~", "social media", "socials",
]

#: "the ministry's Telegram channel" is someone else's channel.
THIRD_PARTY_BEFORE_NETWORK: str = r"(?:\w+ s|its|his|her|their)"

BUTTON_WORDS: list[str] = ["subscribe", "subscribe now", "follow", "follow us", "join", "join now", "join channel"]

RELATED_LABELS: list[str] = [
    "read also", "also read", "see also", "read more", "related", "related articles", "related article",
    "related news", "related stories", "recent posts", "more news", "more stories", "most read",
    "popular", "you may also like", "more on this topic", "latest news",
]
RELATED_PREFIXES: list[str] = ["read also", "also read", "see also"]

RELATED_HEADINGS: list[str] = [
    r"(?:editor s|editors|top|most|more|related|relevant|latest|recommended|trending|popular|similar|other|further)"
    r"(?:\s\w+){0,2}?\s(?:news|stories|posts|articles|reads|read|choice|picks|videos|reading|headlines|comments)",
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
    "ad", "ads", "advertisement", "advertising", "sponsored", "sponsored content", "partner content",
    "promoted", "promoted content", "partner news", "news from partners", "paid content",
]

CREDIT_LABELS: list[str] = [
    r"photo", r"photos", r"image", r"images", r"picture", r"photo credit", r"image credit", r"photograph",
    r"photographs",
    r"illustration", r"collage", r"infographic", r"video", r"screenshot", r"footage",
]

CREDIT_LABEL_MODIFIERS: list[str] = ["file", "archive", "stock", "illustrative", "cover", "lead", "main"]

BYLINE_LABELS: list[str] = ["text", "words", "story", "author", "by", "video"]

CREDIT_BY_LABELS: list[str] = [
    r"photos? by", r"images? by", r"photo courtesy of", r"photos? taken from", r"images? from",
    r"(?:image|photo|picture) copyright",
]

CREDIT_FROM_SOURCES: list[str] = [
    r"from open sources",
    r"from (?:social media|the internet|(?:the )?archives?)",
]

CREDIT_GENERATED: list[str] = [r"(?:generated|created|made) (?:by|with|using) (?:ai|an ai|artificial intelligence|a neural network)"]

CREDIT_TRAILING_LABELS: list[str] = [r"photo", r"photos"]

NOT_A_SOURCE_FIRST_WORDS: list[str] = ["what", "how", "why", "when", "where", "who", "which"]

VERB_ENDINGS: str = r"(?:ed|ing)"

#: Opens a call as the call verb itself would: "Click here to subscribe …".
CALL_OPENERS: list[str] = [r"click here to", r"tap here to"]

#: A call aimed at one of these names no one else's channel: a newsletter, the reader's inbox
#: ("Sign up for The Paradigm Newsletter"); "the ministry's newsletter" stays someone else's.
OWN_ONLY_CHANNEL_WORDS: list[str] = ["newsletter~", "inbox"]

#: Staff lines: who reported or edited the text, not the text ("Reporting by X; Editing by Y").
STAFF_ROLES: list[str] = [
    r"(?:additional |further )?reporting", r"writing", r"editing", r"research", r"fact[ -]checking", r"compiled",
]
#: A contact line: "Email X at x@site.com or follow him @x", "Reach X at x@site.com".
STAFF_CONTACT: str = (r"(?:e-?mail|reach|contact|write to)\s+(?P<names>.+?)\s+at\s+\S+@\S+?"
                      r"(?:\s+or\s+follow\s+(?:him|her|them)(?:\s+on\s+twitter)?(?:\s+@\w+)?)?")
#: The author's bio as the article's last block: "X is a (senior) reporter at The Y."
STAFF_BIO: str = (r"(?P<names>.+?)\s+is\s+an?\s+(?:\w+\s+){0,2}?"
                  r"(?:reporter|writer|correspondent|editor|columnist|contributor|journalist)"
                  r"\s+(?:at|for|with)\s+(?P<outlet>[^.;]+)")
#: "Associated Press writers X, Y and Z contributed to this report."
STAFF_CONTRIBUTED: str = r"contributed (?:reporting |research )?to this (?:report|story|article)"
#: Lower-case words a staff line's names may carry ("Associated Press writers X and Y").
STAFF_NAME_WORDS: list[str] = ["and", "&", "in", "of", "the", "staff", "writer", "writers", "reporter", "reporters",
                               "correspondent", "correspondents", "editor", "editors", "de", "van", "von"]
