"""Speaker roles: merge per-channel transcripts, and tell the consultant from the opening.

Stereo calls are transcribed channel by channel and merged by time here; mono calls are split
into "A"/"B" by `qcdesk.audio.diarize`, and the consultant is the one who opens like one:
a greeting, the company, their own name, "how can I help". The guess comes with a confidence
so the workspace can offer a one-click swap. This module must stay Qt-free.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from qcdesk.domain.transcript import Segment

OPENING_S = 20.0  # only the start of each speaker's talk is an opening
OPENING_SEGMENTS = 2
CLEAR_LEAD = 1.5  # points of lead at which the guess counts as sure (confidence 0.5)

# (pattern, weight): phrases a consultant says when answering or placing a sales call.
_CUES: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(p, re.IGNORECASE), w)
    for p, w in (
        (r"вас приветствует", 3.0),
        (r"чем (?:я )?могу (?:вам )?помочь", 3.0),
        (r"слушаю вас", 2.5),
        (r"меня зовут", 2.0),
        (r"\b(?:компани[яиюей]|магазин\w*|салон\w*)\b", 2.0),
        (r"здравствуйте", 1.0),
        (r"добр(?:ый|ое|ого) (?:день|утро|вечер|дня|утра|вечера)", 1.0),
        (r"thank you for calling|thanks for calling", 3.0),
        (r"how (?:can|may) i help", 3.0),
        (r"my name is", 2.0),
        (r"\b(?:company|store|shop)\b", 1.5),
        (r"\b(?:hello|good (?:morning|afternoon|evening))\b", 1.0),
    )
)


def merge_channel_transcripts(
    parts: Sequence[tuple[str, Sequence[Segment]]],
) -> tuple[Segment, ...]:
    """One transcript from one (role, segments) pair per channel, ordered by start then end.

    Each segment takes its channel's role; overlapping speech is kept as two segments, and the
    sort is stable, so equal times keep the channel order.
    """
    merged = [replace(seg, speaker=role) for role, segs in parts for seg in segs]
    merged.sort(key=lambda s: (s.start, s.end))
    return tuple(merged)


KNOWN_WEIGHT = 2.5  # the company's name or the consultant's own name, heard in the opening


def _opening_score(
    segments: Sequence[Segment], company: Sequence[str] = (), own: Sequence[str] = ()
) -> float:
    first = segments[0].start
    opening = [s for s in segments[:OPENING_SEGMENTS] if s.start - first <= OPENING_S]
    text = " ".join(s.text for s in opening).replace("ё", "е").replace("Ё", "Е")
    score = sum(w for pattern, w in _CUES if pattern.search(text))
    if company or own:
        from qcdesk.domain.rules.fuzzy import find_heard
        from qcdesk.domain.rules.text import make_seg

        seg = make_seg(0, {"text": text})
        heard = [names for names in (company, own) if names and find_heard(seg, tuple(names))]
        score += KNOWN_WEIGHT * len(heard)
    return score


def guess_consultant(
    segments: Sequence[Segment],
    *,
    company: Sequence[str] = (),
    consultant_name: str | None = None,
) -> tuple[str | None, float]:
    """(label, confidence 0..1) of the speaker who opens like a consultant; (None, 0.0) if tied.

    Both openings are scored by weighted cues (greeting, own name, company, offer of help),
    and, when the app knows them, by the company's name or spoken names and the consultant's
    registered first name (or its short form) heard in the opening, tolerantly. The
    confidence grows with the winner's lead in points, reaching 0.5 (where the workspace stops
    warning) at `CLEAR_LEAD`: one cue of weight 2 such as the company or "меня зовут". A lead of
    a mere greeting stays doubtful. The lead, not its share of the total, is what counts: clients
    introduce themselves too ("Добрый день, меня зовут Сергей"), which halved the share on the
    shared synthetic call although the guess was plainly right.
    """
    by_label: dict[str, list[Segment]] = {}
    for seg in sorted(segments, key=lambda s: (s.start, s.end)):
        by_label.setdefault(seg.speaker, []).append(seg)
    own: tuple[str, ...] = ()
    if consultant_name:
        from qcdesk.domain.rules.fuzzy import first_name_forms

        own = first_name_forms(consultant_name)
    scores = {label: _opening_score(segs, company, own) for label, segs in by_label.items()}
    if not scores:
        return None, 0.0
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    top_label, top = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    if top <= runner:
        return None, 0.0
    lead = top - runner
    return top_label, round(lead / (lead + CLEAR_LEAD), 3)


def apply_roles(segments: Sequence[Segment], consultant_label: str) -> tuple[Segment, ...]:
    """Rename *consultant_label* to "consultant" and every other label to "client"."""
    return tuple(
        replace(s, speaker="consultant" if s.speaker == consultant_label else "client")
        for s in segments
    )
