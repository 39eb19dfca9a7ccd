"""Parse and validate checklist template YAML, reporting every problem with its line.

A head of sales edits templates in a text editor, so "line 42: weight must be greater than 0"
matters more than a traceback. ``yaml.safe_load`` drops positions, so the text is composed into
PyYAML nodes (which keep their marks) and checked node by node; only a tree without a single
problem becomes a ``ChecklistTemplate``. All problems are collected, not just the first, so one
run of ``qcdesk template validate`` shows everything to fix.

Keys: every top-level key is required. Per criterion ``id``, ``title``, ``answer`` and ``weight``
are required; ``guidance`` defaults to "", ``critical`` and ``na_allowed`` to false. The keys
reserved for auto-checking (``auto``, ``applies_to``, ``threshold``, ``examples``) are accepted
as they are and kept in ``Criterion.extra``; any other key is reported, because a typo such as
``critcal: true`` must not silently turn a critical criterion into an ordinary one.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from qcdesk.domain.checklist import (
    ANSWER_TYPES,
    KINDS,
    ChecklistTemplate,
    Criterion,
    Section,
    Stage,
)
from qcdesk.errors import QT_TRANSLATE_NOOP, TemplateError

# Criterion and stage ids are stored with every answer, so they stay plain identifiers.
ID_RE = re.compile(r"[a-z][a-z0-9_]*")
# Template ids also name files (sales-call-ru.yaml), so hyphens are allowed there.
TEMPLATE_ID_RE = re.compile(r"[a-z][a-z0-9_-]*")
LANGUAGE_RE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")

ROOT_KEYS = ("id", "title", "kind", "language", "version", "goal", "stages", "sections")
STAGE_KEYS = ("id", "title")
SECTION_KEYS = ("title", "criteria")
CRITERION_KEYS = ("id", "title", "guidance", "answer", "weight", "critical", "na_allowed")
CRITERION_REQUIRED = ("id", "title", "answer", "weight")
CRITERION_EXTRA_KEYS = ("auto", "applies_to", "threshold", "examples")

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_TEXT_TAGS = (_STR, _INT, _FLOAT, _BOOL)  # `title: 2024` is still a usable title


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a template file; ``line`` is 1-based, None when unknown."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


def _invalid(filename: str, problems: list[Problem]) -> TemplateError:
    return TemplateError(
        QT_TRANSLATE_NOOP("KnownError", "The checklist template {path} is invalid:\n{details}"),
        problems=problems,
        path=filename,
        details="\n".join(str(p) for p in problems),
    )


class _Checker:
    """Walks the node tree, collecting problems and returning None for unusable values."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self._constructor = yaml.constructor.SafeConstructor()

    def problem(self, node: yaml.Node | None, message: str) -> None:
        line = None if node is None else node.start_mark.line + 1
        self.problems.append(Problem(self.filename, line, message))

    def construct(self, node: yaml.Node, what: str) -> Any:
        """Plain Python data for *node*; a problem (and None) when YAML cannot build it."""
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError) as e:
            # e.g. `date: 2026-13-01` resolves as a timestamp and then fails to build.
            self.problem(node, f"{what}: cannot read this value ({e})")
            return None

    def mapping(
        self,
        node: yaml.Node,
        what: str,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping of keys to values")
            return None
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self.problem(key_node, f"{what}: keys must be plain names")
                continue
            key = key_node.value
            if key in found:
                self.problem(key_node, f"{what}: duplicate key '{key}'")
            elif key not in required and key not in optional:
                allowed = ", ".join(dict.fromkeys(required + optional))
                self.problem(key_node, f"{what}: unknown key '{key}' (expected: {allowed})")
            else:
                found[key] = value_node
        for key in required:
            if key not in found:
                self.problem(node, f"{what}: missing required key '{key}'")
        return found

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{what} must be a list")
            return None
        return list(node.value)

    def text(self, node: yaml.Node, what: str, allow_empty: bool = False) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag not in _TEXT_TAGS:
            self.problem(node, f"{what} must be text")
            return None
        value = str(node.value).strip()
        if not value and not allow_empty:
            self.problem(node, f"{what} must not be empty")
            return None
        return value

    def identifier(self, node: yaml.Node, what: str, pattern: re.Pattern[str]) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if not pattern.fullmatch(value):
            chars = "a-z, 0-9, - and _" if pattern is TEMPLATE_ID_RE else "a-z, 0-9 and _"
            self.problem(
                node,
                f"{what} '{value}' must start with a lowercase Latin letter and contain only "
                f"{chars}",
            )
            return None
        return value

    def integer(self, node: yaml.Node, what: str) -> int | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag != _INT:
            self.problem(node, f"{what} must be a whole number")
            return None
        value = self.construct(node, what)
        return value if isinstance(value, int) else None

    def number(self, node: yaml.Node, what: str) -> float | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (_INT, _FLOAT):
            self.problem(node, f"{what} must be a number")
            return None
        value = self.construct(node, what)
        if value is None:
            return None
        result = float(value)
        if not math.isfinite(result):
            self.problem(node, f"{what} must be a finite number")
            return None
        return result

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag != _BOOL:
            self.problem(node, f"{what} must be true or false")
            return None
        return bool(self.construct(node, what))


def _check_stages(ck: _Checker, node: yaml.Node) -> tuple[Stage, ...]:
    items = ck.sequence(node, "'stages'")
    stages: list[Stage] = []
    seen: dict[str, int] = {}
    for item in items or []:
        keys = ck.mapping(item, "stage", STAGE_KEYS)
        if keys is None:
            continue
        sid = ck.identifier(keys["id"], "stage id", ID_RE) if "id" in keys else None
        title = ck.text(keys["title"], "stage title") if "title" in keys else None
        if sid is not None and sid in seen:
            ck.problem(keys["id"], f"duplicate stage id '{sid}' (first on line {seen[sid]})")
        elif sid is not None:
            seen[sid] = keys["id"].start_mark.line + 1
        if sid is not None and title is not None:
            stages.append(Stage(sid, title))
    return tuple(stages)


def _check_criterion(ck: _Checker, node: yaml.Node, seen: dict[str, int]) -> Criterion | None:
    keys = ck.mapping(node, "criterion", CRITERION_REQUIRED, CRITERION_KEYS + CRITERION_EXTRA_KEYS)
    if keys is None:
        return None
    cid = ck.identifier(keys["id"], "criterion id", ID_RE) if "id" in keys else None
    if cid is not None:
        if cid in seen:
            ck.problem(keys["id"], f"duplicate criterion id '{cid}' (first on line {seen[cid]})")
        else:
            seen[cid] = keys["id"].start_mark.line + 1
    name = f"criterion '{cid}'" if cid else "criterion"
    title = ck.text(keys["title"], f"{name}: 'title'") if "title" in keys else None
    guidance: str | None = ""
    if "guidance" in keys:
        guidance = ck.text(keys["guidance"], f"{name}: 'guidance'", allow_empty=True)
    answer = ck.text(keys["answer"], f"{name}: 'answer'") if "answer" in keys else None
    if answer is not None and answer not in ANSWER_TYPES:
        ck.problem(
            keys["answer"],
            f"{name}: unknown answer type '{answer}' (expected: {', '.join(ANSWER_TYPES)})",
        )
        answer = None
    weight = ck.number(keys["weight"], f"{name}: 'weight'") if "weight" in keys else None
    if weight is not None and weight <= 0:
        ck.problem(keys["weight"], f"{name}: 'weight' must be greater than 0 (got {weight:g})")
        weight = None
    critical: bool | None = False
    if "critical" in keys:
        critical = ck.boolean(keys["critical"], f"{name}: 'critical'")
    na_allowed: bool | None = False
    if "na_allowed" in keys:
        na_allowed = ck.boolean(keys["na_allowed"], f"{name}: 'na_allowed'")
    if critical and na_allowed:
        ck.problem(
            keys["na_allowed"],
            f"{name} is critical, so it cannot allow N/A (a critical error must always be judged)",
        )
    extra = {
        k: ck.construct(v, f"{name}: '{k}'") for k, v in keys.items() if k in CRITERION_EXTRA_KEYS
    }
    if cid is None or title is None or guidance is None or answer is None or weight is None:
        return None
    if critical is None or na_allowed is None:
        return None
    return Criterion(cid, title, guidance, answer, weight, critical, na_allowed, extra)


def _check_sections(ck: _Checker, node: yaml.Node) -> tuple[Section, ...]:
    items = ck.sequence(node, "'sections'")
    if items is None:
        return ()
    if not items:
        ck.problem(node, "the template has no sections")
    sections: list[Section] = []
    seen: dict[str, int] = {}
    for item in items:
        keys = ck.mapping(item, "section", SECTION_KEYS)
        if keys is None:
            continue
        title = ck.text(keys["title"], "section title") if "title" in keys else None
        if "criteria" not in keys:
            continue
        name = f"section '{title}'" if title else "section"
        crit_nodes = ck.sequence(keys["criteria"], f"{name}: 'criteria'")
        if crit_nodes is None:
            continue
        if not crit_nodes:
            ck.problem(keys["criteria"], f"{name} has no criteria")
        criteria = [_check_criterion(ck, c, seen) for c in crit_nodes]
        if title is not None:
            sections.append(Section(title, tuple(c for c in criteria if c is not None)))
    return tuple(sections)


def _check_template(ck: _Checker, root: yaml.Node | None) -> ChecklistTemplate | None:
    if root is None:
        ck.problem(None, "the file is empty")
        return None
    keys = ck.mapping(root, "template", ROOT_KEYS)
    if keys is None:
        return None
    tid = ck.identifier(keys["id"], "template id", TEMPLATE_ID_RE) if "id" in keys else None
    title = ck.text(keys["title"], "template title") if "title" in keys else None
    kind = ck.text(keys["kind"], "'kind'") if "kind" in keys else None
    if kind is not None and kind not in KINDS:
        ck.problem(keys["kind"], f"unknown kind '{kind}' (expected: {', '.join(KINDS)})")
        kind = None
    language = ck.text(keys["language"], "'language'") if "language" in keys else None
    if language is not None and not LANGUAGE_RE.fullmatch(language):
        ck.problem(keys["language"], f"'language' must be a code like ru or en, not '{language}'")
        language = None
    version = ck.integer(keys["version"], "'version'") if "version" in keys else None
    if version is not None and version <= 0:
        ck.problem(keys["version"], f"'version' must be a positive whole number (got {version})")
        version = None
    goal = ck.text(keys["goal"], "'goal'") if "goal" in keys else None
    stages = _check_stages(ck, keys["stages"]) if "stages" in keys else ()
    sections = _check_sections(ck, keys["sections"]) if "sections" in keys else ()
    if ck.problems:
        return None
    assert tid and title and kind and language and version and goal is not None  # no problems
    return ChecklistTemplate(tid, title, kind, language, version, sections, stages, goal)


def _syntax_problem(filename: str, text: str, error: yaml.YAMLError) -> Problem:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        detail = "; ".join(x for x in (error.context, error.problem) if x) or str(error)
        return Problem(filename, None if mark is None else mark.line + 1, f"YAML error: {detail}")
    position = getattr(error, "position", None)  # ReaderError: a character YAML cannot take
    line = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
    return Problem(filename, line, f"YAML error: {error}")


def parse_template_text(text: str, filename: str = "<string>") -> ChecklistTemplate:
    """Build a template from YAML text; raise TemplateError listing every problem found."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        raise _invalid(filename, [_syntax_problem(filename, text, e)]) from e
    ck = _Checker(filename)
    template = _check_template(ck, root)
    if template is None:
        # Reported in file order, whatever order the checks ran in.
        ordered = sorted(ck.problems, key=lambda p: (p.line is not None, p.line or 0))
        raise _invalid(filename, ordered)
    return template


def load_template(path: Path) -> ChecklistTemplate:
    """Read and validate one template file; unreadable files are a TemplateError naming it.

    The text is decoded as UTF-8 with an optional BOM, since Windows editors add one.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        detail = (e.strerror if isinstance(e, OSError) else None) or str(e)
        raise TemplateError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot read checklist template {path}: {detail}"),
            problems=[Problem(str(path), None, f"cannot read the file: {detail}")],
            path=str(path),
            detail=detail,
        ) from e
    return parse_template_text(text, str(path))


