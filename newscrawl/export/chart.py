"""Articles per day per edition as inline SVG: one bar row per edition, days without an
article marked red under the axis, so a gap shows at a glance. No script, no external file.

Stretches of more than ``COLLAPSE_DAYS`` days without any article in any edition are drawn
as one hatched slot labelled with their length (a broken axis), so that two active weeks a
year apart stay readable. Every bar and mark carries ``data-edition``, ``data-day`` and
``data-count`` (and a tooltip), so the figures can be checked from the HTML itself.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from html import escape

WIDTH, ROW_HEIGHT, LEFT, GAP_MARK = 960, 100, 48, 5
#: Longer empty stretches (all editions) are collapsed into one slot this many days wide.
COLLAPSE_DAYS, COLLAPSED_WIDTH = 7, 3

#: A slot of the x axis: (first day, last day); one day, or a collapsed empty stretch.
Slot = tuple[str, str]


def days_between(first: str, last: str) -> list[str]:
    """Every day from ``first`` to ``last`` inclusive, as ``YYYY-MM-DD``."""
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=offset)).isoformat() for offset in range((end - start).days + 1)]


def gaps(days: list[str], counts: Counter[str]) -> list[tuple[str, str, int]]:
    """Runs of consecutive days without an article: (first, last, number of days)."""
    runs: list[tuple[str, str, int]] = []
    current: list[str] = []
    for day in days:
        if not counts[day]:
            current.append(day)
        elif current:
            runs.append((current[0], current[-1], len(current)))
            current = []
    if current:
        runs.append((current[0], current[-1], len(current)))
    return runs


def slots(days: list[str], any_edition: Counter[str]) -> list[Slot]:
    """The x axis: one slot per day, long stretches without any article as one slot."""
    long_gaps = {first: last for first, last, length in gaps(days, any_edition) if length > COLLAPSE_DAYS}
    axis: list[Slot] = []
    skip_until = ""
    for day in days:
        if day <= skip_until:
            continue
        if day in long_gaps:
            skip_until = long_gaps[day]
            axis.append((day, skip_until))
        else:
            axis.append((day, day))
    return axis


def _width(slot: Slot) -> int:
    return 1 if slot[0] == slot[1] else COLLAPSED_WIDTH


def per_day_svg(per_day: Counter[tuple[str, str]], editions: list[str], days: list[str]) -> str:
    """The chart: ``per_day`` maps (edition, day) to a count; ``days`` is the whole span."""
    any_edition: Counter[str] = Counter()
    for (_, day), count in per_day.items():
        any_edition[day] += count
    axis = slots(days, any_edition)
    unit = (WIDTH - LEFT) / max(1, sum(_width(slot) for slot in axis))
    top = max(per_day.values(), default=1)
    height = ROW_HEIGHT * len(editions) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="articles per day per edition" '
             'font-family="sans-serif" font-size="11">',
             '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
             'patternTransform="rotate(45)"><rect width="3" height="6" fill="#e8b4b2"/></pattern></defs>']
    for row, edition in enumerate(editions):
        base, plot = row * ROW_HEIGHT + ROW_HEIGHT - 30, ROW_HEIGHT - 45
        parts += [f'<text x="0" y="{base - plot / 2:.0f}" font-weight="bold">{escape(edition)}</text>',
                  f'<text x="{LEFT - 6}" y="{base - plot + 8}" text-anchor="end" class="tick">{top}</text>',
                  f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#888"/>']
        x, previous_month = float(LEFT), ""
        for first, last in axis:
            width = unit * _width((first, last))
            if first != last:
                length = (date.fromisoformat(last) - date.fromisoformat(first)).days + 1
                parts.append(f'<rect class="collapsed" data-edition="{escape(edition)}" data-first="{first}" '
                             f'data-last="{last}" data-days="{length}" x="{x:.2f}" y="{base - plot}" '
                             f'width="{width:.2f}" height="{plot + GAP_MARK}" fill="url(#hatch)"><title>'
                             f'{first} to {last}: {length} days without an article</title></rect>')
                parts.append(f'<text x="{x + width / 2:.1f}" y="{base + 16}" text-anchor="middle" '
                             f'class="tick">{length} d</text>')
                previous_month = ""  # label the month the axis resumes in
            else:
                parts.append(_day_mark(edition, first, per_day[edition, first], x, width, base, plot, top))
                if first[:7] != previous_month:
                    parts.append(f'<text x="{x:.1f}" y="{base + 28}" class="tick">{first[:7]}</text>'
                                 if not previous_month or first.endswith("-01") else "")
                previous_month = first[:7]
            x += width
    parts.append("</svg>")
    return "\n".join(part for part in parts if part)


def _day_mark(edition: str, day: str, count: int, x: float, width: float, base: float, plot: float,
              top: int) -> str:
    """A bar for a day with articles, a red mark under the axis for a day without."""
    data = f'data-edition="{escape(edition)}" data-day="{day}" data-count="{count}"'
    drawn = max(width - 0.5, 0.8)  # a hairline between neighbouring bars
    if not count:
        return (f'<rect class="gap" {data} x="{x:.2f}" y="{base + 1}" width="{drawn:.2f}" height="{GAP_MARK}" '
                f'fill="#d9534f"><title>{escape(edition)} {day}: no article</title></rect>')
    bar = plot * count / top
    return (f'<rect class="bar" {data} x="{x:.2f}" y="{base - bar:.2f}" width="{drawn:.2f}" height="{bar:.2f}" '
            f'fill="#3b6ea8"><title>{escape(edition)} {day}: {count}</title></rect>')
