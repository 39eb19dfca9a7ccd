"""Report figures as pure functions of plain records (no database, no Qt).

Definitions the department agreed on, in one place:
- compliance of a criterion: the earned share of its weight averaged over the evaluations that
  answered it; N/A and unanswered leave the denominator;
- compliance of a section: the evaluations' section percentages averaged (None ones left out);
- only reviewed evaluations count, and only the outcomes of their interactions (see
  ``services.report_query.load_dataset``): auto-prefill's answers and outcomes are not findings;
- conversion: goals achieved over interactions with an outcome (goal recorded, true or false);
- a failure: a criterion that earned nothing ("no", or 1 on a 1-5 scale);
- a recurring error: failed in at least ``recurring_share`` of the person's evaluations and at
  least three times;
- channel scores and the combined score: see ``channels``.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from qcdesk.reports.channels import channel_rows, combined_score
from qcdesk.reports.model import (
    CHANNELS,
    CommentRow,
    ComplianceRow,
    ConsultantReport,
    CriterionMeta,
    CriticalRow,
    Dataset,
    EvalRecord,
    Evidence,
    FunnelRow,
    HeatCell,
    InteractionRef,
    KpiRow,
    OutcomeRecord,
    OverallRow,
    Period,
    RankingRow,
    RecurringError,
    ReviewerLoad,
    SegmentRecord,
    Summary,
    TalkMetrics,
    TeamReport,
    WeekPoint,
)

MIN_RECURRING = 3
MAX_EVIDENCE = 3
MAX_COMMENTS = 20
BEST_WORST = 3
CONSULTANT_SPEAKERS = ("consultant", "A")


def mean(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def in_period(records: Iterable[EvalRecord], period: Period) -> list[EvalRecord]:
    return [r for r in records if period.contains(r.started_at)]


def outcomes_in(records: Iterable[OutcomeRecord], period: Period) -> list[OutcomeRecord]:
    return [r for r in records if period.contains(r.started_at)]


def summary(
    evals: Sequence[EvalRecord],
    outcomes: Sequence[OutcomeRecord],
    score_target: float,
    weights: Mapping[str, float] | None = None,
) -> Summary:
    scores = [e.score for e in evals if e.score is not None]
    channels = Counter(e.channel for e in evals)
    per_channel = {c: mean(e.score for e in evals if e.channel == c) for c in CHANNELS}
    with_goal = [o for o in outcomes if o.goal_achieved is not None]
    goals = sum(1 for o in with_goal if o.goal_achieved)
    return Summary(
        evaluations=len(evals),
        by_channel=tuple((c, channels.get(c, 0)) for c in CHANNELS),
        mean_score=mean(scores),
        at_target_share=100.0 * sum(s >= score_target for s in scores) / len(scores)
        if scores
        else None,
        critical_errors=sum(1 for e in evals if e.critical_failed),
        conversion=100.0 * goals / len(with_goal) if with_goal else None,
        goals=goals,
        with_outcome=len(with_goal),
        channel_scores=tuple(per_channel.items()),
        combined_score=combined_score(per_channel, weights),
    )


def kpis(s: Summary, ds: Dataset) -> tuple[KpiRow, ...]:
    """KPI rows; with several channels the score KPI is the combined score ("combined")."""
    t = ds.targets
    actual = s.headline_score
    score_met = None if actual is None else actual >= t.score
    conv_met = None if s.conversion is None else s.conversion >= t.conversion
    crit_met = None if s.evaluations == 0 else s.critical_errors <= t.max_critical
    crit_actual = None if s.evaluations == 0 else float(s.critical_errors)
    key = "combined" if len(s.channels_with_data) > 1 else "score"
    return (
        KpiRow(key, t.score, actual, score_met),
        KpiRow("conversion", t.conversion, s.conversion, conv_met),
        KpiRow("critical", float(t.max_critical), crit_actual, crit_met),
    )


Key = tuple[str, str]  # (channel, criterion id or section title): channels never mix


def criterion_compliance(evals: Iterable[EvalRecord]) -> dict[Key, tuple[float, int]]:
    """(channel, criterion id) -> (percent, answers counted)."""
    acc: dict[Key, list[float]] = defaultdict(list)
    for e in evals:
        for a in e.answers:
            if a.fraction is not None:
                acc[(e.channel, a.criterion_id)].append(a.fraction)
    return {k: (100.0 * sum(v) / len(v), len(v)) for k, v in acc.items()}


def section_compliance(evals: Iterable[EvalRecord]) -> dict[Key, tuple[float, int]]:
    acc: dict[Key, list[float]] = defaultdict(list)
    for e in evals:
        for title, pct in e.section_scores:
            if pct is not None:
                acc[(e.channel, title)].append(pct)
    return {k: (sum(v) / len(v), len(v)) for k, v in acc.items()}


def channels_of(*groups: Iterable[EvalRecord | OutcomeRecord]) -> tuple[str, ...]:
    """The channels that have records in any of *groups*, in report order."""
    seen = {r.channel for g in groups for r in g}
    return tuple(c for c in CHANNELS if c in seen)


def section_keys(ds: Dataset, channels: Iterable[str]) -> list[Key]:
    """(channel, section title) in template order for each of *channels*."""
    return [(ch, t) for ch in channels for t in ds.channel_sections.get(ch, ds.sections)]


def compliance_rows(
    ds: Dataset,
    evals: Sequence[EvalRecord],
    team: Sequence[EvalRecord] = (),
    previous: Sequence[EvalRecord] = (),
    channels: Iterable[str] | None = None,
) -> tuple[tuple[ComplianceRow, ...], tuple[ComplianceRow, ...]]:
    """(sections, criteria) rows with the team's and the previous period's figure beside.

    Only the criteria and sections of *channels* are listed (default: those of *evals* and
    *previous*), so a consultant who only takes calls gets no mystery-shopping criteria.
    """
    shown = tuple(channels) if channels is not None else channels_of(evals, previous)
    own, tm, pv = (criterion_compliance(x) for x in (evals, team, previous))

    def row(key: Key, title: str, section: str, stats: tuple[dict[Key, tuple[float, int]], ...],
            critical: bool = False) -> ComplianceRow:  # fmt: skip
        mine, theirs, before = stats
        return ComplianceRow(
            key[1],
            title,
            section,
            mine[key][0] if key in mine else None,
            mine[key][1] if key in mine else 0,
            theirs[key][0] if key in theirs else None,
            before[key][0] if key in before else None,
            critical,
            key[0],
        )

    criteria = tuple(
        row((c.channel, c.id), c.title, c.section, (own, tm, pv), c.critical)
        for c in ds.criteria
        if c.channel in shown
    )
    stats = tuple(section_compliance(x) for x in (evals, team, previous))
    sections = tuple(row(k, k[1], k[1], stats) for k in section_keys(ds, shown))
    return sections, criteria


def week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def weekly(evals: Iterable[EvalRecord], period: Period) -> tuple[WeekPoint, ...]:
    """Mean score per week (Monday-based), every week of the period listed, empty ones None."""
    acc: dict[date, list[float]] = defaultdict(list)
    for e in evals:
        if e.score is not None:
            acc[week_start(e.started_at.date())].append(e.score)
    out = []
    w = week_start(period.start)
    while w <= period.end:
        vals = acc.get(w, [])
        out.append(WeekPoint(w, mean(vals), len(vals)))
        w += timedelta(days=7)
    return tuple(out)


def funnel(ds: Dataset, outcomes: Sequence[OutcomeRecord]) -> tuple[FunnelRow, ...]:
    """Where interactions ended, and how many reached each stage (ended there or later).

    One funnel per channel with outcomes, over that channel's own stages: a call that ended
    at "closing" and a mystery visit that ended at "closing" are different funnels.
    """
    rows = []
    for channel in channels_of(outcomes):
        stages = ds.channel_stages.get(channel, ds.stages)
        order = [sid for sid, _ in stages]
        ended = Counter(
            o.stage_reached for o in outcomes if o.channel == channel and o.stage_reached in order
        )
        total = sum(ended.values())
        for i, (sid, title) in enumerate(stages):
            reached = sum(ended[s] for s in order[i:])
            share = 100.0 * reached / total if total else None
            rows.append(FunnelRow(sid, title, ended[sid], reached, share, channel))
    return tuple(rows)


def quote_at(segments: Sequence[SegmentRecord], t: float) -> str:
    """The transcript segment at *t* seconds, or the nearest one when *t* falls in a pause."""
    if not segments:
        return ""
    for seg in segments:
        if seg.start - 0.25 <= t <= seg.end + 0.25:
            return seg.text
    return min(segments, key=lambda seg: min(abs(seg.start - t), abs(seg.end - t))).text


def evidence_for(e: EvalRecord, criterion_id: str) -> Evidence:
    answer = next(a for a in e.answers if a.criterion_id == criterion_id)
    if answer.evidence and e.segments:
        return Evidence(
            e.started_at, e.interaction_id, quote_at(e.segments, answer.evidence[0]), "transcript"
        )
    if answer.comment.strip():
        return Evidence(e.started_at, e.interaction_id, answer.comment.strip(), "comment")
    return Evidence(e.started_at, e.interaction_id, "", "none")


def recurring_errors(
    ds: Dataset, evals: Sequence[EvalRecord], share: float
) -> tuple[RecurringError, ...]:
    """Criteria failed in >= *share* of *evals* and at least three times, worst first."""
    failed: dict[Key, list[EvalRecord]] = defaultdict(list)
    for e in evals:
        for a in e.answers:
            if a.fraction == 0.0:
                failed[(e.channel, a.criterion_id)].append(e)
    titles = _titles(ds)
    out = []
    n = len(evals)
    for (channel, cid), hits in failed.items():
        if len(hits) < MIN_RECURRING or len(hits) < share * n:
            continue
        ranked = sorted(
            (evidence_for(e, cid) for e in hits),
            key=lambda ev: (
                {"transcript": 0, "comment": 1, "none": 2}[ev.source],
                -ev.when.timestamp(),
            ),
        )
        chosen = sorted(ranked[:MAX_EVIDENCE], key=lambda ev: ev.when)
        out.append(
            RecurringError(
                cid,
                titles.get((channel, cid), cid),
                len(hits),
                n,
                100.0 * len(hits) / n,
                tuple(chosen),
            )
        )
    return tuple(sorted(out, key=lambda r: (-r.share, r.title)))


def _titles(ds: Dataset) -> dict[Key, str]:
    return {(c.channel, c.id): c.title for c in ds.criteria}


def best_worst(
    evals: Sequence[EvalRecord],
) -> tuple[tuple[InteractionRef, ...], tuple[InteractionRef, ...]]:
    scored = [e for e in evals if e.score is not None]
    ref = [
        InteractionRef(
            e.interaction_id, e.started_at, e.channel, e.score, e.customer_ref, e.critical_failed
        )
        for e in sorted(scored, key=lambda e: (-(e.score or 0.0), e.started_at))
    ]
    best = tuple(ref[:BEST_WORST])
    worst = tuple(reversed(ref[len(best) :][-BEST_WORST:])) if len(ref) > len(best) else ()
    return best, worst


def comments(ds: Dataset, evals: Sequence[EvalRecord]) -> tuple[CommentRow, ...]:
    titles = _titles(ds)
    rows = [
        CommentRow(
            e.started_at,
            e.interaction_id,
            titles.get((e.channel, a.criterion_id), a.criterion_id),
            e.reviewer,
            a.comment.strip(),
        )
        for e in evals
        for a in e.answers
        if a.comment.strip()
    ]
    rows.sort(key=lambda r: (r.when, r.interaction_id), reverse=True)
    return tuple(rows[:MAX_COMMENTS])


def overall_rows(evals: Sequence[EvalRecord]) -> tuple[OverallRow, ...]:
    """Overall comments and recommendations, newest first (as many as comments)."""
    rows = [
        OverallRow(e.started_at, e.interaction_id, e.reviewer, e.overall_comment, e.recommendation)
        for e in evals
        if e.overall_comment or e.recommendation
    ]
    rows.sort(key=lambda r: (r.when, r.interaction_id), reverse=True)
    return tuple(rows[:MAX_COMMENTS])


def criticals(ds: Dataset, evals: Sequence[EvalRecord]) -> tuple[CriticalRow, ...]:
    crit = {(c.channel, c.id): c.title for c in ds.criteria if c.critical}
    return tuple(
        CriticalRow(e.started_at, e.interaction_id, crit[(e.channel, a.criterion_id)])
        for e in evals
        for a in e.answers
        if (e.channel, a.criterion_id) in crit and a.fraction == 0.0
    )


def talk_metrics(evals: Sequence[EvalRecord]) -> TalkMetrics | None:
    """Averages over the interactions with a transcript; None when none has one."""
    with_text = [e for e in evals if e.segments]
    if not with_text:
        return None
    shares, questions = [], []
    for e in with_text:
        mine = sum(s.end - s.start for s in e.segments if s.speaker in CONSULTANT_SPEAKERS)
        total = sum(s.end - s.start for s in e.segments)
        if total > 0:
            shares.append(100.0 * mine / total)
        questions.append(
            float(sum(s.text.count("?") for s in e.segments if s.speaker in CONSULTANT_SPEAKERS))
        )
    return TalkMetrics(
        len(with_text), mean(shares), mean(questions), mean(e.duration for e in with_text)
    )


def _header(ds: Dataset, period: Period) -> dict[str, Any]:
    """The fields every report shares (see ``model.Report``), taken from the dataset."""
    return {
        "client_id": ds.client_id,
        "client": ds.client_name,
        "agency": ds.agency,
        "logo_path": ds.logo_path,
        "period": period,
        "previous_period": period.previous(),
        "targets": ds.targets,
        "criteria_meta": ds.criteria,
        "consultants": dict(ds.consultants),
        "channel_weights": ds.channel_weights,
    }


def consultant_report(ds: Dataset, consultant_id: int, period: Period) -> ConsultantReport:
    prev_period = period.previous()
    team_now = in_period(ds.evals, period)
    mine = [e for e in team_now if e.consultant_id == consultant_id]
    mine_prev = [e for e in in_period(ds.evals, prev_period) if e.consultant_id == consultant_id]
    out_team = outcomes_in(ds.outcomes, period)
    out_mine = [o for o in out_team if o.consultant_id == consultant_id]
    out_prev = [
        o for o in outcomes_in(ds.outcomes, prev_period) if o.consultant_id == consultant_id
    ]
    target, weights = ds.targets.score, ds.channel_weights
    s_now = summary(mine, out_mine, target, weights)
    s_prev = summary(mine_prev, out_prev, target, weights)
    s_team = summary(team_now, out_team, target, weights)
    shown = channels_of(mine, mine_prev, out_mine)
    sections, criteria = compliance_rows(ds, mine, team_now, mine_prev, shown)
    best, worst = best_worst(mine)
    return ConsultantReport(
        consultant_id=consultant_id,
        consultant=ds.consultants.get(consultant_id, str(consultant_id)),
        **_header(ds, period),
        summary=s_now,
        previous=s_prev,
        team=s_team,
        kpis=kpis(s_now, ds),
        weekly=weekly(mine, period),
        team_weekly=weekly(team_now, period),
        sections=sections,
        criteria=criteria,
        criticals=criticals(ds, mine),
        funnel=funnel(ds, out_mine),
        recurring=recurring_errors(ds, mine, ds.targets.recurring_share),
        best=best,
        worst=worst,
        comments=comments(ds, mine),
        talk=talk_metrics(mine),
        team_talk=talk_metrics(team_now),
        channels=channel_rows(s_now, s_prev, s_team, weights),
        overall=overall_rows(mine),
        raw=tuple(mine),
    )


def _reviewer_load(ds: Dataset, now: list[EvalRecord], name: str, n: int) -> ReviewerLoad:
    """A reviewer's share of the period's evaluations, and the disputes on theirs."""
    mine = {e.evaluation_id for e in now if e.reviewer == name}
    disputes = [d for d in ds.disputes if d.evaluation_id in mine]
    decided = [(d, d.decided_at) for d in disputes if d.status != "open" and d.decided_at]
    accepted = sum(d.status in ("accepted", "partially_accepted") for d, _ in decided)
    days = [(at - d.opened_at).total_seconds() / 86400 for d, at in decided]
    return ReviewerLoad(
        name,
        n,
        100.0 * n / len(now),
        mean(e.score for e in now if e.reviewer == name),
        disputes=len(disputes),
        disputes_accepted_share=100.0 * accepted / len(decided) if decided else None,
        dispute_days=statistics.median(days) if days else None,
    )


def team_report(ds: Dataset, period: Period) -> TeamReport:
    prev_period = period.previous()
    now = in_period(ds.evals, period)
    prev = in_period(ds.evals, prev_period)
    out_now = outcomes_in(ds.outcomes, period)
    target, weights = ds.targets.score, ds.channel_weights
    s_now = summary(now, out_now, target, weights)
    s_prev = summary(prev, outcomes_in(ds.outcomes, prev_period), target, weights)
    sections, criteria = compliance_rows(ds, now, (), prev, channels_of(now, prev))
    by_person: dict[int, list[EvalRecord]] = defaultdict(list)
    for e in now:
        if e.consultant_id is not None:
            by_person[e.consultant_id].append(e)
    prev_by: dict[int, list[EvalRecord]] = defaultdict(list)
    for e in prev:
        if e.consultant_id is not None:
            prev_by[e.consultant_id].append(e)
    out_by: dict[int, list[OutcomeRecord]] = defaultdict(list)
    for o in out_now:
        if o.consultant_id is not None:
            out_by[o.consultant_id].append(o)
    people = sorted(set(by_person) | set(out_by))
    stats = {p: summary(by_person[p], out_by[p], target, weights) for p in people}
    order = sorted(
        people,
        key=lambda p: (
            stats[p].combined_score is None,
            -(stats[p].combined_score or 0.0),
            ds.consultants.get(p, ""),
        ),
    )
    ranking = tuple(
        RankingRow(
            rank=i + 1,
            consultant_id=p,
            consultant=ds.consultants.get(p, str(p)),
            evaluations=stats[p].evaluations,
            mean_score=stats[p].mean_score,
            previous_score=summary(prev_by.get(p, []), (), target, weights).combined_score,
            at_target_share=stats[p].at_target_share,
            conversion=stats[p].conversion,
            critical_errors=stats[p].critical_errors,
            goals_share=100.0 * stats[p].goals / s_now.goals if s_now.goals else None,
            evaluations_share=100.0 * stats[p].evaluations / s_now.evaluations
            if s_now.evaluations
            else None,
            channel_scores=stats[p].channel_scores,
            combined_score=stats[p].combined_score,
        )
        for i, p in enumerate(order)
    )
    heat_people = tuple((p, ds.consultants.get(p, str(p))) for p in order if by_person.get(p))
    per_person = {p: criterion_compliance(by_person[p]) for p, _ in heat_people}
    # One heatmap per channel: a criterion id may repeat across channels' checklists.
    heat = tuple(
        HeatCell(p, c.id, per_person[p][(c.channel, c.id)][0], c.channel)
        for c in ds.criteria
        for p, _ in heat_people
        if (c.channel, c.id) in per_person[p]
    )
    measured = {(h.channel, h.criterion_id) for h in heat}
    weakest = tuple(
        sorted((c for c in criteria if c.value is not None), key=lambda c: (c.value, c.title))[:5]
    )
    reviewers = Counter(e.reviewer for e in now)
    loads = tuple(
        _reviewer_load(ds, now, name, n)
        for name, n in sorted(reviewers.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return TeamReport(
        **_header(ds, period),
        summary=s_now,
        previous=s_prev,
        kpis=kpis(s_now, ds),
        ranking=ranking,
        heat_consultants=heat_people,
        heat_criteria=tuple(c for c in ds.criteria if (c.channel, c.id) in measured),
        heatmap=heat,
        weekly=weekly(now, period),
        weakest=weakest,
        sections=sections,
        funnel=funnel(ds, out_now),
        reviewers=loads,
        talk=talk_metrics(now),
        channels=channel_rows(s_now, s_prev, None, weights),
        raw=tuple(now),
    )


def criterion_titles(criteria: Iterable[CriterionMeta]) -> dict[str, str]:
    return {c.id: c.title for c in criteria}
