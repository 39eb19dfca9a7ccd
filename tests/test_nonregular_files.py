"""A pipe, a device or a folder named like an input file is refused at once, never waited on.

Before the fix ``open()`` on a FIFO blocked until a writer came (import hung forever). Each test
starts a watchdog that opens the FIFO for writing after a few seconds, so code that still blocks
gets end-of-file and the test fails on its message instead of hanging the suite.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from qcdesk.errors import KnownError
from qcdesk.services.importer import ImportOptions

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")

NOT_REGULAR = "not a regular file"


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A FIFO named call.wav; a watchdog unblocks a reader stuck on it after 5 s."""
    path = tmp_path / "call.wav"
    os.mkfifo(path)
    stop = threading.Event()

    def watchdog() -> None:
        deadline = time.monotonic() + 5
        while not stop.wait(0.05):
            if time.monotonic() < deadline:
                continue
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                continue  # no reader is waiting
            os.close(fd)

    t = threading.Thread(target=watchdog, daemon=True)
    t.start()
    yield path
    stop.set()
    t.join()


def _renamed(fifo: Path, name: str) -> Path:
    target = fifo.with_name(name)
    fifo.rename(target)
    return target


def test_audio_import_refuses_a_fifo_and_goes_on(services, fifo: Path, stereo_wav: Path) -> None:
    t0 = time.monotonic()
    report = services.importer.import_paths([fifo, stereo_wav], ImportOptions(client="Диваны Плюс"))
    assert time.monotonic() - t0 < 4, "the import waited on the pipe"
    assert len(report.imported) == 1
    [failed] = report.failed
    assert failed.path == str(fifo) and str(fifo) in failed.error
    assert NOT_REGULAR in failed.error


def test_decode_and_hash_refuse_a_device(tmp_path: Path) -> None:
    from qcdesk.audio.decode import decode, sha256_file

    for reader in (decode, sha256_file):
        with pytest.raises(KnownError, match=NOT_REGULAR) as info:
            reader("/dev/zero")  # endless: reading it would never finish
        assert info.value.path == "/dev/zero"


def test_template_fifo_is_refused(fifo: Path) -> None:
    from qcdesk.domain.checklist_schema import load_template
    from qcdesk.errors import TemplateError

    path = _renamed(fifo, "checklist.yaml")
    with pytest.raises(TemplateError, match=NOT_REGULAR) as info:
        load_template(path)
    assert info.value.path == str(path) and info.value.problems


def test_autoscore_transcript_fifo_is_refused(fifo: Path, capsys) -> None:
    from qcdesk.cli import main

    path = _renamed(fifo, "t.json")
    rc = main(["autoscore", "--template", "sales-call-ru", "--transcript", str(path)])
    err = capsys.readouterr().err
    assert rc == 2 and str(path) in err and NOT_REGULAR in err


def test_attachment_fifo_is_refused(fifo: Path) -> None:
    from qcdesk.services.attachment_files import AttachmentError, detect_kind

    path = _renamed(fifo, "photo.jpg")
    with pytest.raises(AttachmentError, match=NOT_REGULAR):
        detect_kind(path)


def test_open_regular_reads_regular_files_and_names_missing_ones(tmp_path: Path) -> None:
    from qcdesk.userfiles import read_bytes

    f = tmp_path / "ок.txt"
    f.write_bytes(b"data")
    assert read_bytes(f) == b"data"
    with pytest.raises(KnownError, match="does not exist") as info:
        read_bytes(tmp_path / "missing.txt")
    assert info.value.path == str(tmp_path / "missing.txt")
    with pytest.raises(KnownError, match="folder"):
        read_bytes(tmp_path)
