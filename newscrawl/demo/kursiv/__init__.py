"""A local copy of kz.kursiv.media (WordPress + Yoast), built from ../shared/spec/kursiv-site.md.

Data: ``model`` (a post and its expected record), ``words`` (rubrics, names, text), ``noise``
(promo, credits, embeds, ads, look-alikes), ``example`` (the spec's example post), ``generate``
(the seeded posts of two windows). Templates: ``pages`` (article pages), ``listings`` (archives,
feeds, sitemaps, robots), ``api`` (the REST API). ``faults`` places the redirects, 404s, 429 and
500 on posts; ``copy`` routes a request and serves them.
"""

from __future__ import annotations

from newscrawl.demo.kursiv.copy import KursivCopy
from newscrawl.demo.kursiv.generate import Generator


def build_copy(seed: int = 2024) -> KursivCopy:
    """The kursiv copy: same seed, same posts, pages and faults."""
    generator = Generator(seed)
    return KursivCopy(generator, generator.articles())
