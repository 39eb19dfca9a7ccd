"""Stored settings carry a version, and renaming a setting moves the user's value once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from qcdesk import settings as opts
from qcdesk.settings import UPGRADES, VERSION_KEY, Settings, Upgrade, rename


def _ini(path: Path, values: dict[str, object]) -> Path:
    q = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in values.items():
        q.setValue(key, value)
    q.sync()
    return path


def _stored(path: Path) -> dict[str, object]:
    q = QSettings(str(path), QSettings.Format.IniFormat)
    return {k: q.value(k) for k in q.allKeys()}


# The registry once called the import folder "import/folder"; version 2 renamed it.
RENAMED = (*UPGRADES, Upgrade(2, rename("import/folder", opts.LAST_IMPORT_DIR.key)))


def test_a_renamed_setting_keeps_the_users_value(tmp_path: Path) -> None:
    path = _ini(tmp_path / "s.ini", {VERSION_KEY: 1, "import/folder": "/calls/october"})
    s = Settings.from_ini(path, upgrades=RENAMED)
    assert s.get(opts.LAST_IMPORT_DIR) == "/calls/october"
    s.sync()
    stored = _stored(path)
    assert "import/folder" not in stored
    assert str(stored[VERSION_KEY]) == "2"


def test_a_step_runs_once(tmp_path: Path) -> None:
    path = _ini(tmp_path / "s.ini", {VERSION_KEY: 1, "import/folder": "/old"})
    Settings.from_ini(path, upgrades=RENAMED).sync()
    # A later value under the old name (an older qcdesk run in between) is not moved again.
    _ini(path, {"import/folder": "/from an old release", opts.LAST_IMPORT_DIR.key: "/new"})
    s = Settings.from_ini(path, upgrades=RENAMED)
    assert s.get(opts.LAST_IMPORT_DIR) == "/new"


def test_a_value_already_under_the_new_name_wins(tmp_path: Path) -> None:
    path = _ini(tmp_path / "s.ini", {"import/folder": "/old", opts.LAST_IMPORT_DIR.key: "/new"})
    s = Settings.from_ini(path, upgrades=RENAMED)  # no version: every step runs
    assert s.get(opts.LAST_IMPORT_DIR) == "/new"
    s.sync()
    assert "import/folder" not in _stored(path)


def test_a_new_file_gets_the_current_version(tmp_path: Path) -> None:
    s = Settings.from_ini(tmp_path / "new.ini")
    s.sync()
    assert str(_stored(tmp_path / "new.ini")[VERSION_KEY]) == str(UPGRADES[-1].version)


def test_a_file_from_a_newer_qcdesk_is_left_alone(tmp_path: Path, caplog) -> None:
    path = _ini(tmp_path / "s.ini", {VERSION_KEY: 99, "import/folder": "/kept"})
    with caplog.at_level("WARNING", logger="qcdesk.settings"):
        s = Settings.from_ini(path, upgrades=RENAMED)
    s.sync()
    assert _stored(path)["import/folder"] == "/kept"
    assert "newer than this qcdesk" in caplog.text


@pytest.mark.parametrize("version", ["garbage", ""])
def test_an_unreadable_version_upgrades_from_the_start(tmp_path: Path, version: str) -> None:
    path = _ini(tmp_path / "s.ini", {VERSION_KEY: version, "import/folder": "/moved"})
    assert Settings.from_ini(path, upgrades=RENAMED).get(opts.LAST_IMPORT_DIR) == "/moved"


def test_shipped_steps_are_in_order_and_unique() -> None:
    versions = [step.version for step in UPGRADES]
    assert versions == sorted(set(versions)) and versions[0] == 1
