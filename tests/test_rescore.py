"""Re-score with the current version, and switching an interaction to another template."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from qcdesk.domain.checklist import ChecklistTemplate, Criterion, Section, Stage
from qcdesk.errors import TemplateError
from qcdesk.services.importer import ImportOptions
from qcdesk.services.rescore import map_answers


def crit(cid: str, answer: str = "yes_no", weight: float = 1.0, **kw) -> Criterion:
    return Criterion(cid, cid.title(), "", answer, weight, **kw)


def template(*criteria: Criterion, stages=("greeting", "closing")) -> ChecklistTemplate:
    funnel = tuple(Stage(s, s) for s in stages)
    return ChecklistTemplate("t", "T", "call", "ru", 1, (Section("S", criteria),), funnel, "G")


def test_map_answers_keeps_drops_clears_and_adds() -> None:
    old = template(crit("a"), crit("b"), crit("c"), crit("d", na_allowed=True))
    new = template(crit("a"), crit("c", "scale_1_5"), crit("d"), crit("e"))
    m = map_answers(old, new, {"a": "yes", "b": "no", "c": "yes", "d": "na"})
    assert m.values == {"a": "yes"}
    assert (m.kept, m.dropped, m.cleared, m.new) == (("a",), ("b",), ("c", "d"), ("e",))


@pytest.fixture
def evaluation(services, stereo_wav: Path):
    client = services.catalog.ensure_client("Ромашка")
    iid = services.importer.import_paths([stereo_wav], ImportOptions(client="Ромашка")).imported[0]
    return client, services.evaluations.open(iid)


def _answer_all(services, state, value="yes"):
    for c in state.template.criteria():
        state = services.evaluations.set_answer(
            state.evaluation_id, c.id, "5" if c.answer == "scale_1_5" else value
        )
    return state


def test_rescore_moves_to_the_newest_published_version(services, evaluation) -> None:
    _client, state = evaluation
    state = _answer_all(services, state)
    state = services.evaluations.set_answer(state.evaluation_id, "farewell", "no")
    services.evaluations.set_comment(state.evaluation_id, "greeting", "Вовремя")
    services.evaluations.set_outcome(
        state.evaluation_id, stage_reached="objections", goal_achieved=True, deal_amount=None
    )
    assert services.rescore.newer_version(state.evaluation_id) is None
    nothing = services.rescore.rescore(state.evaluation_id, apply=False)
    assert not nothing.changed

    svc = services.templates
    ru = svc.open(svc.resolve("sales-call-ru"))
    draft = svc.start_draft(ru.info.template_id)
    t = draft.template
    sections = list(t.sections)
    # v2: farewell removed, greeting becomes a scale (old "yes" no longer fits), one new one,
    # and the "objections" stage is gone.
    first = sections[0]
    greeting = dataclasses.replace(first.criteria[0], answer="scale_1_5")
    sections[0] = dataclasses.replace(first, criteria=(greeting, *first.criteria[1:]))
    sections = [
        dataclasses.replace(s, criteria=tuple(c for c in s.criteria if c.id != "farewell"))
        for s in sections
    ]
    sections.append(Section("Новое", (crit("upsell", weight=2),)))
    stages = tuple(st for st in t.stages if st.id != "objections")
    svc.save_draft(
        draft.info.version_id, dataclasses.replace(t, sections=tuple(sections), stages=stages)
    )
    svc.publish(draft.info.version_id)
    assert services.rescore.newer_version(state.evaluation_id) == 2

    preview = services.rescore.rescore(state.evaluation_id, apply=False)
    assert preview.changed and not preview.applied and preview.state is None
    assert services.evaluations.open(state.interaction_id).template.version == 1  # untouched
    report = services.rescore.rescore(state.evaluation_id)
    assert (report.old_version, report.new_version) == (1, 2)
    assert report.dropped == ("farewell",) and report.cleared == ("greeting",)
    assert report.new == ("upsell",) and "needs_discovery" in report.kept
    assert report.old_score < 100 and report.new_score == pytest.approx(100.0)
    assert report.stage_cleared == "objections"
    assert report.titles["farewell"] == "Попрощался"

    after = services.evaluations.open(state.interaction_id)
    assert after.template.version == 2 and after.template_version_id == report.new_version_id
    assert after.answers["greeting"].value is None
    assert after.answers["greeting"].comment == "Вовремя"  # kept with the criterion
    assert "farewell" not in after.answers and after.stage_reached is None
    assert after.score.total == pytest.approx(100.0)
    assert services.interactions.row(state.interaction_id).score == pytest.approx(100.0)
    assert services.rescore.newer_version(state.evaluation_id) is None
    v1 = next(i for i in svc.library() if i.slug == "sales-call-ru" and i.version == 1)
    assert v1.evaluations == 0


def test_switch_template_for_one_interaction(services, evaluation) -> None:
    _client, state = evaluation
    _answer_all(services, state)
    en = services.templates.open(services.templates.resolve("sales-call-en"))
    preview = services.rescore.switch_template(
        state.evaluation_id, en.info.template_id, apply=False
    )
    assert preview.new_title == en.template.title and not preview.dropped  # same ids
    report = services.rescore.switch_template(state.evaluation_id, en.info.template_id)
    assert report.state is not None and report.state.template.id == "sales-call-en"
    assert report.new_score == pytest.approx(100.0)
    assert services.evaluations.open(state.interaction_id).template.id == "sales-call-en"

    draft_only = services.templates.create(
        dataclasses.replace(en.template, id="not-yet", title="Черновик")
    )
    with pytest.raises(TemplateError):
        services.rescore.switch_template(state.evaluation_id, draft_only.info.template_id)
