"""What a draft changes against the version it replaces: the summary shown before publishing.

Publishing cannot be undone (evaluations pin the version), so the reviewer confirms a list of
the changes that move scores: criteria added or removed, weights, critical flags, answer types,
titles, and sections and stages added or removed. Changes are codes with parameters; the GUI
words them.
"""

from __future__ import annotations

from dataclasses import dataclass

from qcdesk.domain.checklist import ChecklistTemplate, Criterion


@dataclass(frozen=True)
class Change:
    code: str  # criterion_added, criterion_removed, weight, critical, answer, title, ...
    subject: str  # the criterion, section or stage title it is about
    old: str = ""
    new: str = ""


def _criteria(t: ChecklistTemplate) -> dict[str, Criterion]:
    return {c.id: c for section in t.sections for c in section.criteria}


def _number(x: float) -> str:
    return f"{x:g}"


def diff_templates(old: ChecklistTemplate | None, new: ChecklistTemplate) -> list[Change]:
    """The changes from *old* (None: nothing published yet) to *new*, in *new*'s order."""
    if old is None:
        n = sum(len(s.criteria) for s in new.sections)
        return [Change("first_version", new.title, new=str(n))]
    out: list[Change] = []
    if old.title != new.title:
        out.append(Change("template_title", new.title, old.title, new.title))
    old_sections = {s.title for s in old.sections}
    new_sections = {s.title for s in new.sections}
    out += [Change("section_added", s.title) for s in new.sections if s.title not in old_sections]
    out += [Change("section_removed", s.title) for s in old.sections if s.title not in new_sections]
    before, after = _criteria(old), _criteria(new)
    for cid, c in after.items():
        was = before.get(cid)
        if was is None:
            out.append(Change("criterion_added", c.title))
            continue
        if was.title != c.title:
            out.append(Change("criterion_title", c.title, was.title, c.title))
        if was.weight != c.weight:
            out.append(Change("weight", c.title, _number(was.weight), _number(c.weight)))
        if was.critical != c.critical:
            out.append(Change("critical", c.title, str(was.critical), str(c.critical)))
        if was.answer != c.answer:
            out.append(Change("answer", c.title, was.answer, c.answer))
        if was.na_allowed != c.na_allowed:
            out.append(Change("na_allowed", c.title, str(was.na_allowed), str(c.na_allowed)))
        if was.guidance != c.guidance:
            out.append(Change("guidance", c.title))
    out += [Change("criterion_removed", c.title) for cid, c in before.items() if cid not in after]
    old_stages = {s.id for s in old.stages}
    new_stages = {s.id for s in new.stages}
    out += [Change("stage_added", s.title) for s in new.stages if s.id not in old_stages]
    out += [Change("stage_removed", s.title) for s in old.stages if s.id not in new_stages]
    if old.goal != new.goal:
        out.append(Change("goal", new.goal, old.goal, new.goal))
    return out
