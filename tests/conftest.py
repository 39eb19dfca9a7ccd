"""Shared fixtures: offscreen Qt, the shared test data folder, and a fresh service layer."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# Must be set before any Qt module is imported anywhere in the test session.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false;qt.multimedia.ffmpeg=false")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


MISSING_DATA = (
    f"needs the shared test data at {SHARED_DATA} (not in the repository: place the shared "
    "folder beside the clone to run the data-bound tests)"
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A bare clone without ../shared skips the tests that read it, saying why, once each."""
    if SHARED_DATA.is_dir():
        return
    skip = pytest.mark.skip(reason=MISSING_DATA)
    for item in items:
        if "shared_data" in getattr(item, "fixturenames", ()) or item.get_closest_marker(
            "shared_data"
        ):
            item.add_marker(skip)


def pytest_report_header(config: pytest.Config) -> str | None:
    if SHARED_DATA.is_dir():
        return None
    return f"shared test data missing at {SHARED_DATA}: the data-bound tests are skipped"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The read-only public test data (../shared/data); tests never copy it into the repo.

    Tests that use it (directly or through a fixture) are skipped without it; tests that
    name its files in module constants carry the ``shared_data`` marker instead.
    """
    if not SHARED_DATA.is_dir():
        pytest.skip(MISSING_DATA)
    return SHARED_DATA


@pytest.fixture(scope="session")
def stereo_wav(shared_data: Path) -> Path:
    """An 8 kHz stereo telephone call: left = consultant, right = client."""
    return shared_data / "synthetic" / "call_8k_stereo.wav"


@pytest.fixture
def services(tmp_path: Path):
    """A service layer over a new SQLite database and library in a temp folder."""
    from qcdesk.services.context import open_services

    return open_services(tmp_path / "qcdesk.db", tmp_path / "library", reviewer="Тестовый Ревьюер")


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Runs ``python -m qcdesk.cli ARGS`` from the repository, as acceptance checks do."""

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "qcdesk.cli", *map(str, args)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
        )

    return run


@pytest.fixture
def open_workspace(qtbot, services):  # type: ignore[no-untyped-def]
    """Makes review workspaces shown, active and sized (keys need focus); unloads each after."""
    from qcdesk.jobs import JobManager
    from qcdesk.widgets.review import ReviewWorkspace

    made = []

    def make(width: int = 1400, height: int = 900):  # type: ignore[no-untyped-def]
        ws = ReviewWorkspace(services, JobManager(synchronous=True))
        qtbot.addWidget(ws)
        ws.resize(width, height)
        ws.show()
        qtbot.waitExposed(ws)
        ws.activateWindow()
        qtbot.waitUntil(ws.isActiveWindow, timeout=2000)
        made.append(ws)
        return ws

    yield make
    for ws in made:
        ws.controller.load(None)


def encode_with_ffmpeg(src: Path, dst: Path, *extra: str) -> Path:
    """Encode *src* to *dst* (format from the suffix) with the bundled ffmpeg."""
    import subprocess

    from qcdesk.audio.decode import ffmpeg_exe

    subprocess.run(
        [
            ffmpeg_exe(),
            "-nostdin",
            "-hide_banner",
            "-loglevel",
            "error",
            "-y",
            "-i",
            str(src),
            *extra,
            str(dst),
        ],
        check=True,
        timeout=60,
    )
    return dst


@pytest.fixture
def import_batch(tmp_path: Path, stereo_wav: Path, shared_data: Path) -> dict[str, Path]:
    """A folder of files to import: the bad inputs of the acceptance list and good ones.

    Keys: ``empty`` (zero bytes), ``text`` (a text file renamed .wav), ``truncated`` (an MP3 cut
    at 60 % of its bytes), ``missing`` (a path that does not exist), ``cyrillic`` (a good WAV
    whose name has Cyrillic letters and spaces), ``mp3`` (a good MP3).
    """
    import shutil

    folder = tmp_path / "batch"
    folder.mkdir()
    empty = folder / "20261014-110200_79161234567_201.wav"
    empty.write_bytes(b"")
    text = folder / "notes.wav"
    text.write_text("это не звук, а текстовый файл\n" * 20, encoding="utf-8")
    good_mp3 = encode_with_ffmpeg(
        shared_data / "silero-vad" / "ru.wav", folder / "good.mp3", "-b:a", "32k"
    )
    whole = encode_with_ffmpeg(
        shared_data / "golos" / "001ce26c07c20eaa0d666b824c6c6924.wav",
        tmp_path / "whole.mp3",
        "-b:a",
        "64k",
    )
    truncated = folder / "truncated.mp3"
    data = whole.read_bytes()
    truncated.write_bytes(data[: int(len(data) * 0.6)])
    cyrillic = folder / "Звонок клиента 14 октября.wav"
    shutil.copyfile(stereo_wav, cyrillic)
    return {
        "folder": folder,
        "empty": empty,
        "text": text,
        "truncated": truncated,
        "missing": folder / "нет такого файла.wav",
        "cyrillic": cyrillic,
        "mp3": good_mp3,
    }
