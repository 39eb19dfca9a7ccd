"""The typed settings registry: every setting with its key, type and default, in one place.

One `QSettings` is created in app.py and passed down wrapped in `Settings`; tests point it at
a temp ini file. Values are converted here because an ini file gives back strings ("true",
"1.5") and a one-item list comes back as a plain string.

The stored settings carry a version (``meta/settings_version``). Renaming or reshaping a
setting adds a step to `UPGRADES` (as Picard's ``config_upgrade`` does), which moves the
user's value once, the first time a newer qcdesk opens the file, so no release loses it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: the QSettings key, the Python type of its value and its default."""

    key: str
    type: type
    default: T


LANGUAGE: Setting[str] = Setting("ui/language", str, "")  # "" = system, "ru", "en"
REVIEWER: Setting[str] = Setting("review/reviewer", str, "")
FILENAME_PATTERNS: Setting[tuple[str, ...]] = Setting("import/filename_patterns", tuple, ())
LAST_IMPORT_DIR: Setting[str] = Setting("import/last_folder", str, "")
DEFAULT_DIRECTION: Setting[str] = Setting("import/default_direction", str, "")  # "" = unknown
LAST_CLIENT: Setting[str] = Setting("import/last_client", str, "")
CONSULTANT_CHANNEL: Setting[str] = Setting("import/consultant_channel", str, "left")
WINDOW_GEOMETRY: Setting[bytes] = Setting("window/geometry", bytes, b"")
WINDOW_STATE: Setting[bytes] = Setting("window/state", bytes, b"")
SPLITTER_STATE: Setting[bytes] = Setting("window/splitter", bytes, b"")
TABLE_HEADER_STATE: Setting[bytes] = Setting("window/table_header", bytes, b"")
PLAYBACK_SPEED: Setting[float] = Setting("playback/speed", float, 1.0)
VOLUME: Setting[int] = Setting("playback/volume", int, 80)  # percent
ASR_MODEL: Setting[str] = Setting("asr/model", str, "")  # folder or name; "" = bundled base
ASR_DEVICE: Setting[str] = Setting("asr/device", str, "auto")  # auto, cpu, cuda
ASR_REMOTE_URL: Setting[str] = Setting("asr/remote_url", str, "")  # "" = transcribe locally
ASR_API_KEY: Setting[str] = Setting("asr/api_key", str, "")
# Database files of the projects opened last, newest first (File → Recent projects).
RECENT_PROJECTS: Setting[tuple[str, ...]] = Setting("projects/recent", tuple, ())
# Set once the first-run prompt for the reviewer's name has been shown (answered or skipped).
REVIEWER_ASKED: Setting[bool] = Setting("review/reviewer_asked", bool, False)
RECENT_LIMIT = 8
# A daily automatic backup of a local project (database + library hashes), the newest N kept.
AUTO_BACKUP: Setting[bool] = Setting("backup/auto", bool, True)
AUTO_BACKUP_KEEP: Setting[int] = Setting("backup/keep", int, 7)

ALL: tuple[Setting[Any], ...] = (
    LANGUAGE,
    REVIEWER,
    FILENAME_PATTERNS,
    LAST_IMPORT_DIR,
    DEFAULT_DIRECTION,
    LAST_CLIENT,
    CONSULTANT_CHANNEL,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    SPLITTER_STATE,
    TABLE_HEADER_STATE,
    PLAYBACK_SPEED,
    VOLUME,
    ASR_MODEL,
    ASR_DEVICE,
    ASR_REMOTE_URL,
    ASR_API_KEY,
    RECENT_PROJECTS,
    REVIEWER_ASKED,
    AUTO_BACKUP,
    AUTO_BACKUP_KEEP,
)

ASR_SETTINGS = (ASR_MODEL, ASR_DEVICE, ASR_REMOTE_URL, ASR_API_KEY)


@dataclass(frozen=True)
class Upgrade:
    """One step that brings stored settings to *version*: renames, retypes, drops."""

    version: int
    apply: Callable[[QSettings], None]


def rename(old: str, new: str) -> Callable[[QSettings], None]:
    """A step that moves the value under *old* to *new*; a value already at *new* wins."""

    def step(q: QSettings) -> None:
        if not q.contains(old):
            return
        if not q.contains(new):
            q.setValue(new, q.value(old))
        q.remove(old)

    return step


