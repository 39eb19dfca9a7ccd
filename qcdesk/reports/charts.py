"""Charts drawn with reportlab.graphics: the weekly trend, compliance bars and the heatmap.

Drawings are vector flowables placed straight into the PDF; every label uses the embedded
PT Sans so Cyrillic names and criteria render (reportlab's default Helvetica has no Cyrillic).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import LineLegend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from qcdesk.reports.i18n import fmt_day_month, fmt_pct, tr
from qcdesk.reports.model import ComplianceRow, CriterionMeta, WeekPoint

FONT = "PTSans"
BLUE = colors.HexColor("#2F6DB5")
GREY = colors.HexColor("#9AA5B1")
GRID = colors.HexColor("#E3E7EC")


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def trend_chart(
    series: Sequence[tuple[str, Sequence[WeekPoint]]], lang: str, width: float = 460
) -> Drawing:
    """Mean score per week, one line per series (e.g. the consultant and the team).

    A series without a single reviewed week is left out (reportlab cannot draw a line of no
    points), and with none left the chart says there is no data.
    """
    height = 170
    d = Drawing(width, height)
    series = [(name, pts) for name, pts in series if any(p.value is not None for p in pts)]
    if not series:
        d.add(String(width / 2, height / 2, tr(lang, "no_data"), fontName=FONT, fontSize=9,
                     textAnchor="middle", fillColor=GREY))  # fmt: skip
        return d
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 36, 42, width - 50, height - 60
    weeks = series[0][1] if series else ()
    chart.data = [tuple(p.value for p in pts) for _, pts in series] or [(0,)]
    chart.categoryAxis.categoryNames = [fmt_day_month(p.week_start, lang) for p in weeks] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 0 if len(weeks) <= 8 else 45
    chart.categoryAxis.labels.boxAnchor = "n" if len(weeks) <= 8 else "ne"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    palette = (BLUE, GREY)
    for i in range(len(chart.data)):
        chart.lines[i].strokeColor = palette[i % 2]
        chart.lines[i].strokeWidth = 2 if i == 0 else 1.2
        # A marker on every week: a single week (or a week between two empty ones) is a
        # point with no line to draw, and without a marker the chart would look empty.
        marker = makeMarker("FilledCircle", size=4.5 if i == 0 else 3.5)
        marker.fillColor = marker.strokeColor = palette[i % 2]
        chart.lines[i].symbol = marker
    chart.joinedLines = 1
    d.add(chart)
    legend = LineLegend()
    legend.x, legend.y = 40, 12
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 120
    legend.colorNamePairs = [(palette[i % 2], name) for i, (name, _) in enumerate(series)]
    d.add(legend)
    return d


def bar_chart(rows: Sequence[ComplianceRow], lang: str, width: float = 460) -> Drawing:
    """Horizontal bars of compliance (0-100 %), with the team's value in grey when known."""
    rows = [r for r in rows if r.value is not None]
    with_team = any(r.team is not None for r in rows)
    bar_h = 16 if with_team else 11
    height = max(40, 30 + bar_h * len(rows) + 6)
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    label_w = 170
    chart.x, chart.y, chart.width, chart.height = label_w, 20, width - label_w - 40, height - 26
    own = [r.value for r in reversed(rows)]
    chart.data = [own, [r.team or 0 for r in reversed(rows)]] if with_team else [own]
    chart.categoryAxis.categoryNames = [_short(r.title, 34) for r in reversed(rows)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.dx = -6
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.bars[0].fillColor = BLUE
    chart.bars.strokeColor = None
    if with_team:
        chart.bars[1].fillColor = GREY
    chart.barLabelFormat = lambda v: fmt_pct(v, lang, 0)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.groupSpacing = 3
    d.add(chart)
    return d


def heat_color(value: float | None) -> colors.Color:
    """Red below 60 %, amber to 85 %, green above; pale grey for "not measured"."""
    if value is None:
        return colors.HexColor("#F2F4F7")
    if value < 60:
        return colors.HexColor("#E8A2A2")
    if value < 75:
        return colors.HexColor("#F3C98B")
    if value < 85:
        return colors.HexColor("#F6E7A1")
    return colors.HexColor("#A9D8A6")


LEGEND_STEPS = ((None, "—"), (30, "< 60"), (70, "60–75"), (80, "75–85"), (95, "≥ 85"))


def heatmap(
    people: Sequence[tuple[int, str]],
    criteria: Sequence[CriterionMeta],
    value: dict[tuple[int, str], float | None],
    lang: str,
    width: float = 480,
) -> Drawing:
    """Criteria as rows, consultants as columns (at most ~10 per drawing), with a legend."""
    label_w = 160
    row_h, head_h, legend_h = 14, 34, 26
    col_w = min(48.0, (width - label_w) / max(1, len(people)))
    height = head_h + row_h * len(criteria) + legend_h
    d = Drawing(width, height)
    top = height - head_h
    for j, (_pid, name) in enumerate(people):
        x = label_w + j * col_w + col_w / 2
        parts = name.split()
        lines = [parts[-1], " ".join(parts[:-1])] if len(parts) > 1 else [name]
        for k, line in enumerate(lines[:2]):
            d.add(
                String(
                    x,
                    top + 18 - 10 * k,
                    _short(line, int(col_w / 4.2)),
                    fontName=FONT,
                    fontSize=7,
                    textAnchor="middle",
                )
            )
    for i, c in enumerate(criteria):
        y = top - (i + 1) * row_h
        title = _short(c.title, 38) + (" *" if c.critical else "")
        d.add(String(label_w - 4, y + 4, title, fontName=FONT, fontSize=7, textAnchor="end"))
        for j, (pid, _name) in enumerate(people):
            v = value.get((pid, c.id))
            x = label_w + j * col_w
            d.add(
                Rect(
                    x,
                    y,
                    col_w,
                    row_h,
                    fillColor=heat_color(v),
                    strokeColor=colors.white,
                    strokeWidth=1,
                )
            )
            d.add(
                String(
                    x + col_w / 2,
                    y + 4,
                    fmt_pct(v, lang, 0) if v is not None else "—",
                    fontName=FONT,
                    fontSize=6.5,
                    textAnchor="middle",
                )
            )
    y = 4
    d.add(String(0, y + 3, tr(lang, "legend") + ":", fontName=FONT, fontSize=7.5))
    x = 90
    for sample, label in LEGEND_STEPS:
        d.add(Rect(x, y, 14, 10, fillColor=heat_color(sample), strokeColor=GRID))
        d.add(
            String(
                x + 18, y + 2, label + ("" if sample is None else " %"), fontName=FONT, fontSize=7
            )
        )
        x += 62
    d.add(String(x + 4, y + 2, "* " + tr(lang, "critical_mark"), fontName=FONT, fontSize=7))
    d.add(Line(0, y + 16, width, y + 16, strokeColor=GRID, strokeWidth=0.5))
    return d
