"""Managing consultants and teams: rename, move between teams, merge duplicates, deactivate.

A chat import creates a consultant from an author name ("Anna P."), an import dialog from what
was typed ("Анна Петрова"): the same person twice. Merging moves everything that points at the
duplicate (interactions and so their evaluations, chat author mappings) to the person kept and
deletes the duplicate, in one transaction. Deactivating keeps a person in reports and history
but hides them from the pickers of new work, since people leave and their calls stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from qcdesk.db.models import ChatAuthor, Client, Consultant, Interaction, Team
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.base import ServiceBase


@dataclass(frozen=True)
class ConsultantRecord:
    """One consultant as the management dialog shows it."""

    id: int
    client_id: int
    client: str
    name: str
    team: str | None
    extension: str | None
    active: bool
    interactions: int  # how many interactions are assigned to them


@dataclass(frozen=True)
class MergeResult:
    target: ConsultantRecord
    interactions_moved: int
    chat_authors_moved: int


def _clean(name: str) -> str:
    """Collapse runs of whitespace: "Анна  Петрова " and "Анна Петрова" are one name."""
    return " ".join(name.split())


class ConsultantService(ServiceBase):
    def list_all(self, client_id: int | None = None) -> list[ConsultantRecord]:
        """Every consultant, active or not, by company then name, with their interaction count."""
        counts = (
            select(Interaction.consultant_id, func.count(Interaction.id).label("n"))
            .group_by(Interaction.consultant_id)
            .subquery()
        )
        q = (
            select(Consultant, Client.name, Team.name, counts.c.n)
            .join(Client, Client.id == Consultant.client_id)
            .outerjoin(Team, Team.id == Consultant.team_id)
            .outerjoin(counts, counts.c.consultant_id == Consultant.id)
            .order_by(Client.name, Consultant.name, Consultant.id)
        )
        if client_id is not None:
            q = q.where(Consultant.client_id == client_id)
        with self._session() as s:
            return [
                ConsultantRecord(
                    c.id, c.client_id, client, c.name, team, c.extension, bool(c.active), n or 0
                )
                for c, client, team, n in s.execute(q)
            ]

    def get(self, consultant_id: int) -> ConsultantRecord:
        for record in self.list_all():
            if record.id == consultant_id:
                return record
        raise _missing(consultant_id)

    def teams(self, client_id: int) -> list[str]:
        """The company's team names, sorted."""
        with self._session() as s:
            return list(
                s.scalars(select(Team.name).where(Team.client_id == client_id).order_by(Team.name))
            )

    def rename(self, consultant_id: int, name: str) -> ConsultantRecord:
        """Give the consultant a new name.

        Raises:
            KnownError: the name is empty, or another consultant of the company has it (then the
                two are the same person, which is what merge is for).
        """
        name = _clean(name)
        if not name:
            raise KnownError(QT_TRANSLATE_NOOP("KnownError", "A consultant needs a name."))
        with self._session() as s:
            c = _get(s, consultant_id)
            clash = s.scalar(
                select(Consultant).where(
                    Consultant.client_id == c.client_id,
                    Consultant.name == name,
                    Consultant.id != c.id,
                )
            )
            if clash is not None:
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "The company already has a consultant named {name}. "
                        "Merge the two instead of renaming.",
                    ),
                    name=name,
                )
            c.name = name
        return self.get(consultant_id)

    def set_team(self, consultant_id: int, team: str | None) -> ConsultantRecord:
        """Put the consultant in *team* of their company (created if new); None or "" = no team."""
        team = _clean(team or "")
        with self._session() as s:
            c = _get(s, consultant_id)
            if not team:
                c.team_id = None
            else:
                row = s.scalar(select(Team).where(Team.client_id == c.client_id, Team.name == team))
                if row is None:
                    row = Team(client_id=c.client_id, name=team)
                    s.add(row)
                    s.flush()
                c.team_id = row.id
        return self.get(consultant_id)

    def rename_team(self, client_id: int, old: str, new: str) -> None:
        """Rename a team of the company; renaming onto an existing team joins the two."""
        new = _clean(new)
        if not new:
            raise KnownError(QT_TRANSLATE_NOOP("KnownError", "A team needs a name."))
        with self._session() as s:
            row = s.scalar(select(Team).where(Team.client_id == client_id, Team.name == old))
            if row is None or old == new:
                return
            other = s.scalar(select(Team).where(Team.client_id == client_id, Team.name == new))
            if other is None:
                row.name = new
                return
            s.execute(
                update(Consultant).where(Consultant.team_id == row.id).values(team_id=other.id)
            )
            s.delete(row)

    def set_active(self, consultant_id: int, active: bool) -> ConsultantRecord:
        """Deactivate (hide from pickers of new work, keep in reports) or reactivate."""
        with self._session() as s:
            _get(s, consultant_id).active = active
        return self.get(consultant_id)

    def merge(self, source_id: int, target_id: int) -> MergeResult:
        """Move everything of *source* to *target* and delete *source*.

        Interactions (and with them their evaluations) and chat author mappings move; the
        target keeps its own name, and takes the source's team and extension only where it
        has none. A merge into an inactive consultant keeps it inactive.

        Raises:
            KnownError: the two are the same, or belong to different companies (a company's
                people never mix with another's).
        """
        if source_id == target_id:
            raise KnownError(
                QT_TRANSLATE_NOOP("KnownError", "Choose another consultant to merge into.")
            )
        with self._session() as s:
            source, target = _get(s, source_id), _get(s, target_id)
            if source.client_id != target.client_id:
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "{source} and {target} work for different companies and cannot be merged.",
                    ),
                    source=source.name,
                    target=target.name,
                )
            moved = _rowcount(
                s,
                update(Interaction)
                .where(Interaction.consultant_id == source.id)
                .values(consultant_id=target.id),
            )
            authors = _rowcount(
                s,
                update(ChatAuthor)
                .where(ChatAuthor.consultant_id == source.id)
                .values(consultant_id=target.id),
            )
            if target.team_id is None:
                target.team_id = source.team_id
            if not target.extension:
                target.extension = source.extension
            s.delete(source)
        return MergeResult(self.get(target_id), moved, authors)


def _rowcount(s: Session, statement: Any) -> int:
    result = s.execute(statement)
    return int(getattr(result, "rowcount", 0) or 0)


def _get(s: Session, consultant_id: int) -> Consultant:
    c = s.get(Consultant, consultant_id)
    if c is None:
        raise _missing(consultant_id)
    return c


def _missing(consultant_id: int) -> KnownError:
    return KnownError(
        QT_TRANSLATE_NOOP(
            "KnownError", "There is no consultant {id}; another window may have deleted it."
        ),
        id=consultant_id,
    )
