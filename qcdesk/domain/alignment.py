"""How each reviewer lines up with the reference (golden) evaluations, over time (pure).

An *attempt* is one reviewer's answers to an interaction that has a reference. Per reviewer
and criterion: the share of answers equal to the reference (agreement), and the *drift*: the
mean signed difference of the score the answer earns against the reference's (percentage
points of the criterion's weight: +50 means half a "yes" more generous on average). N/A and
empty answers are compared for agreement but earn nothing either way, so they leave drift out.
The total's drift is the mean of (reviewer's total − reference total) in points. Drift is
worth acting on when it is both large and consistent; the screen shows its size and count.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.domain.scoring import earned_fraction, score


@dataclass(frozen=True)
class Attempt:
    reviewer: str
    interaction_id: int
    when: datetime
    template: ChecklistTemplate
    answers: Mapping[str, str | None]
    reference: Mapping[str, str | None]


@dataclass(frozen=True)
class CriterionAlignment:
    criterion_id: str
    title: str
    compared: int  # answers compared with the reference
    agreed: int
    drift: float | None  # mean (answer − reference) earned share, in points; None: nothing

    @property
    def agreement(self) -> float | None:
        return self.agreed / self.compared if self.compared else None


@dataclass(frozen=True)
class PeriodAlignment:
    period: str  # YYYY-MM
    attempts: int
    agreement: float | None
    drift: float | None  # of the total, in points


@dataclass(frozen=True)
class ReviewerAlignment:
    reviewer: str
    attempts: int
    agreement: float | None  # over every compared answer
    drift: float | None  # mean total difference in points (+: more generous)
    criteria: tuple[CriterionAlignment, ...]  # in the order first met
    periods: tuple[PeriodAlignment, ...]  # by month, oldest first


@dataclass(frozen=True)
class Disagreement:
    """One answer that differs from the reference, with the criterion's guidance to quote."""

    interaction_id: int
    criterion_id: str
    title: str
    given: str | None
    reference: str | None
    guidance: str


def _fraction_gap(template: ChecklistTemplate, cid: str, given: str | None, ref: str | None) -> (
    float | None
):  # fmt: skip
    c = template.criterion(cid)
    mine, theirs = earned_fraction(c, given), earned_fraction(c, ref)
    return None if mine is None or theirs is None else 100.0 * (mine - theirs)


def _compared(a: Attempt) -> list[tuple[str, str | None, str | None]]:
    """(criterion, given, reference) for each criterion the reference answered."""
    return [
        (c.id, a.answers.get(c.id), a.reference.get(c.id))
        for c in a.template.criteria()
        if a.reference.get(c.id) is not None
    ]


def _total_gap(a: Attempt) -> float | None:
    mine, ref = score(a.template, a.answers).total, score(a.template, a.reference).total
    return None if mine is None or ref is None else mine - ref


def _mean(xs: Sequence[float]) -> float | None:
    return statistics.fmean(xs) if xs else None


def align(attempts: Sequence[Attempt]) -> tuple[ReviewerAlignment, ...]:
    """Per reviewer (by name), their alignment with the references."""
    by_reviewer: dict[str, list[Attempt]] = {}
    for a in sorted(attempts, key=lambda a: (a.when, a.interaction_id)):
        by_reviewer.setdefault(a.reviewer, []).append(a)
    out = []
    for reviewer, mine in sorted(by_reviewer.items()):
        titles: dict[str, str] = {}
        agreed: dict[str, int] = {}
        compared: dict[str, int] = {}
        gaps: dict[str, list[float]] = {}
        for a in mine:
            for cid, given, ref in _compared(a):
                titles.setdefault(cid, a.template.criterion(cid).title)
                compared[cid] = compared.get(cid, 0) + 1
                agreed[cid] = agreed.get(cid, 0) + (given == ref)
                gap = _fraction_gap(a.template, cid, given, ref)
                if gap is not None:
                    gaps.setdefault(cid, []).append(gap)
        periods: dict[str, list[Attempt]] = {}
        for a in mine:
            periods.setdefault(a.when.strftime("%Y-%m"), []).append(a)
        total_compared = sum(compared.values())
        out.append(
            ReviewerAlignment(
                reviewer=reviewer,
                attempts=len(mine),
                agreement=sum(agreed.values()) / total_compared if total_compared else None,
                drift=_mean([g for a in mine if (g := _total_gap(a)) is not None]),
                criteria=tuple(
                    CriterionAlignment(
                        cid, title, compared[cid], agreed[cid], _mean(gaps.get(cid, []))
                    )
                    for cid, title in titles.items()
                ),
                periods=tuple(_period(p, group) for p, group in sorted(periods.items())),
            )
        )
    return tuple(out)


def _period(period: str, attempts: list[Attempt]) -> PeriodAlignment:
    pairs = [(g, r) for a in attempts for _cid, g, r in _compared(a)]
    return PeriodAlignment(
        period=period,
        attempts=len(attempts),
        agreement=sum(g == r for g, r in pairs) / len(pairs) if pairs else None,
        drift=_mean([g for a in attempts if (g := _total_gap(a)) is not None]),
    )


def disagreements(attempts: Sequence[Attempt]) -> tuple[Disagreement, ...]:
    """Every answer of *attempts* that differs from its reference, in form order."""
    out = []
    for a in attempts:
        for cid, given, ref in _compared(a):
            if given != ref:
                c = a.template.criterion(cid)
                out.append(Disagreement(a.interaction_id, cid, c.title, given, ref, c.guidance))
    return tuple(out)
