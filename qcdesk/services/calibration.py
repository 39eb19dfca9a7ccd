"""Calibration sessions: reviewers score the same interactions blind, then compare (issue 13 §3).

Each participant fills their own *calibration* evaluation of every interaction of the session
(``Evaluation.purpose``), in the normal form. Nobody can read the others' answers while the
session is open and someone has not submitted: ``results`` refuses until then, and a submitted
participant's answers are frozen (``evaluations.check_editable``). The lead then records the
agreed answers as a *reference* evaluation (golden), started from the majority answers.
Calibration and reference evaluations never count in reports (``report_query``) and never
become the interaction's review in the workspace (``base.latest_evaluation``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from qcdesk.db.models import (
    CALIBRATION,
    REFERENCE,
    CalibrationItem,
    CalibrationParticipant,
    CalibrationSession,
    Evaluation,
    Interaction,
    Reviewer,
    Transcript,
)
from qcdesk.domain.calibration import compare
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.base import ServiceBase, find_client, get_interaction, latest_evaluation
from qcdesk.services.calibration_info import CalibrationInfo as CalibrationInfo
from qcdesk.services.calibration_info import CalibrationItemInfo as CalibrationItemInfo
from qcdesk.services.calibration_info import CalibrationResults as CalibrationResults
from qcdesk.services.calibration_info import session_info, write_answers
from qcdesk.services.dto import EvaluationState
from qcdesk.services.languages import working_language
from qcdesk.services.scoresheet import (
    evaluation_state,
    get_or_create_reviewer,
    store_score,
    unanswered,
)
from qcdesk.services.template_versions import default_version, template_of


def _error(template: str, **params: Any) -> KnownError:
    return KnownError(template, **params)


class CalibrationService(ServiceBase):
    def __init__(self, factory, db_path: Path, lead: Callable[[], str]) -> None:  # type: ignore[no-untyped-def]
        super().__init__(factory, db_path)
        self._lead = lead  # who records references: the reviewer of the settings, read each time

    # -- sessions ----------------------------------------------------------------------------

    def create(
        self, client: int | str, interactions: list[int], participants: list[str], title: str = ""
    ) -> CalibrationInfo:
        """A new open session; each interaction is scored on the version of its review, else
        on the template a new evaluation would get, and every participant gets that one.

        One participant is enough for an onboarding pack: interactions that all have a
        reference, which the new reviewer scores and then compares with (``alignment``).

        Raises:
            KnownError: fewer than two participants (outside an onboarding pack), no
                interaction, an interaction of another client company or none at all.
        """
        names = list(dict.fromkeys(p.strip() for p in participants if p.strip()))
        ids = list(dict.fromkeys(interactions))
        if not ids:
            raise _error(
                QT_TRANSLATE_NOOP("KnownError", "A calibration needs at least one interaction.")
            )
        with self._session() as s:
            if len(names) < 2 and not (names and ids and self._all_referenced(s, ids)):
                raise _error(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "A calibration needs two participants or more; one reviewer alone can "
                        "only take an onboarding pack, whose interactions all have a reference.",
                    )
                )
            c = find_client(s, client)
            session = CalibrationSession(client_id=c.id, title=title.strip(), status="open")
            for pos, iid in enumerate(ids):
                it = get_interaction(s, iid)
                if it.client_id != c.id:
                    raise _error(
                        QT_TRANSLATE_NOOP(
                            "KnownError", "Interaction {id} belongs to another client company."
                        ),
                        id=iid,
                    )
                review = latest_evaluation(s, iid)
                version = (
                    review.version
                    if review is not None
                    else default_version(s, it.kind, working_language(s, it), c.id)
                )
                session.items.append(
                    CalibrationItem(interaction_id=iid, position=pos, version_id=version.id)
                )
            for pos, name in enumerate(names):
                reviewer = get_or_create_reviewer(s, name)
                assert reviewer is not None  # names are stripped and non-empty
                session.participants.append(
                    CalibrationParticipant(reviewer_id=reviewer.id, position=pos)
                )
            s.add(session)
            s.flush()
            return session_info(s, session)

    def draw(self, client: int | str, count: int, seed: int, kind: str | None = None) -> list[int]:
        """*count* interactions of the company drawn at random, reproducibly from *seed*.

        Only interactions there is something to score on (a recording or a transcript); the
        same company, count, kind and seed give the same draw while the interactions stay.
        """
        with self._session() as s:
            c = find_client(s, client)
            q = (
                select(Interaction.id)
                .where(
                    Interaction.client_id == c.id,
                    Interaction.media_id.is_not(None)
                    | Interaction.id.in_(select(Transcript.interaction_id)),
                )
                .order_by(Interaction.id)
            )
            if kind is not None:
                q = q.where(Interaction.kind == kind)
            ids = list(s.scalars(q))
        return sorted(random.Random(seed).sample(ids, min(count, len(ids))))

    def sessions(self, client: int | str | None = None) -> list[CalibrationInfo]:
        """Every session, the newest first (of one client company when given)."""
        with self._session() as s:
            q = select(CalibrationSession).order_by(CalibrationSession.id.desc())
            if client is not None:
                q = q.where(CalibrationSession.client_id == find_client(s, client).id)
            return [session_info(s, row) for row in s.scalars(q)]

    def info(self, session_id: int) -> CalibrationInfo:
        with self._session() as s:
            return session_info(s, self._get(s, session_id))

    def close(self, session_id: int) -> CalibrationInfo:
        """Close the session: results show even though someone did not submit."""
        with self._session() as s:
            session = self._get(s, session_id)
            if session.status == "open":
                session.status = "closed"
                session.closed_at = datetime.now()
            return session_info(s, session)

    # -- a participant's blind answers -------------------------------------------------------

    def open_form(self, session_id: int, reviewer: str, interaction_id: int) -> EvaluationState:
        """The participant's own calibration evaluation of the interaction (made when missing)."""
        with self._session() as s:
            session = self._get(s, session_id)
            part = self._participant(s, session, reviewer)
            item = self._item(session, interaction_id)
            ev = self._evaluation(s, session, part.reviewer, item, CALIBRATION)
            return evaluation_state(ev)

    def submit(
        self,
        session_id: int,
        reviewer: str,
        answers: dict[int, dict[str, str]] | None = None,
    ) -> CalibrationInfo:
        """Make the participant's answers final, after writing *answers* when given (the CLI).

        Raises:
            KnownError: the session is closed, the reviewer does not take part or submitted
                already, an answer names an interaction or criterion not in the session or
                has a value its criterion does not take, or a criterion is left unanswered.
        """
        with self._session() as s:
            session = self._get(s, session_id)
            part = self._participant(s, session, reviewer)
            if session.status != "open" or part.submitted_at is not None:
                raise _error(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "{name} has already submitted, or the session is closed.",
                    ),
                    name=part.reviewer.name,
                )
            for iid in answers or {}:
                self._item(session, iid)
            for item in session.items:
                ev = self._evaluation(s, session, part.reviewer, item, CALIBRATION)
                template = template_of(item.version)
                given = (answers or {}).get(item.interaction_id)
                if given is not None:
                    write_answers(ev, template, given, item.interaction_id)
                    store_score(ev, template)
                missing = unanswered(template, {a.criterion_id: a.value for a in ev.answers})
                if missing:
                    raise _error(
                        QT_TRANSLATE_NOOP(
                            "KnownError",
                            "Interaction {id} has unanswered criteria ({criteria}): a "
                            "calibration compares every criterion; answer N/A where allowed.",
                        ),
                        id=item.interaction_id,
                        criteria=", ".join(missing),
                    )
                ev.status = "reviewed"
            part.submitted_at = datetime.now()
            s.flush()
            return session_info(s, session)

    # -- comparison and reference ------------------------------------------------------------

    def results(self, session_id: int) -> CalibrationResults:
        """The comparison, once everyone submitted or the session was closed.

        Only submitted answers are compared; someone who never submitted counts as not rated.

        Raises:
            KnownError: the session is open and someone has not submitted (answers are blind).
        """
        with self._session() as s:
            session = self._get(s, session_id)
            info = session_info(s, session)
            if not info.results_open:
                waiting = ", ".join(name for name, done in info.participants if not done)
                raise _error(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "The answers stay hidden until everyone has submitted or the session "
                        "is closed. Still to submit: {names}.",
                    ),
                    names=waiting,
                )
            names = {p.reviewer_id: p.reviewer.name for p in session.participants}
            submitted = {p.reviewer_id for p in session.participants if p.submitted_at}
            # The session's own answers, and each interaction's newest reference wherever it
            # was recorded (in this session, another one, or an imported pack).
            ids = [i.interaction_id for i in session.items]
            evals = s.scalars(
                select(Evaluation)
                .where(
                    (Evaluation.calibration_id == session.id)
                    | (
                        Evaluation.interaction_id.in_(ids)
                        & (Evaluation.purpose == REFERENCE)
                        & (Evaluation.status == "reviewed")
                    )
                )
                .order_by(Evaluation.id)
                .options(selectinload(Evaluation.answers))
            ).all()
            by_item: dict[int, dict[str, dict[str, str | None]]] = {}
            references: dict[int, dict[str, str | None]] = {}
            for ev in evals:
                values = {a.criterion_id: a.value for a in ev.answers}
                if ev.purpose == REFERENCE:
                    references[ev.interaction_id] = values
                elif ev.reviewer_id in submitted:
                    by_item.setdefault(ev.interaction_id, {})[names[ev.reviewer_id]] = values
            items = [
                (i.interaction_id, template_of(i.version), by_item.get(i.interaction_id, {}))
                for i in session.items
            ]
            comparison = compare([names[p.reviewer_id] for p in session.participants], items)
            return CalibrationResults(info, comparison, references)

    def open_reference(
        self, session_id: int, interaction_id: int, lead: str | None = None
    ) -> EvaluationState:
        """The reference evaluation of one interaction, for the lead to edit in the form.

        Made on first use from the majority answers (criteria without a majority are left
        for the lead to decide). Needs the results to be open.
        """
        majority: dict[str, str | None] = {}
        for row in self.results(session_id).comparison.items:
            if row.interaction_id == interaction_id:
                majority = row.majority
        with self._session() as s:
            session = self._get(s, session_id)
            item = self._item(session, interaction_id)
            who = get_or_create_reviewer(s, self._lead() if lead is None else lead)
            ev = self._evaluation(s, session, who, item, REFERENCE)
            if not ev.answers:
                template = template_of(item.version)
                write_answers(
                    ev, template, {k: v for k, v in majority.items() if v}, interaction_id
                )
                store_score(ev, template)
                s.flush()
            return evaluation_state(ev)

    def record_reference(
        self,
        session_id: int,
        interaction_id: int,
        answers: dict[str, str],
        lead: str | None = None,
    ) -> EvaluationState:
        """Record the agreed answers of one interaction (the CLI, or all at once)."""
        state = self.open_reference(session_id, interaction_id, lead)
        with self._session() as s:
            ev = s.get_one(Evaluation, state.evaluation_id)
            template = template_of(ev.version)
            write_answers(ev, template, answers, interaction_id)
            store_score(ev, template)
            ev.status = "reviewed"
            s.flush()
            return evaluation_state(ev, template)

    # -- helpers -----------------------------------------------------------------------------

    def _all_referenced(self, s: Session, ids: list[int]) -> bool:
        """Whether every interaction has a recorded reference (an onboarding pack)."""
        have = set(
            s.scalars(
                select(Evaluation.interaction_id).where(
                    Evaluation.interaction_id.in_(ids),
                    Evaluation.purpose == REFERENCE,
                    Evaluation.status == "reviewed",
                )
            )
        )
        return have >= set(ids)

    def _get(self, s: Session, session_id: int) -> CalibrationSession:
        session = s.get(CalibrationSession, session_id)
        if session is None:
            raise _error(
                QT_TRANSLATE_NOOP("KnownError", "There is no calibration session {id}."),
                id=session_id,
            )
        return session

    def _participant(
        self, s: Session, session: CalibrationSession, name: str
    ) -> CalibrationParticipant:
        for p in session.participants:
            if p.reviewer.name == name.strip():
                return p
        raise _error(
            QT_TRANSLATE_NOOP("KnownError", "{name} does not take part in calibration {id}."),
            name=name,
            id=session.id,
        )

    def _item(self, session: CalibrationSession, interaction_id: int) -> CalibrationItem:
        for item in session.items:
            if item.interaction_id == interaction_id:
                return item
        raise _error(
            QT_TRANSLATE_NOOP("KnownError", "Interaction {id} is not in calibration {session}."),
            id=interaction_id,
            session=session.id,
        )

    def _evaluation(
        self,
        s: Session,
        session: CalibrationSession,
        reviewer: Reviewer | None,
        item: CalibrationItem,
        purpose: str,
    ) -> Evaluation:
        q = select(Evaluation).where(
            Evaluation.calibration_id == session.id,
            Evaluation.interaction_id == item.interaction_id,
            Evaluation.purpose == purpose,
        )
        if purpose == CALIBRATION:
            q = q.where(Evaluation.reviewer_id == (reviewer.id if reviewer else None))
        ev = s.scalars(q.order_by(Evaluation.id.desc())).first()
        if ev is None:
            ev = Evaluation(
                interaction_id=item.interaction_id,
                version_id=item.version_id,
                reviewer=reviewer,
                status="in_progress",
                purpose=purpose,
                calibration_id=session.id,
            )
            s.add(ev)
            s.flush()
        return ev
