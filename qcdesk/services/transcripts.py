"""A reviewer's corrections to a stored transcript: text, speaker, swapped roles (Qt-free).

Each correction is one short unit of work and marks the segments it changed ``edited``, so a
later transcription of the same call asks before it replaces them (`count_edited`, and
`TranscriptionService.transcribe(overwrite_edits=...)`). Segments are addressed by their
position in `TranscriptInfo.segments`, which is their stored ``idx`` (start-time order).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qcdesk.db.models import Transcript, TranscriptSegment
from qcdesk.domain.pii import mask_segments
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.base import ServiceBase, get_interaction
from qcdesk.services.dto import Segment, TranscriptInfo, Word
from qcdesk.services.interactions import transcript_info
from qcdesk.services.transcript_export import TranscriptExport
from qcdesk.services.transcript_export import write as write_export

SPLIT_WARNING_BELOW = 0.5
"""A mono transcript whose split confidence is below this shows "speakers may be mixed up".
The pipeline scales each of its criteria so that its own threshold maps to 0.5."""

SPEAKERS = ("consultant", "client", "A", "B")
_OTHER = {"consultant": "client", "client": "consultant", "A": "B", "B": "A"}
_PUNCT = re.compile(r"[^\w]+", re.UNICODE)


class EditedTranscriptError(KnownError):
    """Transcribing again would replace a reviewer's corrections, and that was not allowed."""


@dataclass(frozen=True)
class SwapOutcome:
    """What changed when the roles were swapped."""

    transcript: TranscriptInfo | None
    consultant_channel: str | None  # the stereo channel now holding the consultant; None: mono


def split_uncertain(transcript: TranscriptInfo | None) -> bool:
    """Whether the workspace should warn that the speakers of *transcript* may be mixed up.

    A transcript whose voices are still "A"/"B" warns too: until the reviewer says which
    is the consultant, auto-prefill has nothing to judge.
    """
    if transcript is None:
        return False
    if roles_unknown(transcript):
        return True
    return (
        transcript.split_confidence is not None
        and transcript.split_confidence < SPLIT_WARNING_BELOW
    )


def roles_unknown(transcript: TranscriptInfo | None) -> bool:
    """Whether *transcript* still has neutral "A"/"B" voices (no consultant in it)."""
    return transcript is not None and any(seg.speaker in ("A", "B") for seg in transcript.segments)


def count_edited(s: Session, interaction_id: int) -> int:
    """How many segments of the interaction's transcript a reviewer corrected."""
    q = (
        select(func.count())
        .select_from(TranscriptSegment)
        .join(Transcript, Transcript.id == TranscriptSegment.transcript_id)
        .where(Transcript.interaction_id == interaction_id, TranscriptSegment.edited.is_(True))
    )
    return int(s.scalar(q) or 0)


def _norm(token: str) -> str:
    return _PUNCT.sub("", token.lower().replace("ё", "е"))


def _spread(tokens: Sequence[str], start: float, end: float) -> list[Word]:
    """*tokens* laid over [start, end] in proportion to their length (no probability)."""
    end = max(start, end)
    weights = [len(t) + 1 for t in tokens]
    total, acc, out = sum(weights), 0, []
    for token, w in zip(tokens, weights, strict=True):
        a = start + (end - start) * acc / total
        acc += w
        b = start + (end - start) * acc / total
        out.append(Word(token, round(a, 3), round(b, 3), None))
    return out


def realign_words(old: Sequence[Word], start: float, end: float, text: str) -> tuple[Word, ...]:
    """Word timings for an edited *text*, keeping those of the words that did not change.

    The old and new words are aligned (case and punctuation ignored); an unchanged word keeps
    its time and probability, so click-to-seek stays exact around a corrected word. Changed
    or inserted words share the time of the words they replace, or the pause they fill, in
    proportion to their length, and have no probability (the reviewer typed them, so they
    are not shown faint). A segment that had no word timings (imported text) gets none.
    """
    tokens = text.split()
    if not old or not tokens:
        return ()
    matcher = difflib.SequenceMatcher(
        a=[_norm(w.w) for w in old], b=[_norm(t) for t in tokens], autojunk=False
    )
    out: list[Word] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [
                Word(tokens[j], w.start, w.end, w.p)
                for j, w in zip(range(j1, j2), old[i1:i2], strict=True)
            ]
        elif op == "replace":
            out += _spread(tokens[j1:j2], old[i1].start, old[i2 - 1].end)
        elif op == "insert":
            a = old[i1 - 1].end if i1 > 0 else start
            b = old[i1].start if i1 < len(old) else end
            out += _spread(tokens[j1:j2], a, max(a, b))
    return tuple(out)


def split_word(text: str, cursor: int) -> int:
    """How many words of *text* go into the first half when it is cut at *cursor*.

    A cursor inside a word keeps that word in the first half.
    """
    return len(text[: max(0, cursor)].split())


def _clean_text(text: str) -> str:
    """One line with single spaces: a segment is a line of the transcript."""
    return " ".join(text.split())


