"""A stored checklist version rebuilt as a template: validated once, then cached by version id.

Published and archived versions never change (evaluations pin them), and every form render,
answer, auto-prefill and report needs the template, so parsing it again each time was most of
a click's cost. The one cache lives here, keyed by the version id. Each entry keeps the body it
was built from and a hit compares it with the body asked for (a dict comparison, microseconds):
a draft that was edited or published under the same id, or a second database whose ids
overlap (tests, a reopened library), is parsed afresh instead of answered from a stale entry.
"""

from __future__ import annotations

import copy
from typing import Any

import yaml

from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.domain.checklist_schema import parse_template_text

_CACHE: dict[int, tuple[dict[str, Any], ChecklistTemplate]] = {}
_LIMIT = 512  # versions; a library holds tens, the generated demo a handful


def stored_template(version_id: int, body: dict[str, Any]) -> ChecklistTemplate:
    """The validated template of stored version *version_id* whose body is *body*.

    Raises:
        TemplateError: the stored body breaks a rule (named ``<database>``).
    """
    hit = _CACHE.get(version_id)
    if hit is not None and hit[0] == body:
        return hit[1]
    # Validation runs on the YAML text so that a stored version meets the very rules a file
    # does; it costs a dump and a parse, once per version.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when there: ~10x faster
    text = yaml.dump(body, Dumper=dumper, allow_unicode=True, sort_keys=False)
    template = parse_template_text(text, "<database>")
    if len(_CACHE) >= _LIMIT:
        _CACHE.clear()
    # A copy: the caller's dict is the ORM row's, which a later edit may replace or mutate.
    _CACHE[version_id] = (copy.deepcopy(body), template)
    return template
