"""Checklist templates for the library and the editor: drafts, publishing, assignment, files.

Editing a published template starts a new draft numbered one higher; publishing it makes it
the current version, and old evaluations keep the version they were filled with (see
``template_versions`` for the stored values and `default_version`).
"""

from __future__ import annotations

import builtins
import dataclasses
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qcdesk.db.models import ChecklistTemplateRow, ChecklistVersion, Client, ClientDefaultTemplate
from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.domain.checklist_schema import (
    TEMPLATE_ID_RE,
    load_template,
    parse_template_text,
    template_from_data,
    template_to_dict,
    template_to_yaml,
)
from qcdesk.errors import QT_TRANSLATE_NOOP, atomic_write
from qcdesk.services.base import ServiceBase
from qcdesk.services.template_versions import (
    STATUSES,
    TemplateInfo,
    TemplateVersion,
    default_version,
    draft,
    error,
    infos,
    opened,
    rename,
    store_template,
    template_of,
    unique_slug,
)

__all__ = [
    "SHIPPED_DIR",
    "STATUSES",
    "TemplateInfo",
    "TemplateService",
    "TemplateVersion",
    "default_version",
    "store_template",
    "template_of",
]

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "checklists"
EXPORT_SUFFIXES = (".yaml", ".yml", ".xlsx", ".pdf")


