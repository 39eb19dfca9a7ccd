"""The body of each PDF report: which tables and charts, in which order.

Kept apart from ``pdf.py`` (fonts, page furniture, writing) so the two reports read top to
bottom as the head of sales reads them: headline and KPIs first, then where to improve.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from qcdesk.reports import charts
from qcdesk.reports.coaching_pdf import coaching_blocks, focus_progress_blocks
from qcdesk.reports.i18n import (
    CHANNEL_PLURAL,
    fmt_datetime,
    fmt_num,
    fmt_pct,
    kpi_label,
    period_label,
    tr,
)
from qcdesk.reports.model import (
    CHANNELS,
    ChannelRow,
    ComplianceRow,
    ConsultantReport,
    FunnelRow,
    InteractionRef,
    KpiRow,
    Summary,
    TalkMetrics,
    TeamReport,
)
from qcdesk.reports.pdf_kit import block, bold, para, table

HEAT_ROWS = 40  # criteria per heatmap drawing: 40 rows fit an A4 page with its heading


def by_channel(rows: Sequence[Any]) -> list[tuple[str, list[Any]]]:
    """*rows* (each with a ``channel``) grouped per channel in report order, empty ones left out."""
    groups = [(ch, [r for r in rows if r.channel == ch]) for ch in CHANNELS]
    return [(ch, g) for ch, g in groups if g]


def channel_blocks(
    lang: str,
    title: str,
    rows: Sequence[Any],
    make: Callable[[list[Any]], Sequence[Flowable]],
) -> list[Flowable]:
    """One headed block per channel (``Воронка этапов: звонки``), or one when one channel.

    Calls and mystery shopping have their own checklists and stages: their tables and charts
    never mix, and the heading says which channel a table is about when there are several.
    """
    groups = by_channel(rows)
    if len(groups) <= 1:
        return block(title, *make(list(rows)))
    out: list[Flowable] = []
    for ch, group in groups:
        out += block(f"{title}: {tr(lang, CHANNEL_PLURAL[ch]).lower()}", *make(group))
    return out


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
    ]
    if any(len(s.channels_with_data) > 1 for _, s in columns):
        rows.append(row("combined_score", lambda s: fmt_pct(s.combined_score, lang)))
    rows += [
        row("at_target", lambda s: fmt_pct(s.at_target_share, lang)),
        row("critical_errors", lambda s: str(s.critical_errors)),
        row("conversion", lambda s: fmt_pct(s.conversion, lang)),
        row("goals", lambda s: f"{s.goals} / {s.with_outcome}"),
    ]
    return table(
        [tr(lang, "metric")] + [name for name, _ in columns], rows, [3] + [2] * len(columns)
    )


def weights_text(weights: dict[str, float] | None, lang: str) -> str:
    """``звонки 2, чаты 1, тайный покупатель 1`` or ``веса равные``."""
    if not weights:
        return tr(lang, "equal_weights")

    def num(w: float) -> str:
        text = f"{w:g}"
        return text.replace(".", ",") if lang == "ru" else text

    return ", ".join(
        f"{tr(lang, CHANNEL_PLURAL[c]).lower()} {num(weights.get(c, 0.0))}" for c in CHANNELS
    )


def channel_table(
    lang: str,
    rows: Sequence[ChannelRow],
    combined: tuple[float | None, float | None, float | None],
    *,
    team: bool,
) -> Flowable:
    """Channels with their score and weight, then the combined score (now, before, team)."""
    head = [tr(lang, "channel"), tr(lang, "evaluations"), tr(lang, "score")]
    head += [tr(lang, "previous")] + ([tr(lang, "team")] if team else []) + [tr(lang, "weight")]
    body = []
    for r in rows:
        line = [tr(lang, CHANNEL_PLURAL[r.channel]), str(r.evaluations), fmt_pct(r.score, lang)]
        line += [fmt_pct(r.previous, lang)] + ([fmt_pct(r.team, lang)] if team else [])
        body.append(line + [fmt_pct(r.weight, lang, 0)])
    now, before, team_score = combined
    last: list[Any] = [bold(tr(lang, "combined_score")), str(sum(r.evaluations for r in rows))]
    last += [fmt_pct(now, lang), fmt_pct(before, lang)]
    last += ([fmt_pct(team_score, lang)] if team else []) + [fmt_pct(100.0, lang, 0)]
    body.append(last)
    widths = [3.6, 1.4, 1.6, 1.8] + ([1.6] if team else []) + [1.6]
    return table(head, body, widths)


def people_channels_table(lang: str, r: TeamReport) -> Flowable:
    """Each consultant's score per channel with data in the team, and the combined score."""
    used = r.summary.channels_with_data
    head = [tr(lang, "consultant")] + [tr(lang, CHANNEL_PLURAL[c]) for c in used]
    head.append(tr(lang, "combined_score"))
    body = [
        [x.consultant]
        + [fmt_pct(dict(x.channel_scores).get(c), lang) for c in used]
        + [fmt_pct(x.combined_score, lang)]
        for x in r.ranking
    ]
    return table(head, body, [3.4] + [1.8] * len(used) + [2.2])