def validate_files(paths: Iterable[Path]) -> list[Problem]:
    """All problems in the given template files, file by file; an empty list means all valid."""
    problems: list[Problem] = []
    for path in paths:
        try:
            load_template(path)
        except TemplateError as e:
            problems.extend(e.problems)
    return problems


def _plain_number(value: float) -> int | float:
    # Weights are floats in memory but usually whole numbers in files: keep "2", not "2.0".
    return int(value) if float(value).is_integer() else float(value)


def template_to_dict(t: ChecklistTemplate) -> dict[str, Any]:
    """Plain data in the files' key order, for storage and export; parsing its YAML gives *t*."""
    return {
        "id": t.id,
        "title": t.title,
        "kind": t.kind,
        "language": t.language,
        "version": t.version,
        "goal": t.goal,
        "stages": [{"id": s.id, "title": s.title} for s in t.stages],
        "sections": [
            {
                "title": s.title,
                "criteria": [
                    {
                        "id": c.id,
                        "title": c.title,
                        "guidance": c.guidance,
                        "answer": c.answer,
                        "weight": _plain_number(c.weight),
                        "critical": c.critical,
                        "na_allowed": c.na_allowed,
                        **copy.deepcopy(c.extra),
                    }
                    for c in s.criteria
                ],
            }
            for s in t.sections
        ],
    }
