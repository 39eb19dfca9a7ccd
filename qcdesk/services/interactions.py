"""Listing, opening and annotating interactions (calls, chats, visits)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Select, delete, or_, select
from sqlalchemy.orm import Session

from qcdesk.audio.peaks import load_peaks
from qcdesk.db.models import (
    Client,
    Consultant,
    Interaction,
    MediaFile,
    Transcript,
    TranscriptSegment,
)
from qcdesk.domain import language as lang
from qcdesk.domain.filename import normalize_phone
from qcdesk.domain.textfold import like_pattern, phone_patterns
from qcdesk.services.base import ServiceBase, get_interaction
from qcdesk.services.dto import (
    InteractionDetail,
    InteractionFilter,
    InteractionRow,
    MediaInfo,
    Segment,
    TranscriptInfo,
    Word,
)

_ROW_COLUMNS = (
    Interaction.id,
    Interaction.kind,
    Interaction.direction,
    Interaction.client_id,
    Client.name,
    Interaction.consultant_id,
    Consultant.name,
    Interaction.started_at,
    Interaction.duration,
    Interaction.customer_ref,
    Interaction.status,
    Interaction.score,
    Interaction.critical_failed,
    Interaction.stage_reached,
    Interaction.goal_achieved,
    Interaction.review_incomplete,
    Interaction.language,
    Client.language,
    Transcript.language,
    Transcript.id,
)


def _row_query() -> Select:  # type: ignore[type-arg]
    return (
        select(*_ROW_COLUMNS)
        .join(Client, Client.id == Interaction.client_id)
        .outerjoin(Consultant, Consultant.id == Interaction.consultant_id)
        .outerjoin(Transcript, Transcript.interaction_id == Interaction.id)
    )


def _apply_filter(q: Select, f: InteractionFilter) -> Select:  # type: ignore[type-arg]
    if f.client_id is not None:
        q = q.where(Interaction.client_id == f.client_id)
    if f.consultant_id is not None:
        q = q.where(Interaction.consultant_id == f.consultant_id)
    if f.date_from is not None:
        q = q.where(Interaction.started_at >= datetime.combine(f.date_from, time.min))
    if f.date_to is not None:
        q = q.where(
            Interaction.started_at < datetime.combine(f.date_to + timedelta(days=1), time.min)
        )
    if f.kind:
        q = q.where(Interaction.kind == f.kind)
    if f.status:
        q = q.where(Interaction.status == f.status)
    if f.score_min is not None:
        q = q.where(Interaction.score >= f.score_min)
    if f.score_max is not None:
        q = q.where(Interaction.score <= f.score_max)
    if f.goal_achieved is not None:
        q = q.where(Interaction.goal_achieved.is_(f.goal_achieved))
    if f.stage_reached:
        q = q.where(Interaction.stage_reached == f.stage_reached)
    if f.transcribed is not None:
        q = q.where(Transcript.id.is_not(None) if f.transcribed else Transcript.id.is_(None))
    text = f.text.strip()
    if text:
        # Folded columns, not ilike: SQLite folds ASCII only (see domain.textfold).
        like = like_pattern(text)
        q = q.where(
            or_(
                Interaction.customer_folded.like(like, escape="\\"),
                Consultant.name_folded.like(like, escape="\\"),
                *(Interaction.customer_folded.like(p) for p in phone_patterns(text)),
            )
        )
    return q


def _row(v: tuple[Any, ...]) -> InteractionRow:
    setting = lang.effective_setting(v[16], v[17])
    return InteractionRow(
        id=v[0],
        kind=v[1],
        direction=v[2],
        client_id=v[3],
        client=v[4],
        consultant_id=v[5],
        consultant=v[6],
        started_at=v[7],
        duration=v[8],
        customer_ref=normalize_phone(v[9]),
        status=v[10],
        score=v[11],
        critical_failed=bool(v[12]),
        stage_reached=v[13],
        goal_achieved=v[14],
        review_incomplete=bool(v[15]),
        language=lang.known(setting, v[18]),
        language_setting=setting,
        transcribed=v[19] is not None,
    )


def media_info(m: MediaFile, library_dir: Path) -> MediaInfo:
    return MediaInfo(
        id=m.id,
        path=str(library_dir / m.path),
        sha256=m.sha256,
        channels=m.channels,
        sample_rate=m.sample_rate,
        duration=m.duration,
        consultant_channel=m.consultant_channel,
    )


def transcript_info(t: Transcript) -> TranscriptInfo:
    segs = tuple(
        Segment(
            speaker=s.speaker,
            start=s.start,
            end=s.end,
            text=s.text,
            words=tuple(Word(w["w"], w["start"], w["end"], w.get("p")) for w in (s.words or ())),
            edited=bool(s.edited),
        )
        for s in t.segments
    )
    return TranscriptInfo(
        language=t.language,
        source=t.source,
        segments=segs,
        split_confidence=t.split_confidence,
    )


def store_transcript(s: Session, interaction_id: int, transcript: TranscriptInfo) -> None:
    """Replace the interaction's transcript with *transcript* (one per interaction)."""
    s.execute(delete(Transcript).where(Transcript.interaction_id == interaction_id))
    t = Transcript(
        interaction_id=interaction_id,
        language=transcript.language,
        source=transcript.source,
        split_confidence=transcript.split_confidence,
    )
    for i, seg in enumerate(sorted(transcript.segments, key=lambda x: (x.start, x.end))):
        words = [{"w": w.w, "start": w.start, "end": w.end, "p": w.p} for w in seg.words] or None
        t.segments.append(
            TranscriptSegment(
                idx=i,
                speaker=seg.speaker,
                start=seg.start,
                end=seg.end,
                text=seg.text,
                words=words,
                edited=seg.edited,
            )
        )
    s.add(t)


