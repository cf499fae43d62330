"""Local copies of the sites newscrawl crawls, built from their specs, that know what they served.

One server, one core, a copy per site:

- ``core.SiteCopy``: what every copy is: ``articles`` (each with ``edition``, ``published``,
  ``day``, ``path``), ``respond(path_with_query, host=, fired=)`` (its routing, templates and
  faults; once-faults through ``core.fire_once``), ``record(article)`` (the record a crawl must
  export, written from the copy's data). The core gives ``expected_records(since, until,
  editions)``, ``days`` and ``windows()`` (the day ranges it fully holds).
- ``server.serve(copy, port=0)``: the one HTTP server on 127.0.0.1 (request log, fired faults).
- ``sites.COPIES``: the registry, ``--site`` name (= the spider's name) -> ``"module:function"``
  building the copy from a seed. ``python -m newscrawl.demo --site NAME`` serves and crawls it.

Copies: inbusiness.kz (``site.build_site``; data and templates in ``content``, ``generate``,
``phrases``, ``noise``, ``pages``, ``listings``), kz.kursiv.media (the ``kursiv`` package) and
tengrinews.kz (the ``tengrinews`` package).

Plugging in a site: write a package ``newscrawl/demo/<site>/`` like ``kursiv/`` or
``tengrinews/``: its articles as data (each with ``path``/``day``/``edition``/``published`` and
its record), seeded generation, page and listing renderers, and a class subclassing
``SiteCopy`` (``name``, ``domain``, ``respond``, ``record``) with its faults; then add one line
to ``sites.COPIES``. Nothing else changes: the server, the demo command, ``tests/crawling.py``
(``spider=``) take any copy.
"""
