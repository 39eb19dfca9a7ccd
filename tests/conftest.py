"""Shared fixtures: offscreen Qt, the shared test data folder, and a fresh service layer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Must be set before any Qt module is imported anywhere in the test session.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false;qt.multimedia.ffmpeg=false")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The read-only public test data (../shared/data); tests never copy it into the repo."""
    if not SHARED_DATA.is_dir():
        pytest.fail(f"shared test data not found at {SHARED_DATA}")
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
