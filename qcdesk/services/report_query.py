"""Load one report's records in a few indexed queries and hand back plain values (`reports.model`).

The SQL lives here, among the services, so that `qcdesk.reports` stays pure: values in,
figures and files out.

The interactions of a period are found through ``ix_interactions_client_started`` (client +
start time) or, for one consultant's previous period, the consultant index; evaluations and
answers are reached through their interaction/evaluation indexes, so the cost follows the size
of the period, not of the database. Checklist versions are immutable, so their parsed templates
are cached per version id for the life of the process.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import Text, select, type_coerce
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from qcdesk.db.models import (
    REGULAR,
    ChecklistVersion,
    Client,
    Consultant,
    Dispute,
    Evaluation,
    EvaluationAnswer,
    Interaction,
    Reviewer,
    Transcript,
    TranscriptSegment,
    WorkspaceSetting,
)
from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.domain.scoring import earned_fraction, percent
from qcdesk.domain.stored_template import stored_template
from qcdesk.reports.model import (
    CHANNELS,
    AnswerRecord,
    CriterionMeta,
    Dataset,
    DisputeRecord,
    EvalRecord,
    OutcomeRecord,
    Period,
    SegmentRecord,
    Targets,
)

AGENCY_KEY = "agency_name"
REVIEWED = "reviewed"  # the evaluation status whose findings reports count
_CHUNK = 500  # stays under SQLite's bound-parameter limit


def _bounds(period: Period) -> tuple[datetime, datetime]:
    return (
        datetime.combine(period.start, time.min),
        datetime.combine(period.end + timedelta(days=1), time.min),
    )


def _templates(s: Session, version_ids: Iterable[int]) -> dict[int, ChecklistTemplate]:
    """Parsed templates by version id (`stored_template` caches them by that id)."""
    wanted = set(version_ids)
    if not wanted:
        return {}
    rows = s.execute(
        select(ChecklistVersion.id, ChecklistVersion.body).where(ChecklistVersion.id.in_(wanted))
    )
    return {vid: stored_template(vid, body) for vid, body in rows}


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def agency_name(s: Session) -> str:
    value = s.scalar(select(WorkspaceSetting.value).where(WorkspaceSetting.key == AGENCY_KEY))
    return value or ""


def load_dataset(
    s: Session, client_id: int, period: Period, *, previous_consultant: int | None = None
) -> Dataset:
    """Records for *period* (whole client) and its previous period.

    Args:
        previous_consultant: load the previous period for this consultant only (a consultant
            report compares the person with their own past, and the team only now).
    """
    client = s.get_one(Client, client_id)
    conn = s.connection()  # plain column selects: Core rows, no ORM result machinery
    consultants = {
        cid: name
        for cid, name in conn.execute(
            select(Consultant.id, Consultant.name).where(Consultant.client_id == client_id)
        )
    }
    prev = period.previous()
    interactions: dict[int, tuple[Any, ...]] = {}
    for p, consultant in ((period, None), (prev, previous_consultant)):
        lo, hi = _bounds(p)
        q = select(
            Interaction.id,
            Interaction.consultant_id,
            Interaction.kind,
            Interaction.started_at,
            Interaction.stage_reached,
            Interaction.goal_achieved,
            Interaction.customer_ref,
            Interaction.duration,
        ).where(
            Interaction.client_id == client_id,
            Interaction.started_at >= lo,
            Interaction.started_at < hi,
        )
        if consultant is not None:
            q = q.where(Interaction.consultant_id == consultant)
        for it_row in conn.execute(q):
            interactions[it_row[0]] = tuple(it_row)

    ids = sorted(interactions)
    # Reports count reviewers' findings only. An interaction counts when its newest evaluation
    # is marked reviewed: then its answers are the reviewer's and so is its outcome (auto-prefill
    # writes stage_reached/goal_achieved onto every interaction it scores, and keeps rewriting
    # them until the evaluation is signed off). An in-progress or untouched interaction adds
    # nothing: no score, no outcome, no funnel stage, no talk metrics. Only regular evaluations
    # are reviews: calibration answers and reference (golden) answers never count in reports.
    latest = latest_reviewed(conn, ids)

    answers: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    eval_ids = sorted(v[0] for v in latest.values())
    for chunk in _chunks(eval_ids):
        for ans_row in conn.execute(
            select(
                EvaluationAnswer.evaluation_id,
                EvaluationAnswer.criterion_id,
                EvaluationAnswer.value,
                EvaluationAnswer.comment,
                # Raw JSON text: most answers carry no evidence, so decode only when needed.
                type_coerce(EvaluationAnswer.evidence, Text),
            ).where(EvaluationAnswer.evaluation_id.in_(chunk))
        ):
            answers[ans_row[0]].append(tuple(ans_row))

    reviewers: dict[int, str] = {
        rid: name for rid, name in conn.execute(select(Reviewer.id, Reviewer.name))
    }
    templates = _templates(s, {v[2] for v in latest.values()})

    # Transcripts only for evaluated interactions of the current period: quotes and talk metrics.
    lo, hi = _bounds(period)
    current_eval_its = sorted(
        i for i, ev in latest.items() if answers.get(ev[0]) and lo <= interactions[i][3] < hi
    )
    segments = _segments(conn, current_eval_its)

    evals = []
    for iid, ev in latest.items():
        raw = [a for a in answers.get(ev[0], ()) if a[2] is not None]
        if not raw:
            continue  # an evaluation opened but never answered says nothing
        it = interactions[iid]
        evals.append(
            _eval_record(ev, it, raw, _plan(templates[ev[2]]), reviewers, segments.get(iid, ()))
        )
    evals.sort(key=lambda e: (e.started_at, e.interaction_id))
    disputes = _disputes(conn, sorted(e.evaluation_id for e in evals))

    outcomes = tuple(
        OutcomeRecord(it[0], it[1], it[2], it[3], it[4], it[5])
        for it in sorted(interactions.values(), key=lambda r: (r[3], r[0]))
        if it[0] in latest and (it[5] is not None or it[4] is not None)
    )
    catalogue = _Catalogue(templates, _order(latest, interactions))
    return Dataset(
        client_id=client.id,
        client_name=client.name,
        logo_path=client.logo_path,
        agency=agency_name(s),
        targets=Targets(
            score=client.kpi_score_target,
            conversion=client.kpi_conversion_target,
            max_critical=client.kpi_max_critical,
            recurring_share=client.recurring_error_share,
        ),
        consultants=consultants,
        criteria=catalogue.criteria,
        sections=catalogue.sections,
        stages=catalogue.stages,
        evals=tuple(evals),
        outcomes=outcomes,
        channel_weights=channel_weights(client.channel_weights),
        channel_stages=catalogue.channel_stages,
        channel_sections=catalogue.channel_sections,
        disputes=disputes,
    )


def latest_reviewed(conn: Connection, interaction_ids: list[int]) -> dict[int, tuple[Any, ...]]:
    """Each interaction's newest regular evaluation, where it is marked reviewed.

    Rows: (id, interaction_id, version_id, reviewer_id, score, critical_failed, status,
    overall_comment, recommendation). Calibration and reference evaluations are never reviews.
    """
    latest: dict[int, tuple[Any, ...]] = {}
    for chunk in _chunks(interaction_ids):
        for row in conn.execute(
            select(
                Evaluation.id,
                Evaluation.interaction_id,
                Evaluation.version_id,
                Evaluation.reviewer_id,
                Evaluation.score,
                Evaluation.critical_failed,
                Evaluation.status,
                Evaluation.overall_comment,
                Evaluation.recommendation,
            ).where(Evaluation.interaction_id.in_(chunk), Evaluation.purpose == REGULAR)
        ):
            ev_row: tuple[Any, ...] = tuple(row)
            held = latest.get(ev_row[1])
            if held is None or ev_row[0] > held[0]:
                latest[ev_row[1]] = ev_row
    return {iid: ev for iid, ev in latest.items() if ev[6] == REVIEWED}


def channel_weights(stored: Any) -> dict[str, float] | None:
    """The client's stored weights as floats; None (equal weights) when unset or unreadable."""
    if not isinstance(stored, dict):
        return None
    try:
        weights = {str(k): float(v) for k, v in stored.items()}
    except (TypeError, ValueError):
        return None
    return weights or None


