"""Reviewers against the reference evaluations (issue 13 §4): agreement, drift, onboarding.

An interaction's reference is its newest *reference* evaluation (recorded by the lead after a
calibration). Every other finished evaluation of that interaction on the same checklist
version is an attempt of its reviewer: a regular review marked reviewed (a reference mixed
into the reviewer's queue) or submitted calibration answers. Different versions are not
compared, since their criteria and answer types may differ.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from qcdesk.db.models import (
    REFERENCE,
    ChecklistVersion,
    Evaluation,
    Interaction,
)
from qcdesk.domain.alignment import Attempt, Disagreement, ReviewerAlignment, align, disagreements
from qcdesk.services.base import ServiceBase, find_client
from qcdesk.services.template_versions import template_of

_CHUNK = 500


class AlignmentService(ServiceBase):
    def attempts(
        self,
        client: int | str | None = None,
        *,
        reviewer: str | None = None,
        session_id: int | None = None,
    ) -> list[Attempt]:
        """Attempts on referenced interactions (of a client, a reviewer, a session's items)."""
        with self._session() as s:
            q = (
                select(Evaluation)
                .where(Evaluation.purpose == REFERENCE, Evaluation.status == "reviewed")
                .order_by(Evaluation.id)
                .options(selectinload(Evaluation.answers))
            )
            if client is not None:
                cid = find_client(s, client).id
                q = q.join(Interaction, Interaction.id == Evaluation.interaction_id).where(
                    Interaction.client_id == cid
                )
            references = {ev.interaction_id: ev for ev in s.scalars(q)}  # the newest wins
            ids = sorted(references)
            out = []
            for i in range(0, len(ids), _CHUNK):
                eq = (
                    select(Evaluation)
                    .where(
                        Evaluation.interaction_id.in_(ids[i : i + _CHUNK]),
                        Evaluation.purpose != REFERENCE,
                        Evaluation.status == "reviewed",
                        Evaluation.reviewer_id.is_not(None),
                    )
                    .options(selectinload(Evaluation.answers), selectinload(Evaluation.reviewer))
                    .order_by(Evaluation.id)
                )
                if session_id is not None:
                    eq = eq.where(Evaluation.calibration_id == session_id)
                for ev in s.scalars(eq):
                    ref = references[ev.interaction_id]
                    name = ev.reviewer.name if ev.reviewer else ""
                    if ev.version_id != ref.version_id or (reviewer and name != reviewer):
                        continue
                    out.append(
                        Attempt(
                            reviewer=name,
                            interaction_id=ev.interaction_id,
                            when=ev.updated_at,
                            template=template_of(s.get_one(ChecklistVersion, ev.version_id)),
                            answers={a.criterion_id: a.value for a in ev.answers},
                            reference={a.criterion_id: a.value for a in ref.answers},
                        )
                    )
            return out

    def report(self, client: int | str | None = None) -> tuple[ReviewerAlignment, ...]:
        """Per reviewer: agreement with the references per criterion, drift, by month."""
        return align(self.attempts(client))

    def onboarding(self, reviewer: str, session_id: int | None = None) -> tuple[Disagreement, ...]:
        """Where *reviewer* differs from the references (in one session, or anywhere)."""
        return disagreements(self.attempts(reviewer=reviewer, session_id=session_id))
