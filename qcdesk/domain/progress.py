"""Coaching progress: a focus criterion's compliance before a session and after it.

Pure functions over plain values (no database, no Qt), so the figures are checked in tests
against evaluations the test made.

Definitions (the department's, written down once):
- an observation is one reviewed evaluation of the consultant; a criterion it answered
  (N/A and unanswered left out) gives the earned share of its weight, 0..1, as in reports;
- "before": the *n* newest observations that answered the criterion strictly before the
  session; "after": the *n* oldest ones at or after it (*n* set per client, default 10);
- compliance: the mean earned share, in percent;
- conclusive only when both sides have at least ``MIN_SIDE`` answers AND Fisher's exact test
  (two-sided, alpha ``ALPHA``) on the 2 x 2 table of earned and not-earned answers says the two
  proportions differ. Partial credit (``partial``, scale 2-4) counts as the earned share summed
  and rounded; for yes/no criteria that is the number of "yes" answers. Fisher's test, not the
  normal-approximation z-test, because ten answers a side is far too few for the latter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from math import comb

DEFAULT_N = 10
MIN_SIDE = 5
ALPHA = 0.05
TEST_NAME = "Fisher's exact test, two-sided"

# Why a comparison is (not) conclusive; the GUI and the reports translate these keys.
TOO_FEW = "too_few"
NOT_SIGNIFICANT = "not_significant"
SIGNIFICANT = "significant"


@dataclass(frozen=True)
class Observation:
    """One reviewed evaluation: when its interaction happened and what each criterion earned.

    ``fractions`` maps (channel, criterion id) to the earned share 0..1; criteria answered N/A
    or left unanswered are absent.
    """

    when: datetime
    evaluation_id: int
    fractions: Mapping[tuple[str, str], float]


@dataclass(frozen=True)
class CriterionProgress:
    channel: str
    criterion_id: str
    before: float | None  # percent; None: nothing before
    after: float | None
    n_before: int
    n_after: int
    successes_before: int
    successes_after: int
    p_value: float | None  # None when a side is too small to test
    reason: str  # TOO_FEW, NOT_SIGNIFICANT or SIGNIFICANT
    before_ids: tuple[int, ...] = ()  # the evaluations counted, oldest first
    after_ids: tuple[int, ...] = ()

    @property
    def conclusive(self) -> bool:
        return self.reason == SIGNIFICANT

    @property
    def change(self) -> float | None:
        """Percentage points after minus before; None when a side is empty."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def improved(self) -> bool:
        """A conclusive rise: what the team report lists as an improved focus area."""
        return self.conclusive and (self.change or 0.0) > 0


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided p of Fisher's exact test on the table [[a, b], [c, d]].

    The p is the total probability, under fixed margins, of the tables no more likely than the
    one seen (the usual definition, as in R's fisher.test); a relative tolerance keeps tables of
    equal probability from being split by rounding.
    """
    if min(a, b, c, d) < 0:
        raise ValueError("counts must not be negative")
    row1, row2, col1 = a + b, c + d, a + c
    total = comb(row1 + row2, col1)

    def prob(x: int) -> float:
        return comb(row1, x) * comb(row2, col1 - x) / total

    seen = prob(a)
    lo, hi = max(0, col1 - row2), min(row1, col1)
    p = sum(q for x in range(lo, hi + 1) if (q := prob(x)) <= seen * (1 + 1e-7))
    return min(1.0, p)


def _side(values: Sequence[tuple[int, float]]) -> tuple[float | None, int, int]:
    if not values:
        return None, 0, 0
    total = sum(f for _, f in values)
    return 100.0 * total / len(values), len(values), round(total)


def criterion_progress(
    observations: Iterable[Observation],
    key: tuple[str, str],
    at: datetime,
    n: int = DEFAULT_N,
) -> CriterionProgress:
    """Before/after compliance of one criterion around the moment *at* (see the module)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    answered = sorted(
        ((o.when, o.evaluation_id, o.fractions[key]) for o in observations if key in o.fractions),
    )
    before = [(eid, f) for when, eid, f in answered if when < at][-n:]
    after = [(eid, f) for when, eid, f in answered if when >= at][:n]
    b_value, nb, sb = _side(before)
    a_value, na, sa = _side(after)
    p: float | None = None
    if nb < MIN_SIDE or na < MIN_SIDE:
        reason = TOO_FEW
    else:
        p = fisher_exact(sb, nb - sb, sa, na - sa)
        reason = SIGNIFICANT if p < ALPHA else NOT_SIGNIFICANT
    return CriterionProgress(
        channel=key[0],
        criterion_id=key[1],
        before=b_value,
        after=a_value,
        n_before=nb,
        n_after=na,
        successes_before=sb,
        successes_after=sa,
        p_value=p,
        reason=reason,
        before_ids=tuple(eid for eid, _ in before),
        after_ids=tuple(eid for eid, _ in after),
    )


def progress(
    observations: Sequence[Observation],
    keys: Iterable[tuple[str, str]],
    at: datetime,
    n: int = DEFAULT_N,
) -> tuple[CriterionProgress, ...]:
    """:func:`criterion_progress` for each focus criterion, in the order given."""
    return tuple(criterion_progress(observations, k, at, n) for k in keys)


@dataclass(frozen=True)
class FocusCandidate:
    """A criterion proposed as a coaching focus, with what ranked it."""

    channel: str
    criterion_id: str
    weight: float
    failures: int
    answered: int

    @property
    def failure_share(self) -> float:
        return self.failures / self.answered if self.answered else 0.0

    @property
    def rank_value(self) -> float:
        """Weight in the score times how often it fails: what a fix is worth to the score."""
        return self.weight * self.failure_share


MIN_FAILURES = 2  # one failure is an incident, not a pattern to coach
MAX_FOCUS = 3


def propose_focus(
    observations: Iterable[Observation],
    weights: Mapping[tuple[str, str], float],
    *,
    min_failures: int = MIN_FAILURES,
    limit: int = MAX_FOCUS,
) -> tuple[FocusCandidate, ...]:
    """Recurring errors ranked by weight x failure share (a failure earns nothing).

    Only criteria failed at least *min_failures* times are proposed; ties go to the more
    frequent failure, then the criterion id, so the proposal is stable.
    """
    failures: dict[tuple[str, str], int] = {}
    answered: dict[tuple[str, str], int] = {}
    for o in observations:
        for key, f in o.fractions.items():
            answered[key] = answered.get(key, 0) + 1
            if f == 0.0:
                failures[key] = failures.get(key, 0) + 1
    found = [
        FocusCandidate(key[0], key[1], weights.get(key, 1.0), k, answered[key])
        for key, k in failures.items()
        if k >= min_failures
    ]
    found.sort(key=lambda c: (-c.rank_value, -c.failures, c.channel, c.criterion_id))
    return tuple(found[:limit])
