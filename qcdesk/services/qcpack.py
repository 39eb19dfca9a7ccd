"""Calibration packs (``.qcpack``, issue 13 §5): a session's interactions as one file.

An agency exports a session: recordings, transcripts, the checklist version each interaction
is scored on, the reference answers and (once the results are open) each participant's
answers. The client's in-house team imports it: the interactions arrive under their company
with the references, ready to calibrate on; a pack that carries answers arrives as a closed
session, so its results compare at once. Customer references (phone numbers) stay out.

Importing checks everything before creating anything (``qcpack_files.read_pack``), then
needs every checklist version of the pack to exist here with the same content: a pack scored
on another checklist would compare different criteria.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qcdesk.db.models import (
    REFERENCE,
    CalibrationItem,
    ChecklistTemplateRow,
    ChecklistVersion,
    Evaluation,
    EvaluationAnswer,
    Interaction,
    MediaFile,
)
from qcdesk.domain.checklist import DIRECTIONS, ChecklistTemplate
from qcdesk.domain.transcript import Segment, TranscriptInfo
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.base import ServiceBase
from qcdesk.services.calibration import CalibrationService
from qcdesk.services.catalog import get_or_create_client, get_or_create_consultant
from qcdesk.services.importer import ImportOptions, ImportService
from qcdesk.services.interactions import InteractionService
from qcdesk.services.qcpack_files import PackError, bad_pack, read_pack, write_pack
from qcdesk.services.scoresheet import get_or_create_reviewer, store_score, unanswered
from qcdesk.services.template_versions import template_of


@dataclass(frozen=True)
class _Plan:
    kind: str
    consultant: str | None
    direction: str | None
    started_at: datetime | None
    media: Path | None
    transcript: TranscriptInfo | None
    template: ChecklistTemplate
    version_id: int
    reference: dict[str, str]


@dataclass(frozen=True)
class PackImport:
    interactions: tuple[int, ...]  # in the pack's order
    references: int
    session_id: int | None  # the closed session holding the pack's answers, if it had any


class PackService(ServiceBase):
    def __init__(  # type: ignore[no-untyped-def]
        self,
        factory,
        db_path: Path,
        calibration: CalibrationService,
        importer: ImportService,
        interactions: InteractionService,
        library_dir: Path,
    ) -> None:
        super().__init__(factory, db_path)
        self._library = library_dir
        self._calibration = calibration
        self._importer = importer
        self._interactions = interactions

    def export(self, session_id: int, out: Path, *, force: bool = False) -> Path:
        """Write the session as a pack to *out* (an existing file only with *force*)."""
        if (out.exists() or out.is_symlink()) and not force:
            raise KnownError(
                QT_TRANSLATE_NOOP(
                    "KnownError", "{path} already exists; choose another name or replace it."
                ),
                path=str(out),
            )
        info = self._calibration.info(session_id)
        answers = self._calibration.results(session_id) if info.results_open else None
        members: dict[str, Path | bytes] = {}
        items = []
        with self._session() as s:
            for item in info.items:
                it = s.get_one(Interaction, item.interaction_id)
                version = self._item_version(s, session_id, it.id)
                template_name = f"templates/{version.template.slug}-v{version.version}.json"
                members[template_name] = json.dumps(version.body, ensure_ascii=False).encode()
                entry: dict[str, Any] = {
                    "id": it.id,
                    "kind": it.kind,
                    "direction": it.direction,
                    "started_at": it.started_at.isoformat() if it.started_at else None,
                    "duration": it.duration,
                    "consultant": it.consultant.name if it.consultant else None,
                    "template": {
                        "slug": version.template.slug,
                        "version": version.version,
                        "file": template_name,
                    },  # fmt: skip
                    "reference": None,
                }
                if it.media is not None:
                    name = f"media/{it.media.sha256}{Path(it.media.path).suffix}"
                    members[name] = self._library / it.media.path
                    entry["media"] = name
                detail = self._interactions.get(it.id)
                if detail.transcript is not None:
                    name = f"transcripts/{it.id}.json"
                    members[name] = json.dumps(_transcript_json(detail.transcript),
                                               ensure_ascii=False).encode()  # fmt: skip
                    entry["transcript"] = name
                items.append(entry)
        if answers is not None:
            for entry in items:
                entry["reference"] = answers.references.get(entry["id"])
            by_person: dict[str, dict[str, Any]] = {}
            for row in answers.comparison.items:
                for person, values in row.answers.items():
                    if values:
                        by_person.setdefault(person, {})[str(row.interaction_id)] = values
            participants: dict[str, Any] = by_person
        else:
            participants = {}
        manifest = {
            "client": info.client,
            "title": info.title,
            "created": datetime.now().isoformat(timespec="seconds"),
            "items": items,
            "answers": participants,
        }
        write_pack(out, manifest, members)
        return out

    def import_pack(self, path: Path, client: str | None = None) -> PackImport:
        """Bring a pack's interactions (into *client*, default the pack's), references, answers.

        Everything is read and checked first; only a pack without a fault creates anything.

        Raises:
            PackError: the pack is unsafe, damaged or inconsistent (named); nothing created.
            KnownError: a checklist version of the pack is missing here or differs.
        """
        with tempfile.TemporaryDirectory(prefix="qcpack-") as tmp:
            folder = Path(tmp)
            manifest = read_pack(path, folder)
            items = _items(path, manifest)
            target = client or str(manifest.get("client") or "")
            if not target.strip():
                raise bad_pack(path, "no client company named")
            plans = [self._plan(path, folder, i) for i in items]
            answers = _participants(path, manifest, items, plans)
            ids = [self._interaction(target, plan) for plan in plans]
        references = 0
        with self._session() as s:
            lead = get_or_create_reviewer(s, "qcpack")
            for iid, plan in zip(ids, plans, strict=True):
                if plan.reference:
                    ev = Evaluation(
                        interaction_id=iid,
                        version_id=plan.version_id,
                        reviewer=lead,
                        status="reviewed",
                        purpose=REFERENCE,
                    )
                    ev.answers = [
                        EvaluationAnswer(criterion_id=k, value=v, comment="", evidence=[])
                        for k, v in plan.reference.items()
                    ]
                    s.add(ev)
                    s.flush()
                    store_score(ev, plan.template)
                    references += 1
        session_id = None
        if answers:
            title = str(manifest.get("title") or "")
            info = self._calibration.create(target, ids, list(answers), title + " (qcpack)")
            for person, per_item in answers.items():
                self._calibration.submit(info.id, person, {ids[n]: a for n, a in per_item.items()})
            self._calibration.close(info.id)
            session_id = info.id
        return PackImport(tuple(ids), references, session_id)

    # -- helpers -----------------------------------------------------------------------------

    def _item_version(self, s: Session, session_id: int, iid: int) -> ChecklistVersion:
        return s.get_one(CalibrationItem, (session_id, iid)).version

    def _plan(self, path: Path, folder: Path, item: dict[str, Any]) -> _Plan:
        """One interaction of the pack, read and checked; raises before anything is created."""
        t = item.get("template") or {}
        slug, number = str(t.get("slug")), t.get("version")
        body = _json_file(path, folder, t.get("file"))
        with self._session() as s:
            row = s.scalar(
                select(ChecklistVersion)
                .join(ChecklistTemplateRow)
                .where(ChecklistTemplateRow.slug == slug, ChecklistVersion.version == number)
            )
            if row is None or row.body != body:
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "The pack {path} is scored on checklist {slug} version {version}, which "
                        "this project lacks or holds with other content. Import that checklist "
                        "first.",
                    ),
                    path=str(path),
                    slug=slug,
                    version=str(number),
                )
            template = template_of(row)
            version_id = row.id
        reference = _answers_of(path, template, item.get("reference"), f"#{item['id']}")
        transcript = None
        if isinstance(item.get("transcript"), str):
            transcript = _transcript_info(path, _json_file(path, folder, item["transcript"]))
        media = item.get("media")
        try:
            started = datetime.fromisoformat(item["started_at"]) if item.get("started_at") else None
        except (TypeError, ValueError) as exc:
            raise bad_pack(path, f"#{item['id']}: bad start time") from exc
        return _Plan(
            kind=str(item.get("kind") or "chat"),
            consultant=str(item["consultant"]) if item.get("consultant") else None,
            direction=item.get("direction") if item.get("direction") in DIRECTIONS else None,
            started_at=started,
            media=folder / media if isinstance(media, str) else None,
            transcript=transcript,
            template=template,
            version_id=version_id,
            reference=reference,
        )

    def _interaction(self, client: str, plan: _Plan) -> int:
        iid = None
        if plan.media is not None:
            iid = self._importer.import_file(
                plan.media, ImportOptions(client, consultant=plan.consultant)
            )
            if iid is None:  # the recording is already here: calibrate on that interaction
                with self._session() as s:
                    iid = s.scalar(
                        select(Interaction.id)
                        .join(MediaFile, MediaFile.id == Interaction.media_id)
                        .where(MediaFile.sha256 == plan.media.name.split(".")[0])
                        .order_by(Interaction.id)
                    )
        with self._session() as s:
            c = get_or_create_client(s, client)
            if iid is None:
                it = Interaction(kind=plan.kind, client=c, status="new")
                s.add(it)
                s.flush()
            else:
                it = s.get_one(Interaction, iid)
            if plan.consultant:
                it.consultant = get_or_create_consultant(s, c.id, plan.consultant)
            it.started_at = plan.started_at or it.started_at
            it.direction = plan.direction or it.direction
            iid = it.id
        if plan.transcript is not None:
            self._interactions.save_transcript(iid, plan.transcript)
        return iid


def _items(path: Path, manifest: dict[str, Any]) -> list[dict[str, Any]]:
    items = manifest.get("items")
    if not isinstance(items, list) or not items:
        raise bad_pack(path, "the manifest lists no interactions")
    for i in items:
        if not isinstance(i, dict) or not isinstance(i.get("id"), int):
            raise bad_pack(path, "an interaction of the manifest has no id")
    return items


def _participants(
    path: Path, manifest: dict[str, Any], items: list[dict[str, Any]], plans: list[_Plan]
) -> dict[str, dict[int, dict[str, str]]]:
    """The pack's answers: person -> item position -> complete, checked answers."""
    raw = manifest.get("answers") or {}
    if not isinstance(raw, dict):
        raise bad_pack(path, "the answers are not an object")
    position = {str(i["id"]): n for n, i in enumerate(items)}
    out: dict[str, dict[int, dict[str, str]]] = {}
    for person, per_item in raw.items():
        if not isinstance(per_item, dict) or set(map(str, per_item)) != set(position):
            raise bad_pack(path, f"{person} did not answer every interaction of the pack")
        mine = {}
        for key, answers in per_item.items():
            n = position[str(key)]
            where = f"{person}, #{key}"
            mine[n] = _answers_of(path, plans[n].template, answers, where)
            if unanswered(plans[n].template, mine[n]):  # type: ignore[arg-type]
                raise bad_pack(path, f"{where}: criteria are unanswered")
        out[str(person)] = mine
    if len(out) == 1 and not all(p.reference for p in plans):
        raise bad_pack(path, "one participant's answers without references compare to nothing")
    return out


