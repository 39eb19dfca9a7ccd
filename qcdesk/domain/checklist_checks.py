# Messages are single string literals so that lupdate finds them: some lines run long.
# ruff: noqa: E501
"""The building blocks of template validation: translatable messages and typed node checks.

``checklist_validation`` applies them to a template and ``checklist_schema`` is the public API;
the split keeps each file readable. Every message is a `Text`: an English template marked for Qt Linguist plus its parameters, so
the CLI prints English and the editor shows the same problem in the UI language. Parameters
may themselves be `Text` ("criterion 'greeting'"), rendered in the same language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from qcdesk.domain.checklist import EXTRA_KEYS
from qcdesk.errors import QT_TRANSLATE_NOOP

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
CRITERION_EXTRA_KEYS = EXTRA_KEYS

STR_TAG = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_TEXT_TAGS = (STR_TAG, _INT, _FLOAT, _BOOL)  # `title: 2024` is still a usable title


@dataclass(frozen=True)
class Text:
    """A message template (English, marked for translation) and its parameters."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        args = {
            k: v.render(translate) if isinstance(v, Text) else v for k, v in self.params.items()
        }
        if translate is not None:
            try:
                return translate(self.template).format(**args)
            except (KeyError, IndexError, ValueError):
                pass  # a broken translation must not hide the problem: fall back to English
        return self.template.format(**args)


def T(template: str, **params: Any) -> Text:  # noqa: N802 - reads like the tr() it stands for
    return Text(template, params)


class Checker:
    """Walks the node tree, collecting problems and returning None for unusable values."""

    def __init__(self) -> None:
        self.found: list[tuple[int | None, Text, tuple[Any, ...]]] = []
        self.where: tuple[Any, ...] = ("template",)
        self._constructor = yaml.constructor.SafeConstructor()

    def problem(self, node: yaml.Node | None, template: str, **params: Any) -> None:
        line = None if node is None else node.start_mark.line + 1
        self.found.append((line, Text(template, params), self.where))

    def construct(self, node: yaml.Node, what: Text) -> Any:
        """Plain Python data for *node*; a problem (and None) when YAML cannot build it."""
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError) as e:
            # e.g. `date: 2026-13-01` resolves as a timestamp and then fails to build.
            self.problem(
                node,
                QT_TRANSLATE_NOOP("KnownError", "{what}: cannot read this value ({detail})"),
                what=what,
                detail=str(e),
            )
            return None

    def mapping(
        self, node: yaml.Node, what: Text, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(
                node,
                QT_TRANSLATE_NOOP("KnownError", "{what} must be a mapping of keys to values"),
                what=what,
            )
            return None
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR_TAG:
                self.problem(
                    key_node,
                    QT_TRANSLATE_NOOP("KnownError", "{what}: keys must be plain names"),
                    what=what,
                )
                continue
            key = key_node.value
            if key in found:
                self.problem(
                    key_node,
                    QT_TRANSLATE_NOOP("KnownError", "{what}: duplicate key '{key}'"),
                    what=what,
                    key=key,
                )
            elif key not in required and key not in optional:
                self.problem(
                    key_node,
                    QT_TRANSLATE_NOOP(
                        "KnownError", "{what}: unknown key '{key}' (expected: {allowed})"
                    ),
                    what=what,
                    key=key,
                    allowed=", ".join(dict.fromkeys(required + optional)),
                )
            else:
                found[key] = value_node
        for key in required:
            if key not in found:
                self.problem(
                    node,
                    QT_TRANSLATE_NOOP("KnownError", "{what}: missing required key '{key}'"),
                    what=what,
                    key=key,
                )
        return found

    def sequence(self, node: yaml.Node, what: Text) -> list[yaml.Node] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, QT_TRANSLATE_NOOP("KnownError", "{what} must be a list"), what=what)
            return None
        return list(node.value)

    def text(self, node: yaml.Node, what: Text, allow_empty: bool = False) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag not in _TEXT_TAGS:
            self.problem(node, QT_TRANSLATE_NOOP("KnownError", "{what} must be text"), what=what)
            return None
        value = str(node.value).strip()
        if not value and not allow_empty:
            self.problem(
                node, QT_TRANSLATE_NOOP("KnownError", "{what} must not be empty"), what=what
            )
            return None
        return value

    def identifier(self, node: yaml.Node, what: Text, pattern: re.Pattern[str]) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if pattern.fullmatch(value):
            return value
        if pattern is TEMPLATE_ID_RE:
            template = QT_TRANSLATE_NOOP(
                "KnownError",
                "{what} '{value}' must start with a lowercase Latin letter and contain only a-z, 0-9, - and _",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "KnownError",
                "{what} '{value}' must start with a lowercase Latin letter and contain only a-z, 0-9 and _",
            )
        self.problem(node, template, what=what, value=value)
        return None

    def integer(self, node: yaml.Node, what: Text) -> int | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag != _INT:
            self.problem(
                node, QT_TRANSLATE_NOOP("KnownError", "{what} must be a whole number"), what=what
            )
            return None
        value = self.construct(node, what)
        return value if isinstance(value, int) else None

    def number(self, node: yaml.Node, what: Text) -> float | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (_INT, _FLOAT):
            self.problem(
                node, QT_TRANSLATE_NOOP("KnownError", "{what} must be a number"), what=what
            )
            return None
        value = self.construct(node, what)
        if value is None:
            return None
        result = float(value)
        if not math.isfinite(result):
            self.problem(
                node, QT_TRANSLATE_NOOP("KnownError", "{what} must be a finite number"), what=what
            )
            return None
        return result

    def boolean(self, node: yaml.Node, what: Text) -> bool | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag != _BOOL:
            self.problem(
                node, QT_TRANSLATE_NOOP("KnownError", "{what} must be true or false"), what=what
            )
            return None
        return bool(self.construct(node, what))

    def text_list(self, node: yaml.Node, what: Text) -> list[str] | None:
        items = self.sequence(node, what)
        if items is None:
            return None
        values = [self.text(item, what) for item in items]
        return None if any(v is None for v in values) else [v for v in values if v is not None]
