"""SQLAlchemy 2 models: the one place the schema is described (Alembic migrations mirror it)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from qcdesk.domain.textfold import fold

# Stable constraint names make Alembic batch migrations on SQLite predictable.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Client(Base):
    __tablename__ = "clients"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # "auto" (Whisper detects it per call), "ru" or "en"; an interaction may override it.
    language: Mapped[str] = mapped_column(String(8), default="auto")
    consultant_channel: Mapped[str] = mapped_column(String(8), default="left")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    # KPI targets and branding for reports, set per client company (migration 0002).
    kpi_score_target: Mapped[float] = mapped_column(Float, default=85.0, server_default="85")
    kpi_conversion_target: Mapped[float] = mapped_column(Float, default=25.0, server_default="25")
    kpi_max_critical: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    recurring_error_share: Mapped[float] = mapped_column(Float, default=0.3, server_default="0.3")
    logo_path: Mapped[str | None] = mapped_column(Text)
    # Chats and mystery shopping (migration 0004). working_hours: {"days": [0..6 Mon=0],
    # "start": "09:00", "end": "18:00"}; channel_weights: {"call": w, "chat": w, "visit": w}.
    timezone: Mapped[str] = mapped_column(
        String(64), default="Europe/Moscow", server_default="Europe/Moscow"
    )
    working_hours: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    channel_weights: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Exports mask phone, card and passport numbers (migration 0006); names are never masked.
    mask_personal_data: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    # Spoken names (migration 0009): how people say or spell the company («Диваны плюс»,
    # «Диваны+»); auto-prefill matches them with the name in what the consultant said.
    spoken_names: Mapped[list[str] | None] = mapped_column(JSON)
    # Call logs (migration 0010): the country whose production calendar (public holidays and
    # moved working days) the working hours follow, and the timely-service settings
    # ({"callback_minutes": 15, "profit": {...}}, see domain.calllog.profit), None = defaults.
    country: Mapped[str] = mapped_column(String(8), default="RU", server_default="RU")
    call_service: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Coaching progress compares this many reviewed evaluations before and after (migration 0011).
    progress_window: Mapped[int] = mapped_column(Integer, default=10, server_default="10")
    # Days the lead or the reviewer has to decide a dispute (migration 0012).
    dispute_deadline_days: Mapped[int] = mapped_column(Integer, default=5, server_default="5")


class WorkspaceSetting(Base):
    """Settings that belong to the database rather than the machine (e.g. the agency's name)."""

    __tablename__ = "workspace_settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Team(Base):
    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("client_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))


class Consultant(Base):
    __tablename__ = "consultants"
    __table_args__ = (UniqueConstraint("client_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(200))
    extension: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The name case-folded for search (migration 0005, see domain.textfold); kept by `_fold`.
    name_folded: Mapped[str | None] = mapped_column(String(200))
    team: Mapped[Team | None] = relationship()

    @validates("name")
    def _fold(self, _key: str, value: str) -> str:
        self.name_folded = fold(value)
        return value


class Reviewer(Base):
    __tablename__ = "reviewers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class MediaFile(Base):
    __tablename__ = "media_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(Text)  # relative to the library folder
    original_name: Mapped[str] = mapped_column(Text)
    codec: Mapped[str] = mapped_column(String(32), default="")
    channels: Mapped[int] = mapped_column(Integer)
    sample_rate: Mapped[int] = mapped_column(Integer)
    duration: Mapped[float] = mapped_column(Float)
    size_bytes: Mapped[int] = mapped_column(Integer)
    consultant_channel: Mapped[str] = mapped_column(String(8), default="left")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class Interaction(Base):
    __tablename__ = "interactions"
    __table_args__ = (Index("ix_interactions_client_started", "client_id", "started_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # call / chat / visit
    direction: Mapped[str | None] = mapped_column(String(10))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    consultant_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultants.id", ondelete="SET NULL"), index=True
    )
    started_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    duration: Mapped[float | None] = mapped_column(Float)
    customer_ref: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    media_id: Mapped[int | None] = mapped_column(ForeignKey("media_files.id", ondelete="SET NULL"))
    # The outcome: where the interaction ended and whether its goal was met.
    stage_reached: Mapped[str | None] = mapped_column(String(64))
    goal_achieved: Mapped[bool | None] = mapped_column(Boolean)
    deal_amount: Mapped[float | None] = mapped_column(Float)
    # Conversation metrics computed from the transcript (migration 0004), see domain.metrics.
    metrics: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Denormalised from the current evaluation so that the 100k-row table needs no join.
    score: Mapped[float | None] = mapped_column(Float, index=True)
    critical_failed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Reviewed, yet criteria are unanswered beyond those the reviewer left out (migration 0005):
    # a template switch added them after the review.
    review_incomplete: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    # Migration 0005. language: this call's own language ("auto", "ru", "en"), None = the
    # client company's; customer_folded: customer_ref case-folded for search, kept by `_fold`.
    language: Mapped[str | None] = mapped_column(String(8))
    customer_folded: Mapped[str | None] = mapped_column(String(200))

    client: Mapped[Client] = relationship()
    consultant: Mapped[Consultant | None] = relationship()
    media: Mapped[MediaFile | None] = relationship()

    @validates("customer_ref")
    def _fold(self, _key: str, value: str | None) -> str | None:
        self.customer_folded = fold(value)
        return value


class Transcript(Base):
    __tablename__ = "transcripts"
    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), unique=True
    )
    language: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(16))  # asr / import / demo / chat
    # Mono speaker split only: how sure the split is (0..1); None for stereo or imported text.
    split_confidence: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    segments: Mapped[list[TranscriptSegment]] = relationship(
        order_by="TranscriptSegment.idx", cascade="all, delete-orphan"
    )


class TranscriptSegment(Base):
    __tablename__ = "transcript_segments"
    __table_args__ = (UniqueConstraint("transcript_id", "idx"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcripts.id", ondelete="CASCADE"))
    idx: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(String(16))
    start: Mapped[float] = mapped_column(Float)
    end: Mapped[float] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)
    words: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)  # [{"w", "start", "end", "p"}]
    # A reviewer changed the text or the speaker; re-transcribing asks before overwriting.
    edited: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class ChecklistTemplateRow(Base):
    __tablename__ = "checklist_templates"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)  # the YAML `id`
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(8))
    language: Mapped[str] = mapped_column(String(8))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))


