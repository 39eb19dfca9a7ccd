"""Errors the user can act on, kept apart from bugs.

A `KnownError` carries an English message template plus named arguments. The GUI translates
the template with ``QCoreApplication.translate("KnownError", template)`` and then formats it;
the CLI prints the formatted English text. This module must stay Qt-free, so templates are
marked for Qt Linguist with a no-op ``QT_TRANSLATE_NOOP`` that lupdate recognises by name.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    """Mark *text* for translation in *context* without translating it now."""
    return text


class KnownError(Exception):
    """An expected failure with a message for the user (bad file, full disk, missing model).

    Args:
        template: English text with ``{name}`` placeholders, marked with
            ``QT_TRANSLATE_NOOP("KnownError", ...)`` at the raise site.
        **params: values for the placeholders; ``path`` names the file when there is one.
    """

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.render(template))

    @property
    def path(self) -> str | None:
        p = self.params.get("path")
        return None if p is None else str(p)

    def render(self, template: str | None = None) -> str:
        """Format *template* (a translation of ours, or our own) with the parameters."""
        t = self.template if template is None else template
        try:
            return t.format(**self.params)
        except (KeyError, IndexError, ValueError):
            # A translation with a broken placeholder must not hide the error itself.
            return self.template.format(**self.params)


class AudioError(KnownError):
    """An audio file cannot be read or decoded."""


class TemplateError(KnownError):
    """A checklist template is invalid; ``problems`` lists each one with its line."""

    def __init__(self, template: str, problems: list[Any] | None = None, **params: Any) -> None:
        self.problems = list(problems or [])
        super().__init__(template, **params)


class StorageError(KnownError):
    """The database or the library folder cannot be written (full disk, permissions)."""
