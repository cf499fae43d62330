"""Pages that answer 200 but are not the page asked for: bot challenges, maintenance pages,
empty JavaScript shells, and day archives that list nothing.

Taken at face value they become an empty article, or a day "without news". Telling them
apart is a pure function of the page, so the transport middleware can retry them and tests
can pin every kind on a few lines of markup. Challenge and maintenance wording only counts
on a short page that declares no article (no ``og:type=article``, ``article:*`` meta, article
JSON-LD or ``<time>``): a short news item *about* a captcha or maintenance works is an article,
and a live page may carry a captcha widget (comment form) or a bot-detection script.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lxml import etree
from parsel import Selector

from newscrawl.discover.archive import read_listing
from newscrawl.sites import UnknownSite, get_site

if TYPE_CHECKING:
    from newscrawl.sites.base import Site

CHALLENGE = "challenge"
MAINTENANCE = "maintenance"
JS_SHELL = "js_shell"
EMPTY_LISTING = "empty_listing"

#: A page with less visible text than this has no article on it (chrome alone is more).
SHORT_PAGE_CHARS = 1500
#: An application shell prints next to nothing until its scripts run.
JS_SHELL_MAX_CHARS = 200
#: Request meta key: the name of the site whose listing (day archive, latest news) this
#: request fetches. The spider sets it; the transport middleware judges the page by that
#: site's listing markup.
LISTING_KEY = "newscrawl_listing"

_CHALLENGE_WORDS = re.compile(
    r"just a moment|attention required|checking your browser|verify(?:ing)? you are (?:a )?human"
    r"|are you a robot|not a robot|captcha|ddos-guard|access denied|bot protection"
    r"|проверка браузера|проверяем браузер|вы не робот|я не робот|подтвердите, что вы человек"
    r"|робот емес екеніңізді",
    re.IGNORECASE,
)
#: Challenge and captcha markup (Cloudflare, DDoS-Guard, reCAPTCHA, hCaptcha, Turnstile,
#: Yandex SmartCaptcha); alone it is not enough, see the module docstring.
_CHALLENGE_XPATH = (
    "//*[contains(@src, '/cdn-cgi/challenge-platform/') or contains(@action, '__cf_chl')"
    " or contains(@src, 'ddos-guard') or contains(@src, 'captcha')"
    " or @id='challenge-form' or @id='challenge-running' or @id='cf-challenge-running'"
    " or contains(@class, 'g-recaptcha') or contains(@class, 'h-captcha') or contains(@class, 'cf-turnstile')"
    " or contains(@class, 'smart-captcha') or contains(@class, 'captcha')]"
    " | //script[contains(., '_cf_chl_opt')]"
)
_MAINTENANCE_WORDS = re.compile(
    r"технически[ех] работ|техническое обслуживание|профилактическ|временно недоступ|ведутся работы"
    r"|under maintenance|scheduled maintenance|down for maintenance|temporarily unavailable|be back soon"
    r"|техникалық жұмыс|уақытша қолжетімсіз",
    re.IGNORECASE,
)
#: What an article page declares about itself and a challenge or maintenance page never does.
_ARTICLE_MARKS_XPATH = (
    "//meta[@property='og:type' and contains(@content, 'article')] | //meta[starts-with(@property, 'article:')]"
    " | //script[@type='application/ld+json' and contains(., 'Article')] | //time"
)
_NOT_VISIBLE = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link"})


def visible_text(root: etree._Element, limit: int) -> str:
    """The page's visible text (no scripts, styles or head), read only up to about ``limit`` chars.

    Stops early: a 20 MB article must not be copied just to learn that it is long."""
    parts: list[str] = []
    size = 0
    skip_until: etree._Element | None = None
    for element in root.iter():
        if skip_until is not None:
            if any(ancestor is skip_until for ancestor in element.iterancestors()):
                continue
            skip_until = None
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _NOT_VISIBLE:
            skip_until = element
        elif tag and element.text and element.text.strip():
            parts.append(element.text.strip())
            size += len(parts[-1])
        if element.tail and element.tail.strip() and element is not root:
            parts.append(element.tail.strip())
            size += len(parts[-1])
        if size > limit:
            break
    return " ".join(parts)


def listing_site(meta: dict[str, Any]) -> Site | None:
    """The site whose listing a request fetches (from its meta), None for any other request."""
    name = meta.get(LISTING_KEY)
    if not name:
        return None
    try:
        return get_site(name)
    except UnknownSite:
        return None


def page_problem(selector: Selector, url: str, *, listing: Site | None = None) -> str | None:
    """Why this 200 page is not what was asked for: ``challenge``, ``maintenance``, ``js_shell``,
    ``empty_listing`` (``listing``: the site of a listing page that has no article link by that
    site's markup and URL rules); None if fine."""
    root = selector.root
    if not isinstance(root, etree._Element):
        return None
    text = visible_text(root, SHORT_PAGE_CHARS)
    if len(text) < SHORT_PAGE_CHARS and not selector.xpath(_ARTICLE_MARKS_XPATH):
        words = f'{selector.xpath("string(//title)").get("")} {text}'
        if _CHALLENGE_WORDS.search(words) or selector.xpath(_CHALLENGE_XPATH):
            return CHALLENGE
        if _MAINTENANCE_WORDS.search(words):
            return MAINTENANCE
    if len(text) < JS_SHELL_MAX_CHARS and selector.xpath("//script | //noscript"):
        return JS_SHELL
    if listing is not None and not read_listing(selector, url, listing).links:
        return EMPTY_LISTING
    return None
