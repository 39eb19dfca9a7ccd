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


DIRECTIONS = ("incoming", "outgoing")
EXTRA_KEYS = ("auto", "applies_to", "threshold", "examples")

# GOST 7.79-2000 system B style, close to how Russian names are written in Latin ids by hand.
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_ID_MAX = 40


def slugify(title: str, fallback: str = "item") -> str:
    """A plain identifier (``[a-z][a-z0-9_]*``) made from *title*, Cyrillic transliterated.

    Criterion ids are stored with every answer and name the criterion in exports, so they are
    generated once from the title ("Поздоровался" -> ``pozdorovalsya``) and then kept.
    """
    out: list[str] = []
    for ch in title.lower():
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("_")
    slug = "_".join(p for p in "".join(out).split("_") if p)[:_ID_MAX].rstrip("_")
    if not slug:
        return fallback
    return slug if slug[0].isalpha() else f"{fallback}_{slug}"


def unique_id(base: str, taken: set[str] | frozenset[str]) -> str:
    """*base*, or *base* with the smallest suffix ``_2``, ``_3``… that is not in *taken*."""
    if base not in taken:
        return base
    n = 2
    while f"{base}_{n}" in taken:
        n += 1
    return f"{base}_{n}"


def applies_to(criterion: Criterion) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The interaction kinds and directions a criterion applies to; empty means "all".

    ``applies_to`` is written either as a mapping ``{kinds: [...], directions: [...]}`` or, for
    short, as one list mixing both (``[call, incoming]``).
    """
    raw = criterion.extra.get("applies_to")
    if isinstance(raw, dict):
        kinds = [str(k) for k in raw.get("kinds") or ()]
        directions = [str(d) for d in raw.get("directions") or ()]
    elif isinstance(raw, list):
        kinds = [str(k) for k in raw if str(k) in KINDS]
        directions = [str(d) for d in raw if str(d) in DIRECTIONS]
    else:
        return (), ()
    return tuple(kinds), tuple(directions)


def applies_to_value(kinds: tuple[str, ...], directions: tuple[str, ...]) -> dict[str, Any] | None:
    """The ``applies_to`` value to store for *kinds* and *directions* (None: applies to all)."""
    value: dict[str, Any] = {}
    if kinds:
        value["kinds"] = list(kinds)
    if directions:
        value["directions"] = list(directions)
    return value or None