def _order(
    latest: dict[int, tuple[Any, ...]], interactions: dict[int, tuple[Any, ...]]
) -> dict[str, list[int]]:
    """Version ids per channel, the most used first: its titles and order lead the report."""
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for iid, ev in latest.items():
        counts[interactions[iid][2]][ev[2]] += 1
    return {
        channel: sorted(by_version, key=lambda v: (-by_version[v], -v))
        for channel, by_version in counts.items()
    }


def _disputes(conn: Connection, evaluation_ids: list[int]) -> tuple[DisputeRecord, ...]:
    """Disputes on these evaluations; accepted answers are in the answers already."""
    out = []
    for chunk in _chunks(evaluation_ids):
        for eid, status, opened, decided in conn.execute(
            select(Dispute.evaluation_id, Dispute.status, Dispute.opened_at, Dispute.decided_at)
            .where(Dispute.evaluation_id.in_(chunk))
            .order_by(Dispute.id)
        ):
            out.append(DisputeRecord(eid, status, opened, decided))
    return tuple(out)


def _segments(conn: Connection, interaction_ids: list[int]) -> dict[int, tuple[SegmentRecord, ...]]:
    out: dict[int, list[SegmentRecord]] = defaultdict(list)
    for chunk in _chunks(interaction_ids):
        q = (
            select(
                Transcript.interaction_id,
                TranscriptSegment.speaker,
                TranscriptSegment.start,
                TranscriptSegment.end,
                TranscriptSegment.text,
            )
            .join(TranscriptSegment, TranscriptSegment.transcript_id == Transcript.id)
            .where(Transcript.interaction_id.in_(chunk))
            .order_by(Transcript.interaction_id, TranscriptSegment.idx)
        )
        for iid, speaker, start, end, text in conn.execute(q):
            out[iid].append(SegmentRecord(speaker, start, end, text))
    return {k: tuple(v) for k, v in out.items()}


