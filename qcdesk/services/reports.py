"""Reports as a use case: find the person or company, load a period, build, render, brand.

Each report is one read-only unit of work (one session, a few indexed queries); building and
rendering happen on plain values afterwards, so the GUI can run them in a job.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace as with_fields
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from qcdesk.db.models import Client, Consultant, WorkspaceSetting
from qcdesk.domain.pii import mask_fields
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.reports import build
from qcdesk.reports.i18n import tr
from qcdesk.reports.model import CHANNELS, ConsultantReport, Period, TeamReport
from qcdesk.reports.output import check_folder, check_output
from qcdesk.services import report_query as query
from qcdesk.services.base import ServiceBase
from qcdesk.services.calllog_report import consultant_section, team_section
from qcdesk.services.catalog import client_info, consultant_info
from qcdesk.services.coaching import CoachingService
from qcdesk.services.coaching_report import coaching_section, team_focus
from qcdesk.services.dto import ClientInfo, ConsultantInfo

log = logging.getLogger(__name__)

Report = ConsultantReport | TeamReport


class NotFoundError(KnownError):
    """A name or id given for a report matches nobody, or more than one."""


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _safe(text: str) -> str:
    """A file-name part: letters, digits, '-', '_' kept; runs of anything else become '_'."""
    return re.sub(r"[^\w\-]+", "_", text, flags=re.UNICODE).strip("_") or "report"


def short_name(full: str) -> str:
    """``Ольга Иванова`` -> ``Иванова_О``; ``Иванова Ольга Петровна`` -> ``Иванова_О``.

    Two words are read as "first last" (how the demo and most CRMs store them); three as the
    Russian "surname first patronymic".
    """
    parts = full.split()
    if len(parts) == 2:
        return f"{parts[1]}_{parts[0][0]}"
    if len(parts) >= 3:
        return f"{parts[0]}_{parts[1][0]}"
    return full


R = TypeVar("R", ConsultantReport, TeamReport)


def _masked(report: R, masked: bool) -> R:
    """*report* with phone, card and passport numbers masked when the company asks for it.

    Every text is masked (quotes, comments, customer numbers); names are left as they are.
    """
    return mask_fields(report) if masked else report


class ReportService(ServiceBase):
    def __init__(
        self, factory: sessionmaker[Session], db_path: Path, library_dir: Path | None = None
    ) -> None:
        super().__init__(factory, db_path)
        self._library = library_dir
        self._coaching = CoachingService(factory, db_path)

    def check_outputs(self, paths: Sequence[Path], *, replace: bool = False) -> list[Path]:
        """Refuse before writing anything: the database, the library, a device, a name twice.

        Args:
            paths: every file one run will write (the PDF and the XLSX of ``qcdesk report``).
            replace: existing regular files may be replaced (``--force``, or the GUI's file
                dialog asked already).

        Raises:
            OutputRefusedError: naming the path and why; nothing has been written then.
        """
        checked: list[Path] = []
        for path in paths:
            checked.append(
                check_output(
                    Path(path),
                    database=self._db_path,
                    library=self._library,
                    others=checked,
                    replace=replace,
                )
            )
        return checked

    def resolve_consultant(self, name_or_id: str, client_id: int | None = None) -> ConsultantInfo:
        """A consultant by id or by name (exact, else a unique part of it, case-insensitive).

        Raises:
            NotFoundError: nobody matches, or several people do.
        """
        text = name_or_id.strip()
        with self._session() as s:
            q = select(Consultant)
            if client_id is not None:
                q = q.where(Consultant.client_id == client_id)
            people = list(s.scalars(q))
            if text.isdigit():
                hit = [c for c in people if c.id == int(text)]
            else:
                hit = [c for c in people if _norm(c.name) == _norm(text)]
                if not hit:
                    hit = [c for c in people if _norm(text) in _norm(c.name)]
            if not hit:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("KnownError", "There is no consultant called {name}."),
                    name=text,
                )
            if len(hit) > 1:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP(
                        "KnownError", "Several consultants match {name}: {matches}. Use the id."
                    ),
                    name=text,
                    matches=", ".join(f"{c.name} (id {c.id})" for c in hit),
                )
            return consultant_info(hit[0])

    def resolve_client(self, name_or_id: str) -> ClientInfo:
        """A client company by id or exact name (case-insensitive); NotFoundError otherwise."""
        text = name_or_id.strip()
        with self._session() as s:
            clients = list(s.scalars(select(Client)))
            hit = [
                c
                for c in clients
                if (text.isdigit() and c.id == int(text)) or _norm(c.name) == _norm(text)
            ]
            if not hit:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("KnownError", "There is no client company called {name}."),
                    name=text,
                )
            return client_info(hit[0])

    def consultant_report(self, consultant_id: int, period: Period) -> ConsultantReport:
        with self._session() as s:
            person = s.get(Consultant, consultant_id)
            if person is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("KnownError", "There is no consultant called {name}."),
                    name=str(consultant_id),
                )
            ds = query.load_dataset(s, person.client_id, period, previous_consultant=person.id)
            client = s.get_one(Client, person.client_id)
            masked = client.mask_personal_data
            timely = consultant_section(s, client, person.name, period.start, period.end)
        report = build.consultant_report(ds, consultant_id, period)
        report = self._with_coaching(with_fields(report, timely=timely), period)
        return _masked(report, masked)

    def _with_coaching(self, report: ConsultantReport, period: Period) -> ConsultantReport:
        """*report* with its "Coaching" section, when the person has a plan or a session."""
        section = coaching_section(
            self._coaching, report.consultant_id, report.client, period=period
        )
        return report if section.is_empty else with_fields(report, coaching=section)

    def team_report(self, client_id: int, period: Period) -> TeamReport:
        with self._session() as s:
            client = s.get(Client, client_id)
            if client is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("KnownError", "There is no client company called {name}."),
                    name=str(client_id),
                )
            ds = query.load_dataset(s, client_id, period)
            masked = client.mask_personal_data
            timely = team_section(s, client, period.start, period.end)
        report = with_fields(build.team_report(ds, period), timely=timely)
        focus = team_focus(self._coaching, client_id, ds.consultants)
        return _masked(with_fields(report, focus_progress=focus) if focus else report, masked)

    def write_pdf(
        self, report: Report, path: Path, lang: str = "ru", *, replace: bool = False
    ) -> Path:
        """Write the PDF; see ``check_outputs`` for the targets refused (OutputRefusedError)."""
        from qcdesk.reports.pdf import write_pdf

        (path,) = self.check_outputs([Path(path)], replace=replace)
        return write_pdf(report, path, lang)

    def write_plan_pdf(
        self, consultant_id: int, path: Path, lang: str = "ru", *, replace: bool = False
    ) -> Path:
        """The consultant's development plan on one page (OutputRefusedError as write_pdf)."""
        from qcdesk.reports.coaching_pdf import write_plan_pdf

        (path,) = self.check_outputs([Path(path)], replace=replace)
        with self._session() as s:
            person = s.get_one(Consultant, consultant_id)
            client = s.get_one(Client, person.client_id)
            name, masked = client.name, client.mask_personal_data
        section = coaching_section(self._coaching, consultant_id, name)
        return write_plan_pdf(mask_fields(section) if masked else section, path, lang)

    def write_xlsx(
        self, report: Report, path: Path, lang: str = "ru", *, replace: bool = False
    ) -> Path:
        """Write the XLSX; see ``check_outputs`` for the targets refused (OutputRefusedError)."""
        from qcdesk.reports.xlsx import write_xlsx

        (path,) = self.check_outputs([Path(path)], replace=replace)
        return write_xlsx(report, path, lang)

    def default_filename(self, report: Report, ext: str = "pdf", lang: str = "ru") -> str:
        """``Иванова_О_2026-10.pdf`` or ``ТехноДом_команда_2026-10.pdf``."""
        if isinstance(report, ConsultantReport):
            stem = f"{_safe(short_name(report.consultant))}_{report.period.slug()}"
        else:
            stem = f"{_safe(report.client)}_{tr(lang, 'team_word')}_{report.period.slug()}"
        return f"{stem}.{ext.lstrip('.')}"

    def write_all_individual(
        self,
        client_id: int,
        period: Period,
        folder: Path,
        lang: str = "ru",
        *,
        progress: Callable[[int, int, str], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
        replace: bool = True,
    ) -> list[Path]:
        """One PDF per consultant of the company who has anything in the period.

        The period is loaded once and every report is built from the same records; cancelling
        stops between two files and returns those already written. Each file is checked as
        ``check_outputs`` does; by default a report of the same name is replaced (the GUI asks
        first, see ``existing_individual``).
        """
        with self._session() as s:
            ds = query.load_dataset(s, client_id, period)
            masked = s.get_one(Client, client_id).mask_personal_data
        people = sorted(
            {e.consultant_id for e in build.in_period(ds.evals, period) if e.consultant_id}
            | {o.consultant_id for o in build.outcomes_in(ds.outcomes, period) if o.consultant_id},
            key=lambda p: ds.consultants.get(p, ""),
        )
        written: list[Path] = []
        folder = self.check_folder(Path(folder))
        for i, pid in enumerate(people):
            if is_cancelled is not None and is_cancelled():
                break
            name = ds.consultants.get(pid, str(pid))
            if progress is not None:
                progress(i, len(people), name)
            report = self._with_coaching(build.consultant_report(ds, pid, period), period)
            report = _masked(report, masked)
            target = folder / self.default_filename(report, "pdf", lang)
            written.append(self.write_pdf(report, target, lang, replace=replace))
        if progress is not None:
            progress(len(written), len(people), "")
        return written

    def check_folder(self, folder: Path) -> Path:
        """Refuse a batch folder inside the media library (OutputRefusedError naming it)."""
        return check_folder(Path(folder), library=self._library)

    def existing_individual(self, folder: Path, period: Period) -> list[Path]:
        """Files in *folder* that a batch of individual reports for *period* may replace."""
        try:
            return sorted(p for p in Path(folder).glob(f"*_{period.slug()}.pdf") if p.is_file())
        except OSError:
            return []

    def personal_data_masked(self, client_id: int) -> bool:
        """Whether this company's exports mask phone, card and passport numbers (default on)."""
        with self._session() as s:
            return bool(s.get_one(Client, client_id).mask_personal_data)

    def set_personal_data_masked(self, client_id: int, masked: bool) -> None:
        with self._session() as s:
            s.get_one(Client, client_id).mask_personal_data = bool(masked)

    def client_language(self, client_id: int) -> str:
        """The client company's language, the default language of its reports."""
        with self._session() as s:
            lang = s.get_one(Client, client_id).language
        return lang if lang in ("ru", "en") else "ru"

    def get_agency_name(self) -> str:
        with self._session() as s:
            return query.agency_name(s)

    def set_agency_name(self, name: str) -> None:
        with self._session() as s:
            row = s.get(WorkspaceSetting, query.AGENCY_KEY)
            if row is None:
                s.add(WorkspaceSetting(key=query.AGENCY_KEY, value=name.strip()))
            else:
                row.value = name.strip()

    def get_channel_weights(self, client_id: int) -> dict[str, float]:
        """The client's weight per channel (call, chat, visit); 1 each when never set."""
        with self._session() as s:
            stored = query.channel_weights(s.get_one(Client, client_id).channel_weights)
        if stored is None:
            return dict.fromkeys(CHANNELS, 1.0)
        return {c: stored.get(c, 0.0) for c in CHANNELS}

    def set_channel_weights(self, client_id: int, weights: Mapping[str, float]) -> None:
        """Weights of calls, chats and mystery shopping in the combined score of this client.

        Only the ratios matter; a channel left out weighs 0.

        Raises:
            ValueError: an unknown channel, a negative or non-finite weight, or all zero.
        """
        unknown = set(weights) - set(CHANNELS)
        if unknown:
            raise ValueError(f"unknown channels {sorted(unknown)} (use {CHANNELS})")
        clean = {c: float(weights.get(c, 0.0)) for c in CHANNELS}
        if any(not math.isfinite(w) or w < 0 for w in clean.values()):
            raise ValueError(f"channel weights must be finite and not negative: {clean}")
        if not any(clean.values()):
            raise ValueError("at least one channel needs a positive weight")
        with self._session() as s:
            s.get_one(Client, client_id).channel_weights = clean

    def set_client_branding(
        self,
        client_id: int,
        *,
        logo_path: str | None,
        kpi_score_target: float,
        kpi_conversion_target: float,
        kpi_max_critical: int,
        recurring_error_share: float,
    ) -> None:
        """KPI targets and logo of a client company; shares are 0..1, targets in percent."""
        if not 0 < recurring_error_share <= 1:
            raise ValueError(
                f"recurring_error_share must be in (0, 1], not {recurring_error_share}"
            )
        if kpi_max_critical < 0:
            raise ValueError("kpi_max_critical must not be negative")
        with self._session() as s:
            c = s.get_one(Client, client_id)
            c.logo_path = logo_path or None
            c.kpi_score_target = float(kpi_score_target)
            c.kpi_conversion_target = float(kpi_conversion_target)
            c.kpi_max_critical = int(kpi_max_critical)
            c.recurring_error_share = float(recurring_error_share)
