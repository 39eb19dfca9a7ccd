"""Coaching for reports: the consultant report's section, the team's focus areas, the plan page.

Turns what `CoachingService` returns into the report values of `reports.coaching_model`, so
the consultant report, the team report and the one-page plan print the same figures as the
screens and ``qcdesk coaching progress``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from qcdesk.reports.coaching_model import (
    ActionLine,
    CoachingSection,
    ExampleLine,
    FocusLine,
    ProgressLine,
    SessionLine,
)
from qcdesk.reports.model import Period
from qcdesk.services.coaching import CoachingError, CoachingService
from qcdesk.services.coaching_dto import PlanInfo, ProgressInfo, SessionInfo


def _sessions(found: Sequence[SessionInfo], today: date) -> tuple[SessionLine, ...]:
    return tuple(
        SessionLine(
            x.held_at,
            x.format,
            x.participants,
            x.notes,
            x.acknowledged,
            x.acknowledged_on,
            tuple(
                ActionLine(a.text, a.owner, a.due_date, a.done, a.done_on, a.overdue(today))
                for a in x.actions
            ),
        )
        for x in found
    )


def _progress(info: ProgressInfo | None, consultant: str = "") -> tuple[ProgressLine, ...]:
    if info is None:
        return ()
    return tuple(
        ProgressLine(
            r.focus.title,
            r.figures.before,
            r.figures.after,
            r.figures.n_before,
            r.figures.n_after,
            r.figures.reason,
            r.figures.p_value,
            consultant,
        )
        for r in info.rows
    )


def _now(
    coaching: CoachingService, plan: PlanInfo, period: Period | None
) -> dict[tuple[str, str], tuple[float | None, int]]:
    """Each focus criterion's compliance in *period* (None: the newest reviewed ones)."""
    records = coaching.reviewed_records(plan.consultant_id)
    if period is not None:
        records = [e for e in records if period.contains(e.started_at)]
    else:
        records = records[-coaching.progress_window(plan.client_id) :]
    out: dict[tuple[str, str], tuple[float | None, int]] = {}
    for f in plan.focus:
        vals = [
            a.fraction
            for e in records
            if e.channel == f.channel
            for a in e.answers
            if a.criterion_id == f.criterion_id and a.fraction is not None
        ]
        out[(f.channel, f.criterion_id)] = (
            100.0 * sum(vals) / len(vals) if vals else None,
            len(vals),
        )
    return out


def coaching_section(
    coaching: CoachingService,
    consultant_id: int,
    client: str,
    *,
    period: Period | None = None,
    today: date | None = None,
) -> CoachingSection:
    """The consultant's plan (current version), sessions and progress since the newest one."""
    today = today or date.today()
    plan = coaching.current_plan(consultant_id)
    found = coaching.sessions(consultant_id=consultant_id)
    info: ProgressInfo | None = None
    if plan is not None and found:
        try:
            info = coaching.progress(consultant_id)
        except CoachingError:
            info = None
    titles = {(f.channel, f.criterion_id): f.title for f in plan.focus} if plan else {}
    now = _now(coaching, plan, period) if plan else {}
    name = plan.consultant if plan else (found[0].consultant or "" if found else "")
    window = info.n if info else 0
    return CoachingSection(
        consultant=name,
        client=client,
        plan_version=plan.version if plan else None,
        plan_created=plan.created_at if plan else None,
        coach=plan.coach if plan else "",
        due_date=plan.due_date if plan else None,
        notes=plan.notes if plan else "",
        focus=tuple(
            FocusLine(
                f.title, f.channel, f.target, *now.get((f.channel, f.criterion_id), (None, 0))
            )
            for f in (plan.focus if plan else ())
        ),
        examples=tuple(
            ExampleLine(
                e.good,
                e.when,
                e.interaction_id,
                titles.get((e.channel, e.criterion_id), e.criterion_id),
                e.quote,
            )
            for e in (plan.examples if plan else ())
        ),
        sessions=_sessions(found, today),
        progress=_progress(info),
        progress_at=info.held_at if info else None,
        window=window,
    )


def team_focus(
    coaching: CoachingService, client_id: int, people: dict[int, str]
) -> tuple[ProgressLine, ...]:
    """Each coached consultant's focus areas before and after their newest session.

    The team report lists them all with the verdict, so "improved" is read next to "no
    verdict yet" instead of a list of winners alone.
    """
    out: list[ProgressLine] = []
    for pid, name in sorted(people.items(), key=lambda kv: kv[1]):
        if not coaching.sessions(consultant_id=pid) or coaching.current_plan(pid) is None:
            continue
        try:
            out += _progress(coaching.progress(pid), name)
        except CoachingError:
            continue  # a plan without a session: nothing to measure yet
    return tuple(out)
