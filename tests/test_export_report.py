"""``report.html`` shows the store's figures (checked from the HTML itself) and renders in a
headless browser; the dataset card documents every field."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from test_export import crawled, export

from newscrawl.export.card import FIELD_DOCS
from newscrawl.export.chart import gaps
from newscrawl.items import EXPORT_FIELDS

CHROMIUM = Path("/usr/bin/chromium")
RECORD_SPEC = Path(__file__).resolve().parents[2] / "shared/spec/record.md"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("report") / "dataset"
    export(output, report=True)
    return output / "report.html"


def store_counts_per_day() -> Counter[tuple[str, str]]:
    editions = {"ru": "ru", "kk": "kz", "en": "en"}
    return Counter((editions[record["language"]], record["published_at"][:10]) for record in crawled()[1])


def test_chart_bars_hold_the_store_count_of_each_edition_and_day(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    bars = re.findall(r'class="bar" data-edition="(\w+)" data-day="([\d-]+)" data-count="(\d+)"', html)
    assert Counter({(edition, day): int(count) for edition, day, count in bars}) == store_counts_per_day()
    assert f'data-records="{len(crawled()[1])}"' in html


def test_days_without_articles_are_listed_and_marked(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    listed = re.findall(r'class="gap-days" data-edition="kz" data-first="([\d-]+)" data-last="([\d-]+)"', html)
    assert listed == [("2022-10-20", "2024-02-27")]  # the demo site has two windows of days
    assert re.search(r'class="collapsed" data-edition="kz" data-first="2022-10-20" data-last="2024-02-27" '
                     r'data-days="496"', html)


def test_coverage_cells_count_the_months_articles_with_the_field(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    leads = sum(1 for record in crawled()[1] if record["lead"] and record["language"] == "ru"
                and record["published_at"].startswith("2022-10"))
    assert f'title="ru 2022-10 lead: {leads} of ' in html


def test_gaps_are_runs_of_days_without_an_article() -> None:
    days = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]
    assert gaps(days, Counter({"2024-01-01": 2, "2024-01-04": 1})) == [
        ("2024-01-02", "2024-01-03", 2), ("2024-01-05", "2024-01-05", 1)]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (CI: apt-get install -y chromium)")
def test_report_renders_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([str(CHROMIUM), *flags, "--dump-dom", report.as_uri()], capture_output=True,
                         text=True, timeout=60)
    assert dom.returncode == 0, dom.stderr[-1000:]
    assert dom.stdout.count('class="bar"') == len(store_counts_per_day())
    screenshot = tmp_path / "report.png"
    shot = subprocess.run([str(CHROMIUM), *flags, f"--screenshot={screenshot}", "--window-size=1100,900",
                           report.as_uri()], capture_output=True, text=True, timeout=60)
    assert shot.returncode == 0 and screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000, "a blank page compresses to a few kB"
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)


def test_dataset_card_documents_every_exported_field_in_order(report: Path) -> None:
    assert tuple(FIELD_DOCS) == EXPORT_FIELDS
    card = (report.parent / "README.md").read_text(encoding="utf-8")
    assert [name for name in re.findall(r"^\| `(\w+)` \|", card, re.M)] == list(EXPORT_FIELDS)
    if RECORD_SPEC.exists():
        spec = RECORD_SPEC.read_text(encoding="utf-8")
        assert all(f"| `{name}` |" in spec for name in EXPORT_FIELDS if name != "extraction")
