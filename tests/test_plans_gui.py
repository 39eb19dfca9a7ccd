"""The plans screen (issue 13 §2, §6): My queue opens the review workspace, skip and replace,
progress per consultant and reviewer, productivity, and a dispute opened and decided."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from qcdesk import settings as opts
from qcdesk.db.models import Client, Evaluation
from qcdesk.db.session import session_scope
from qcdesk.jobs import JobManager
from qcdesk.qtmodels.plans import ROW_ROLE
from qcdesk.services.demo_large import create_large_demo
from qcdesk.widgets.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def planned(services):  # type: ignore[no-untyped-def]
    """A November sample of 2 calls per consultant (3 people), all given to Анна."""
    create_large_demo(
        services, seed=5, clients=1, consultants=3, interactions=120, evaluations=0, months=1
    )
    with session_scope(services.session_factory, services.db_path) as s:
        client_id = s.query(Client).one().id
    made = services.plans.create(client_id, "2026-11", {"call": 2}, stratify=("direction",), seed=1)
    services.plans.assign(made.plan_id, ["Анна"], due=date.today() + timedelta(days=3))
    services.evaluations.reviewer = "Анна"
    return made.plan_id


@pytest.fixture
def window(qtbot, services, planned, tmp_path):  # type: ignore[no-untyped-def]
    settings = opts.Settings.from_ini(tmp_path / "settings.ini")
    settings.set(opts.REVIEWER, "Анна")
    w = MainWindow(services, settings, JobManager(synchronous=True))
    qtbot.addWidget(w)
    w.show()
    return w


def test_my_queue_opens_the_workspace_and_comes_back(window, services, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    window.action_map["plans"].trigger()
    screen = window.plans_screen
    assert window.stack.currentWidget() is screen
    assert screen.reviewer_combo.currentText() == "Анна"
    queue = [i.interaction_id for i in services.plans.queue("Анна")]
    model = screen.queue_model
    qtmodeltester.check(model)
    assert [
        model.index(r, 0).data(ROW_ROLE).interaction_id for r in range(model.rowCount())
    ] == queue
    assert len(queue) == 6
    screen.queue_view.setCurrentIndex(model.index(0, 0))
    screen.open_button.click()
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.interaction_id() == queue[0]
    window.workspace.close_workspace()
    assert window.stack.currentWidget() is screen  # back to the queue, not the list
    # The time the evaluation was open is counted for productivity.
    with session_scope(services.session_factory, services.db_path) as s:
        ev = s.query(Evaluation).filter_by(interaction_id=queue[0]).one()
        assert ev.opened_at is None and ev.open_seconds > 0


def test_skip_from_the_queue_draws_a_replacement(window, services, planned, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = window.show_plans()
    before = [r.interaction_id for r in screen.queue_model.rows()]
    screen.queue_view.setCurrentIndex(screen.queue_model.index(0, 0))
    screen.skip_button.click()
    dialog = screen.skip_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.reason.setCurrentIndex(dialog.reason.findData("other"))
    assert not ok.isEnabled()  # "other" needs a comment
    dialog.comment.setText("клиент перепутал номер")
    assert ok.isEnabled()
    ok.click()
    after = [r.interaction_id for r in screen.queue_model.rows()]
    assert before[0] not in after and len(after) == len(before)
    status = services.plans.status(planned)
    skipped = next(i for i in status.items if i.interaction_id == before[0])
    assert skipped.skip_comment == "клиент перепутал номер" and skipped.replaced_by in after
    screen.tabs.setCurrentIndex(1)
    rows = screen.consultant_model.rows()
    assert [r.quota for r in rows] == [2, 2, 2] and sum(r.skipped for r in rows) == 1
    assert [(r.name, r.drawn) for r in screen.reviewer_model.rows()] == [("Анна", 6)]


def _reviewed(services, planned) -> int:  # type: ignore[no-untyped-def]
    item = services.plans.status(planned).items[0]
    ev = services.evaluations.open(item.interaction_id)
    for c in ev.template.criteria():
        value = "5" if c.answer == "scale_1_5" else "no" if c.id == "next_step" else "yes"
        services.evaluations.set_answer(ev.evaluation_id, c.id, value)
    services.evaluations.set_status(ev.evaluation_id, "reviewed")
    return item.interaction_id


def test_a_dispute_opened_and_decided_on_screen(window, services, planned) -> None:  # type: ignore[no-untyped-def]
    iid = _reviewed(services, planned)
    before = services.evaluations.open(iid).score.total
    screen = window.show_plans()
    assert screen.productivity_model.rowCount() == 1  # Анна reviewed one today
    dialog = screen.open_dispute(iid)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    tick, combo = dialog.rows["next_step"]
    tick.setChecked(True)
    combo.setCurrentIndex(combo.findData("yes"))
    assert not ok.isEnabled()  # the comment is mandatory
    dialog.comment.setPlainText("Клиент записан на визит")
    ok.click()
    (dispute,) = services.disputes.list()
    assert dispute.items[0].proposed == "yes" and dispute.opened_by == "Анна"
    screen.tabs.setCurrentIndex(3)
    assert screen.disputes_model.rowCount() == 1
    decide = screen.decide(dispute)
    assert decide.decision() == "rejected"
    decide.rows["next_step"][0].setChecked(True)
    assert decide.decision() == "accepted"
    decide.comment.setPlainText("Согласна, визит назначен")
    decide.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    (done,) = services.disputes.list()
    assert done.status == "accepted" and done.decided_by == "Анна"
    assert services.evaluations.open(iid).score.total > before
    screen.disputes_view.clicked.emit(screen.disputes_model.index(0, 0))
    assert "next_step" in screen.dispute_detail.text()


def test_queue_follows_the_reviewer_picked(window, services, planned) -> None:  # type: ignore[no-untyped-def]
    screen = window.show_plans()
    screen.reviewer_combo.setCurrentText("Борис")
    assert screen.queue_model.rowCount() == 0
    services.plans.assign(planned, ["Борис"], reassign=True)
    screen.reload()
    assert screen.queue_model.rowCount() == 6
    assert not any(r.overdue for r in screen.queue_model.rows())


def test_new_plan_and_assignment_from_the_screen(window, services, planned) -> None:  # type: ignore[no-untyped-def]
    screen = window.show_plans()
    dialog = screen.new_plan()
    dialog.month.setDate(dialog.month.date().fromString("2026-11-01", "yyyy-MM-dd"))
    dialog.quotas["call"].setValue(3)
    dialog.quotas["chat"].setValue(0)
    dialog.by_direction.setChecked(True)
    dialog.seed.setValue(77)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    plan_id = dialog.created.plan_id
    assert screen.plan_combo.currentData() == plan_id and screen.tabs.currentIndex() == 1
    same = services.plans.create(
        dialog.client.currentData(), "2026-11", {"call": 3}, dialog.sample_filter(),
        ("direction",), 77,
    )  # fmt: skip
    drawn = [r.interaction_id for r in screen.items_model.rows()]
    assert drawn == [i.interaction_id for i in services.plans.status(same.plan_id).items]
    assert len(drawn) == 9

    assign = screen.assign()  # nothing selected: the whole plan
    assign.reviewers.setText("Вера, Глеб")
    assign.weights.setText("2")
    ok = assign.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert assign.isVisible() and assign.error.text()  # one weight for two reviewers
    assign.weights.setText("2, 1")
    ok.click()
    assert assign.given == {"Вера": 6, "Глеб": 3}
    reviewers = {r.name: r.drawn for r in screen.reviewer_model.rows()}
    assert reviewers == {"Вера": 6, "Глеб": 3}

    screen.items_view.selectRow(0)
    by_hand = screen.assign()
    by_hand.reviewers.setText("Анна")
    by_hand.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert by_hand.given == {"Анна": 1}
    first = screen.items_model.rows()[0]
    assert first.reviewer == "Анна" and first.interaction_id == drawn[0]
