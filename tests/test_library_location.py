"""The database remembers its media library: --db alone, moved projects, a missing library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from qcdesk.services.context import LibraryMissingError, open_services
from qcdesk.services.importer import ImportOptions

REPO = Path(__file__).resolve().parents[1]
CALL = sorted((REPO / "resources" / "demo").glob("*.ogg"))[0]


def _project(db: Path, library: Path) -> int:
    services = open_services(db, library)
    (new_id,) = services.importer.import_paths([CALL], ImportOptions(client="Acme")).imported
    services.close()
    return int(new_id)


def _media_exists(services, interaction_id: int) -> bool:  # type: ignore[no-untyped-def]
    media = services.interactions.get(interaction_id).media
    return media is not None and Path(media.path).is_file()


def test_the_database_alone_finds_its_library(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    db, library = tmp_path / "db" / "q.db", tmp_path / "media" / "recordings"
    call = _project(db, library)
    services = open_services(db)
    assert services.library_dir == library and _media_exists(services, call)
    listed = run_cli("list", "--db", db, "--json")
    assert listed.returncode == 0, listed.stderr
    assert [r["id"] for r in json.loads(listed.stdout)] == [call]


def test_a_moved_project_still_opens(tmp_path: Path) -> None:
    project = tmp_path / "project"
    call = _project(project / "q.db", project / "Записи")
    moved = shutil.move(project, tmp_path / "elsewhere" / "project-2026")
    services = open_services(Path(moved) / "q.db")
    assert services.library_dir == Path(moved) / "Записи"
    assert _media_exists(services, call)


def test_a_database_moved_alone_finds_the_library_where_it_was(tmp_path: Path) -> None:
    library = tmp_path / "shared-library"
    call = _project(tmp_path / "a" / "q.db", library)
    (tmp_path / "b").mkdir()
    shutil.move(tmp_path / "a" / "q.db", tmp_path / "b" / "q.db")
    services = open_services(tmp_path / "b" / "q.db")
    assert services.library_dir.resolve() == library.resolve() and _media_exists(services, call)


def test_a_missing_library_is_one_clear_error(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    db, library = tmp_path / "q.db", tmp_path / "library"
    call = _project(db, library)
    shutil.move(library, tmp_path / "backup-library")
    with pytest.raises(LibraryMissingError) as err:
        open_services(db)
    assert str(library) in str(err.value)
    assert not library.exists()  # no empty folder made where the recordings should be

    res = run_cli("list", "--db", db, "--json")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert str(library) in res.stderr and "--library" in res.stderr
    wrong = run_cli("list", "--db", db, "--library", tmp_path / "empty", "--json")
    assert wrong.returncode == 2

    found = run_cli("list", "--db", db, "--library", tmp_path / "backup-library", "--json")
    assert found.returncode == 0, found.stderr
    services = open_services(db)  # remembered
    assert services.library_dir.name == "backup-library" and _media_exists(services, call)


@pytest.mark.gui
def test_the_window_asks_once_where_the_library_is(tmp_path: Path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from qcdesk.widgets.project import open_asking_for_library

    db, library = tmp_path / "q.db", tmp_path / "library"
    call = _project(db, library)
    shutil.move(library, tmp_path / "found-it")
    asked: list[str] = []

    def choose(box: QMessageBox) -> int:
        asked.append(box.text())
        box.buttons()[0].click()  # "Choose folder…"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path / "found-it"))
    services = open_asking_for_library(db, None, "", None)
    assert len(asked) == 1 and str(library) in asked[0]
    assert services is not None and _media_exists(services, call)


def _controller(tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    """A project controller showing a first project, as the window runs it."""
    from PySide6.QtCore import QSettings

    from qcdesk import settings as opts
    from qcdesk.jobs import JobManager
    from qcdesk.widgets.project import ProjectController

    settings = opts.Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.set(opts.REVIEWER_ASKED, True)
    project = ProjectController(settings, JobManager())
    first = open_services(tmp_path / "first.db", tmp_path / "first-lib")
    qtbot.addWidget(project.start(first))
    return project, first


def test_open_project_asks_where_the_library_is(tmp_path: Path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """File → Open project on a project whose library moved: the same question as at start-up,
    then the project opens on the chosen folder (before: one plain error, and no way on)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    project, _first = _controller(tmp_path, qtbot)
    db, library = tmp_path / "other" / "q.db", tmp_path / "other" / "library"
    db.parent.mkdir()
    call = _project(db, library)
    shutil.move(library, tmp_path / "moved-lib")
    asked: list[str] = []

    def choose(box: QMessageBox) -> int:
        asked.append(box.text())
        box.buttons()[0].click()  # "Choose folder…"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path / "moved-lib"))
    assert project.switch(db)
    qtbot.addWidget(project.window)
    assert len(asked) == 1 and str(library) in asked[0]
    assert project.services is not None and project.services.db_path == db
    assert _media_exists(project.services, call)
    project.services.close()


def test_open_project_gives_up_quietly_when_not_located(tmp_path: Path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Closing the question keeps the current project open."""
    from PySide6.QtWidgets import QMessageBox

    project, first = _controller(tmp_path, qtbot)
    db, library = tmp_path / "q.db", tmp_path / "library"
    _project(db, library)
    shutil.rmtree(library)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.buttons()[1].click() or 0)
    assert not project.switch(db)
    assert project.services is first
    first.close()
