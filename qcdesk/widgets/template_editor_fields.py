"""The editor's forms: the template's own fields, a section, a criterion, and the outcome.

Each form shows one piece of the immutable template and reports an edit as ``edited(field,
value)``; it never keeps its own copy of the truth. Values set from the template are written
with signals blocked and only when they differ, so the cursor stays put while the user types
and the undo stack refreshes the form after every step.
"""

from __future__ import annotations

from typing import Any

import yaml
from PySide6.QtCore import QEvent, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.domain.checklist import ANSWER_TYPES, DIRECTIONS, KINDS, Criterion, applies_to
from qcdesk.qtmodels.labels import direction_label, kind_label
from qcdesk.qtmodels.templates import StagesTableModel

LANGUAGES = ("ru", "en")


def set_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Show *text* without emitting, and without touching a field that already shows it."""
    current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    if current != text:
        with QSignalBlocker(widget):
            if isinstance(widget, QLineEdit):
                widget.setText(text)
            else:
                widget.setPlainText(text)


def auto_text(value: Any) -> str:
    """The ``auto`` value as one line of YAML for the text field."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return str(yaml.safe_dump(value, allow_unicode=True, default_flow_style=True)).strip()


class _Form(QWidget):
    """A form whose row labels are kept, so ``retranslate`` can name them again after a switch."""

    edited = Signal(str, object)  # field, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.form)
        outer.addStretch(1)  # rows keep their height; the space goes below them
        self._labels: list[QLabel] = []

    def _row(self, field: QWidget | Any, buddy: QWidget | None = None) -> None:
        label = QLabel()
        if isinstance(field, QWidget) or buddy is not None:
            label.setBuddy(buddy or field)
        self._labels.append(label)
        self.form.addRow(label, field)

    def _set_labels(self, *texts: str) -> None:
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _emit(self, name: str) -> Any:
        return lambda *args: self.edited.emit(name, args[0] if args else None)


