"""The timely-service figures of a client and period, from the stored calls and settings.

Callbacks are looked for past the period's end (a call missed on the last evening is
returned the next morning), and the client's working hours, time zone, country (production
calendar), callback threshold and lost-profit inputs are read from ``Client``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qcdesk.db.models import Call, Client, Consultant, Evaluation, EvaluationAnswer, Interaction
from qcdesk.domain.calllog.profit import (
    LostProfit,
    NextStepLoss,
    ProfitInputs,
    lost_profit,
    next_step_loss,
)
from qcdesk.domain.calllog.timely import (
    DEFAULT_CALLBACK_MINUTES,
    CallFact,
    MissedOutcome,
    ServiceFigures,
    callback_horizon,
    service_figures,
)
from qcdesk.domain.production_calendar import production_calendar
from qcdesk.domain.working_hours import DEFAULT_TIMEZONE, WorkingHours
from qcdesk.reports.model import Period, TimelySection


@dataclass(frozen=True)
class CallSettings:
    country: str
    callback_minutes: float
    profit: ProfitInputs


@dataclass(frozen=True)
class CallServiceReport:
    client: str
    start: date
    end: date  # inclusive
    figures: ServiceFigures
    lost: LostProfit
    previous: ServiceFigures | None = None  # the period before, for the trend
    next_step: NextStepLoss | None = None  # reviewed calls without a next step, when measurable

    def as_json(self) -> dict[str, Any]:
        total = self.figures.total.as_json()
        out: dict[str, Any] = {
            "client": self.client,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "threshold_minutes": self.figures.threshold_minutes,
            "calls": total["calls"],
            "missed_calls": total["missed_calls"],
            "called_back_in_time": total["called_back_in_time"],
            "callback_delay_median_min": total["callback_delay_median_min"],
            "lost_for_good": total["lost_for_good"],
            "lost_profit": {
                **self.lost.as_json(),
                "no_next_step": self.next_step.as_json() if self.next_step else None,
            },
            "totals": total,
            "by_consultant": {k: v.as_json() for k, v in self.figures.by_consultant.items()},
            "by_line": {k: v.as_json() for k, v in self.figures.by_line.items()},
            "by_hour": {str(k): v.as_json() for k, v in self.figures.by_hour.items()},
            "missed_heatmap": [list(r) for r in self.figures.missed_heatmap],
        }
        if self.previous is not None:
            out["previous"] = self.previous.total.as_json()
        return out


def call_settings(client: Client) -> CallSettings:
    data = client.call_service or {}
    try:
        minutes = float(data.get("callback_minutes", DEFAULT_CALLBACK_MINUTES))
    except (TypeError, ValueError):
        minutes = DEFAULT_CALLBACK_MINUTES
    return CallSettings(client.country or "RU", minutes, ProfitInputs.from_json(data.get("profit")))


def working_hours(client: Client, years: range) -> WorkingHours | None:
    """The client's hours with its production calendar; None: round the clock."""
    if not client.working_hours:
        return None
    hours = WorkingHours.from_json(client.working_hours, client.timezone or DEFAULT_TIMEZONE)
    calendar = production_calendar(client.country or "RU", years)
    return WorkingHours(hours.days, hours.start, hours.end, hours.tz, calendar=calendar)


def _facts(s: Session, client_id: int, start: datetime, end: datetime) -> list[CallFact]:
    rows = s.execute(
        select(Call, Consultant.name)
        .outerjoin(Consultant, Consultant.id == Call.consultant_id)
        .where(Call.client_id == client_id, Call.started_at >= start, Call.started_at < end)
        .order_by(Call.started_at, Call.id)
    ).all()
    return [
        CallFact(
            id=c.id,
            started_at=c.started_at,
            direction=c.direction,
            customer=c.customer,
            disposition=c.disposition,
            wait_seconds=c.wait_seconds,
            consultant=name or c.consultant_name or (f"#{c.extension}" if c.extension else None),
            line=c.line,
        )
        for c, name in rows
    ]


