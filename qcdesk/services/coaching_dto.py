"""Frozen values of coaching: plans, sessions, actions and progress (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from qcdesk.domain.progress import CriterionProgress

FORMATS = ("one_to_one", "group", "call", "meeting")
"""Session formats: one-to-one, a group session, on a call, and the team's planning meeting."""


@dataclass(frozen=True)
class FocusItem:
    channel: str
    criterion_id: str
    title: str
    target: float | None = None  # percent
    # Why it was proposed (read-only figures; 0 for a focus added by hand).
    failures: int = 0
    answered: int = 0
    weight: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "channel": self.channel,
            "criterion": self.criterion_id,
            "title": self.title,
            "target": self.target,
            "failures": self.failures,
            "answered": self.answered,
            "weight": self.weight,
        }


@dataclass(frozen=True)
class PlanExample:
    """A quote (and where it is in the recording) showing a focus criterion done well or not."""

    interaction_id: int
    channel: str
    criterion_id: str
    good: bool
    quote: str
    at: float | None = None  # seconds into the recording; None for a chat or a comment
    when: datetime | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "interaction_id": self.interaction_id,
            "channel": self.channel,
            "criterion": self.criterion_id,
            "good": self.good,
            "quote": self.quote,
            "at": self.at,
            "when": self.when.isoformat() if self.when else None,
        }


@dataclass(frozen=True)
class PlanDraft:
    focus: tuple[FocusItem, ...]
    due_date: date | None = None
    coach: str = ""
    notes: str = ""
    examples: tuple[PlanExample, ...] = ()


@dataclass(frozen=True)
class PlanInfo:
    """A stored plan version, or (``version`` 0, ``id`` None) a proposal not yet saved."""

    id: int | None
    consultant_id: int
    consultant: str
    client_id: int
    version: int
    created_at: datetime | None
    coach: str
    due_date: date | None
    notes: str
    focus: tuple[FocusItem, ...]
    examples: tuple[PlanExample, ...]

    @property
    def proposed(self) -> bool:
        return self.id is None

    def draft(self) -> PlanDraft:
        return PlanDraft(self.focus, self.due_date, self.coach, self.notes, self.examples)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "consultant": self.consultant,
            "version": self.version,
            "proposed": self.proposed,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "coach": self.coach,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "notes": self.notes,
            "focus": [f.as_json() for f in self.focus],
            "examples": [e.as_json() for e in self.examples],
        }


@dataclass(frozen=True)
class ActionDraft:
    text: str
    owner: str = ""
    due_date: date | None = None


@dataclass(frozen=True)
class ActionInfo:
    id: int
    session_id: int
    text: str
    owner: str
    due_date: date | None
    done: bool
    done_on: date | None

    def overdue(self, today: date) -> bool:
        """Open and past its due date: the screens and reports highlight it."""
        return not self.done and self.due_date is not None and self.due_date < today

    def as_json(self, today: date) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "owner": self.owner,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "done": self.done,
            "done_on": self.done_on.isoformat() if self.done_on else None,
            "overdue": self.overdue(today),
        }


@dataclass(frozen=True)
class SessionDraft:
    client_id: int
    held_at: datetime
    format: str  # one of FORMATS
    consultant_id: int | None = None  # None: a group session or a planning meeting
    participants: tuple[str, ...] = ()
    notes: str = ""
    actions: tuple[ActionDraft, ...] = ()
    acknowledged: bool = False
    acknowledged_on: date | None = None
    plan_id: int | None = None  # None: the consultant's current plan, when there is one


@dataclass(frozen=True)
class SessionInfo:
    id: int
    client_id: int
    consultant_id: int | None
    consultant: str | None
    plan_id: int | None
    plan_version: int | None
    held_at: datetime
    format: str
    participants: tuple[str, ...]
    notes: str
    acknowledged: bool
    acknowledged_on: date | None
    actions: tuple[ActionInfo, ...] = field(default=())

    def as_json(self, today: date) -> dict[str, Any]:
        return {
            "id": self.id,
            "consultant": self.consultant,
            "plan_version": self.plan_version,
            "held_at": self.held_at.isoformat(timespec="minutes"),
            "format": self.format,
            "participants": list(self.participants),
            "notes": self.notes,
            "acknowledged": self.acknowledged,
            "acknowledged_on": self.acknowledged_on.isoformat() if self.acknowledged_on else None,
            "actions": [a.as_json(today) for a in self.actions],
        }


@dataclass(frozen=True)
class ProgressRow:
    focus: FocusItem
    figures: CriterionProgress

    def as_json(self) -> dict[str, Any]:
        f = self.figures

        def r(v: float | None) -> float | None:
            return None if v is None else round(v, 1)

        return {
            "channel": self.focus.channel,
            "criterion": self.focus.criterion_id,
            "title": self.focus.title,
            "target": self.focus.target,
            "before": r(f.before),
            "after": r(f.after),
            "n_before": f.n_before,
            "n_after": f.n_after,
            "conclusive": f.conclusive,
            "reason": f.reason,
            "p_value": None if f.p_value is None else round(f.p_value, 4),
        }


@dataclass(frozen=True)
class ProgressInfo:
    """Before/after figures of a consultant's focus criteria around one session."""

    consultant_id: int
    consultant: str
    session_id: int
    held_at: datetime
    n: int  # the client's window: evaluations compared on each side
    rows: tuple[ProgressRow, ...]
    test: str
    alpha: float
    min_side: int

    def as_json(self) -> dict[str, Any]:
        return {
            "consultant": self.consultant,
            "session_id": self.session_id,
            "held_at": self.held_at.isoformat(timespec="minutes"),
            "n": self.n,
            "test": self.test,
            "alpha": self.alpha,
            "min_per_side": self.min_side,
            "criteria": [row.as_json() for row in self.rows],
        }
