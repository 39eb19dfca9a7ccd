# Messages are single string literals so that lupdate finds them: some lines run long.
# ruff: noqa: E501
"""The rules a checklist template must follow: ids, weights, sections, critical and N/A, ...

Each check walks the composed YAML nodes with a `Checker`, so every problem keeps its line and
its place in the template (``Checker.where``); see ``checklist_schema`` for the public API.
"""

from __future__ import annotations

from typing import Any

import yaml

from qcdesk.domain.checklist import (
    ANSWER_TYPES,
    DIRECTIONS,
    KINDS,
    ChecklistTemplate,
    Criterion,
    Section,
    Stage,
)
from qcdesk.domain.checklist_checks import (
    CRITERION_EXTRA_KEYS,
    CRITERION_KEYS,
    CRITERION_REQUIRED,
    ID_RE,
    LANGUAGE_RE,
    ROOT_KEYS,
    SECTION_KEYS,
    STAGE_KEYS,
    STR_TAG,
    TEMPLATE_ID_RE,
    Checker,
    T,
    Text,
)
from qcdesk.errors import QT_TRANSLATE_NOOP


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _key(name: Text, key: str) -> Text:
    return T(QT_TRANSLATE_NOOP("KnownError", "{name}: '{key}'"), name=name, key=key)


def _check_stages(ck: Checker, node: yaml.Node) -> tuple[Stage, ...]:
    items = ck.sequence(node, T("'stages'"))
    stages: list[Stage] = []
    seen: dict[str, int] = {}
    for k, item in enumerate(items or []):
        ck.where = ("stage", k)
        keys = ck.mapping(item, T(QT_TRANSLATE_NOOP("KnownError", "stage")), STAGE_KEYS)
        if keys is None:
            continue
        sid = None
        if "id" in keys:
            sid = ck.identifier(keys["id"], T(QT_TRANSLATE_NOOP("KnownError", "stage id")), ID_RE)
        title = None
        if "title" in keys:
            title = ck.text(keys["title"], T(QT_TRANSLATE_NOOP("KnownError", "stage title")))
        if sid is not None and sid in seen:
            ck.problem(
                keys["id"],
                QT_TRANSLATE_NOOP("KnownError", "duplicate stage id '{id}' (first on line {line})"),
                id=sid,
                line=seen[sid],
            )
        elif sid is not None:
            seen[sid] = _line(keys["id"])
        if sid is not None and title is not None:
            stages.append(Stage(sid, title))
    ck.where = ("template",)
    return tuple(stages)


def _check_applies_to(ck: Checker, node: yaml.Node, name: Text) -> None:
    """``[call, incoming]`` or ``{kinds: [call], directions: [incoming]}``; codes must exist."""
    what = _key(name, "applies_to")
    if isinstance(node, yaml.MappingNode):
        keys = ck.mapping(node, what, (), ("kinds", "directions"))
        if keys is None:
            return
        wanted = [(keys.get("kinds"), KINDS), (keys.get("directions"), DIRECTIONS)]
    else:
        wanted = [(node, KINDS + DIRECTIONS)]
    listed = 0
    for value_node, allowed in wanted:
        if value_node is None:
            continue
        values = ck.text_list(value_node, what)
        for value in values or ():
            listed += 1
            if value not in allowed:
                ck.problem(
                    value_node,
                    QT_TRANSLATE_NOOP(
                        "KnownError", "{what}: unknown value '{value}' (expected: {expected})"
                    ),
                    what=what,
                    value=value,
                    expected=", ".join(allowed),
                )
    if listed == 0:
        ck.problem(
            node,
            QT_TRANSLATE_NOOP(
                "KnownError", "{what} lists nothing (leave it out to apply everywhere)"
            ),
            what=what,
        )