class _Plan:
    """A template flattened for fast scoring of many evaluations.

    Fractions come from ``domain.scoring.earned_fraction`` (once per criterion and value), so
    the scoring rules stay in one place; sections are then weighted sums, as in ``score``.
    """

    def __init__(self, template: ChecklistTemplate) -> None:
        self.sections = tuple(sec.title for sec in template.sections)
        self.criteria: dict[str, tuple[int, float, dict[str, float | None]]] = {}
        for i, sec in enumerate(template.sections):
            for c in sec.criteria:
                self.criteria[c.id] = (i, c.weight, {v: earned_fraction(c, v) for v in c.values})


_PLANS: dict[int, _Plan] = {}


def _plan(template: ChecklistTemplate) -> _Plan:
    key = id(template)  # templates are cached for the process, so their ids are stable
    plan = _PLANS.get(key)
    if plan is None:
        plan = _PLANS[key] = _Plan(template)
    return plan


def _evidence(text: str | None) -> tuple[float, ...]:
    if not text or text == "[]":
        return ()
    return tuple(float(t) for t in json.loads(text))


def _eval_record(
    ev: tuple[Any, ...],
    it: tuple[Any, ...],
    raw: list[tuple[Any, ...]],
    plan: _Plan,
    reviewers: dict[int, str],
    segments: tuple[SegmentRecord, ...],
) -> EvalRecord:
    answers = []
    earned = [0.0] * len(plan.sections)
    weight = [0.0] * len(plan.sections)
    for _eid, cid, value, comment, evidence in raw:
        known = plan.criteria.get(cid)
        if known is None or value not in known[2]:
            continue  # an answer its version cannot score (the form never stores one)
        section, w, fractions = known
        fraction = fractions[value]
        if fraction is not None:
            earned[section] += w * fraction
            weight[section] += w
        answers.append(AnswerRecord(cid, value, fraction, comment or "", _evidence(evidence)))
    section_scores = tuple(
        (title, percent(e, w)) for title, e, w in zip(plan.sections, earned, weight, strict=True)
    )
    return EvalRecord(
        evaluation_id=ev[0],
        interaction_id=it[0],
        consultant_id=it[1],
        channel=it[2],
        started_at=it[3],
        reviewer=reviewers.get(ev[3], "") if ev[3] is not None else "",
        score=ev[4],
        critical_failed=bool(ev[5]),
        answers=tuple(answers),
        section_scores=section_scores,
        customer_ref=it[6],
        duration=it[7],
        segments=segments,
        overall_comment=(ev[7] or "").strip(),
        recommendation=(ev[8] or "").strip(),
    )


class _Catalogue:
    """Criteria, sections and stages per channel, across the versions each channel used."""

    def __init__(self, templates: dict[int, ChecklistTemplate], used: dict[str, list[int]]) -> None:
        criteria: dict[tuple[str, str], CriterionMeta] = {}
        sections: list[str] = []
        stages: dict[str, str] = {}
        self.channel_sections: dict[str, tuple[str, ...]] = {}
        self.channel_stages: dict[str, tuple[tuple[str, str], ...]] = {}
        for channel in CHANNELS:
            own_sections: list[str] = []
            own_stages: dict[str, str] = {}
            for vid in used.get(channel, ()):
                t = templates[vid]
                for sec in t.sections:
                    if sec.title not in own_sections:
                        own_sections.append(sec.title)
                    for c in sec.criteria:
                        criteria.setdefault(
                            (channel, c.id),
                            CriterionMeta(
                                c.id, c.title, sec.title, c.critical, channel, c.weight, c.guidance
                            ),
                        )
                for st in t.stages:
                    own_stages.setdefault(st.id, st.title)
            if own_sections or own_stages:
                self.channel_sections[channel] = tuple(own_sections)
                self.channel_stages[channel] = tuple(own_stages.items())
            sections += [t for t in own_sections if t not in sections]
            for sid, title in own_stages.items():
                stages.setdefault(sid, title)
        self.criteria = tuple(criteria.values())
        self.sections = tuple(sections)
        self.stages = tuple(stages.items())
