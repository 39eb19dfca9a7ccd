"""Checklist templates as plain, immutable data.

The YAML key names (``id``, ``title``, ``kind``, ``language``, ``version``, ``sections``,
``stages``, ``goal``; per criterion ``id``, ``title``, ``guidance``, ``answer``, ``weight``,
``critical``, ``na_allowed``) are a contract shared with template files and other issues.
Parsing and validation live in ``checklist_schema``; scoring lives in ``scoring``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("call", "chat", "visit")
ANSWER_TYPES = ("yes_no", "yes_no_partial", "scale_1_5")

# Stored answer values. "na" is allowed only where the criterion has na_allowed.
YES, NO, PARTIAL, NA = "yes", "no", "partial", "na"
SCALE_VALUES = ("1", "2", "3", "4", "5")


def allowed_values(answer_type: str, na_allowed: bool) -> tuple[str, ...]:
    """The answer values a criterion accepts, in the order the form offers them."""
    if answer_type == "yes_no":
        values: tuple[str, ...] = (YES, NO)
    elif answer_type == "yes_no_partial":
        values = (YES, PARTIAL, NO)
    elif answer_type == "scale_1_5":
        values = SCALE_VALUES
    else:
        raise ValueError(f"unknown answer type {answer_type!r}")
    return values + ((NA,) if na_allowed else ())


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    guidance: str
    answer: str  # one of ANSWER_TYPES
    weight: float
    critical: bool = False
    na_allowed: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def values(self) -> tuple[str, ...]:
        return allowed_values(self.answer, self.na_allowed)


@dataclass(frozen=True)
class Section:
    title: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Stage:
    id: str
    title: str


@dataclass(frozen=True)
class ChecklistTemplate:
    id: str
    title: str
    kind: str  # one of KINDS
    language: str
    version: int
    sections: tuple[Section, ...]
    stages: tuple[Stage, ...]  # the funnel, in order
    goal: str  # what "goal achieved" means for this kind, shown next to the checkbox

    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for s in self.sections for c in s.criteria)

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria():
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)
