"""Frozen values that services hand to the GUI and the CLI; never live ORM objects.

The transcript values (`Word`, `Segment`, `TranscriptInfo`) live in `qcdesk.domain.transcript`,
since ASR and audio build them; they are re-exported here for the services' callers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.domain.transcript import Segment as Segment
from qcdesk.domain.transcript import TranscriptInfo as TranscriptInfo
from qcdesk.domain.transcript import Word as Word

STATUSES = ("new", "in_progress", "reviewed")
DIRECTIONS = ("incoming", "outgoing")


@dataclass(frozen=True)
class ClientInfo:
    id: int
    name: str
    language: str
    consultant_channel: str  # "left" or "right": where the consultant is on stereo files


@dataclass(frozen=True)
class ClientSchedule:
    """A client company's time zone and working hours (None: round the clock)."""

    client_id: int
    timezone: str  # IANA name, e.g. "Europe/Moscow"
    working_hours: dict[str, Any] | None  # {"days": [0..6, Mon=0], "start": "09:00", "end": ...}


@dataclass(frozen=True)
class ConsultantInfo:
    id: int
    client_id: int
    name: str
    team: str | None
    extension: str | None
    active: bool = True  # False: kept in reports and history, hidden from pickers of new work


@dataclass(frozen=True)
class InteractionRow:
    """One line of the interactions table (kept small: there may be 100,000)."""

    id: int
    kind: str
    direction: str | None
    client_id: int
    client: str
    consultant_id: int | None
    consultant: str | None
    started_at: datetime | None
    duration: float | None
    customer_ref: str | None
    status: str
    score: float | None  # percent 0..100, None until evaluated
    critical_failed: bool
    stage_reached: str | None
    goal_achieved: bool | None
    # Reviewed, but criteria added since (a template switch) are unanswered.
    review_incomplete: bool = False
    # The language it is worked in: its own setting or its company's, or for "auto" the one
    # detected on transcription; None while an "auto" call is not transcribed yet.
    language: str | None = None
    language_setting: str = "auto"  # the interaction's own: "auto"/"ru"/"en", or its company's
    transcribed: bool = False  # it has a transcript (recognised, imported or a chat's messages)

    @property
    def suggested_only(self) -> bool:
        """Its score and outcome are auto-prefill's, not a review: nobody has opened it yet.

        Prefill leaves the status "new", so a "new" row with values shows the machine's opinion;
        the list draws it in grey italics and ``qcdesk list`` says so.
        """
        return self.status == "new"


@dataclass(frozen=True)
class InteractionFilter:
    """One filter for the window's filter bar and ``qcdesk list``: both run the same query."""

    client_id: int | None = None
    consultant_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    kind: str | None = None
    status: str | None = None
    score_min: float | None = None
    score_max: float | None = None
    goal_achieved: bool | None = None
    stage_reached: str | None = None
    transcribed: bool | None = None  # has a transcript (recognised, imported, a chat) or not
    text: str = ""  # matches customer reference or consultant name, ignoring case in any script


@dataclass(frozen=True)
class MediaInfo:
    id: int
    path: str  # absolute path inside the library folder
    sha256: str
    channels: int
    sample_rate: int
    duration: float
    consultant_channel: str  # "left" or "right"


@dataclass(frozen=True)
class InteractionDetail:
    row: InteractionRow
    media: MediaInfo | None
    transcript: TranscriptInfo | None
    deal_amount: float | None


@dataclass(frozen=True)
class SuggestionEvidence:
    """Where the auto-prefill found its reason: a transcript segment and a quote from it."""

    segment: int  # index of the segment in the transcript
    start: float
    end: float
    speaker: str
    quote: str
    match: str = ""  # a tolerant match: the words heard («сомцедан»)
    similarity: float | None = None  # and how alike they are to the name looked for (0..1)


