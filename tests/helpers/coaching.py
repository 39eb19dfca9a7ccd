"""Evaluations a coaching test writes itself: one call, one reviewer's answers, one status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from qcdesk.db.models import Client, Consultant, Evaluation, EvaluationAnswer, Interaction
from qcdesk.db.session import session_scope
from qcdesk.services.dto import Segment, TranscriptInfo
from qcdesk.services.scoresheet import get_or_create_reviewer, store_score
from qcdesk.services.template_versions import default_version, template_of


def full_marks(template: Any) -> dict[str, str]:
    """Every criterion of *template* answered with full credit ("yes", or 5 on a scale)."""
    return {c.id: "5" if c.answer == "scale_1_5" else "yes" for c in template.criteria()}


def add_call(
    services: Any,
    client_id: int,
    person_id: int,
    when: datetime,
    answers: Mapping[str, str],
    *,
    status: str = "reviewed",
    evidence: Mapping[str, Sequence[float]] | None = None,
    segments: Sequence[Segment] = (),
    media_id: int | None = None,
) -> int:
    """A call of *person_id* at *when* whose evaluation answers all criteria.

    Criteria missing from *answers* get full marks, so a test names only what it fails.
    """
    with session_scope(services.session_factory, services.db_path) as s:
        it = Interaction(
            kind="call",
            client=s.get_one(Client, client_id),
            consultant=s.get_one(Consultant, person_id),
            started_at=when,
            duration=60.0,
            status="new",
            media_id=media_id,
        )
        s.add(it)
        s.flush()
        version = default_version(s, "call", "ru", client_id)
        values = full_marks(template_of(version)) | dict(answers)
        ev = Evaluation(
            interaction=it,
            version=version,
            reviewer=get_or_create_reviewer(s, "Тестовый Ревьюер"),
            status=status,
        )
        s.add(ev)
        for cid, value in values.items():
            ev.answers.append(
                EvaluationAnswer(
                    criterion_id=cid, value=value, evidence=list((evidence or {}).get(cid, []))
                )
            )
        s.flush()
        store_score(ev)
        it.status = status
        iid = it.id
    if segments:
        services.interactions.save_transcript(iid, TranscriptInfo("ru", "import", tuple(segments)))
    return iid
