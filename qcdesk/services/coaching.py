"""Individual coaching as a use case: propose and keep plans, record sessions, measure progress.

A plan is proposed from the consultant's recurring errors in reviewed evaluations (weight in
the score x failure share, see `domain.progress.propose_focus`), edited by the coach and saved
as a new version each time. Sessions record who met, how, what was agreed and whether the
consultant acknowledged it. Progress compares each focus criterion before and after a session.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qcdesk.db.models import (
    Client,
    CoachingAction,
    CoachingPlan,
    CoachingSession,
    Consultant,
)
from qcdesk.domain import progress as prog
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.reports.model import CriterionMeta, EvalRecord
from qcdesk.services.base import ServiceBase
from qcdesk.services.coaching_dto import (
    FORMATS,
    FocusItem,
    PlanDraft,
    PlanExample,
    PlanInfo,
    ProgressInfo,
    ProgressRow,
    SessionDraft,
    SessionInfo,
)
from qcdesk.services.coaching_query import consultant_evals, observations
from qcdesk.services.coaching_rows import focus_items, pick_examples, plan_info, session_info

PROPOSAL_WINDOW = 30
"""A plan is proposed from the consultant's newest reviewed evaluations, this many at most:
recent habits, not last year's."""
MAX_WINDOW = 200


class CoachingError(KnownError):
    """A coaching request that cannot be met: no such session, no plan to measure."""


def _person(s: Session, consultant_id: int) -> Consultant:
    person = s.get(Consultant, consultant_id)
    if person is None:
        raise CoachingError(
            QT_TRANSLATE_NOOP("KnownError", "There is no consultant called {name}."),
            name=str(consultant_id),
        )
    return person


