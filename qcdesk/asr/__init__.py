"""Transcription engines behind one interface (faster-whisper locally, or a remote server).

Nothing heavy is imported here: faster-whisper and CTranslate2 load only when an engine is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qcdesk.asr.base import Engine


def create_engine(
    model: str | Path | None = None,
    *,
    device: str = "auto",
    remote_url: str = "",
    api_key: str = "",
    cache_dir: Path | None = None,
) -> Engine:
    """The engine the settings ask for: a remote server when *remote_url* is set, else local.

    *model* is a model folder, a faster-whisper model name, or None for the bundled base model.
    """
    if remote_url:
        from qcdesk.asr.remote import RemoteEngine

        return RemoteEngine(remote_url, api_key=api_key)
    from qcdesk.asr.local import LocalWhisperEngine
    from qcdesk.asr.model_store import resolve_model

    return LocalWhisperEngine(resolve_model(model, cache_dir), device=device)
