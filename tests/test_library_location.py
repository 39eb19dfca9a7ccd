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
    services.session_factory.kw["bind"].dispose()
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

    from qcdesk.app import _open_services

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
    services = _open_services(db, None, "")
    assert len(asked) == 1 and str(library) in asked[0]
    assert services is not None and _media_exists(services, call)
