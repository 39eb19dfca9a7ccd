"""Disk trouble becomes a message naming the file, and never a half-written file."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from qcdesk.errors import QT_TRANSLATE_NOOP, StorageError, atomic_write

TEMPLATE = QT_TRANSLATE_NOOP("KnownError", "Cannot write the report {path}: {detail}")


def test_a_full_disk_mid_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "Отчёт за октябрь.pdf"
    target.write_bytes(b"the report saved last month")
    with pytest.raises(StorageError) as info:
        with atomic_write(target, TEMPLATE) as tmp:
            tmp.write_bytes(b"half a rep")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert str(target) in str(info.value) and "No space left" in str(info.value)
    assert target.read_bytes() == b"the report saved last month"
    assert list(tmp_path.iterdir()) == [target]  # the partial file is gone


def test_an_unwritable_folder_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StorageError) as info:
        with atomic_write(blocker / "report.xlsx", TEMPLATE) as tmp:
            tmp.write_bytes(b"data")
    assert str(blocker / "report.xlsx") in str(info.value)


def test_success_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    with atomic_write(target, TEMPLATE) as tmp:
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"new" and list(tmp_path.iterdir()) == [target]


def test_import_into_an_unusable_library_reports_the_file(services, stereo_wav: Path) -> None:
    """The library folder replaced by a file (like a vanished drive): the batch reports it."""
    from qcdesk.services.importer import ImportOptions

    lib = services.library_dir
    for child in lib.iterdir():
        child.rmdir() if child.is_dir() else child.unlink()
    lib.rmdir()
    lib.write_text("not a folder", encoding="utf-8")
    report = services.importer.import_paths([stereo_wav], ImportOptions(client="А"))
    assert report.imported == ()
    assert [f.path for f in report.failed] == [str(stereo_wav)]
    assert str(stereo_wav) in report.failed[0].error
    assert services.interactions.query() == []  # nothing half-recorded in the database
