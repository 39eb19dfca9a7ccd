"""Move an evaluation to another template version, mapping its answers by criterion id.

"Re-score with the current version" and "use another template for this interaction" are both
explicit actions, because a past score must keep the meaning it was given. Answers
are mapped by criterion id: an answer whose criterion exists in the target (and whose value the
target still allows) is kept with its comment, evidence and suggestion; everything else is left
empty. The report says what was kept, dropped, cleared and added, and the score before and
after; with ``apply=False`` nothing is saved, so the GUI can ask before it changes anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from qcdesk.db.models import ChecklistVersion, Evaluation
from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.domain.scoring import score
from qcdesk.errors import QT_TRANSLATE_NOOP, TemplateError
from qcdesk.services.base import ServiceBase, latest_evaluation
from qcdesk.services.dto import EvaluationState
from qcdesk.services.scoresheet import evaluation_state, store_score
from qcdesk.services.template_versions import newest_published, template_of


@dataclass(frozen=True)
class AnswerMapping:
    """How answers keyed by criterion id fit another template."""

    values: dict[str, str | None]  # what the target keeps: criterion id -> value
    kept: tuple[str, ...]  # answered before and still answered
    dropped: tuple[str, ...]  # answered before; the target has no such criterion
    cleared: tuple[str, ...]  # the target has it, but no longer allows the old answer
    new: tuple[str, ...]  # only in the target: left empty


def map_answers(
    source: ChecklistTemplate, target: ChecklistTemplate, answers: Mapping[str, str | None]
) -> AnswerMapping:
    """Map *answers* (criterion id -> value) from *source* onto *target*, in target order."""
    target_ids = {c.id for c in target.criteria()}
    source_ids = {c.id for c in source.criteria()}
    values: dict[str, str | None] = {}
    kept, cleared = [], []
    for c in target.criteria():
        value = answers.get(c.id)
        if value is None:
            continue
        if value in c.values:
            values[c.id] = value
            kept.append(c.id)
        else:
            cleared.append(c.id)
    dropped = [
        c.id for c in source.criteria() if c.id not in target_ids and answers.get(c.id) is not None
    ]
    new = [c.id for c in target.criteria() if c.id not in source_ids]
    return AnswerMapping(values, tuple(kept), tuple(dropped), tuple(cleared), tuple(new))


@dataclass(frozen=True)
class RescoreReport:
    """What moving an evaluation to *new* version changes (or changed, when applied)."""

    evaluation_id: int
    interaction_id: int
    old_title: str
    old_version: int
    old_version_id: int
    new_title: str
    new_version: int
    new_version_id: int
    kept: tuple[str, ...]
    dropped: tuple[str, ...]
    cleared: tuple[str, ...]
    new: tuple[str, ...]
    titles: dict[str, str]  # criterion id -> title, from either version
    old_score: float | None
    new_score: float | None
    old_critical: bool
    new_critical: bool
    stage_cleared: str | None  # the outcome stage the target has no place for
    applied: bool
    state: EvaluationState | None  # the evaluation afterwards, when applied

    @property
    def changed(self) -> bool:
        """False when the evaluation already uses the target version."""
        return self.old_version_id != self.new_version_id


class RescoreService(ServiceBase):
    def newer_version(self, evaluation_id: int) -> int | None:
        """The number of a published version newer than the evaluation's, if there is one."""
        with self._session() as s:
            ev = s.get_one(Evaluation, evaluation_id)
            newest = newest_published(s, ev.version.template_id)
            if newest is None or newest.version <= ev.version.version:
                return None
            return newest.version

    def rescore(self, evaluation_id: int, *, apply: bool = True) -> RescoreReport:
        """Move the evaluation to the newest published version of its own template."""
        with self._session() as s:
            ev = s.get_one(Evaluation, evaluation_id)
            target = newest_published(s, ev.version.template_id) or ev.version
            if target.version < ev.version.version:
                target = ev.version  # never backwards
            return self._move(ev, target, apply)

    def switch_template(
        self, evaluation_id: int, template_id: int, *, apply: bool = True
    ) -> RescoreReport:
        """Fill this interaction's evaluation with another template (its newest published)."""
        with self._session() as s:
            ev = s.get_one(Evaluation, evaluation_id)
            target = newest_published(s, template_id)
            if target is None:
                raise TemplateError(
                    QT_TRANSLATE_NOOP(
                        "KnownError", "The chosen checklist template has no published version."
                    )
                )
            return self._move(ev, target, apply)

    def _move(self, ev: Evaluation, target: ChecklistVersion, apply: bool) -> RescoreReport:
        old_t, new_t = template_of(ev.version), template_of(target)
        values = {a.criterion_id: a.value for a in ev.answers}
        mapping = map_answers(old_t, new_t, values)
        before = score(old_t, values)
        after = score(new_t, mapping.values)
        it = ev.interaction
        stage = it.stage_reached
        stage_cleared = stage if stage and stage not in {st.id for st in new_t.stages} else None
        titles = {c.id: c.title for c in old_t.criteria()}
        titles.update({c.id: c.title for c in new_t.criteria()})
        state = None
        old_version_id = ev.version_id
        if apply and target.id != ev.version_id:
            target_ids = {c.id for c in new_t.criteria()}
            for a in list(ev.answers):
                if a.criterion_id not in target_ids:
                    ev.answers.remove(a)
                elif a.criterion_id in mapping.cleared:
                    a.value, a.confirmed = None, True
            ev.version = target
            ev.version_id = target.id
            if stage_cleared is not None:
                it.stage_reached = None
            store_score(ev, new_t)
        if apply:
            state = evaluation_state(ev)
        return RescoreReport(
            evaluation_id=ev.id,
            interaction_id=ev.interaction_id,
            old_title=old_t.title,
            old_version=old_t.version,
            old_version_id=old_version_id,
            new_title=new_t.title,
            new_version=new_t.version,
            new_version_id=target.id,
            kept=mapping.kept,
            dropped=mapping.dropped,
            cleared=mapping.cleared,
            new=mapping.new,
            titles=titles,
            old_score=before.total,
            new_score=after.total,
            old_critical=before.critical_failed,
            new_critical=after.critical_failed,
            stage_cleared=stage_cleared,
            applied=apply,
            state=state,
        )

    def latest_evaluation(self, interaction_id: int) -> int | None:
        """The evaluation a workspace shows for the interaction (its newest)."""
        with self._session() as s:
            ev = latest_evaluation(s, interaction_id)
            return None if ev is None else ev.id