class InteractionService(ServiceBase):
    def __init__(self, factory, db_path: Path, library_dir: Path) -> None:  # type: ignore[no-untyped-def]
        super().__init__(factory, db_path)
        self._library = library_dir

    def query(self, f: InteractionFilter | None = None) -> list[InteractionRow]:
        q = _apply_filter(_row_query(), f or InteractionFilter())
        q = q.order_by(Interaction.started_at.desc(), Interaction.id.desc())
        with self._session() as s:
            return [_row(tuple(r)) for r in s.execute(q)]

    def row(self, interaction_id: int) -> InteractionRow:
        with self._session() as s:
            return _row(
                tuple(s.execute(_row_query().where(Interaction.id == interaction_id)).one())
            )

    def get(self, interaction_id: int) -> InteractionDetail:
        with self._session() as s:
            it = s.get_one(Interaction, interaction_id)
            row = _row(tuple(s.execute(_row_query().where(Interaction.id == interaction_id)).one()))
            t = s.scalar(select(Transcript).where(Transcript.interaction_id == interaction_id))
            return InteractionDetail(
                row=row,
                media=media_info(it.media, self._library) if it.media else None,
                transcript=transcript_info(t) if t else None,
                deal_amount=it.deal_amount,
            )

    def save_transcript(self, interaction_id: int, transcript: TranscriptInfo) -> None:
        with self._session() as s:
            store_transcript(s, interaction_id, transcript)

    def set_language(self, interaction_id: int, language: str | None) -> InteractionRow:
        """This interaction's own language ("auto", "ru", "en"); None follows its company.

        The next transcription uses it, and a new evaluation takes the checklist in it.
        """
        lang.check_setting(language, allow_none=True)
        with self._session() as s:
            get_interaction(s, interaction_id).language = language
        return self.row(interaction_id)

    def peaks(self, media: MediaInfo, buckets: int = 4000) -> np.ndarray:
        """Min/max waveform peaks, computed once per file and cached by content hash."""
        return load_peaks(media.path, media.sha256, self._library / ".peaks", buckets)

    def set_consultant_channel(self, interaction_id: int, channel: str) -> MediaInfo:
        """Remember which stereo channel carries the consultant for this recording."""
        if channel not in ("left", "right"):
            raise ValueError(channel)
        with self._session() as s:
            it = s.get_one(Interaction, interaction_id)
            if it.media is None:
                raise ValueError(f"interaction {interaction_id} has no media")
            it.media.consultant_channel = channel
            return media_info(it.media, self._library)
