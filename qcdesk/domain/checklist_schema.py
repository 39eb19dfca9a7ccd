"""Parse and validate checklist template YAML, reporting every problem with its line.

A head of sales edits templates in a text editor, so "line 42: weight must be greater than 0"
matters more than a traceback. ``yaml.safe_load`` drops positions, so the text is composed into
PyYAML nodes (which keep their marks) and checked node by node; only a tree without a single
problem becomes a ``ChecklistTemplate``. All problems are collected, not just the first, so one
run of ``qcdesk template validate`` shows everything to fix.

Keys: every top-level key is required. Per criterion ``id``, ``title``, ``answer`` and ``weight``
are required; ``guidance`` defaults to "", ``critical`` and ``na_allowed`` to false. The keys
reserved for auto-checking (``auto``, ``applies_to``, ``threshold``, ``examples``) are checked
for shape only (the rule language belongs to auto-prefill) and kept in ``Criterion.extra``; any
other key is reported, because a typo such as ``critcal: true`` must not silently turn a
critical criterion into an ordinary one.

Each problem carries its message twice: as English text (the CLI prints it) and as a
translatable `Text` (the template editor shows it in the UI language), plus ``where``: the
section, criterion or stage it belongs to, so the editor can select the culprit.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from qcdesk.domain.checklist import ChecklistTemplate, Criterion, Section, Stage
from qcdesk.domain.checklist_checks import ID_RE, LANGUAGE_RE, TEMPLATE_ID_RE, Checker, Text
from qcdesk.domain.checklist_validation import check_template_node as _check_template
from qcdesk.errors import QT_TRANSLATE_NOOP, TemplateError
from qcdesk.userfiles import check_regular

__all__ = [
    "ID_RE",
    "LANGUAGE_RE",
    "TEMPLATE_ID_RE",
    "Problem",
    "Text",
    "check_template",
    "load_template",
    "parse_template_text",
    "template_from_data",
    "template_to_dict",
    "template_to_yaml",
    "validate_files",
]

Where = tuple[Any, ...]  # ("section", i), ("criterion", i, j), ("stage", k), ("template",), ()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a template file; ``line`` is 1-based, None when unknown."""

    file: str
    line: int | None
    message: str  # English, as the CLI prints it
    text: Text | None = field(default=None, compare=False)  # the same, translatable
    where: Where = field(default=(), compare=False)

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """The message in the UI language when *translate* is given (the editor's view)."""
        return self.message if self.text is None else self.text.render(translate)


def _problems(filename: str, ck: Checker) -> list[Problem]:
    found = [Problem(filename, line, text.render(), text, where) for line, text, where in ck.found]
    # Reported in file order, whatever order the checks ran in.
    return sorted(found, key=lambda p: (p.line is not None, p.line or 0))


def _invalid(filename: str, problems: list[Problem]) -> TemplateError:
    return TemplateError(
        QT_TRANSLATE_NOOP("KnownError", "The checklist template {path} is invalid:\n{details}"),
        problems=problems,
        path=filename,
        details="\n".join(str(p) for p in problems),
    )


def _syntax_problem(filename: str, text: str, error: yaml.YAMLError) -> Problem:
    template = QT_TRANSLATE_NOOP("KnownError", "YAML error: {detail}")
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        detail = "; ".join(x for x in (error.context, error.problem) if x) or str(error)
        t = Text(template, {"detail": detail})
        return Problem(filename, None if mark is None else mark.line + 1, t.render(), t)
    position = getattr(error, "position", None)  # ReaderError: a character YAML cannot take
    line = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
    t = Text(template, {"detail": str(error)})
    return Problem(filename, line, t.render(), t)


# A checklist is a few kilobytes; bounds keep a hostile file from holding the parser for
# minutes (PyYAML's pure-Python composer) or overflowing the stack (deeply nested flows).
MAX_TEMPLATE_CHARS = 2_000_000
MAX_FLOW_DEPTH = 64


