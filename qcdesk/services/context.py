"""Builds the Qt-free service layer over one database and one media library folder."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from qcdesk.db.models import Attachment, MediaFile, WorkspaceSetting
from qcdesk.db.session import open_database, session_scope
from qcdesk.errors import QT_TRANSLATE_NOOP, StorageError, os_errors
from qcdesk.services.agreement import AgreementService
from qcdesk.services.alignment import AlignmentService
from qcdesk.services.calibration import CalibrationService
from qcdesk.services.calllog import CallLogService
from qcdesk.services.catalog import CatalogService, get_or_create
from qcdesk.services.chat_import import ChatImportService
from qcdesk.services.coaching import CoachingService
from qcdesk.services.consultants import ConsultantService
from qcdesk.services.disputes import DisputeService
from qcdesk.services.evaluations import EvaluationService
from qcdesk.services.importer import ImportService
from qcdesk.services.interactions import InteractionService
from qcdesk.services.meetings import MeetingService
from qcdesk.services.metadata import MetadataService
from qcdesk.services.mystery import MysteryService
from qcdesk.services.plans import PlanService
from qcdesk.services.prefill import PrefillService
from qcdesk.services.qcpack import PackService
from qcdesk.services.reports import ReportService
from qcdesk.services.rescore import RescoreService
from qcdesk.services.templates import SHIPPED_DIR, TemplateService
from qcdesk.services.transcription_queue import TranscriptionQueue
from qcdesk.services.transcripts import TranscriptEditService


def default_data_dir() -> Path:
    """The user's data folder (e.g. ~/.local/share/qcdesk, %LOCALAPPDATA%\\qcdesk)."""
    return Path(platformdirs.user_data_dir("qcdesk", appauthor=False))


def default_db_path() -> Path:
    return default_data_dir() / "qcdesk.db"


def default_library_dir() -> Path:
    return default_data_dir() / "library"


LIBRARY_KEY = "library_dir"
"""workspace_settings key: where this database's media library is, relative to the database's
folder, so that a project moved as a whole (database and library together) still finds it."""
LIBRARY_ABS_KEY = "library_dir_absolute"
"""The same place as an absolute path: found again when the database alone was moved."""


class LibraryMissingError(StorageError):
    """The database has recordings but its media library is not where it was (nor beside it)."""


def _holds_media(s: Session, library: Path) -> bool | None:
    """Whether *library* holds the database's recordings; None when it has none to hold.

    A few stored paths are checked, not all: a library that has any of them is the library
    (single files deleted by hand are reported when played), while a fresh empty folder or
    another project's library has none.
    """
    sample = [
        *s.scalars(select(MediaFile.path).order_by(MediaFile.id).limit(5)),
        *s.scalars(select(Attachment.path).order_by(Attachment.id).limit(5)),
    ]
    if not sample:
        return None
    return any((library / p).is_file() for p in sample)


def _stored_libraries(s: Session, db_path: Path) -> list[Path]:
    """Where the database says its library is: relative to it first, then absolute."""
    found = []
    for key in (LIBRARY_KEY, LIBRARY_ABS_KEY):
        row = s.get(WorkspaceSetting, key)
        if row is not None and row.value:
            path = Path(row.value)
            found.append(
                path if path.is_absolute() else Path(os.path.normpath(db_path.parent / path))
            )
    return found


def _remember(s: Session, key: str, value: str) -> None:
    # get_or_create: two processes may open a new project at once (parallel imports).
    row = get_or_create(s, WorkspaceSetting, {"key": key}, {"value": value})
    if row.value != value:
        row.value = value


