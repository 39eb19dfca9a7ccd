"""Correcting an interaction's metadata after import: company, consultant, direction, date.

A file name parsed wrongly, a chat filed under the wrong company, a call nobody assigned: the
reviewer fixes these after import, one interaction at a time or a selection at once. The
consultant must belong to the interaction's company, so a company's people and calls never mix
with another's; changing the company without naming a consultant of the new one unassigns it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from qcdesk.db.models import Client, Consultant, Interaction
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.base import ServiceBase, get_interaction

DIRECTIONS = ("incoming", "outgoing")
# The interaction's own language (auto, ru, en), where the schema has that column yet.
HAS_LANGUAGE = hasattr(Interaction, "language")


@dataclass(frozen=True)
class InteractionMetadata:
    """The editable fields of one interaction."""

    interaction_id: int
    kind: str
    client_id: int
    consultant_id: int | None
    direction: str | None  # "incoming", "outgoing" or None (unknown)
    started_at: datetime | None
    customer_ref: str | None
    language: str | None = None  # None where the schema has no per-interaction language


class MetadataService(ServiceBase):
    @property
    def has_language(self) -> bool:
        return HAS_LANGUAGE

    def get(self, interaction_id: int) -> InteractionMetadata:
        with self._session() as s:
            return _metadata(get_interaction(s, interaction_id))

    def update(
        self,
        interaction_id: int,
        *,
        client_id: int,
        consultant_id: int | None,
        direction: str | None,
        started_at: datetime | None,
        customer_ref: str | None = None,
        language: str | None = None,
    ) -> InteractionMetadata:
        """Store the fields of one interaction in one transaction.

        Raises:
            KnownError: the company or consultant no longer exists, or the consultant works
                for another company.
        """
        if direction not in (None, *DIRECTIONS):
            raise ValueError(direction)
        with self._session() as s:
            it = get_interaction(s, interaction_id)
            _check_assignment(s, client_id, consultant_id)
            it.client_id = client_id
            it.consultant_id = consultant_id
            it.direction = direction
            it.started_at = started_at
            it.customer_ref = (customer_ref or "").strip() or None
            if HAS_LANGUAGE and language is not None:
                it.language = language  # type: ignore[attr-defined,unused-ignore]
            s.flush()
            return _metadata(it)

    def assign_consultant(self, interaction_ids: Sequence[int], consultant_id: int | None) -> int:
        """Assign (or, with None, unassign) the consultant of several interactions at once.

        Returns the number changed. All or nothing: an interaction of another company than
        the consultant's is refused before anything changes.
        """
        with self._session() as s:
            items = [get_interaction(s, i) for i in interaction_ids]
            if consultant_id is not None:
                person = s.get(Consultant, consultant_id)
                if person is None:
                    raise _no_consultant(consultant_id)
                others = [it for it in items if it.client_id != person.client_id]
                if others:
                    raise KnownError(
                        QT_TRANSLATE_NOOP(
                            "KnownError",
                            "{name} works for another company than {count} of the selected "
                            "interactions.",
                        ),
                        name=person.name,
                        count=len(others),
                    )
            changed = 0
            for it in items:
                if it.consultant_id != consultant_id:
                    it.consultant_id = consultant_id
                    changed += 1
            return changed


def _check_assignment(s: Session, client_id: int, consultant_id: int | None) -> None:
    if s.get(Client, client_id) is None:
        raise KnownError(QT_TRANSLATE_NOOP("KnownError", "There is no company {id}."), id=client_id)
    if consultant_id is None:
        return
    person = s.get(Consultant, consultant_id)
    if person is None:
        raise _no_consultant(consultant_id)
    if person.client_id != client_id:
        company = s.scalar(select(Client.name).where(Client.id == client_id))
        raise KnownError(
            QT_TRANSLATE_NOOP("KnownError", "{name} is not a consultant of {company}."),
            name=person.name,
            company=company,
        )


def _no_consultant(consultant_id: int) -> KnownError:
    return KnownError(
        QT_TRANSLATE_NOOP(
            "KnownError", "There is no consultant {id}; another window may have deleted it."
        ),
        id=consultant_id,
    )


def _metadata(it: Interaction) -> InteractionMetadata:
    return InteractionMetadata(
        interaction_id=it.id,
        kind=it.kind,
        client_id=it.client_id,
        consultant_id=it.consultant_id,
        direction=it.direction,
        started_at=it.started_at,
        customer_ref=it.customer_ref,
        language=getattr(it, "language", None) if HAS_LANGUAGE else None,
    )