def _flow_depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` (an upper bound: brackets in strings count too)."""
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}" and depth:
            depth -= 1
    return deepest


def _bounds_problem(filename: str, text: str) -> Problem | None:
    if len(text) > MAX_TEMPLATE_CHARS:
        t = Text(
            QT_TRANSLATE_NOOP(
                "KnownError", "the file is too large for a checklist ({size} characters)"
            ),
            {"size": str(len(text))},
        )
        return Problem(filename, None, t.render(), t)
    if text.count("[") + text.count("{") > MAX_FLOW_DEPTH and _flow_depth(text) > MAX_FLOW_DEPTH:
        t = Text(QT_TRANSLATE_NOOP("KnownError", "lists or mappings are nested too deeply"), {})
        return Problem(filename, None, t.render(), t)
    return None


def _parse(text: str, filename: str) -> tuple[ChecklistTemplate | None, list[Problem]]:
    bounds = _bounds_problem(filename, text)
    if bounds is not None:
        return None, [bounds]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        ck = Checker()
        template = _check_template(ck, root)
    except yaml.YAMLError as e:
        return None, [_syntax_problem(filename, text, e)]
    except RecursionError:  # block-style nesting deep enough to exhaust the stack
        t = Text(QT_TRANSLATE_NOOP("KnownError", "lists or mappings are nested too deeply"), {})
        return None, [Problem(filename, None, t.render(), t)]
    return template, _problems(filename, ck)


def parse_template_text(text: str, filename: str = "<string>") -> ChecklistTemplate:
    """Build a template from YAML text; raise TemplateError listing every problem found."""
    template, problems = _parse(text, filename)
    if template is None or problems:
        raise _invalid(filename, problems)
    return template


def load_template(path: Path) -> ChecklistTemplate:
    """Read and validate one template file; unreadable files are a TemplateError naming it.

    The text is decoded as UTF-8 with an optional BOM, since Windows editors add one.
    """
    path = Path(path)
    try:
        check_regular(path, TemplateError)  # a pipe named *.yaml would block read_text()
    except TemplateError as e:
        if e.params.get("detail") == "not a regular file":  # missing, a folder: as below
            t = Text(e.template, e.params)
            raise TemplateError(
                e.template, problems=[Problem(str(path), None, t.render(), t)], **e.params
            ) from e
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        detail = (e.strerror if isinstance(e, OSError) else None) or str(e)
        t = Text(
            QT_TRANSLATE_NOOP("KnownError", "cannot read the file: {detail}"), {"detail": detail}
        )
        raise TemplateError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot read checklist template {path}: {detail}"),
            problems=[Problem(str(path), None, t.render(), t)],
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


def check_template(t: ChecklistTemplate, filename: str = "<editor>") -> list[Problem]:
    """Every problem of an in-memory template (the editor's), by the same rules as a file.

    The template goes through its own YAML, so the editor and ``qcdesk template validate``
    can never disagree about what is valid.
    """
    return _parse(template_to_yaml(t), filename)[1]


def _plain_number(value: float) -> int | float:
    # Weights are floats in memory but usually whole numbers in files: keep "2", not "2.0".
    f = float(value)
    return int(f) if f.is_integer() else f


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


def template_to_yaml(t: ChecklistTemplate) -> str:
    """The template as the YAML text of a file (export); parsing it gives back an equal one."""
    text = yaml.safe_dump(template_to_dict(t), allow_unicode=True, sort_keys=False, width=100)
    return str(text)


def _s(value: Any, default: str = "") -> str:
    return default if value is None else str(value)


def _f(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def template_from_data(data: Any) -> ChecklistTemplate:
    """Build a template from stored data *without* validating it: a draft may be unfinished.

    Drafts are saved as they are typed (an empty title, a weight of 0); publishing is where
    the rules apply. Wrong types are coerced to something the editor can show and fix.
    """
    d = data if isinstance(data, dict) else {}
    sections = []
    for sec in d.get("sections") or ():
        sec = sec if isinstance(sec, dict) else {}
        criteria = []
        for c in sec.get("criteria") or ():
            c = c if isinstance(c, dict) else {}
            extra = {k: copy.deepcopy(v) for k, v in c.items() if k in _EXTRA}
            criteria.append(
                Criterion(
                    id=_s(c.get("id")),
                    title=_s(c.get("title")),
                    guidance=_s(c.get("guidance")),
                    answer=_s(c.get("answer"), "yes_no"),
                    weight=_f(c.get("weight", 1)),
                    critical=bool(c.get("critical", False)),
                    na_allowed=bool(c.get("na_allowed", False)),
                    extra=extra,
                )
            )
        sections.append(Section(_s(sec.get("title")), tuple(criteria)))
    stages = tuple(
        Stage(_s(st.get("id")), _s(st.get("title")))
        for st in d.get("stages") or ()
        if isinstance(st, dict)
    )
    version = d.get("version")
    return ChecklistTemplate(
        id=_s(d.get("id")),
        title=_s(d.get("title")),
        kind=_s(d.get("kind"), "call"),
        language=_s(d.get("language"), "ru"),
        version=version if isinstance(version, int) else 1,
        sections=tuple(sections),
        stages=stages,
        goal=_s(d.get("goal")),
    )


_EXTRA = ("auto", "applies_to", "threshold", "examples")