class TemplateFields(_Form):
    """Title, template id, kind and language of the whole checklist."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit()
        self.id_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem("", kind)
        self.language_combo = QComboBox()
        self.language_combo.setEditable(True)
        self.language_combo.addItems(list(LANGUAGES))
        for field in (self.title_edit, self.id_edit, self.kind_combo, self.language_combo):
            self._row(field)
        self.title_edit.textChanged.connect(self._emit("title"))
        self.id_edit.textChanged.connect(self._emit("id"))
        self.kind_combo.activated.connect(
            lambda i: self.edited.emit("kind", self.kind_combo.itemData(i))
        )
        self.language_combo.currentTextChanged.connect(self._emit("language"))
        self.retranslate()

    def retranslate(self) -> None:
        self._set_labels(self.tr("&Title"), self.tr("Template &id"), self.tr("&Kind"),
                         self.tr("&Language"))  # fmt: skip
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, kind_label(self.kind_combo.itemData(i)))
        self.id_edit.setToolTip(
            self.tr("Fixed once a version was published: evaluations refer to it")
            if self.id_edit.isReadOnly()
            else self.tr("Latin letters, digits, - and _; also names the exported file")
        )

    def show_values(self, title: str, tid: str, kind: str, language: str, id_locked: bool) -> None:
        set_text(self.title_edit, title)
        set_text(self.id_edit, tid)
        self.id_edit.setReadOnly(id_locked)
        self.retranslate()  # the id's tooltip says whether it is locked
        with QSignalBlocker(self.kind_combo):
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        if self.language_combo.currentText() != language:
            with QSignalBlocker(self.language_combo):
                self.language_combo.setCurrentText(language)


class SectionFields(_Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit()
        self.summary = QLabel()
        self._row(self.title_edit)
        self.form.addRow(self.summary)
        self.title_edit.textChanged.connect(self._emit("title"))
        self._count = 0
        self._share: float | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self._set_labels(self.tr("Section &title"))
        text = self.tr("%n criterion/criteria", "", self._count)
        if self._share is not None:
            text += " · " + self.tr("{share}% of the total score").format(
                share=f"{self._share:.1f}"
            )
        self.summary.setText(text)

    def show_section(self, title: str, count: int, share: float | None) -> None:
        set_text(self.title_edit, title)
        self._count, self._share = count, share
        self.retranslate()


class CriterionFields(_Form):
    """Every property of one criterion, including the auto-check rule kept for auto-prefill."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit()
        self.id_edit = QLineEdit()
        self.id_note = QLabel()
        self.id_note.setWordWrap(True)
        self.guidance_edit = QPlainTextEdit()
        self.guidance_edit.setMinimumHeight(90)
        self.guidance_edit.setMaximumHeight(160)
        self.answer_combo = QComboBox()
        for code in ANSWER_TYPES:
            self.answer_combo.addItem("", code)
        self.weight_spin = QDoubleSpinBox()
        self.weight_spin.setRange(0, 1000)
        self.weight_spin.setDecimals(2)
        self.share_label = QLabel()
        weight_row = QHBoxLayout()
        weight_row.addWidget(self.weight_spin)
        weight_row.addWidget(self.share_label, 1)
        self.critical_check = QCheckBox()
        self.na_check = QCheckBox()
        self.kind_checks = {k: QCheckBox() for k in KINDS}
        self.direction_checks = {d: QCheckBox() for d in DIRECTIONS}
        applies = QHBoxLayout()
        for box in (*self.kind_checks.values(), *self.direction_checks.values()):
            applies.addWidget(box)
        applies.addStretch(1)
        self.auto_edit = QLineEdit()
        self.auto_error = QLabel()
        self.auto_error.setStyleSheet("color: #c62828;")
        self.auto_error.hide()
        self.threshold_check = QCheckBox()
        self.threshold_spin = QDoubleSpinBox()
        self.threshold_spin.setRange(0, 1)
        self.threshold_spin.setSingleStep(0.05)
        threshold = QHBoxLayout()
        threshold.addWidget(self.threshold_check)
        threshold.addWidget(self.threshold_spin)
        threshold.addStretch(1)

        self.applies_note = QLabel()
        self._row(self.title_edit)
        self._row(self.id_edit)
        self.form.addRow("", self.id_note)
        self._row(self.guidance_edit)
        self._row(self.answer_combo)
        self._row(weight_row, self.weight_spin)
        self.form.addRow("", self.critical_check)
        self.form.addRow("", self.na_check)
        self._row(applies, self.kind_checks["call"])
        self.form.addRow("", self.applies_note)
        self._row(self.auto_edit)
        self.form.addRow("", self.auto_error)
        self._row(threshold, self.threshold_check)
        self._share: float | None = None
        self._yaml_problem = ""

        self.title_edit.textChanged.connect(self._emit("title"))
        self.id_edit.textChanged.connect(self._emit("id"))
        self.guidance_edit.textChanged.connect(
            lambda: self.edited.emit("guidance", self.guidance_edit.toPlainText())
        )
        self.answer_combo.activated.connect(
            lambda i: self.edited.emit("answer", self.answer_combo.itemData(i))
        )
        self.weight_spin.valueChanged.connect(self._emit("weight"))
        self.critical_check.toggled.connect(self._emit("critical"))
        self.na_check.toggled.connect(self._emit("na_allowed"))
        for box in (*self.kind_checks.values(), *self.direction_checks.values()):
            box.toggled.connect(self._on_applies_toggled)
        self.auto_edit.textChanged.connect(self._on_auto_edit_changed)
        self.threshold_check.toggled.connect(self._on_threshold_changed)
        self.threshold_spin.valueChanged.connect(self._on_threshold_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self._set_labels(
            self.tr("&Title"), self.tr("&Id"), self.tr("&Guidance"), self.tr("&Answer"),
            self.tr("&Weight"), self.tr("Applies to"), self.tr("Auto-check &rule"),
            self.tr("T&hreshold"),
        )  # fmt: skip
        self.guidance_edit.setPlaceholderText(self.tr("What counts as yes and as no"))
        answer_labels = (self.tr("Yes / No"), self.tr("Yes / Partly / No"), self.tr("Scale 1–5"))
        for i, text in enumerate(answer_labels):
            self.answer_combo.setItemText(i, text)
        self.critical_check.setText(self.tr("Critical: a failure sets the total to 0"))
        self.na_check.setText(self.tr("N/A allowed"))
        for k, box in self.kind_checks.items():
            box.setText(kind_label(k))
        for d, box in self.direction_checks.items():
            box.setText(direction_label(d))
        self.applies_note.setText(self.tr("Nothing ticked: every interaction"))
        self.auto_edit.setPlaceholderText(self.tr("e.g. greeting or {check: greeting}"))
        self.threshold_check.setText(self.tr("Own confidence threshold"))
        self.id_note.setText(
            self.tr("Published: the id is fixed, past answers refer to it")
            if self.id_edit.isReadOnly()
            else self.tr("Made from the title until you change it; fixed once published")
        )
        self.share_label.setText(
            ""
            if self._share is None
            else self.tr("{share}% of the total score").format(share=f"{self._share:.1f}")
        )
        self.auto_error.setText(self.tr("Not valid YAML: %1").replace("%1", self._yaml_problem))

    def show_criterion(self, c: Criterion, locked: bool, share: float | None) -> None:
        set_text(self.title_edit, c.title)
        set_text(self.id_edit, c.id)
        set_text(self.guidance_edit, c.guidance)
        self.id_edit.setReadOnly(locked)
        self._share = share
        self.retranslate()  # the id note and the share follow the criterion
        kinds, directions = applies_to(c)
        threshold = c.extra.get("threshold")
        for widget, value in (
            (self.answer_combo, None),
            (self.weight_spin, c.weight),
            (self.critical_check, c.critical),
            (self.na_check, c.na_allowed),
            (self.threshold_check, isinstance(threshold, int | float)),
            (self.threshold_spin, float(threshold) if isinstance(threshold, int | float) else 0.6),
            *((box, k in kinds) for k, box in self.kind_checks.items()),
            *((box, d in directions) for d, box in self.direction_checks.items()),
        ):
            with QSignalBlocker(widget):
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(0, widget.findData(c.answer)))
                elif isinstance(widget, QDoubleSpinBox):
                    if abs(widget.value() - float(value)) > 1e-9:  # type: ignore[arg-type]
                        widget.setValue(float(value))  # type: ignore[arg-type]
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(bool(value))
        self.threshold_spin.setEnabled(self.threshold_check.isChecked())
        if not self.auto_error.isVisible():
            set_text(self.auto_edit, auto_text(c.extra.get("auto")))

    def _on_applies_toggled(self, _checked: bool) -> None:
        kinds = tuple(k for k, box in self.kind_checks.items() if box.isChecked())
        directions = tuple(d for d, box in self.direction_checks.items() if box.isChecked())
        self.edited.emit("applies_to", (kinds, directions))

    def _on_auto_edit_changed(self, text: str) -> None:
        try:
            value = yaml.safe_load(text) if text.strip() else None
        except yaml.YAMLError as e:
            self._yaml_problem = str(getattr(e, "problem", None) or e)
            self.retranslate()
            self.auto_error.show()
            return
        self.auto_error.hide()
        self.edited.emit("auto", value)

    def _on_threshold_changed(self, *_args: object) -> None:
        on = self.threshold_check.isChecked()
        self.threshold_spin.setEnabled(on)
        self.edited.emit("threshold", round(self.threshold_spin.value(), 2) if on else None)


