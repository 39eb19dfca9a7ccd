"""Waveform peaks (min/max per pixel bucket) for drawing, with an on-disk cache.

Decoding an hour-long call takes seconds, drawing its waveform must not, so the peaks are
computed once per file content (keyed by SHA-256) and kept as a small ``.npy`` file. A cache
file that is unreadable or has the wrong shape is recomputed, never trusted.
This module must stay Qt-free.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from pathlib import Path

import numpy as np

from qcdesk.audio.decode import decode

log = logging.getLogger(__name__)

_SHA_RE = re.compile(r"[0-9a-f]{64}")

PEAKS_SAMPLE_RATE = 8000
"""Rate the audio is decoded at for peaks: telephone audio is 8 kHz anyway, and an hour of
48 kHz stereo Opus would otherwise take ~700 MB just to draw a few thousand pixels."""


def compute_peaks(samples: np.ndarray, buckets: int) -> np.ndarray:
    """Per channel and bucket the (min, max) sample, scaled to -1..1, as float32.

    *samples* is (frames,) or (frames, channels); integers are scaled by their type's range,
    floats are taken as already in -1..1. The result has shape (channels, buckets, 2). With
    fewer frames than buckets each bucket shows the frame under it, so short clips still
    fill the width.
    """
    if buckets <= 0:
        raise ValueError(f"buckets must be positive, got {buckets}")
    arr = np.asarray(samples)
    if arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2:
        raise ValueError(f"samples must be 1-D or 2-D, got shape {arr.shape}")
    signed = np.issubdtype(arr.dtype, np.signedinteger)
    if not signed and not np.issubdtype(arr.dtype, np.floating):
        raise ValueError(f"samples must be signed integers or floats, got {arr.dtype}")
    frames, channels = arr.shape
    if frames == 0:
        return np.zeros((channels, buckets, 2), dtype=np.float32)
    if frames >= buckets:
        # Bucket starts are strictly increasing because each bucket spans >= 1 frame.
        starts = (np.arange(buckets, dtype=np.int64) * frames) // buckets
        lo = np.minimum.reduceat(arr, starts, axis=0)
        hi = np.maximum.reduceat(arr, starts, axis=0)
    else:
        idx = (np.arange(buckets, dtype=np.int64) * frames) // buckets
        lo = hi = arr[idx]
    out = np.stack([lo.T, hi.T], axis=-1).astype(np.float32)
    if signed:
        out /= np.float32(-np.iinfo(arr.dtype).min)
    return np.clip(out, -1.0, 1.0, out=out)


def cache_path(cache_dir: Path | str, sha256: str, buckets: int) -> Path:
    """Where the peaks of the file with *sha256* at *buckets* resolution are cached."""
    sha = sha256.lower()
    if not _SHA_RE.fullmatch(sha):
        raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
    return Path(cache_dir) / f"{sha}-{buckets}.npy"


def _read_cache(target: Path, buckets: int) -> np.ndarray | None:
    """The cached peaks, or None when absent or not a valid peaks array."""
    if not target.is_file():
        return None
    try:
        arr = np.load(target, allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        log.warning("Peaks cache %s is unreadable (%s); recomputing", target, exc)
        return None
    if arr.dtype != np.float32 or arr.ndim != 3 or arr.shape[1:] != (buckets, 2):
        log.warning("Peaks cache %s has shape %s %s; recomputing", target, arr.shape, arr.dtype)
        return None
    return np.asarray(arr, dtype=np.float32)


def load_peaks(
    path: Path | str, sha256: str, cache_dir: Path | str, buckets: int = 4000
) -> np.ndarray:
    """Peaks of the audio at *path*, from ``cache_dir/<sha256>-<buckets>.npy`` when valid.

    A missing or corrupt cache file is recomputed from the audio and rewritten atomically
    (temporary file + rename), so a crash mid-write never leaves a half file behind. A cache
    that cannot be written is logged and the peaks are returned anyway: a read-only cache
    folder must not stop the waveform from showing.
    """
    target = cache_path(cache_dir, sha256, buckets)
    cached = _read_cache(target, buckets)
    if cached is not None:
        return cached
    peaks = compute_peaks(decode(path, sample_rate=PEAKS_SAMPLE_RATE).samples, buckets)
    tmp_name = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=target.parent, prefix=target.stem, suffix=".tmp", delete=False
        ) as fh:
            tmp_name = fh.name
            np.save(fh, peaks, allow_pickle=False)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        log.warning("Cannot write peaks cache %s: %s", target, exc)
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
    return peaks
