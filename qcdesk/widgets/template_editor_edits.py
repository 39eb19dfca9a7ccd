"""The template editor's edits: form fields, stages and structure, each one undoable step.

A mixin of `TemplateEditor`, kept apart so each file stays readable: every method here builds
a new template with `template_editor_ops` and hands it to ``apply``, which pushes it on the
undo stack; nothing here changes state directly.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from qcdesk.domain.checklist import (
    ChecklistTemplate,
    Criterion,
    Section,
    Stage,
    applies_to_value,
    slugify,
    unique_id,
)
from qcdesk.widgets import template_editor_ops as ops

Path = tuple[Any, ...]


class EditsMixin:
    """Needs ``template()``, ``selected_path()``, ``apply()`` and the field forms.

    ``self.tr`` here has the "EditsMixin" context; PySide looks a translation up along the
    MRO, so it is found for the TemplateEditor that runs it.
    """

    _version: Any
    tree_model: Any
    section_fields: Any
    criterion_fields: Any
    outcome_fields: Any

    # Provided by TemplateEditor, and by QObject for tr.
    template: Callable[[], ChecklistTemplate]
    selected_path: Callable[[], Path]
    apply: Callable[..., None]
    tr: Callable[..., str]

    # -- forms -----------------------------------------------------------------
    def _on_fields_edited(self, field: str, value: Any) -> None:
        t = dataclasses.replace(self.template(), **{field: value})
        self.apply(
            t,
            self.tr("Edit the checklist"),
            key=("template", field),
        )

    def _on_outcome_fields_edited(self, field: str, value: Any) -> None:
        t = dataclasses.replace(self.template(), **{field: value})
        self.apply(
            t,
            self.tr("Edit the goal"),
            key=("template", field),
        )

    def _on_section_fields_edited(self, field: str, value: Any) -> None:
        path = self.selected_path()
        if path and path[0] == "section":
            t = ops.replace_section(self.template(), path[1], **{field: value})
            self.apply(
                t,
                self.tr("Rename the section"),
                key=(path, field),
            )

    def _on_criterion_fields_edited(self, field: str, value: Any) -> None:
        path = self.selected_path()
        if not path or path[0] != "criterion":
            return
        t, (i, j) = self.template(), (path[1], path[2])
        c = t.sections[i].criteria[j]
        extra = dict(c.extra)
        if field == "title":
            locked = bool(self._version and c.id in self._version.locked_ids)
            auto = not c.id or c.id == ops.generated_id(t, c.title, (i, j))
            changes: dict[str, Any] = {"title": value}
            if auto and not locked:
                changes["id"] = ops.generated_id(t, value, (i, j))
            new = dataclasses.replace(c, **changes)
        elif field in ("auto", "threshold", "applies_to"):
            if field == "applies_to":
                value = applies_to_value(*value)
            if value is None:
                extra.pop(field, None)
            else:
                extra[field] = value
            new = dataclasses.replace(c, extra=extra)
        else:
            new = dataclasses.replace(c, **{field: value})
        self.apply(
            ops.replace_criterion(t, i, j, new),
            self.tr("Edit the criterion"),
            key=(path, field),
        )

    def _on_stages_model_edited(self, row: int, column: int, text: str) -> None:
        stages = list(self.template().stages)
        old = stages[row]
        if column == 0:
            stages[row] = Stage(text.strip(), old.title)
        else:
            # Like criteria: the id follows the title until it is changed or published.
            others = {s.id for k, s in enumerate(stages) if k != row}
            locked = self._version is not None and old.id in self._version.locked_stages
            auto = re.fullmatch(r"stage(_\d+)?", old.id) or old.id == unique_id(
                slugify(old.title, "stage"), others
            )
            new_id = unique_id(slugify(text, "stage"), others) if auto and not locked else old.id
            stages[row] = Stage(new_id, text)
        self.apply(
            ops.set_stages(self.template(), stages),
            self.tr("Edit a stage"),
        )

    def _on_outcome_fields_stage_action(self, action: str) -> None:
        t = self.template()
        stages = list(t.stages)
        row = self.outcome_fields.current_stage()
        if action == "add":
            sid = unique_id("stage", {s.id for s in stages})
            stages.append(Stage(sid, self.tr("New stage")))
            row = len(stages) - 1
        elif row < 0:
            return
        elif action == "remove":
            del stages[row]
            row = min(row, len(stages) - 1)
        else:
            to = row + (-1 if action == "up" else 1)
            if not 0 <= to < len(stages):
                return
            stages[row], stages[to] = stages[to], stages[row]
            row = to
        self.apply(
            ops.set_stages(t, stages),
            self.tr("Change the stages"),
        )
        self.outcome_fields.select_stage(row)

    # -- structure ----------------------------------------------------------------------------
    def add_section(self) -> None:
        t, path = self.template(), self.selected_path()
        at = path[1] + 1 if path else len(t.sections)
        title = self.tr("New section")
        self.apply(ops.insert_section(t, at, Section(title, ())), title, ("section", at))
        self.section_fields.title_edit.setFocus()
        self.section_fields.title_edit.selectAll()

    def add_criterion(self) -> None:
        t, path = self.template(), self.selected_path()
        if not t.sections:
            t = ops.insert_section(t, 0, Section(self.tr("New section"), ()))
            path = ("section", 0)
        i = path[1] if path else len(t.sections) - 1
        j = path[2] + 1 if path and path[0] == "criterion" else len(t.sections[i].criteria)
        title = self.tr("New criterion")
        c = Criterion(ops.generated_id(t, title), title, "", "yes_no", 1.0)
        self.apply(ops.insert_criterion(t, i, j, c), title, ("criterion", i, j))
        self.criterion_fields.title_edit.setFocus()
        self.criterion_fields.title_edit.selectAll()

    def duplicate_selected(self) -> None:
        path = self.selected_path()
        if path:
            t, new_path = ops.duplicate(self.template(), path)
            self.apply(t, self.tr("Duplicate"), new_path)

    def delete_selected(self) -> None:
        path = self.selected_path()
        if not path:
            return
        t = ops.remove(self.template(), path)
        if path[0] == "criterion" and path[2] > 0:
            after: Path = ("criterion", path[1], path[2] - 1)
        elif path[0] == "criterion":
            after = ("section", path[1])
        else:
            after = ("section", path[1] - 1) if path[1] > 0 else ("section", 0)
        self.apply(t, self.tr("Delete"), after)

    def move_selected(self, delta: int) -> None:
        path = self.selected_path()
        moved = ops.step(self.template(), path, delta) if path else None
        if moved is not None:
            self.apply(moved[0], self.tr("Move"), moved[1])

    def _on_tree_model_move_requested(self, source: Path, target: tuple[int | None, int]) -> None:
        t = self.template()
        if source[0] == "section" and target[0] is None:
            moved, at = ops.move_section(t, source[1], target[1])
            self.apply(moved, self.tr("Move"), ("section", at))
        elif source[0] == "criterion" and target[0] is not None:
            moved_t, new_path = ops.move_criterion(t, (source[1], source[2]), target)  # type: ignore[arg-type]
            self.apply(moved_t, self.tr("Move"), new_path)