class TranscriptEditService(ServiceBase):
    """Saves a reviewer's corrections to transcripts, each in its own unit of work."""

    def edit_segment_text(self, interaction_id: int, index: int, text: str) -> Segment:
        """Replace the text of segment *index*; returns the segment as stored.

        Raises:
            KnownError: the text is empty, or the segment no longer exists.
        """
        clean = _clean_text(text)
        if not clean:
            raise KnownError(
                QT_TRANSLATE_NOOP("KnownError", "A transcript segment cannot be left empty.")
            )
        with self._session() as s:
            row = self._segment(s, interaction_id, index)
            if clean != row.text:
                old = [Word(w["w"], w["start"], w["end"], w.get("p")) for w in row.words or ()]
                words = realign_words(old, row.start, row.end, clean)
                row.text = clean
                row.words = [
                    {"w": w.w, "start": w.start, "end": w.end, "p": w.p} for w in words
                ] or None
                row.edited = True
            return _segment(row)

    def set_segment_speaker(self, interaction_id: int, index: int, speaker: str) -> Segment:
        """Give segment *index* to *speaker* ("consultant" or "client"); returns it as stored."""
        if speaker not in SPEAKERS:
            raise ValueError(f"unknown speaker {speaker!r}")
        with self._session() as s:
            row = self._segment(s, interaction_id, index)
            if row.speaker != speaker:
                row.speaker = speaker
                row.edited = True
            return _segment(row)

    def swap_roles(self, interaction_id: int) -> SwapOutcome:
        """Swap consultant and client on every segment, and on a stereo recording's channels.

        On a stereo call the channel mapping is the source of the roles, so it flips too and a
        later transcription comes out the same way. On a mono call the split counts as checked
        (confidence 1.0: the reviewer decided, the warning has done its job). Either way the
        segments are not marked "corrected": their words and times are the machine's as before,
        and marking every one would make the "replace corrections?" question meaningless.
        """
        with self._session() as s:
            it = get_interaction(s, interaction_id)
            channel = None
            stereo = it.media is not None and it.media.channels == 2
            if it.media is not None and stereo:
                channel = "right" if it.media.consultant_channel == "left" else "left"
                it.media.consultant_channel = channel
            t = self._transcript(s, interaction_id)
            if t is None:
                return SwapOutcome(None, channel)
            for row in t.segments:
                new = _OTHER.get(row.speaker, row.speaker)
                if new != row.speaker:
                    row.speaker = new
            if not stereo and t.split_confidence is not None:
                t.split_confidence = 1.0
            s.flush()
            return SwapOutcome(transcript_info(t), channel)

    def confirm_roles(self, interaction_id: int) -> TranscriptInfo | None:
        """The reviewer checked a doubtful mono split and it is right: stop warning about it.

        Raises:
            KnownError: the voices are still "A"/"B": which one is the consultant must be
                said first (`set_consultant_speaker`), or auto-prefill could never run.
        """
        with self._session() as s:
            t = self._transcript(s, interaction_id)
            if t is None:
                return None
            if any(row.speaker in ("A", "B") for row in t.segments):
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "Say which speaker is the consultant: the transcript of interaction "
                        "{id} does not know it yet.",
                    ),
                    id=interaction_id,
                )
            if t.split_confidence is not None:
                t.split_confidence = 1.0
            return transcript_info(t)

    def set_consultant_speaker(self, interaction_id: int, speaker: str) -> TranscriptInfo | None:
        """Voice *speaker* ("A" or "B") is the consultant, the other the client.

        Like a swap, this settles the split (confidence 1.0) without marking segments
        corrected; auto-prefill can run afterwards, since the transcript now has a consultant.
        """
        if speaker not in ("A", "B"):
            raise ValueError(f"not a neutral speaker label: {speaker!r}")
        roles = {speaker: "consultant", _OTHER[speaker]: "client"}
        with self._session() as s:
            t = self._transcript(s, interaction_id)
            if t is None:
                return None
            for row in t.segments:
                row.speaker = roles.get(row.speaker, row.speaker)
            if t.split_confidence is not None:
                t.split_confidence = 1.0
            s.flush()
            return transcript_info(t)

    def merge_with_next(self, interaction_id: int, index: int) -> TranscriptInfo:
        """Join segment *index* and the one after it (the first one's speaker is kept).

        Every word keeps its time; the segments after them move up by one. The joined
        segment counts as corrected.

        Raises:
            KnownError: *index* is the last segment, or the transcript changed meanwhile.
        """
        with self._session() as s:
            first = self._segment(s, interaction_id, index)
            second = self._segment(s, interaction_id, index + 1)
            first.text = _clean_text(f"{first.text} {second.text}")
            words = list(first.words or ()) + list(second.words or ())
            first.words = words or None
            first.start = min(first.start, second.start)
            first.end = max(first.end, second.end)
            first.edited = True
            t = s.get_one(Transcript, first.transcript_id)
            t.segments.remove(second)
            s.flush()
            self._renumber(s, t)
            return transcript_info(t)

    def split_segment(self, interaction_id: int, index: int, words: int) -> TranscriptInfo:
        """Cut segment *index* after its first *words* words into two of the same speaker.

        With word timings each word keeps its time and the second half starts at its first
        word; without them the time is shared in proportion to the length of the text. Both
        halves count as corrected. `split_word` turns a cursor position into *words*.

        Raises:
            KnownError: the cut leaves a half empty, or the transcript changed meanwhile.
        """
        with self._session() as s:
            row = self._segment(s, interaction_id, index)
            tokens = row.text.split()
            if not 0 < words < len(tokens):
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "KnownError",
                        "A segment is split between two of its words: put the cursor between them.",
                    )
                )
            head, tail = " ".join(tokens[:words]), " ".join(tokens[words:])
            stored = list(row.words or ())
            if len(stored) == len(tokens):
                first_words, second_words = stored[:words], stored[words:]
                cut_end = float(first_words[-1]["end"])
                cut_start = float(second_words[0]["start"])
            else:  # no (or stale) word timings: by the length of the text
                first_words, second_words = [], []
                cut_end = cut_start = row.start + (row.end - row.start) * (len(head) + 1) / max(
                    1, len(row.text) + 1
                )
            t = s.get_one(Transcript, row.transcript_id)
            new = TranscriptSegment(
                idx=-1,
                speaker=row.speaker,
                start=max(row.start, cut_start),
                end=row.end,
                text=tail,
                words=second_words or None,
                edited=True,
            )
            row.text, row.words, row.edited = head, first_words or None, True
            row.end = max(row.start, min(row.end, cut_end))
            t.segments.insert(t.segments.index(row) + 1, new)
            self._renumber(s, t)
            return transcript_info(t)

    def export(
        self, interaction_id: int, path: Path, *, lang: str = "ru", force: bool = False
    ) -> Path:
        """Write the interaction's transcript to *path*: TXT, SRT, VTT or qcdesk JSON by its
        extension, with the interaction's metadata; an existing file only with *force*.

        Raises:
            KnownError: no transcript, an unknown extension, an existing file, a write error.
        """
        with self._session() as s:
            it = get_interaction(s, interaction_id)
            t = self._transcript(s, interaction_id)
            if t is None or not t.segments:
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "KnownError", "Interaction {id} has no transcript to export."
                    ),
                    id=interaction_id,
                )
            data = TranscriptExport(
                interaction_id=it.id,
                channel=it.kind,
                direction=it.direction,
                started_at=it.started_at,
                duration=it.duration,
                company=it.client.name,
                consultant=it.consultant.name if it.consultant else None,
                transcript=transcript_info(t),
            )
            if it.client.mask_personal_data:  # the company's setting, as for its reports
                info = data.transcript
                info = dataclasses.replace(info, segments=mask_segments(info.segments))
                data = dataclasses.replace(data, transcript=info)
        return write_export(data, path, lang=lang, force=force)

    @staticmethod
    def _renumber(s: Session, t: Transcript) -> None:
        """Give the segments of *t* the positions 0.. of its list, without a moment in which
        two share one (idx is unique per transcript): first out of the way, then in place."""
        for i, seg in enumerate(t.segments):
            seg.idx = -(i + 1) - len(t.segments)
        s.flush()
        for i, seg in enumerate(t.segments):
            seg.idx = i
        s.flush()

    def edited_count(self, interaction_id: int) -> int:
        with self._session() as s:
            return count_edited(s, interaction_id)

    def has_edits(self, interaction_id: int) -> bool:
        return self.edited_count(interaction_id) > 0

    def edited_counts(self, interaction_ids: Iterable[int]) -> dict[int, int]:
        """Edited segment counts of those of *interaction_ids* that have any, in one query."""
        ids = list(dict.fromkeys(interaction_ids))
        if not ids:
            return {}
        q = (
            select(Transcript.interaction_id, func.count())
            .join(TranscriptSegment, TranscriptSegment.transcript_id == Transcript.id)
            .where(Transcript.interaction_id.in_(ids), TranscriptSegment.edited.is_(True))
            .group_by(Transcript.interaction_id)
        )
        with self._session() as s:
            return {int(i): int(n) for i, n in s.execute(q)}

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _transcript(s: Session, interaction_id: int) -> Transcript | None:
        return s.scalar(select(Transcript).where(Transcript.interaction_id == interaction_id))

    def _segment(self, s: Session, interaction_id: int, index: int) -> TranscriptSegment:
        row = s.scalar(
            select(TranscriptSegment)
            .join(Transcript, Transcript.id == TranscriptSegment.transcript_id)
            .where(Transcript.interaction_id == interaction_id, TranscriptSegment.idx == index)
        )
        if row is None:
            raise KnownError(
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "The transcript of interaction {id} has changed meanwhile; reopen it "
                    "and make the correction again.",
                ),
                id=interaction_id,
            )
        return row


def _segment(row: TranscriptSegment) -> Segment:
    return Segment(
        speaker=row.speaker,
        start=row.start,
        end=row.end,
        text=row.text,
        words=tuple(Word(w["w"], w["start"], w["end"], w.get("p")) for w in row.words or ()),
        edited=bool(row.edited),
    )
