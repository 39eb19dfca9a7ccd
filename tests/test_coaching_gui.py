"""The coaching window and the meeting-pack dialog (issue 14 §4), offscreen."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qcdesk.jobs import JobManager
from qcdesk.qtmodels.coaching import GREEN, RED
from qcdesk.reports.model import Period
from tests.helpers.coaching import add_call

pytestmark = pytest.mark.gui
START = datetime(2026, 10, 1, 10, 0)


@pytest.fixture
def team(services):  # type: ignore[no-untyped-def]
    client = services.catalog.ensure_client("Тест Окно", "ru")
    anna = services.catalog.ensure_consultant(client.id, "Анна Смирнова")
    for i in range(5):
        add_call(services, client.id, anna.id, START + timedelta(days=i), {"next_step": "no"})
        add_call(services, client.id, anna.id, START + timedelta(days=20 + i), {})
    return client, anna


def test_plan_session_and_progress_through_the_window(qtbot, qtmodeltester, services, team) -> None:  # type: ignore[no-untyped-def]
    from qcdesk.widgets.coaching_window import CoachingWindow

    client, anna = team
    window = CoachingWindow(services, today=date(2026, 11, 1))
    qtbot.addWidget(window)
    window.select(client.id, anna.id)
    assert window.focus_model.rowCount() == 0
    window.propose()
    assert [f.criterion_id for f in window.focus_model.rows()] == ["next_step"]
    target = window.focus_model.index(0, window.focus_model.TARGET)
    assert window.focus_model.setData(target, 90.0)
    assert not window.focus_model.setData(target, 150.0)  # a target is a percentage
    window.coach_edit.setText("Ольга Мельникова")
    saved = window.save_plan()
    assert saved is not None and saved.version == 1 and saved.focus[0].target == 90.0
    assert services.coaching.current_plan(anna.id) == saved
    qtmodeltester.check(window.focus_model)

    dialog = window.add_session()
    assert dialog is not None
    dialog.when_edit.setDateTime(datetime(2026, 10, 15, 12, 0))
    dialog.action_rows.add("Называть следующий шаг", "Анна Смирнова", "20.10.2026")
    dialog.action_rows.add("Прослушать звонки", "Ольга", "31.12.2026")
    dialog.action_rows.add("Ошибка в дате", "", "32.13.2026")
    assert dialog.save() is None and "3" in dialog.error_label.text()  # refused, named
    dialog.action_rows.remove(2)
    dialog.ack_check.setChecked(True)
    assert dialog.save() is not None
    assert window.sessions_model.rowCount() == 1
    qtmodeltester.check(window.sessions_model)
    qtmodeltester.check(window.actions_model)
    late = window.actions_model.index(0, 0)
    assert window.actions_model.data(late, Qt.ItemDataRole.ForegroundRole).color() == RED
    assert (
        window.actions_model.data(window.actions_model.index(1, 0), Qt.ItemDataRole.ForegroundRole)
        is None
    )
    window.actions_view.setCurrentIndex(late)
    window._on_done_button_clicked()
    (session,) = services.coaching.sessions(consultant_id=anna.id)
    assert session.actions[0].done and session.acknowledged

    window.tabs.setCurrentIndex(2)
    model = window.progress_model
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    row = model.rows()[0]
    assert (row.figures.before, row.figures.after) == (0.0, 100.0)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole).color() == GREEN
    window.window_spin.setValue(4)  # the company's window: 4 a side is too few to conclude
    window.window_spin.editingFinished.emit()
    assert services.coaching.progress_window(client.id) == 4
    assert model.rows()[0].figures.n_before == 4 and not model.rows()[0].figures.conclusive


def test_meeting_pack_dialog_writes_and_refuses_to_overwrite(
    qtbot, services, team, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from qcdesk.widgets.meeting_dialog import MeetingPackDialog

    client, _anna = team
    dialog = MeetingPackDialog(services, JobManager(synchronous=True), client.id, tmp_path)
    qtbot.addWidget(dialog)
    dialog.period_picker.set_period(Period.month(2026, 10))
    dialog.write(replace=False)
    qtbot.waitUntil(lambda: not dialog.progress_dialog.isVisible())  # it closes after the job
    assert dialog.pack_result is not None and dialog.pack_result.pdf.is_file()
    assert dialog.pack_result.pdf.parent == tmp_path and "2026-10" in dialog.pack_result.pdf.name
    stamp = dialog.pack_result.pdf.stat().st_mtime_ns
    first = dialog.pack_result
    dialog.write(replace=False)  # already there: the service refuses, nothing is replaced
    qtbot.waitUntil(lambda: not dialog.progress_dialog.isVisible())
    assert dialog.pack_result is first and Path(first.pdf).stat().st_mtime_ns == stamp
    dialog.write(replace=True)
    qtbot.waitUntil(lambda: not dialog.progress_dialog.isVisible())
    assert dialog.pack_result is not first


def test_meeting_is_recorded_and_its_actions_ticked_off(
    qtbot, qtmodeltester, services, team, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from qcdesk.widgets.meeting_dialog import MeetingPackDialog

    client, _anna = team
    dialog = MeetingPackDialog(services, JobManager(synchronous=True), client.id, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.actions_model.rowCount() == 0
    record = dialog.record_meeting()
    assert record is not None and record.format_combo.currentData() == "meeting"
    record.when_edit.setDateTime(datetime(2026, 11, 2, 9, 30))
    record.action_rows.add("Разобрать звонки с возражениями", "Наталья", "10.11.2026")
    record.action_rows.add("Обновить скрипт", "Ольга", "")
    assert record.save() is not None
    (meeting,) = services.coaching.sessions(client_id=client.id, formats=("meeting",))
    assert meeting.consultant_id is None and [a.text for a in meeting.actions] == [
        "Разобрать звонки с возражениями",
        "Обновить скрипт",
    ]
    assert dialog.actions_model.rowCount() == 2 and "02.11.2026" in dialog.actions_label.text()
    qtmodeltester.check(dialog.actions_model)
    dialog.actions_view.selectRow(1)
    dialog._on_done_button_clicked()
    (meeting,) = services.coaching.sessions(client_id=client.id, formats=("meeting",))
    assert [a.done for a in meeting.actions] == [False, True]
    # The next pack prints them with their state.
    pack = services.meetings.pack(client.id, Period.month(2026, 11), today=date(2026, 11, 20))
    assert [(a.text, a.done, a.overdue) for a in pack.previous_actions] == [
        ("Разобрать звонки с возражениями", False, True),
        ("Обновить скрипт", True, False),
    ]
