"""The demo site itself: routing, faults, and that what it expects matches what it serves."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from parsel import Selector
from servers import free_port

from newscrawl.demo import __main__ as demo_command
from newscrawl.demo.__main__ import FAST_SETTINGS
from newscrawl.demo.content import LAYOUT_A, LAYOUT_B, LAYOUT_UNKNOWN, Noise
from newscrawl.demo.core import day_windows
from newscrawl.demo.noise import LOOKALIKES, NOISE_VARIANTS
from newscrawl.demo.server import serve
from newscrawl.demo.site import build_site
from newscrawl.demo.sites import COPIES, build_copy
from newscrawl.items import EXPORT_FIELDS

REPO = Path(__file__).resolve().parents[1]
# The spec sits beside the repository (../shared); a worktree is one level deeper.
EXAMPLES = next((parent / "shared/spec/examples" for parent in REPO.parents[:2]
                 if (parent / "shared/spec/examples").is_dir()), REPO.parent / "shared/spec/examples")
LAVROV = "/ru/last/lavrov-zayavil-chto-nikomu-ne-pod-silu-vbit-klin-mezhdu-kazahstanom-i-rossiej"


@pytest.fixture(scope="module")
def site():
    return build_site()


def page(site, path: str) -> Selector:
    status, headers, body = site.respond(path)
    assert status == 200, path
    return Selector(text=body.decode(headers["Content-Type"].split("charset=")[1]))


def visible_text(markup: str) -> str:
    """Page text with tags, scripts and entities resolved, whitespace collapsed."""
    markup = re.sub(r"<script.*?</script>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_build_is_deterministic_and_fast():
    started = time.perf_counter()
    first = build_site()
    assert time.perf_counter() - started < 1
    assert first.expected_records() == build_site().expected_records()


def test_volume_per_edition_and_day(site):
    per_day = Counter((a.edition, a.day) for a in site.articles)
    assert all(25 <= n <= 45 for (ed, _), n in per_day.items() if ed == "ru")
    assert all(5 <= n <= 22 for (ed, _), n in per_day.items() if ed == "kz")
    assert 250 <= len(site.articles) <= 350
    assert site.days == sorted({day for _, day in per_day})


def test_lavrov_record_equals_spec_example(site):
    expected_file = EXAMPLES / "lavrov-klin.expected.json"
    if not expected_file.exists():
        pytest.skip(f"spec example not found at {expected_file}")
    record = next(r for r in site.expected_records() if r["url"].endswith(LAVROV))
    assert record.pop("extraction") == LAYOUT_A
    assert record == json.loads(expected_file.read_text(encoding="utf-8"))


def test_every_expected_record_has_the_contract_fields(site):
    for record in site.expected_records():
        assert tuple(record) == EXPORT_FIELDS
        assert record["url"].startswith("https://inbusiness.kz/") and record["site"] == "inbusiness.kz"
        assert record["language"] in ("ru", "kk") and record["title"] and record["body"]
        assert record["lead"] is None or isinstance(record["lead"], str)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[56]:00", record["published_at"])
        assert record["modified_at"] is None or record["modified_at"] > record["published_at"][:16]
        assert all(isinstance(x, str) for x in record["authors"] + record["tags"])
        assert isinstance(record["section"], str) and isinstance(record["images"], list)
        assert all(set(image) == {"url", "caption", "credit"} for image in record["images"])
        assert record["views"] is None or isinstance(record["views"], int)
        assert "\u00a0" not in record["body"] and "\u2009" not in record["body"]
    urls = [r["url"] for r in site.expected_records()]
    assert len(urls) == len(set(urls))


def test_offsets_follow_the_2024_03_01_change(site):
    records = {r["url"]: r["published_at"] for r in site.expected_records(date(2024, 2, 29), date(2024, 3, 1))}
    assert any(v == "2024-02-29T23:50:00+06:00" for v in records.values())
    assert any(v == "2024-03-01T00:15:00+05:00" for v in records.values())
    assert all(v.endswith("+06:00") == v.startswith("2024-02") for v in records.values())


def test_layout_rule_and_unknown_layout_share(site):
    layouts = Counter(a.layout for a in site.articles)
    assert 8 <= layouts[LAYOUT_UNKNOWN] <= 20
    for a in site.articles:
        if a.kind == "news" or a.day < date(2023, 6, 1):
            assert a.layout == LAYOUT_A
        else:
            assert a.layout in (LAYOUT_B, LAYOUT_UNKNOWN)


def test_expected_body_blocks_and_images_are_on_the_page(site):
    for article in site.articles:
        _, headers, body = site.respond(article.path)
        text = visible_text(body.decode(headers["Content-Type"].split("charset=")[1]))
        record = article.expected_record()
        for block in record["body"].split("\n\n"):
            assert block in text, (article.path, block)
        for image in record["images"]:
            assert image["url"].removeprefix("https://inbusiness.kz").encode() in body


def test_noise_never_reaches_the_expected_body(site):
    for record in site.expected_records():
        for word in ("Подпишитесь", "ПОДПИСЫВАЙТЕСЬ", "Читайте также", "Сондай-ақ оқыңыз", "жазылыңыз",
                     "Subscribe", "A post shared", "Фото:", "Сурет:", "Коллаж:", "\n\nРеклама\n\n"):
            assert word not in record["body"], (record["url"], word)


def test_every_noise_variant_and_lookalike_is_served_in_both_layouts(site):
    seen = Counter((b.variant, a.edition, a.layout) for a in site.articles for b in a.blocks if isinstance(b, Noise))
    for variant in NOISE_VARIANTS:
        for ed in variant.editions:
            for layout in (LAYOUT_A, LAYOUT_B):
                assert seen[(variant.name, ed, layout)] >= 2, (variant.name, ed, layout)
    bodies = [r["body"] for r in site.expected_records()]
    for sentences in LOOKALIKES.values():
        for sentence in sentences:
            assert sum(sentence in body for body in bodies) >= 2, sentence


def test_credit_line_after_inline_image_moves_to_that_image(site):
    article = next(a for a in site.articles if a.layout == LAYOUT_A and any(f.credit_line for f in a.figures()))
    figure = next(f for f in article.figures() if f.credit_line)
    image = next(i for i in article.expected_record()["images"] if i["url"].endswith(figure.image.src))
    assert image["credit"] == figure.credit_line[1]
    assert f"<p>{figure.credit_line[0]}</p>" in site.respond(article.path)[2].decode()


def test_once_faults_fire_on_the_first_request_of_a_caller(site):
    fired: set[str] = set()
    assert site.respond(site.faults.error_500_once, fired=fired)[0] == 500
    assert site.respond(site.faults.error_500_once, fired=fired)[0] == 200
    status, headers, _ = site.respond(site.faults.rate_limit_429_once, fired=fired)
    assert (status, headers["Retry-After"]) == (429, "1")
    assert site.respond(site.faults.rate_limit_429_once, fired=fired)[0] == 200
    assert site.respond(site.faults.error_500_once)[0] == 200  # no record of what fired: no fault


def test_article_urls_answer_with_slash_query_and_amp(site):
    canonical = page(site, LAVROV).css("link[rel=canonical]::attr(href)").get()
    for variant in (LAVROV + "/", LAVROV + "?utm_source=x", "/amp" + LAVROV):
        assert page(site, variant).css("link[rel=canonical]::attr(href)").get() == canonical
    assert canonical == "https://inbusiness.kz" + LAVROV


def test_en_edition_and_unknown_paths_answer_404(site):
    for path in ("/en/", "/en/lastnews?date=2022-10-18", "/en/last/anything", "/ru/last/no-such-slug",
                 "/nowhere", "/sitemap/ru-2021-01.xml", "/ru/lastnews?date=2022-10-18&page=9"):
        assert site.respond(path)[0] == 404, path


def test_day_archive_paginates_20_a_page(site):
    day = "2024-02-29"
    first = page(site, f"/ru/lastnews?date={day}")
    assert len(first.css("div.news-item")) == 20
    assert first.css("a.pagination__next::attr(href)").get() == f"/ru/lastnews?date={day}&page=2"
    assert "&amp;page=2" in site.respond(f"/ru/lastnews?date={day}")[2].decode()
    last = page(site, f"/ru/lastnews?date={day}&page=3")
    assert 0 < len(last.css("div.news-item")) <= 20 and not last.css("a.pagination__next")
    assert page(site, "/ru/lastnews?date=2022-10-18").css("a[href*='/specprojects/']")


def test_archive_dates_empty_and_bad(site):
    assert page(site, "/ru/lastnews?date=2023-01-01").css("div.news-item") == []
    assert site.respond("/ru/lastnews?date=2023-13-45")[0] == 400
    latest = page(site, "/kz/lastnews")
    assert latest.css("input[name=date]::attr(value)").get() == site.days[-1].isoformat()
    assert latest.css("span.news-item__time::text").get().startswith("Бүгін, ")


def test_archive_lists_every_article_of_its_day(site):
    for ed in ("ru", "kz"):
        for day in site.days:
            hrefs = [e.href for e in site.archive_entries(ed, day)]
            paths = {h.split("?")[0].rstrip("/") for h in hrefs}
            for article in site.articles:
                if (article.edition, article.day) == (ed, day):
                    assert article.path in paths or site.faults.redirect_target == article.path


def test_listing_quirks(site):
    f = site.faults
    hrefs = {day: [e.href for e in site.archive_entries("ru", day)] for day in site.days}
    listed = [href for day_hrefs in hrefs.values() for href in day_hrefs]
    assert f.redirect_old in listed and f.redirect_target not in listed
    assert f.removed in listed and f.amp_listed in listed and f.amp_listed[4:] in listed
    assert f.trailing_slash in listed and all(link in listed or "/kz/" in link for link in f.tracking_links)
    twice = site.article(f.listed_twice)
    assert [day for day, day_hrefs in hrefs.items() if f.listed_twice in day_hrefs] == [twice.day, date(2022, 10, 19)]
    assert site.respond(f.removed)[0] == 404
    assert all(not r["url"].endswith(f.removed) for r in site.expected_records())
    status, headers, _ = site.respond(f.redirect_old)
    assert status == 301 and headers["Location"] == f.redirect_target


def test_each_fault_uses_its_own_article(site):
    f = site.faults
    paths = [f.error_500_once, f.rate_limit_429_once, f.redirect_target, f.cp1251, f.listed_twice,
             f.amp_listed.removeprefix("/amp"), f.trailing_slash.rstrip("/")]
    assert len(set(paths)) == len(paths) and all(path in site.by_path for path in paths)


def test_cp1251_page_is_encoded_as_declared(site):
    status, headers, body = site.respond(site.faults.cp1251)
    assert headers["Content-Type"] == "text/html; charset=windows-1251"
    assert b'<meta charset="windows-1251">' in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert site.article(site.faults.cp1251).title in body.decode("cp1251")


def test_robots_rss_and_sitemaps(site):
    robots = site.respond("/robots.txt", host="127.0.0.1:8000")[2].decode()
    assert "User-agent: *" in robots and "Disallow: /search" in robots
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots
    index = Selector(text=site.respond("/sitemap.xml")[2].decode(), type="xml")
    index.remove_namespaces()
    files = index.xpath("//loc/text()").getall()
    assert "http://127.0.0.1/sitemap/kz-2024-03.xml" in files and len(files) == 6
    monthly = Selector(text=site.respond("/sitemap/ru-2022-10.xml")[2].decode(), type="xml")
    monthly.remove_namespaces()
    assert "http://127.0.0.1" + LAVROV in monthly.xpath("//loc/text()").getall()
    rss = Selector(text=site.respond("/ru/rss")[2].decode(), type="xml")
    assert len(rss.xpath("//item")) == 50
    assert re.fullmatch(r"\w{3}, \d\d \w{3} 2024 \d\d:\d\d:\d\d \+0500", rss.xpath("//item/pubDate/text()").get())


def test_not_article_sections_answer_200(site):
    for path in ("/ru/specprojects/biznes-2022", "/ru/tv_programs/delovoe-utro", "/kz/tag/salyq"):
        assert site.respond(path)[0] == 200


def test_edit_and_publish_change_what_is_expected():
    site = build_site()
    path = site.faults.cp1251
    before = site.article(path).lastmod
    record = site.edit(path)
    assert record["body"].endswith("Материал обновлен: в ведомстве уточнили детали.") or \
        "Материал обновлен" in record["body"]
    assert site.article(path).lastmod > before
    assert site.article(path).lastmod.isoformat()[:16] in site.respond("/sitemap/ru-2022-10.xml")[2].decode()
    new = site.publish("kz")
    assert new["url"] in {r["url"] for r in site.expected_records(site.days[-1], site.days[-1])}
    assert page(site, "/kz/lastnews").css("a.news-item__title::attr(href)").get() in new["url"]


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_http_faults_fire_once_per_server(site):
    faults = site.faults
    for _ in range(2):  # a fresh server fires them again
        with serve(site) as server:
            assert fetch(server.base_url + faults.error_500_once)[0] == 500
            assert fetch(server.base_url + faults.error_500_once)[0] == 200
            status, headers, _ = fetch(server.base_url + faults.rate_limit_429_once)
            assert (status, headers["Retry-After"]) == (429, "1")
            assert fetch(server.base_url + faults.rate_limit_429_once + "/")[0] == 200
            status, _, body = fetch(server.base_url + faults.redirect_old)  # urllib follows the 301
            assert status == 200 and b"canonical" in body
            assert [status for _, _, status in server.requests] == [500, 200, 429, 200, 301, 200]
            assert server.requests[0] == ("GET", faults.error_500_once, 500)


def test_http_fetch_serves_the_site(site):
    with serve(site) as server:
        status, headers, body = fetch(server.base_url + LAVROV + "?utm_source=x")
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert "Лавров заявил" in body.decode()
        robots = fetch(server.base_url + "/robots.txt")[2].decode()
        assert f"Sitemap: {server.base_url}/sitemap.xml" in robots
        assert fetch(server.base_url + "/en/lastnews")[0] == 404


# -- the core shared by every copy, and the demo command -------------------------------------------

def test_day_windows_are_the_runs_of_consecutive_days(site):
    assert day_windows([date(2024, 3, 1), date(2024, 2, 29), date(2024, 3, 5)]) == [
        (date(2024, 2, 29), date(2024, 3, 1)), (date(2024, 3, 5), date(2024, 3, 5))]
    assert site.windows() == [(date(2022, 10, 17), date(2022, 10, 19)), (date(2024, 2, 28), date(2024, 3, 2))]


def test_registry_builds_each_copy_by_its_spider_name():
    for name in COPIES:
        copy = build_copy(name)
        assert copy.name == name and copy.expected_records() and copy.respond("/robots.txt")[0] == 200
    with pytest.raises(KeyError, match="known: inbusiness, kursiv"):
        build_copy("nosuchsite")


def test_demo_serves_on_the_chosen_port_and_prints_only_held_days(tmp_path):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "newscrawl.demo", "--serve", "--port", str(port)],
                               cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert f"at http://127.0.0.1:{port};" in line
        assert "holds every article of 2022-10-17..2022-10-19, 2024-02-28..2024-03-02." in line
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{LAVROV}") as answer:
            assert answer.status == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


def test_demo_crawl_prints_its_command_and_leaves_no_temp_folder(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    result = subprocess.run([sys.executable, "-m", "newscrawl.demo", "-o", str(tmp_path / "out.jsonl")], cwd=REPO,
                            capture_output=True, text=True, timeout=120, env={**os.environ, "TMPDIR": str(scratch)})
    assert result.returncode == 0, result.stderr[-2000:]
    command = next(line for line in result.stdout.splitlines() if line.startswith("$ "))
    assert "scrapy crawl inbusiness" in command and "-a since=2024-02-28 -a until=2024-03-02" in command
    assert all(f"-s {setting}" in command for setting in FAST_SETTINGS)
    assert "0 missing, 0 unexpected, 0 exported twice" in result.stdout
    assert list(scratch.iterdir()) == []


def test_demo_names_a_missing_spider_and_bad_ports(monkeypatch, capsys):
    monkeypatch.setattr(demo_command, "known_spiders", lambda: ["inbusiness"])
    assert demo_command.main(["--site", "kursiv"]) == 1
    assert "no spider named 'kursiv'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        demo_command.main(["--port", "70000"])
    assert stopped.value.code == 2
