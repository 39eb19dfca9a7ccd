"""Report values: the period, the plain records a report is computed from, and the reports.

Everything here is a frozen dataclass with no database and no Qt, so the GUI can hold a report,
the renderers can draw it, and tests can build one from records they made themselves.
Percentages are 0..100; ``None`` means "nothing to measure", never zero.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from qcdesk.domain.calllog.profit import LostProfit, NextStepLoss
from qcdesk.domain.calllog.timely import Figures
from qcdesk.reports.coaching_model import CoachingSection, ProgressLine

CHANNELS = ("call", "chat", "visit")


@dataclass(frozen=True)
class Period:
    """An inclusive range of days; comparisons use the period of equal length just before."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The same length just before; a whole calendar month gives the whole previous month."""
        if self.is_month():
            prev_end = self.start - timedelta(days=1)
            return Period(prev_end.replace(day=1), prev_end)
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def is_month(self) -> bool:
        last = calendar.monthrange(self.start.year, self.start.month)[1]
        return (
            self.start.day == 1
            and self.end.year == self.start.year
            and self.end.month == self.start.month
            and self.end.day == last
        )

    def slug(self) -> str:
        """For file names: ``2026-10`` for a calendar month, else ``2026-10-01_2026-12-31``."""
        if self.is_month():
            return f"{self.start:%Y-%m}"
        return f"{self.start:%Y-%m-%d}_{self.end:%Y-%m-%d}"

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment.date() <= self.end

    @staticmethod
    def month(year: int, month: int) -> Period:
        return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


# ---------------------------------------------------------------- plain input records


@dataclass(frozen=True)
class CriterionMeta:
    """A checklist criterion as reports need it; titles come from the newest version seen."""

    id: str
    title: str
    section: str
    critical: bool
    # The channel whose checklists hold it: a call's "farewell" and a mystery visit's
    # "farewell" share an id but are different standards, and reports keep them apart.
    channel: str = "call"
    weight: float = 1.0  # its weight in the score (coaching ranks focus areas by it)
    guidance: str = ""  # what the checklist says it means (planning-meeting pack)


@dataclass(frozen=True)
class AnswerRecord:
    criterion_id: str
    value: str | None
    fraction: float | None  # earned share of the weight; None for N/A or unanswered
    comment: str = ""
    evidence: tuple[float, ...] = ()


@dataclass(frozen=True)
class SegmentRecord:
    speaker: str
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class EvalRecord:
    """The current evaluation of one interaction, with what the report needs of both."""

    evaluation_id: int
    interaction_id: int
    consultant_id: int | None
    channel: str  # call / chat / visit
    started_at: datetime
    reviewer: str
    score: float | None
    critical_failed: bool
    answers: tuple[AnswerRecord, ...]
    section_scores: tuple[tuple[str, float | None], ...] = ()  # (section title, percent)
    customer_ref: str | None = None
    duration: float | None = None
    segments: tuple[SegmentRecord, ...] = ()  # empty when there is no transcript
    overall_comment: str = ""  # the reviewer's words on the whole interaction
    recommendation: str = ""


@dataclass(frozen=True)
class OutcomeRecord:
    """A reviewed interaction's outcome: where it ended and whether its goal was met."""

    interaction_id: int
    consultant_id: int | None
    channel: str
    started_at: datetime
    stage_reached: str | None
    goal_achieved: bool | None


@dataclass(frozen=True)
class DisputeRecord:
    """A dispute on one of the period's reviewed evaluations (issue 13 §6)."""

    evaluation_id: int
    status: str  # open / accepted / partially_accepted / rejected
    opened_at: datetime
    decided_at: datetime | None


@dataclass(frozen=True)
class Targets:
    score: float = 85.0
    conversion: float = 25.0
    max_critical: int = 0
    recurring_share: float = 0.3


