"""The main window on a real service layer: filters, opening a row, drag-and-drop import."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox

from qcdesk import settings as opts
from qcdesk.jobs import JobManager
from qcdesk.qtmodels.catalog import FILTER_ROLE
from qcdesk.qtmodels.interactions import ID_ROLE
from qcdesk.services.importer import ImportOptions
from qcdesk.widgets.import_dialog import ImportResultDialog
from qcdesk.widgets.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def loaded(services, stereo_wav, shared_data):
    """Two companies: two calls for Анна at Ромашка, one unassigned call at Acme."""
    services.importer.import_paths(
        [stereo_wav, shared_data / "synthetic" / "call_8k_mono.wav"],
        ImportOptions(client="ООО Ромашка", consultant="Анна Петрова", direction="incoming"),
    )
    services.importer.import_paths([shared_data / "silero-vad" / "ru.wav"], ImportOptions("Acme"))
    return services


@pytest.fixture
def window(qtbot, loaded, tmp_path):
    settings = opts.Settings.from_ini(tmp_path / "settings.ini")
    w = MainWindow(loaded, settings, JobManager(synchronous=True))
    qtbot.addWidget(w)
    w.show()
    return w


def _ids(w: MainWindow) -> set[int]:
    return {w.model.data(w.model.index(r, 0), ID_ROLE) for r in range(w.model.rowCount())}


def test_lists_everything_and_counts(window, loaded) -> None:
    assert _ids(window) == {r.id for r in loaded.interactions.query()}
    assert window.model.rowCount() == 3
    assert "3" in window.count_label.text()


def test_filter_by_consultant_in_side_pane(window, loaded) -> None:
    romashka = next(c for c in loaded.catalog.list_clients() if c.name == "ООО Ромашка")
    anna = loaded.catalog.list_consultants(romashka.id)[0]
    index = window.catalog_model.find(romashka.id, anna.id)
    assert index.data(FILTER_ROLE) == (romashka.id, anna.id)
    window.tree.setCurrentIndex(index)
    assert window.model.rowCount() == 2
    assert all(r.consultant == "Анна Петрова" for r in window.model.rows())
    window.tree.setCurrentIndex(window.catalog_model.index(0, 0))  # "All companies"
    assert window.model.rowCount() == 3


def test_filter_by_kind_and_status(window, loaded) -> None:
    bar = window.filter_bar
    bar.kind_combo.setCurrentIndex(bar.kind_combo.findData("chat"))
    assert window.model.rowCount() == 0
    bar.kind_combo.setCurrentIndex(bar.kind_combo.findData("call"))
    assert window.model.rowCount() == 3
    first = window.model.rows()[0]
    ev = loaded.evaluations.open(first.id)
    loaded.evaluations.set_status(ev.evaluation_id, "reviewed", confirm_incomplete=True)
    bar.status_combo.setCurrentIndex(bar.status_combo.findData("reviewed"))
    assert _ids(window) == {first.id}
    bar.clear()
    assert window.model.rowCount() == 3


def test_text_filter_waits_for_typing_pause(qtbot, window) -> None:
    window.filter_bar.text_edit.setText("Анна")
    assert window.model.rowCount() == 3  # not yet: debounced
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=3000)


def test_open_row_shows_workspace_and_back(qtbot, window) -> None:
    row = window.model.rows()[0]
    window.table.setCurrentIndex(window.model.index(0, 0))
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.interaction_id() == row.id
    # The list's Enter/filter actions stay off while the workspace has the keyboard.
    assert not window.action_map["open_interaction"].isEnabled()
    assert not window.action_map["focus_filter"].isEnabled()
    window.workspace.closed.emit()
    assert window.stack.currentWidget() is window.splitter
    assert window.action_map["open_interaction"].isEnabled()


def test_drop_folder_with_bad_files(qtbot, window, loaded, tmp_path, shared_data) -> None:
    folder = tmp_path / "выгрузка"
    folder.mkdir()
    shutil.copy(shared_data / "silero-vad" / "test_en.wav", folder / "good call.wav")
    (folder / "broken.wav").write_bytes(b"RIFF\x00\x00not really a wave file")
    (folder / "empty.mp3").write_bytes(b"")
    before = window.model.rowCount()

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    drop = QDropEvent(
        QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(drop)
    assert drop.isAccepted()
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.client_combo.setEditText("ООО Новая")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    result = window.result_dialog
    assert isinstance(result, ImportResultDialog) and result.isVisible()
    assert len(result.report.imported) == 1
    failed = {f.path.rsplit("/", 1)[-1] for f in result.report.failed}
    assert failed == {"broken.wav", "empty.mp3"}
    messages = result.failure_messages()
    assert len(messages) == 2
    assert any("broken.wav" in m for m in messages) and any("empty.mp3" in m for m in messages)
    assert window.model.rowCount() == before + 1
    assert "ООО Новая" in {c.name for c in loaded.catalog.list_clients()}
    qtbot.waitUntil(lambda: not window.progress_dialog.isVisible(), timeout=2000)


def test_known_error_messages_are_translated(qapp) -> None:
    from PySide6.QtCore import QTranslator

    from qcdesk.app import I18N_DIR
    from qcdesk.services.dto import ImportFailure
    from qcdesk.widgets.messages import failure_text

    failure = ImportFailure(
        path="/x/звонок.wav",
        error="Cannot open /x/звонок.wav: the file does not exist.",
        template="Cannot open {path}: the file does not exist.",
        params={"path": "/x/звонок.wav"},
    )
    assert failure_text(failure) == failure.error
    translator = QTranslator()
    assert translator.load("qcdesk_ru", str(I18N_DIR))
    qapp.installTranslator(translator)
    try:
        text = failure_text(failure)
    finally:
        qapp.removeTranslator(translator)
    assert "/x/звонок.wav" in text and text != failure.error


def test_bundled_font_becomes_the_application_font(qapp) -> None:
    from qcdesk.app import install_fonts

    before = qapp.font()
    try:
        family = install_fonts(qapp)
        assert family == "PT Sans"
        assert qapp.font().family() == "PT Sans"
    finally:
        qapp.setFont(before)


def test_exception_hook_logs_traceback_to_file(qapp, tmp_path) -> None:
    import logging
    import sys

    from qcdesk.app import ExceptionHook, setup_logging

    handler = setup_logging(tmp_path / "logs")
    try:
        hook = ExceptionHook(tmp_path / "logs", interactive=False)
        try:
            raise ValueError("сломалось в слоте")
        except ValueError:
            hook(*sys.exc_info())
        handler.flush()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    text = (tmp_path / "logs" / "qcdesk.log").read_text(encoding="utf-8")
    assert "ValueError: сломалось в слоте" in text and "Traceback" in text


def test_the_keyboard_starts_in_the_list(qtbot, window) -> None:
    """The walk: the company tree had the focus, so arrows and Enter filtered instead of
    opening a call."""
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    assert window.focusWidget() is window.table
