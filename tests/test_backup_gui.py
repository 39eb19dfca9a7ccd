"""The backup menu action and the automatic backup, in the window (jobs run synchronously)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from qcdesk import settings as opts
from qcdesk.jobs import JobManager
from qcdesk.services.backup import auto_backups, table_counts
from qcdesk.services.restore import read_manifest

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, services, stereo_wav, tmp_path):
    from qcdesk.services.importer import ImportOptions
    from qcdesk.widgets.main_window import MainWindow

    services.importer.import_paths([stereo_wav], ImportOptions(client="Альфа", consultant="Анна"))
    settings = opts.Settings.from_ini(tmp_path / "settings.ini")
    w = MainWindow(services, settings, JobManager(synchronous=True))
    qtbot.addWidget(w)
    return w


def test_back_up_project_is_in_the_file_menu_and_writes_a_checked_zip(qtbot, window, tmp_path):
    assert window.action_map["backup_project"] in window.file_menu.actions()
    from qcdesk.widgets.backup_flow import BackupFlow

    flow = BackupFlow(window.services, window.jobs, window)
    job = flow.run(tmp_path / "копия.zip")
    assert job.state == "finished"
    manifest = read_manifest(tmp_path / "копия.zip")
    assert manifest["tables"] == table_counts(window.services.db_path)
    assert len(manifest["library"]) == 1 and manifest["media_included"] is True
    assert flow.message is not None
    qtbot.addWidget(flow.message)  # closed after the test, as a user would
    assert flow.message.icon() == QMessageBox.Icon.Information
    assert "копия.zip" in flow.message.text()


def test_a_refused_target_is_a_named_warning_not_a_crash(qtbot, window):
    from qcdesk.widgets.backup_flow import BackupFlow

    flow = BackupFlow(window.services, window.jobs, window)
    job = flow.run(window.services.db_path)  # over the open database
    assert job.state == "failed"
    qtbot.addWidget(flow.message)
    assert str(window.services.db_path) in flow.message.text()
    assert window.services.db_path.stat().st_size > 0


def test_automatic_backup_runs_at_start_up_unless_switched_off(window):
    from qcdesk.widgets.backup_flow import AutoBackup

    db = window.services.db_path
    window.settings.set(opts.AUTO_BACKUP, False)
    assert AutoBackup(window.services, window.settings, window.jobs, window).start() is None
    assert auto_backups(db) == []
    window.settings.set(opts.AUTO_BACKUP, True)
    job = AutoBackup(window.services, window.settings, window.jobs, window).start()
    assert job is not None and job.state == "finished"
    assert len(auto_backups(db)) == 1
    assert "backup" in window.statusBar().currentMessage().lower()
    # Same day again (e.g. the window closes): nothing new.
    AutoBackup(window.services, window.settings, window.jobs, window).start()
    assert len(auto_backups(db)) == 1
