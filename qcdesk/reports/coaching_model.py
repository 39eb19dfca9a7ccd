"""Coaching as reports print it: the plan, the sessions and the before/after table.

Plain frozen values (the services fill them from their coaching DTOs), so the consultant
report, the team report and the one-page plan draw them without a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class FocusLine:
    title: str
    channel: str
    target: float | None  # percent
    now: float | None = None  # compliance in the report's period (or the last reviewed ones)
    answers: int = 0


@dataclass(frozen=True)
class ExampleLine:
    good: bool
    when: datetime | None
    interaction_id: int
    title: str  # the criterion's
    quote: str


@dataclass(frozen=True)
class ActionLine:
    text: str
    owner: str
    due_date: date | None
    done: bool
    done_on: date | None
    overdue: bool


@dataclass(frozen=True)
class SessionLine:
    held_at: datetime
    format: str  # one_to_one / group / call / meeting
    participants: tuple[str, ...]
    notes: str
    acknowledged: bool
    acknowledged_on: date | None
    actions: tuple[ActionLine, ...]


@dataclass(frozen=True)
class ProgressLine:
    title: str
    before: float | None
    after: float | None
    n_before: int
    n_after: int
    reason: str  # domain.progress: too_few / not_significant / significant
    p_value: float | None
    consultant: str = ""  # the team report lists several people

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class CoachingSection:
    consultant: str
    client: str
    plan_version: int | None  # None: no saved plan
    plan_created: datetime | None
    coach: str
    due_date: date | None
    notes: str
    focus: tuple[FocusLine, ...]
    examples: tuple[ExampleLine, ...]
    sessions: tuple[SessionLine, ...]  # newest first
    progress: tuple[ProgressLine, ...]
    progress_at: datetime | None  # the session the table measures from
    window: int  # evaluations compared on each side
    min_side: int = 5

    @property
    def is_empty(self) -> bool:
        return self.plan_version is None and not self.sessions