class ChecklistVersion(Base):
    __tablename__ = "checklist_versions"
    __table_args__ = (UniqueConstraint("template_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="CASCADE")
    )
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)  # template_to_dict(); immutable once stored
    status: Mapped[str] = mapped_column(String(16), default="published")  # draft/published/archived
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    template: Mapped[ChecklistTemplateRow] = relationship()


class ClientDefaultTemplate(Base):
    """A client company's default template per interaction kind (migration 0004)."""

    __tablename__ = "client_default_templates"
    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="CASCADE")
    )


REGULAR, CALIBRATION, REFERENCE = "regular", "calibration", "reference"
PURPOSES = (REGULAR, CALIBRATION, REFERENCE)  # Evaluation.purpose


class Evaluation(Base):
    __tablename__ = "evaluations"
    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), index=True
    )
    version_id: Mapped[int] = mapped_column(ForeignKey("checklist_versions.id"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("reviewers.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default="in_progress")
    score: Mapped[float | None] = mapped_column(Float)
    critical_failed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    # The auto-prefill's outcome suggestion (migration 0004); the final one is on the interaction.
    suggested_stage: Mapped[str | None] = mapped_column(String(64))
    suggested_goal: Mapped[bool | None] = mapped_column(Boolean)
    autoscored_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Migration 0005: criteria the reviewer confirmed leaving unanswered when marking it
    # reviewed (None: none), and free text for the whole evaluation.
    left_out: Mapped[list[str] | None] = mapped_column(JSON)
    overall_comment: Mapped[str] = mapped_column(Text, default="", server_default="")
    recommendation: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Migration 0008: what the evaluation is for. "regular": a review of the interaction, the
    # only kind reports, the list and the workspace see; "calibration": one participant's blind
    # answers in a calibration session; "reference": the agreed (golden) answers.
    purpose: Mapped[str] = mapped_column(
        String(16), default="regular", server_default="regular", index=True
    )
    calibration_id: Mapped[int | None] = mapped_column(
        ForeignKey("calibration_sessions.id", ondelete="CASCADE"), index=True
    )
    # Migration 0012, for reviewer productivity: when it was last marked reviewed, how long
    # review workspaces had it open in all, and since when it is open now (None: closed).
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    open_seconds: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    opened_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[ChecklistVersion] = relationship()
    reviewer: Mapped[Reviewer | None] = relationship()
    interaction: Mapped[Interaction] = relationship()
    answers: Mapped[list[EvaluationAnswer]] = relationship(cascade="all, delete-orphan")


class EvaluationAnswer(Base):
    __tablename__ = "evaluation_answers"
    __table_args__ = (UniqueConstraint("evaluation_id", "criterion_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluations.id", ondelete="CASCADE"))
    criterion_id: Mapped[str] = mapped_column(String(100))
    value: Mapped[str | None] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[float]] = mapped_column(JSON, default=list)  # seconds
    # Auto-prefill (migration 0004): the suggestion is kept next to the final answer.
    # suggested=True with suggested_value None means the engine abstained ("check manually").
    # confirmed=False while the value is an unconfirmed suggestion.
    suggested: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    suggested_value: Mapped[str | None] = mapped_column(String(16))
    suggested_confidence: Mapped[float | None] = mapped_column(Float)
    suggested_evidence: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")


class TranscriptionJobRow(Base):
    """One queued transcription; the queue lives in the database so it survives a restart.

    Statuses: queued, running, done, failed, cancelled. A row left "running" by a killed
    process is put back to "queued" when the services are opened again.
    """

    __tablename__ = "transcription_jobs"
    __table_args__ = (Index("ix_transcription_jobs_status", "status", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default="queued")
    error: Mapped[str] = mapped_column(Text, default="", server_default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class ChatAuthor(Base):
    """Who a chat author is, mapped once per client company and remembered (migration 0004)."""

    __tablename__ = "chat_authors"
    __table_args__ = (UniqueConstraint("client_id", "author"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    author: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # consultant / client
    consultant_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultants.id", ondelete="SET NULL")
    )


class MysteryAssignment(Base):
    """A mystery-shopping assignment; its interaction has kind "visit" (migration 0004)."""

    __tablename__ = "mystery_assignments"
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True
    )
    channel: Mapped[str] = mapped_column(String(8))  # visit / call / online
    location: Mapped[str] = mapped_column(Text, default="")
    scenario: Mapped[str] = mapped_column(Text, default="")
    planned_date: Mapped[date | None] = mapped_column(Date)
    shopper: Mapped[str] = mapped_column(String(200), default="")
    checkin_at: Mapped[datetime | None] = mapped_column(DateTime)
    checkin_place: Mapped[str] = mapped_column(Text, default="")


class Attachment(Base):
    """A photo, audio, screenshot or document attached to an interaction (migration 0004)."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # photo / audio / screenshot / document
    path: Mapped[str] = mapped_column(Text)  # relative to the library folder
    original_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    criteria: Mapped[list[str]] = mapped_column(JSON, default=list)  # evidence for these ids
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class CalibrationSession(Base):
    """Reviewers score the same interactions blind, then compare (migration 0008).

    Statuses: open (participants score), closed (the lead closed it; results show even if
    someone never submitted).
    """

    __tablename__ = "calibration_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    items: Mapped[list[CalibrationItem]] = relationship(
        order_by="CalibrationItem.position", cascade="all, delete-orphan"
    )
    participants: Mapped[list[CalibrationParticipant]] = relationship(
        order_by="CalibrationParticipant.position", cascade="all, delete-orphan"
    )


class CalibrationItem(Base):
    """One interaction of a session, with the template version every participant fills."""

    __tablename__ = "calibration_items"
    session_id: Mapped[int] = mapped_column(
        ForeignKey("calibration_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer)
    version_id: Mapped[int] = mapped_column(ForeignKey("checklist_versions.id"))
    interaction: Mapped[Interaction] = relationship()
    version: Mapped[ChecklistVersion] = relationship()


class CalibrationParticipant(Base):
    """A reviewer taking part; ``submitted_at`` set once their answers are final."""

    __tablename__ = "calibration_participants"
    session_id: Mapped[int] = mapped_column(
        ForeignKey("calibration_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    reviewer_id: Mapped[int] = mapped_column(
        ForeignKey("reviewers.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    reviewer: Mapped[Reviewer] = relationship()


class Call(Base):
    """One telephone call from a client's call log (migration 0010); its legs are kept too.

    ``source_key`` is the call's identity in the log (Asterisk linkedid or uniqueid, a
    provider's call id, else a hash of the row), so re-importing a log adds nothing twice.
    ``started_at`` is naive wall-clock time in the client's time zone, like recordings.
    ``wait_seconds``: until someone answered, or for an unanswered call how long the caller
    waited before hanging up.
    """

    __tablename__ = "calls"
    __table_args__ = (
        UniqueConstraint("client_id", "source_key"),
        Index("ix_calls_client_started", "client_id", "started_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    source_key: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    direction: Mapped[str] = mapped_column(String(10))  # incoming / outgoing / internal
    customer: Mapped[str | None] = mapped_column(String(64), index=True)
    line: Mapped[str | None] = mapped_column(String(64))  # the company's number (DID) called
    extension: Mapped[str | None] = mapped_column(String(32))
    consultant_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultants.id", ondelete="SET NULL"), index=True
    )
    consultant_name: Mapped[str | None] = mapped_column(String(200))  # as the log wrote it
    disposition: Mapped[str] = mapped_column(String(16))  # answered/no_answer/busy/failed
    wait_seconds: Mapped[float | None] = mapped_column(Float)
    talk_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    recording: Mapped[str | None] = mapped_column(Text)  # a file name or a link
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interactions.id", ondelete="SET NULL"), index=True
    )
    source_file: Mapped[str] = mapped_column(Text, default="")
    source_line: Mapped[int | None] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    consultant: Mapped[Consultant | None] = relationship()
    legs: Mapped[list[CallLeg]] = relationship(
        order_by="CallLeg.seq", cascade="all, delete-orphan"
    )


class CallLeg(Base):
    """One row of the log that belongs to a call: a ring of one phone, a queue, a transfer."""

    __tablename__ = "call_legs"
    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    src: Mapped[str] = mapped_column(String(80), default="")
    dst: Mapped[str] = mapped_column(String(80), default="")
    channel: Mapped[str] = mapped_column(String(200), default="")
    dstchannel: Mapped[str] = mapped_column(String(200), default="")
    lastapp: Mapped[str] = mapped_column(String(80), default="")
    disposition: Mapped[str] = mapped_column(String(16))
    duration: Mapped[float] = mapped_column(Float, default=0.0)
    billsec: Mapped[float] = mapped_column(Float, default=0.0)
    uniqueid: Mapped[str] = mapped_column(String(150), default="")
    source_line: Mapped[int | None] = mapped_column(Integer)


class ExtensionConsultant(Base):
    """Which consultant answers an extension, per client company (edited once by the user)."""

    __tablename__ = "extension_consultants"
    client_id: Mapped[int] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )
    extension: Mapped[str] = mapped_column(String(32), primary_key=True)
    consultant_id: Mapped[int] = mapped_column(ForeignKey("consultants.id", ondelete="CASCADE"))


class CallLogPreset(Base):
    """A named column mapping for a provider's call-log export, saved per client company."""

    __tablename__ = "calllog_presets"
    __table_args__ = (UniqueConstraint("client_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)


class CoachingPlan(Base):
    """One version of a consultant's individual development plan (migration 0011).

    Versions are never edited: saving a plan adds the next version, so what was agreed at a
    session stays readable. ``focus``: [{"channel", "criterion", "title", "target"}] (target in
    percent); ``examples``: [{"interaction_id", "channel", "criterion", "at", "quote", "good"}].
    """

    __tablename__ = "coaching_plans"
    __table_args__ = (UniqueConstraint("consultant_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    consultant_id: Mapped[int] = mapped_column(
        ForeignKey("consultants.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    coach: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    focus: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    examples: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class CoachingSession(Base):
    """A coaching session or a planning meeting, with its agreed actions (migration 0011).

    ``consultant_id`` None: a group session or a planning meeting of the client's team
    (format "meeting"). The acknowledgement is recorded by whoever ran the session.
    """

    __tablename__ = "coaching_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    consultant_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultants.id", ondelete="CASCADE"), index=True
    )
    plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("coaching_plans.id", ondelete="SET NULL")
    )
    held_at: Mapped[datetime] = mapped_column(DateTime)
    format: Mapped[str] = mapped_column(String(16))  # one_to_one / group / call / meeting
    participants: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    acknowledged_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    actions: Mapped[list[CoachingAction]] = relationship(
        order_by="CoachingAction.id", cascade="all, delete-orphan"
    )


class CoachingAction(Base):
    """An action agreed at a session: who does what by when, and whether it was done."""

    __tablename__ = "coaching_actions"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("coaching_sessions.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    done_on: Mapped[date | None] = mapped_column(Date)
class ReviewPlan(Base):
    """A month's sampling plan for one client company (migration 0012, issue 13).

    ``quotas`` {"call": 8, "chat": 4} (a key "any" counts every channel) is drawn per
    consultant; ``filters`` and ``stratify`` are kept as given so that the same plan and seed
    draw the same sample again, and replacements come from the same population.
    """

    __tablename__ = "review_plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(7))  # "YYYY-MM"
    quotas: Mapped[dict[str, Any]] = mapped_column(JSON)
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    stratify: Mapped[list[str]] = mapped_column(JSON, default=list)  # "direction", "channel"
    seed: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class PlanItem(Base):
    """One drawn interaction of a plan; skipped items stay, with their reason and replacement."""

    __tablename__ = "plan_items"
    __table_args__ = (UniqueConstraint("plan_id", "interaction_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("review_plans.id", ondelete="CASCADE"))
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), index=True
    )
    consultant_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultants.id", ondelete="SET NULL")
    )
    quota_key: Mapped[str] = mapped_column(String(8))  # the quota it fills: call/chat/visit/any
    stratum: Mapped[str] = mapped_column(String(100), default="", server_default="")
    position: Mapped[int] = mapped_column(Integer)  # order of the draw within the plan
    reviewer_id: Mapped[int | None] = mapped_column(
        ForeignKey("reviewers.id", ondelete="SET NULL"), index=True
    )
    due_date: Mapped[date | None] = mapped_column(Date)
    assigned_at: Mapped[datetime | None] = mapped_column(DateTime)
    skipped: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    skip_reason: Mapped[str | None] = mapped_column(String(32))
    skip_comment: Mapped[str] = mapped_column(Text, default="", server_default="")
    skipped_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    replaced_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_items.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    reviewer: Mapped[Reviewer | None] = relationship()
    interaction: Mapped[Interaction] = relationship()


class Dispute(Base):
    """A contested finding on a reviewed evaluation (migration 0012, issue 13 §6).

    Status: open, accepted, partially_accepted, rejected. The score before and after the
    decision is kept here; the answers before and after are on its items.
    """

    __tablename__ = "disputes"
    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("evaluations.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="open")
    opened_by: Mapped[str] = mapped_column(String(200))
    on_behalf_of: Mapped[str] = mapped_column(String(200), default="", server_default="")
    comment: Mapped[str] = mapped_column(Text)
    opened_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    deadline: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(String(32))
    decision_comment: Mapped[str] = mapped_column(Text, default="", server_default="")
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    score_before: Mapped[float | None] = mapped_column(Float)
    score_after: Mapped[float | None] = mapped_column(Float)
    items: Mapped[list[DisputeItem]] = relationship(
        cascade="all, delete-orphan", order_by="DisputeItem.id"
    )
    evaluation: Mapped[Evaluation] = relationship()


class DisputeItem(Base):
    """One contested answer: the reviewer's original, the proposal and the final answer."""

    __tablename__ = "dispute_items"
    __table_args__ = (UniqueConstraint("dispute_id", "criterion_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("disputes.id", ondelete="CASCADE"))
    criterion_id: Mapped[str] = mapped_column(String(100))
    original_value: Mapped[str | None] = mapped_column(String(16))
    proposed_value: Mapped[str | None] = mapped_column(String(16))
    final_value: Mapped[str | None] = mapped_column(String(16))
    accepted: Mapped[bool | None] = mapped_column(Boolean)
