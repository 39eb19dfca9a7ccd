"""Mystery shopping: assignments (visit, call or online request) and their evidence files.

Every assignment is an Interaction of kind "visit" whatever its channel, so the list, the
review workspace and the reports treat it like any other interaction; the channel picks the
shopper's report form (one shipped template per channel). Attachments are copied into the
library exactly as recordings are (named by SHA-256, written atomically); an audio attachment
also becomes the interaction's recording, so the same player, waveform and transcription work
on a visit recorded with a phone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qcdesk.audio.decode import decode, sha256_file
from qcdesk.db.models import (
    Attachment,
    ChecklistTemplateRow,
    ChecklistVersion,
    Client,
    Evaluation,
    EvaluationAnswer,
    Interaction,
    MediaFile,
    MysteryAssignment,
    Transcript,
)
from qcdesk.domain.language import resolve
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError, os_errors
from qcdesk.services.attachment_files import ATTACHMENT_KINDS, detect_kind
from qcdesk.services.base import ServiceBase, latest_evaluation
from qcdesk.services.catalog import get_or_create_client, get_or_create_consultant
from qcdesk.services.dto import (
    AssignmentDraft,
    AttachmentInfo,
    ImportFailure,
    MysteryAssignmentInfo,
)
from qcdesk.services.importer import media_row, store_in_library
from qcdesk.services.scoresheet import get_or_create_reviewer
from qcdesk.services.templates import default_version, template_of

CHANNELS = ("visit", "call", "online")
# The shopper's report form per channel: the slug of a shipped template (kind "visit").
CHANNEL_TEMPLATES = {
    "visit": "mystery-shopper-visit-ru",
    "call": "mystery-shopper-call-ru",
    "online": "mystery-shopper-online-request-ru",
}


def _started_at(draft: AssignmentDraft, fallback: datetime) -> datetime:
    """When the visit happened, for lists and report periods: check-in, else the plan."""
    if draft.checkin_at is not None:
        return draft.checkin_at.replace(microsecond=0, tzinfo=None)
    if draft.planned_date is not None:
        return datetime.combine(draft.planned_date, time(12, 0))
    return fallback


def channel_version(s: Session, channel: str, client: Client) -> ChecklistVersion:
    """The newest published version of the channel's form; any visit form if it is gone."""
    slug = CHANNEL_TEMPLATES[channel]
    version = s.scalars(
        select(ChecklistVersion)
        .join(ChecklistTemplateRow)
        .where(ChecklistTemplateRow.slug == slug, ChecklistVersion.status == "published")
        .order_by(ChecklistVersion.version.desc())
    ).first()
    return version or default_version(s, "visit", resolve(client.language, None), client.id)


def _info(a: MysteryAssignment, it: Interaction) -> MysteryAssignmentInfo:
    return MysteryAssignmentInfo(
        interaction_id=a.interaction_id,
        client_id=it.client_id,
        client=it.client.name,
        consultant_id=it.consultant_id,
        consultant=it.consultant.name if it.consultant else None,
        channel=a.channel,
        location=a.location or "",
        scenario=a.scenario or "",
        planned_date=a.planned_date,
        shopper=a.shopper or "",
        checkin_at=a.checkin_at,
        checkin_place=a.checkin_place or "",
    )


