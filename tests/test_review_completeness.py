"""Marking reviewed on an incomplete form: refused unless confirmed, and what was left out."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from qcdesk.domain.checklist import Criterion, Section
from qcdesk.services.evaluations import IncompleteReviewError
from qcdesk.services.importer import ImportOptions


@pytest.fixture
def evaluation(services, stereo_wav: Path):
    iid = services.importer.import_paths([stereo_wav], ImportOptions(client="А")).imported[0]
    return services.evaluations.open(iid)


def _answer_all_but(services, state, *skip: str):
    for c in state.template.criteria():
        if c.id not in skip:
            value = "5" if c.answer == "scale_1_5" else "yes"
            state = services.evaluations.set_answer(state.evaluation_id, c.id, value)
    return state


def test_unanswered_critical_criterion_refuses_mark_reviewed(services, evaluation) -> None:
    state = _answer_all_but(services, evaluation, "no_rudeness", "farewell")
    assert state.unanswered == tuple(
        c.id for c in state.template.criteria() if c.id in ("no_rudeness", "farewell")
    )
    with pytest.raises(IncompleteReviewError) as info:
        services.evaluations.set_status(state.evaluation_id, "reviewed")
    assert set(info.value.missing) == {"no_rudeness", "farewell"}
    assert info.value.critical == ("no_rudeness",)
    # Nothing changed: still in progress, in the service and in the list.
    assert services.evaluations.open(evaluation.interaction_id).status == "in_progress"
    assert services.interactions.row(evaluation.interaction_id).status == "in_progress"


def test_confirmed_left_out_criteria_are_recorded(services, evaluation) -> None:
    state = _answer_all_but(services, evaluation, "no_rudeness", "farewell")
    state = services.evaluations.set_status(
        state.evaluation_id, "reviewed", confirm_incomplete=True
    )
    assert state.status == "reviewed" and not state.incomplete
    assert set(state.left_out) == {"no_rudeness", "farewell"}
    row = services.interactions.row(evaluation.interaction_id)
    assert row.status == "reviewed" and not row.review_incomplete
    # Answering one later takes it off the list of what was left out.
    state = services.evaluations.set_answer(state.evaluation_id, "farewell", "no")
    assert state.left_out == ("no_rudeness",) and not state.incomplete
    # Back in progress, nothing counts as left out any more.
    state = services.evaluations.set_status(state.evaluation_id, "in_progress")
    assert state.left_out == ()


def test_a_complete_form_needs_no_confirmation(services, evaluation) -> None:
    state = _answer_all_but(services, evaluation)
    state = services.evaluations.set_status(state.evaluation_id, "reviewed")
    assert state.status == "reviewed" and state.left_out == () and state.unanswered == ()


def test_template_switch_adding_a_criterion_flags_the_reviewed_evaluation(
    qapp, services, evaluation
) -> None:
    state = _answer_all_but(services, evaluation)
    state = services.evaluations.set_status(state.evaluation_id, "reviewed")
    svc = services.templates
    draft = svc.start_draft(svc.open(svc.resolve("sales-call-ru")).info.template_id)
    t = draft.template
    extra = Section("Новое", (Criterion("upsell", "Допродажа", "", "yes_no", 1.0),))
    svc.save_draft(draft.info.version_id, dataclasses.replace(t, sections=(*t.sections, extra)))
    svc.publish(draft.info.version_id)

    report = services.rescore.rescore(state.evaluation_id, apply=True)
    moved = report.state
    assert moved.status == "reviewed"
    assert moved.unanswered == ("upsell",) and moved.incomplete
    row = services.interactions.row(evaluation.interaction_id)
    assert row.review_incomplete
    # The list says so in its status column.
    from PySide6.QtCore import Qt

    from qcdesk.qtmodels.interactions import COLUMN_IDS, InteractionsTableModel

    model = InteractionsTableModel()
    model.set_rows(services.interactions.query())
    status = model.index(model.row_of(evaluation.interaction_id), COLUMN_IDS.index("status"))
    assert model.data(status) == "Reviewed, incomplete"
    assert "unanswered" in model.data(status, Qt.ItemDataRole.ToolTipRole)
    # Answering the new criterion clears the flag.
    done = services.evaluations.set_answer(moved.evaluation_id, "upsell", "yes")
    assert not done.incomplete
    assert not services.interactions.row(evaluation.interaction_id).review_incomplete


def test_overall_comment_and_recommendation_are_saved(services, evaluation) -> None:
    ev_id = evaluation.evaluation_id
    services.evaluations.set_overall(ev_id, overall_comment="  Вежливо, но без допродажи ")
    state = services.evaluations.set_overall(ev_id, recommendation="Предлагать аксессуары")
    assert state.overall_comment == "Вежливо, но без допродажи"
    assert state.recommendation == "Предлагать аксессуары"
    assert services.evaluations.open(evaluation.interaction_id).recommendation == (
        "Предлагать аксессуары"
    )


@pytest.mark.gui
def test_workspace_flags_a_reviewed_form_with_new_unanswered_criteria(
    qtbot, services, evaluation, open_workspace
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    state = _answer_all_but(services, evaluation)
    state = services.evaluations.set_status(state.evaluation_id, "reviewed")
    svc = services.templates
    draft = svc.start_draft(svc.open(svc.resolve("sales-call-ru")).info.template_id)
    t = draft.template
    extra = Section("Новое", (Criterion("upsell", "Допродажа", "", "yes_no", 1.0),))
    svc.save_draft(draft.info.version_id, dataclasses.replace(t, sections=(*t.sections, extra)))
    svc.publish(draft.info.version_id)
    services.rescore.rescore(state.evaluation_id, apply=True)

    ws = open_workspace()
    ws.load(evaluation.interaction_id)
    flag = ws.form.incomplete_label
    assert flag.isVisible() and "Допродажа" in flag.text()
    assert ws.form.reviewed_button.isChecked()

    def leave_out() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, leave_out)
            return
        next(b for b in box.buttons() if b.text() == "Leave them out").click()

    QTimer.singleShot(0, leave_out)
    flag.linkActivated.emit("leave-out")
    assert not flag.isVisible()
    stored = services.evaluations.open(evaluation.interaction_id)
    assert stored.left_out == ("upsell",) and not stored.incomplete
