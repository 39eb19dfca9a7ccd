"""The Reports screen on the demo project: period choice, preview, exports, the monthly batch."""

from __future__ import annotations

import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox

from qcdesk import settings as opts
from qcdesk.jobs import JobManager
from qcdesk.reports.model import Period
from qcdesk.services.context import open_services
from qcdesk.services.demo import create_demo
from qcdesk.services.dto import InteractionFilter
from qcdesk.widgets.main_window import MainWindow
from qcdesk.widgets.reports_screen import ReportsScreen

pytestmark = pytest.mark.gui

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
IDLE = "Пётр Тихонов"  # a consultant of ТехноДом with no calls at all


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo project (built once: it imports 30 recordings) plus one idle consultant."""
    folder = tmp_path_factory.mktemp("demo")
    services = open_services(folder / "qcdesk.db", folder / "library", reviewer="Тест")
    create_demo(services)
    client = next(c for c in services.catalog.list_clients() if c.name == "ТехноДом")
    services.catalog.ensure_consultant(client.id, IDLE, team="Розница")
    return services


def _client(services, name: str):
    return next(c for c in services.catalog.list_clients() if c.name == name)


def _consultant(services, client_id: int, name: str):
    return next(p for p in services.catalog.list_consultants(client_id) if p.name == name)


@pytest.fixture
def screen(qtbot, demo):
    w = ReportsScreen(demo, JobManager(synchronous=True))
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    return w


def _pdf_text(path: Path) -> str:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(doc.getAllText(i).text() for i in range(doc.pageCount()))
    doc.close()
    return text


def test_preview_renders_the_consultant_report(screen, demo) -> None:
    client = _client(demo, "ТехноДом")
    olga = _consultant(demo, client.id, "Ольга Иванова")
    screen.select(client.id, olga.id, OCTOBER, "ru")
    assert screen.request().period == OCTOBER
    screen.preview()
    assert screen.document.status() == QPdfDocument.Status.Ready
    pages = screen.document.pageCount()
    assert pages >= 1
    assert str(pages) in screen.status_label.text()
    first = screen.document.getAllText(0).text()
    assert "Ольга Иванова" in first and "ТехноДом" in first
    assert screen.pdf_view.pageMode() == screen.pdf_view.PageMode.MultiPage
    assert screen.pdf_view.zoomMode() == screen.pdf_view.ZoomMode.FitToWidth
    assert screen.preview_button.isEnabled()  # the job ended and the screen is usable again

    # The team report of the other company replaces the preview.
    divany = _client(demo, "Диваны Плюс")
    screen.select(divany.id, None, OCTOBER, "en")
    assert screen.consultant_combo.currentIndex() == 0  # "Team report"
    screen.preview()
    assert screen.document.pageCount() >= 1
    assert "Диваны Плюс" in screen.document.getAllText(0).text()


def test_export_pdf_and_xlsx(screen, demo, tmp_path, monkeypatch) -> None:
    client = _client(demo, "ТехноДом")
    elena = _consultant(demo, client.id, "Елена Попова")
    screen.select(client.id, elena.id, OCTOBER, "ru")
    pdf = tmp_path / "out" / "елена.pdf"
    screen.export_pdf(pdf)
    assert screen.last_written == pdf
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Елена Попова" in _pdf_text(pdf)
    xlsx = tmp_path / "out" / "елена.xlsx"
    screen.export_xlsx(xlsx)
    assert screen.last_written == xlsx
    with zipfile.ZipFile(xlsx) as z:
        assert "xl/workbook.xml" in z.namelist()

    # Without a path the file dialog suggests the report's own name in the last folder.
    suggested: list[str] = []

    def save_dialog(_parent, _title, start, _filter):
        suggested.append(start)
        return str(tmp_path / "chosen"), ""  # no extension typed: the screen adds it

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    screen.export_pdf()
    expected = demo.reports.default_filename(
        demo.reports.consultant_report(elena.id, OCTOBER), "pdf", "ru"
    )
    assert Path(suggested[0]).name == expected
    assert Path(suggested[0]).parent == pdf.parent
    assert (tmp_path / "chosen.pdf").read_bytes().startswith(b"%PDF")


def test_a_failed_export_shows_the_known_error(screen, demo, tmp_path) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("x", encoding="utf-8")
    client = _client(demo, "ТехноДом")
    screen.select(client.id, None, OCTOBER, "ru")
    screen.export_pdf(blocker / "team.pdf")
    boxes = [b for b in screen.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    assert str(blocker / "team.pdf") in boxes[0].text()
    assert screen.preview_button.isEnabled()


def test_all_individual_reports_for_the_month(screen, demo, tmp_path) -> None:
    client = _client(demo, "ТехноДом")
    screen.select(client.id, None, OCTOBER, "ru")
    screen.period_picker.month_edit.setDate(QDate(2026, 10, 1))
    # Who had activity, worked out from the interactions list rather than the report code.
    rows = demo.interactions.query(
        InteractionFilter(client_id=client.id, date_from=OCTOBER.start, date_to=OCTOBER.end)
    )
    active = {
        r.consultant
        for r in rows
        if r.score is not None or r.goal_achieved is not None or r.stage_reached
    }
    assert active and IDLE not in active
    folder = tmp_path / "октябрь"
    job = screen.write_all_individual(folder)
    assert job is not None and job.state == "finished"
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == len(active) == len(screen.last_batch)
    assert screen.progress_dialog.bar.maximum() == len(active)
    texts = [_pdf_text(f) for f in files]
    assert all(f.read_bytes().startswith(b"%PDF") for f in files)
    assert {name for name in active if any(name in t for t in texts)} == active
    assert not any(IDLE in t for t in texts)
    assert str(len(active)) in screen.status_label.text()


def test_month_picker_and_presets(screen) -> None:
    screen.period_picker.month_edit.setDate(QDate(2026, 2, 10))
    assert screen.period_picker.period() == Period(date(2026, 2, 1), date(2026, 2, 28))
    screen.period_picker.quarter_button.click()
    assert screen.period_picker.period() == Period(date(2026, 1, 1), date(2026, 3, 31))
    screen.period_picker.from_edit.setDate(QDate(2026, 1, 15))
    assert screen.period_picker.period() == Period(date(2026, 1, 15), date(2026, 3, 31))
    screen.period_picker.last_month_button.click()
    last = date.today().replace(day=1) - timedelta(days=1)
    assert screen.period_picker.period() == Period(last.replace(day=1), last)
    screen.period_picker.this_month_button.click()
    assert screen.period_picker.period().start == date.today().replace(day=1)
    assert screen.period_picker.period().end.month == date.today().month
    assert (screen.period_picker.period().end + timedelta(days=1)).day == 1


def test_report_settings_dialog_saves_branding(screen, demo, tmp_path) -> None:
    client = _client(demo, "Диваны Плюс")
    screen.select(client.id, None, OCTOBER, "ru")
    dialog = screen.open_report_settings()
    assert dialog is not None and dialog.isVisible()
    assert dialog.score_spin.value() == demo.reports.team_report(client.id, OCTOBER).targets.score
    logo = tmp_path / "логотип.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    dialog.agency_edit.setText("Агентство «Контроль»")
    dialog.logo_edit.setText(str(logo))
    dialog.score_spin.setValue(90)
    dialog.conversion_spin.setValue(30)
    dialog.critical_spin.setValue(2)
    dialog.recurring_spin.setValue(40)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    report = demo.reports.team_report(client.id, OCTOBER)
    assert report.agency == "Агентство «Контроль»"
    assert report.logo_path == str(logo)
    t = report.targets
    assert (t.score, t.conversion, t.max_critical) == (90, 30, 2)
    assert t.recurring_share == pytest.approx(0.4)


def test_report_settings_dialog_sets_channel_weights(screen, demo, monkeypatch) -> None:
    client = _client(demo, "ТехноДом")
    screen.select(client.id, None, OCTOBER, "ru")
    dialog = screen.open_report_settings()
    shown = {c: s.value() for c, s in dialog.weight_spins.items()}
    assert shown == demo.reports.get_channel_weights(client.id) == dict.fromkeys(shown, 1.0)
    dialog.weight_spins["call"].setValue(2)
    dialog.weight_spins["chat"].setValue(0)
    dialog.weight_spins["visit"].setValue(1.5)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert demo.reports.get_channel_weights(client.id) == {"call": 2, "chat": 0, "visit": 1.5}
    assert demo.reports.team_report(client.id, OCTOBER).channel_weights == {
        "call": 2,
        "chat": 0,
        "visit": 1.5,
    }

    # All zero leaves nothing to combine: the dialog says so and keeps what was saved.
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    dialog = screen.open_report_settings()
    for spin in dialog.weight_spins.values():
        spin.setValue(0)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and len(warned) == 1
    dialog.reject()
    assert demo.reports.get_channel_weights(client.id)["visit"] == 1.5


def test_main_window_reaches_the_screen_and_back(qtbot, demo, tmp_path) -> None:
    settings = opts.Settings.from_ini(tmp_path / "settings.ini")
    window = MainWindow(demo, settings, JobManager(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts only reach an active window
    window.action_map["reports"].trigger()
    screen = window.reports_screen
    assert window.stack.currentWidget() is screen
    assert screen.client_combo.count() == len(demo.catalog.list_clients())
    window.action_map["reports"].trigger()
    assert window.stack.currentWidget() is window.splitter
    window.action_map["reports"].trigger()
    assert window.stack.currentWidget() is screen
    screen.client_combo.setFocus()
    qtbot.keyClick(screen.client_combo, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.splitter


def test_export_refuses_the_database_and_the_library(screen, demo, tmp_path) -> None:
    """The file dialog asks before replacing; the refusals still apply, with a clear message."""
    client = _client(demo, "ТехноДом")
    screen.select(client.id, None, OCTOBER, "ru")
    before = demo.db_path.read_bytes()
    for target in (demo.db_path, demo.library_dir / "report.pdf"):
        for box in screen.findChildren(QMessageBox):
            box.close()
        screen.export_pdf(target)
        boxes = [b for b in screen.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) == 1 and str(target) in boxes[0].text()
        assert screen.job is None and screen.last_written != target
    assert demo.db_path.read_bytes() == before
    assert not (demo.library_dir / "report.pdf").exists()


def test_batch_asks_before_replacing_and_refuses_the_library(
    screen, demo, tmp_path, monkeypatch
) -> None:
    client = _client(demo, "ТехноДом")
    screen.select(client.id, None, OCTOBER, "ru")
    screen.period_picker.month_edit.setDate(QDate(2026, 10, 1))
    folder = tmp_path / "batch"
    folder.mkdir()
    mine = folder / "Попова_Е_2026-10.pdf"
    mine.write_text("edited by hand", encoding="utf-8")
    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(folder))
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    screen._on_all_button_clicked()
    assert len(asked) == 1 and str(folder) in asked[0]
    assert mine.read_text(encoding="utf-8") == "edited by hand"
    assert sorted(folder.iterdir()) == [mine]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    screen._on_all_button_clicked()
    assert mine.read_bytes().startswith(b"%PDF") and len(list(folder.glob("*.pdf"))) > 1

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(demo.library_dir))
    screen._on_all_button_clicked()
    boxes = [b for b in screen.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and str(demo.library_dir) in boxes[-1].text()
    assert not list(demo.library_dir.glob("*.pdf"))
