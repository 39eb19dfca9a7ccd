"""Checklist templates stored as immutable versions, seeded from the shipped YAML files."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from qcdesk.db.models import ChecklistTemplateRow, ChecklistVersion
from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.domain.checklist_schema import load_template, parse_template_text, template_to_dict
from qcdesk.errors import QT_TRANSLATE_NOOP, TemplateError
from qcdesk.services.base import ServiceBase

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "checklists"


@functools.lru_cache(maxsize=256)
def _from_body(body_yaml: str) -> ChecklistTemplate:
    return parse_template_text(body_yaml, "<database>")


def template_from_body(body: dict) -> ChecklistTemplate:  # type: ignore[type-arg]
    """Rebuild a stored version; cached because every form render needs it."""
    return _from_body(yaml.safe_dump(body, allow_unicode=True, sort_keys=False))


def store_template(
    s: Session, t: ChecklistTemplate, client_id: int | None = None
) -> ChecklistVersion:
    """Store *t* as a published version unless that id+version already exists."""
    row = s.scalar(select(ChecklistTemplateRow).where(ChecklistTemplateRow.slug == t.id))
    if row is None:
        row = ChecklistTemplateRow(
            slug=t.id, title=t.title, kind=t.kind, language=t.language, client_id=client_id
        )
        s.add(row)
        s.flush()
    ver = s.scalar(
        select(ChecklistVersion).where(
            ChecklistVersion.template_id == row.id, ChecklistVersion.version == t.version
        )
    )
    if ver is None:
        ver = ChecklistVersion(template_id=row.id, version=t.version, body=template_to_dict(t))
        s.add(ver)
        row.title = t.title
        s.flush()
    return ver


def default_version(
    s: Session, kind: str, language: str, client_id: int | None
) -> ChecklistVersion:
    """The newest published version for a kind: the client's own first, then shared ones."""
    q = (
        select(ChecklistVersion)
        .join(ChecklistTemplateRow)
        .where(ChecklistTemplateRow.kind == kind, ChecklistVersion.status == "published")
        .order_by(ChecklistVersion.version.desc(), ChecklistVersion.id.desc())
    )
    # Shared templates (no client) and the client's own; own first, then matching language.
    candidates = [v for v in s.scalars(q) if v.template.client_id in (None, client_id)]
    if not candidates:
        raise TemplateError(
            QT_TRANSLATE_NOOP("KnownError", "There is no checklist template for {kind}."),
            kind=kind,
        )

    def rank(v: ChecklistVersion) -> tuple[bool, bool, int]:
        return (v.template.client_id is None, v.template.language != language, -v.version)

    return min(candidates, key=rank)


class TemplateService(ServiceBase):
    def sync_shipped(self, folder: Path = SHIPPED_DIR) -> int:
        """Store every shipped template version not yet in the database; returns how many."""
        added = 0
        for path in sorted(folder.glob("*.yaml")):
            t = load_template(path)
            with self._session() as s:
                before = s.scalar(
                    select(ChecklistVersion.id)
                    .join(ChecklistTemplateRow)
                    .where(ChecklistTemplateRow.slug == t.id, ChecklistVersion.version == t.version)
                )
                if before is None:
                    store_template(s, t)
                    added += 1
        return added

    def import_file(self, path: Path, client_id: int | None = None) -> tuple[str, int]:
        t = load_template(path)
        with self._session() as s:
            store_template(s, t, client_id)
        return t.id, t.version

    def list(self) -> list[tuple[str, int, str, str]]:
        with self._session() as s:
            q = (
                select(
                    ChecklistTemplateRow.slug,
                    ChecklistVersion.version,
                    ChecklistTemplateRow.title,
                    ChecklistTemplateRow.kind,
                )
                .join(ChecklistVersion)
                .order_by(ChecklistTemplateRow.slug, ChecklistVersion.version)
            )
            return [tuple(r) for r in s.execute(q)]  # type: ignore[misc]

    def get(self, slug: str, version: int | None = None) -> ChecklistTemplate:
        with self._session() as s:
            q = (
                select(ChecklistVersion)
                .join(ChecklistTemplateRow)
                .where(ChecklistTemplateRow.slug == slug)
            )
            if version is not None:
                q = q.where(ChecklistVersion.version == version)
            v = s.scalars(q.order_by(ChecklistVersion.version.desc())).first()
            if v is None:
                raise LookupError(slug)
            return template_from_body(v.body)