@dataclass(frozen=True)
class Dataset:
    """Everything one report reads, loaded by one query pass (``report_query.load_dataset``)."""

    client_id: int
    client_name: str
    logo_path: str | None
    agency: str
    targets: Targets
    consultants: dict[int, str]  # id -> name, every consultant of the client company
    criteria: tuple[CriterionMeta, ...]  # template order
    sections: tuple[str, ...]
    stages: tuple[tuple[str, str], ...]  # (id, title) in funnel order
    evals: tuple[EvalRecord, ...]  # current and previous period
    outcomes: tuple[OutcomeRecord, ...]
    # The client company's weights per channel ({"call": w, "chat": w, "visit": w}); None:
    # equal weights over the channels that have data.
    channel_weights: dict[str, float] | None = None
    # Funnel stages and section titles of each channel's checklists (stage ids such as
    # "closing" repeat across channels); a channel missing here uses ``stages``/``sections``.
    channel_stages: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    channel_sections: dict[str, tuple[str, ...]] = field(default_factory=dict)
    disputes: tuple[DisputeRecord, ...] = ()  # on the evaluations in `evals`


# ---------------------------------------------------------------- computed figures


@dataclass(frozen=True)
class Summary:
    """The headline figures of one person or the whole team over one period."""

    evaluations: int
    by_channel: tuple[tuple[str, int], ...]
    mean_score: float | None
    at_target_share: float | None
    critical_errors: int
    conversion: float | None
    goals: int
    with_outcome: int
    # Mean score per channel (CHANNELS order; None where the channel has no evaluation) and
    # the combined score: channel means weighted by the client's channel weights.
    channel_scores: tuple[tuple[str, float | None], ...] = ()
    combined_score: float | None = None

    @property
    def channels_with_data(self) -> tuple[str, ...]:
        """Channels with at least one scored evaluation."""
        return tuple(c for c, v in self.channel_scores if v is not None)

    def channel_score(self, channel: str) -> float | None:
        return dict(self.channel_scores).get(channel)

    @property
    def headline_score(self) -> float | None:
        """The score a report leads with: combined across channels (plain mean for one)."""
        return self.combined_score if len(self.channels_with_data) > 1 else self.mean_score


@dataclass(frozen=True)
class ChannelRow:
    """One channel's line in a report: how much was evaluated, the score, and its weight."""

    channel: str  # call / chat / visit
    evaluations: int
    score: float | None
    previous: float | None
    team: float | None
    weight: float | None  # percent of the combined score; None when the channel has no data


@dataclass(frozen=True)
class KpiRow:
    key: str  # "score" (combined across channels when several), "conversion", "critical"
    target: float
    actual: float | None
    met: bool | None  # None: no data


@dataclass(frozen=True)
class ComplianceRow:
    key: str  # criterion id, or the section title for sections
    title: str
    section: str
    value: float | None  # percent
    count: int  # answers (or evaluations) counted
    team: float | None = None
    previous: float | None = None
    critical: bool = False
    channel: str = "call"


@dataclass(frozen=True)
class WeekPoint:
    week_start: date
    value: float | None
    count: int


@dataclass(frozen=True)
class FunnelRow:
    """One stage of one channel's funnel (calls and mystery visits have their own stages)."""

    stage_id: str
    title: str
    ended_here: int
    reached: int
    reached_share: float | None
    channel: str = "call"


@dataclass(frozen=True)
class Evidence:
    when: datetime
    interaction_id: int
    quote: str
    source: str  # "transcript", "comment" or "none"


@dataclass(frozen=True)
class RecurringError:
    criterion_id: str
    title: str
    failures: int
    evaluations: int
    share: float  # percent
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class InteractionRef:
    interaction_id: int
    when: datetime
    channel: str
    score: float | None
    customer_ref: str | None
    critical_failed: bool


@dataclass(frozen=True)
class CommentRow:
    when: datetime
    interaction_id: int
    criterion: str
    reviewer: str
    text: str


@dataclass(frozen=True)
class OverallRow:
    """A reviewer's overall comment and recommendation on one interaction."""

    when: datetime
    interaction_id: int
    reviewer: str
    comment: str
    recommendation: str


@dataclass(frozen=True)
class TalkMetrics:
    interactions: int  # with a transcript
    consultant_talk_share: float | None  # percent of speech time
    questions_per_interaction: float | None
    mean_duration_s: float | None


@dataclass(frozen=True)
class CriticalRow:
    when: datetime
    interaction_id: int
    criterion: str


@dataclass(frozen=True)
class TimelySection:
    """The call log's timely-service figures for a report (see reports.timely)."""

    figures: Figures
    previous: Figures | None
    threshold_minutes: float
    heatmap: tuple[tuple[int, ...], ...]  # [weekday][hour] missed calls
    people: tuple[tuple[str, Figures], ...] = ()  # team report: per consultant
    lost: LostProfit | None = None  # team report only
    team: Figures | None = None  # consultant report: the team's, for comparison
    next_step: NextStepLoss | None = None  # team report: reviewed calls without a next step


