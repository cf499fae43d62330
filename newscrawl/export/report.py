"""``report.html`` (``--report``): is this dataset complete? One static page, no script.

Articles per day per edition (chart, gaps listed), field coverage and extraction paths per
edition and month (a cell turns red when a field goes empty, e.g. after a redesign), and the
crawl runs that fed the store.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import Any

from newscrawl.export.card import site_names
from newscrawl.export.chart import days_between, gaps, per_day_svg
from newscrawl.export.stats import COVERAGE, FALLBACK, ExportStats
from newscrawl.store import RunRecord

STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1100px; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.tick { fill: #555; font-size: 10px; }
.bad { color: #b52b27; font-weight: bold; }
"""


def _shade(share: float) -> str:
    """Red (empty) to green (always filled): hsl hue 0..120."""
    return f"background: hsl({round(120 * share)}, 65%, 80%)"


def _table(header: list[str], rows: list[list[str]], cls: str = "") -> str:
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(rows_cell if rows_cell.startswith("<td") else f"<td>{rows_cell}</td>"
                                     for rows_cell in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def coverage_table(stats: ExportStats, edition: str) -> str:
    """Fields (and extraction paths) by month for one edition, each cell a share of articles."""
    months = [month for month in stats.months if (edition, month) in stats.groups]
    groups = [stats.groups[edition, month] for month in months]
    rows = [["articles", *[str(group.records) for group in groups]]]
    for name in COVERAGE:
        rows.append([name, *[_share_cell(group.filled[name], group.records, f"{edition} {month} {name}")
                             for group, month in zip(groups, months)]])
    paths = sorted(set().union(*(group.extraction for group in groups)),
                   key=lambda path: (path == FALLBACK, path))  # the site's layouts, then the fallback
    for path in paths:
        rows.append([f"extraction: {path}", *[_share_cell(group.extraction[path], group.records,
                                                          f"{edition} {month} {path}", shade=False)
                                              for group, month in zip(groups, months)]])
    return _table(["", *months], rows, cls=f"coverage edition-{escape(edition)}")


def _share_cell(count: int, total: int, label: str, shade: bool = True) -> str:
    share = count / total if total else 0.0
    style = f' style="{_shade(share)}"' if shade else ""
    return f'<td{style} title="{escape(label)}: {count} of {total}" data-count="{count}">{share:.0%}</td>'


def runs_table(runs: list[RunRecord]) -> str:
    """The crawl runs that fed the store, newest last."""
    rows = []
    for run in runs:
        counts = run.counts
        exported = sum(value for key, value in counts.items() if key.startswith("exported/"))
        failed = sum(counts.get(key, 0) for key in ("article_failed", "listing_failed", "source_failed",
                                                      "extraction_error"))
        outcome = escape(run.outcome or "unfinished")
        rows.append([str(run.id), escape(run.spider), escape(run.mode), escape(run.started_at),
                     escape(run.ended_at or "-"), outcome if outcome == "ok" else f'<span class="bad">{outcome}</span>',
                     str(counts.get("store/new", 0)), str(counts.get("store/changed", 0)), str(exported),
                     f'<span class="bad">{failed}</span>' if failed else "0"])
    return _table(["run", "spider", "mode", "started (UTC)", "ended (UTC)", "outcome", "new", "changed",
                   "exported", "failed pages"], rows, cls="runs")


def gaps_list(stats: ExportStats, days: list[str]) -> str:
    items = []
    for edition in stats.editions:
        counts = Counter({day: stats.per_day[edition, day] for day in days})
        for first, last, length in gaps(days, counts):
            span = first if first == last else f"{first} to {last}"
            items.append(f'<li class="gap-days" data-edition="{escape(edition)}" data-first="{first}" '
                         f'data-last="{last}" data-days="{length}">{escape(edition)}: {span} '
                         f'({length} day{"s" if length > 1 else ""})</li>')
    return f'<ul class="gaps">{"".join(items)}</ul>' if items else "<p>Every day of the span has articles.</p>"


def report_html(manifest: dict[str, Any], stats: ExportStats, runs: list[RunRecord]) -> str:
    """The whole page, from the export's figures."""
    sites = escape(site_names(manifest))
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{sites} export report"
             f"</title><style>{STYLE}</style></head><body>", f"<h1>{sites} export report</h1>"]
    if stats.records == 0:
        parts.append('<p class="bad" id="empty">Empty export: no article in the store matched the selection.</p>')
    else:
        first, last = manifest["span"]["first_published_at"][:10], manifest["span"]["last_published_at"][:10]
        days = days_between(first, last)
        editions = ", ".join(f"{escape(edition)} {count}" for edition, count in manifest["editions"].items())
        parts += [f'<p id="summary"><b data-records="{stats.records}">{stats.records}</b> articles ({editions}), '
                  f"published {first} to {last} (each site's own days), {len(manifest['files'])} "
                  f"{escape(manifest['format'])} files.</p>",
                  "<h2>Articles per day</h2>", per_day_svg(stats.per_day, stats.editions, days),
                  "<h3>Days without an article</h3>", gaps_list(stats, days),
                  "<h2>Field coverage and extraction paths</h2>",
                  "<p>Share of the month's articles where the field is filled; a red cell is a field that went "
                  "empty. Extraction: how pages were read (the site's layouts, the generic fallback).</p>"]
        for edition in stats.editions:
            parts += [f"<h3>{escape(edition)}</h3>", coverage_table(stats, edition)]
    parts += ["<h2>Crawl runs that fed the store</h2>", runs_table(runs) if runs else "<p>No run recorded.</p>",
              "</body></html>"]
    return "\n".join(parts) + "\n"
