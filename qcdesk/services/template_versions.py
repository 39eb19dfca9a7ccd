"""Stored checklist versions: the frozen values services hand out, and the queries behind them.

Shared by `TemplateService` (the library and the editor) and the re-score use case. A version
is ``draft`` (editable, possibly unfinished), ``published`` (immutable: evaluations pin it) or
``archived`` (kept for the evaluations that pin it, offered to no one).

Which template a new evaluation gets (`default_version`): the client company's chosen default
for the interaction kind, else the client's own newest, else the newest shared template,
preferring the client's language at each step.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qcdesk.db.models import (
    ChecklistTemplateRow,
    ChecklistVersion,
    Client,
    ClientDefaultTemplate,
    Evaluation,
)
from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.domain.checklist_schema import (
    TEMPLATE_ID_RE,
    template_from_data,
    template_to_dict,
)
from qcdesk.domain.stored_template import stored_template
from qcdesk.errors import QT_TRANSLATE_NOOP, TemplateError

STATUSES = ("draft", "published", "archived")


def template_of(v: ChecklistVersion) -> ChecklistTemplate:
    """A version's template: validated when published or archived, as saved when a draft."""
    if v.status == "draft":
        return template_from_data(v.body)
    return stored_template(v.id, v.body)


@dataclass(frozen=True)
class TemplateInfo:
    """One version of one template, as the library lists it."""

    template_id: int
    version_id: int
    slug: str  # the YAML `id`
    title: str
    kind: str
    language: str
    client_id: int | None  # None: shared by every client company
    client: str | None
    version: int
    status: str  # draft / published / archived
    evaluations: int  # evaluations pinned to this version
    published_at: datetime | None
    default_for: tuple[str, ...]  # client companies that use this template by default
    newest: bool  # the template's newest version (drafts included)


@dataclass(frozen=True)
class TemplateVersion:
    """A version opened in the editor, with what may no longer change."""

    info: TemplateInfo
    template: ChecklistTemplate
    locked_ids: frozenset[str]  # criterion ids of published versions: answers are keyed by them
    slug_locked: bool  # the template id, once a version was published
    locked_stages: frozenset[str] = frozenset()  # stage ids of published versions (outcomes)


def error(template: str, **params: Any) -> TemplateError:
    return TemplateError(template, **params)


def newest_published(s: Session, template_id: int) -> ChecklistVersion | None:
    return s.scalars(
        select(ChecklistVersion)
        .where(ChecklistVersion.template_id == template_id, ChecklistVersion.status == "published")
        .order_by(ChecklistVersion.version.desc())
    ).first()


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
        ver = ChecklistVersion(
            template_id=row.id,
            version=t.version,
            body=template_to_dict(t),
            status="published",
            published_at=datetime.now(),
        )
        s.add(ver)
        row.title = t.title
        s.flush()
    return ver


def default_version(
    s: Session, kind: str, language: str, client_id: int | None
) -> ChecklistVersion:
    """The version a new evaluation gets: client default, client's own newest, shared newest."""
    if client_id is not None:
        chosen = s.get(ClientDefaultTemplate, (client_id, kind))
        if chosen is not None and (v := newest_published(s, chosen.template_id)) is not None:
            return v
    q = (
        select(ChecklistVersion)
        .join(ChecklistTemplateRow)
        .where(ChecklistTemplateRow.kind == kind, ChecklistVersion.status == "published")
        # The most recently published first (shipped files count from when they were stored).
        .order_by(ChecklistVersion.published_at.desc(), ChecklistVersion.id.desc())
    )
    candidates = [v for v in s.scalars(q) if v.template.client_id in (None, client_id)]
    if not candidates:
        raise TemplateError(
            QT_TRANSLATE_NOOP("KnownError", "There is no checklist template for {kind}."),
            kind=kind,
        )

    def rank(v: ChecklistVersion) -> tuple[bool, bool]:
        return (v.template.client_id is None, v.template.language != language)

    return min(candidates, key=rank)  # min keeps the first (newest) of equal ranks


def unique_slug(s: Session, base: str) -> str:
    base = base if TEMPLATE_ID_RE.fullmatch(base) else "checklist"
    taken = set(s.scalars(select(ChecklistTemplateRow.slug).where(
        ChecklistTemplateRow.slug.like(f"{base}%"))))  # fmt: skip
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def infos(s: Session, versions: list[ChecklistVersion]) -> list[TemplateInfo]:
    ids = [v.id for v in versions]
    counts = dict(
        s.execute(
            select(Evaluation.version_id, func.count())
            .where(Evaluation.version_id.in_(ids))
            .group_by(Evaluation.version_id)
        ).all()
    )
    newest = dict(
        s.execute(
            select(ChecklistVersion.template_id, func.max(ChecklistVersion.version)).group_by(
                ChecklistVersion.template_id
            )
        ).all()
    )
    defaults: dict[int, list[str]] = defaultdict(list)
    for template_id, name in s.execute(
        select(ClientDefaultTemplate.template_id, Client.name)
        .join(Client, Client.id == ClientDefaultTemplate.client_id)
        .order_by(Client.name)
    ):
        defaults[template_id].append(name)
    names = dict(s.execute(select(Client.id, Client.name)).all())
    out = []
    for v in versions:
        row = v.template
        out.append(
            TemplateInfo(
                template_id=row.id,
                version_id=v.id,
                slug=row.slug,
                title=row.title,
                kind=row.kind,
                language=row.language,
                client_id=row.client_id,
                client=names.get(row.client_id) if row.client_id is not None else None,
                version=v.version,
                status=v.status,
                evaluations=int(counts.get(v.id, 0)),
                published_at=v.published_at,
                default_for=tuple(defaults.get(row.id, ())),
                newest=newest.get(row.id) == v.version,
            )
        )
    return out


def opened(s: Session, v: ChecklistVersion) -> TemplateVersion:
    s.flush()
    published = s.scalars(
        select(ChecklistVersion).where(
            ChecklistVersion.template_id == v.template_id, ChecklistVersion.status != "draft"
        )
    ).all()
    locked = frozenset(c.id for p in published for c in template_of(p).criteria())
    return TemplateVersion(
        info=infos(s, [v])[0],
        template=template_of(v),
        locked_ids=locked,
        slug_locked=bool(published),
        locked_stages=frozenset(st.id for p in published for st in template_of(p).stages),
    )


# -- drafts -------------------------------------------------------------------------------


def draft(s: Session, version_id: int) -> ChecklistVersion:
    v = s.get_one(ChecklistVersion, version_id)
    if v.status != "draft":
        raise error(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "Version {version} of «{title}» is no longer a draft and cannot be changed; "
                "edit the template to start a new draft.",
            ),
            version=v.version,
            title=v.template.title,
        )
    return v


def rename(s: Session, row: ChecklistTemplateRow, slug: str) -> None:
    published = s.scalar(
        select(func.count())
        .select_from(ChecklistVersion)
        .where(ChecklistVersion.template_id == row.id, ChecklistVersion.status != "draft")
    )
    taken = s.scalar(select(ChecklistTemplateRow.id).where(ChecklistTemplateRow.slug == slug))
    if published or taken is not None:
        raise error(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "The template id {slug} cannot be used: it is taken, or this template "
                "was already published as {old}.",
            ),
            slug=slug,
            old=row.slug,
        )
    row.slug = slug
