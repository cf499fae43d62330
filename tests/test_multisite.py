"""Several sites, one project: ``scrapy crawlall`` runs them in one process, they share one
store (a run lock per site), and ``scrapy export`` writes a folder per site."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from test_crawl_kursiv_spec import serve as serve_kursiv
from test_crawl_kursiv_spec import site_pages

from newscrawl.arguments import ArgumentError, parse_arguments
from newscrawl.demo.__main__ import FAST_SETTINGS
from newscrawl.demo.server import serve
from newscrawl.demo.site import build_site
from newscrawl.export import export_dataset, make_options
from newscrawl.export.options import OptionError
from newscrawl.fixtures import fixture_pages
from newscrawl.sites import Edition
from newscrawl.sites.kursiv import KURSIV
from newscrawl.store import RunLock, open_store

REPO = Path(__file__).resolve().parents[1]


def crawlall(workdir: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scrapy", "crawlall", "-O", str(workdir / "%(name)s.jsonl"), *arguments,
               "-s", f"NEWSCRAWL_STATE={workdir / 'state.sqlite'}", "-s", f"LOG_FILE={workdir / 'crawl.log'}"]
    for setting in FAST_SETTINGS:
        command += ["-s", setting]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=180)


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_crawlall_runs_both_sites_in_one_process_one_line_each_into_one_store(tmp_path: Path) -> None:
    with serve(build_site()) as inbusiness, serve_kursiv(site_pages(api=True)) as (kursiv, _):
        result = crawlall(tmp_path, "--sites", "inbusiness,kursiv", "-a", "since=2024-03-01", "-a", "until=2024-03-01",
                          "-a", "editions=ru", "-a", f"inbusiness:base_url={inbusiness.base_url}",
                          "-a", f"kursiv:base_url={kursiv}")
    assert result.returncode == 0, result.stderr[-3000:]
    summary = [line for line in result.stdout.splitlines() if line.startswith("crawlall: ")]
    assert [line.split()[1] for line in summary] == ["inbusiness", "kursiv"]
    assert all("outcome=ok exit_code=0" in line for line in summary), summary
    inbusiness_records, kursiv_records = lines(tmp_path / "inbusiness.jsonl"), lines(tmp_path / "kursiv.jsonl")
    assert inbusiness_records and {r["site"] for r in inbusiness_records} == {"inbusiness.kz"}
    assert len(kursiv_records) == 2 and {r["site"] for r in kursiv_records} == {"kz.kursiv.media"}
    store = open_store(tmp_path / "state.sqlite")
    try:
        assert len(list(store.iter_articles())) == len(inbusiness_records) + 2
        assert {run.spider for run in store.iter_runs()} == {"inbusiness", "kursiv"}
    finally:
        store.close()


def test_crawlall_exit_status_is_the_worst_site_and_the_other_site_still_runs(tmp_path: Path) -> None:
    with serve(build_site()) as inbusiness:
        result = crawlall(tmp_path, "--sites", "inbusiness,kursiv", "-a", "since=2024-03-01", "-a", "until=2024-03-01",
                          "-a", "editions=ru", "-a", f"inbusiness:base_url={inbusiness.base_url}",
                          "-a", "kursiv:base_url=http://127.0.0.1:9")  # nothing listens there
    assert result.returncode == 1, result.stdout + result.stderr[-2000:]
    outcomes = {line.split()[1]: line.split()[2] for line in result.stdout.splitlines() if line.startswith("crawlall: ")}
    assert outcomes == {"inbusiness": "outcome=ok", "kursiv": "outcome=failed"}
    assert lines(tmp_path / "inbusiness.jsonl")


@pytest.mark.parametrize(("arguments", "message"), [
    (["--sites", "inbusiness,tengri"], "--sites 'tengri' is not a site: expected a comma-separated list of "
                                       "inbusiness, kursiv"),
    (["-a", "editions=kz"], "kursiv: -a editions='kz': unknown edition kz; expected a comma-separated list of "
                            "ru, kk, en"),
    (["-a", "kursive:since=2024-03-01"], "'kursive' is not a site of this run"),
])
def test_crawlall_bad_input_is_one_line_and_exit_2(tmp_path: Path, arguments: list[str], message: str) -> None:
    result = crawlall(tmp_path, *arguments)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_crawl_of_an_unknown_site_is_one_line_and_exit_2() -> None:
    result = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "kursive"], cwd=REPO, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2 and "unknown site 'kursive': expected one of inbusiness, kursiv" in result.stderr
    assert "Traceback" not in result.stderr


def test_base_url_of_a_multi_host_site_must_leave_out_editions_on_other_hosts() -> None:
    site = replace(KURSIV, editions=(Edition("ru", "ru", "/"), Edition("kk", "kk", "/", host="kaz.example.kz")))
    with pytest.raises(ArgumentError, match=r"-a base_url=http://127.0.0.1:8001 is one host, but edition kk .* "
                                            r"served on kaz.example.kz: expected -a editions= among ru"):
        parse_arguments(site=site, since=None, until=None, editions=None, base_url="http://127.0.0.1:8001")
    arguments = parse_arguments(site=site, since=None, until=None, editions="ru", base_url="http://127.0.0.1:8001")
    assert arguments.editions == ("ru",)


def test_two_sites_hold_their_own_run_lock_on_one_store(tmp_path: Path) -> None:
    store = tmp_path / "state.sqlite"
    lock = RunLock.hold(store, "inbusiness.kz")
    try:
        script = ("import sys; from pathlib import Path; from newscrawl.store import RunLock, StoreLocked\n"
                  "try:\n    RunLock.hold(Path(sys.argv[1]), sys.argv[2])\nexcept StoreLocked as e:\n"
                  "    print(e); sys.exit(3)\n")
        other = subprocess.run([sys.executable, "-c", script, str(store), "kz.kursiv.media"], cwd=REPO,
                               capture_output=True, text=True, timeout=30)
        same = subprocess.run([sys.executable, "-c", script, str(store), "inbusiness.kz"], cwd=REPO,
                              capture_output=True, text=True, timeout=30)
    finally:
        lock.release()
    assert other.returncode == 0, other.stdout + other.stderr
    assert same.returncode == 3 and "for inbusiness.kz" in same.stdout


@pytest.fixture(scope="module")
def two_site_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding every fixture record of both sites."""
    path = tmp_path_factory.mktemp("store") / "state.sqlite"
    store = open_store(path)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    try:
        for page in fixture_pages(["inbusiness", "kursiv"]):
            record = page.record()
            assert record is not None
            store.upsert(record, lastmod=None, seen_at=now, exported_in=None)
    finally:
        store.close()
    return path


