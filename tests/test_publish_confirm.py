"""Publishing asks first, listing what the draft changes against the version in use."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QMessageBox

from qcdesk.domain.template_diff import diff_templates
from qcdesk.widgets.publish_confirm import publish_box

pytestmark = pytest.mark.gui


def _edited(services):  # type: ignore[no-untyped-def]
    old = services.templates.get("sales-call-ru")
    first, *rest = old.sections
    c0, c1, *others = first.criteria
    reweighted = dataclasses.replace(c0, weight=c0.weight + 2, critical=not c0.critical)
    added = dataclasses.replace(c1, id="named_company_twice", title="Назвал компанию дважды")
    section = dataclasses.replace(first, criteria=(reweighted, added, *others))
    new = dataclasses.replace(old, version=old.version + 1, sections=(section, *rest))
    return old, new, c0, c1


def test_diff_lists_added_removed_and_reweighted_criteria(services) -> None:
    old, new, c0, c1 = _edited(services)
    codes = {(c.code, c.subject) for c in diff_templates(old, new)}
    assert ("criterion_added", "Назвал компанию дважды") in codes
    assert ("criterion_removed", c1.title) in codes
    assert ("weight", c0.title) in codes and ("critical", c0.title) in codes
    assert diff_templates(old, old) == []
    assert [c.code for c in diff_templates(None, old)] == ["first_version"]


def test_publish_box_summarises_the_changes(qtbot, services) -> None:
    old, new, c0, c1 = _edited(services)
    box = publish_box(None, old, new)
    qtbot.addWidget(box)
    text = box.informativeText()
    assert "New criterion: Назвал компанию дважды" in text
    assert f"Criterion removed: {c1.title}" in text
    assert f"{c0.title}: weight {c0.weight:g} → {c0.weight + 2:g}" in text
    assert str(new.version) in box.text()
    assert box.defaultButton() is box.publish_button
    assert any(
        b.text() for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole
    )
    same = publish_box(None, old, old)
    qtbot.addWidget(same)
    assert "No changes" in same.informativeText()
