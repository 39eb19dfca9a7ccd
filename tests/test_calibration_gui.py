"""A whole calibration through the screen (issue 13, "Done when"): three reviewers score blind,
results appear only after all submit, the lead records the reference, reports are unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from qcdesk.errors import KnownError
from qcdesk.reports.model import Period
from qcdesk.widgets.calibration_dialog import NewCalibrationDialog
from qcdesk.widgets.calibration_screen import CalibrationScreen
from tests.helpers.calibration import answers_for, october_calls
from tests.helpers.reports import pdf_text

pytestmark = pytest.mark.gui

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
PEOPLE = ("Анна Кузнецова", "Борис Лебедев", "Вера Морозова")
# What each reviewer answers differently from "yes"/"5" on the first call.
DIFFERS = {PEOPLE[0]: {"greeting": "no"}, PEOPLE[1]: {}, PEOPLE[2]: {"greeting": "no"}}


def _consultant_report(services, client_id: int, tmp: Path) -> tuple:
    """The consultant report's figures and its PDF's text, read back."""
    team = services.reports.team_report(client_id, OCTOBER)
    (row,) = team.ranking
    report = services.reports.consultant_report(row.consultant_id, OCTOBER)
    text = pdf_text(services.reports.write_pdf(report, tmp, "ru"))
    s = report.summary
    return (s.evaluations, s.mean_score, row.evaluations, row.mean_score), text


def _select(combo, data) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(data))


def _score_as(qtbot, screen: CalibrationScreen, person: str, calls: list[int]) -> None:  # type: ignore[no-untyped-def]
    _select(screen.person_combo, person)
    for n, iid in enumerate(calls):
        _select(screen.item_combo, iid)
        state = screen.form.state()
        assert state is not None and state.interaction_id == iid
        assert not state.answers  # blind: nobody's answers are in this participant's form
        answers = answers_for(state.template, DIFFERS[person] if n == 0 else {})
        for cid, value in answers.items():
            qtbot.mouseClick(screen.form.row(cid).buttons[value], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.submit_button, Qt.MouseButton.LeftButton)
    assert not screen.error_label.isVisible(), screen.error_label.text()


def test_whole_calibration_in_the_screen(qtbot, qtmodeltester, services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client_id, calls = october_calls(services, 2)
    review = services.evaluations.open(calls[0])
    for cid, value in answers_for(review.template, {"next_step": "no"}).items():
        services.evaluations.set_answer(review.evaluation_id, cid, value)
    services.evaluations.set_status(review.evaluation_id, "reviewed")
    before = _consultant_report(services, client_id, tmp_path / "before.pdf")

    screen = CalibrationScreen(services)
    qtbot.addWidget(screen)
    screen.resize(1300, 850)
    screen.show()
    # The lead starts the session from the list's selection.
    dialog = NewCalibrationDialog(services, calls, screen)
    qtbot.addWidget(dialog)
    dialog.interactions_edit.clear()
    dialog.draw_spin.setValue(5)
    dialog.draw_button.click()  # both calls of the company (there are only two to draw)
    assert dialog.interactions_edit.text() == ", ".join(map(str, sorted(calls)))
    dialog.participants_edit.setText(", ".join(PEOPLE))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.created is not None, dialog.error_label.text()
    screen.refresh(dialog.created.id)
    session = dialog.created.id
    assert [screen.person_combo.itemText(i) for i in range(3)] == list(PEOPLE)
    assert not screen.tabs.isTabEnabled(1) and not screen.tabs.isTabEnabled(2)

    for n, person in enumerate(PEOPLE):
        _score_as(qtbot, screen, person, calls)
        info = services.calibration.info(session)
        assert [done for _, done in info.participants] == [i <= n for i in range(3)]
        if n < 2:
            # Results stay hidden until the last one submits: the service refuses them and
            # the comparison tab is closed.
            assert not screen.tabs.isTabEnabled(1)
            assert screen.comparison.criteria_model.rowCount() == 0
            with pytest.raises(KnownError):
                services.calibration.results(session)
            assert not screen.form.isEnabled()  # a submitted participant's form is frozen

    assert screen.tabs.isTabEnabled(1) and screen.tabs.isTabEnabled(2)
    model = screen.comparison.criteria_model
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    template = screen.form.state().template
    greeting = rows[template.criterion("greeting").title]
    # greeting: no / yes / no on call 1, yes x3 on call 2 -> agreement (1/3 + 1) / 2 = 67 %,
    # Fleiss' kappa 0.25 (see test_calibration_service); Boris differs from the majority.
    assert model.index(greeting, 1).data().replace("\xa0", " ") == "67 %"
    assert model.index(greeting, 2).data() in ("0.25", "0,25")
    assert model.index(greeting, 4).data() == PEOPLE[1]
    totals = screen.comparison.totals_model
    assert totals.rowCount() == 2 and totals.index(0, 2).data() in ("100.0", "100,0")
    assert PEOPLE[1] in screen.comparison.people.text()

    # The lead records the reference for call 1: the form starts from the majority.
    _select(screen.ref_combo, calls[0])
    ref = screen.ref_form.state()
    assert ref is not None and ref.answers["greeting"].value == "no"
    qtbot.mouseClick(screen.ref_form.row("greeting").buttons["yes"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.record_button, Qt.MouseButton.LeftButton)
    results = services.calibration.results(session)
    assert results.references[calls[0]]["greeting"] == "yes"
    assert services.calibration.info(session).items[0].reference_id == ref.evaluation_id
    answers = screen.comparison.answers_model
    _select(screen.comparison.item_combo, calls[0])
    last = answers.columnCount() - 1
    assert answers.headerData(last, Qt.Orientation.Horizontal) == "Reference"

    # Alignment with the reference: Anna and Vera said "no" to the greeting where the lead
    # decided "yes"; the onboarding feedback quotes the criterion's guidance.
    panel = screen.alignment
    names = [panel.reviewers.row(i).reviewer for i in range(panel.reviewers.rowCount())]
    # The regular review of call 1 counts too: its reviewer said "no" to the next step.
    assert names == sorted((*PEOPLE, "Тестовый Ревьюер"))
    panel.reviewer_view.selectRow(names.index(PEOPLE[0]))
    greeting_rule = template.criterion("greeting")
    feedback = panel.feedback.toPlainText()
    assert greeting_rule.title in feedback and greeting_rule.guidance[:40] in feedback
    panel.reviewer_view.selectRow(names.index(PEOPLE[1]))
    assert greeting_rule.title not in panel.feedback.toPlainText()
    panel.reviewer_view.selectRow(names.index("Тестовый Ревьюер"))
    assert template.criterion("next_step").title in panel.feedback.toPlainText()

    for model in (screen.comparison.criteria_model, screen.comparison.answers_model,
                  screen.comparison.totals_model, panel.reviewers, panel.criteria):  # fmt: skip
        qtmodeltester.check(model)

    # Consultant reports are unchanged, read back from the PDF too.
    after = _consultant_report(services, client_id, tmp_path / "after.pdf")
    assert after == before
    assert before[0][0] == 1  # the one regular review, not the seven calibration forms
