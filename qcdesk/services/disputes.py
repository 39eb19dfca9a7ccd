"""Disputes: a consultant or head of sales contests answers of a reviewed evaluation.

The lead opens one on behalf of a consultant (or a ``viewer`` does in team mode) on specific
answers, with a mandatory comment and optionally the answers they propose. The lead or the
evaluation's own reviewer decides it: accepted, partially accepted or rejected, with a reason
code and a comment, by the company's deadline. An accepted answer replaces the reviewer's in
the evaluation and the score is computed again, so every report counts the final answer; the
dispute keeps both the original and the final value of each answer, and both scores.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload, sessionmaker

from qcdesk.db.models import (
    REGULAR,
    Client,
    Dispute,
    DisputeItem,
    Evaluation,
    EvaluationAnswer,
    Interaction,
)
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.base import ServiceBase
from qcdesk.services.plan_dto import (
    DISPUTE_REASONS,
    DISPUTE_STATUSES,
    DisputeInfo,
    DisputeItemInfo,
)
from qcdesk.services.scoresheet import load_evaluation, store_score
from qcdesk.services.template_versions import template_of

MAX_DEADLINE_DAYS = 365


class DisputeError(KnownError):
    """A dispute that cannot be opened or decided as asked; the message says why."""


def _info(d: Dispute) -> DisputeInfo:
    ev = d.evaluation
    it = ev.interaction
    return DisputeInfo(
        id=d.id, evaluation_id=ev.id, interaction_id=it.id, client_id=it.client_id,
        consultant=it.consultant.name if it.consultant else "",
        reviewer=ev.reviewer.name if ev.reviewer else "", status=d.status,
        opened_by=d.opened_by, on_behalf_of=d.on_behalf_of, comment=d.comment,
        opened_at=d.opened_at, deadline=d.deadline, reason=d.reason,
        decision_comment=d.decision_comment, decided_by=d.decided_by, decided_at=d.decided_at,
        score_before=d.score_before, score_after=d.score_after,
        overdue=d.status == "open" and date.today() > d.deadline,
        items=tuple(
            DisputeItemInfo(i.criterion_id, i.original_value, i.proposed_value, i.final_value,
                            i.accepted)
            for i in d.items
        ),
    )  # fmt: skip


def _load(s: Session, dispute_id: int) -> Dispute:
    d = s.scalars(
        select(Dispute)
        .where(Dispute.id == dispute_id)
        .options(
            selectinload(Dispute.items),
            joinedload(Dispute.evaluation).joinedload(Evaluation.interaction),
        )
    ).one_or_none()
    if d is None:
        raise DisputeError(
            QT_TRANSLATE_NOOP("KnownError", "There is no dispute {id}."), id=dispute_id
        )
    return d


class DisputeService(ServiceBase):
    def __init__(
        self, factory: sessionmaker[Session], db_path: Path, reviewer: Callable[[], str]
    ) -> None:
        super().__init__(factory, db_path)
        self._reviewer = reviewer  # who acts: the reviewer name of this window or command

    def _actor(self) -> str:
        name = self._reviewer().strip()
        if not name:
            raise DisputeError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "Set your reviewer name first: disputes record who acted."
                )
            )
        return name

    def open(
        self,
        evaluation_id: int,
        proposals: Mapping[str, str | None],
        comment: str,
        on_behalf_of: str = "",
    ) -> DisputeInfo:
        """Contest the answers named in *proposals* (criterion -> proposed answer or None).

        Raises:
            DisputeError: no comment, the evaluation is not reviewed, a criterion is not in
                its checklist, a proposal is not an answer to it or equals the answer given,
                or the answer is already under an open dispute.
        """
        actor = self._actor()
        if not comment.strip():
            raise DisputeError(QT_TRANSLATE_NOOP("KnownError", "A dispute needs a comment."))
        if not proposals:
            raise DisputeError(
                QT_TRANSLATE_NOOP("KnownError", "Name at least one answer to dispute.")
            )
        with self._session() as s:
            ev = load_evaluation(s, evaluation_id)
            if ev.status != "reviewed" or ev.purpose != REGULAR:
                raise DisputeError(
                    QT_TRANSLATE_NOOP(
                        "KnownError", "Only a reviewed evaluation can be disputed ({id} is not)."
                    ),
                    id=evaluation_id,
                )
            template = template_of(ev.version)
            known = {c.id: c for c in template.criteria()}
            answers = {a.criterion_id: a.value for a in ev.answers}
            busy = set(
                s.scalars(
                    select(DisputeItem.criterion_id)
                    .join(Dispute, Dispute.id == DisputeItem.dispute_id)
                    .where(Dispute.evaluation_id == evaluation_id, Dispute.status == "open")
                )
            )
            for cid, value in proposals.items():
                if cid not in known:
                    raise DisputeError(
                        QT_TRANSLATE_NOOP("KnownError", "The checklist has no criterion {id}."),
                        id=cid,
                    )
                if value is not None and (
                    value not in known[cid].values or value == answers.get(cid)
                ):
                    raise DisputeError(
                        QT_TRANSLATE_NOOP(
                            "KnownError",
                            "{value} is not another possible answer to «{title}».",
                        ),
                        value=value,
                        title=known[cid].title,
                    )
                if cid in busy:
                    raise DisputeError(
                        QT_TRANSLATE_NOOP(
                            "KnownError", "«{title}» is already under an open dispute."
                        ),
                        title=known[cid].title,
                    )
            client = s.get_one(Client, ev.interaction.client_id)
            days = min(max(int(client.dispute_deadline_days), 0), MAX_DEADLINE_DAYS)
            d = Dispute(
                evaluation_id=ev.id, status="open", opened_by=actor,
                on_behalf_of=on_behalf_of.strip(), comment=comment.strip(),
                opened_at=datetime.now(), deadline=date.today() + timedelta(days=days),
                score_before=ev.score,
            )  # fmt: skip
            for cid in known:  # template order
                if cid in proposals:
                    d.items.append(
                        DisputeItem(criterion_id=cid, original_value=answers.get(cid),
                                    proposed_value=proposals[cid])
                    )  # fmt: skip
            s.add(d)
            s.flush()
            return _info(d)

    def decide(
        self,
        dispute_id: int,
        outcome: str,
        reason: str,
        comment: str,
        accept: Mapping[str, str | None] | None = None,
        *,
        as_lead: bool = False,
    ) -> DisputeInfo:
        """Settle an open dispute; an accepted answer changes the evaluation and its score.

        Args:
            outcome: "accepted", "partially_accepted" or "rejected".
            accept: the criteria accepted, each with its final answer (None: the proposed
                one). "accepted" without it accepts every item as proposed;
                "partially_accepted" names some but not all; "rejected" names none.
            as_lead: the person acting decides as the QC lead; otherwise only the
                evaluation's own reviewer may decide.
        """
        if outcome not in DISPUTE_STATUSES[1:]:
            raise ValueError(f"outcome is one of {', '.join(DISPUTE_STATUSES[1:])}")
        if reason not in DISPUTE_REASONS:
            raise ValueError(f"reason is one of {', '.join(DISPUTE_REASONS)}")
        actor = self._actor()
        if not comment.strip():
            raise DisputeError(QT_TRANSLATE_NOOP("KnownError", "A decision needs a comment."))
        with self._session() as s:
            d = _load(s, dispute_id)
            if d.status != "open":
                raise DisputeError(
                    QT_TRANSLATE_NOOP("KnownError", "Dispute {id} is decided already."),
                    id=dispute_id,
                )
            ev = load_evaluation(s, d.evaluation_id)
            own = ev.reviewer is not None and ev.reviewer.name == actor
            if not (as_lead or own):
                raise DisputeError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "Only the QC lead or the evaluation's reviewer ({reviewer}) decides "
                        "a dispute.",
                    ),
                    reviewer=ev.reviewer.name if ev.reviewer else "—",
                )
            chosen = self._chosen(d, outcome, accept)
            template = template_of(ev.version)
            by_id = {c.id: c for c in template.criteria()}
            answers = {a.criterion_id: a for a in ev.answers}
            for item in d.items:
                if item.criterion_id not in chosen:
                    item.accepted, item.final_value = False, item.original_value
                    continue
                value = chosen[item.criterion_id] or item.proposed_value
                if value is None or value not in by_id[item.criterion_id].values:
                    raise DisputeError(
                        QT_TRANSLATE_NOOP("KnownError", "Give the final answer to «{title}»."),
                        title=by_id[item.criterion_id].title,
                    )
                answer = answers.get(item.criterion_id)
                if answer is None:
                    answer = EvaluationAnswer(criterion_id=item.criterion_id, comment="",
                                              evidence=[])  # fmt: skip
                    ev.answers.append(answer)
                answer.value, answer.confirmed = value, True
                item.accepted, item.final_value = True, value
            store_score(ev, template, touch_status=False)
            d.status, d.reason, d.decision_comment = outcome, reason, comment.strip()
            d.decided_by, d.decided_at, d.score_after = actor, datetime.now(), ev.score
            s.flush()
            return _info(d)

    @staticmethod
    def _chosen(
        d: Dispute, outcome: str, accept: Mapping[str, str | None] | None
    ) -> dict[str, str | None]:
        items = {i.criterion_id for i in d.items}
        chosen = dict(accept or {})
        if outcome == "accepted" and accept is None:
            chosen = dict.fromkeys(items)
        unknown = set(chosen) - items
        fits = {
            "accepted": set(chosen) == items,
            "partially_accepted": bool(chosen) and set(chosen) < items,
            "rejected": not chosen,
        }[outcome]
        if unknown or not fits:
            raise DisputeError(
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "The answers accepted do not fit the decision: accepted takes every "
                    "disputed answer, partially accepted some of them, rejected none.",
                )
            )
        return chosen

    def list(
        self,
        *,
        status: str | None = None,
        client_id: int | None = None,
        evaluation_id: int | None = None,
    ) -> list[DisputeInfo]:
        """Disputes, open ones by deadline first, then decided ones newest first."""
        with self._session() as s:
            q = (
                select(Dispute)
                .join(Evaluation, Evaluation.id == Dispute.evaluation_id)
                .join(Interaction, Interaction.id == Evaluation.interaction_id)
                .options(
                    selectinload(Dispute.items),
                    joinedload(Dispute.evaluation).joinedload(Evaluation.interaction),
                )
            )
            if status is not None:
                q = q.where(Dispute.status == status)
            if client_id is not None:
                q = q.where(Interaction.client_id == client_id)
            if evaluation_id is not None:
                q = q.where(Dispute.evaluation_id == evaluation_id)
            rows = [_info(d) for d in s.scalars(q)]
        rows.sort(key=lambda d: (d.status != "open", d.deadline if d.status == "open" else date.min,
                                 -(d.decided_at or d.opened_at).timestamp()))  # fmt: skip
        return rows

    def deadline_days(self, client_id: int) -> int:
        """Days the company gives to decide a dispute."""
        with self._session() as s:
            return int(s.get_one(Client, client_id).dispute_deadline_days)

    def set_deadline_days(self, client_id: int, days: int) -> None:
        """Set the company's deadline; disputes opened before keep theirs."""
        if not 0 < days <= MAX_DEADLINE_DAYS:
            raise ValueError(f"days are between 1 and {MAX_DEADLINE_DAYS}")
        with self._session() as s:
            s.get_one(Client, client_id).dispute_deadline_days = days

    def evaluation_of(self, interaction_id: int) -> int | None:
        """The interaction's newest reviewed evaluation: the one a dispute is opened on."""
        with self._session() as s:
            return s.scalar(
                select(Evaluation.id)
                .where(
                    Evaluation.interaction_id == interaction_id,
                    Evaluation.status == "reviewed",
                    Evaluation.purpose == REGULAR,
                )
                .order_by(Evaluation.id.desc())
                .limit(1)
            )