def _check_extra(ck: Checker, keys: dict[str, yaml.Node], name: Text) -> dict[str, Any]:
    """Shape checks of the auto-prefill keys; their meaning belongs to the rule engine."""
    if "auto" in keys:
        node = keys["auto"]
        ok = (isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG and node.value.strip()) or (
            isinstance(node, yaml.MappingNode) and node.value
        )
        if not ok:
            ck.problem(
                node,
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "{what} must be a checker name or a mapping such as {{check: greeting}}",
                ),
                what=_key(name, "auto"),
            )
    if "applies_to" in keys:
        _check_applies_to(ck, keys["applies_to"], name)
    if "threshold" in keys:
        what = _key(name, "threshold")
        value = ck.number(keys["threshold"], what)
        if value is not None and not 0 <= value <= 1:
            ck.problem(
                keys["threshold"],
                QT_TRANSLATE_NOOP("KnownError", "{what} must be between 0 and 1 (got {value})"),
                what=what,
                value=f"{value:g}",
            )
    if "examples" in keys:
        ck.text_list(keys["examples"], _key(name, "examples"))
    return {k: ck.construct(v, _key(name, k)) for k, v in keys.items() if k in CRITERION_EXTRA_KEYS}


def _check_criterion(ck: Checker, node: yaml.Node, seen: dict[str, int]) -> Criterion | None:
    generic = T(QT_TRANSLATE_NOOP("KnownError", "criterion"))
    keys = ck.mapping(node, generic, CRITERION_REQUIRED, CRITERION_KEYS + CRITERION_EXTRA_KEYS)
    if keys is None:
        return None
    cid = None
    if "id" in keys:
        cid = ck.identifier(keys["id"], T(QT_TRANSLATE_NOOP("KnownError", "criterion id")), ID_RE)
    if cid is not None:
        if cid in seen:
            ck.problem(
                keys["id"],
                QT_TRANSLATE_NOOP(
                    "KnownError", "duplicate criterion id '{id}' (first on line {line})"
                ),
                id=cid,
                line=seen[cid],
            )
        else:
            seen[cid] = _line(keys["id"])
    name = T(QT_TRANSLATE_NOOP("KnownError", "criterion '{id}'"), id=cid) if cid else generic
    title = ck.text(keys["title"], _key(name, "title")) if "title" in keys else None
    guidance: str | None = ""
    if "guidance" in keys:
        guidance = ck.text(keys["guidance"], _key(name, "guidance"), allow_empty=True)
    answer = ck.text(keys["answer"], _key(name, "answer")) if "answer" in keys else None
    if answer is not None and answer not in ANSWER_TYPES:
        ck.problem(
            keys["answer"],
            QT_TRANSLATE_NOOP(
                "KnownError", "{what}: unknown answer type '{answer}' (expected: {expected})"
            ),
            what=name,
            answer=answer,
            expected=", ".join(ANSWER_TYPES),
        )
        answer = None
    weight = ck.number(keys["weight"], _key(name, "weight")) if "weight" in keys else None
    if weight is not None and weight <= 0:
        ck.problem(
            keys["weight"],
            QT_TRANSLATE_NOOP(
                "KnownError", "{what}: 'weight' must be greater than 0 (got {weight})"
            ),
            what=name,
            weight=f"{weight:g}",
        )
        weight = None
    critical: bool | None = False
    if "critical" in keys:
        critical = ck.boolean(keys["critical"], _key(name, "critical"))
    na_allowed: bool | None = False
    if "na_allowed" in keys:
        na_allowed = ck.boolean(keys["na_allowed"], _key(name, "na_allowed"))
    if critical and na_allowed:
        ck.problem(
            keys["na_allowed"],
            QT_TRANSLATE_NOOP(
                "KnownError",
                "{what} is critical, so it cannot allow N/A (a critical error must always be judged)",
            ),
            what=name,
        )
    extra = _check_extra(ck, keys, name)
    if cid is None or title is None or guidance is None or answer is None or weight is None:
        return None
    if critical is None or na_allowed is None:
        return None
    return Criterion(cid, title, guidance, answer, weight, critical, na_allowed, extra)