class CoachingService(ServiceBase):
    # ------------------------------------------------------------------ settings

    def progress_window(self, client_id: int) -> int:
        with self._session() as s:
            return int(s.get_one(Client, client_id).progress_window)

    def set_progress_window(self, client_id: int, n: int) -> None:
        """How many reviewed evaluations progress compares on each side (1..200)."""
        if not 1 <= n <= MAX_WINDOW:
            raise ValueError(f"the progress window must be 1..{MAX_WINDOW}, not {n}")
        with self._session() as s:
            s.get_one(Client, client_id).progress_window = int(n)

    # ------------------------------------------------------------------ plans

    def propose_plan(self, consultant_id: int, *, as_of: datetime | None = None) -> PlanInfo:
        """A plan proposed from recurring errors (not stored): focus, targets and examples.

        The target of each focus criterion is the client's score target; the coach edits it.
        """
        with self._session() as s:
            person = _person(s, consultant_id)
            client = s.get_one(Client, person.client_id)
            records, criteria = consultant_evals(
                s, consultant_id, before=as_of, with_segments=True, newest=PROPOSAL_WINDOW
            )
            weights = {k: c.weight for k, c in criteria.items()}
            found = prog.propose_focus(observations(records), weights)
            focus = tuple(
                FocusItem(
                    f.channel,
                    f.criterion_id,
                    _title(criteria, (f.channel, f.criterion_id)),
                    float(client.kpi_score_target),
                    f.failures,
                    f.answered,
                    f.weight,
                )
                for f in found
            )
            examples = [
                ex for f in focus for ex in pick_examples(records, (f.channel, f.criterion_id))
            ]
            return PlanInfo(
                id=None,
                consultant_id=person.id,
                consultant=person.name,
                client_id=person.client_id,
                version=0,
                created_at=None,
                coach="",
                due_date=None,
                notes="",
                focus=focus,
                examples=tuple(examples),
            )

    def suggest_examples(
        self, consultant_id: int, focus: Sequence[FocusItem]
    ) -> tuple[PlanExample, ...]:
        """A recent failure and a recent good answer, with quotes, for each focus criterion."""
        with self._session() as s:
            records, _criteria = consultant_evals(
                s, consultant_id, with_segments=True, newest=PROPOSAL_WINDOW
            )
        return tuple(
            ex for f in focus for ex in pick_examples(records, (f.channel, f.criterion_id))
        )

    def current_plan(self, consultant_id: int) -> PlanInfo | None:
        """The newest saved version of the consultant's plan; None when there is none."""
        with self._session() as s:
            person = _person(s, consultant_id)
            row = s.scalars(
                select(CoachingPlan)
                .where(CoachingPlan.consultant_id == consultant_id)
                .order_by(CoachingPlan.version.desc())
            ).first()
            return None if row is None else plan_info(row, person)

    def plan_versions(self, consultant_id: int) -> list[PlanInfo]:
        """Every saved version, newest first."""
        with self._session() as s:
            person = _person(s, consultant_id)
            rows = s.scalars(
                select(CoachingPlan)
                .where(CoachingPlan.consultant_id == consultant_id)
                .order_by(CoachingPlan.version.desc())
            )
            return [plan_info(r, person) for r in rows]

    def save_plan(self, consultant_id: int, draft: PlanDraft) -> PlanInfo:
        """Store *draft* as the consultant's next plan version (earlier ones stay as they were).

        Raises:
            ValueError: no focus criterion, the same criterion twice, a target outside 0..100.
        """
        if not draft.focus:
            raise ValueError("a plan needs at least one focus criterion")
        keys = [(f.channel, f.criterion_id) for f in draft.focus]
        if len(set(keys)) != len(keys):
            raise ValueError("a focus criterion is listed twice")
        for f in draft.focus:
            if f.target is not None and not 0 <= f.target <= 100:
                raise ValueError(f"target of {f.criterion_id} must be 0..100, not {f.target}")
        with self._session() as s:
            person = _person(s, consultant_id)
            last = s.scalar(
                select(func.max(CoachingPlan.version)).where(
                    CoachingPlan.consultant_id == consultant_id
                )
            )
            row = CoachingPlan(
                consultant_id=consultant_id,
                version=(last or 0) + 1,
                coach=draft.coach.strip(),
                due_date=draft.due_date,
                notes=draft.notes.strip(),
                focus=[f.as_json() for f in draft.focus],
                examples=[e.as_json() for e in draft.examples],
            )
            s.add(row)
            s.flush()
            return plan_info(row, person)

    # ------------------------------------------------------------------ sessions

    def add_session(self, draft: SessionDraft) -> SessionInfo:
        """Record a session (or a planning meeting) and its agreed actions.

        Raises:
            ValueError: an unknown format, an action without text, a consultant of another
                company, or an acknowledgement date without the acknowledgement.
        """
        if draft.format not in FORMATS:
            raise ValueError(f"unknown session format {draft.format!r} (use {FORMATS})")
        if any(not a.text.strip() for a in draft.actions):
            raise ValueError("an agreed action needs a text")
        if draft.acknowledged_on is not None and not draft.acknowledged:
            raise ValueError("an acknowledgement date needs the acknowledgement")
        with self._session() as s:
            s.get_one(Client, draft.client_id)
            plan_id = draft.plan_id
            if draft.consultant_id is not None:
                person = _person(s, draft.consultant_id)
                if person.client_id != draft.client_id:
                    raise ValueError("the consultant works for another client company")
                if plan_id is None:
                    plan_id = s.scalar(
                        select(CoachingPlan.id)
                        .where(CoachingPlan.consultant_id == person.id)
                        .order_by(CoachingPlan.version.desc())
                        .limit(1)
                    )
            row = CoachingSession(
                client_id=draft.client_id,
                consultant_id=draft.consultant_id,
                plan_id=plan_id,
                held_at=draft.held_at.replace(tzinfo=None),
                format=draft.format,
                participants=[p.strip() for p in draft.participants if p.strip()],
                notes=draft.notes.strip(),
                acknowledged=draft.acknowledged,
                acknowledged_on=(draft.acknowledged_on or draft.held_at.date())
                if draft.acknowledged
                else None,
            )
            row.actions = [
                CoachingAction(text=a.text.strip(), owner=a.owner.strip(), due_date=a.due_date)
                for a in draft.actions
            ]
            s.add(row)
            s.flush()
            return session_info(s, row)

    def sessions(
        self,
        *,
        consultant_id: int | None = None,
        client_id: int | None = None,
        formats: Sequence[str] | None = None,
        until: datetime | None = None,
    ) -> list[SessionInfo]:
        """Sessions, newest first: one consultant's, or every session of a client company."""
        with self._session() as s:
            q = select(CoachingSession).order_by(
                CoachingSession.held_at.desc(), CoachingSession.id.desc()
            )
            if consultant_id is not None:
                q = q.where(CoachingSession.consultant_id == consultant_id)
            if client_id is not None:
                q = q.where(CoachingSession.client_id == client_id)
            if formats is not None:
                q = q.where(CoachingSession.format.in_(list(formats)))
            if until is not None:
                q = q.where(CoachingSession.held_at < until)
            return [session_info(s, r) for r in s.scalars(q)]

    def set_action_done(self, action_id: int, done: bool, on: date | None = None) -> None:
        with self._session() as s:
            row = s.get(CoachingAction, action_id)
            if row is None:
                raise CoachingError(
                    QT_TRANSLATE_NOOP("KnownError", "There is no agreed action {id}."),
                    id=action_id,
                )
            row.done = bool(done)
            row.done_on = (on or date.today()) if done else None

    def acknowledge(self, session_id: int, acknowledged: bool, on: date | None = None) -> None:
        """The consultant's acknowledgement, as recorded by whoever ran the session."""
        with self._session() as s:
            row = self._session_row(s, session_id)
            row.acknowledged = bool(acknowledged)
            row.acknowledged_on = (on or date.today()) if acknowledged else None

    def _session_row(self, s: Session, session_id: int) -> CoachingSession:
        row = s.get(CoachingSession, session_id)
        if row is None:
            raise CoachingError(
                QT_TRANSLATE_NOOP("KnownError", "There is no coaching session {id}."),
                id=session_id,
            )
        return row

    def reviewed_records(self, consultant_id: int) -> list[EvalRecord]:
        """The consultant's reviewed evaluations, oldest first (as reports count them)."""
        with self._session() as s:
            records, _criteria = consultant_evals(s, consultant_id)
        return records

    # ------------------------------------------------------------------ progress

    def progress(self, consultant_id: int, session_id: int | None = None) -> ProgressInfo:
        """Before/after compliance of the plan's focus criteria around a session.

        The session: *session_id*, else the consultant's newest one. The focus: the plan
        version the session was held on, else the current plan.

        Raises:
            CoachingError: the consultant has no session, or no plan to measure.
        """
        with self._session() as s:
            person = _person(s, consultant_id)
            if session_id is not None:
                row = self._session_row(s, session_id)
            else:
                found = s.scalars(
                    select(CoachingSession)
                    .where(CoachingSession.consultant_id == consultant_id)
                    .order_by(CoachingSession.held_at.desc(), CoachingSession.id.desc())
                ).first()
                if found is None:
                    raise CoachingError(
                        QT_TRANSLATE_NOOP(
                            "KnownError", "{name} has had no coaching session to measure from."
                        ),
                        name=person.name,
                    )
                row = found
            plan = s.get(CoachingPlan, row.plan_id) if row.plan_id else None
            if plan is None:
                plan = s.scalars(
                    select(CoachingPlan)
                    .where(CoachingPlan.consultant_id == consultant_id)
                    .order_by(CoachingPlan.version.desc())
                ).first()
            if plan is None:
                raise CoachingError(
                    QT_TRANSLATE_NOOP(
                        "KnownError", "{name} has no development plan: there is nothing to measure."
                    ),
                    name=person.name,
                )
            n = int(s.get_one(Client, person.client_id).progress_window)
            records, _criteria = consultant_evals(s, consultant_id)
            focus = focus_items(plan.focus or [])
            held_at = row.held_at
            session = row.id
        obs = observations(records)
        rows = tuple(
            ProgressRow(f, prog.criterion_progress(obs, (f.channel, f.criterion_id), held_at, n))
            for f in focus
        )
        return ProgressInfo(
            consultant_id=person.id,
            consultant=person.name,
            session_id=session,
            held_at=held_at,
            n=n,
            rows=rows,
            test=prog.TEST_NAME,
            alpha=prog.ALPHA,
            min_side=prog.MIN_SIDE,
        )


def _title(criteria: dict[tuple[str, str], CriterionMeta], key: tuple[str, str]) -> str:
    meta = criteria.get(key)
    return meta.title if meta else key[1]
