"""Builds the Qt-free service layer over one database and one media library folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.orm import Session, sessionmaker

from qcdesk.db.session import open_database
from qcdesk.errors import QT_TRANSLATE_NOOP, os_errors
from qcdesk.services.agreement import AgreementService
from qcdesk.services.catalog import CatalogService
from qcdesk.services.chat_import import ChatImportService
from qcdesk.services.consultants import ConsultantService
from qcdesk.services.evaluations import EvaluationService
from qcdesk.services.importer import ImportService
from qcdesk.services.interactions import InteractionService
from qcdesk.services.metadata import MetadataService
from qcdesk.services.mystery import MysteryService
from qcdesk.services.prefill import PrefillService
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


@dataclass
class Services:
    catalog: CatalogService
    interactions: InteractionService
    importer: ImportService
    evaluations: EvaluationService
    templates: TemplateService
    reports: ReportService
    library_dir: Path
    db_path: Path
    session_factory: sessionmaker[Session]  # for the service layer only; widgets never use it
    transcription_queue: TranscriptionQueue
    mystery: MysteryService
    prefill: PrefillService  # auto-prefill and the metrics panel
    agreement: AgreementService
    transcripts: TranscriptEditService  # a reviewer's corrections to transcripts
    rescore: RescoreService  # move an evaluation to another template version
    chats: ChatImportService  # chat exports (Telegram, WhatsApp, CSV, transcript JSON)
    consultants: ConsultantService  # rename, merge, deactivate consultants; teams
    metadata: MetadataService  # correcting an interaction's company, consultant, date...


def open_services(
    db_path: Path | str,
    library_dir: Path | str,
    *,
    reviewer: str = "",
    checklists_dir: Path | None = None,
) -> Services:
    """Open the database (migrating it to head), the library folder and the shipped checklists."""
    db_path, library_dir = Path(db_path).expanduser(), Path(library_dir).expanduser()
    with os_errors(
        QT_TRANSLATE_NOOP("KnownError", "Cannot create the library folder {path}: {detail}"),
        library_dir,
    ):
        library_dir.mkdir(parents=True, exist_ok=True)
    factory = open_database(db_path)
    templates = TemplateService(factory, db_path)
    templates.sync_shipped(checklists_dir or SHIPPED_DIR)
    queue = TranscriptionQueue(factory, db_path, library_dir)
    queue.resume_interrupted()  # jobs a killed process left "running" go back to the queue
    evaluations = EvaluationService(factory, db_path, reviewer)
    return Services(
        catalog=CatalogService(factory, db_path),
        interactions=InteractionService(factory, db_path, library_dir),
        importer=ImportService(factory, db_path, library_dir),
        evaluations=evaluations,
        templates=templates,
        reports=ReportService(factory, db_path, library_dir),
        library_dir=library_dir,
        db_path=db_path,
        session_factory=factory,
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
    )
