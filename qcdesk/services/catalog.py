"""Client companies, teams and consultants."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qcdesk.db.models import Client, Consultant, Team
from qcdesk.domain.working_hours import WorkingHours, zone
from qcdesk.services.base import ServiceBase
from qcdesk.services.dto import ClientInfo, ClientSchedule, ConsultantInfo


def client_info(c: Client) -> ClientInfo:
    return ClientInfo(c.id, c.name, c.language, c.consultant_channel)


def consultant_info(c: Consultant) -> ConsultantInfo:
    return ConsultantInfo(c.id, c.client_id, c.name, c.team.name if c.team else None, c.extension)


def get_or_create_client(s: Session, name: str, language: str = "ru") -> Client:
    name = name.strip()
    client = s.scalar(select(Client).where(Client.name == name))
    if client is None:
        client = Client(name=name, language=language, consultant_channel="left")
        s.add(client)
        s.flush()
    return client


def get_or_create_consultant(
    s: Session, client_id: int, name: str, *, extension: str | None = None, team: str | None = None
) -> Consultant:
    name = name.strip()
    row = s.scalar(
        select(Consultant).where(Consultant.client_id == client_id, Consultant.name == name)
    )
    if row is None:
        row = Consultant(client_id=client_id, name=name, extension=extension)
        s.add(row)
    if team:
        team_row = s.scalar(select(Team).where(Team.client_id == client_id, Team.name == team))
        if team_row is None:
            team_row = Team(client_id=client_id, name=team)
            s.add(team_row)
        row.team = team_row
    if extension and not row.extension:
        row.extension = extension
    s.flush()
    return row


class CatalogService(ServiceBase):
    def list_clients(self) -> list[ClientInfo]:
        with self._session() as s:
            return [client_info(c) for c in s.scalars(select(Client).order_by(Client.name))]

    def list_consultants(self, client_id: int | None = None) -> list[ConsultantInfo]:
        with self._session() as s:
            q = select(Consultant).order_by(Consultant.name)
            if client_id is not None:
                q = q.where(Consultant.client_id == client_id)
            return [consultant_info(c) for c in s.scalars(q)]

    def ensure_client(self, name: str, language: str = "ru") -> ClientInfo:
        with self._session() as s:
            return client_info(get_or_create_client(s, name, language))

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
