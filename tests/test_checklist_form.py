"""Scoring from the keyboard in the review workspace; every change is in the database at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qcdesk.services.context import open_services
from qcdesk.services.importer import ImportOptions
from qcdesk.widgets.checklist_form import value_for_digit

pytestmark = pytest.mark.gui


@pytest.fixture
def workspace(services, open_workspace, stereo_wav: Path):
    report = services.importer.import_paths([stereo_wav], ImportOptions(client="Диваны Плюс"))
    (iid,) = report.imported
    ws = open_workspace(1200, 800)
    ws.load(iid)
    assert ws.form.hasFocus()
    return ws, iid


def press(qtbot, *keys, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    for key in keys:
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def fresh(services):
    return open_services(services.db_path, services.library_dir)


def test_digits_answer_and_advance_and_reach_the_database(qtbot, services, workspace) -> None:
    ws, iid = workspace
    criteria = ws.form.state().template.criteria()
    assert ws.form.current_criterion() == criteria[0].id
    press(qtbot, Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2)
    assert ws.form.current_criterion() == criteria[3].id
    state = fresh(services).evaluations.open(iid)
    got = {k: a.value for k, a in state.answers.items() if a.value is not None}
    expected = {
        criteria[0].id: value_for_digit(criteria[0], 1),
        criteria[1].id: value_for_digit(criteria[1], 1),
        criteria[2].id: value_for_digit(criteria[2], 2),
    }
    assert got == expected
    assert state.score is not None and state.score.total is not None
    assert ws.form.total_label.text() == f"Total: {state.score.total:.0f}%"
    # K goes back one criterion; Backspace clears it.
    press(qtbot, Qt.Key.Key_K, Qt.Key.Key_Backspace)
    assert ws.form.current_criterion() == criteria[2].id
    assert fresh(services).evaluations.open(iid).answers[criteria[2].id].value is None


def test_na_only_where_allowed_and_scale_digits(qtbot, services, workspace) -> None:
    ws, iid = workspace
    crits = ws.form.state().template.criteria()
    na_ok = next(c for c in crits if c.na_allowed)
    no_na = next(c for c in crits if not c.na_allowed)
    scale = next(c for c in crits if c.answer == "scale_1_5")
    ws.form.set_current(no_na.id)
    press(qtbot, Qt.Key.Key_0)
    assert ws.form.current_criterion() == no_na.id  # ignored, no advance
    ws.form.set_current(na_ok.id)
    press(qtbot, Qt.Key.Key_0)
    ws.form.set_current(scale.id)
    press(qtbot, Qt.Key.Key_4)
    answers = fresh(services).evaluations.open(iid).answers
    assert answers[na_ok.id].value == "na"
    assert answers[scale.id].value == "4"
    assert no_na.id not in answers or answers[no_na.id].value is None


def test_critical_failure_shows_zero_and_a_flag(qtbot, services, workspace) -> None:
    ws, iid = workspace
    crits = ws.form.state().template.criteria()
    press(qtbot, Qt.Key.Key_1)  # something positive first
    critical = next(c for c in crits if c.critical)
    ws.form.set_current(critical.id)
    assert not ws.form.critical_label.isVisible()
    press(qtbot, Qt.Key.Key_2)  # "no" on a critical criterion
    state = fresh(services).evaluations.open(iid)
    assert state.score is not None and state.score.critical_failed
    assert state.score.total == 0
    assert ws.form.critical_label.isVisible()
    assert ws.form.total_label.text() == "Total: 0%"


def test_evidence_at_current_time_and_chip_seeks(qtbot, services, workspace) -> None:
    ws, iid = workspace
    cid = ws.form.current_criterion()
    ws.controller.seek(12_300)
    press(qtbot, Qt.Key.Key_E, modifier=Qt.KeyboardModifier.ControlModifier)
    assert fresh(services).evaluations.open(iid).answers[cid].evidence == (12.3,)
    (chip,) = ws.form.row(cid).chip_buttons()
    assert chip.text() == "0:12"
    ws.controller.seek(40_000)
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert abs(ws.controller.position() - 12_300) <= 100


def test_comment_saves_after_a_pause_in_typing(qtbot, services, workspace) -> None:
    ws, iid = workspace
    cid = ws.form.current_criterion()
    edit = ws.form.row(cid).comment
    edit.setFocus()
    qtbot.keyClicks(edit, "Greeting was rushed")
    assert QApplication.focusWidget() is edit
    qtbot.waitUntil(
        lambda: (
            fresh(services).evaluations.open(iid).answers.get(cid) is not None
            and fresh(services).evaluations.open(iid).answers[cid].comment == "Greeting was rushed"
        ),
        timeout=3000,
    )
    # Digits typed into the comment are text, not answers.
    qtbot.keyClick(edit, Qt.Key.Key_1)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    answer = fresh(services).evaluations.open(iid).answers[cid]
    assert answer.comment == "Greeting was rushed1"
    assert answer.value is None
    assert ws.form.hasFocus()


def test_outcome_and_mark_reviewed(qtbot, services, workspace) -> None:
    ws, iid = workspace
    stages = ws.form.state().template.stages
    combo = ws.form.stage_combo
    i = combo.findData(stages[2].id)
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    ws.form.goal_check.click()
    _answer_dialog(qtbot, "Leave them out")  # nothing is answered: it asks first
    press(qtbot, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    svc = fresh(services)
    state = svc.evaluations.open(iid)
    assert state.stage_reached == stages[2].id
    assert state.goal_achieved is True
    assert state.status == "reviewed"
    assert svc.interactions.get(iid).row.status == "reviewed"
    assert ws.form.reviewed_button.isChecked()
    ws.activateWindow()  # the offscreen platform does not give it back after the dialog
    qtbot.waitUntil(ws.isActiveWindow, timeout=2000)
    press(qtbot, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    assert fresh(services).evaluations.open(iid).status == "in_progress"
    assert not ws.form.reviewed_button.isChecked()


@pytest.mark.no_qt_log  # playing audio: see the note in test_playback.py
def test_space_and_arrows_drive_playback_from_the_form(qtbot, workspace) -> None:
    ws, _ = workspace
    qtbot.waitUntil(lambda: ws.controller.duration() > 0, timeout=5000)
    press(qtbot, Qt.Key.Key_Right)
    assert abs(ws.controller.position() - 5000) <= 100
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(ws.controller.is_playing, timeout=3000)
    press(qtbot, Qt.Key.Key_BracketRight)
    assert ws.controller.rate() > 1.0
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not ws.controller.is_playing(), timeout=3000)
    assert ws.waveform.has_peaks()
    assert ws.waveform.lane_labels() == ["Consultant", "Client"]


@pytest.fixture
def prefilled(services, open_workspace, stereo_wav: Path, shared_data: Path):
    """A call with dev-003 as its transcript, auto-prefilled, one criterion an abstention;
    filed under the company the dialog speaks for («окно века»), whose name the rules know."""
    import json

    from qcdesk.db.models import EvaluationAnswer
    from qcdesk.db.session import session_scope
    from qcdesk.services.dto import Segment, TranscriptInfo

    report = services.importer.import_paths([stereo_wav], ImportOptions(client="Окно века"))
    (iid,) = report.imported
    data = json.loads((shared_data / "dialogs-dev" / "dev-003.json").read_text(encoding="utf-8"))
    segs = tuple(Segment(s["speaker"], s["start"], s["end"], s["text"]) for s in data["segments"])
    services.interactions.save_transcript(iid, TranscriptInfo("ru", "import", segs))
    done = services.prefill.prefill(iid)
    with session_scope(services.session_factory, services.db_path) as s:
        a = (
            s.query(EvaluationAnswer)
            .filter_by(evaluation_id=done.evaluation_id, criterion_id="open_questions")
            .one()
        )
        a.value, a.suggested_value, a.suggested_confidence = None, None, 0.55
    ws = open_workspace()
    ws.load(iid)
    return ws, iid


def test_suggestions_look_different_and_show_their_evidence(qtbot, services, prefilled) -> None:
    ws, iid = prefilled
    form = ws.form
    greeting = form.row("greeting")
    assert greeting.property("suggestion") == "pending"
    assert greeting.badge.isVisible() and greeting.badge.text().startswith("auto 0.")
    assert greeting.accept_button.isVisible()
    assert greeting.buttons["yes"].isChecked() and greeting.buttons["yes"].property("pending")
    manual = form.row("open_questions")
    assert manual.property("suggestion") == "abstained"
    assert manual.badge.text() == "check manually" and not manual.accept_button.isVisible()
    assert form.row("tone_friendly").property("suggestion") == ""  # a manual criterion
    assert "0" not in form.accept_all_button.text() and form.accept_all_button.isEnabled()
    assert form.outcome_hint.isVisible()

    (chip,) = form.row("named_company").quote_chips()
    state = form.state().answers["named_company"]
    ev = state.suggested_evidence[0]
    assert ev.quote[:10] in chip.text() and ev.quote in chip.toolTip()
    ws.controller.seek(0)
    qtbot.waitUntil(lambda: chip.height() > 10, timeout=2000)  # laid out
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert abs(ws.controller.position() - round(ev.start * 1000)) <= 100
    assert ws.transcript.view.currentIndex().row() == ev.segment
    assert ws.transcript.model.segment(ev.segment).text.strip().startswith(ev.quote[:20])

    # The metrics tab shows this call beside the team's average.
    model = ws.metrics_panel.model
    assert model.rowCount() > 5 and model.comparison().interaction_id == iid


def test_enter_accepts_one_digit_overrides_accept_all_confirms(qtbot, services, prefilled):
    ws, iid = prefilled
    form = ws.form
    form.set_current("greeting")
    form.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert form.current_criterion() == "introduced_self"  # accepted, then advanced
    answers = fresh(services).evaluations.open(iid).answers
    assert answers["greeting"].confirmed and answers["greeting"].value == "yes"
    assert form.row("greeting").property("suggestion") == ""
    suggested = answers["introduced_self"].suggested_value
    other = 2 if suggested == "yes" else 1
    press(qtbot, getattr(Qt.Key, f"Key_{other}"))  # answer differently
    answers = fresh(services).evaluations.open(iid).answers
    assert answers["introduced_self"].confirmed
    assert answers["introduced_self"].value != suggested
    assert answers["introduced_self"].suggested_value == suggested
    assert form.row("introduced_self").hint.isVisible()

    qtbot.mouseClick(form.accept_all_button, Qt.MouseButton.LeftButton)
    answers = fresh(services).evaluations.open(iid).answers
    waiting = [c for c, a in answers.items() if a.suggested and not a.confirmed]
    assert waiting == ["open_questions"]  # the abstention stays for the reviewer
    assert not form.accept_all_button.isEnabled()
    assert form.row("open_questions").badge.text() == "check manually"

    # Re-run: confirmed answers stay, the abstention follows the engine again.
    qtbot.mouseClick(form.rerun_button, Qt.MouseButton.LeftButton)
    again = fresh(services).evaluations.open(iid).answers
    assert again["introduced_self"].value == answers["introduced_self"].value
    assert again["open_questions"].suggested_value is not None
    assert form.state().answers["open_questions"].suggested_value is not None


def test_metrics_model(qtmodeltester, services, prefilled) -> None:
    ws, _ = prefilled
    qtmodeltester.check(ws.metrics_panel.model)


def test_metrics_model_formats_units_and_skips_flags(qtmodeltester) -> None:
    from qcdesk.qtmodels.metrics import KEY_ROLE, MetricsTableModel
    from qcdesk.services.prefill import MetricsComparison

    model = MetricsTableModel()
    cmp = MetricsComparison(
        interaction_id=1,
        kind="chat",
        metrics={
            "first_response_time": 95.0,
            "talk_share_consultant": 0.62,
            "unanswered_client_messages": 2,
            "working_hours_only": True,
            "new_metric": 1.5,
        },
        average={"first_response_time": 30.0, "talk_share_consultant": None},
        peers=3,
        scope="client",
        scope_name="Диваны Плюс",
    )
    model.set_comparison(cmp)
    qtmodeltester.check(model)
    rows = {model.index(r, 0).data(KEY_ROLE): r for r in range(model.rowCount())}
    assert "working_hours_only" not in rows and "new_metric" in rows  # unknown: still shown
    assert list(rows)[-1] == "new_metric"
    frt, share = rows["first_response_time"], rows["talk_share_consultant"]
    assert model.index(frt, 1).data() == "1 min 35 s" and model.index(frt, 2).data() == "30.0 s"
    assert model.index(share, 1).data() == "62 %" and model.index(share, 2).data() == "—"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Company average"


@pytest.mark.gui
def test_opening_another_interaction_leaves_no_old_rows_on_screen(
    qtbot, services, workspace, shared_data: Path
) -> None:
    """The previous form's rows vanish at once, not only when the event loop deletes them.

    Opening runs from a slot (inside the event loop), where deleteLater waits until control
    returns to the loop: rows merely scheduled for deletion would still be painted.
    """
    from PySide6.QtCore import QTimer

    from qcdesk.services.chat_import import ChatImportOptions
    from qcdesk.widgets.criterion_row import CriterionRow

    ws, _ = workspace
    report = services.chats.import_paths(  # a chat: another checklist, so a new set of rows
        [Path(__file__).parent / "data" / "chats" / "telegram_result.json"],
        ChatImportOptions(client="Диваны Плюс", consultant="Анна"),
    )
    seen: list[int] = []

    def open_next() -> None:
        ws.load(report.imported[0])
        rows = set(ws.form._rows)
        stale = [r for r in ws.form.findChildren(CriterionRow) if r not in rows]
        seen.append(sum(r.isVisible() for r in stale))

    QTimer.singleShot(0, open_next)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [0]


def test_enter_accepts_the_first_suggestion_right_after_opening(qtbot, services, prefilled):
    """Issue 11 §7: no click needed; the form has the keyboard on the first pending one."""
    ws, iid = prefilled
    form = ws.form
    state = form.state()
    first = next(
        c.id
        for c in state.template.criteria()
        if (a := state.answers.get(c.id)) is not None
        and not a.confirmed
        and a.suggested_value is not None
    )
    assert form.current_criterion() == first
    ws.setFocus()  # what the main window does after load()
    assert form.hasFocus()
    press(qtbot, Qt.Key.Key_Return)
    answers = fresh(services).evaluations.open(iid).answers
    assert answers[first].confirmed and answers[first].value == answers[first].suggested_value


def _answer_dialog(qtbot, button_text: str) -> list[str]:
    """Click *button_text* in the incomplete-review dialog once it opens; returns its text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)
    return seen


