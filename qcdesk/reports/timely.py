"""The "Timely service" section of team and consultant reports: calls, callbacks, lost profit.

The values come from the client's call log (domain.calllog); this module turns them into the
section the PDF and the XLSX print: the figures against the previous period, the people, an
hour × weekday heat map of missed calls, and the lost-profit scenarios with their inputs
and formula (a team report only: a missed call belongs to no consultant until returned).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from qcdesk.domain.calllog.profit import INPUTS, SCENARIOS, LostProfit, NextStepLoss
from qcdesk.domain.calllog.timely import Figures
from qcdesk.reports.i18n import fmt_num, fmt_pct, tr
from qcdesk.reports.model import TimelySection
from qcdesk.reports.pdf_kit import BODY_W, FONT, block, bold, para, table

WEEKDAYS = ("wd_mon", "wd_tue", "wd_wed", "wd_thu", "wd_fri", "wd_sat", "wd_sun")
# (figure, how it is printed): "n" a count, "pct" a share, "min"/"s" a duration.
ROWS: tuple[tuple[str, str], ...] = (
    ("calls", "n"),
    ("incoming", "n"),
    ("answered_incoming", "n"),
    ("missed_calls", "n"),
    ("called_back", "n"),
    ("called_back_in_time", "n"),
    ("callback_rate", "pct"),
    ("callback_delay_median_min", "min"),
    ("callback_delay_p90_min", "min"),
    ("lost_for_good", "n"),
    ("answer_time_median_s", "s"),
    ("answer_time_p90_s", "s"),
)


def value(f: Figures | None, key: str) -> float | int | None:
    if f is None:
        return None
    v: float | int | None = getattr(f, key)
    return v * 100 if key == "callback_rate" and v is not None else v


def fmt(v: float | int | None, kind: str, lang: str) -> str:
    if v is None:
        return "—"
    if kind == "n":
        return str(int(v))
    if kind == "pct":
        return fmt_pct(float(v), lang)
    return fmt_num(float(v), lang, 1) + " " + tr(lang, "unit_" + kind)


def figure_label(key: str, lang: str, threshold: float) -> str:
    return tr(lang, "t_" + key, m=fmt_num(threshold, lang, 0))


def figure_rows(s: TimelySection, lang: str) -> tuple[list[str], list[list[str]]]:
    """Metric | this period | previous (| team): the section's first table."""
    head = [tr(lang, "metric"), tr(lang, "this_period"), tr(lang, "previous")]
    if s.team is not None:
        head.append(tr(lang, "team"))
    rows = []
    for key, kind in ROWS:
        line = [figure_label(key, lang, s.threshold_minutes)]
        for f in (s.figures, s.previous, *((s.team,) if s.team is not None else ())):
            line.append(fmt(value(f, key), kind, lang))
        rows.append(line)
    return head, rows


PEOPLE_COLS = (("calls", "n"), ("answered_incoming", "n"), ("called_back", "n"),
               ("called_back_in_time", "n"), ("callback_delay_median_min", "min"),
               ("answer_time_median_s", "s"))  # fmt: skip


def people_rows(s: TimelySection, lang: str) -> tuple[list[str], list[list[str]]]:
    head = [tr(lang, "consultant")] + [tr(lang, "tp_" + k) for k, _ in PEOPLE_COLS]
    rows = [[name] + [fmt(value(f, k), kind, lang) for k, kind in PEOPLE_COLS]
            for name, f in s.people]  # fmt: skip
    return head, rows


def profit_rows(lost: LostProfit, lang: str) -> tuple[list[str], list[list[str]]]:
    """Input | conservative | expected | optimistic, then the result: every number shown."""
    head = [tr(lang, "p_input")] + [tr(lang, "p_" + k) for k in SCENARIOS]
    rows = [[tr(lang, "p_leads")] + [str(lost.leads)] * 3]
    for key in INPUTS:
        low_mid_high = lost.inputs.ranges[key]
        if key == "average_deal":
            cells = [money(v, lang) for v in low_mid_high]
        else:
            cells = [fmt_pct(v * 100, lang, 0) for v in low_mid_high]
        rows.append([tr(lang, "p_" + key)] + cells)
    total = [tr(lang, "p_lost")] + [money(lost.scenarios[k], lang) for k in SCENARIOS]
    rows.append(total)
    return head, rows


def money(v: float, lang: str) -> str:
    """40 000 in Russian (no-break space between thousands), 40,000 in English."""
    text = f"{v:,.0f}"
    return text.replace(",", "\u00a0") if lang == "ru" else text


def next_step_rows(loss: NextStepLoss, lang: str) -> tuple[list[str], list[list[str]]]:
    """The no-next-step line: measured conversions, the count, the deal range, the loss."""
    head = [tr(lang, "p_input")] + [tr(lang, "p_" + k) for k in SCENARIOS]
    rows = [
        [tr(lang, "n_calls")] + [str(loss.calls_without)] * 3,
        [tr(lang, "n_with", n=loss.measured_with[0])]
        + [fmt_pct(loss.conversion_with * 100, lang)] * 3,
        [tr(lang, "n_without", n=loss.measured_without[0])]
        + [fmt_pct(loss.conversion_without * 100, lang)] * 3,
        [tr(lang, "p_lost")] + [money(loss.scenarios[k], lang) for k in SCENARIOS],
    ]
    return head, rows


