"""A stored version is parsed once per version id, and never answered from a stale entry."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from qcdesk.domain.checklist_schema import load_template, template_to_dict
from qcdesk.domain.stored_template import stored_template
from qcdesk.errors import TemplateError

SHIPPED = Path(__file__).resolve().parents[1] / "checklists" / "sales-call-ru.yaml"


def test_the_same_version_is_parsed_once() -> None:
    body = template_to_dict(load_template(SHIPPED))
    first = stored_template(910_001, body)
    assert first.title == load_template(SHIPPED).title
    # An equal body (a fresh dict, as the ORM hands out each time) hits the cache.
    assert stored_template(910_001, template_to_dict(load_template(SHIPPED))) is first


def test_a_changed_body_under_the_same_id_is_parsed_again() -> None:
    t = load_template(SHIPPED)
    stored_template(910_002, template_to_dict(t))
    renamed = template_to_dict(dataclasses.replace(t, title="Другой чек-лист"))
    assert stored_template(910_002, renamed).title == "Другой чек-лист"


def test_mutating_the_callers_body_does_not_change_the_cached_entry() -> None:
    body = template_to_dict(load_template(SHIPPED))
    first = stored_template(910_003, body)
    body["title"] = "Изменён на месте"
    assert stored_template(910_003, body).title == "Изменён на месте"
    assert first.title != "Изменён на месте"


def test_an_invalid_stored_body_is_a_template_error_naming_the_database() -> None:
    body = template_to_dict(load_template(SHIPPED))
    body["sections"] = []
    with pytest.raises(TemplateError, match="<database>"):
        stored_template(910_004, body)
