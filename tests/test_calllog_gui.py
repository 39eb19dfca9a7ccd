"""File → Import call log… in the window: files, company, job, and what the result says."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from qcdesk import settings as opts
from qcdesk.jobs import JobManager
from qcdesk.widgets.calllog_import_flow import CallLogImportFlow

pytestmark = pytest.mark.gui
LOG = Path(__file__).parent / "data" / "calllogs" / "asterisk-cdr_csv-21col.csv"


def test_import_call_log_from_the_window(services, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    services.catalog.ensure_client("Альфа")
    asked: list[list[str]] = []

    def pick_client(_parent, _title, _label, names, current, editable):  # type: ignore[no-untyped-def]
        asked.append(list(names))
        return names[current], True

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a: ([str(LOG)], ""))
    monkeypatch.setattr(QInputDialog, "getItem", pick_client)
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = opts.Settings.from_ini(tmp_path / "settings.ini")
    flow = CallLogImportFlow(services, settings, JobManager(synchronous=True), parent)
    reports = []
    flow.done.connect(reports.append)
    flow.choose("Альфа")

    assert asked == [["Альфа"]]
    assert reports and reports[0].calls == 5
    dialog = flow.result
    assert dialog is not None
    # Plural forms: "call(s)" untranslated, "calls" once the English plurals are loaded.
    text = dialog.summary_label.text().replace("(s)", "s")
    assert "Imported 5 calls." in text
    assert "Not imported: 4 rows or files." in text
    assert "Answered calls without a recording: 2." in text  # calls 1 and 3
    reasons = dialog.failure_messages()
    assert len(reasons) == 4 and any("line 9" in r for r in reasons)
    assert settings.get(opts.LAST_IMPORT_DIR) == str(LOG.parent)

    flow.choose("Альфа")  # the same log again: nothing new
    assert reports[-1].calls == 0 and reports[-1].duplicates == 5
    assert "Skipped 5 calls imported before." in flow.result.summary_label.text().replace(
        "(s)", "s"
    )


def test_cancelling_the_file_dialog_does_nothing(
    services, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a: ([], ""))
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = opts.Settings.from_ini(tmp_path / "settings.ini")
    flow = CallLogImportFlow(services, settings, JobManager(synchronous=True), parent)
    flow.choose()
    assert flow.result is None and flow.job is None


DIDWW = Path(__file__).parent / "data" / "calllogs" / "didww-cdr-in.csv"
MANGO = Path(__file__).parent / "data" / "calllogs" / "mango-api-stats.csv"


def _flow(services, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = opts.Settings.from_ini(tmp_path / "settings.ini")
    return CallLogImportFlow(services, settings, JobManager(synchronous=True), parent)


def test_an_export_asks_for_its_columns_and_a_preset_fills_them(
    services, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    services.catalog.ensure_client("Альфа")
    flow = _flow(services, qtbot, tmp_path)
    dialog = flow.start([DIDWW], "Альфа")
    assert dialog is not None and flow.job is None  # nothing imported before the columns
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # no start column yet
    assert dialog.preview_model.rowCount() == 3  # the rows under the header
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("didww-cdr-in"))
    assert dialog.role_combos["started_at"].currentData() == "Date/Time Start (UTC)"
    assert dialog.role_combos["caller"].currentData() == "Source Number"
    assert dialog.utc_check.isChecked() and ok.isEnabled()
    dialog.save_edit.setText("DIDWW входящие")
    dialog.accept()
    assert flow.job is not None and flow.result is not None
    assert flow.result.calls.calls == 2 and len(flow.result.calls.failed) == 1
    assert "DIDWW входящие" in services.calllog.presets("Альфа")


def test_columns_chosen_by_hand_without_a_header(services, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services.catalog.ensure_client("Альфа")
    flow = _flow(services, qtbot, tmp_path)
    dialog = flow.start([MANGO], "Альфа")
    assert dialog is not None
    dialog.header_check.setChecked(False)
    assert dialog.preview_model.rowCount() == 5
    for role, column in (("started_at", "#2"), ("answered_at", "#4"), ("ended_at", "#3"),
                         ("caller", "#6"), ("called", "#8"), ("call_id", "#12")):  # fmt: skip
        combo = dialog.role_combos[role]
        combo.setCurrentIndex(combo.findData(column))
    mapping = dialog.mapping()
    assert mapping is not None and mapping.started_at == ("#2",) and not mapping.header
    dialog.accept()
    assert flow.result is not None and flow.result.calls.calls == 3


def test_an_asterisk_log_imports_without_asking(services, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    flow = _flow(services, qtbot, tmp_path)
    assert flow.start([LOG], "Альфа") is None
    assert flow.result is not None and flow.result.calls.calls == 5


def test_telephony_settings_dialog(services, qtbot) -> None:  # type: ignore[no-untyped-def]
    from qcdesk.widgets.call_settings_dialog import CallSettingsDialog

    services.calllog.import_paths([LOG], "Альфа")
    services.calllog.set_extension("Альфа", "202", "Пётр Смирнов")
    dialog = CallSettingsDialog(services.calllog, "Альфа")
    qtbot.addWidget(dialog)
    rows = [
        (dialog.extensions.item(r, 0).text(), dialog.extensions.item(r, 1).text())
        for r in range(dialog.extensions.rowCount())
    ]
    assert rows == [("202", "Пётр Смирнов"), ("201", "")]  # 201 answers calls, mapped to nobody
    dialog.extensions.item(1, 1).setText("Анна Иванова")
    dialog.extensions.item(0, 1).setText("")  # 202 is nobody's any more
    dialog.confirm_check.setChecked(True)
    dialog.range_spins["average_deal"][1].setValue(50_000)
    assert not dialog.confirm_check.isChecked()  # a changed value is not confirmed
    dialog.range_spins["conversion"][0].setValue(15)
    dialog.confirm_check.setChecked(True)
    dialog.minutes_spin.setValue(10)
    dialog.accept()
    settings = services.calllog.settings("Альфа")
    assert settings.callback_minutes == 10 and settings.profit.confirmed
    assert settings.profit.ranges["average_deal"] == (20_000, 50_000, 60_000)
    assert settings.profit.ranges["conversion"] == (0.15, 0.2, 0.3)
    assert [(e.extension, e.consultant) for e in services.calllog.extensions("Альфа")] == [
        ("201", "Анна Иванова")
    ]
    assert services.calllog.unmapped_extensions("Альфа") == ["202"]


def test_telephony_settings_refuse_a_range_upside_down(services, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from qcdesk.widgets.call_settings_dialog import CallSettingsDialog

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    services.catalog.ensure_client("Альфа")
    dialog = CallSettingsDialog(services.calllog, "Альфа")
    qtbot.addWidget(dialog)
    dialog.range_spins["lead_share"][0].setValue(95)
    dialog.accept()
    assert warned and services.calllog.settings("Альфа").profit.ranges["lead_share"][0] == 0.5


def test_the_window_imports_from_a_watch_folder(services, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from qcdesk.widgets.call_settings_dialog import CallSettingsDialog
    from qcdesk.widgets.watch_runner import WatchRunner

    services.catalog.ensure_client("Альфа")
    drop = tmp_path / "drop"
    drop.mkdir()
    dialog = CallSettingsDialog(services.calllog, "Альфа")
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(drop))
    dialog.accept()
    assert services.calllog.watch_folders() == {"Альфа": drop.resolve()}
    runner = WatchRunner(services, JobManager(synchronous=True), settle_s=0)
    seen: list[tuple[int, int]] = []
    runner.imported.connect(lambda r, c: seen.append((r, c)))
    shutil.copy(LOG, drop / "Master.csv")
    runner.tick()  # seen: it may still grow
    assert seen == []
    runner.tick()  # unchanged since (and settle time 0 here): imported
    assert seen == [(0, 5)]


def test_dropping_an_asterisk_log_on_the_window(
    services, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from qcdesk.widgets.main_window import MainWindow

    services.catalog.ensure_client("Альфа")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("Альфа", True))
    window = MainWindow(services, opts.Settings.from_ini(tmp_path / "s.ini"),
                        JobManager(synchronous=True))  # fmt: skip
    qtbot.addWidget(window)
    log = tmp_path / "Master.csv"  # a .csv that is no chat export
    shutil.copy(LOG, log)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(log))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.dropEvent(event)
    assert window.calllog_import is not None and window.calllog_import.result is not None
    assert window.calllog_import.result.calls.calls == 5
    assert window.chat_import is None
