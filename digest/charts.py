"""The digest's two charts, drawn by hand: inline SVG for the page, text for Markdown.

Hand-drawn because the page must be one file with no scripts and no requests, and the output
must be the same bytes every time: a charting library would bring JavaScript, fonts or
floating-point noise. Coordinates are rounded to one decimal for the same reason.

The SVGs scale with the page (a viewBox, `width="100%"`), so on a phone they shrink rather than
overflow; their font sizes are chosen so the labels stay legible at 390 px. Every number a chart
shows is also in the page's text or tables, so nothing is lost to a reader who cannot see it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import escape

from digest.formatting import MONTHS, WEEKDAYS, clean, number
from records.digest import DayCount, WeekCount

WIDTH = 400
FONT = 13
TEXT_BAR = 28  # characters for the longest bar in a text chart


def _nice_ceiling(value: float) -> int:
    """The axis top: 1, 2, 5 or 10 times a power of ten, at least the value (and at least 2)."""
    value = max(value, 2.0)
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return int(step * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def _f(value: float) -> str:
    """A coordinate: one decimal, no trailing zero, never "-0"."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _svg_open(height: int, title: str, desc: str, css_class: str) -> list[str]:
    return [
        f'<svg class="chart {css_class}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'preserveAspectRatio="xMidYMid meet" font-size="{FONT}">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(desc)}</desc>",
    ]


def daily_svg(days: Sequence[DayCount]) -> str:
    """Bars for each day's articles, a dashed line for the usual level of that weekday."""
    height, top, bottom, left, right = 196, 22, 40, 30, 6
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    peak = _nice_ceiling(max([d.articles for d in days] + [_finite(d.usual) for d in days] + [0]))
    desc = "; ".join(
        f"{d.day.isoformat()}: {d.articles} articles, usual {number(round(_finite(d.usual), 1))}"
        for d in days
    )
    out = _svg_open(height, "Articles per day against the usual level", desc, "daily")
    out += _grid(peak, left, top, plot_w, plot_h)
    if not days:
        out.append(
            f'<text x="{WIDTH // 2}" y="{top + plot_h // 2}" text-anchor="middle" '
            'class="muted">No days in this period</text>'
        )
        out.append("</svg>")
        return "\n".join(out)
    slot = plot_w / len(days)
    bar = max(min(slot * 0.62, 44.0), 1.5)
    label_every = max(1, math.ceil(len(days) / 8))
    usual_points: list[str] = []
    for i, d in enumerate(days):
        centre = left + slot * (i + 0.5)
        h = plot_h * max(d.articles, 0) / peak
        y = top + plot_h - h
        if d.articles:
            out.append(
                f'<rect class="bar" x="{_f(centre - bar / 2)}" y="{_f(y)}" width="{_f(bar)}" '
                f'height="{_f(h)}" rx="2"/>'
            )
        if len(days) <= 14:
            out.append(
                f'<text x="{_f(centre)}" y="{_f(y - 5)}" text-anchor="middle" '
                f'class="value">{d.articles}</text>'
            )
        usual_y = top + plot_h - plot_h * _finite(d.usual) / peak
        usual_points.append(
            f"{_f(centre - slot / 2)},{_f(usual_y)} {_f(centre + slot / 2)},{_f(usual_y)}"
        )
        if i % label_every == 0:
            weekday = WEEKDAYS[d.day.weekday()]
            out.append(
                f'<text x="{_f(centre)}" y="{height - bottom + 16}" text-anchor="middle" '
                f'class="axis">{weekday}</text>'
                f'<text x="{_f(centre)}" y="{height - bottom + 31}" text-anchor="middle" '
                f'class="axis">{d.day.day} {MONTHS[d.day.month - 1]}</text>'
            )
    out.append(f'<polyline class="usual" fill="none" points="{" ".join(usual_points)}"/>')
    out.append("</svg>")
    return "\n".join(out)