def channels_block(lang: str, r: ConsultantReport | TeamReport, team: bool) -> list[Flowable]:
    combined = (
        r.summary.combined_score,
        r.previous.combined_score,
        r.team.combined_score if isinstance(r, ConsultantReport) else None,
    )
    note = tr(lang, "weights_note", weights=weights_text(r.channel_weights, lang))
    return block(
        tr(lang, "channel_scores"),
        channel_table(lang, r.channels, combined, team=team),
        Spacer(1, 1.5 * mm),
        para(note, "small"),
    )


def kpi_table(lang: str, kpis: Sequence[KpiRow]) -> Flowable:
    rows = []
    for k in kpis:
        label = kpi_label(lang, k.key, k.target)
        if k.key == "critical":
            target, actual = str(int(k.target)), "—" if k.actual is None else str(int(k.actual))
        else:
            target, actual = fmt_pct(k.target, lang, 0), fmt_pct(k.actual, lang)
        status = tr(lang, "no_data" if k.met is None else "met" if k.met else "not_met")
        rows.append([label, target, actual, status])
    return table(
        [tr(lang, "metric"), tr(lang, "target"), tr(lang, "actual"), tr(lang, "status")],
        rows,
        [4, 1.5, 1.5, 2],
    )


def compliance_table(
    lang: str,
    rows: Sequence[ComplianceRow],
    *,
    with_section: bool,
    team: bool,
    channel_label: bool = False,
) -> Flowable:
    """Compliance rows; *channel_label* names each row's channel beside its section."""

    def section(r: ComplianceRow) -> str:
        if not channel_label:
            return r.section
        return f"{tr(lang, CHANNEL_PLURAL[r.channel])} · {r.section}"

    # Without a section column the rows are the sections themselves.
    head = [tr(lang, "criterion" if with_section else "section")]
    head += [tr(lang, "section")] if with_section else []
    head += [tr(lang, "compliance")] + ([tr(lang, "team")] if team else [])
    head += [tr(lang, "previous"), tr(lang, "answers")]
    body = []
    for r in rows:
        line = [r.title + (" *" if r.critical else "")] + ([section(r)] if with_section else [])
        line += [fmt_pct(r.value, lang)] + ([fmt_pct(r.team, lang)] if team else [])
        line += [fmt_pct(r.previous, lang), str(r.count)]
        body.append(line)
    widths = [4.5] + ([3] if with_section else []) + [1.6] + ([1.6] if team else []) + [1.8, 1.2]
    return table(head, body, widths)


