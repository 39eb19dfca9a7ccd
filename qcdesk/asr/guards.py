"""Remove Whisper's familiar hallucinations from a transcript (pure functions).

Trained on subtitled video, Whisper fills silence and music with the credits and sign-offs of
those videos («Продолжение следует…», «Субтитры сделал DimaTorzok», "Thanks for watching"),
and a stuck decoder repeats one line or loops a short phrase. These rules only drop text
that is such a stock phrase, a repetition, or a segment the decoder itself was unsure held
speech at all; ordinary words are never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from qcdesk.asr.base import AsrSegment

_STOCK = [
    r"продолжение следует",
    r"субтитры (?:сделал|создавал|делал|подготовил|создал)\w*",
    r"субтитры подогнал\w*",
    r"редактор субтитров",
    r"корректор субтитров",
    r"субтитры:? ",
    r"спасибо за просмотр",
    r"спасибо,? что смотрите",
    r"подписывайтесь на (?:наш )?канал",
    r"ставьте лайк",
    r"до новых встреч",
    r"thanks? (?:you )?for watching",
    r"subtitles by",
    r"please subscribe",
    r"like and subscribe",
    r"amara\.org",
    r"dimatorzok",
]
_STOCK_RE = re.compile("|".join(f"(?:{p})" for p in _STOCK), re.IGNORECASE)
_CREDIT_RE = re.compile(
    r"^\W*(?:субтитры|редактор субтитров|корректор субтитров|subtitles by)", re.IGNORECASE
)
_WORD_RE = re.compile(r"\w+", re.UNICODE)

NO_SPEECH_PROB = 0.8
"""Above this no-speech probability *and* below `LOW_LOGPROB`, a segment is noise."""
LOW_LOGPROB = -1.0


def words_of(text: str) -> list[str]:
    return [w.lower().replace("ё", "е") for w in _WORD_RE.findall(text)]


def is_stock_phrase(text: str) -> bool:
    """True when *text* is one of Whisper's stock video credits or sign-offs.

    A stock phrase inside a longer real sentence is kept: a consultant may well say
    «спасибо за просмотр квартиры, до свидания». Credits («Субтитры создавал Иван Петров»)
    are recognised by their opening, whatever name follows.
    """
    ws = words_of(text)
    if not ws:
        return True
    if _CREDIT_RE.search(text) and len(ws) <= 7:
        return True
    if _STOCK_RE.search(text) is None:
        return False
    return len(words_of(_STOCK_RE.sub(" ", text))) <= 1


def is_looping(text: str, *, max_ngram: int = 4, min_repeats: int = 4) -> bool:
    """True when one n-gram (n <= *max_ngram*) repeats back to back at least *min_repeats* times."""
    ws = words_of(text)
    for n in range(1, max_ngram + 1):
        for i in range(0, max(0, len(ws) - n * min_repeats + 1)):
            gram = ws[i : i + n]
            if all(ws[i + k * n : i + (k + 1) * n] == gram for k in range(1, min_repeats)):
                return True
    return False


def is_noise(seg: AsrSegment) -> bool:
    """The decoder itself doubted there was speech and was unsure of its words."""
    return seg.no_speech_prob >= NO_SPEECH_PROB and seg.avg_logprob <= LOW_LOGPROB


def filter_hallucinations(segments: Sequence[AsrSegment]) -> list[AsrSegment]:
    """Drop stock phrases, noise, looping segments and lines repeating the previous one.

    A looping segment with real speech before the loop is cut to its first occurrence of the
    loop instead of being dropped, so the words that were said survive.
    """
    out: list[AsrSegment] = []
    for seg in segments:
        text = seg.text.strip()
        if not words_of(text) or is_stock_phrase(text) or is_noise(seg):
            continue
        if is_looping(text):
            cut = _cut_loop(seg)
            if cut is None:
                continue
            seg = cut
        if out and words_of(out[-1].text) == words_of(seg.text):
            continue  # the same line twice in a row: keep the first
        out.append(seg)
    return out


def _cut_loop(seg: AsrSegment) -> AsrSegment | None:
    """Keep *seg*'s words up to the second repetition of its loop; None if nothing is left."""
    ws = words_of(seg.text)
    for n in range(1, 5):
        for i in range(0, len(ws) - n):
            gram = ws[i : i + n]
            if ws[i + n : i + 2 * n] == gram and is_looping(" ".join(ws[i:])):
                keep = i + n
                if keep < 1:
                    return None
                words = seg.words[:keep] if len(seg.words) >= keep else seg.words
                text = " ".join(w.w for w in words) if words else " ".join(ws[:keep])
                end = words[-1].end if words else seg.end
                return replace(seg, text=text, words=tuple(words), end=end)
    return None
