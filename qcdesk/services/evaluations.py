"""Filling a checklist for an interaction; every change is committed at once (autosave).

Auto-prefill suggestions (see ``services.prefill``) arrive as answers with ``confirmed``
False; the reviewer accepts one, accepts all, or answers differently. Any answer the reviewer
gives (clearing one included) is confirmed, so a later re-run leaves it alone, while the
suggestion stays stored beside it for the agreement figures.

Marking a form reviewed with criteria unanswered needs ``confirm_incomplete=True``: the
evaluation then records them as left out (``left_out``). A reviewed evaluation that later has
other criteria unanswered (a template switch added them) is flagged ``incomplete``, and the
interaction keeps a copy of that flag for the list, as it does of the score.

One click is one unit of work: the evaluation is read with what it needs in one query, the
template looked up once, and the score computed once for both the stored copy and the state
handed back (`services.scoresheet`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from qcdesk.db.models import (
    CALIBRATION,
    CalibrationParticipant,
    CalibrationSession,
    Evaluation,
    EvaluationAnswer,
    Interaction,
)
from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.base import ServiceBase, latest_evaluation
from qcdesk.services.dto import EvaluationState
from qcdesk.services.languages import working_language
from qcdesk.services.prefill import prefill_in_session
from qcdesk.services.scoresheet import (
    completeness,
    evaluation_state,
    get_or_create_reviewer,
    is_regular,
    load_evaluation,
    store_score,
    unanswered,
)
from qcdesk.services.templates import default_version, template_of

STATUSES = ("in_progress", "reviewed")
MAX_OPEN_SECONDS = 2 * 3600.0  # one sitting with a form counts at most this much


class IncompleteReviewError(KnownError):
    """Marking reviewed with criteria unanswered, and the reviewer did not confirm it.

    Attributes:
        missing: the unanswered criterion ids, in template order.
        critical: those of them that are critical.
    """

    def __init__(self, missing: tuple[str, ...], critical: tuple[str, ...], titles: str) -> None:
        self.missing = missing
        self.critical = critical
        super().__init__(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "The form cannot be marked reviewed: criteria are unanswered ({titles}). "
                "Answer them, or confirm leaving them out.",
            ),
            titles=titles,
        )


def check_editable(s: Session, ev: Evaluation) -> None:
    """Refuse changing a calibration participant's answers once submitted or the session closed.

    Raises:
        KnownError: the answers are final (the comparison may already be showing them).
    """
    if ev.purpose != CALIBRATION or ev.calibration_id is None:
        return
    session = s.get_one(CalibrationSession, ev.calibration_id)
    part = s.get(CalibrationParticipant, (ev.calibration_id, ev.reviewer_id))
    if session.status != "open" or (part is not None and part.submitted_at is not None):
        raise KnownError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "These calibration answers were submitted or the session is closed: "
                "they can no longer change.",
            )
        )


class EvaluationService(ServiceBase):
    def __init__(self, factory, db_path: Path, reviewer: str = "") -> None:  # type: ignore[no-untyped-def]
        super().__init__(factory, db_path)
        self.reviewer = reviewer

    def open(self, interaction_id: int) -> EvaluationState:
        """The interaction's latest evaluation, or a new one with the default template."""
        with self._session() as s:
            ev = latest_evaluation(s, interaction_id)
            if ev is None:
                it = s.get_one(Interaction, interaction_id)
                version = default_version(s, it.kind, working_language(s, it), it.client_id)
                ev = Evaluation(
                    interaction_id=it.id,
                    version_id=version.id,
                    reviewer=get_or_create_reviewer(s, self.reviewer),
                    status="in_progress",
                )
                s.add(ev)
                s.flush()
            elif ev.reviewer is None and self.reviewer.strip():
                # Auto-prefill made it; the first person to open it is its reviewer.
                ev.reviewer = get_or_create_reviewer(s, self.reviewer)
            return evaluation_state(ev)

    def clock_in(self, evaluation_id: int) -> None:
        """A review workspace shows the evaluation from now (for reviewer productivity)."""
        with self._session() as s:
            ev = s.get(Evaluation, evaluation_id)
            if ev is not None:  # deleted meanwhile (another window, the CLI): nothing to time
                ev.opened_at = datetime.now()

    def clock_out(self, evaluation_id: int) -> float:
        """The workspace left it: adds the time since `clock_in`; returns the total seconds.

        A gap past `MAX_OPEN_SECONDS` (a window left open overnight) counts as that much.
        """
        with self._session() as s:
            ev = s.get(Evaluation, evaluation_id)
            if ev is None:  # deleted while open: nothing left to count
                return 0.0
            if ev.opened_at is not None:
                spent = (datetime.now() - ev.opened_at).total_seconds()
                ev.open_seconds = (ev.open_seconds or 0.0) + min(max(spent, 0.0), MAX_OPEN_SECONDS)
                ev.opened_at = None
            return float(ev.open_seconds or 0.0)

    def _edit(
        self,
        evaluation_id: int,
        criterion_id: str,
        change: Callable[[EvaluationAnswer], None],
        check: Callable[[ChecklistTemplate], None] | None = None,
    ) -> EvaluationState:
        """One criterion's answer changed, scored and handed back in one unit of work.

        *check* validates against the template before anything changes (it raises).
        """
        with self._session() as s:
            ev = load_evaluation(s, evaluation_id)
            check_editable(s, ev)
            template = template_of(ev.version)
            template.criterion(criterion_id)  # KeyError if unknown
            if check is not None:
                check(template)
            answer = next((a for a in ev.answers if a.criterion_id == criterion_id), None)
            if answer is None:
                answer = EvaluationAnswer(
                    criterion_id=criterion_id, value=None, comment="", evidence=[]
                )
                answer.confirmed = False  # a comment or evidence alone decides no value yet
                ev.answers.append(answer)
            change(answer)
            result = store_score(ev, template)
            s.flush()
            return evaluation_state(ev, template, result)

    def set_answer(
        self, evaluation_id: int, criterion_id: str, value: str | None
    ) -> EvaluationState:
        """Answer one criterion; an invalid value for its answer type raises ValueError.

        The answer is confirmed: the same value as the suggestion accepts it, another value
        overrides it (the suggestion is kept for the agreement figures), None clears it.
        """

        def check(template: ChecklistTemplate) -> None:
            if value is not None and value not in template.criterion(criterion_id).values:
                raise ValueError(f"{value!r} is not an answer to {criterion_id}")

        def change(a: EvaluationAnswer) -> None:
            a.value = value
            a.confirmed = True

        return self._edit(evaluation_id, criterion_id, change, check)

    def accept_suggestion(self, evaluation_id: int, criterion_id: str) -> EvaluationState:
        """Confirm the suggested answer of one criterion; an abstention has nothing to accept."""

        def change(a: EvaluationAnswer) -> None:
            if a.suggested and not a.confirmed and a.suggested_value is not None:
                a.value = a.suggested_value
                a.confirmed = True

        return self._edit(evaluation_id, criterion_id, change)

    def accept_all_suggestions(self, evaluation_id: int) -> EvaluationState:
        """Confirm every unconfirmed suggestion; abstentions stay empty for the reviewer."""
        with self._session() as s:
            ev = load_evaluation(s, evaluation_id)
            check_editable(s, ev)
            for a in ev.answers:
                if a.suggested and not a.confirmed and a.suggested_value is not None:
                    a.value = a.suggested_value
                    a.confirmed = True
            template = template_of(ev.version)
            result = store_score(ev, template)
            s.flush()
            return evaluation_state(ev, template, result)

    def rerun_prefill(self, evaluation_id: int) -> EvaluationState:
        """Run auto-prefill again ("Re-run auto-prefill"); confirmed answers stay as they are.

        Raises:
            KnownError: the interaction has no transcript with roles to run the rules on.
        """
        with self._session() as s:
            ev = load_evaluation(s, evaluation_id)
            if prefill_in_session(s, ev.interaction_id) is None:
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "Auto-prefill needs a transcript in which the consultant is known.",
                    )
                )
            return evaluation_state(ev)

    def set_comment(self, evaluation_id: int, criterion_id: str, comment: str) -> EvaluationState:
        return self._edit(evaluation_id, criterion_id, lambda a: setattr(a, "comment", comment))

    def add_evidence(
        self, evaluation_id: int, criterion_id: str, seconds: float
    ) -> EvaluationState:
        def change(a: EvaluationAnswer) -> None:
            marks = set(a.evidence or ())
            marks.add(round(float(seconds), 2))
            a.evidence = sorted(marks)

        return self._edit(evaluation_id, criterion_id, change)

    def remove_evidence(
        self, evaluation_id: int, criterion_id: str, seconds: float
    ) -> EvaluationState:
        def change(a: EvaluationAnswer) -> None:
            a.evidence = [t for t in (a.evidence or ()) if abs(t - seconds) > 0.005]

        return self._edit(evaluation_id, criterion_id, change)

    def set_outcome(
        self,
        evaluation_id: int,
        *,
        stage_reached: str | None,
        goal_achieved: bool | None,
        deal_amount: float | None,
    ) -> EvaluationState:
        """Record where the interaction ended and whether its goal was met."""
        with self._session() as s:
            ev = load_evaluation(s, evaluation_id)
            if not is_regular(ev):
                # The outcome lives on the interaction, where reports read it: a calibration
                # compares criteria and must not rewrite the interaction's review.
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "A calibration or reference evaluation has no outcome of its own; "
                        "the outcome belongs to the interaction's review.",
                    )
                )
            stages = {st.id for st in template_of(ev.version).stages}
            if stage_reached is not None and stage_reached not in stages:
                raise ValueError(f"unknown stage {stage_reached!r}")
            it = ev.interaction
            it.stage_reached = stage_reached
            it.goal_achieved = goal_achieved
            it.deal_amount = deal_amount
            if it.status == "new":
                it.status = "in_progress"
            s.flush()
            return evaluation_state(ev)

    def set_overall(
        self,
        evaluation_id: int,
        *,
        overall_comment: str | None = None,
        recommendation: str | None = None,
    ) -> EvaluationState:
        """Save the overall comment and/or the recommendation (None leaves one as it is)."""
        with self._session() as s:
            ev = load_evaluation(s, evaluation_id)
            check_editable(s, ev)
            if overall_comment is not None:
                ev.overall_comment = overall_comment.strip()
            if recommendation is not None:
                ev.recommendation = recommendation.strip()
            ev.updated_at = datetime.now()
            s.flush()
            return evaluation_state(ev)

    def set_status(
        self, evaluation_id: int, status: str, *, confirm_incomplete: bool = False
    ) -> EvaluationState:
        """Mark the form reviewed, or back in progress.

        Raises:
            IncompleteReviewError: marking reviewed with criteria unanswered while
                *confirm_incomplete* is False; with it, they are recorded as left out.
        """
        if status not in STATUSES:
            raise ValueError(status)
        with self._session() as s:
            ev = load_evaluation(s, evaluation_id)
            check_editable(s, ev)
            template = template_of(ev.version)
            if status == "reviewed":
                missing = unanswered(template, {a.criterion_id: a.value for a in ev.answers})
                if missing and not confirm_incomplete:
                    by_id = {c.id: c for c in template.criteria()}
                    critical = tuple(c for c in missing if by_id[c].critical)
                    titles = ", ".join(by_id[c].title for c in missing[:5])
                    if len(missing) > 5:
                        titles += ", …"
                    raise IncompleteReviewError(missing, critical, titles)
                # Signing off a form accepts the suggestions the reviewer left in place, so
                # reports and the agreement screen count them as the reviewer's answers.
                for a in ev.answers:
                    if not a.confirmed and a.value is not None:
                        a.confirmed = True
                ev.left_out = list(missing) or None
            else:
                ev.left_out = None
            if status == "reviewed" and ev.status != "reviewed":
                ev.reviewed_at = datetime.now()
            ev.status = status
            if is_regular(ev):
                ev.interaction.status = status
            completeness(ev, template)
            s.flush()
            return evaluation_state(ev, template)
