"""Chat import from the window: authors asked once and remembered, CSV columns, hours dialog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTime, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from qcdesk import settings as opts
from qcdesk.jobs import JobManager
from qcdesk.services.dto import InteractionFilter
from qcdesk.widgets.chat_import_dialog import ChatImportDialog
from qcdesk.widgets.chat_import_flow import ChatImportResultDialog
from qcdesk.widgets.client_hours_dialog import ClientHoursDialog
from qcdesk.widgets.main_window import MainWindow

pytestmark = pytest.mark.gui
DATA = Path(__file__).parent / "data" / "chats"
CLIENT = "Диваны Плюс"


@pytest.fixture
def window(qtbot, services, tmp_path):
    services.catalog.ensure_client(CLIENT)
    settings = opts.Settings.from_ini(tmp_path / "settings.ini")
    settings.set(opts.LAST_CLIENT, CLIENT)
    w = MainWindow(services, settings, JobManager(synchronous=True))
    qtbot.addWidget(w)
    w.show()
    return w


def _ok(dialog: ChatImportDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _roles(dialog: ChatImportDialog) -> dict[str, str]:
    return {a: role.currentData() for a, (role, _) in dialog._rows.items()}


def test_authors_are_asked_once_then_remembered(window, services) -> None:
    dialog = window.start_chat_import([DATA / "whatsapp_ios_ru.txt"])
    assert dialog.client_name() == CLIENT
    assert _roles(dialog) == {"Ирина Смирнова": "client", "Анна": "client"}
    assert not _ok(dialog).isEnabled()  # nobody is the consultant yet
    dialog.set_role("Анна", "consultant", "Анна Смирнова")
    assert _ok(dialog).isEnabled()
    _ok(dialog).click()
    (row,) = services.interactions.query(InteractionFilter(kind="chat"))
    assert (row.consultant, row.customer_ref) == ("Анна Смирнова", "Ирина Смирнова")
    # Another export of the same company: Анна is known, nothing to answer.
    again = window.start_chat_import(
        [DATA / "whatsapp_android_ru.txt", DATA / "whatsapp_ios_ru.txt"]
    )
    assert _roles(again)["Анна"] == "consultant"
    assert again._rows["Анна"][1].currentText() == "Анна Смирнова"
    # An author named after the company is guessed to be its consultant.
    assert _roles(again)["Анна (Диваны Плюс)"] == "consultant"
    _ok(again).click()
    result = window.chat_import.result
    assert isinstance(result, ChatImportResultDialog)  # one file was a duplicate
    assert "1" in result.summary_label.text()
    assert len(services.interactions.query(InteractionFilter(kind="chat"))) == 2
    result.close()


def test_csv_columns_are_mapped_with_a_preview(window, services, tmp_path: Path) -> None:
    path = tmp_path / "crm.csv"
    rows = ["c1;c2;c3", "Ирина;27.11.2026 21:40;Здравствуйте", "Анна;27.11.2026 21:45;Добрый вечер"]
    path.write_text("\n".join(rows) + "\n", encoding="cp1251")
    dialog = window.start_chat_import([path])
    assert not dialog.csv_box.isHidden()
    assert "cp1251" in dialog.csv_info.text()
    assert "Cannot tell which columns" in dialog.problems_label.text()
    assert dialog.preview_model.rowCount() == 2
    time_col, _, author_col, text_col, _ = dialog.column_combos
    for combo, column in ((time_col, 1), (author_col, 0), (text_col, 2)):
        combo.setCurrentIndex(combo.findData(column))
        combo.activated.emit(combo.currentIndex())
    assert set(_roles(dialog)) == {"Ирина", "Анна"}
    assert dialog.problems_label.text() == ""
    dialog.set_role("Анна", "consultant")
    _ok(dialog).click()
    (row,) = services.interactions.query(InteractionFilter(kind="chat"))
    assert str(row.started_at) == "2026-11-27 21:40:00"


def test_dropping_chat_exports_opens_the_chat_import(window, tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    shutil.copy(DATA / "telegram_result.json", path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.dropEvent(event)
    assert isinstance(window.chat_import.dialog, ChatImportDialog)
    assert _roles(window.chat_import.dialog)["Анна | Диваны Плюс"] == "consultant"
    window.chat_import.dialog.reject()


def test_working_hours_dialog(qtbot, window, services) -> None:
    client = services.catalog.ensure_client(CLIENT)
    dialog = ClientHoursDialog(services.catalog, client, window)
    qtbot.addWidget(dialog)
    assert dialog.always_check.isChecked()  # no hours yet: round the clock
    dialog.always_check.setChecked(False)
    dialog.zone_combo.setEditText("Asia/Yekaterinburg")
    dialog.day_checks[5].setChecked(True)  # Saturday too
    dialog.start_edit.setTime(QTime(10, 0))
    dialog.end_edit.setTime(QTime(20, 0))
    dialog.accept()
    schedule = services.catalog.schedule(client.id)
    assert schedule.timezone == "Asia/Yekaterinburg"
    assert schedule.working_hours == {"days": [0, 1, 2, 3, 4, 5], "start": "10:00", "end": "20:00"}
    # A zone this computer does not know is refused with a message; the dialog stays open.
    bad = ClientHoursDialog(services.catalog, client, window)
    qtbot.addWidget(bad)
    bad.show()
    bad.zone_combo.setEditText("Mars/Olympus")
    bad.accept()
    box = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    )
    assert "Mars/Olympus" in box.text()
    box.close()
    assert bad.isVisible() and services.catalog.schedule(client.id).timezone == "Asia/Yekaterinburg"


def test_company_context_menu_offers_working_hours(window, services) -> None:
    client = services.catalog.ensure_client(CLIENT)
    index = window.catalog_model.find(client.id, None)
    menu = window.company_menu(index)
    assert window.action_map["client_hours"] in menu.actions()
    menu.deleteLater()
    assert window.company_menu(window.catalog_model.index(0, 0)) is None  # "All companies"
    assert window.filter_bar.filter().client_id == client.id  # the clicked company is in scope
    dialog = window.edit_client_hours()
    assert isinstance(dialog, ClientHoursDialog) and dialog.client.name == CLIENT
    dialog.reject()
