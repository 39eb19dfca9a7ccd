"""Reading plans back: item states, progress against quota, queues and reviewer productivity.

An item's state comes from its interaction (the list's status column): pending, in
progress, reviewed; or skipped. It is overdue when its due date has passed and it is not
reviewed, or when it was reviewed after its due date (the evaluation's ``reviewed_at``).

Productivity counts evaluations marked reviewed in the period by their reviewer: reviews per
day worked (days with at least one review), the median of the minutes the review workspace
had each one open (``open_seconds``; reviews never timed, e.g. from before this release, are
left out of the median), and the share of plan items due in the period that were late.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qcdesk.db.models import (
    REGULAR,
    Client,
    Consultant,
    Evaluation,
    Interaction,
    PlanItem,
    Reviewer,
    ReviewPlan,
)
from qcdesk.domain import sampling
from qcdesk.services.plan_dto import (
    PlanInfo,
    PlanItemInfo,
    PlanStatus,
    Progress,
    ReviewerProductivity,
)


def _reviewed_at(s: Session, interaction_ids: list[int]) -> dict[int, datetime]:
    """When each interaction's review was last marked done."""
    out: dict[int, datetime] = {}
    for i in range(0, len(interaction_ids), 500):
        chunk = interaction_ids[i : i + 500]
        for iid, at in s.execute(
            select(Evaluation.interaction_id, func.max(Evaluation.reviewed_at))
            .where(
                Evaluation.interaction_id.in_(chunk),
                Evaluation.status == "reviewed",
                Evaluation.purpose == REGULAR,
            )
            .group_by(Evaluation.interaction_id)
        ):
            if at is not None:
                out[iid] = at
    return out


def _overdue(status: str, due: date | None, done_at: datetime | None, today: date) -> bool:
    if due is None or status == "skipped":
        return False
    if status == "reviewed":
        return done_at is not None and done_at.date() > due
    return today > due


def item_infos(s: Session, items: Sequence[PlanItem]) -> list[PlanItemInfo]:
    ids = [i.interaction_id for i in items]
    its = {it.id: it for it in s.scalars(select(Interaction).where(Interaction.id.in_(ids)))}
    names = dict(s.execute(select(Consultant.id, Consultant.name)).all())
    people = dict(s.execute(select(Reviewer.id, Reviewer.name)).all())
    replaced = {
        i.id: i.interaction_id
        for i in s.scalars(
            select(PlanItem).where(
                PlanItem.id.in_([x.replaced_by_id for x in items if x.replaced_by_id])
            )
        )
    }
    done = _reviewed_at(s, ids)
    today = date.today()
    out = []
    for item in items:
        it = its[item.interaction_id]
        status = "skipped" if item.skipped else it.status if it.status != "new" else "pending"
        out.append(
            PlanItemInfo(
                id=item.id, plan_id=item.plan_id, interaction_id=it.id,
                consultant=names.get(item.consultant_id or -1, ""), kind=it.kind,
                direction=it.direction, started_at=it.started_at, stratum=item.stratum,
                reviewer=people.get(item.reviewer_id) if item.reviewer_id else None,
                due_date=item.due_date, status=status,
                overdue=_overdue(status, item.due_date, done.get(it.id), today),
                skip_reason=item.skip_reason, skip_comment=item.skip_comment,
                replaced_by=replaced.get(item.replaced_by_id or -1),
            )
        )  # fmt: skip
    return out


def shortfall(
    s: Session,
    plan: ReviewPlan,
    pool: list[sampling.Candidate],
    drawn: list[sampling.Drawn],
) -> dict[str, dict[str, int]]:
    """Per consultant (with any candidate) and quota key: how many the month could not give."""
    names = dict(s.execute(select(Consultant.id, Consultant.name)).all())
    got: dict[tuple[int, str], int] = defaultdict(int)
    for d in drawn:
        got[d.consultant_id, d.quota_key] += 1
    out: dict[str, dict[str, int]] = {}
    for consultant in sorted({c.consultant_id for c in pool}):
        for key, quota in plan.quotas.items():
            missing = int(quota) - got[consultant, key]
            if missing > 0:
                out.setdefault(names.get(consultant, str(consultant)), {})[key] = missing
    return out


def plan_info(s: Session, plan: ReviewPlan) -> PlanInfo:
    client = s.get_one(Client, plan.client_id)
    return PlanInfo(
        id=plan.id,
        client_id=plan.client_id,
        client=client.name,
        period=plan.period,
        quotas={str(k): int(v) for k, v in plan.quotas.items()},
        filters=dict(plan.filters or {}),
        stratify=tuple(plan.stratify or ()),
        seed=plan.seed,
        due_date=plan.due_date,
        created_at=plan.created_at,
    )


