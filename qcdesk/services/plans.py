"""Sampling plans: draw a month's sample per consultant, assign it, skip and replace items.

The drawing itself is pure (`domain.sampling`); this module finds the candidates, the
interactions of the client company and month that pass the plan's filters, and stores the
result. The seed and the filters are stored with the plan: the same plan and seed give the
same sample, and a skipped item is replaced by the next candidate of its own stratum
(consultant, quota and stratum) under the same rules. Reading the plan's progress, a
reviewer's queue and productivity lives in `services.plan_status`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from qcdesk.db.models import (
    REGULAR,
    ChecklistVersion,
    Client,
    Evaluation,
    EvaluationAnswer,
    Interaction,
    PlanItem,
    ReviewPlan,
)
from qcdesk.domain import sampling
from qcdesk.domain.sample_filter import SampleFilter
from qcdesk.domain.stored_template import stored_template
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services import plan_status
from qcdesk.services.base import ServiceBase
from qcdesk.services.plan_dto import (
    SKIP_REASONS,
    DrawResult,
    PlanInfo,
    PlanItemInfo,
    PlanStatus,
    ReviewerProductivity,
)
from qcdesk.services.plan_status import plan_info
from qcdesk.services.scoresheet import get_or_create_reviewer

_CHUNK = 500  # stays under SQLite's bound-parameter limit


class PlanError(KnownError):
    """A plan, item or choice that does not exist or cannot be done."""


def month_bounds(period: str) -> tuple[datetime, datetime]:
    """``2026-11`` -> (1 Nov 00:00, 1 Dec 00:00); ValueError when it is not YYYY-MM."""
    try:
        first = datetime.strptime(period, "%Y-%m")
    except ValueError:
        raise ValueError(f"expected a month as YYYY-MM, got {period!r}") from None
    nxt = datetime(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, nxt


def default_due(period: str) -> date:
    """The last day of the month after the period: a month is reviewed during the next one."""
    _, nxt = month_bounds(period)
    after = datetime(nxt.year + nxt.month // 12, nxt.month % 12 + 1, 1)
    return (after - timedelta(days=1)).date()


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _latest_evaluations(s: Session, ids: list[int]) -> dict[int, tuple[int, int, float | None]]:
    """interaction id -> (evaluation id, version id, score) of its newest auto-scored one."""
    out: dict[int, tuple[int, int, float | None]] = {}
    for chunk in _chunks(ids):
        rows = s.execute(
            select(Evaluation.id, Evaluation.interaction_id, Evaluation.version_id,
                   Evaluation.score, Evaluation.autoscored_at)
            .where(Evaluation.interaction_id.in_(chunk), Evaluation.purpose == REGULAR)
            .order_by(Evaluation.id)
        )  # fmt: skip
        for eid, iid, vid, score, autoscored in rows:
            if autoscored is None:
                out.pop(iid, None)  # a newer evaluation nobody auto-scored hides the old one
            else:
                out[iid] = (eid, vid, score)
    return out


def _critical_no(s: Session, latest: dict[int, tuple[int, int, float | None]]) -> set[int]:
    """Interactions whose auto-prefill suggested "no" on a critical criterion."""
    by_eval = {ev[0]: iid for iid, ev in latest.items()}
    versions = {ev[1] for ev in latest.values()}
    critical: dict[int, set[str]] = {}
    for vid, body in s.execute(
        select(ChecklistVersion.id, ChecklistVersion.body).where(ChecklistVersion.id.in_(versions))
    ):
        critical[vid] = {c.id for c in stored_template(vid, body).criteria() if c.critical}
    hit: set[int] = set()
    for chunk in _chunks(sorted(by_eval)):
        for eid, cid in s.execute(
            select(EvaluationAnswer.evaluation_id, EvaluationAnswer.criterion_id).where(
                EvaluationAnswer.evaluation_id.in_(chunk), EvaluationAnswer.suggested_value == "no"
            )
        ):
            iid = by_eval[eid]
            if cid in critical[latest[iid][1]]:
                hit.add(iid)
    return hit


def candidates(
    s: Session, client_id: int, period: str, quotas: dict[str, int], f: SampleFilter
) -> list[sampling.Candidate]:
    """The interactions of the company and month a plan may draw, in id order."""
    lo, hi = month_bounds(period)
    q = select(
        Interaction.id, Interaction.consultant_id, Interaction.kind, Interaction.direction,
        Interaction.started_at,
    ).where(
        Interaction.client_id == client_id, Interaction.started_at >= lo,
        Interaction.started_at < hi, Interaction.consultant_id.is_not(None),
    )  # fmt: skip
    if sampling.ANY not in quotas:
        q = q.where(Interaction.kind.in_(sorted(quotas)))
    if f.duration_min is not None:
        q = q.where(Interaction.duration >= f.duration_min)
    if f.duration_max is not None:
        q = q.where(Interaction.duration <= f.duration_max)
    if f.unreviewed:
        q = q.where(Interaction.status != "reviewed")
    if f.direction is not None:
        q = q.where(Interaction.direction == f.direction)
    if f.goal is not None:
        q = q.where(Interaction.goal_achieved.is_(f.goal))
    if f.stage is not None:
        q = q.where(Interaction.stage_reached == f.stage)
    rows = [
        r
        for r in s.execute(q.order_by(Interaction.id))
        if (not f.weekdays or r.started_at.weekday() in f.weekdays)
        and (f.hour_from is None or f.hour_from <= r.started_at.hour < (f.hour_to or 24))
    ]
    if f.prefill_below is not None or f.critical_no:
        latest = _latest_evaluations(s, [r.id for r in rows])
        if f.prefill_below is not None:
            below = f.prefill_below
            latest = {i: ev for i, ev in latest.items() if ev[2] is not None and ev[2] < below}
        keep = _critical_no(s, latest) if f.critical_no else set(latest)
        rows = [r for r in rows if r.id in keep]
    return [sampling.Candidate(r.id, r.consultant_id, r.kind, r.direction) for r in rows]


class PlanService(ServiceBase):
    def __init__(
        self, factory: sessionmaker[Session], db_path: Path, reviewer: Callable[[], str]
    ) -> None:
        super().__init__(factory, db_path)
        self._reviewer = reviewer  # the current reviewer's name (the setting may change)

    def _plan(self, s: Session, plan_id: int) -> ReviewPlan:
        plan = s.get(ReviewPlan, plan_id)
        if plan is None:
            raise PlanError(QT_TRANSLATE_NOOP("KnownError", "There is no plan {id}."), id=plan_id)
        return plan

    def create(
        self,
        client_id: int,
        period: str,
        quotas: dict[str, int],
        filters: SampleFilter | None = None,
        stratify: Sequence[str] = (),
        seed: int | None = None,
        due: date | None = None,
    ) -> DrawResult:
        """Draw and store a plan; *seed* None picks one at random (stored with the plan)."""
        month_bounds(period)
        if not quotas or any(k not in (*sampling.CHANNELS, sampling.ANY) for k in quotas):
            raise ValueError(f"bad quotas {quotas!r}")
        if any(x not in sampling.STRATA for x in stratify):
            raise ValueError(f"can stratify by {', '.join(sampling.STRATA)} only")
        f = filters or SampleFilter()
        seed = secrets.randbelow(2**31) if seed is None else seed
        with self._session() as s:
            s.get_one(Client, client_id)
            pool = candidates(s, client_id, period, quotas, f)
            drawn = sampling.draw(pool, quotas, stratify, seed)
            plan = ReviewPlan(
                client_id=client_id, period=period, quotas=dict(quotas), filters=f.as_json(),
                stratify=list(stratify), seed=seed, due_date=due or default_due(period),
                created_by=self._reviewer().strip(),
            )  # fmt: skip
            s.add(plan)
            s.flush()
            for pos, d in enumerate(drawn):
                s.add(
                    PlanItem(plan_id=plan.id, interaction_id=d.id, consultant_id=d.consultant_id,
                             quota_key=d.quota_key, stratum=d.stratum, position=pos)
                )  # fmt: skip
            s.flush()
            return DrawResult(plan.id, len(drawn), plan_status.shortfall(s, plan, pool, drawn))

    def plans(self, client_id: int | None = None) -> list[PlanInfo]:
        """Plans, newest first (of one company when *client_id* is given)."""
        with self._session() as s:
            q = select(ReviewPlan).order_by(ReviewPlan.period.desc(), ReviewPlan.id.desc())
            if client_id is not None:
                q = q.where(ReviewPlan.client_id == client_id)
            return [plan_info(s, p) for p in s.scalars(q)]

    def assign(
        self,
        plan_id: int,
        reviewers: Sequence[str],
        weights: Sequence[float] | None = None,
        *,
        interactions: Sequence[int] | None = None,
        due: date | None = None,
        reassign: bool = False,
    ) -> dict[str, int]:
        """Give the plan's items to *reviewers*: evenly, by *weights*, or chosen by hand.

        Args:
            interactions: by hand: these interactions of the plan (all to the one reviewer
                named, or split between several); None: every item still unassigned (or
                every open item with *reassign*).
            due: the due date of the items given (default: the plan's).

        Returns:
            How many items each reviewer was given.
        """
        names = [n.strip() for n in reviewers if n.strip()]
        if not names or len(set(names)) != len(names):
            raise ValueError("name each reviewer once")
        with self._session() as s:
            plan = self._plan(s, plan_id)
            items = list(
                s.scalars(
                    select(PlanItem).where(PlanItem.plan_id == plan_id, PlanItem.skipped.is_(False))
                    .order_by(PlanItem.consultant_id, PlanItem.quota_key, PlanItem.position)
                )
            )  # fmt: skip
            if interactions is not None:
                wanted = set(interactions)
                missing = wanted - {i.interaction_id for i in items}
                if missing:
                    raise PlanError(
                        QT_TRANSLATE_NOOP(
                            "KnownError", "Interaction {id} is not an open item of plan {plan}."
                        ),
                        id=min(missing),
                        plan=plan_id,
                    )
                items = [i for i in items if i.interaction_id in wanted]
            elif not reassign:
                items = [i for i in items if i.reviewer_id is None]
            people = {n: get_or_create_reviewer(s, n) for n in names}
            now = datetime.now()
            given = dict.fromkeys(names, 0)
            for item, name in zip(items, sampling.split(len(items), names, weights), strict=True):
                item.reviewer = people[name]
                item.due_date = due or plan.due_date
                item.assigned_at = now
                given[name] += 1
            s.flush()
            return given

    def skip(
        self, item_id: int, reason: str, comment: str = "", *, replace: bool = True
    ) -> PlanItemInfo | None:
        """Skip an item for *reason*; with *replace*, draw its replacement from its stratum.

        The replacement gets the skipped item's reviewer and due date. Returns it, or None
        when not replacing or when the stratum has no candidate left.
        """
        if reason not in SKIP_REASONS:
            raise ValueError(f"reason is one of {', '.join(SKIP_REASONS)}")
        if reason == "other" and not comment.strip():
            raise PlanError(QT_TRANSLATE_NOOP("KnownError", "Say why the item is skipped."))
        with self._session() as s:
            item = s.get(PlanItem, item_id)
            if item is None:
                raise PlanError(
                    QT_TRANSLATE_NOOP("KnownError", "There is no plan item {id}."), id=item_id
                )
            if item.skipped:
                raise PlanError(
                    QT_TRANSLATE_NOOP("KnownError", "Plan item {id} is skipped already."),
                    id=item_id,
                )
            item.skipped, item.skip_reason = True, reason
            item.skip_comment, item.skipped_by = comment.strip(), self._reviewer().strip()
            if not replace:
                return None
            plan = self._plan(s, item.plan_id)
            f = SampleFilter.from_json(plan.filters)
            stratify = tuple(plan.stratify or ())
            same = [
                c
                for c in candidates(s, plan.client_id, plan.period, plan.quotas, f)
                if c.consultant_id == item.consultant_id
                and sampling.quota_key(c.kind, plan.quotas) == item.quota_key
                and sampling.stratum(c, stratify) == item.stratum
            ]
            taken = s.scalars(select(PlanItem.interaction_id).where(PlanItem.plan_id == plan.id))
            pick = sampling.next_in_stratum(same, plan.seed, taken)
            if pick is None:
                return None
            last = s.scalar(select(func.max(PlanItem.position)).where(PlanItem.plan_id == plan.id))
            new = PlanItem(
                plan_id=plan.id, interaction_id=pick.id, consultant_id=pick.consultant_id,
                quota_key=item.quota_key, stratum=item.stratum, position=(last or 0) + 1,
                reviewer_id=item.reviewer_id, due_date=item.due_date, assigned_at=item.assigned_at,
            )  # fmt: skip
            s.add(new)
            s.flush()
            item.replaced_by_id = new.id
            s.flush()
            return plan_status.item_infos(s, [new])[0]

    def item_for(self, plan_id: int, interaction_id: int) -> int:
        """The item id of *interaction_id* in the plan (the CLI names items by interaction)."""
        with self._session() as s:
            found = s.scalar(
                select(PlanItem.id).where(
                    PlanItem.plan_id == plan_id, PlanItem.interaction_id == interaction_id
                )
            )
            if found is None:
                raise PlanError(
                    QT_TRANSLATE_NOOP(
                        "KnownError", "Interaction {id} is not an open item of plan {plan}."
                    ),
                    id=interaction_id,
                    plan=plan_id,
                )
            return found

    def status(self, plan_id: int) -> PlanStatus:
        with self._session() as s:
            return plan_status.status(s, self._plan(s, plan_id))

    def queue(self, reviewer: str) -> list[PlanItemInfo]:
        """*reviewer*'s open items of every plan: due first, then in the plan's order."""
        with self._session() as s:
            return plan_status.queue(s, reviewer)

    def reviewers(self) -> list[str]:
        """Names that have plan items or evaluations, for the queue's reviewer picker."""
        with self._session() as s:
            return plan_status.reviewer_names(s)

    def productivity(
        self, date_from: date, date_to: date, client_id: int | None = None
    ) -> list[ReviewerProductivity]:
        with self._session() as s:
            lo = datetime.combine(date_from, time.min)
            hi = datetime.combine(date_to + timedelta(days=1), time.min)
            return plan_status.productivity(s, lo, hi, client_id)
