"""The question before publishing a checklist version, with a summary of what it changes.

Publishing cannot be undone: evaluations pin the version from then on. The box lists the
changes against the version in use (criteria added and removed, weights, critical flags...),
so a stray edit is caught before it changes every new score.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.domain.template_diff import Change, diff_templates

if TYPE_CHECKING:
    from qcdesk.services.context import Services

MAX_LINES = 15


def change_text(c: Change) -> str:
    """One line of the summary, in the UI language."""
    answers = {
        "True": QCoreApplication.translate("PublishConfirm", "yes"),
        "False": QCoreApplication.translate("PublishConfirm", "no"),
    }
    texts = {
        "first_version": QCoreApplication.translate("PublishConfirm", "First version: %2 criteria"),
        "template_title": QCoreApplication.translate("PublishConfirm", "Title: «%3» → «%4»"),
        "section_added": QCoreApplication.translate("PublishConfirm", "New section: %1"),
        "section_removed": QCoreApplication.translate("PublishConfirm", "Section removed: %1"),
        "criterion_added": QCoreApplication.translate("PublishConfirm", "New criterion: %1"),
        "criterion_removed": QCoreApplication.translate("PublishConfirm", "Criterion removed: %1"),
        "criterion_title": QCoreApplication.translate(
            "PublishConfirm", "Criterion renamed: «%3» → «%4»"
        ),
        "weight": QCoreApplication.translate("PublishConfirm", "%1: weight %3 → %4"),
        "critical": QCoreApplication.translate("PublishConfirm", "%1: critical %3 → %4"),
        "answer": QCoreApplication.translate("PublishConfirm", "%1: answers %3 → %4"),
        "na_allowed": QCoreApplication.translate("PublishConfirm", "%1: N/A allowed %3 → %4"),
        "guidance": QCoreApplication.translate("PublishConfirm", "%1: guidance changed"),
        "stage_added": QCoreApplication.translate("PublishConfirm", "New stage: %1"),
        "stage_removed": QCoreApplication.translate("PublishConfirm", "Stage removed: %1"),
        "goal": QCoreApplication.translate("PublishConfirm", "Goal: «%3» → «%4»"),
    }
    template = texts.get(c.code, c.code + ": %1")
    old, new = answers.get(c.old, c.old), answers.get(c.new, c.new)
    return (
        template.replace("%1", c.subject).replace("%2", c.new).replace("%3", old).replace("%4", new)
    )


def publish_box(
    parent: QWidget | None, old: ChecklistTemplate | None, new: ChecklistTemplate
) -> QMessageBox:
    """The question, not yet shown: Publish / Cancel, with the changes listed."""
    changes = diff_templates(old, new)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("PublishConfirm", "Publish the checklist"))
    text = QCoreApplication.translate(
        "PublishConfirm", "Publish version %1 of «%2»? It cannot be changed afterwards."
    )
    box.setText(text.replace("%1", str(new.version)).replace("%2", new.title))
    lines = [change_text(c) for c in changes]
    if not lines:
        summary = QCoreApplication.translate(
            "PublishConfirm", "No changes against the version in use."
        )
    else:
        shown = lines[:MAX_LINES]
        if len(lines) > MAX_LINES:
            more = QCoreApplication.translate("PublishConfirm", "…and %1 more").replace(
                "%1", str(len(lines) - MAX_LINES)
            )
            shown.append(more)
        summary = "\n".join("• " + line for line in shown)
    box.setInformativeText(summary)
    if len(lines) > MAX_LINES:
        box.setDetailedText("\n".join(lines))
    publish = box.addButton(
        QCoreApplication.translate("PublishConfirm", "Publish"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(publish)
    box.publish_button = publish  # type: ignore[attr-defined]
    return box


def confirm_publish(
    parent: QWidget | None, services: Services, slug: str, new: ChecklistTemplate
) -> bool:
    """Ask (modal) whether to publish *new* over the version of *slug* in use."""
    try:
        old = services.templates.get(slug)
    except LookupError:
        old = None  # nothing published yet
    box = publish_box(parent, old, new)
    box.exec()
    return box.clickedButton() is box.publish_button  # type: ignore[attr-defined]
