"""Edits of an immutable checklist: each takes a template and returns a new one (Qt-free).

The editor's undo stack stores whole templates, so every edit is one of these pure functions;
they are easy to test and cannot leave a half-changed template behind. Paths are the tree's:
("section", i) and ("criterion", i, j).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from qcdesk.domain.checklist import (
    ChecklistTemplate,
    Criterion,
    Section,
    Stage,
    slugify,
    unique_id,
)


def criterion_ids(t: ChecklistTemplate, skip: tuple[int, int] | None = None) -> set[str]:
    return {
        c.id
        for i, s in enumerate(t.sections)
        for j, c in enumerate(s.criteria)
        if (i, j) != skip and c.id
    }


def generated_id(t: ChecklistTemplate, title: str, at: tuple[int, int] | None = None) -> str:
    """The id a criterion titled *title* gets: transliterated, unique in the template."""
    return unique_id(slugify(title, "criterion"), criterion_ids(t, at))


def _sections(t: ChecklistTemplate, sections: list[Section]) -> ChecklistTemplate:
    return dataclasses.replace(t, sections=tuple(sections))


def replace_section(t: ChecklistTemplate, i: int, **changes: Any) -> ChecklistTemplate:
    sections = list(t.sections)
    sections[i] = dataclasses.replace(sections[i], **changes)
    return _sections(t, sections)


def replace_criterion(
    t: ChecklistTemplate, i: int, j: int, criterion: Criterion
) -> ChecklistTemplate:
    criteria = list(t.sections[i].criteria)
    criteria[j] = criterion
    return replace_section(t, i, criteria=tuple(criteria))


def insert_section(t: ChecklistTemplate, i: int, section: Section) -> ChecklistTemplate:
    sections = list(t.sections)
    sections.insert(i, section)
    return _sections(t, sections)


def insert_criterion(
    t: ChecklistTemplate, i: int, j: int, criterion: Criterion
) -> ChecklistTemplate:
    criteria = list(t.sections[i].criteria)
    criteria.insert(j, criterion)
    return replace_section(t, i, criteria=tuple(criteria))


def remove(t: ChecklistTemplate, path: tuple[Any, ...]) -> ChecklistTemplate:
    if path[0] == "section":
        return _sections(t, [s for k, s in enumerate(t.sections) if k != path[1]])
    i, j = path[1], path[2]
    criteria = tuple(c for k, c in enumerate(t.sections[i].criteria) if k != j)
    return replace_section(t, i, criteria=criteria)


def duplicate(
    t: ChecklistTemplate, path: tuple[Any, ...]
) -> tuple[ChecklistTemplate, tuple[Any, ...]]:
    """A copy right after the item, with fresh ids; returns the template and the copy's path."""
    if path[0] == "section":
        i = path[1]
        taken = criterion_ids(t)
        copies = []
        for c in t.sections[i].criteria:
            new_id = unique_id(c.id or "criterion", taken)
            taken.add(new_id)
            copies.append(dataclasses.replace(c, id=new_id))
        section = Section(t.sections[i].title, tuple(copies))
        return insert_section(t, i + 1, section), ("section", i + 1)
    i, j = path[1], path[2]
    c = t.sections[i].criteria[j]
    copy = dataclasses.replace(c, id=unique_id(c.id or "criterion", criterion_ids(t)))
    return insert_criterion(t, i, j + 1, copy), ("criterion", i, j + 1)


def move_section(t: ChecklistTemplate, i: int, to: int) -> tuple[ChecklistTemplate, int]:
    """Move section *i* to position *to* (counted before the move); returns its new index."""
    sections = list(t.sections)
    section = sections.pop(i)
    to = to - 1 if to > i else to
    to = max(0, min(to, len(sections)))
    sections.insert(to, section)
    return _sections(t, sections), to


def move_criterion(
    t: ChecklistTemplate, src: tuple[int, int], dst: tuple[int, int]
) -> tuple[ChecklistTemplate, tuple[Any, ...]]:
    """Move a criterion to (section, row), row counted before the move; returns its new path."""
    (i, j), (k, row) = src, dst
    c = t.sections[i].criteria[j]
    t = remove(t, ("criterion", i, j))
    if k == i and row > j:
        row -= 1
    row = max(0, min(row, len(t.sections[k].criteria)))
    return insert_criterion(t, k, row, c), ("criterion", k, row)


def step(
    t: ChecklistTemplate, path: tuple[Any, ...], delta: int
) -> tuple[ChecklistTemplate, tuple[Any, ...]] | None:
    """Alt+Up/Down: one place up or down; a criterion crosses into the neighbouring section."""
    if path[0] == "section":
        i, to = path[1], path[1] + delta
        if not 0 <= to < len(t.sections):
            return None
        moved, new = move_section(t, i, to + 1 if delta > 0 else to)
        return moved, ("section", new)
    i, j = path[1], path[2]
    to = j + delta
    if 0 <= to < len(t.sections[i].criteria):
        return move_criterion(t, (i, j), (i, to + 1 if delta > 0 else to))
    k = i + delta
    if not 0 <= k < len(t.sections):
        return None
    row = len(t.sections[k].criteria) if delta < 0 else 0
    return move_criterion(t, (i, j), (k, row))


def set_stages(t: ChecklistTemplate, stages: list[Stage]) -> ChecklistTemplate:
    return dataclasses.replace(t, stages=tuple(stages))


def share_of_total(t: ChecklistTemplate, weight: float) -> float | None:
    """*weight* as a percentage of all weights (None when nothing weighs anything)."""
    total = sum(max(0.0, c.weight) for c in t.criteria())
    return None if total <= 0 else 100.0 * max(0.0, weight) / total