def export(store_path: Path, output: Path, **options: object) -> dict:
    store = open_store(store_path)
    try:
        return export_dataset(store, output, make_options(**options)).manifest  # type: ignore[arg-type]
    finally:
        store.close()


def test_export_writes_a_folder_per_site_with_each_site_edition_name(two_site_store: Path, tmp_path: Path) -> None:
    manifest = export(two_site_store, tmp_path / "all", report=True)
    paths = sorted(entry["path"] for entry in manifest["files"])
    assert paths == ["inbusiness.kz/kz/2024-02.jsonl", "inbusiness.kz/ru/2022-10.jsonl", "inbusiness.kz/ru/2024-05.jsonl",
                     "kz.kursiv.media/kk/2022-11.jsonl", "kz.kursiv.media/ru/2024-03.jsonl"]
    assert manifest["sites"] == {
        "inbusiness.kz": {"records": 3, "editions": {"kz": 1, "ru": 2}, "languages": ["kk", "ru"]},
        "kz.kursiv.media": {"records": 2, "editions": {"kk": 1, "ru": 1}, "languages": ["kk", "ru"]},
    }
    assert set(manifest["editions"]) == {"inbusiness.kz/kz", "inbusiness.kz/ru", "kz.kursiv.media/kk",
                                         "kz.kursiv.media/ru"}  # two sites' ru never merge
    card = (tmp_path / "all" / "README.md").read_text(encoding="utf-8")
    assert "# inbusiness.kz and kz.kursiv.media news articles" in card
    assert "https://inbusiness.kz, https://kz.kursiv.media" in card
    assert "<h1>inbusiness.kz and kz.kursiv.media export report</h1>" in (tmp_path / "all" / "report.html").read_text(
        encoding="utf-8")


def test_export_site_option_selects_one_site_by_domain_or_name(two_site_store: Path, tmp_path: Path) -> None:
    manifest = export(two_site_store, tmp_path / "kursiv", site="kz.kursiv.media")
    assert list(manifest["sites"]) == ["kz.kursiv.media"] and manifest["records"] == 2
    assert manifest["selection"]["sites"] == ["kz.kursiv.media"] and set(manifest["editions"]) == {"kk", "ru"}
    card = (tmp_path / "kursiv" / "README.md").read_text(encoding="utf-8")
    assert "# kz.kursiv.media news articles" in card and "--site kz.kursiv.media" in card
    assert export(two_site_store, tmp_path / "by-name", site="inbusiness")["sites"].keys() == {"inbusiness.kz"}
    with pytest.raises(OptionError, match="--site 'kursiv.kz' is not a known site: expected a comma-separated list "
                                          "of inbusiness.kz, kz.kursiv.media"):
        make_options(site="kursiv.kz")