def _hours(grid: Sequence[Sequence[int]]) -> list[int]:
    """The hours to show: the working day at least, widened to every hour with a missed call."""
    busy = [h for h in range(24) if any(row[h] for row in grid)]
    lo, hi = min([8, *busy]), max([20, *busy])
    return list(range(lo, hi + 1))


def heat_rows(grid: Sequence[Sequence[int]], lang: str) -> tuple[list[str], list[list[Any]]]:
    hours = _hours(grid)
    head = [tr(lang, "weekday")] + [str(h) for h in hours]
    rows = [[tr(lang, WEEKDAYS[d])] + [grid[d][h] for h in hours] for d in range(7)]
    return head, rows


def heat_table(grid: Sequence[Sequence[int]], lang: str) -> Table:
    head, rows = heat_rows(grid, lang)
    top = max([1, *(v for r in rows for v in r[1:])])
    data = [head] + [[r[0]] + [str(v) if v else "" for v in r[1:]] for r in rows]
    first = 34.0
    widths = [first] + [(BODY_W - first) / (len(head) - 1)] * (len(head) - 1)
    t = Table(data, colWidths=widths, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 7),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("GRID", (1, 1), (-1, -1), 0.25, colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE3EA")),
    ]
    for i, r in enumerate(rows, start=1):
        for j, v in enumerate(r[1:], start=1):
            share = v / top
            shade = colors.Color(1, 1 - 0.6 * share, 1 - 0.6 * share) if v else colors.white
            style.append(("BACKGROUND", (j, i), (j, i), shade))
    t.setStyle(TableStyle(style))
    return t


def _note(text: str) -> list[Flowable]:
    return [Spacer(1, 2 * mm), para(text, "small")]


def timely_story(s: TimelySection, lang: str) -> list[Flowable]:
    out: list[Flowable] = []
    out += block(
        tr(lang, "timely"),
        table(*figure_rows(s, lang), [5, 2, 2, *([2] if s.team is not None else [])]),
        *_note(tr(lang, "timely_note", m=fmt_num(s.threshold_minutes, lang, 0))),
    )
    if s.people:
        out += block(
            tr(lang, "timely_people"), table(*people_rows(s, lang), [4, 1, 1, 1, 1, 1.3, 1.3])
        )
    out += block(tr(lang, "timely_heat"), heat_table(s.heatmap, lang))
    if s.lost is not None:
        head, rows = profit_rows(s.lost, lang)
        rows[-1] = [bold(str(c)) for c in rows[-1]]
        items: list[Flowable] = [table(head, rows, [4, 2, 2, 2]), *_note(tr(lang, "p_formula"))]
        if not s.lost.inputs.confirmed:
            items.append(para(tr(lang, "p_unconfirmed"), "small"))
        out += block(tr(lang, "timely_profit"), *items)
    if s.next_step is not None:
        head, rows = next_step_rows(s.next_step, lang)
        rows[-1] = [bold(str(c)) for c in rows[-1]]
        out += block(
            tr(lang, "n_title"), table(head, rows, [4, 2, 2, 2]), *_note(tr(lang, "n_formula"))
        )
    return out


def xlsx_sheets(s: TimelySection, lang: str) -> list[tuple[str, list[str], list[list[Any]]]]:
    """(sheet name, header, rows) for the XLSX: numbers as numbers, durations in their unit."""
    head = [tr(lang, "metric"), tr(lang, "this_period"), tr(lang, "previous")]
    if s.team is not None:
        head.append(tr(lang, "team"))
    figures = []
    for key, kind in ROWS:
        label = figure_label(key, lang, s.threshold_minutes)
        if kind in ("min", "s", "pct"):
            label += f", {tr(lang, 'unit_' + kind) if kind != 'pct' else '%'}"
        cols = (s.figures, s.previous, *((s.team,) if s.team is not None else ()))
        figures.append([label, *(_num(value(f, key)) for f in cols)])
    sheets = [(tr(lang, "timely"), head, figures)]
    if s.people:
        people_head = [tr(lang, "consultant")] + [tr(lang, "tp_" + k) for k, _ in PEOPLE_COLS]
        people = [[name, *(_num(value(f, k)) for k, _ in PEOPLE_COLS)] for name, f in s.people]
        sheets.append((tr(lang, "sheet_t_people"), people_head, people))
    sheets.append((tr(lang, "sheet_t_heat"), *heat_rows(s.heatmap, lang)))
    if s.lost is not None:
        lost = s.lost
        rows: list[list[Any]] = [[tr(lang, "p_leads"), lost.leads, lost.leads, lost.leads]]
        for key in INPUTS:
            rows.append([tr(lang, "p_" + key), *lost.inputs.ranges[key]])
        rows.append([tr(lang, "p_lost"), *(round(lost.scenarios[k], 2) for k in SCENARIOS)])
        rows.append([tr(lang, "p_formula"), None, None, None])
        if not lost.inputs.confirmed:
            rows.append([tr(lang, "p_unconfirmed"), None, None, None])
        sheets.append(
            (
                tr(lang, "sheet_t_profit"),
                [tr(lang, "p_input")] + [tr(lang, "p_" + k) for k in SCENARIOS],
                rows,
            )
        )
    return sheets


def _num(v: float | int | None) -> float | int | None:
    return round(v, 2) if isinstance(v, float) else v