class OutcomeFields(QWidget):
    """The goal and the funnel stages; stage edits arrive through the table model."""

    edited = Signal(str, object)  # ("goal", text)
    stage_action = Signal(str)  # "add", "remove", "up", "down"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal_edit = QPlainTextEdit()
        self.goal_edit.setMaximumHeight(80)
        self.goal_label = QLabel()
        self.goal_label.setBuddy(self.goal_edit)
        self.stages_model = StagesTableModel(self)
        self.stages_view = QTableView()
        self.stages_view.setModel(self.stages_model)
        self.stages_view.verticalHeader().hide()
        header = self.stages_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.stages_label = QLabel()
        self.stages_label.setBuddy(self.stages_view)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QToolButton] = {}
        for name in ("add", "remove", "up", "down"):
            b = QToolButton()
            b.clicked.connect(lambda _=False, n=name: self.stage_action.emit(n))
            buttons.addWidget(b)
            self.buttons[name] = b
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.goal_label)
        layout.addWidget(self.goal_edit)
        layout.addWidget(self.stages_label)
        layout.addWidget(self.stages_view, 1)
        layout.addLayout(buttons)
        self.goal_edit.textChanged.connect(
            lambda: self.edited.emit("goal", self.goal_edit.toPlainText())
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.goal_label.setText(self.tr("&Goal: when is it achieved?"))
        self.stages_label.setText(self.tr("Funnel &stages, in order"))
        texts = (self.tr("Add stage"), self.tr("Remove"), self.tr("Up"), self.tr("Down"))
        for b, text in zip(self.buttons.values(), texts, strict=True):
            b.setText(text)
        self.stages_model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def current_stage(self) -> int:
        index = self.stages_view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_stage(self, row: int) -> None:
        if 0 <= row < self.stages_model.rowCount():
            self.stages_view.setCurrentIndex(self.stages_model.index(row, 1))

    def show_outcome(self, goal: str, stages: list[tuple[str, str]]) -> None:
        set_text(self.goal_edit, goal)
        self.stages_model.set_stages(stages)
