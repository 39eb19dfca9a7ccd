"""Importing recordings into the managed library: hash, decode-check, copy, record.

A bad file never stops the batch and never touches what was saved before: it is reported in
``ImportReport.failed`` with a message naming it, and the next file goes on.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from qcdesk.audio.decode import AUDIO_EXTENSIONS, AudioInfo, decode, sha256_file
from qcdesk.db.models import Consultant, Interaction, MediaFile
from qcdesk.domain.filename import DEFAULT_PATTERNS, parse_filename
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError, atomic_write
from qcdesk.services.catalog import get_or_create_client, get_or_create_consultant
from qcdesk.services.dto import ImportReport
from qcdesk.services.import_base import LibraryImportBase, Progress


@dataclass(frozen=True)
class ImportOptions:
    client: str
    consultant: str | None = None
    direction: str | None = None  # None: from the file name, if it says
    filename_patterns: tuple[str, ...] | None = None
    consultant_channel: str = "left"  # stereo files: which channel is the consultant
    language: str | None = None  # "auto"/"ru"/"en" for these calls; None: the company's


class ImportService(LibraryImportBase):
    extensions = AUDIO_EXTENSIONS  # folders are walked for audio files

    def import_paths(
        self,
        paths: Sequence[str | Path],
        options: ImportOptions,
        *,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        def one(path: Path) -> tuple[list[int], bool, list[KnownError]]:
            new_id = self.import_file(path, options)  # None: already in the library
            return ([] if new_id is None else [new_id]), new_id is None, []

        return self._import_batch(self.expand(paths), one, progress, is_cancelled)

    def import_file(self, path: Path, options: ImportOptions) -> int | None:
        """Import one file; None when its content is already in the library.

        Raises:
            KnownError: the file is missing, unreadable, not audio, or cannot be stored.
        """
        if not path.is_file():
            decode(path)  # raises the AudioError that names a missing path or a folder
        digest = sha256_file(path)
        if self._has_media(digest):
            return None
        info = decode(path).info  # raises AudioError for empty, damaged or non-audio files
        stored = self._store_file(path, digest)
        meta = parse_filename(path.name, options.filename_patterns or DEFAULT_PATTERNS)
        started = meta.started_at or datetime.fromtimestamp(path.stat().st_mtime).replace(
            microsecond=0
        )
        try:
            with self._session() as s:
                client = get_or_create_client(s, options.client)
                consultant = None
                if options.consultant:
                    consultant = get_or_create_consultant(s, client.id, options.consultant)
                elif meta.extension:
                    consultant = s.scalar(
                        select(Consultant).where(
                            Consultant.client_id == client.id,
                            Consultant.extension == meta.extension,
                        )
                    )
                media = media_row(
                    path, digest, stored, self._library, info, options.consultant_channel
                )
                it = Interaction(
                    kind="call",
                    # An internal call (exten-201-202-…) has no customer side to record.
                    direction=options.direction
                    or (meta.direction if meta.direction != "internal" else None),
                    client=client,
                    consultant=consultant,
                    started_at=started,
                    duration=info.duration,
                    customer_ref=meta.customer,
                    status="new",
                    media=media,
                    language=options.language,
                )
                s.add(it)
                s.flush()
                return it.id
        except IntegrityError:
            # Another process importing the same content at the same moment stored it first:
            # a duplicate. The library file is the same (named by hash) and now theirs: kept.
            if self._has_media(digest):
                return None
            raise
        except BaseException:
            if not self._has_media(digest):  # a parallel import may own the same file
                stored.unlink(missing_ok=True)  # keep the library free of unrecorded files
            raise

    def _has_media(self, digest: str) -> bool:
        with self._session() as s:
            return s.scalar(select(MediaFile.id).where(MediaFile.sha256 == digest)) is not None

    def _store_file(self, path: Path, digest: str) -> Path:
        return store_in_library(self._library, path, digest)


def store_in_library(library: Path, path: Path, digest: str) -> Path:
    """Copy into the library atomically: a full disk leaves no half-written file behind.

    Files are named by their SHA-256, so the same content is stored once whatever it is
    (recordings, and the photos and documents attached to mystery visits).
    """
    target = library / digest[:2] / f"{digest}{path.suffix.lower()}"
    template = QT_TRANSLATE_NOOP("KnownError", "Cannot copy {path} into the library: {detail}")
    with atomic_write(target, template, named=path) as tmp:
        shutil.copyfile(path, tmp)
    return target


def media_row(
    path: Path, digest: str, stored: Path, library: Path, info: AudioInfo, consultant_channel: str
) -> MediaFile:
    """The MediaFile of a recording already copied to *stored*: what the player reads."""
    return MediaFile(
        sha256=digest,
        path=stored.relative_to(library).as_posix(),
        original_name=path.name,
        codec=info.codec,
        channels=info.channels,
        sample_rate=info.sample_rate,
        duration=info.duration,
        size_bytes=path.stat().st_size,
        consultant_channel=consultant_channel,
    )
