"""One consultant's reviewed evaluations across all time, for coaching (plans and progress).

Reports load a period of a whole company (`report_query.load_dataset`); coaching needs one
person's history on either side of a session instead. The evaluation records are built by the
same code as the reports' (`report_query._eval_record`), so "compliance" means the same thing
in both, and only evaluations whose newest version is marked reviewed count.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qcdesk.db.models import EvaluationAnswer, Interaction, Reviewer
from qcdesk.domain.progress import Observation
from qcdesk.reports.model import CriterionMeta, EvalRecord
from qcdesk.services.report_query import (
    _chunks,
    _eval_record,
    _plan,
    _segments,
    _templates,
    latest_reviewed,
)

Key = tuple[str, str]  # (channel, criterion id)


def consultant_evals(
    s: Session,
    consultant_id: int,
    *,
    before: datetime | None = None,
    with_segments: bool = False,
    newest: int | None = None,
) -> tuple[list[EvalRecord], dict[Key, CriterionMeta]]:
    """The consultant's reviewed, answered evaluations, oldest first, and their criteria.

    Args:
        before: only interactions that started before this moment.
        with_segments: load transcripts too (quotes for plan examples).
        newest: only the newest this many reviewed evaluations (answers and transcripts of
            older ones are never loaded: a long history stays cheap to propose from).
    """
    conn = s.connection()
    q = select(
        Interaction.id,
        Interaction.consultant_id,
        Interaction.kind,
        Interaction.started_at,
        Interaction.stage_reached,
        Interaction.goal_achieved,
        Interaction.customer_ref,
        Interaction.duration,
    ).where(Interaction.consultant_id == consultant_id, Interaction.started_at.is_not(None))
    if before is not None:
        q = q.where(Interaction.started_at < before)
    interactions = {row[0]: tuple(row) for row in conn.execute(q)}
    # The same rule as the reports: calibration and reference evaluations never count.
    latest = latest_reviewed(conn, sorted(interactions))
    if newest is not None:
        keep = sorted(latest, key=lambda i: (interactions[i][3], i))[-newest:]
        latest = {iid: latest[iid] for iid in keep}
    answers: dict[int, list[tuple[Any, ...]]] = {}
    for chunk in _chunks(sorted(ev[0] for ev in latest.values())):
        for ans in conn.execute(
            select(
                EvaluationAnswer.evaluation_id,
                EvaluationAnswer.criterion_id,
                EvaluationAnswer.value,
                EvaluationAnswer.comment,
                EvaluationAnswer.evidence,
            ).where(EvaluationAnswer.evaluation_id.in_(chunk))
        ):
            evidence = ans[4]
            raw = (ans[0], ans[1], ans[2], ans[3], None if not evidence else _as_json(evidence))
            answers.setdefault(ans[0], []).append(raw)
    reviewers = {rid: name for rid, name in conn.execute(select(Reviewer.id, Reviewer.name))}
    templates = _templates(s, {ev[2] for ev in latest.values()})
    segments = _segments(conn, sorted(latest)) if with_segments else {}
    records = []
    criteria: dict[Key, CriterionMeta] = {}
    for iid, ev in latest.items():
        raw_answers = [a for a in answers.get(ev[0], ()) if a[2] is not None]
        if not raw_answers:
            continue
        template = templates[ev[2]]
        channel = str(interactions[iid][2])
        for sec in template.sections:
            for c in sec.criteria:
                criteria.setdefault(
                    (channel, c.id),
                    CriterionMeta(
                        c.id, c.title, sec.title, c.critical, channel, c.weight, c.guidance
                    ),
                )
        records.append(
            _eval_record(
                ev,
                interactions[iid],
                raw_answers,
                _plan(template),
                reviewers,
                segments.get(iid, ()),
            )
        )
    records.sort(key=lambda e: (e.started_at, e.interaction_id))
    return records, criteria


def _as_json(evidence: Any) -> str:
    """The evidence list as the JSON text `_eval_record` decodes (it reads raw column text)."""
    return json.dumps(evidence)


def observations(records: Sequence[EvalRecord]) -> list[Observation]:
    """Evaluation records as the progress domain sees them: when, and what each criterion got."""
    return [
        Observation(
            e.started_at,
            e.evaluation_id,
            {(e.channel, a.criterion_id): a.fraction for a in e.answers if a.fraction is not None},
        )
        for e in records
    ]