def funnel_blocks(lang: str, rows: Sequence[FunnelRow]) -> list[Flowable]:
    """The funnel of each channel whose interactions reached a stage."""
    reached = [f for ch, group in by_channel(rows) if any(x.reached for x in group) for f in group]
    return channel_blocks(lang, tr(lang, "funnel"), reached, lambda g: (funnel_table(lang, g),))


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
                (period_label(r.period, lang), r.summary),
                (tr(lang, "previous"), r.previous),
                (tr(lang, "team"), r.team),
            ],
        ),
    )
    out += block(tr(lang, "kpi"), kpi_table(lang, r.kpis))
    if r.channels:
        out += channels_block(lang, r, team=True)
    out += block(
        tr(lang, "trend"),
        charts.trend_chart([(r.consultant, r.weekly), (tr(lang, "team"), r.team_weekly)], lang),
    )
    out += channel_blocks(
        lang,
        tr(lang, "sections"),
        r.sections,
        lambda rows: (
            charts.bar_chart([s for s in rows if s.value is not None], lang),
            compliance_table(lang, rows, with_section=False, team=True),
        ),
    )
    out += channel_blocks(
        lang,
        tr(lang, "criteria"),
        r.criteria,
        lambda rows: (
            compliance_table(lang, rows, with_section=True, team=True),
            para("* " + tr(lang, "critical_mark"), "small"),
        ),
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
    out += funnel_blocks(lang, r.funnel)
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
                        c.reviewer or tr(lang, "not_set"),
                        c.text,
                    ]
                    for c in r.comments
                ],
                [2, 2.6, 2, 5.4],
            ),
        )
    if r.coaching is not None:
        out += coaching_blocks(r.coaching, lang)
    if r.overall:
        out += block(
            tr(lang, "overall"),
            table(
                [
                    tr(lang, "date"),
                    tr(lang, "reviewer"),
                    tr(lang, "comment"),
                    tr(lang, "recommendation"),
                ],
                [
                    [
                        fmt_datetime(o.when, lang),
                        o.reviewer or tr(lang, "not_set"),
                        o.comment,
                        o.recommendation,
                    ]
                    for o in r.overall
                ],
                [2, 2, 4, 4],
            ),
        )
    return out


def team_story(r: TeamReport, lang: str) -> list[Flowable]:
    out: list[Flowable] = []
    out += block(
        tr(lang, "summary"),
        summary_table(
            lang, [(period_label(r.period, lang), r.summary), (tr(lang, "previous"), r.previous)]
        ),
    )
    out += block(tr(lang, "kpi"), kpi_table(lang, r.kpis))
    if r.channels:
        out += channels_block(lang, r, team=False)
    out += block(tr(lang, "trend"), charts.trend_chart([(tr(lang, "team"), r.weekly)], lang))
    rows = [
        [
            str(x.rank),
            x.consultant,
            str(x.evaluations),
            fmt_pct(x.combined_score, lang),
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
    if len(r.summary.channels_with_data) > 1:
        out += block(tr(lang, "people_channels"), people_channels_table(lang, r))
    # One heatmap per channel. A drawing never splits across pages: with many criteria they
    # are cut into pages as the people are.
    several = len(by_channel(r.heat_criteria)) > 1
    for ch, crits in by_channel(r.heat_criteria):
        values = {(c.consultant_id, c.criterion_id): c.value for c in r.heatmap if c.channel == ch}
        people = [p for p in r.heat_consultants if any(k[0] == p[0] for k in values)]
        title = tr(lang, "heatmap")
        if several:
            title += f": {tr(lang, CHANNEL_PLURAL[ch]).lower()}"
        for i in range(0, len(people), 8):
            for k in range(0, len(crits), HEAT_ROWS):
                chart = charts.heatmap(people[i : i + 8], crits[k : k + HEAT_ROWS], values, lang)
                out += block(title, chart)
    weakest_channels = len(by_channel(r.weakest)) > 1
    out += block(
        tr(lang, "weakest"),
        compliance_table(
            lang, r.weakest, with_section=True, team=False, channel_label=weakest_channels
        ),
    )
    out += channel_blocks(
        lang,
        tr(lang, "sections"),
        r.sections,
        lambda rows: (
            charts.bar_chart([s for s in rows if s.value is not None], lang),
            compliance_table(lang, rows, with_section=False, team=False),
        ),
    )
    out += funnel_blocks(lang, r.funnel)
    out += block(
        tr(lang, "reviewers"),
        table(
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
                    str(x.evaluations),
                    fmt_pct(x.share, lang),
                    fmt_pct(x.mean_score, lang),
                    str(x.disputes),
                    fmt_pct(x.disputes_accepted_share, lang),
                    fmt_num(x.dispute_days, lang),
                ]
                for x in r.reviewers
            ],
            [4, 2, 2, 2, 2, 2, 2],
        ),
    )
    if r.talk is not None:
        out += block(tr(lang, "talk"), talk_table(lang, [(tr(lang, "team"), r.talk)]))
    out += focus_progress_blocks(r.focus_progress, lang)
    return out