class MysteryService(ServiceBase):
    """Assignments and attachments; the reviewer's name is read from the evaluation service."""

    def __init__(  # type: ignore[no-untyped-def]
        self, factory, db_path: Path, library_dir: Path, reviewer: Callable[[], str] = str
    ) -> None:
        super().__init__(factory, db_path)
        self._library = library_dir
        self._reviewer = reviewer

    # -- assignments ----------------------------------------------------------------------

    def create(self, draft: AssignmentDraft) -> MysteryAssignmentInfo:
        """A new assignment: its interaction (kind "visit") and the channel's empty form."""
        _check_draft(draft)
        with self._session() as s:
            client = get_or_create_client(s, draft.client)
            it = Interaction(kind="visit", client=client, status="new")
            s.add(it)
            self._apply(s, it, None, draft)
            s.flush()
            s.add(
                Evaluation(
                    interaction=it,
                    version=channel_version(s, draft.channel, client),
                    reviewer=get_or_create_reviewer(s, self._reviewer()),
                    status="in_progress",
                )
            )
            s.flush()
            return _info(s.get_one(MysteryAssignment, it.id), it)

    def update(self, interaction_id: int, draft: AssignmentDraft) -> MysteryAssignmentInfo:
        """Change the fields; a new channel changes the form only while nothing is answered."""
        _check_draft(draft)
        with self._session() as s:
            it = s.get_one(Interaction, interaction_id)
            a = self._assignment(s, interaction_id)
            if draft.client.strip() != it.client.name:
                it.client = get_or_create_client(s, draft.client)
            old_channel = a.channel
            self._apply(s, it, a, draft)
            if draft.channel != old_channel:
                self._switch_form(s, it, draft.channel)
            s.flush()
            return _info(a, it)

    def get(self, interaction_id: int) -> MysteryAssignmentInfo | None:
        """The interaction's assignment, or None for an interaction that has none."""
        with self._session() as s:
            a = s.get(MysteryAssignment, interaction_id)
            return None if a is None else _info(a, s.get_one(Interaction, interaction_id))

    def _assignment(self, s: Session, interaction_id: int) -> MysteryAssignment:
        a = s.get(MysteryAssignment, interaction_id)
        if a is None:
            raise LookupError(f"interaction {interaction_id} has no mystery assignment")
        return a

    def _apply(
        self, s: Session, it: Interaction, a: MysteryAssignment | None, draft: AssignmentDraft
    ) -> None:
        name = (draft.consultant or "").strip()
        it.consultant = get_or_create_consultant(s, it.client.id, name) if name else None
        it.started_at = _started_at(draft, it.started_at or datetime.now().replace(microsecond=0))
        # The location doubles as the list's "customer" column, so it is searchable there.
        it.customer_ref = draft.location.strip()[:200] or None
        if a is None:
            s.flush()
            a = MysteryAssignment(interaction_id=it.id)
            s.add(a)
        a.channel = draft.channel
        a.location = draft.location.strip()
        a.scenario = draft.scenario.strip()
        a.planned_date = draft.planned_date
        a.shopper = draft.shopper.strip()
        a.checkin_at = None if draft.checkin_at is None else draft.checkin_at.replace(tzinfo=None)
        a.checkin_place = draft.checkin_place.strip()

    def _switch_form(self, s: Session, it: Interaction, channel: str) -> None:
        ev = latest_evaluation(s, it.id)
        if ev is None:
            return
        answered = s.scalar(
            select(func.count())
            .select_from(EvaluationAnswer)
            .where(EvaluationAnswer.evaluation_id == ev.id, EvaluationAnswer.value.is_not(None))
        )
        if not answered:  # a started report keeps its form; switching is then explicit
            ev.version = channel_version(s, channel, it.client)

    # -- attachments ----------------------------------------------------------------------

    def add_attachment(
        self, interaction_id: int, path: Path | str, kind: str | None = None
    ) -> AttachmentInfo:
        """Copy *path* into the library and attach it; audio also becomes the recording.

        Raises:
            AttachmentError, AudioError: the file is missing, empty, damaged or not audio.
            StorageError: the library cannot be written.
        """
        path = Path(path)
        detected = detect_kind(path)
        kind = kind or detected
        if kind not in ATTACHMENT_KINDS:
            raise ValueError(f"unknown attachment kind {kind!r}")
        info = decode(path).info if detected == "audio" else None
        digest = sha256_file(path)
        with self._session() as s:
            same = s.scalar(
                select(Attachment).where(
                    Attachment.interaction_id == interaction_id, Attachment.sha256 == digest
                )
            )
            if same is not None:  # attached twice: one row is enough
                return self._attachment_info(same, s.get_one(Interaction, interaction_id))
        target = self._library / digest[:2] / f"{digest}{path.suffix.lower()}"
        existed = target.exists()
        stored = store_in_library(self._library, path, digest)
        try:
            return self._record(interaction_id, path, kind, digest, stored, info)
        except BaseException:
            if not existed:
                stored.unlink(missing_ok=True)  # keep the library free of files nobody lists
            raise

    def _record(  # type: ignore[no-untyped-def]
        self, interaction_id: int, path: Path, kind: str, digest: str, stored: Path, info
    ) -> AttachmentInfo:
        relative = stored.relative_to(self._library).as_posix()
        with self._session() as s:
            it = s.get_one(Interaction, interaction_id)
            row = Attachment(
                interaction_id=it.id,
                kind=kind,
                path=relative,
                original_name=path.name,
                sha256=digest,
                criteria=[],
                created_at=datetime.now().replace(microsecond=0),
            )
            s.add(row)
            if info is not None:
                media = s.scalar(select(MediaFile).where(MediaFile.sha256 == digest))
                if media is None:
                    channel = it.client.consultant_channel
                    media = media_row(path, digest, stored, self._library, info, channel)
                    s.add(media)
                if it.media_id is None:
                    it.media = media
                    it.duration = media.duration
            s.flush()
            return self._attachment_info(row, it)

    def add_attachments(
        self,
        interaction_id: int,
        paths: Sequence[Path | str],
        *,
        progress: Callable[[int, int, str], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> tuple[list[AttachmentInfo], list[ImportFailure]]:
        """Attach several files (a job body); a bad file is reported and the rest go on."""
        added: list[AttachmentInfo] = []
        failed: list[ImportFailure] = []
        for i, p in enumerate(paths):
            if is_cancelled is not None and is_cancelled():
                break
            if progress is not None:
                progress(i, len(paths), Path(p).name)
            try:
                added.append(self.add_attachment(interaction_id, p))
            except KnownError as err:
                params = {k: str(v) for k, v in err.params.items()}
                failed.append(ImportFailure(str(p), str(err), err.template, params))
        if progress is not None:
            progress(len(paths), len(paths), "")
        return added, failed

    def list_attachments(self, interaction_id: int) -> list[AttachmentInfo]:
        with self._session() as s:
            it = s.get_one(Interaction, interaction_id)
            rows = s.scalars(
                select(Attachment)
                .where(Attachment.interaction_id == interaction_id)
                .order_by(Attachment.id)
            )
            return [self._attachment_info(a, it) for a in rows]

    def set_attachment_criteria(
        self, attachment_id: int, criteria: Iterable[str]
    ) -> AttachmentInfo:
        """Link the attachment as evidence to exactly *criteria* (ids of the current form).

        Raises:
            ValueError: an id that the interaction's form does not have.
        """
        wanted = list(dict.fromkeys(criteria))
        with self._session() as s:
            a = s.get_one(Attachment, attachment_id)
            known = self._criterion_ids(s, a.interaction_id)
            unknown = [c for c in wanted if c not in known]
            if unknown:
                raise ValueError(f"unknown criteria {unknown} for interaction {a.interaction_id}")
            a.criteria = [c for c in known if c in wanted]  # in form order
            s.flush()
            return self._attachment_info(a, s.get_one(Interaction, a.interaction_id))

    def link_criterion(self, attachment_id: int, criterion_id: str, linked: bool) -> AttachmentInfo:
        """Add or remove one evidence link (the GUI's check box per criterion)."""
        with self._session() as s:
            current = list(s.get_one(Attachment, attachment_id).criteria or [])
        if linked and criterion_id not in current:
            current.append(criterion_id)
        elif not linked:
            current = [c for c in current if c != criterion_id]
        return self.set_attachment_criteria(attachment_id, current)

    def remove_attachment(self, attachment_id: int) -> None:
        """Detach and forget the file; a recording made from it goes, with its transcript.

        The stored file is deleted only when nothing else (another attachment, the recording
        of another interaction) refers to the same content.
        """
        with self._session() as s:
            a = s.get_one(Attachment, attachment_id)
            it = s.get_one(Interaction, a.interaction_id)
            path, digest = a.path, a.sha256
            s.delete(a)
            s.flush()
            if it.media is not None and it.media.sha256 == digest:
                self._replace_media(s, it)
            if not _count(s, Attachment.sha256 == digest):
                media = s.scalar(select(MediaFile).where(MediaFile.sha256 == digest))
                if media is not None and not _count(s, Interaction.media_id == media.id):
                    s.delete(media)
                    s.flush()
            in_use = _count(s, Attachment.path == path) or _count(s, MediaFile.path == path)
        if not in_use:
            target = self._library / path
            template = QT_TRANSLATE_NOOP("KnownError", "Cannot delete {path}: {detail}")
            with os_errors(template, target):
                target.unlink(missing_ok=True)

    def _replace_media(self, s: Session, it: Interaction) -> None:
        """The next audio attachment plays instead; the old transcript no longer fits."""
        audio = s.scalars(
            select(Attachment)
            .where(Attachment.interaction_id == it.id, Attachment.kind == "audio")
            .order_by(Attachment.id)
        )
        digests = [x.sha256 for x in audio]
        media = None
        if digests:
            media = s.scalar(select(MediaFile).where(MediaFile.sha256.in_(digests)).limit(1))
        it.media = media
        it.duration = media.duration if media is not None else None
        transcript = s.scalar(select(Transcript).where(Transcript.interaction_id == it.id))
        if transcript is not None:
            s.delete(transcript)
        s.flush()

    # -- helpers --------------------------------------------------------------------------

    def _criterion_ids(self, s: Session, interaction_id: int) -> list[str]:
        ev = latest_evaluation(s, interaction_id)
        if ev is None:
            return []
        return [c.id for c in template_of(ev.version).criteria()]

    def _attachment_info(self, a: Attachment, it: Interaction) -> AttachmentInfo:
        return AttachmentInfo(
            id=a.id,
            interaction_id=a.interaction_id,
            kind=a.kind,
            path=str(self._library / a.path),
            original_name=a.original_name,
            sha256=a.sha256,
            criteria=tuple(a.criteria or ()),
            created_at=a.created_at,
            is_media=a.kind == "audio" and it.media is not None and it.media.sha256 == a.sha256,
        )


def _check_draft(draft: AssignmentDraft) -> None:
    if draft.channel not in CHANNELS:
        raise ValueError(f"unknown channel {draft.channel!r} (use one of {CHANNELS})")
    if not draft.client.strip():
        raise ValueError("an assignment needs a client company")


def _count(s: Session, condition) -> int:  # type: ignore[no-untyped-def]
    """Rows matching *condition* in the table its column belongs to."""
    table = condition.left.table
    return int(s.scalar(select(func.count()).select_from(table).where(condition)) or 0)
