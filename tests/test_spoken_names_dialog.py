"""The company's spoken names, edited from the side pane's company menu."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from qcdesk import settings as opts
from qcdesk.jobs import JobManager
from qcdesk.widgets.main_window import MainWindow
from qcdesk.widgets.spoken_names_dialog import SpokenNamesDialog

pytestmark = pytest.mark.gui
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


def test_company_menu_edits_spoken_names(window, services) -> None:
    client = services.catalog.ensure_client(CLIENT)
    menu = window.company_menu(window.catalog_model.find(client.id, None))
    assert window.action_map["client_spoken_names"] in menu.actions()
    menu.deleteLater()
    dialog = window.edit_spoken_names()
    assert isinstance(dialog, SpokenNamesDialog) and CLIENT in dialog.windowTitle()
    dialog.names_edit.setPlainText("Диваны плюс\n\n  Диваны+  \nДиваны плюс")
    dialog.accept()
    assert services.catalog.spoken_names(client.id) == ("Диваны плюс", "Диваны+")
    again = window.edit_spoken_names()
    assert again.names_edit.toPlainText() == "Диваны плюс\nДиваны+"
    again.reject()


def test_too_long_a_name_keeps_the_dialog_open(window, services, qtbot) -> None:
    client = services.catalog.ensure_client(CLIENT)
    dialog = SpokenNamesDialog(services.catalog, client, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.names_edit.setPlainText("Диваны " * 30)
    dialog.accept()
    # The dialog's own box: another test's message box may still be open in this process.
    box = next(w for w in dialog.findChildren(QMessageBox) if w.isVisible())
    assert "100" in box.text()
    box.close()
    assert dialog.isVisible() and services.catalog.spoken_names(client.id) == ()