def _progress(name: str, quota: int, items: Iterable[PlanItemInfo]) -> Progress:
    mine = list(items)
    active = [i for i in mine if i.status != "skipped"]
    return Progress(
        name=name,
        quota=quota,
        drawn=len(active),
        reviewed=sum(i.status == "reviewed" for i in active),
        skipped=len(mine) - len(active),
        overdue=sum(i.overdue for i in active),
    )


def status(s: Session, plan: ReviewPlan) -> PlanStatus:
    rows = list(
        s.scalars(select(PlanItem).where(PlanItem.plan_id == plan.id).order_by(PlanItem.position))
    )
    items = item_infos(s, rows)
    per_quota = sum(int(v) for v in plan.quotas.values())
    by_consultant: dict[str, list[PlanItemInfo]] = defaultdict(list)
    by_reviewer: dict[str, list[PlanItemInfo]] = defaultdict(list)
    for i in items:
        by_consultant[i.consultant].append(i)
        if i.reviewer is not None:
            by_reviewer[i.reviewer].append(i)
    return PlanStatus(
        plan=plan_info(s, plan),
        items=tuple(items),
        per_consultant=tuple(
            _progress(n, per_quota, by_consultant[n]) for n in sorted(by_consultant)
        ),
        per_reviewer=tuple(
            _progress(n, sum(i.status != "skipped" for i in v), v)
            for n, v in sorted(by_reviewer.items())
        ),
        unassigned=sum(i.reviewer is None and i.status != "skipped" for i in items),
    )


def queue(s: Session, reviewer: str) -> list[PlanItemInfo]:
    person = s.scalar(select(Reviewer).where(Reviewer.name == reviewer.strip()))
    if person is None:
        return []
    rows = list(
        s.scalars(
            select(PlanItem)
            .join(Interaction, Interaction.id == PlanItem.interaction_id)
            .where(
                PlanItem.reviewer_id == person.id,
                PlanItem.skipped.is_(False),
                Interaction.status != "reviewed",
            )
            .order_by(PlanItem.due_date.is_(None), PlanItem.due_date, PlanItem.plan_id,
                      PlanItem.position)
        )
    )  # fmt: skip
    return item_infos(s, rows)


def reviewer_names(s: Session) -> list[str]:
    return sorted(s.scalars(select(Reviewer.name)))


def productivity(
    s: Session, lo: datetime, hi: datetime, client_id: int | None
) -> list[ReviewerProductivity]:
    q = (
        select(Reviewer.name, Evaluation.reviewed_at, Evaluation.open_seconds)
        .join(Reviewer, Reviewer.id == Evaluation.reviewer_id)
        .join(Interaction, Interaction.id == Evaluation.interaction_id)
        .where(
            Evaluation.status == "reviewed",
            Evaluation.purpose == REGULAR,  # calibration answers are not reviews of the month
            Evaluation.reviewed_at >= lo,
            Evaluation.reviewed_at < hi,
        )
    )
    if client_id is not None:
        q = q.where(Interaction.client_id == client_id)
    done: dict[str, list[tuple[datetime, float]]] = defaultdict(list)
    for name, at, seconds in s.execute(q):
        if at is not None:  # the query asks for a time in range; this tells mypy
            done[name].append((at, seconds or 0.0))
    iq = (
        select(PlanItem)
        .join(ReviewPlan, ReviewPlan.id == PlanItem.plan_id)
        .where(
            PlanItem.skipped.is_(False),
            PlanItem.reviewer_id.is_not(None),
            PlanItem.due_date >= lo.date(),
            PlanItem.due_date < hi.date(),
        )
    )
    if client_id is not None:
        iq = iq.where(ReviewPlan.client_id == client_id)
    today = date.today()
    due: dict[str, list[PlanItemInfo]] = defaultdict(list)
    for info in item_infos(s, list(s.scalars(iq))):
        # Only items whose fate is known: reviewed, or past their due date.
        known = info.status == "reviewed" or (info.due_date is not None and info.due_date < today)
        if info.reviewer and known:
            due[info.reviewer].append(info)
    out = []
    for name in sorted(set(done) | set(due)):
        mine = done.get(name, [])
        days = len({at.date() for at, _ in mine})
        timed = [sec / 60 for _, sec in mine if sec > 0]
        out.append(
            ReviewerProductivity(
                reviewer=name,
                reviews=len(mine),
                days=days,
                per_day=len(mine) / days if days else None,
                median_minutes=statistics.median(timed) if timed else None,
                due=len(due.get(name, [])),
                overdue=sum(i.overdue for i in due.get(name, [])),
            )
        )
    return out