def _json_file(path: Path, folder: Path, name: Any) -> Any:
    if not isinstance(name, str) or not (folder / name).is_file():
        raise bad_pack(path, f"{name!r} is not a file of the pack")
    try:
        return json.loads((folder / name).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise bad_pack(path, f"{name} is not JSON ({exc})") from exc


def _transcript_json(t: TranscriptInfo) -> dict[str, Any]:
    return {
        "language": t.language,
        "segments": [
            {"speaker": s.speaker, "start": s.start, "end": s.end, "text": s.text}
            for s in t.segments
        ],
    }


def _transcript_info(path: Path, data: Any) -> TranscriptInfo:
    """A transcript of the pack; a segment that is not one is refused, never skipped."""
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise bad_pack(path, "a transcript has no segments")
    segments = []
    for n, s in enumerate(data["segments"]):
        try:
            start, end = float(s["start"]), float(s["end"])
            if not (0 <= start <= end < 1e7):
                raise ValueError("times out of range")
            segments.append(Segment(str(s["speaker"]), start, end, str(s["text"])))
        except (TypeError, KeyError, ValueError) as exc:
            raise bad_pack(path, f"transcript segment {n} is not readable ({exc})") from exc
    return TranscriptInfo(str(data.get("language", "ru"))[:8], "import", tuple(segments))


def _answers_of(path: Path, template: ChecklistTemplate, raw: Any, where: str) -> dict[str, str]:
    """Answers (criterion -> value) checked against *template*; None or {} gives {}."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise bad_pack(path, f"{where}: the answers are not an object")
    out = {}
    for cid, value in raw.items():
        if value is None:
            continue
        try:
            ok = str(value) in template.criterion(str(cid)).values
        except KeyError:
            ok = False
        if not ok:
            raise bad_pack(path, f"{where}: {value!r} is not an answer to {cid}")
        out[str(cid)] = str(value)
    return out


__all__ = ["PackError", "PackImport", "PackService"]
