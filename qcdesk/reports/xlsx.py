"""Export a report's tables to XLSX (openpyxl), plus raw data: one row per evaluation × criterion.

Figures are stored as numbers (percent values 0..100 rounded to 0.01), not as formatted text,
so the client's analysts can pivot and chart them; the labels follow the report's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.reports.cells import append_row
from qcdesk.reports.i18n import CHANNEL_PLURAL, answer_text, kpi_label, period_label, tr
from qcdesk.reports.model import (
    CHANNELS,
    ChannelRow,
    ComplianceRow,
    ConsultantReport,
    EvalRecord,
    FunnelRow,
    KpiRow,
    Summary,
    TeamReport,
)
from qcdesk.reports.output import atomic_output
from qcdesk.reports.timely import xlsx_sheets

HEAD_FILL = PatternFill("solid", fgColor="DCE3EA")
# (date, date and time) as the PDF writes them in each language
DATE_FORMATS = {"ru": ("DD.MM.YYYY", "DD.MM.YYYY HH:MM"), "en": ("YYYY-MM-DD", "YYYY-MM-DD HH:MM")}


def _n(v: float | None) -> float | None:
    return None if v is None else round(v, 2)


def _sheet(
    wb: Workbook, lang: str, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    ws = wb.create_sheet(title[:31])
    append_row(ws, list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
    date_format = DATE_FORMATS[lang]
    for r in rows:
        append_row(ws, list(r))
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = date_format[1]
            elif isinstance(cell.value, date):
                cell.number_format = date_format[0]
    ws.freeze_panes = "A2"
    for i, h in enumerate(header, start=1):
        longest = max([len(str(h))] + [len(str(r[i - 1])) for r in rows[:200] if r[i - 1]])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))


def _summary_rows(lang: str, cols: Sequence[Summary]) -> list[list[Any]]:
    out: list[list[Any]] = [[tr(lang, "evaluations")] + [s.evaluations for s in cols]]
    for ch in CHANNELS:
        out.append([tr(lang, CHANNEL_PLURAL[ch])] + [dict(s.by_channel)[ch] for s in cols])
    out += [
        [tr(lang, "mean_score")] + [_n(s.mean_score) for s in cols],
        *(
            [f"{tr(lang, 'score')}: {tr(lang, CHANNEL_PLURAL[ch])}"]
            + [_n(s.channel_score(ch)) for s in cols]
            for ch in CHANNELS
        ),
        [tr(lang, "combined_score")] + [_n(s.combined_score) for s in cols],
        [tr(lang, "at_target")] + [_n(s.at_target_share) for s in cols],
        [tr(lang, "critical_errors")] + [s.critical_errors for s in cols],
        [tr(lang, "conversion")] + [_n(s.conversion) for s in cols],
        [tr(lang, "goals")] + [s.goals for s in cols],
        [tr(lang, "with_outcome")] + [s.with_outcome for s in cols],
    ]
    return out


def _channels(lang: str, rows: Sequence[ChannelRow]) -> tuple[list[str], list[list[Any]]]:
    return (
        [
            tr(lang, "channel"),
            tr(lang, "evaluations"),
            tr(lang, "score"),
            tr(lang, "previous"),
            tr(lang, "team"),
            tr(lang, "weight"),
        ],
        [
            [
                tr(lang, CHANNEL_PLURAL[r.channel]),
                r.evaluations,
                _n(r.score),
                _n(r.previous),
                _n(r.team),
                _n(r.weight),
            ]
            for r in rows
        ],
    )


def _kpi_rows(lang: str, kpis: Sequence[KpiRow]) -> list[list[Any]]:
    return [
        [
            kpi_label(lang, k.key, k.target),
            _n(k.target),
            _n(k.actual),
            tr(lang, "no_data" if k.met is None else "met" if k.met else "not_met"),
        ]
        for k in kpis
    ]


def _compliance(lang: str, rows: Sequence[ComplianceRow]) -> tuple[list[str], list[list[Any]]]:
    head = [
        tr(lang, "criterion"),
        tr(lang, "section"),
        tr(lang, "channel"),
        tr(lang, "compliance"),
        tr(lang, "team"),
        tr(lang, "previous"),
        tr(lang, "answers"),
        tr(lang, "critical"),
    ]
    body = [
        [
            r.title,
            r.section,
            tr(lang, CHANNEL_PLURAL[r.channel]),
            _n(r.value),
            _n(r.team),
            _n(r.previous),
            r.count,
            tr(lang, "yes" if r.critical else "no"),
        ]
        for r in rows
    ]
    return head, body


def _funnel(lang: str, rows: Sequence[FunnelRow]) -> tuple[list[str], list[list[Any]]]:
    return (
        [
            tr(lang, "channel"),
            tr(lang, "stage"),
            tr(lang, "ended_here"),
            tr(lang, "reached"),
            tr(lang, "reached_share"),
        ],
        [
            [
                tr(lang, CHANNEL_PLURAL[r.channel]),
                r.title,
                r.ended_here,
                r.reached,
                _n(r.reached_share),
            ]
            for r in rows
        ],
    )


def _raw(
    lang: str, report: ConsultantReport | TeamReport, evals: Sequence[EvalRecord]
) -> tuple[list[str], list[list[Any]]]:
    meta = {(c.channel, c.id): c for c in report.criteria_meta}
    head = [
        tr(lang, "evaluation_id"),
        tr(lang, "interaction"),
        tr(lang, "date"),
        tr(lang, "consultant"),
        tr(lang, "channel"),
        tr(lang, "reviewer"),
        tr(lang, "score"),
        tr(lang, "section"),
        tr(lang, "criterion_code"),
        tr(lang, "criterion"),
        tr(lang, "critical"),
        tr(lang, "answer"),
        tr(lang, "earned"),
        tr(lang, "comment"),
    ]
    rows = []
    for e in evals:
        for a in e.answers:
            c = meta.get((e.channel, a.criterion_id))
            rows.append(
                [
                    e.evaluation_id,
                    e.interaction_id,
                    e.started_at,
                    report.consultants.get(e.consultant_id or -1) or tr(lang, "not_set"),
                    tr(lang, e.channel),
                    e.reviewer or tr(lang, "not_set"),
                    _n(e.score),
                    c.section if c else "",
                    a.criterion_id,
                    c.title if c else "",
                    tr(lang, "yes" if c and c.critical else "no"),
                    answer_text(lang, a.value),
                    None if a.fraction is None else round(100 * a.fraction, 2),
                    a.comment,
                ]
            )
    return head, rows


def write_xlsx(report: ConsultantReport | TeamReport, path: Path, lang: str = "ru") -> Path:
    """Write the report's tables as sheets; raises StorageError naming *path* if it cannot."""
    wb = Workbook()
    wb.remove(wb.active)
    if isinstance(report, ConsultantReport):
        _sheet(
            wb,
            lang,
            tr(lang, "summary"),
            [
                tr(lang, "metric"),
                period_label(report.period, lang),
                tr(lang, "previous"),
                tr(lang, "team"),
            ],
            _summary_rows(lang, [report.summary, report.previous, report.team]),
        )
    else:
        _sheet(
            wb,
            lang,
            tr(lang, "summary"),
            [tr(lang, "metric"), period_label(report.period, lang), tr(lang, "previous")],
            _summary_rows(lang, [report.summary, report.previous]),
        )
    _sheet(
        wb,
        lang,
        tr(lang, "sheet_kpi"),
        [tr(lang, "metric"), tr(lang, "target"), tr(lang, "actual"), tr(lang, "status")],
        _kpi_rows(lang, report.kpis),
    )
    _sheet(wb, lang, tr(lang, "channels"), *_channels(lang, report.channels))
    _sheet(
        wb,
        lang,
        tr(lang, "trend")[:31],
        [tr(lang, "week_of"), tr(lang, "mean_score"), tr(lang, "evaluations")],
        [[w.week_start, _n(w.value), w.count] for w in report.weekly],
    )
    if isinstance(report, ConsultantReport):
        _sheet(wb, lang, tr(lang, "sheet_criteria"), *_compliance(lang, report.criteria))
        _sheet(wb, lang, tr(lang, "sheet_sections"), *_compliance(lang, report.sections))
        _sheet(
            wb,
            lang,
            tr(lang, "recurring"),
            [
                tr(lang, "criterion"),
                tr(lang, "share"),
                tr(lang, "date"),
                tr(lang, "interaction"),
                tr(lang, "quote"),
            ],
            [
                [e.title, _n(e.share), ev.when, ev.interaction_id, ev.quote]
                for e in report.recurring
                for ev in e.evidence
            ],
        )
        _sheet(
            wb,
            lang,
            tr(lang, "comments"),
            [
                tr(lang, "date"),
                tr(lang, "interaction"),
                tr(lang, "criterion"),
                tr(lang, "reviewer"),
                tr(lang, "comment"),
            ],
            [
                [c.when, c.interaction_id, c.criterion, c.reviewer or tr(lang, "not_set"), c.text]
                for c in report.comments
            ],
        )
        _sheet(
            wb,
            lang,
            tr(lang, "overall_sheet"),
            [
                tr(lang, "date"),
                tr(lang, "interaction"),
                tr(lang, "reviewer"),
                tr(lang, "comment"),
                tr(lang, "recommendation"),
            ],
            [
                [
                    o.when,
                    o.interaction_id,
                    o.reviewer or tr(lang, "not_set"),
                    o.comment,
                    o.recommendation,
                ]
                for o in report.overall
            ],
        )
    else:
        _sheet(
            wb,
            lang,
            tr(lang, "ranking"),
            [
                tr(lang, k)
                for k in (
                    "rank",
                    "consultant",
                    "evaluations",
                    "mean_score",
                    "previous",
                    "at_target",
                    "conversion",
                    "critical_errors",
                    "evals_share",
                    "goals_share",
                )
            ]
            + [f"{tr(lang, 'score')}: {tr(lang, CHANNEL_PLURAL[ch])}" for ch in CHANNELS]
            + [tr(lang, "combined_score")],
            [
                [
                    x.rank,
                    x.consultant,
                    x.evaluations,
                    _n(x.mean_score),
                    _n(x.previous_score),
                    _n(x.at_target_share),
                    _n(x.conversion),
                    x.critical_errors,
                    _n(x.evaluations_share),
                    _n(x.goals_share),
                ]
                + [_n(dict(x.channel_scores).get(ch)) for ch in CHANNELS]
                + [_n(x.combined_score)]
                for x in report.ranking
            ],
        )
        for channel in CHANNELS:  # one sheet per channel: their criteria differ
            crits = [c for c in report.heat_criteria if c.channel == channel]
            if not crits:
                continue
            _sheet(
                wb,
                lang,
                tr(lang, "sheet_heatmap", channel=tr(lang, CHANNEL_PLURAL[channel])),
                [tr(lang, "consultant")] + [c.title for c in crits],
                [
                    [name] + [_n(report.heat(pid, c.id, channel)) for c in crits]
                    for pid, name in report.heat_consultants
                    if any(report.heat(pid, c.id, channel) is not None for c in crits)
                ],
            )
        _sheet(wb, lang, tr(lang, "sheet_sections"), *_compliance(lang, report.sections))
        _sheet(wb, lang, tr(lang, "weakest"), *_compliance(lang, report.weakest))
        _sheet(
            wb,
            lang,
            tr(lang, "reviewers"),
            [
                tr(lang, "reviewer"),
                tr(lang, "evaluations"),
                tr(lang, "share"),
                tr(lang, "mean_score"),
                tr(lang, "disputes"),
                tr(lang, "disputes_accepted"),
                tr(lang, "dispute_days"),
            ],
            [
                [
                    x.reviewer or tr(lang, "not_set"),
                    x.evaluations,
                    _n(x.share),
                    _n(x.mean_score),
                    x.disputes,
                    _n(x.disputes_accepted_share),
                    _n(x.dispute_days),
                ]
                for x in report.reviewers
            ],  # fmt: skip
        )
    _sheet(wb, lang, tr(lang, "funnel"), *_funnel(lang, report.funnel))
    _sheet(wb, lang, tr(lang, "raw"), *_raw(lang, report, report.raw))
    if report.timely is not None:
        for title, header, rows in xlsx_sheets(report.timely, lang):
            _sheet(wb, lang, title, header, rows)
    path = Path(path)
    template = QT_TRANSLATE_NOOP("KnownError", "Cannot write the report {path}: {detail}")
    with atomic_output(path, template) as tmp:
        wb.save(tmp)
    return path
