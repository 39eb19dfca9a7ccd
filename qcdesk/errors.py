"""Errors the user can act on, kept apart from bugs.

A `KnownError` carries an English message template plus named arguments. The GUI translates
the template with ``QCoreApplication.translate("KnownError", template)`` and then formats it;
the CLI prints the formatted English text. This module must stay Qt-free, so templates are
marked for Qt Linguist with a no-op ``QT_TRANSLATE_NOOP`` that lupdate recognises by name.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
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


@contextmanager
def os_errors(template: str, path: Path | str) -> Iterator[None]:
    """Turn an OSError (full disk, no permission) into a StorageError naming *path*.

    Args:
        template: a ``QT_TRANSLATE_NOOP("KnownError", ...)`` text with ``{path}`` and
            ``{detail}`` placeholders.
    """
    try:
        yield
    except OSError as exc:
        raise StorageError(template, path=str(path), detail=exc.strerror or str(exc)) from exc


@contextmanager
def atomic_write(target: Path, template: str, *, named: Path | str | None = None) -> Iterator[Path]:
    """Yield a temporary sibling of *target* to write; it replaces *target* only on success.

    A full disk or a crash mid-write therefore never leaves a truncated file under the real
    name, and the partial file is removed. OSErrors become StorageErrors naming *named*
    (default: *target*).
    """
    tmp = target.with_name(target.name + ".part")
    with os_errors(template, named if named is not None else target):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            yield tmp
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
