"""What the calibration service hands out, and the one place answers are written to a form.

Split from ``services.calibration`` to keep each file small: the frozen values the screens
and the CLI read (``CalibrationInfo``, ``CalibrationResults``), built by ``session_info``, and
``write_answers``, which checks every answer against the checklist before setting any.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from qcdesk.db.models import REFERENCE, CalibrationSession, Client, Evaluation, EvaluationAnswer
from qcdesk.domain.calibration import Comparison
from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError


@dataclass(frozen=True)
class CalibrationItemInfo:
    interaction_id: int
    kind: str
    consultant: str
    started_at: datetime | None
    template_title: str
    reference_id: int | None  # the reference evaluation, once the lead recorded it


@dataclass(frozen=True)
class CalibrationInfo:
    id: int
    client_id: int
    client: str
    title: str
    status: str  # open / closed
    created_at: datetime
    items: tuple[CalibrationItemInfo, ...]
    participants: tuple[tuple[str, bool], ...]  # (name, submitted)

    @property
    def results_open(self) -> bool:
        """Answers may be compared: everyone submitted, or the lead closed the session."""
        return self.status == "closed" or all(done for _, done in self.participants)


@dataclass(frozen=True)
class CalibrationResults:
    info: CalibrationInfo
    comparison: Comparison
    references: dict[int, dict[str, str | None]]  # interaction -> the recorded reference


def session_info(s: Session, session: CalibrationSession) -> CalibrationInfo:
    """The frozen view of *session*: its items (with any reference recorded), who submitted."""
    references = dict(
        s.execute(
            select(Evaluation.interaction_id, Evaluation.id).where(
                Evaluation.calibration_id == session.id, Evaluation.purpose == REFERENCE
            )
        ).all()
    )
    items = []
    for i in session.items:
        it = i.interaction
        items.append(
            CalibrationItemInfo(
                interaction_id=it.id,
                kind=it.kind,
                consultant=it.consultant.name if it.consultant else "",
                started_at=it.started_at,
                template_title=i.version.template.title,
                reference_id=references.get(it.id),
            )
        )
    return CalibrationInfo(
        id=session.id,
        client_id=session.client_id,
        client=s.get_one(Client, session.client_id).name,
        title=session.title,
        status=session.status,
        created_at=session.created_at,
        items=tuple(items),
        participants=tuple(
            (p.reviewer.name, p.submitted_at is not None) for p in session.participants
        ),
    )


def write_answers(
    ev: Evaluation, template: ChecklistTemplate, answers: dict[str, str], interaction_id: int
) -> None:
    """Set *answers* on *ev*, each checked against its criterion; nothing is set on an error."""
    by_id = {c.id: c for c in template.criteria()}
    for cid, value in answers.items():
        criterion = by_id.get(cid)
        if criterion is None or value not in criterion.values:
            raise KnownError(
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "Interaction {id}: {value} is not an answer to criterion {criterion} of "
                    "its checklist.",
                ),
                id=interaction_id,
                value=json.dumps(value, ensure_ascii=False),
                criterion=cid,
            )
    held = {a.criterion_id: a for a in ev.answers}
    for cid, value in answers.items():
        a = held.get(cid)
        if a is None:
            ev.answers.append(
                EvaluationAnswer(criterion_id=cid, value=value, comment="", evidence=[])
            )
        else:
            a.value = value
            a.confirmed = True