@dataclass(frozen=True)
class Report:
    """What every report has: whose it is, the period and its predecessor, the headline."""

    client_id: int
    client: str
    agency: str
    logo_path: str | None
    period: Period
    previous_period: Period
    targets: Targets
    summary: Summary
    previous: Summary
    # Keyword-only so that subclasses may add required fields after these defaults.
    raw: tuple[EvalRecord, ...] = field(default=(), repr=False, kw_only=True)  # XLSX raw data
    criteria_meta: tuple[CriterionMeta, ...] = field(default=(), repr=False, kw_only=True)
    consultants: dict[int, str] = field(default_factory=dict, repr=False, kw_only=True)
    channel_weights: dict[str, float] | None = field(default=None, repr=False, kw_only=True)
    # From the client's telephony call log; None when it has no calls in the period.
    timely: TimelySection | None = field(default=None, kw_only=True)

    @property
    def is_empty(self) -> bool:
        return self.summary.evaluations == 0 and self.summary.with_outcome == 0


@dataclass(frozen=True)
class ConsultantReport(Report):
    consultant_id: int
    consultant: str
    team: Summary
    kpis: tuple[KpiRow, ...]
    weekly: tuple[WeekPoint, ...]
    team_weekly: tuple[WeekPoint, ...]
    sections: tuple[ComplianceRow, ...]
    criteria: tuple[ComplianceRow, ...]
    criticals: tuple[CriticalRow, ...]
    funnel: tuple[FunnelRow, ...]
    recurring: tuple[RecurringError, ...]
    best: tuple[InteractionRef, ...]
    worst: tuple[InteractionRef, ...]
    comments: tuple[CommentRow, ...]
    talk: TalkMetrics | None
    team_talk: TalkMetrics | None
    channels: tuple[ChannelRow, ...] = ()
    overall: tuple[OverallRow, ...] = ()  # newest first
    coaching: CoachingSection | None = None  # plan, sessions, before/after (services fill it)


@dataclass(frozen=True)
class RankingRow:
    rank: int
    consultant_id: int
    consultant: str
    evaluations: int
    mean_score: float | None
    previous_score: float | None
    at_target_share: float | None
    conversion: float | None
    critical_errors: int
    goals_share: float | None  # contribution: share of the team's goals achieved
    evaluations_share: float | None  # contribution: share of the team's evaluations
    channel_scores: tuple[tuple[str, float | None], ...] = ()
    combined_score: float | None = None  # the ranking's order


@dataclass(frozen=True)
class HeatCell:
    consultant_id: int
    criterion_id: str
    value: float | None
    channel: str = "call"


@dataclass(frozen=True)
class ReviewerLoad:
    reviewer: str
    evaluations: int
    share: float
    mean_score: float | None
    # Disputes on this reviewer's evaluations of the period: how many were opened, the share
    # of decided ones accepted in full or in part (percent), median days from open to decision.
    disputes: int = 0
    disputes_accepted_share: float | None = None
    dispute_days: float | None = None


@dataclass(frozen=True)
class TeamReport(Report):
    kpis: tuple[KpiRow, ...]
    ranking: tuple[RankingRow, ...]
    heat_consultants: tuple[tuple[int, str], ...]
    heat_criteria: tuple[CriterionMeta, ...]
    heatmap: tuple[HeatCell, ...]
    weekly: tuple[WeekPoint, ...]
    weakest: tuple[ComplianceRow, ...]
    sections: tuple[ComplianceRow, ...]
    funnel: tuple[FunnelRow, ...]
    reviewers: tuple[ReviewerLoad, ...]
    talk: TalkMetrics | None
    channels: tuple[ChannelRow, ...] = ()
    focus_progress: tuple[ProgressLine, ...] = ()  # coached consultants' focus, before/after

    def heat(self, consultant_id: int, criterion_id: str, channel: str = "call") -> float | None:
        for c in self.heatmap:
            if (c.consultant_id, c.criterion_id, c.channel) == (
                consultant_id,
                criterion_id,
                channel,
            ):
                return c.value
        return None