def test_mark_reviewed_on_incomplete_form_asks_and_records(qtbot, services, workspace) -> None:
    ws, iid = workspace
    form = ws.form
    for c in form.state().template.criteria():
        if c.id not in ("no_rudeness", "farewell"):
            form.set_current(c.id)
            form.answer_current(5 if c.answer == "scale_1_5" else 1)
    seen = _answer_dialog(qtbot, "Answer them")
    form.reviewed_button.click()
    assert seen and "no_rudeness" not in seen[0]
    critical_title = form.row("no_rudeness").criterion.title
    assert f'color:#c62828">{critical_title}' in seen[0]  # the critical one stands out
    assert fresh(services).evaluations.open(iid).status == "in_progress"
    assert not form.reviewed_button.isChecked()
    assert form.current_criterion() in ("no_rudeness", "farewell")

    _answer_dialog(qtbot, "Leave them out")
    form.reviewed_button.click()
    state = fresh(services).evaluations.open(iid)
    assert state.status == "reviewed" and set(state.left_out) == {"no_rudeness", "farewell"}
    assert form.reviewed_button.isChecked() and not form.incomplete_label.isVisible()


def test_overall_comment_and_recommendation_autosave(qtbot, services, workspace) -> None:
    ws, iid = workspace
    box = ws.form.overall
    box.comment_edit.setFocus()
    box.comment_edit.insertPlainText("Хороший контакт")  # as typed: keyClicks is ASCII-only
    box.recommendation_edit.setPlainText("Назначать встречу")
    qtbot.waitUntil(
        lambda: fresh(services).evaluations.open(iid).recommendation == "Назначать встречу",
        timeout=3000,
    )
    assert fresh(services).evaluations.open(iid).overall_comment == "Хороший контакт"
    ws.close_workspace()
    ws.load(iid)
    assert box.comment_edit.toPlainText() == "Хороший контакт"
