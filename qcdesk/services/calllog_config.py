"""A client company's call-log configuration: extensions, settings, presets, watch folder.

Kept apart from the import (`calllog.py`) so that each file stays readable; `CallLogService`
inherits these methods, so callers see one service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qcdesk.db.models import Call, CallLogPreset, Client, Consultant, ExtensionConsultant
from qcdesk.domain.calllog import tables
from qcdesk.domain.calllog.mapped import ColumnMapping
from qcdesk.domain.calllog.model import ParsedLog
from qcdesk.domain.calllog.presets import SHIPPED
from qcdesk.domain.calllog.profit import ProfitInputs
from qcdesk.domain.production_calendar import production_calendar
from qcdesk.domain.working_hours import DEFAULT_TIMEZONE, zone
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.base import ServiceBase
from qcdesk.services.calllog_report import CallSettings, call_settings
from qcdesk.services.catalog import get_or_create, get_or_create_client, get_or_create_consultant

Parser = Callable[[bytes, str], ParsedLog]


@dataclass(frozen=True)
class ExtensionRow:
    extension: str
    consultant: str


class CallLogConfig(ServiceBase):
    def settings(self, client: str) -> CallSettings:
        with self._session() as s:
            return call_settings(self._client(s, client))

    def set_settings(
        self,
        client: str,
        *,
        country: str | None = None,
        callback_minutes: float | None = None,
        profit: dict[str, Any] | None = None,
    ) -> CallSettings:
        """Change the country, the callback threshold or the lost-profit inputs (JSON form)."""
        with self._session() as s:
            c = get_or_create_client(s, client)
            if country is not None:
                production_calendar(country, [date.today().year])  # refuses an unknown one
                c.country = country.strip().upper()
            data = dict(c.call_service or {})
            if callback_minutes is not None:
                data["callback_minutes"] = float(callback_minutes)
            if profit is not None:
                data["profit"] = ProfitInputs.from_json(profit).to_json()
            c.call_service = data
            s.flush()
            return call_settings(c)

    def presets(self, client: str) -> list[str]:
        """The shipped presets, then the client's own, by name."""
        with self._session() as s:
            c = s.scalar(select(Client).where(Client.name == client.strip()))
            own = (
                []
                if c is None
                else list(
                    s.scalars(
                        select(CallLogPreset.name)
                        .where(CallLogPreset.client_id == c.id)
                        .order_by(CallLogPreset.name)
                    )
                )
            )
        return [*SHIPPED, *(n for n in own if n not in SHIPPED)]

    def save_preset(self, client: str, name: str, mapping: ColumnMapping) -> None:
        """Keep *mapping* under *name* for *client* (replacing one of that name)."""
        if name in SHIPPED:
            raise KnownError(
                QT_TRANSLATE_NOOP("KnownError", "{name} is a shipped preset; choose another name"),
                name=name,
            )
        with self._session() as s:
            c = get_or_create_client(s, client)
            row = get_or_create(
                s, CallLogPreset, {"client_id": c.id, "name": name.strip()}, {"mapping": {}}
            )
            row.mapping = mapping.to_json()

    def preset(self, client: str, name: str) -> ColumnMapping:
        """A shipped preset, or the client's own.

        Raises:
            KnownError: no preset of that name (the message lists the known ones).
        """
        if name in SHIPPED:
            return SHIPPED[name]
        with self._session() as s:
            row = s.scalar(
                select(CallLogPreset)
                .join(Client, Client.id == CallLogPreset.client_id)
                .where(Client.name == client.strip(), CallLogPreset.name == name.strip())
            )
            if row is not None:
                try:
                    return ColumnMapping.from_json(row.mapping)
                except (ValueError, TypeError, AttributeError):
                    pass  # a damaged stored preset: refused below like a missing one
        raise KnownError(
            QT_TRANSLATE_NOOP("KnownError", "There is no call-log preset {name} (known: {known})"),
            name=name,
            known=", ".join(self.presets(client)),
        )

    def mapped_parser(self, client: str, mapping: ColumnMapping) -> Parser:
        """A parser reading provider exports through *mapping* in the client's time zone."""
        with self._session() as s:
            c = s.scalar(select(Client).where(Client.name == client.strip()))
            tz = zone(c.timezone if c is not None and c.timezone else DEFAULT_TIMEZONE)
        return lambda data, path: tables.parse(data, path, mapping, tz)

    @staticmethod
    def _client(s: Session, name: str) -> Client:
        c = s.scalar(select(Client).where(Client.name == name.strip()))
        if c is None:
            raise KnownError(
                QT_TRANSLATE_NOOP("KnownError", "There is no client company called {name}."),
                name=name,
            )
        return c

    def set_extension(self, client: str, extension: str, consultant: str) -> None:
        """*extension* is *consultant*'s from now on; calls already imported follow."""
        with self._session() as s:
            c = get_or_create_client(s, client)
            who = get_or_create_consultant(s, c.id, consultant)
            row = get_or_create(
                s,
                ExtensionConsultant,
                {"client_id": c.id, "extension": extension.strip()},
                {"consultant_id": who.id},
            )
            row.consultant_id = who.id
            s.flush()
            resolve_consultants(s, c.id, overwrite=True)

    def set_watch_folder(self, client: str, folder: Path | None) -> None:
        """Where the PBX drops this company's recordings and logs (None: no folder)."""
        with self._session() as s:
            c = get_or_create_client(s, client)
            data = dict(c.call_service or {})
            if folder is None:
                data.pop("watch_folder", None)
            else:
                data["watch_folder"] = str(Path(folder).expanduser().resolve())
            c.call_service = data

    def watch_folders(self) -> dict[str, Path]:
        """Company name -> its watch folder, for every company that has one."""
        with self._session() as s:
            rows = s.execute(select(Client.name, Client.call_service)).all()
        return {
            name: Path(str(data["watch_folder"]))
            for name, data in rows
            if isinstance(data, dict) and data.get("watch_folder")
        }

    def remove_extension(self, client: str, extension: str) -> None:
        """Forget *extension*'s consultant; its calls keep no consultant from the table."""
        with self._session() as s:
            c = self._client(s, client)
            row = s.get(ExtensionConsultant, (c.id, extension.strip()))
            if row is not None:
                s.delete(row)
                s.flush()
                resolve_consultants(s, c.id, overwrite=True)

    def unmapped_extensions(self, client: str) -> list[str]:
        """Extensions the client's log has that no consultant is mapped to yet."""
        with self._session() as s:
            c = self._client(s, client)
            known = extension_map(s, c.id)
            seen = s.scalars(
                select(Call.extension)
                .where(Call.client_id == c.id, Call.extension.is_not(None))
                .distinct()
            )
            return sorted({e for e in seen if e and e not in known})

    def extensions(self, client: str) -> list[ExtensionRow]:
        with self._session() as s:
            c = get_or_create_client(s, client)
            rows = s.execute(
                select(ExtensionConsultant.extension, Consultant.name)
                .join(Consultant, Consultant.id == ExtensionConsultant.consultant_id)
                .where(ExtensionConsultant.client_id == c.id)
                .order_by(ExtensionConsultant.extension)
            ).all()
            return [ExtensionRow(e, n) for e, n in rows]


def extension_map(s: Session, client_id: int) -> dict[str, int]:
    """Extension -> consultant id: the edited table first, else the consultant's own field."""
    found = {
        ext: cid
        for ext, cid in s.execute(
            select(Consultant.extension, Consultant.id).where(
                Consultant.client_id == client_id, Consultant.extension.is_not(None)
            )
        ).all()
        if ext
    }
    found.update(
        s.execute(
            select(ExtensionConsultant.extension, ExtensionConsultant.consultant_id).where(
                ExtensionConsultant.client_id == client_id
            )
        ).all()
    )
    return found


def resolve_consultants(s: Session, client_id: int, *, overwrite: bool = False) -> None:
    """Give calls with an extension their consultant (*overwrite*: also those that had one)."""
    mapping = extension_map(s, client_id)
    query = select(Call).where(
        Call.client_id == client_id, Call.extension.is_not(None), Call.consultant_name.is_(None)
    )
    if not overwrite:
        query = query.where(Call.consultant_id.is_(None))
    for call in s.scalars(query):
        wanted = mapping.get(call.extension or "")
        if wanted is not None or overwrite:
            call.consultant_id = wanted
