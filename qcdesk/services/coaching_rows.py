"""Coaching rows as frozen values: stored plans and sessions read back, example quotes picked.

Kept apart from `coaching` (the use cases) so that both stay short; nothing here opens a
session of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from qcdesk.db.models import CoachingPlan, CoachingSession, Consultant
from qcdesk.reports.build import quote_at
from qcdesk.reports.model import EvalRecord
from qcdesk.services.coaching_dto import (
    ActionInfo,
    FocusItem,
    PlanExample,
    PlanInfo,
    SessionInfo,
)


def focus_items(rows: Sequence[dict[str, object]]) -> tuple[FocusItem, ...]:
    out = []
    for r in rows:
        target = r.get("target")
        out.append(
            FocusItem(
                str(r.get("channel", "call")),
                str(r.get("criterion", "")),
                str(r.get("title", "")),
                None if target is None else float(target),  # type: ignore[arg-type]
                int(r.get("failures", 0) or 0),  # type: ignore[call-overload]
                int(r.get("answered", 0) or 0),  # type: ignore[call-overload]
                float(r.get("weight", 0.0) or 0.0),  # type: ignore[arg-type]
            )
        )
    return tuple(out)


def plan_examples(rows: Sequence[dict[str, object]]) -> tuple[PlanExample, ...]:
    out = []
    for r in rows:
        at, when = r.get("at"), r.get("when")
        out.append(
            PlanExample(
                int(r["interaction_id"]),  # type: ignore[call-overload]
                str(r.get("channel", "call")),
                str(r.get("criterion", "")),
                bool(r.get("good")),
                str(r.get("quote", "")),
                None if at is None else float(at),  # type: ignore[arg-type]
                datetime.fromisoformat(str(when)) if when else None,
            )
        )
    return tuple(out)


def plan_info(row: CoachingPlan, person: Consultant) -> PlanInfo:
    return PlanInfo(
        id=row.id,
        consultant_id=person.id,
        consultant=person.name,
        client_id=person.client_id,
        version=row.version,
        created_at=row.created_at,
        coach=row.coach,
        due_date=row.due_date,
        notes=row.notes,
        focus=focus_items(row.focus or []),
        examples=plan_examples(row.examples or []),
    )


def session_info(s: Session, row: CoachingSession) -> SessionInfo:
    person = s.get(Consultant, row.consultant_id) if row.consultant_id else None
    plan = s.get(CoachingPlan, row.plan_id) if row.plan_id else None
    return SessionInfo(
        id=row.id,
        client_id=row.client_id,
        consultant_id=row.consultant_id,
        consultant=person.name if person else None,
        plan_id=row.plan_id,
        plan_version=plan.version if plan else None,
        held_at=row.held_at,
        format=row.format,
        participants=tuple(row.participants or ()),
        notes=row.notes,
        acknowledged=row.acknowledged,
        acknowledged_on=row.acknowledged_on,
        actions=tuple(
            ActionInfo(a.id, row.id, a.text, a.owner, a.due_date, a.done, a.done_on)
            for a in row.actions
        ),
    )


def example_for(e: EvalRecord, criterion_id: str, good: bool) -> PlanExample | None:
    """A quote of *e* on the criterion: the transcript at the evidence time, else the comment."""
    answer = next((a for a in e.answers if a.criterion_id == criterion_id), None)
    if answer is None:
        return None
    if answer.evidence and e.segments:
        at = answer.evidence[0]
        return PlanExample(
            e.interaction_id, e.channel, criterion_id, good, quote_at(e.segments, at), at,
            e.started_at,
        )  # fmt: skip
    if answer.comment.strip():
        return PlanExample(
            e.interaction_id, e.channel, criterion_id, good, answer.comment.strip(), None,
            e.started_at,
        )  # fmt: skip
    return None


def pick_examples(
    records: Sequence[EvalRecord], key: tuple[str, str], *, bad: int = 1, good: int = 1
) -> list[PlanExample]:
    """The newest failures and full passes of the criterion that have a quote to show."""
    out: list[PlanExample] = []
    for want_good, limit in ((False, bad), (True, good)):
        found = 0
        for e in reversed(records):
            if found >= limit:
                break
            if e.channel != key[0]:
                continue
            a = next((x for x in e.answers if x.criterion_id == key[1]), None)
            if a is None or a.fraction is None or (a.fraction == 1.0) != want_good:
                continue
            if not want_good and a.fraction != 0.0:
                continue  # partial credit is neither a clear failure nor a good example
            ex = example_for(e, key[1], want_good)
            if ex is not None:
                out.append(ex)
                found += 1
    return out