def _relative(library: Path, db_path: Path) -> str:
    """*library* relative to the database's folder where possible (same drive), else ""."""
    try:
        return Path(os.path.relpath(library.resolve(), db_path.parent.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return ""


def locate_library(factory: sessionmaker[Session], db_path: Path, library_dir: Path | None) -> Path:
    """The media library of the database at *db_path*, remembered in the database itself.

    With *library_dir* given, that folder becomes the database's library (after checking it
    holds the recordings, when there are any). Without it, the first of these that holds
    them: the stored place relative to the database (a project moved as a whole), the stored
    absolute place (the database moved alone), a folder of that name beside the database, and
    ``library`` beside it (a database that has no library yet gets that one).

    Raises:
        LibraryMissingError: the database has recordings and the folder does not hold them.
    """
    with session_scope(factory, db_path) as s:
        stored = _stored_libraries(s, db_path)
        if library_dir is not None:
            candidates = [library_dir]
        else:
            candidates = [*stored, *(db_path.parent / p.name for p in stored[:1])]
            candidates.append(db_path.parent / "library")
        chosen = next((c for c in candidates if _holds_media(s, c) is not False), None)
        if chosen is None:
            raise LibraryMissingError(
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "The media library {path} of the database {db} is missing or does not "
                    "hold its recordings. Choose the folder where the library now is.",
                ),
                path=str(candidates[0]),
                db=str(db_path),
            )
        _remember(s, LIBRARY_KEY, _relative(chosen, db_path))
        _remember(s, LIBRARY_ABS_KEY, str(chosen.resolve()))
        return chosen


@dataclass
class Services:
    """The use cases the window calls: its whole seam to the data, typed.

    It holds no session factory: widgets reach the database only through these services.
    `open_services` returns a `ServiceLayer`, which adds the factory for the service layer's
    own callers (the CLI, the demo builders, tests).
    """

    catalog: CatalogService
    interactions: InteractionService
    importer: ImportService
    evaluations: EvaluationService
    templates: TemplateService
    reports: ReportService
    library_dir: Path
    db_path: Path
    transcription_queue: TranscriptionQueue
    mystery: MysteryService
    prefill: PrefillService  # auto-prefill and the metrics panel
    agreement: AgreementService
    transcripts: TranscriptEditService  # a reviewer's corrections to transcripts
    rescore: RescoreService  # move an evaluation to another template version
    chats: ChatImportService  # chat exports (Telegram, WhatsApp, CSV, transcript JSON)
    consultants: ConsultantService  # rename, merge, deactivate consultants; teams
    metadata: MetadataService  # correcting an interaction's company, consultant, date...
    calibration: CalibrationService  # calibration sessions and reference evaluations
    alignment: AlignmentService  # reviewers against the references; onboarding
    packs: PackService  # calibration packs (.qcpack) out and in
    calllog: CallLogService  # telephony call logs, their matching and timely-service figures
    coaching: CoachingService  # development plans, coaching sessions, progress
    meetings: MeetingService  # planning-meeting packs (PDF and audio clips)
    plans: PlanService  # sampling plans, assignment, My queue, reviewer productivity
    disputes: DisputeService  # contested answers of reviewed evaluations
    _dispose: Callable[[], None] = field(repr=False, kw_only=True)

    def close(self) -> None:
        """Close every pooled connection of the project's database (SQLite folds its WAL back)."""
        self._dispose()


@dataclass
class ServiceLayer(Services):
    """`Services` plus the session factory, for code below the window (CLI, demo, tests)."""

    session_factory: sessionmaker[Session] = field(kw_only=True)


def _dispose(factory: sessionmaker[Session]) -> None:
    bind = factory.kw.get("bind")
    if isinstance(bind, Engine):
        bind.dispose()


def open_services(
    db_path: Path | str,
    library_dir: Path | str | None = None,
    *,
    reviewer: str = "",
    checklists_dir: Path | None = None,
) -> ServiceLayer:
    """Open the database (migrating it to head), its library folder and the shipped checklists.

    *library_dir* None: the library the database remembers (see `locate_library`).

    Raises:
        LibraryMissingError: the database has recordings and its library is not found.
    """
    db_path = Path(db_path).expanduser()
    factory = open_database(db_path)
    library_dir = locate_library(
        factory, db_path, None if library_dir is None else Path(library_dir).expanduser()
    )
    with os_errors(
        QT_TRANSLATE_NOOP("KnownError", "Cannot create the library folder {path}: {detail}"),
        library_dir,
    ):
        library_dir.mkdir(parents=True, exist_ok=True)
    templates = TemplateService(factory, db_path)
    templates.sync_shipped(checklists_dir or SHIPPED_DIR)
    queue = TranscriptionQueue(factory, db_path, library_dir)
    queue.resume_interrupted()  # jobs a killed process left "running" go back to the queue
    evaluations = EvaluationService(factory, db_path, reviewer)
    calibration = CalibrationService(factory, db_path, lambda: evaluations.reviewer)
    importer = ImportService(factory, db_path, library_dir)
    interactions = InteractionService(factory, db_path, library_dir)
    reports = ReportService(factory, db_path, library_dir)
    coaching = CoachingService(factory, db_path)
    return ServiceLayer(
        catalog=CatalogService(factory, db_path),
        interactions=interactions,
        importer=importer,
        evaluations=evaluations,
        templates=templates,
        reports=reports,
        library_dir=library_dir,
        db_path=db_path,
        session_factory=factory,
        _dispose=lambda: _dispose(factory),
        transcription_queue=queue,
        # The reviewer is read when a form is created: the setting may change meanwhile.
        mystery=MysteryService(factory, db_path, library_dir, lambda: evaluations.reviewer),
        prefill=PrefillService(factory, db_path),
        agreement=AgreementService(factory, db_path),
        transcripts=TranscriptEditService(factory, db_path),
        rescore=RescoreService(factory, db_path),
        chats=ChatImportService(factory, db_path, library_dir),
        consultants=ConsultantService(factory, db_path),
        metadata=MetadataService(factory, db_path),
        calibration=calibration,
        alignment=AlignmentService(factory, db_path),
        packs=PackService(factory, db_path, calibration, importer, interactions, library_dir),
        calllog=CallLogService(factory, db_path),
        coaching=coaching,
        meetings=MeetingService(factory, db_path, library_dir, coaching, reports),
        plans=PlanService(factory, db_path, lambda: evaluations.reviewer),
        disputes=DisputeService(factory, db_path, lambda: evaluations.reviewer),
    )