def trend_svg(weeks: Sequence[WeekCount]) -> str:
    """A line through the weekly totals, the last week (this one) marked."""
    height, top, bottom, left, right = 170, 24, 28, 30, 16
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    peak = _nice_ceiling(max([w.articles for w in weeks] + [0]))
    desc = "; ".join(f"{clean(w.label)}: {w.articles} articles" for w in weeks)
    out = _svg_open(height, "Relevant articles per week, last 12 weeks", desc, "trend")
    out += _grid(peak, left, top, plot_w, plot_h)
    if not weeks:
        out.append(
            f'<text x="{WIDTH // 2}" y="{top + plot_h // 2}" text-anchor="middle" '
            'class="muted">No weeks to show</text>'
        )
        out.append("</svg>")
        return "\n".join(out)
    step = plot_w / max(len(weeks) - 1, 1)
    points = [
        (
            left + (step * i if len(weeks) > 1 else plot_w / 2),
            top + plot_h - plot_h * max(w.articles, 0) / peak,
        )
        for i, w in enumerate(weeks)
    ]
    out.append(
        '<polyline class="line" fill="none" points="'
        + " ".join(f"{_f(x)},{_f(y)}" for x, y in points)
        + '"/>'
    )
    label_every = max(1, math.ceil(len(weeks) / 6))
    last = len(weeks) - 1
    for i, (w, (x, y)) in enumerate(zip(weeks, points, strict=True)):
        css = "dot current" if i == last else "dot"
        out.append(
            f'<circle class="{css}" cx="{_f(x)}" cy="{_f(y)}" r="{4.5 if i == last else 3}"/>'
        )
        if i == last or w.articles == max(x.articles for x in weeks):
            anchor = "end" if i == last and len(weeks) > 1 else "middle"
            out.append(
                f'<text x="{_f(x)}" y="{_f(y - 8)}" text-anchor="{anchor}" '
                f'class="value">{w.articles}</text>'
            )
        if (last - i) % label_every == 0:
            anchor = "end" if i == last and len(weeks) > 1 else "middle"
            out.append(
                f'<text x="{_f(x)}" y="{height - bottom + 18}" text-anchor="{anchor}" '
                f'class="axis">{escape(_week_short(w.label))}</text>'
            )
    out.append("</svg>")
    return "\n".join(out)


def _grid(peak: int, left: int, top: int, plot_w: int, plot_h: int) -> list[str]:
    """Three horizontal rules (0, half, top) with their values at the left."""
    out = []
    for value in (0, peak / 2, peak):
        y = top + plot_h - plot_h * value / peak
        out.append(
            f'<line class="grid" x1="{left}" x2="{left + plot_w}" y1="{_f(y)}" y2="{_f(y)}"/>'
            f'<text x="{left - 6}" y="{_f(y + 4)}" text-anchor="end" class="axis">'
            f"{number(value)}</text>"
        )
    return out


def _week_short(label: str) -> str:
    """2019-W25 -> W25: the year is in the chart's caption."""
    text = clean(label)
    return text.split("-", 1)[1] if "-W" in text else text


def _finite(value: float) -> float:
    return value if math.isfinite(value) and value > 0 else 0.0


# -- text charts (Markdown) ------------------------------------------------------------------


def _bar(value: float, peak: float) -> str:
    """A bar of full blocks with an eighth-block end: 28 characters for the peak."""
    if value <= 0 or peak <= 0:
        return ""
    eighths = round(TEXT_BAR * 8 * value / peak)
    full, rest = divmod(max(eighths, 1), 8)
    return "█" * full + ("▏▎▍▌▋▊▉"[rest - 1] if rest else "")


def daily_text(days: Sequence[DayCount]) -> str:
    """One line a day: the bar, the count and the usual level for that weekday."""
    if not days:
        return "(no days in this period)"
    peak = max([d.articles for d in days] + [_finite(d.usual) for d in days] + [1])
    width = len(str(max(d.articles for d in days)))
    lines = []
    for d in days:
        label = f"{WEEKDAYS[d.day.weekday()]} {d.day.isoformat()}"
        usual = number(round(_finite(d.usual), 1))
        lines.append(
            f"{label}  {_bar(d.articles, peak):<{TEXT_BAR + 1}}{d.articles:>{width}}  usual {usual}"
        )
    return "\n".join(lines)


def trend_text(weeks: Sequence[WeekCount]) -> str:
    """A sparkline, then one line a week."""
    if not weeks:
        return "(no weeks to show)"
    peak = max([w.articles for w in weeks] + [1])
    ticks = "▁▂▃▄▅▆▇█"
    spark = "".join(ticks[min(7, max(0, round(7 * w.articles / peak)))] for w in weeks)
    width = len(str(max(w.articles for w in weeks)))
    label_width = max(len(_plain(w.label)) for w in weeks)
    lines = [f"{spark}  ({_plain(weeks[0].label)} to {_plain(weeks[-1].label)})", ""]
    for w in weeks:
        lines.append(
            f"{_plain(w.label):<{label_width}}  {_bar(w.articles, peak):<{TEXT_BAR + 1}}"
            f"{w.articles:>{width}}"
        )
    return "\n".join(lines)


def _plain(label: str) -> str:
    """A label inside a fenced code block: no backticks, which could close the fence."""
    return clean(label).replace("`", "'")
