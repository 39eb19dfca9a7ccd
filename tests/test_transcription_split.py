"""A real mono transcription stores how sure its speaker split is (bundled model, one short file).

Marked ``asr`` and ``slow``: it loads the bundled base model (joined into a private cache).
The golos clip is one voice reading one sentence, so "two speakers" cannot be told apart
there: the honest outcome is a doubtful split, which the workspace warns about.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qcdesk.asr.local import LocalWhisperEngine
from qcdesk.asr.model_store import resolve_model
from qcdesk.services.importer import ImportOptions
from qcdesk.services.transcription import TranscriptionService
from qcdesk.services.transcripts import split_uncertain

pytestmark = [pytest.mark.asr, pytest.mark.slow]
GOLOS = "golos/001ce26c07c20eaa0d666b824c6c6924.wav"


def test_mono_transcription_stores_a_doubtful_split_confidence(
    services, shared_data: Path, tmp_path: Path
) -> None:
    (iid,) = services.importer.import_paths(
        [shared_data / GOLOS], ImportOptions(client="Голос")
    ).imported
    engine = LocalWhisperEngine(resolve_model(None, tmp_path / "models"), device="cpu")
    svc = TranscriptionService(
        services.session_factory, services.db_path, services.library_dir, engine
    )
    outcome = svc.transcribe(iid)
    transcript = services.interactions.get(iid).transcript  # read back from SQLite
    assert transcript is not None and transcript.segments
    assert transcript.split_confidence is not None and 0.0 <= transcript.split_confidence < 0.5
    assert outcome.split_confidence == transcript.split_confidence and outcome.uncertain
    assert split_uncertain(transcript)
    assert {s.speaker for s in transcript.segments} <= {"consultant", "client", "A", "B"}
