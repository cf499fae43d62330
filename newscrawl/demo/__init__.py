"""A local copy of inbusiness.kz, built from the spec, that knows what it served.

``site.build_site()`` generates the articles (seeded, stdlib only); ``site.Site.respond`` routes a
request and serves the transport faults; ``server.serve`` runs it on 127.0.0.1; and
``Site.expected_records`` gives the records a crawl of it must export.
"""
