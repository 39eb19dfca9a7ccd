"""Split a mono call into two speakers without a speaker model: Silero VAD, then numpy.

Telephone calls often arrive as a mono mix, yet reviewers need to know who said what. A call
has two parties who take long turns, so a small classical pipeline does well, in three steps
with a module each: `features` (energy, mel spectrum, MFCCs over a noise-subtracted mel
spectrum, an autocorrelation pitch estimate), `vad` (which frames are speech: the Silero VAD
faster-whisper ships, with an energy VAD as the fallback) and `clustering` (two-way k-means on
~1.5 s pieces of speech, then a frame-level two-Gaussian re-labelling smoothed by a Viterbi
pass). This module runs them and judges the result.
The result is flagged `uncertain` when the two clusters overlap, alternate between neighbouring
pieces as if at random, or one of them is tiny, since a one-speaker recording still splits into
two clusters; its `confidence` measures the same three criteria, so "uncertain" is exactly
"confidence below 0.5".
This module must stay Qt-free.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from qcdesk.audio.clustering import (
    fisher,
    gauss_llr,
    kmeans2,
    piece_features,
    pieces,
    viterbi2,
)
from qcdesk.audio.features import FRAME_S, HOP_S, analyse, mfcc, to_mono_float
from qcdesk.audio.vad import Vad, speech_frames
from qcdesk.domain.transcript import Segment, Word

SWITCH_PENALTY = 40.0  # log-likelihood a speaker change must gain in the Viterbi pass
MIN_SPEECH_S = 1.0  # less speech than this cannot be split at all
MIN_SHARE = 0.10  # a speaker with less of the speech makes the split uncertain
MIN_SEPARATION = 3.0  # Fisher ratio of the two piece clusters below which the split is uncertain
# Share of neighbouring pieces in the same cluster below which the split is uncertain: two real
# speakers hold turns over several pieces (~0.8 on the shared calls), while one voice split by
# phonetic content alternates almost at random (~0.5).
MIN_COHERENCE = 0.68
# Clusters this far apart are two voices even when turns are too short for coherence to show
# (one voice split by content reached 9.4 on the shared calls, two voices 9 to 32).
STRONG_SEPARATION = 20.0
# An uncertain split whose clusters are closer than this is one voice: on the shared data one
# voice split by content measured 3.8-7.0 (Silero's readings, the golos clip, one party of the
# synthetic call), two voices 8.9-32.8 (the synthetic calls, Azure's call and conversations,
# the 11 s and 29.5 s ones uncertain but still two people).
ONE_VOICE_SEPARATION = 8.0
# A speaker change moves to the longest pause within this many frames of it (0.6 s), when
# that pause is at least SNAP_PAUSE_FRAMES long: people change turns in pauses, and a change
# the Viterbi pass put mid-word would cut a sentence in two.
SNAP_FRAMES = 60
SNAP_PAUSE_FRAMES = 15
TURN_PAUSE_FRAMES = 50  # a pause this long (0.5 s) ends a turn even without a speaker change
PAUSE_S = 0.3  # words further apart than this are separate phrases (see `assign_speakers`)


@dataclass(frozen=True)
class SpeakerTurn:
    start: float
    end: float
    speaker: str  # "A" (who speaks first) or "B"


@dataclass(frozen=True)
class Diarization:
    turns: tuple[SpeakerTurn, ...]
    uncertain: bool
    confidence: float  # 0..1


def split_speakers(samples: np.ndarray, sample_rate: int, *, vad: Vad = "silero") -> Diarization:
    """Two-speaker turns of a mono call (int16 or float; 2-D input is mixed down).

    Speaker "A" is whoever speaks first; roles come later from the words (see
    `qcdesk.asr.roles.guess_consultant`). *vad* picks the speech detector (see `vad`).
    """
    if sample_rate <= 0:
        raise ValueError(f"sample_rate must be positive, got {sample_rate}")
    x = to_mono_float(samples)
    if len(x) < round(FRAME_S * sample_rate) + 1:
        return Diarization((), True, 0.0)
    fr = analyse(x, sample_rate)
    speech = speech_frames(x, sample_rate, fr.energy_db, vad)
    idx = np.flatnonzero(speech)
    if len(idx) * HOP_S < MIN_SPEECH_S:
        return Diarization(_turns(idx, np.zeros(len(idx), int)), True, 0.0)
    cepstra = mfcc(fr.mel_power, speech)
    chunks = pieces(idx)
    if len(chunks) < 2:
        return Diarization(_turns(idx, np.zeros(len(idx), int)), True, 0.0)
    z = piece_features(cepstra, fr, chunks)
    weights = np.array([len(p) for p in chunks], float)
    piece_labels = kmeans2(z, weights)
    separation = fisher(z, piece_labels, weights)
    coherence = float((piece_labels[1:] == piece_labels[:-1]).mean())

    frame_label = np.full(len(fr.energy_db), -1)
    for p, lab in zip(chunks, piece_labels, strict=True):
        frame_label[p] = lab
    known = frame_label[idx] >= 0
    feats = cepstra[idx]
    feats = (feats - feats.mean(0)) / (feats.std(0) + 1e-9)
    labels = frame_label[idx]
    if (labels[known] == 0).sum() >= 10 and (labels[known] == 1).sum() >= 10:
        llr = gauss_llr(feats[known], labels[known])
        full = np.zeros(len(idx))
        full[known] = llr
        labels = viterbi2(full, SWITCH_PENALTY)
    else:
        labels = np.where(known, labels, 0)
    labels = snap_changes(idx, labels)
    # "A" speaks first.
    if labels[0] == 1:
        labels = 1 - labels
    share = float(min(labels.mean(), 1 - labels.mean()))
    confidence = split_confidence(separation, coherence, share)
    if confidence < 0.5 and separation < ONE_VOICE_SEPARATION:
        # One voice split by phonetic content, not two speakers: one label (still flagged
        # uncertain) rather than a split that looks like a dialog.
        labels = np.zeros(len(idx), int)
    return Diarization(_turns(idx, labels), confidence < 0.5, round(confidence, 3))


def snap_changes(idx: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """*labels* (one per speech frame *idx*) with every speaker change moved into the
    longest pause near it (see `SNAP_FRAMES`); a change with no pause near it stays."""
    out = labels.copy()
    gaps = np.diff(idx)  # gaps[k] > 1: a pause between speech frames k and k+1
    for c in (np.flatnonzero(np.diff(labels)) + 1).tolist():  # first frame of the new turn
        if gaps[c - 1] > SNAP_PAUSE_FRAMES:
            continue  # already in a pause
        lo, hi = max(1, c - SNAP_FRAMES), min(len(idx) - 1, c + SNAP_FRAMES)
        near = np.arange(lo, hi + 1)
        # frame positions p with a pause right before them, close in time to the change
        near = near[np.abs(idx[near] - idx[c]) <= SNAP_FRAMES]
        near = near[gaps[near - 1] > SNAP_PAUSE_FRAMES]
        if len(near) == 0:
            continue
        p = int(near[np.argmax(gaps[near - 1])])
        new, old = labels[c], labels[c - 1]
        if p < c:
            out[p:c] = new
        else:
            out[c:p] = old
    return out


def split_confidence(separation: float, coherence: float, share: float) -> float:
    """How sure the split is, 0..1, with 0.5 exactly where it turns uncertain.

    Each criterion is scaled so that its own threshold maps to 0.5 and the weakest one
    decides: cluster separation (Fisher ratio; 0.5 at `MIN_SEPARATION`), turn coherence (0 at
    a coin toss, 0.5 at `MIN_COHERENCE`, 1 when neighbouring pieces always agree; ignored
    beyond `STRONG_SEPARATION`) and the smaller speaker's share of speech (0.5 at
    `MIN_SHARE`). On the shared data: two-voice calls 0.63-0.91 (an 11 s one 0.28: too short
    to tell), single voices 0.13-0.49.
    """
    sep = separation / (separation + MIN_SEPARATION) if separation > 0 else 0.0
    if separation >= STRONG_SEPARATION:
        coh = 1.0
    elif coherence < MIN_COHERENCE:
        coh = 0.5 * (coherence - 0.5) / (MIN_COHERENCE - 0.5)
    else:
        coh = 0.5 + 0.5 * (coherence - MIN_COHERENCE) / (1.0 - MIN_COHERENCE)
    part = share / (2 * MIN_SHARE)
    return float(np.clip(min(sep, coh, part), 0.0, 1.0))


def _turns(idx: np.ndarray, labels: np.ndarray) -> tuple[SpeakerTurn, ...]:
    """Runs of one label over the speech frames, each from its first to its last frame; a
    pause longer than `TURN_PAUSE_FRAMES` ends a run too, so a turn never spans silence."""
    if len(idx) == 0:
        return ()
    change = np.flatnonzero((np.diff(labels) != 0) | (np.diff(idx) > TURN_PAUSE_FRAMES)) + 1
    starts, ends = np.r_[0, change], np.r_[change, len(idx)]
    half = FRAME_S / 2
    return tuple(
        SpeakerTurn(
            start=round(float(idx[a]) * HOP_S, 3),
            end=round(float(idx[b - 1]) * HOP_S + 2 * half, 3),
            speaker="AB"[int(labels[a])],
        )
        for a, b in zip(starts, ends, strict=True)
    )


def _phrases(words: Sequence[Word]) -> list[list[Word]]:
    """*words* cut where the pause between two of them is longer than `PAUSE_S`."""
    out: list[list[Word]] = []
    for w in words:
        if out and w.start - out[-1][-1].end <= PAUSE_S:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def speaker_at(d: Diarization, time: float) -> str | None:
    """Speaker of the turn holding *time*, else of the nearest turn; None without turns."""
    if not d.turns:
        return None
    best, best_dist = d.turns[0].speaker, np.inf
    for turn in d.turns:
        if turn.start <= time <= turn.end:
            return turn.speaker
        dist = turn.start - time if time < turn.start else time - turn.end
        if dist < best_dist:
            best, best_dist = turn.speaker, dist
    return best


def _overlap_speaker(d: Diarization, start: float, end: float) -> str | None:
    totals: dict[str, float] = {}
    for turn in d.turns:
        ov = min(end, turn.end) - max(start, turn.start)
        if ov > 0:
            totals[turn.speaker] = totals.get(turn.speaker, 0.0) + ov
    if totals:
        return max(sorted(totals), key=lambda s: totals[s])
    return speaker_at(d, (start + end) / 2)


def assign_speakers(segments: Sequence[Segment], d: Diarization) -> tuple[Segment, ...]:
    """Give each segment (or part of one) the diarized speaker.

    A segment's words are cut into phrases at pauses longer than `PAUSE_S`; each phrase goes
    to the speaker whose turns cover most of its words (a word in a pause to the nearest
    turn), and the segment is split only between phrases, so a speaker change never falls in
    the middle of a run of speech. A segment without words takes the speaker with the largest
    overlap. Without turns the segments come back unchanged.
    """
    if not d.turns:
        return tuple(segments)
    out: list[Segment] = []
    for seg in segments:
        if not seg.words:
            who = _overlap_speaker(d, seg.start, seg.end) or seg.speaker
            out.append(replace(seg, speaker=who))
            continue
        groups: list[tuple[str, list[Word]]] = []
        for phrase in _phrases(seg.words):
            votes: dict[str, float] = {}
            for word in phrase:
                who = speaker_at(d, (word.start + word.end) / 2) or seg.speaker
                votes[who] = votes.get(who, 0.0) + max(word.end - word.start, 0.01)
            who = max(sorted(votes), key=lambda k: votes[k])
            if groups and groups[-1][0] == who:
                groups[-1][1].extend(phrase)
            else:
                groups.append((who, list(phrase)))
        if len(groups) == 1:
            out.append(replace(seg, speaker=groups[0][0]))
            continue
        for i, (who, words) in enumerate(groups):
            start = seg.start if i == 0 else words[0].start
            end = seg.end if i == len(groups) - 1 else words[-1].end
            text = " ".join(w.w.strip() for w in words if w.w.strip())
            out.append(Segment(who, start, end, text, tuple(words)))
    return tuple(out)
