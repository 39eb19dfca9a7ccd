"""The body of each PDF report: which tables and charts, in which order.

Kept apart from ``pdf.py`` (fonts, page furniture, writing) so the two reports read top to
bottom as the head of sales reads them: headline and KPIs first, then where to improve.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from qcdesk.reports import charts
from qcdesk.reports.i18n import CHANNEL_PLURAL, fmt_datetime, fmt_num, fmt_pct, tr
from qcdesk.reports.model import (
    ComplianceRow,
    ConsultantReport,
    FunnelRow,
    InteractionRef,
    KpiRow,
    Summary,
    TalkMetrics,
    TeamReport,
)
from qcdesk.reports.pdf import block, para, table


def _channels(s: Summary, lang: str) -> str:
    return ", ".join(f"{tr(lang, CHANNEL_PLURAL[c])}: {n}" for c, n in s.by_channel if n) or "—"


def summary_table(lang: str, columns: Sequence[tuple[str, Summary]]) -> Flowable:
    """Metric rows, one column per summary (this period, previous, team...)."""

    def row(key: str, fn) -> list[str]:  # type: ignore[no-untyped-def]
        return [tr(lang, key)] + [fn(s) for _, s in columns]

    rows = [
        row("evaluations", lambda s: str(s.evaluations)),
        row("channels", lambda s: _channels(s, lang)),
        row("mean_score", lambda s: fmt_pct(s.mean_score, lang)),
        row("at_target", lambda s: fmt_pct(s.at_target_share, lang)),
        row("critical_errors", lambda s: str(s.critical_errors)),
        row("conversion", lambda s: fmt_pct(s.conversion, lang)),
        row("goals", lambda s: f"{s.goals} / {s.with_outcome}"),
    ]
    return table(
        [tr(lang, "metric")] + [name for name, _ in columns], rows, [3] + [2] * len(columns)
    )


def kpi_table(lang: str, kpis: Sequence[KpiRow]) -> Flowable:
    rows = []
    for k in kpis:
        if k.key == "critical":
            label = tr(lang, "kpi_critical", v=int(k.target))
            target, actual = str(int(k.target)), "—" if k.actual is None else str(int(k.actual))
        else:
            label = tr(lang, f"kpi_{k.key}", v=fmt_pct(k.target, lang, 0))
            target, actual = fmt_pct(k.target, lang, 0), fmt_pct(k.actual, lang)
        status = tr(lang, "no_data" if k.met is None else "met" if k.met else "not_met")
        rows.append([label, target, actual, status])
    return table(
        [tr(lang, "metric"), tr(lang, "target"), tr(lang, "actual"), tr(lang, "status")],
        rows,
        [4, 1.5, 1.5, 2],
    )


def compliance_table(
    lang: str, rows: Sequence[ComplianceRow], *, with_section: bool, team: bool
) -> Flowable:
    head = [tr(lang, "criterion")] + ([tr(lang, "section")] if with_section else [])
    head += [tr(lang, "compliance")] + ([tr(lang, "team")] if team else [])
    head += [tr(lang, "previous"), tr(lang, "answers")]
    body = []
    for r in rows:
        line = [r.title + (" *" if r.critical else "")] + ([r.section] if with_section else [])
        line += [fmt_pct(r.value, lang)] + ([fmt_pct(r.team, lang)] if team else [])
        line += [fmt_pct(r.previous, lang), str(r.count)]
        body.append(line)
    widths = [4.5] + ([3] if with_section else []) + [1.6] + ([1.6] if team else []) + [1.8, 1.2]
    return table(head, body, widths)


def funnel_table(lang: str, rows: Sequence[FunnelRow]) -> Flowable:
    return table(
        [tr(lang, "stage"), tr(lang, "ended_here"), tr(lang, "reached"), tr(lang, "reached_share")],
        [
            [r.title, str(r.ended_here), str(r.reached), fmt_pct(r.reached_share, lang)]
            for r in rows
        ],
        [4, 2, 2, 2],
    )


def refs_table(lang: str, refs: Sequence[InteractionRef]) -> Flowable:
    return table(
        [
            tr(lang, "date"),
            tr(lang, "interaction"),
            tr(lang, "channel"),
            tr(lang, "customer"),
            tr(lang, "score"),
        ],
        [
            [
                fmt_datetime(r.when, lang),
                f"#{r.interaction_id}",
                tr(lang, r.channel),
                r.customer_ref or "—",
                fmt_pct(r.score, lang) + (" *" if r.critical_failed else ""),
            ]
            for r in refs
        ],
        [2.4, 1.4, 1.4, 2.4, 1.4],
    )


def talk_table(lang: str, columns: Sequence[tuple[str, TalkMetrics | None]]) -> Flowable:
    def cell(t: TalkMetrics | None, attr: str) -> str:
        if t is None:
            return "—"
        v = getattr(t, attr)
        return (
            fmt_pct(v, lang)
            if attr == "consultant_talk_share"
            else (str(v) if attr == "interactions" else fmt_num(v, lang))
        )

    rows = [
        [tr(lang, key)] + [cell(t, attr) for _, t in columns]
        for key, attr in (
            ("with_transcript", "interactions"),
            ("talk_share", "consultant_talk_share"),
            ("questions", "questions_per_interaction"),
            ("duration", "mean_duration_s"),
        )
    ]
    return table([tr(lang, "metric")] + [n for n, _ in columns], rows, [4] + [2] * len(columns))


def consultant_story(r: ConsultantReport, lang: str) -> list[Flowable]:
    out: list[Flowable] = []
    out += block(
        tr(lang, "summary"),
        summary_table(
            lang,
            [
                (r.period.label(lang), r.summary),
                (tr(lang, "previous"), r.previous),
                (tr(lang, "team"), r.team),
            ],
        ),
    )
    out += block(tr(lang, "kpi"), kpi_table(lang, r.kpis))
    out += block(
        tr(lang, "trend"),
        charts.trend_chart([(r.consultant, r.weekly), (tr(lang, "team"), r.team_weekly)], lang),
    )
    measured = [s for s in r.sections if s.value is not None]
    out += block(
        tr(lang, "sections"),
        charts.bar_chart(measured, lang),
        compliance_table(lang, r.sections, with_section=False, team=True),
    )
    out += block(
        tr(lang, "criteria"),
        compliance_table(lang, r.criteria, with_section=True, team=True),
        para("* " + tr(lang, "critical_mark"), "small"),
    )
    crit = [[fmt_datetime(c.when, lang), f"#{c.interaction_id}", c.criterion] for c in r.criticals]
    out += block(
        tr(lang, "criticals"),
        table([tr(lang, "date"), tr(lang, "interaction"), tr(lang, "criterion")], crit, [2, 1.3, 5])
        if crit
        else para(tr(lang, "no_criticals"), "body"),
    )
    share = fmt_pct(100 * r.targets.recurring_share, lang, 0)
    items: list[Flowable] = [para(tr(lang, "recurring_note", share=share, min=3), "small")]
    if not r.recurring:
        items.append(para(tr(lang, "no_recurring"), "body"))
    for e in r.recurring:
        items.append(
            para(
                f"{e.title} — "
                + tr(
                    lang,
                    "failed_times",
                    k=e.failures,
                    n=e.evaluations,
                    share=fmt_pct(e.share, lang),
                ),
                "body",
            )
        )
        for ev in e.evidence:
            quote = f"«{ev.quote}»" if ev.quote else tr(lang, "no_quote")
            items.append(
                para(f"{fmt_datetime(ev.when, lang)}, #{ev.interaction_id}: {quote}", "quote")
            )
    out += block(tr(lang, "recurring"), *items)
    if any(f.reached for f in r.funnel):
        out += block(tr(lang, "funnel"), funnel_table(lang, r.funnel))
    if r.best:
        out += block(tr(lang, "best"), refs_table(lang, r.best))
    if r.worst:
        out += block(tr(lang, "worst"), refs_table(lang, r.worst))
    if r.talk is not None:
        out += block(
            tr(lang, "talk"),
            talk_table(lang, [(r.consultant, r.talk), (tr(lang, "team"), r.team_talk)]),
        )
    if r.comments:
        out += block(
            tr(lang, "comments"),
            table(
                [
                    tr(lang, "date"),
                    tr(lang, "criterion"),
                    tr(lang, "reviewer"),
                    tr(lang, "comment"),
                ],
                [
                    [
                        fmt_datetime(c.when, lang),
                        c.criterion,
                        c.reviewer or tr(lang, "no_reviewer"),
                        c.text,
                    ]
                    for c in r.comments
                ],
                [2, 2.6, 2, 5.4],
            ),
        )
    return out


def team_story(r: TeamReport, lang: str) -> list[Flowable]:
    out: list[Flowable] = []
    out += block(
        tr(lang, "summary"),
        summary_table(
            lang, [(r.period.label(lang), r.summary), (tr(lang, "previous"), r.previous)]
        ),
    )
    out += block(tr(lang, "kpi"), kpi_table(lang, r.kpis))
    out += block(tr(lang, "trend"), charts.trend_chart([(tr(lang, "team"), r.weekly)], lang))
    rows = [
        [
            str(x.rank),
            x.consultant,
            str(x.evaluations),
            fmt_pct(x.mean_score, lang),
            fmt_pct(x.previous_score, lang),
            fmt_pct(x.at_target_share, lang),
            fmt_pct(x.conversion, lang),
            str(x.critical_errors),
            fmt_pct(x.evaluations_share, lang),
            fmt_pct(x.goals_share, lang),
        ]
        for x in r.ranking
    ]
    out += block(
        tr(lang, "ranking"),
        table(
            [
                tr(lang, k)
                for k in (
                    "rank",
                    "consultant",
                    "evaluations",
                    "r_score",
                    "r_prev",
                    "r_target",
                    "r_conv",
                    "r_crit",
                    "evals_share",
                    "goals_share",
                )
            ],
            rows,
            [0.5, 3.2, 1.2, 1.3, 1.4, 1.3, 1.6, 1.4, 1.4, 1.4],
        ),
    )
    values = {(c.consultant_id, c.criterion_id): c.value for c in r.heatmap}
    people = list(r.heat_consultants)
    for i in range(0, len(people), 8):
        chunk = people[i : i + 8]
        out += block(tr(lang, "heatmap"), charts.heatmap(chunk, r.heat_criteria, values, lang))
    out += block(
        tr(lang, "weakest"), compliance_table(lang, r.weakest, with_section=True, team=False)
    )
    measured = [s for s in r.sections if s.value is not None]
    out += block(
        tr(lang, "sections"),
        charts.bar_chart(measured, lang),
        compliance_table(lang, r.sections, with_section=False, team=False),
    )
    if any(f.reached for f in r.funnel):
        out += block(tr(lang, "funnel"), funnel_table(lang, r.funnel))
    total = r.summary.evaluations
    out += block(
        tr(lang, "channels"),
        table(
            [tr(lang, "channel"), tr(lang, "evaluations"), tr(lang, "share")],
            [
                [
                    tr(lang, CHANNEL_PLURAL[c]),
                    str(n),
                    fmt_pct(100 * n / total if total else None, lang),
                ]
                for c, n in r.summary.by_channel
            ],
            [4, 2, 2],
        ),
    )
    out += block(
        tr(lang, "reviewers"),
        table(
            [
                tr(lang, "reviewer"),
                tr(lang, "evaluations"),
                tr(lang, "share"),
                tr(lang, "mean_score"),
            ],
            [
                [
                    x.reviewer or tr(lang, "no_reviewer"),
                    str(x.evaluations),
                    fmt_pct(x.share, lang),
                    fmt_pct(x.mean_score, lang),
                ]
                for x in r.reviewers
            ],
            [4, 2, 2, 2],
        ),
    )
    if r.talk is not None:
        out += block(tr(lang, "talk"), talk_table(lang, [(tr(lang, "team"), r.talk)]))
    return out
