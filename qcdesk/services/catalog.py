"""Client companies, teams and consultants."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qcdesk.db.models import Client, Consultant, Team
from qcdesk.db.session import savepoint
from qcdesk.domain.language import check_setting
from qcdesk.domain.working_hours import WorkingHours, zone
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.base import ServiceBase
from qcdesk.services.dto import ClientInfo, ClientSchedule, ConsultantInfo

MAX_SPOKEN_NAMES = 20
MAX_SPOKEN_NAME_CHARS = 100


def client_info(c: Client) -> ClientInfo:
    return ClientInfo(c.id, c.name, c.language, c.consultant_channel)


def consultant_info(c: Consultant) -> ConsultantInfo:
    team = c.team.name if c.team else None
    return ConsultantInfo(c.id, c.client_id, c.name, team, c.extension, bool(c.active))


Row = TypeVar("Row")


def get_or_create(
    s: Session, model: type[Row], keys: dict[str, Any], defaults: dict[str, Any] | None = None
) -> Row:
    """The row of *model* matching *keys* (a unique key), created with *defaults* if missing.

    Race-safe: two processes importing into one project may both find no row and both insert;
    the loser's UNIQUE violation is caught inside a SAVEPOINT (the rest of its unit of work
    survives) and the winner's row is read back.
    """
    query = select(model).filter_by(**keys)
    row = s.scalar(query)
    if row is not None:
        return row
    try:
        with savepoint(s):
            row = model(**keys, **(defaults or {}))
            s.add(row)
            s.flush()
    except IntegrityError:
        row = s.scalar(query)
        if row is None:
            raise  # a different constraint failed: not the race this handles
    return row


def get_or_create_client(s: Session, name: str, language: str = "auto") -> Client:
    return get_or_create(
        s, Client, {"name": name.strip()}, {"language": language, "consultant_channel": "left"}
    )


def get_or_create_consultant(
    s: Session, client_id: int, name: str, *, extension: str | None = None, team: str | None = None
) -> Consultant:
    row = get_or_create(
        s, Consultant, {"client_id": client_id, "name": name.strip()}, {"extension": extension}
    )
    if team:
        row.team = get_or_create(s, Team, {"client_id": client_id, "name": team})
    if extension and not row.extension:
        row.extension = extension
    s.flush()
    return row


class CatalogService(ServiceBase):
    def list_clients(self) -> list[ClientInfo]:
        with self._session() as s:
            return [client_info(c) for c in s.scalars(select(Client).order_by(Client.name))]

    def list_consultants(
        self, client_id: int | None = None, *, active_only: bool = False
    ) -> list[ConsultantInfo]:
        """The consultants (of one company); pickers of new work pass ``active_only``."""
        with self._session() as s:
            q = select(Consultant).order_by(Consultant.name)
            if client_id is not None:
                q = q.where(Consultant.client_id == client_id)
            if active_only:
                q = q.where(Consultant.active.is_(True))
            return [consultant_info(c) for c in s.scalars(q)]

    def ensure_client(self, name: str, language: str = "auto") -> ClientInfo:
        with self._session() as s:
            return client_info(get_or_create_client(s, name, language))

    def set_client_language(self, client_id: int, language: str) -> ClientInfo:
        """The company's call language: "auto" (detected per call), "ru" or "en"."""
        check_setting(language)
        with self._session() as s:
            client = s.get_one(Client, client_id)
            client.language = language
            return client_info(client)

    def spoken_names(self, client_id: int) -> tuple[str, ...]:
        """The ways people say or spell the company's name, for auto-prefill."""
        with self._session() as s:
            return tuple(s.get_one(Client, client_id).spoken_names or ())

    def set_spoken_names(
        self, client_id: int, names: list[str] | tuple[str, ...]
    ) -> tuple[str, ...]:
        """Replace the company's spoken names: blanks and repeats are dropped, order is kept.

        Raises:
            KnownError: more than `MAX_SPOKEN_NAMES` names or one longer than
                `MAX_SPOKEN_NAME_CHARS` (the rules compare each with every consultant turn).
        """
        clean = tuple(dict.fromkeys(" ".join(n.split()) for n in names if n.strip()))
        if len(clean) > MAX_SPOKEN_NAMES or any(len(n) > MAX_SPOKEN_NAME_CHARS for n in clean):
            raise KnownError(
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "A company has at most {count} spoken names of at most {chars} characters.",
                ),
                count=MAX_SPOKEN_NAMES,
                chars=MAX_SPOKEN_NAME_CHARS,
            )
        with self._session() as s:
            s.get_one(Client, client_id).spoken_names = list(clean) or None
        return clean

    def ensure_consultant(
        self, client_id: int, name: str, *, extension: str | None = None, team: str | None = None
    ) -> ConsultantInfo:
        with self._session() as s:
            row = get_or_create_consultant(s, client_id, name, extension=extension, team=team)
            return consultant_info(row)

    def set_consultant_channel(self, client_id: int, channel: str) -> ClientInfo:
        """The client's default for new stereo imports: which channel is the consultant."""
        if channel not in ("left", "right"):
            raise ValueError(channel)
        with self._session() as s:
            c = s.get_one(Client, client_id)
            c.consultant_channel = channel
            return client_info(c)

    def schedule(self, client_id: int) -> ClientSchedule:
        """The time zone and working hours chat response times are measured against."""
        with self._session() as s:
            c = s.get_one(Client, client_id)
            return ClientSchedule(c.id, c.timezone, dict(c.working_hours or {}) or None)

    def set_schedule(
        self, client_id: int, timezone: str, working_hours: dict[str, Any] | None
    ) -> ClientSchedule:
        """Set the client's time zone and working hours (None: round the clock).

        Raises:
            WorkingHoursError: an unknown zone, days outside 0-6 or a time that is not HH:MM.
        """
        zone(timezone)
        hours = None
        if working_hours is not None:
            hours = WorkingHours.from_json(working_hours, timezone).to_json()
        with self._session() as s:
            c = s.get_one(Client, client_id)
            c.timezone = timezone
            c.working_hours = hours
        return self.schedule(client_id)