def _check_section(
    ck: Checker, i: int, item: yaml.Node, seen: dict[str, int], titles: dict[str, int]
) -> Section | None:
    ck.where = ("section", i)
    keys = ck.mapping(item, T(QT_TRANSLATE_NOOP("KnownError", "section")), SECTION_KEYS)
    if keys is None:
        return None
    title = None
    if "title" in keys:
        title = ck.text(keys["title"], T(QT_TRANSLATE_NOOP("KnownError", "section title")))
    if title is not None and title in titles:
        ck.problem(
            keys["title"],
            QT_TRANSLATE_NOOP(
                "KnownError", "duplicate section title '{title}' (first on line {line})"
            ),
            title=title,
            line=titles[title],
        )
    elif title is not None:
        titles[title] = _line(keys["title"])
    if "criteria" not in keys:
        return None
    if title:
        name = T(QT_TRANSLATE_NOOP("KnownError", "section '{title}'"), title=title)
    else:
        name = T(QT_TRANSLATE_NOOP("KnownError", "section"))
    crit_nodes = ck.sequence(keys["criteria"], _key(name, "criteria"))
    if crit_nodes is None:
        return None
    if not crit_nodes:
        ck.problem(
            keys["criteria"], QT_TRANSLATE_NOOP("KnownError", "{what} has no criteria"), what=name
        )
    criteria = []
    for j, c in enumerate(crit_nodes):
        ck.where = ("criterion", i, j)
        criteria.append(_check_criterion(ck, c, seen))
    if title is None:
        return None
    return Section(title, tuple(c for c in criteria if c is not None))


def _check_sections(ck: Checker, node: yaml.Node) -> tuple[Section, ...]:
    items = ck.sequence(node, T("'sections'"))
    if items is None:
        return ()
    if not items:
        ck.problem(node, QT_TRANSLATE_NOOP("KnownError", "the template has no sections"))
    seen: dict[str, int] = {}
    titles: dict[str, int] = {}
    sections = [_check_section(ck, i, item, seen, titles) for i, item in enumerate(items)]
    ck.where = ("template",)
    return tuple(s for s in sections if s is not None)


def check_template_node(ck: Checker, root: yaml.Node | None) -> ChecklistTemplate | None:
    """The template in *root*, or None; every problem found is in ``ck.found``."""
    if root is None:
        ck.problem(None, QT_TRANSLATE_NOOP("KnownError", "the file is empty"))
        return None
    keys = ck.mapping(root, T(QT_TRANSLATE_NOOP("KnownError", "template")), ROOT_KEYS)
    if keys is None:
        return None
    tid = None
    if "id" in keys:
        what = T(QT_TRANSLATE_NOOP("KnownError", "template id"))
        tid = ck.identifier(keys["id"], what, TEMPLATE_ID_RE)
    title = None
    if "title" in keys:
        title = ck.text(keys["title"], T(QT_TRANSLATE_NOOP("KnownError", "template title")))
    kind = ck.text(keys["kind"], T("'kind'")) if "kind" in keys else None
    if kind is not None and kind not in KINDS:
        ck.problem(
            keys["kind"],
            QT_TRANSLATE_NOOP("KnownError", "unknown kind '{kind}' (expected: {expected})"),
            kind=kind,
            expected=", ".join(KINDS),
        )
        kind = None
    language = ck.text(keys["language"], T("'language'")) if "language" in keys else None
    if language is not None and not LANGUAGE_RE.fullmatch(language):
        ck.problem(
            keys["language"],
            QT_TRANSLATE_NOOP(
                "KnownError", "'language' must be a code like ru or en, not '{value}'"
            ),
            value=language,
        )
        language = None
    version = ck.integer(keys["version"], T("'version'")) if "version" in keys else None
    if version is not None and version <= 0:
        ck.problem(
            keys["version"],
            QT_TRANSLATE_NOOP(
                "KnownError", "'version' must be a positive whole number (got {value})"
            ),
            value=version,
        )
        version = None
    goal = ck.text(keys["goal"], T("'goal'")) if "goal" in keys else None
    stages = _check_stages(ck, keys["stages"]) if "stages" in keys else ()
    sections = _check_sections(ck, keys["sections"]) if "sections" in keys else ()
    if ck.found:
        return None
    assert tid and title and kind and language and version and goal is not None  # no problems
    return ChecklistTemplate(tid, title, kind, language, version, sections, stages, goal)