@dataclass(frozen=True)
class AnswerState:
    criterion_id: str
    value: str | None  # "yes"/"no"/"partial"/"na"/"1".."5", None = not answered
    comment: str = ""
    evidence: tuple[float, ...] = ()  # seconds into the recording
    # Auto-prefill: suggested with suggested_value None means "check manually" (abstained);
    # confirmed False while `value` is a suggestion the reviewer has not accepted yet.
    suggested: bool = False
    suggested_value: str | None = None
    suggested_confidence: float | None = None
    suggested_evidence: tuple[SuggestionEvidence, ...] = ()
    confirmed: bool = True


@dataclass(frozen=True)
class ScoreView:
    total: float | None  # percent; 0 when a critical criterion failed
    sections: tuple[float | None, ...]  # per section, in template order
    critical_failed: bool
    answered: int
    total_criteria: int


@dataclass(frozen=True)
class EvaluationState:
    evaluation_id: int
    interaction_id: int
    template: ChecklistTemplate
    template_version_id: int
    reviewer: str
    answers: dict[str, AnswerState] = field(default_factory=dict)
    score: ScoreView | None = None
    stage_reached: str | None = None
    goal_achieved: bool | None = None
    deal_amount: float | None = None
    status: str = "in_progress"  # "in_progress" or "reviewed"
    suggested_stage: str | None = None  # the auto-prefill's outcome suggestion
    suggested_goal: bool | None = None
    autoscored_at: datetime | None = None  # None: auto-prefill has not run
    unanswered: tuple[str, ...] = ()  # criterion ids without an answer, in template order
    left_out: tuple[str, ...] = ()  # of those, the ones the reviewer confirmed leaving out
    # Reviewed, yet more is unanswered than was left out (a template switch added criteria).
    incomplete: bool = False
    overall_comment: str = ""
    recommendation: str = ""


@dataclass(frozen=True)
class ImportFailure:
    path: str
    error: str  # the English message; the GUI re-translates from `template`/`params`
    template: str = ""
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportReport:
    imported: tuple[int, ...]
    duplicates: tuple[str, ...]
    failed: tuple[ImportFailure, ...]
    # Imported, but with something the reviewer should know (a chat export whose dates
    # disagree); listed under "warnings" in the JSON only when there are some.
    warnings: tuple[ImportFailure, ...] = ()

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "imported": list(self.imported),
            "duplicates": list(self.duplicates),
            "failed": [{"path": f.path, "error": f.error} for f in self.failed],
        }
        if self.warnings:
            out["warnings"] = [{"path": f.path, "error": f.error} for f in self.warnings]
        return out


@dataclass(frozen=True)
class AssignmentDraft:
    """The fields of a mystery-shopping assignment, as the dialog, the panel and the CLI give them.

    ``consultant`` is a name (created in the client company if new); None or "" means the
    consultant is identified later, e.g. from the badge on a photo.
    """

    client: str
    channel: str  # "visit", "call" or "online"
    location: str
    consultant: str | None = None
    scenario: str = ""
    planned_date: date | None = None
    shopper: str = ""
    checkin_at: datetime | None = None
    checkin_place: str = ""


@dataclass(frozen=True)
class MysteryAssignmentInfo:
    interaction_id: int
    client_id: int
    client: str
    consultant_id: int | None
    consultant: str | None
    channel: str
    location: str
    scenario: str
    planned_date: date | None
    shopper: str
    checkin_at: datetime | None
    checkin_place: str

    def draft(self) -> AssignmentDraft:
        """The same fields as a draft, to change one with ``dataclasses.replace``."""
        return AssignmentDraft(
            client=self.client,
            channel=self.channel,
            location=self.location,
            consultant=self.consultant,
            scenario=self.scenario,
            planned_date=self.planned_date,
            shopper=self.shopper,
            checkin_at=self.checkin_at,
            checkin_place=self.checkin_place,
        )


@dataclass(frozen=True)
class AttachmentInfo:
    """A photo, audio, screenshot or document attached to an interaction as evidence."""

    id: int
    interaction_id: int
    kind: str  # "photo", "audio", "screenshot" or "document"
    path: str  # absolute path inside the library folder
    original_name: str
    sha256: str
    criteria: tuple[str, ...]  # criterion ids it is evidence for
    created_at: datetime
    is_media: bool = False  # the interaction's playable recording
