"""``README.md``: the dataset card a person (and Hugging Face) reads first.

The field meanings restate ``record.md`` (the contract) in one line each; a test checks the
card names every exported field, in order.
"""

from __future__ import annotations

from typing import Any

from newscrawl.export.parquet import TIMEZONE
from newscrawl.export.stats import COVERAGE
from newscrawl.sites import site_by_domain

#: field -> (JSON type, Parquet type, meaning), in export order.
FIELD_DOCS: dict[str, tuple[str, str, str]] = {
    "url": ("string", "string", "canonical URL of the article (one record per URL)"),
    "site": ("string", "string", "the site's domain without `www.` (`kz.kursiv.media`)"),
    "language": ("string", "string", "ISO 639-1 of the edition: `ru`, `kk` (also where the site's URL says `kz`), `en`"),
    "title": ("string", "string", "headline, whitespace collapsed, no site suffix"),
    "lead": ("string or null", "string", "the standfirst under the title"),
    "body": ("string", "string", "article text, one block per paragraph, blocks separated by a blank line; "
             "no title, lead, captions, credits, promo blocks or related links"),
    "published_at": ("string", f"timestamp[ms, tz={TIMEZONE}]", "publication time, ISO 8601 with the offset in "
                     "force in the site's time zone (Kazakhstan: `+06:00`, `+05:00` from 2024-03-01)"),
    "modified_at": ("string or null", f"timestamp[ms, tz={TIMEZONE}]", "last modification time, same format"),
    "authors": ("list of strings", "list<string>", "names as printed; `[]` when none"),
    "section": ("string or null", "string", "the rubric (`Экономика`)"),
    "tags": ("list of strings", "list<string>", "as printed; `[]` when none"),
    "images": ("list of objects", "list<struct<url, caption, credit>>", "main image first, then inline ones; "
               "`credit` is the source without its label, a caption never holds its credit"),
    "views": ("integer or null", "int64", "the view counter when the page was fetched"),
    "extraction": ("string", "string", "how the page was read: the site's layout (`layout_a`, `single`, …) or "
                   "`fallback`"),
}

FORMAT_NOTES: dict[str, str] = {
    "jsonl": "One UTF-8 JSON object per line, keys in the order of the table below.",
    "parquet": ("Parquet (zstd) with a declared schema: times are time-zone-aware timestamps (the UTC instant, "
                f"shown in {TIMEZONE}), lists are lists and images a list of structs, so pandas, DuckDB and "
                "Hugging Face `datasets` read it without a cast."),
    "csv": ("CSV (RFC 4180 quoting, UTF-8 without BOM, header row). An empty cell is null (or an empty "
            "string); `authors`, `tags` and `images` are JSON arrays in their cell (`json.loads` reads them); "
            "bodies keep their blank lines inside quotes. A text cell starting with `=`, `+`, `-`, `@`, tab or "
            "carriage return gets a leading `'` so that a spreadsheet shows it instead of running it as a "
            "formula (OWASP, CSV injection): strip it when reading the file with code."),
}


def _glob(path: str) -> str:
    """``inbusiness.kz/ru/2022-10.jsonl`` -> ``inbusiness.kz/ru/*.jsonl``."""
    directory, _, name = path.rpartition("/")
    return f"{directory}/*{name[name.index('.'):]}" if directory else f"*{name[name.index('.'):]}"


def site_names(manifest: dict[str, Any]) -> str:
    """``inbusiness.kz``, ``inbusiness.kz and kz.kursiv.media``: the sites an export holds (those
    selected when it holds none)."""
    names = list(manifest["sites"]) or list(manifest["selection"].get("sites") or []) or ["newscrawl"]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _front_matter(manifest: dict[str, Any]) -> list[str]:
    """Hugging Face card metadata: the languages and which files make the dataset."""
    globs = sorted({_glob(entry["path"]) for entry in manifest["files"]})
    languages = sorted({language for site in manifest["sites"].values() for language in site["languages"]})
    lines = ["---", f"language: [{', '.join(languages)}]", f"pretty_name: {site_names(manifest)} news articles"]
    if globs:
        lines += ["configs:", "- config_name: default", "  data_files:", *[f"  - {glob}" for glob in globs]]
    return [*lines, "---", ""]


def dataset_card(manifest: dict[str, Any]) -> str:
    """The card of an export from its manifest (so the two never disagree)."""
    span = manifest["span"]
    lines = [*_front_matter(manifest), f"# {site_names(manifest)} news articles", ""]
    if manifest["empty"]:
        lines += ["**This export is empty: no article in the store matched the selection.**", ""]
    lines += [
        f"{manifest['records']} articles, each once (its latest version), published "
        f"{(span['first_published_at'] or '-')[:10]} to {(span['last_published_at'] or '-')[:10]} "
        f"(each site's own days), in {len(manifest['files'])} files.",
        "",
        "| edition | articles |", "|---|---|",
        *[f"| {edition} | {count} |" for edition, count in manifest["editions"].items()],
        "",
        "## Files", "",
        FORMAT_NOTES[manifest["format"]] + (" Files are gzip-compressed." if manifest["gzip"] else ""),
        ("One file per site, edition and month of publication: `SITE/EDITION/YYYY-MM`; the edition directory is "
         "the edition as the site's URLs name it (inbusiness.kz: `kz` for Kazakh)." if manifest["partition"] == "month"
         else "One file holding every edition: `SITE/articles`."),
        "In each file, records are sorted by publication time, then URL. `manifest.json` lists every file "
        "with its record count and sha256.",
        "",
        "## Fields", "",
        "The fields of newscrawl's record contract (`record.md`), then `extraction`.", "",
        "| field | JSON | Parquet | meaning |", "|---|---|---|---|",
        *[f"| `{name}` | {json_type} | {parquet_type} | {meaning} |"
          for name, (json_type, parquet_type, meaning) in FIELD_DOCS.items()],
        "",
        "## Field coverage", "",
        "Share of articles where the field is filled.", "",
        "| field | " + " | ".join(manifest["coverage"]) + " |", "|---|" + "---|" * len(manifest["coverage"]),
        *[f"| {name} | " + " | ".join(f"{shares[name]:.0%}" for shares in manifest["coverage"].values()) + " |"
          for name in COVERAGE],
        "",
        "## How it was made", "",
        f"Crawled from {_origins(manifest)} by newscrawl (Scrapy): structured data first, then the site's layout "
        "selectors, then a generic extractor; text cleaned of promo blocks, credits and related links. Each crawl "
        "updates an article store holding the latest version of every article; this export was written from that "
        f"store ({manifest['store']['runs']} crawl runs, the last ending {manifest['store']['last_run_ended_at']}) "
        "with:", "",
        "```", "scrapy export " + _command_options(manifest), "```", "",
    ]
    return "\n".join(lines)


def _origins(manifest: dict[str, Any]) -> str:
    """The real sites the records come from."""
    sites = [site_by_domain(domain) for domain in manifest["sites"]]
    return ", ".join(site.base_url for site in sites if site) or "news sites"


def _command_options(manifest: dict[str, Any]) -> str:
    selection = manifest["selection"]
    options = ["-o DIR", f"--format {manifest['format']}", f"--partition {manifest['partition']}"]
    if selection.get("sites"):
        options.append(f"--site {','.join(selection['sites'])}")
    if selection["since"]:
        options.append(f"--since {selection['since']}")
    if selection["until"]:
        options.append(f"--until {selection['until']}")
    if selection["languages"]:
        options.append(f"--language {','.join(selection['languages'])}")
    if manifest["gzip"]:
        options.append("--gzip")
    return " ".join(options)
