"""An evaluation's stored score and the state the form shows, for every use case that edits one.

Answering a criterion, auto-prefill, the demo and moving an evaluation to another template
version all change answers and then keep the same derived values in step: the score (and
the interaction's copy of it, for the list), the left-out criteria and the incomplete flag.
They do it here, with the template looked up once per unit of work and passed along.
`load_evaluation` reads an evaluation with everything these need in one query.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from qcdesk.db.models import REGULAR, Evaluation, EvaluationAnswer, Reviewer
from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.domain.scoring import ScoreResult, score
from qcdesk.services.catalog import get_or_create
from qcdesk.services.dto import AnswerState, EvaluationState, ScoreView, SuggestionEvidence
from qcdesk.services.template_versions import template_of


def load_evaluation(s: Session, evaluation_id: int) -> Evaluation:
    """The evaluation with its version, interaction and reviewer in one query, its answers in
    a second; NoResultFound if there is none (as ``Session.get_one``)."""
    return s.scalars(
        select(Evaluation)
        .where(Evaluation.id == evaluation_id)
        .options(
            joinedload(Evaluation.version),
            joinedload(Evaluation.interaction),
            joinedload(Evaluation.reviewer),
            selectinload(Evaluation.answers),
        )
    ).one()


def is_regular(ev: Evaluation) -> bool:
    """A review of the interaction (None: a new row whose column default is not applied yet)."""
    return ev.purpose in (None, REGULAR)


def unanswered(template: ChecklistTemplate, values: dict[str, str | None]) -> tuple[str, ...]:
    """Ids of the criteria of *template* without an answer (N/A is an answer), in order."""
    return tuple(c.id for c in template.criteria() if values.get(c.id) is None)


def completeness(ev: Evaluation, template: ChecklistTemplate) -> None:
    """Keep ``left_out`` to what is still unanswered and the interaction's flag in step."""
    missing = unanswered(template, {a.criterion_id: a.value for a in ev.answers})
    if ev.left_out:
        ev.left_out = [c for c in ev.left_out if c in missing] or None
    if not is_regular(ev):
        return  # a calibration or reference evaluation leaves the interaction's copies alone
    ev.interaction.review_incomplete = ev.status == "reviewed" and bool(
        set(missing) - set(ev.left_out or ())
    )


def get_or_create_reviewer(s: Session, name: str) -> Reviewer | None:
    name = name.strip()
    if not name:
        return None
    return get_or_create(s, Reviewer, {"name": name})  # race-safe: see get_or_create


def store_score(
    ev: Evaluation, template: ChecklistTemplate | None = None, *, touch_status: bool = True
) -> ScoreResult:
    """Recompute the stored score after a change; the interaction keeps a copy for listing.

    A reviewer's first answer moves a new interaction to "in progress"; auto-prefill passes
    ``touch_status=False`` because nobody has worked on the call yet. *template* is the
    evaluation's (looked up when not given); the result is returned for `evaluation_state`.
    """
    template = template or template_of(ev.version)
    result = score(template, {a.criterion_id: a.value for a in ev.answers})
    ev.score = result.total
    ev.critical_failed = result.critical_failed
    ev.updated_at = datetime.now()
    completeness(ev, template)
    if not is_regular(ev):
        return result
    it = ev.interaction
    it.score = result.total
    it.critical_failed = result.critical_failed
    if touch_status and it.status == "new" and result.answered:
        it.status = "in_progress"
    return result


def _similarity(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _evidence(raw: Any) -> tuple[SuggestionEvidence, ...]:
    out = []
    for e in raw or ():
        if isinstance(e, dict):
            out.append(
                SuggestionEvidence(
                    int(e.get("segment", -1)),
                    float(e.get("start", 0.0)),
                    float(e.get("end", 0.0)),
                    str(e.get("speaker", "")),
                    str(e.get("quote", "")),
                    str(e.get("match", "")),
                    _similarity(e.get("similarity")),
                )
            )
    return tuple(out)


def answer_state(a: EvaluationAnswer) -> AnswerState:
    return AnswerState(
        a.criterion_id,
        a.value,
        a.comment or "",
        tuple(a.evidence or ()),
        suggested=bool(a.suggested),
        suggested_value=a.suggested_value,
        suggested_confidence=a.suggested_confidence,
        suggested_evidence=_evidence(a.suggested_evidence),
        confirmed=bool(a.confirmed),
    )


def evaluation_state(
    ev: Evaluation,
    template: ChecklistTemplate | None = None,
    result: ScoreResult | None = None,
) -> EvaluationState:
    """The frozen state the form shows; *template* and *result* save a second lookup and
    scoring when the caller has them (`store_score` returns the result)."""
    template = template or template_of(ev.version)
    values = {a.criterion_id: a.value for a in ev.answers}
    result = result or score(template, values)
    it = ev.interaction
    missing = unanswered(template, values)
    left_out = tuple(c for c in ev.left_out or () if c in missing)
    return EvaluationState(
        evaluation_id=ev.id,
        interaction_id=ev.interaction_id,
        template=template,
        template_version_id=ev.version_id,
        reviewer=ev.reviewer.name if ev.reviewer else "",
        answers={a.criterion_id: answer_state(a) for a in ev.answers},
        score=ScoreView(
            result.total,
            result.sections,
            result.critical_failed,
            result.answered,
            result.total_criteria,
        ),
        stage_reached=it.stage_reached,
        goal_achieved=it.goal_achieved,
        deal_amount=it.deal_amount,
        status=ev.status,
        suggested_stage=ev.suggested_stage,
        suggested_goal=ev.suggested_goal,
        autoscored_at=ev.autoscored_at,
        unanswered=missing,
        left_out=left_out,
        incomplete=ev.status == "reviewed" and len(missing) > len(left_out),
        overall_comment=ev.overall_comment or "",
        recommendation=ev.recommendation or "",
    )
