"""Watch folders: files are imported once they stop growing, and never twice."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from qcdesk.services.watch_folder import FolderWatcher

LOG = Path(__file__).parent / "data" / "calllogs" / "asterisk-cdr_csv-21col.csv"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_file_waits_until_it_stops_growing(services, shared_data: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    drop = tmp_path / "drop"
    drop.mkdir()
    clock = Clock()
    watcher = FolderWatcher(services.importer, services.calllog, "Альфа", drop, 5.0, clock)
    lines = LOG.read_text(encoding="utf-8").splitlines(keepends=True)
    log = drop / "Master.csv"
    log.write_text("".join(lines[:2]), encoding="utf-8")  # the PBX has written one call
    first = watcher.scan()
    assert first.waiting == (str(log),) and first.calls == 0  # just seen: may still grow
    clock.now = 3
    assert watcher.scan().calls == 0  # unchanged, but not for 5 seconds yet
    with log.open("a", encoding="utf-8") as fh:
        fh.write("".join(lines[2:4]))  # it grew: the clock starts again
    clock.now = 9
    assert watcher.scan().waiting == (str(log),)
    clock.now = 15
    settled = watcher.scan()
    assert (settled.calls, settled.waiting) == (2, ())
    clock.now = 30
    assert watcher.scan().calls == 0  # the same version is not read again
    with log.open("a", encoding="utf-8") as fh:
        fh.write("".join(lines[4:7]))
    clock.now = 31
    watcher.scan()
    clock.now = 40
    assert watcher.scan().calls == 3  # the grown log adds only its new calls

    wav = drop / "20261102-123000_79035550011_202.wav"
    shutil.copy(shared_data / "synthetic" / "call_8k_stereo.wav", wav)
    watcher.scan()
    clock.now = 50
    assert watcher.scan().recordings == 1
    # A restart forgets what it saw; the content decides: nothing is imported twice.
    again = FolderWatcher(services.importer, services.calllog, "Альфа", drop, 5.0, clock)
    again.scan()
    clock.now = 60
    result = again.scan()
    assert (result.recordings, result.calls) == (0, 0) and not result.failed


def test_a_missing_folder_is_no_error(services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    watcher = FolderWatcher(services.importer, services.calllog, "Альфа", tmp_path / "gone")
    assert watcher.scan().waiting == ()


def test_cli_watch_once(services, run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    drop = tmp_path / "drop"
    drop.mkdir()
    shutil.copy(LOG, drop / "Master.csv")
    services.calllog.set_watch_folder("Альфа", drop)
    assert services.calllog.watch_folders() == {"Альфа": drop.resolve()}
    out = run_cli("watch", "--db", services.db_path, "--once", "--settle", "0")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[-1])["Альфа"]["calls"] == 5
