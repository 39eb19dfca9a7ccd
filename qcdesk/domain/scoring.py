"""Score a filled (or half-filled) checklist: weighted percentages, overall and per section.

The form shows the score live while the reviewer answers, so unanswered criteria and "na" simply
leave the denominator instead of counting as failures; a section or total with nothing counted is
None, not 0, so an empty form never reads as a bad call. A critical criterion that earns nothing
("no", or "1" on a 1-5 scale) zeroes the total, which is how the department's forms treat a
critical error; section scores stay as computed so the report still shows where the call was good.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from qcdesk.domain.checklist import NA, NO, PARTIAL, YES, ChecklistTemplate, Criterion


@dataclass(frozen=True)
class ScoreResult:
    """Percentages 0..100 (None where nothing is counted) and the critical-error verdict."""

    total: float | None
    sections: tuple[float | None, ...]  # in template order
    critical_failed: bool
    failed_critical: tuple[str, ...]  # ids of critical criteria that earned nothing, in order
    answered: int  # criteria with any answer, "na" included: the form's progress
    total_criteria: int


def earned_fraction(criterion: Criterion, value: str | None) -> float | None:
    """The share of the criterion's weight that *value* earns; None when it does not count.

    Raises:
        ValueError: *value* is not one of the criterion's allowed values.
    """
    if value is None:
        return None
    if value not in criterion.values:
        raise ValueError(
            f"{value!r} is not a valid answer for criterion {criterion.id!r} "
            f"(allowed: {', '.join(criterion.values)})"
        )
    if value == NA:
        return None
    if value == YES:
        return 1.0
    if value == PARTIAL:
        return 0.5
    if value == NO:
        return 0.0
    return (int(value) - 1) / 4  # scale_1_5: "1" -> 0, "5" -> 1


def score(template: ChecklistTemplate, answers: Mapping[str, str | None]) -> ScoreResult:
    """Score *answers* (criterion id -> stored value) against *template*.

    Raises:
        ValueError: an answer names a criterion the template lacks, or has a value the
            criterion does not allow (e.g. "partial" on yes_no, "na" where N/A is not allowed).
            Both mean the caller mixed up templates or versions, which must not go unnoticed.
    """
    known = {c.id for c in template.criteria()}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ValueError(f"answers for criteria not in template {template.id!r}: {unknown}")
    earned_total = weight_total = 0.0
    sections: list[float | None] = []
    failed: list[str] = []
    answered = 0
    for section in template.sections:
        earned = weight = 0.0
        for criterion in section.criteria:
            value = answers.get(criterion.id)
            fraction = earned_fraction(criterion, value)
            if value is not None:
                answered += 1
            if fraction is None:
                continue
            earned += criterion.weight * fraction
            weight += criterion.weight
            if criterion.critical and fraction == 0.0:
                failed.append(criterion.id)
        sections.append(percent(earned, weight))
        earned_total += earned
        weight_total += weight
    total = percent(earned_total, weight_total)
    if failed:
        total = 0.0
    return ScoreResult(
        total=total,
        sections=tuple(sections),
        critical_failed=bool(failed),
        failed_critical=tuple(failed),
        answered=answered,
        total_criteria=len(template.criteria()),
    )


def percent(earned: float, weight: float) -> float | None:
    """*earned* as a share of *weight*, in percent 0..100; None when nothing was weighed."""
    if weight <= 0:
        return None
    # Divide first: when everything is earned, earned == weight exactly and the ratio is exactly
    # 1.0, whereas (100 * earned) / weight can round to 99.99999999999999.
    return min(100.0, max(0.0, 100.0 * (earned / weight)))