def build_report(s: Session, client: Client, start: date, end: date) -> CallServiceReport:
    """Figures for the days *start*..*end* (inclusive) and for the period before them."""
    settings = call_settings(client)
    before = Period(start, end).previous()  # a whole month: the whole month before
    a = datetime.combine(start, datetime.min.time())
    b = datetime.combine(end + timedelta(days=1), datetime.min.time())
    p = datetime.combine(before.start, datetime.min.time())
    hours = working_hours(client, range(p.year, callback_horizon(b).year + 1))
    facts = _facts(s, client.id, p, callback_horizon(b))
    figures = service_figures(facts, a, b, hours, settings.callback_minutes)
    previous = service_figures(facts, p, a, hours, settings.callback_minutes)
    return CallServiceReport(
        client=client.name,
        start=start,
        end=end,
        figures=figures,
        lost=lost_profit(figures.outcomes, settings.profit),
        previous=previous if previous.total.calls else None,
        next_step=_next_step(s, client.id, a, b, settings.profit),
    )


NEXT_STEP = "next_step"  # the criterion id of the shipped sales checklists


def _next_step(
    s: Session, client_id: int, a: datetime, b: datetime, inputs: ProfitInputs
) -> NextStepLoss | None:
    """Reviewed calls' next-step answers and outcomes: measured over all of them, counted in
    the period. Only the reviewer's confirmed answers count, never an unconfirmed suggestion."""
    latest = (
        select(func.max(Evaluation.id))
        .join(Interaction, Interaction.id == Evaluation.interaction_id)
        .where(Interaction.client_id == client_id, Interaction.kind == "call")
        .group_by(Evaluation.interaction_id)
    )
    rows = s.execute(
        select(EvaluationAnswer.value, Interaction.goal_achieved, Interaction.started_at)
        .join(Evaluation, Evaluation.id == EvaluationAnswer.evaluation_id)
        .join(Interaction, Interaction.id == Evaluation.interaction_id)
        .where(
            Evaluation.id.in_(latest),
            Evaluation.status == "reviewed",
            EvaluationAnswer.criterion_id == NEXT_STEP,
            EvaluationAnswer.confirmed.is_(True),
            EvaluationAnswer.value.in_(("yes", "no")),
            Interaction.goal_achieved.is_not(None),
        )
    ).all()
    with_step = [bool(goal) for value, goal, _ in rows if value == "yes"]
    without = [bool(goal) for value, goal, _ in rows if value == "no"]
    in_period = sum(1 for value, _, at in rows if value == "no" and at is not None and a <= at < b)
    return next_step_loss(
        in_period, (len(with_step), sum(with_step)), (len(without), sum(without)), inputs
    )


def team_section(s: Session, client: Client, start: date, end: date) -> TimelySection | None:
    """The team report's section; None when the log has no customer call in the period."""
    rep = build_report(s, client, start, end)
    if not rep.figures.total.calls:
        return None
    return TimelySection(
        figures=rep.figures.total,
        previous=rep.previous.total if rep.previous else None,
        threshold_minutes=rep.figures.threshold_minutes,
        heatmap=rep.figures.missed_heatmap,
        people=tuple(rep.figures.by_consultant.items()),
        lost=rep.lost,
        next_step=rep.next_step,
    )


def consultant_section(
    s: Session, client: Client, consultant: str, start: date, end: date
) -> TimelySection | None:
    """One consultant's calls and callbacks beside the team's; None when they have none."""
    rep = build_report(s, client, start, end)
    own = rep.figures.by_consultant.get(consultant)
    if own is None:
        return None
    before = rep.previous.by_consultant.get(consultant) if rep.previous else None
    return TimelySection(
        figures=own,
        previous=before,
        threshold_minutes=rep.figures.threshold_minutes,
        heatmap=_heatmap([o for o in rep.figures.outcomes if _returned_by(o, consultant)]),
        team=rep.figures.total,
    )


def _returned_by(outcome: MissedOutcome, consultant: str) -> bool:
    return outcome.callback is not None and outcome.callback.consultant == consultant


def _heatmap(outcomes: list[MissedOutcome]) -> tuple[tuple[int, ...], ...]:
    """Missed calls this consultant returned, by weekday and hour of the missed call."""
    grid = [[0] * 24 for _ in range(7)]
    for o in outcomes:
        grid[o.call.started_at.weekday()][o.call.started_at.hour] += 1
    return tuple(tuple(r) for r in grid)
