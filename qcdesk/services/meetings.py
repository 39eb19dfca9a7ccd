"""The planning-meeting pack as a use case: gather the period, cut the clips, write the PDF.

One read-only unit of work loads the period (`report_query.load_dataset`, reviewed evaluations
only) and what coaching knows (plans, the previous meeting's actions); the clips are then cut
from the library's recordings, and the PDF names the clips that were really written. A
recording that cannot be read costs its clip only: the pack says which and why.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from qcdesk.audio.clips import ClipRange, Span, clip_range, cut_clips
from qcdesk.db.models import Client, Interaction, MediaFile
from qcdesk.domain.pii import mask_fields
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError, atomic_write
from qcdesk.reports.build import in_period
from qcdesk.reports.i18n import tr
from qcdesk.reports.meeting import (
    MeetingPack,
    PackExample,
    PersonFocus,
    PreviousAction,
    WeakCriterion,
    clip_name,
    kpi_changes,
    weakest_criteria,
)
from qcdesk.reports.model import Dataset, EvalRecord, Period
from qcdesk.reports.output import OutputRefusedError
from qcdesk.services import report_query as query
from qcdesk.services.base import ServiceBase
from qcdesk.services.coaching import CoachingService
from qcdesk.services.reports import ReportService, _safe

log = logging.getLogger(__name__)

CLIPS_DIR = "clips"
INDEX = "index.csv"
_OUR_CLIP = re.compile(r"^\d\d-\d\d_(fail|good)_.+\.mp3$")


@dataclass(frozen=True)
class PackResult:
    pdf: Path
    index: Path
    clips: tuple[Path, ...]
    skipped: tuple[str, ...]  # "interaction 17: <why>" for each example left without a clip


class MeetingService(ServiceBase):
    def __init__(
        self,
        factory: sessionmaker[Session],
        db_path: Path,
        library_dir: Path,
        coaching: CoachingService,
        reports: ReportService,
    ) -> None:
        super().__init__(factory, db_path)
        self._library = library_dir
        self._coaching = coaching
        self._reports = reports

    def pack(self, client_id: int, period: Period, *, today: date | None = None) -> MeetingPack:
        """The pack's figures, quotes and agenda (no clips yet: see `write_pack`)."""
        today = today or date.today()
        with self._session() as s:
            ds = query.load_dataset(s, client_id, period)
            masked = s.get_one(Client, client_id).mask_personal_data
        now = in_period(ds.evals, period)
        before = in_period(ds.evals, period.previous())
        end = datetime.combine(period.end + timedelta(days=1), time.min)
        meetings = self._coaching.sessions(client_id=client_id, formats=("meeting",), until=end)
        last = meetings[0] if meetings else None
        pack = MeetingPack(
            client=ds.client_name,
            agency=ds.agency,
            logo_path=ds.logo_path,
            period=period,
            previous_period=period.previous(),
            evaluations=len(now),
            kpis=kpi_changes(ds, now, before, period),
            weakest=weakest_criteria(ds, now),
            focus=self._focus(ds, now, end),
            previous_meeting=last.held_at if last else None,
            previous_actions=tuple(
                PreviousAction(a.text, a.owner, a.due_date, a.done, a.done_on, a.overdue(today))
                for a in (last.actions if last else ())
            ),
        )
        return mask_fields(pack) if masked else pack

    def _focus(self, ds: Dataset, now: list[EvalRecord], end: datetime) -> tuple[PersonFocus, ...]:
        """Each consultant evaluated in the period: the saved plan's focus, else a proposal."""
        people = sorted(
            {e.consultant_id for e in now if e.consultant_id},
            key=lambda p: ds.consultants.get(p, ""),
        )
        out = []
        for pid in people:
            name = ds.consultants.get(pid, str(pid))
            plan = self._coaching.current_plan(pid)
            if plan is not None:
                out.append(
                    PersonFocus(name, tuple(f.title for f in plan.focus), "plan", plan.version)
                )
                continue
            proposed = self._coaching.propose_plan(pid, as_of=end)
            titles = tuple(f.title for f in proposed.focus)
            out.append(PersonFocus(name, titles, "proposed" if titles else "none"))
        return tuple(out)

    # ------------------------------------------------------------------ files

    def pack_paths(self, client: str, period: Period, folder: Path, lang: str) -> tuple[Path, Path]:
        """The PDF and the clip index a pack for *period* writes in *folder*."""
        stem = f"{_safe(client)}_{tr(lang, 'meeting_word')}_{period.slug()}"
        return Path(folder) / f"{stem}.pdf", Path(folder) / CLIPS_DIR / INDEX

    def existing(self, folder: Path, pdf: Path, index: Path) -> list[Path]:
        """What a pack would replace in *folder*: its PDF, its index and clips of ours."""
        found = [p for p in (pdf, index) if p.exists()]
        clips = Path(folder) / CLIPS_DIR
        if clips.is_dir():
            found += sorted(p for p in clips.iterdir() if _OUR_CLIP.match(p.name))
        return found

    def write_pack(
        self,
        client_id: int,
        period: Period,
        folder: Path,
        lang: str = "ru",
        *,
        replace_existing: bool = False,
        today: date | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> PackResult:
        """Write the pack's PDF, its clips (``clips/*.mp3``) and their index into *folder*.

        Raises:
            OutputRefusedError: *folder* already holds a pack (without *replace_existing*), or
                a target is the database, inside the library, a device...; nothing is written.
        """
        folder = self._reports.check_folder(Path(folder))
        with self._session() as s:
            client = s.get_one(Client, client_id).name
        pdf, index = self.pack_paths(client, period, folder, lang)
        old = self.existing(folder, pdf, index)
        if old and not replace_existing:
            raise OutputRefusedError(
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "{path} already holds a planning-meeting pack ({count} files). Choose "
                    "another folder or replace it.",
                ),
                path=str(folder),
                count=len(old),
            )
        self._reports.check_outputs([pdf, index], replace=True)
        pack = self.pack(client_id, period, today=today)
        for p in old:
            if p.suffix == ".mp3":
                p.unlink()  # a clip of the old pack that this one may not write again
        pack, clips, skipped = self._clips(pack, folder / CLIPS_DIR, progress, is_cancelled)
        self._write_index(pack, index, lang)
        from qcdesk.reports.meeting_pdf import write_pack_pdf

        write_pack_pdf(pack, pdf, lang)
        return PackResult(pdf, index, tuple(clips), tuple(skipped))

    def write_plan_clips(
        self, consultant_id: int, folder: Path, *, replace_existing: bool = False
    ) -> tuple[list[Path], Path, list[str]]:
        """The current plan's examples as clips in *folder* (``01-02_fail_<criterion>_i7.mp3``,
        by focus criterion, then example) with ``index.csv``; (clips, index, skipped).

        Raises:
            OutputRefusedError: *folder* holds clips of ours already (without
                *replace_existing*), or is inside the library.
            CoachingError: the consultant has no saved plan.
        """
        from qcdesk.services.coaching import CoachingError

        plan = self._coaching.current_plan(consultant_id)
        if plan is None:
            raise CoachingError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "{name} has no development plan: there is nothing to measure."
                ),
                name=str(consultant_id),
            )
        folder = self._reports.check_folder(Path(folder))
        index = folder / INDEX
        old = [p for p in folder.iterdir() if _OUR_CLIP.match(p.name)] if folder.is_dir() else []
        old += [index] if index.exists() else []
        if old and not replace_existing:
            raise OutputRefusedError(
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "{path} already holds audio clips ({count} files). Choose another folder "
                    "or replace them.",
                ),
                path=str(folder),
                count=len(old),
            )
        for p in old:
            if p.suffix == ".mp3":
                p.unlink()
        order = {(f.channel, f.criterion_id): i for i, f in enumerate(plan.focus, start=1)}
        titles = {(f.channel, f.criterion_id): f.title for f in plan.focus}
        named = []
        for k, ex in enumerate(plan.examples, start=1):
            key = (ex.channel, ex.criterion_id)
            safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in ex.criterion_id)
            kind = "good" if ex.good else "fail"
            name = f"{order.get(key, 0):02d}-{k:02d}_{kind}_{safe}_i{ex.interaction_id}.mp3"
            named.append((ex, folder / name))
        wants = [(ex.interaction_id, ex.at, t) for ex, t in named if ex.at is not None]
        done, skipped = self.cut_clips(wants)
        from qcdesk.reports.cells import csv_row  # openpyxl: not at start-up

        template = QT_TRANSLATE_NOOP("KnownError", "Cannot write {path}: {detail}")
        with (
            atomic_write(index, template) as tmp,
            open(tmp, "w", newline="", encoding="utf-8-sig") as fh,
        ):
            out = csv.writer(fh)
            out.writerow(["file", "criterion", "kind", "date", "interaction", "start_s", "end_s",
                          "quote"])  # fmt: skip
            for ex, target in named:
                rng = done.get(target)
                if rng is None:
                    continue
                when = ex.when.isoformat(sep=" ", timespec="minutes") if ex.when else ""
                row = [target.name, titles.get((ex.channel, ex.criterion_id), ex.criterion_id),
                       "good" if ex.good else "fail", when, ex.interaction_id,
                       f"{rng.start:.2f}", f"{rng.end:.2f}", ex.quote]  # fmt: skip
                out.writerow(csv_row(row))
        return sorted(done), index, skipped

    def _media(self, interaction_ids: list[int]) -> dict[int, Path]:
        with self._session() as s:
            rows = s.execute(
                select(Interaction.id, MediaFile.path)
                .join(MediaFile, MediaFile.id == Interaction.media_id)
                .where(Interaction.id.in_(interaction_ids))
            )
            return {iid: self._library / path for iid, path in rows}

    def cut_clips(
        self,
        wants: list[tuple[int, float, Path]],
        progress: Callable[[int, int, str], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> tuple[dict[Path, ClipRange], list[str]]:
        """Cut (interaction, moment, target file) clips; each recording is decoded once.

        Returns the clips written with their ranges, and why each of the others was not (no
        recording, a number spoken at the moment, an unreadable recording).
        """
        ids = [iid for iid, _, _ in wants]
        with self._session() as s:
            segments = _segments_of(s, ids)
        media = self._media(ids)
        plans: dict[Path, list[tuple[ClipRange, Path]]] = {}
        skipped: list[str] = []
        for iid, at, target in wants:
            if iid not in media:
                continue  # a chat or a visit without a recording: the quote alone
            rng = clip_range(segments.get(iid, []), at)
            if rng is None:
                skipped.append(f"#{iid}: personal data at the quoted moment")
                continue
            plans.setdefault(media[iid], []).append((rng, target))
        done: dict[Path, ClipRange] = {}
        for i, (source, jobs) in enumerate(sorted(plans.items())):
            if progress is not None:
                progress(i, len(plans), source.name)
            try:
                written = cut_clips(source, jobs, is_cancelled=is_cancelled)
            except KnownError as err:
                log.warning("No clips from %s: %s", source, err)
                skipped += [f"{t.name}: {err}" for _, t in jobs]
                continue
            done.update({t: r for r, t in jobs if t in written})
        return done, skipped

    def _clips(
        self,
        pack: MeetingPack,
        folder: Path,
        progress: Callable[[int, int, str], None] | None,
        is_cancelled: Callable[[], bool] | None,
    ) -> tuple[MeetingPack, list[Path], list[str]]:
        """Cut a clip for each example with a recording moment; the pack gets their names."""
        wants = [
            (ex.interaction_id, ex.at, folder / clip_name(w, k, ex))
            for w in pack.weakest
            for k, ex in enumerate(w.examples, start=1)
            if ex.at is not None
        ]
        done, skipped = self.cut_clips(wants, progress, is_cancelled)

        def named(w: WeakCriterion, k: int, ex: PackExample) -> PackExample:
            target = folder / clip_name(w, k, ex)
            rng = done.get(target) if ex.at is not None else None
            if rng is None:
                return ex
            return replace(ex, clip=target.name, clip_start=rng.start, clip_end=rng.end)

        weakest = tuple(
            replace(w, examples=tuple(named(w, k, ex) for k, ex in enumerate(w.examples, 1)))
            for w in pack.weakest
        )
        written = sorted(done)
        return replace(pack, weakest=weakest), written, skipped

    def _write_index(self, pack: MeetingPack, index: Path, lang: str) -> None:
        """clips/index.csv: one line per clip, in agenda order (text cells never formulas)."""
        head = ["file", "item", "criterion", "kind", "date", "consultant", "interaction",
                "start_s", "end_s", "quote"]  # fmt: skip
        from qcdesk.reports.cells import csv_row  # openpyxl: not at start-up

        template = QT_TRANSLATE_NOOP("KnownError", "Cannot write {path}: {detail}")
        with (
            atomic_write(index, template) as tmp,
            open(tmp, "w", newline="", encoding="utf-8-sig") as fh,
        ):
            out = csv.writer(fh)
            out.writerow(head)
            for w, ex in pack.examples():
                if not ex.clip:
                    continue
                kind = tr(lang, "good_example" if ex.good else "failure")
                when = ex.when.isoformat(sep=" ", timespec="minutes")
                span = (f"{ex.clip_start or 0.0:.2f}", f"{ex.clip_end or 0.0:.2f}")
                row = [ex.clip, w.item, w.title, kind, when, ex.consultant, ex.interaction_id]
                out.writerow(csv_row([*row, *span, ex.quote]))


def _segments_of(s: Session, interaction_ids: list[int]) -> dict[int, list[Span]]:
    from qcdesk.db.models import Transcript, TranscriptSegment

    out: dict[int, list[Span]] = {}
    if not interaction_ids:
        return out
    rows = s.execute(
        select(Transcript.interaction_id, TranscriptSegment.start, TranscriptSegment.end,
               TranscriptSegment.text)
        .join(TranscriptSegment, TranscriptSegment.transcript_id == Transcript.id)
        .where(Transcript.interaction_id.in_(sorted(set(interaction_ids))))
        .order_by(Transcript.interaction_id, TranscriptSegment.idx)
    )  # fmt: skip
    for iid, start, end, text in rows:
        out.setdefault(iid, []).append(Span(start, end, text))
    return out
