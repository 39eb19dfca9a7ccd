"""Frozen values of sampling plans, queues, productivity and disputes (issue 13)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

# Why an item is skipped; "other" needs a comment. The GUI names them (PlanLabels).
SKIP_REASONS = ("wrong_consultant", "not_sales", "bad_audio", "duplicate", "too_short", "other")
ITEM_STATUSES = ("pending", "in_progress", "reviewed", "skipped")


@dataclass(frozen=True)
class PlanInfo:
    id: int
    client_id: int
    client: str
    period: str  # "YYYY-MM"
    quotas: dict[str, int]
    filters: dict[str, Any]
    stratify: tuple[str, ...]
    seed: int
    due_date: date | None
    created_at: datetime


@dataclass(frozen=True)
class PlanItemInfo:
    id: int
    plan_id: int
    interaction_id: int
    consultant: str
    kind: str
    direction: str | None
    started_at: datetime | None
    stratum: str
    reviewer: str | None
    due_date: date | None
    status: str  # ITEM_STATUSES
    overdue: bool
    skip_reason: str | None = None
    skip_comment: str = ""
    replaced_by: int | None = None  # the interaction drawn in its place

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "item": self.id,
            "interaction": self.interaction_id,
            "consultant": self.consultant,
            "channel": self.kind,
            "stratum": self.stratum,
            "reviewer": self.reviewer,
            "due": self.due_date.isoformat() if self.due_date else None,
            "status": self.status,
            "overdue": self.overdue,
        }
        if self.status == "skipped":
            out.update(reason=self.skip_reason, comment=self.skip_comment)
            out["replaced_by"] = self.replaced_by
        return out


@dataclass(frozen=True)
class Progress:
    """Done against asked, for one consultant or one reviewer of a plan."""

    name: str
    quota: int  # consultants: what the plan asks; reviewers: what they were given
    drawn: int  # items in the sample (skipped ones not counted)
    reviewed: int
    skipped: int
    overdue: int

    def as_json(self) -> dict[str, int]:
        return {
            "quota": self.quota,
            "drawn": self.drawn,
            "reviewed": self.reviewed,
            "skipped": self.skipped,
            "overdue": self.overdue,
        }


@dataclass(frozen=True)
class PlanStatus:
    plan: PlanInfo
    items: tuple[PlanItemInfo, ...]
    per_consultant: tuple[Progress, ...]
    per_reviewer: tuple[Progress, ...]
    unassigned: int

    def as_json(self) -> dict[str, Any]:
        return {
            "plan": self.plan.id,
            "client": self.plan.client,
            "period": self.plan.period,
            "seed": self.plan.seed,
            "items": [i.as_json() for i in self.items],
            "per_consultant": {p.name: p.as_json() for p in self.per_consultant},
            "per_reviewer": {p.name: p.as_json() for p in self.per_reviewer},
            "unassigned": self.unassigned,
        }


@dataclass(frozen=True)
class DrawResult:
    plan_id: int
    drawn: int
    shortfall: dict[str, dict[str, int]]  # consultant -> quota key -> how many were missing

    def as_json(self) -> dict[str, Any]:
        return {"plan": self.plan_id, "drawn": self.drawn, "shortfall": self.shortfall}


@dataclass(frozen=True)
class ReviewerProductivity:
    """One reviewer over a period: reviews per day worked, minutes per review, overdue share."""

    reviewer: str
    reviews: int
    days: int  # days with at least one review marked done
    per_day: float | None
    median_minutes: float | None  # None: no review timed in a workspace
    due: int  # plan items due in the period (or done in it)
    overdue: int

    @property
    def overdue_share(self) -> float | None:
        return self.overdue / self.due if self.due else None

    def as_json(self) -> dict[str, Any]:
        return {
            "reviews": self.reviews,
            "days": self.days,
            "per_day": None if self.per_day is None else round(self.per_day, 2),
            "median_minutes": None
            if self.median_minutes is None
            else round(self.median_minutes, 1),
            "due": self.due,
            "overdue": self.overdue,
            "overdue_share": None if self.overdue_share is None else round(self.overdue_share, 3),
        }


DISPUTE_STATUSES = ("open", "accepted", "partially_accepted", "rejected")
DISPUTE_REASONS = ("reviewer_error", "guidance_unclear", "evidence_missing", "not_reviewer_error")


@dataclass(frozen=True)
class DisputeItemInfo:
    criterion_id: str
    original: str | None  # the reviewer's answer when the dispute was opened
    proposed: str | None  # None: no answer proposed
    final: str | None  # after the decision (the original when not accepted); None while open
    accepted: bool | None  # None while open


@dataclass(frozen=True)
class DisputeInfo:
    id: int
    evaluation_id: int
    interaction_id: int
    client_id: int
    consultant: str
    reviewer: str  # the evaluation's
    status: str  # DISPUTE_STATUSES
    opened_by: str
    on_behalf_of: str
    comment: str
    opened_at: datetime
    deadline: date
    reason: str | None
    decision_comment: str
    decided_by: str | None
    decided_at: datetime | None
    score_before: float | None
    score_after: float | None
    overdue: bool  # open past its deadline
    items: tuple[DisputeItemInfo, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "dispute": self.id,
            "evaluation": self.evaluation_id,
            "interaction": self.interaction_id,
            "consultant": self.consultant,
            "reviewer": self.reviewer,
            "status": self.status,
            "opened_by": self.opened_by,
            "on_behalf_of": self.on_behalf_of,
            "comment": self.comment,
            "opened_at": self.opened_at.isoformat(timespec="seconds"),
            "deadline": self.deadline.isoformat(),
            "overdue": self.overdue,
            "reason": self.reason,
            "decision_comment": self.decision_comment,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat(timespec="seconds")
            if self.decided_at
            else None,
            "score_before": self.score_before,
            "score_after": self.score_after,
            "answers": {
                i.criterion_id: {
                    "original": i.original,
                    "proposed": i.proposed,
                    "final": i.final,
                    "accepted": i.accepted,
                }
                for i in self.items
            },
        }