VERSION_KEY = "meta/settings_version"
# Append a step, never edit one that shipped: a file at version N runs every step above N.
UPGRADES: tuple[Upgrade, ...] = (
    Upgrade(1, lambda q: None),  # the registry as first versioned: nothing to move
)


class Settings(QObject):
    """Typed access to one QSettings; emits `changed(key)` so open windows can follow."""

    changed = Signal(str)

    def __init__(
        self,
        qsettings: QSettings,
        parent: QObject | None = None,
        *,
        upgrades: Sequence[Upgrade] = UPGRADES,
    ) -> None:
        super().__init__(parent)
        self._q = qsettings
        upgrade(qsettings, upgrades)

    @classmethod
    def from_ini(
        cls, path: Path, parent: QObject | None = None, *, upgrades: Sequence[Upgrade] = UPGRADES
    ) -> Settings:
        """Settings kept in an ini file (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat), parent, upgrades=upgrades)

    @property
    def qsettings(self) -> QSettings:
        return self._q

    def get(self, setting: Setting[T]) -> T:
        raw = self._q.value(setting.key)
        if raw is None:
            return setting.default
        try:
            return _convert(setting, raw)  # type: ignore[no-any-return]
        except (TypeError, ValueError):
            # A hand-edited or older file must not stop the application from starting.
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        if setting.type is tuple:
            stored: Any = json.dumps(list(value), ensure_ascii=False)  # type: ignore[call-overload]
        elif setting.type is bytes:
            stored = QByteArray(bytes(value))  # type: ignore[call-overload]
        else:
            stored = setting.type(value)
        if self.get(setting) == value:
            return
        self._q.setValue(setting.key, stored)
        self.changed.emit(setting.key)

    def reset(self, setting: Setting[Any]) -> None:
        self._q.remove(setting.key)
        self.changed.emit(setting.key)

    def sync(self) -> None:
        self._q.sync()


def remember_project(settings: Settings, db_path: Path) -> tuple[str, ...]:
    """Put *db_path* first in the recent projects (once, at most RECENT_LIMIT kept)."""
    path = str(Path(db_path).expanduser().resolve())
    recent = [p for p in settings.get(RECENT_PROJECTS) if p != path]
    value = (path, *recent)[:RECENT_LIMIT]
    settings.set(RECENT_PROJECTS, value)
    return value


def forget_project(settings: Settings, db_path: str) -> tuple[str, ...]:
    """Drop *db_path* from the recent projects (it was moved or deleted)."""
    value = tuple(p for p in settings.get(RECENT_PROJECTS) if p != db_path)
    settings.set(RECENT_PROJECTS, value)
    return value


def _convert(setting: Setting[Any], raw: Any) -> Any:
    kind = setting.type
    if kind is bool:
        if isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        return bool(raw)
    if kind is bytes:
        if isinstance(raw, QByteArray):
            return bytes(raw.data())
        if isinstance(raw, bytes | bytearray):
            return bytes(raw)
        raise TypeError(type(raw))
    if kind is tuple:
        if isinstance(raw, str):
            items = json.loads(raw)
        else:
            items = raw
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ValueError(raw)
        return tuple(items)
    return kind(raw)


def upgrade(q: QSettings, steps: Sequence[Upgrade] = UPGRADES) -> int:
    """Run the steps above the stored version, in order; return the version the file has now.

    A file without a version predates versioning (or is new): every step runs, and each is
    written so that it does nothing where there is nothing to move. A file from a newer
    qcdesk is left as it is: its keys may mean things this version does not know.
    """
    raw: Any = q.value(VERSION_KEY, 0)
    try:
        current = int(raw)
    except (TypeError, ValueError):
        log.warning("Settings version %r unreadable; upgrading from 0", raw)
        current = 0
    target = max((step.version for step in steps), default=0)
    if current > target:
        log.warning("Settings are version %s, newer than this qcdesk's %s", current, target)
        return current
    for step in sorted(steps, key=lambda st: st.version):
        if step.version > current:
            step.apply(q)
            q.setValue(VERSION_KEY, step.version)
            current = step.version
    return current