class TemplateService(ServiceBase):
    # -- shipped files and the simple listing -------------------------------------------------
    def sync_shipped(self, folder: Path = SHIPPED_DIR) -> int:
        """Store every shipped template version not yet in the database; returns how many."""
        added = 0
        for path in sorted(folder.glob("*.yaml")):
            t = load_template(path)
            try:
                with self._session() as s:
                    if self._stored_version(s, t) is None:
                        store_template(s, t)
                        added += 1
            except IntegrityError:
                # Another process opening the same new project stored it at the same moment.
                with self._session() as s:
                    if self._stored_version(s, t) is None:
                        raise
        return added

    @staticmethod
    def _stored_version(s: Session, t: ChecklistTemplate) -> int | None:
        return s.scalar(
            select(ChecklistVersion.id)
            .join(ChecklistTemplateRow)
            .where(ChecklistTemplateRow.slug == t.id, ChecklistVersion.version == t.version)
        )

    def list(self) -> list[tuple[str, int, str, str]]:
        """(slug, version, title, kind) of every published or archived version."""
        with self._session() as s:
            q = (
                select(
                    ChecklistTemplateRow.slug,
                    ChecklistVersion.version,
                    ChecklistTemplateRow.title,
                    ChecklistTemplateRow.kind,
                )
                .join(ChecklistVersion)
                .where(ChecklistVersion.status != "draft")
                .order_by(ChecklistTemplateRow.slug, ChecklistVersion.version)
            )
            return [tuple(r) for r in s.execute(q)]  # type: ignore[misc]

    def get(self, slug: str, version: int | None = None) -> ChecklistTemplate:
        """A version by number, or the newest that is not a draft."""
        with self._session() as s:
            q = (
                select(ChecklistVersion)
                .join(ChecklistTemplateRow)
                .where(ChecklistTemplateRow.slug == slug)
            )
            if version is None:
                q = q.where(ChecklistVersion.status != "draft")
            else:
                q = q.where(ChecklistVersion.version == version)
            v = s.scalars(q.order_by(ChecklistVersion.version.desc())).first()
            if v is None:
                raise LookupError(slug)
            return template_of(v)

    # -- the library --------------------------------------------------------------------------
    def library(self, client_id: int | None = None) -> builtins.list[TemplateInfo]:
        """Every version of every template (of *client_id* and shared ones, when given)."""
        with self._session() as s:
            q = select(ChecklistVersion).join(ChecklistTemplateRow)
            if client_id is not None:
                q = q.where(
                    (ChecklistTemplateRow.client_id == client_id)
                    | ChecklistTemplateRow.client_id.is_(None)
                )
            q = q.order_by(ChecklistTemplateRow.title, ChecklistVersion.version)
            return infos(s, list(s.scalars(q)))

    def choices(self, kind: str, client_id: int | None) -> builtins.list[TemplateInfo]:
        """The newest published version of each template a reviewer may switch to."""
        newest: dict[int, TemplateInfo] = {}
        for i in self.library(client_id):  # ordered by version: the last one wins
            if i.kind == kind and i.status == "published" and i.client_id in (None, client_id):
                newest[i.template_id] = i
        return list(newest.values())

    def open(self, version_id: int) -> TemplateVersion:
        with self._session() as s:
            return opened(s, s.get_one(ChecklistVersion, version_id))

    def create(self, template: ChecklistTemplate, client_id: int | None = None) -> TemplateVersion:
        """A new template (its id made unique) with *template* as draft version 1."""
        with self._session() as s:
            slug = unique_slug(s, template.id)
            t = dataclasses.replace(template, id=slug, version=1)
            row = ChecklistTemplateRow(
                slug=slug, title=t.title, kind=t.kind, language=t.language, client_id=client_id
            )
            s.add(row)
            s.flush()
            v = ChecklistVersion(
                template_id=row.id, version=1, body=template_to_dict(t), status="draft"
            )
            s.add(v)
            return opened(s, v)

    def duplicate(
        self, version_id: int, title: str, client_id: int | None = None
    ) -> TemplateVersion:
        """A new template whose draft 1 is a copy of *version_id* (for another client, say)."""
        with self._session() as s:
            source = template_of(s.get_one(ChecklistVersion, version_id))
        copy = dataclasses.replace(source, id=f"{source.id}-copy", title=title)
        return self.create(copy, client_id)

    def start_draft(self, template_id: int) -> TemplateVersion:
        """The template's draft: the existing one, or a copy of its newest version numbered +1."""
        with self._session() as s:
            versions = s.scalars(
                select(ChecklistVersion)
                .where(ChecklistVersion.template_id == template_id)
                .order_by(ChecklistVersion.version.desc())
            ).all()
            if not versions:
                raise LookupError(template_id)
            draft = next((v for v in versions if v.status == "draft"), None)
            if draft is None:
                newest = versions[0]
                body = template_to_dict(
                    dataclasses.replace(template_of(newest), version=newest.version + 1)
                )
                draft = ChecklistVersion(
                    template_id=template_id, version=newest.version + 1, body=body, status="draft"
                )
                s.add(draft)
            return opened(s, draft)

    def save_draft(self, version_id: int, template: ChecklistTemplate) -> TemplateVersion:
        """Store the editor's template in a draft (unfinished is fine); published ones refuse."""
        with self._session() as s:
            v = draft(s, version_id)
            row = v.template
            t = dataclasses.replace(template, version=v.version)
            if t.id != row.slug and TEMPLATE_ID_RE.fullmatch(t.id):
                rename(s, row, t.id)
            row.title = t.title.strip() or row.title
            row.kind, row.language = t.kind, t.language
            v.body = template_to_dict(t)
            return opened(s, v)

    def publish(self, version_id: int) -> TemplateVersion:
        """Validate the draft and make it the template's current, immutable version.

        Raises:
            TemplateError: the draft breaks a rule; ``problems`` lists every one.
        """
        with self._session() as s:
            v = draft(s, version_id)
            edited = dataclasses.replace(template_from_data(v.body), version=v.version)
            t = parse_template_text(template_to_yaml(edited), v.template.title or edited.title)
            if t.id != v.template.slug:
                rename(s, v.template, t.id)
            v.body = template_to_dict(t)
            v.template.title, v.template.kind, v.template.language = t.title, t.kind, t.language
            v.status, v.published_at = "published", datetime.now()
            return opened(s, v)

    def discard_draft(self, version_id: int) -> None:
        """Delete a draft; a template that was never published goes with it."""
        with self._session() as s:
            v = draft(s, version_id)
            row = v.template
            s.delete(v)
            s.flush()
            left = s.scalar(
                select(func.count())
                .select_from(ChecklistVersion)
                .where(ChecklistVersion.template_id == row.id)
            )
            if not left:
                s.delete(row)

    def set_archived(self, template_id: int, archived: bool) -> None:
        """Retire a template (its published versions become archived), or bring it back."""
        old, new = ("published", "archived") if archived else ("archived", "published")
        with self._session() as s:
            for v in s.scalars(
                select(ChecklistVersion).where(
                    ChecklistVersion.template_id == template_id, ChecklistVersion.status == old
                )
            ):
                v.status = new

    # -- assignment ---------------------------------------------------------------------------
    def set_default(self, client_id: int, kind: str, template_id: int | None) -> None:
        """The template new evaluations of *kind* get for this client (None: back to automatic)."""
        with self._session() as s:
            row = s.get(ClientDefaultTemplate, (client_id, kind))
            if template_id is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(
                    ClientDefaultTemplate(client_id=client_id, kind=kind, template_id=template_id)
                )
            else:
                row.template_id = template_id

    def defaults(self, client_id: int) -> dict[str, int]:
        """kind -> template id chosen for the client."""
        with self._session() as s:
            return {
                kind: tid
                for kind, tid in s.execute(
                    select(ClientDefaultTemplate.kind, ClientDefaultTemplate.template_id).where(
                        ClientDefaultTemplate.client_id == client_id
                    )
                )
            }

    # -- import and export --------------------------------------------------------------------
    def import_file(self, path: Path, client_id: int | None = None) -> tuple[str, int]:
        """Store a template file as a published version; returns (id, version number).

        The same id and version with the same content is found again, not duplicated; changed
        content under a stored version number becomes the next version, since a published
        version never changes.
        """
        t = load_template(path)
        with self._session() as s:
            row = s.scalar(select(ChecklistTemplateRow).where(ChecklistTemplateRow.slug == t.id))
            if row is not None and row.client_id != client_id:
                raise error(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "The template {slug} from {path} already exists for another client "
                        "company; change its id to import it.",
                    ),
                    slug=t.id,
                    path=str(path),
                )
            if row is not None:
                q = select(ChecklistVersion).where(ChecklistVersion.template_id == row.id)
                versions = {v.version: v for v in s.scalars(q)}
                same = versions.get(t.version)
                if same is not None and template_to_dict(template_of(same)) == template_to_dict(t):
                    return t.id, t.version
                if same is not None:
                    t = dataclasses.replace(t, version=max(versions) + 1)
            store_template(s, t, client_id)
        return t.id, t.version

    def resolve(self, ref: str, version: int | None = None) -> int:
        """The version id for a template id (slug) or database id; newest published by default."""
        with self._session() as s:
            q = select(ChecklistTemplateRow)
            if ref.isdigit():
                row = s.get(ChecklistTemplateRow, int(ref))
            else:
                row = s.scalar(q.where(ChecklistTemplateRow.slug == ref))
            if row is None:
                raise error(QT_TRANSLATE_NOOP("KnownError", "No checklist template {ref}"), ref=ref)
            vq = select(ChecklistVersion).where(ChecklistVersion.template_id == row.id)
            if version is not None:
                vq = vq.where(ChecklistVersion.version == version)
            versions = s.scalars(vq.order_by(ChecklistVersion.version.desc())).all()
            chosen = next((v for v in versions if v.status == "published"), None)
            chosen = chosen or (versions[0] if versions else None)
            if chosen is None:
                raise error(
                    QT_TRANSLATE_NOOP("KnownError", "No version {version} of the template {ref}"),
                    ref=ref,
                    version=version,
                )
            return chosen.id

    def export(self, version_id: int, path: Path) -> Path:
        """Write a version as YAML, XLSX (for approval) or a blank PDF form, by *path*'s suffix."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in EXPORT_SUFFIXES:
            raise error(
                QT_TRANSLATE_NOOP(
                    "KnownError", "Cannot export to {path}: use a .yaml, .xlsx or .pdf file name."
                ),
                path=str(path),
            )
        with self._session() as s:
            v = s.get_one(ChecklistVersion, version_id)
            t = template_of(v)
            client = s.get(Client, v.template.client_id) if v.template.client_id else None
            client_name = client.name if client is not None else ""
        if suffix == ".xlsx":
            from qcdesk.reports.checklist_xlsx import write_checklist_xlsx

            return Path(write_checklist_xlsx(t, path))
        if suffix == ".pdf":
            from qcdesk.reports.blank_form import write_blank_form

            return Path(write_blank_form(t, path, company=client_name))
        template = QT_TRANSLATE_NOOP("KnownError", "Cannot write the template {path}: {detail}")
        with atomic_write(path, template) as tmp:
            tmp.write_text(template_to_yaml(t), encoding="utf-8")
        return path
