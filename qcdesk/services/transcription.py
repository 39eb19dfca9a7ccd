"""Transcribe an interaction's recording and store the transcript (the use case, Qt-free).

The job layer calls `TranscriptionService.transcribe` in a worker thread; the heavy part
(`pipeline.transcribe_file`) touches no database, and the result is stored in its own short
unit of work afterwards, so a long transcription never holds a SQLite write lock.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from qcdesk.asr.base import CancelFn, Engine, ProgressFn
from qcdesk.domain.language import effective_setting
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.base import ServiceBase, get_interaction
from qcdesk.services.interactions import store_transcript
from qcdesk.services.prefill import PrefillTooLong, prefill_interaction
from qcdesk.services.transcripts import EditedTranscriptError, count_edited

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TranscriptionJob:
    """What the pipeline needs to know about one interaction, read before the long work."""

    interaction_id: int
    path: Path
    language: str  # "ru"/"en", or "auto": Whisper detects it on the opening speech
    roles: tuple[str, str]  # speakers of the left and right channel
    channels: int
    duration: float
    # What the app knows, for telling the consultant on a mono call: the company's name and
    # spoken names, the consultant's registered name.
    company: tuple[str, ...] = ()
    consultant_name: str | None = None


@dataclass(frozen=True)
class TranscriptionOutcome:
    interaction_id: int
    audio_seconds: float
    segments: int
    uncertain: bool  # mono speaker split is doubtful: the workspace offers a role swap
    split_confidence: float | None = None  # mono calls only (see TranscriptInfo)
    language: str = ""  # the language transcribed in: the detected one for "auto"


class TranscriptionService(ServiceBase):
    """Runs the ASR pipeline for interactions and replaces their transcripts (source "asr")."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        db_path: Path,
        library_dir: Path,
        engine: Engine,
    ) -> None:
        super().__init__(factory, db_path)
        self._library = library_dir
        self.engine = engine

    def job(self, interaction_id: int) -> TranscriptionJob:
        """Read the media path, client language and channel mapping of one interaction."""
        with self._session() as s:
            it = get_interaction(s, interaction_id)
            if it.media is None:
                raise KnownError(
                    QT_TRANSLATE_NOOP("KnownError", "Interaction {id} has no recording."),
                    id=interaction_id,
                )
            left_is_consultant = it.media.consultant_channel != "right"
            roles = ("consultant", "client") if left_is_consultant else ("client", "consultant")
            return TranscriptionJob(
                interaction_id=interaction_id,
                path=self._library / it.media.path,
                language=effective_setting(it.language, it.client.language),
                roles=roles,
                channels=it.media.channels,
                duration=it.media.duration,
                company=(it.client.name, *(it.client.spoken_names or ())),
                consultant_name=it.consultant.name if it.consultant is not None else None,
            )

    def transcribe(
        self,
        interaction_id: int,
        *,
        progress: ProgressFn | None = None,
        is_cancelled: CancelFn | None = None,
        overwrite_edits: bool = False,
        language: str | None = None,
    ) -> TranscriptionOutcome:
        """Transcribe one interaction and store the result, replacing any transcript.

        *language* ("auto", "ru", "en") overrides the interaction's setting for this run only;
        the transcript records the language it was made in (the detected one for "auto").

        A transcript a reviewer corrected is replaced only with *overwrite_edits* (the user was
        asked). The check runs before the long work and again just before storing, in the
        same unit of work as the store, so a correction made while the job ran is not lost.

        Raises:
            AudioError: the recording cannot be decoded.
            EditedTranscriptError: the transcript has corrections and *overwrite_edits* is off.
            TranscriptionCancelled: *is_cancelled* turned true; nothing is stored.
        """
        from qcdesk.asr.pipeline import transcribe_file

        job = self.job(interaction_id)
        language = job.language if language is None else language
        if not overwrite_edits:
            with self._session() as s:
                _refuse_edited(s, interaction_id)
        result = transcribe_file(
            job.path,
            engine=self.engine,
            roles=job.roles,
            language=language,
            progress=progress,
            is_cancelled=is_cancelled,
            company=job.company,
            consultant_name=job.consultant_name,
        )
        with self._session() as s:
            if not overwrite_edits:
                _refuse_edited(s, interaction_id)
            store_transcript(s, interaction_id, result.transcript)
        try:
            prefill_interaction(self._factory, self._db_path, interaction_id)  # suggestions
        except PrefillTooLong as err:  # the transcript is kept; the reviewer scores by hand
            log.warning("%s", err)
        return TranscriptionOutcome(
            interaction_id=interaction_id,
            audio_seconds=result.duration,
            segments=len(result.transcript.segments),
            uncertain=result.uncertain,
            split_confidence=result.transcript.split_confidence,
            language=result.transcript.language,
        )


def _refuse_edited(s: Session, interaction_id: int) -> None:
    edited = count_edited(s, interaction_id)
    if edited:
        raise EditedTranscriptError(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "The transcript of interaction {id} has reviewer corrections in {count} "
                "segment(s); transcribing it again would replace them.",
            ),
            id=interaction_id,
            count=edited,
        )
