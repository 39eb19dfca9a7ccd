"""Text primitives: tokens, cached lemmas, first-name detection and phrase matching.

Everything the rules look at goes through here, so that a rule written once in a template
("удобно говорить") matches every word form and both punctuated and ASR-style lowercase text.
Russian lemmas come from pymorphy3 and are cached per word form: dialogs repeat a small
vocabulary, so after warm-up a lemma costs one dict lookup, which is what keeps the engine at
dozens of five-minute calls per second on one core. English uses a small suffix stemmer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

_TOKEN_RE = re.compile(r"\d+(?::\d+)?|[a-zа-яё]+(?:-[a-zа-яё]+)*")
_SENT_END_RE = re.compile(r"[.!?…]")
_PUNCT_RE = re.compile(r"[.!?…,;:—–-]")
_MORPH: Any = None

NEGATIONS = frozenset({"не", "нет", "ни", "not", "no", "never", "dont", "don't", "didnt", "cant"})
# Words that may stand between a negation and what it negates: «не очень дорого», «не так уж».
NEGATION_BRIDGE = frozenset(
    "очень так слишком особо совсем сильно уж то всегда совсем-то really very so too that".split()
)


def normalise(text: str) -> str:
    """Lowercase with typographic apostrophes unified; «ё» is kept (it helps pymorphy3)."""
    return text.lower().replace("’", "'")


def tokenize(text: str) -> list[str]:
    """Word tokens of normalised *text*; hyphenated words («что-нибудь») stay whole."""
    return _TOKEN_RE.findall(normalise(text))


def _morph() -> Any:
    global _MORPH
    if _MORPH is None:
        import pymorphy3

        _MORPH = pymorphy3.MorphAnalyzer(lang="ru")
    return _MORPH


@dataclass(frozen=True)
class WordInfo:
    lemma: str
    pos: str  # pymorphy3 part of speech ("" when unknown or English)
    is_name: bool  # a first name or patronymic in its most likely reading
    name_score: float = 0.0  # pymorphy3's probability of that reading
    # A first name in *some* reading («Вера» is faith first): enough after «меня зовут».
    name_possible: bool = False
    # Some reading is a noun, or the word is unknown to the dictionary: can be part of a name
    # (ASR turns brands into odd words: «связ» reads as a verb first, and as a noun too).
    nominal_possible: bool = True
    case: str = ""  # grammatical case of the most likely reading ("gent", "nomn"…), if any
    # An imperative («ставьте», «смотрите»): a «как»/«что» right after it is a conjunction
    # («ставьте как у соседа»), not a question word.
    imperative: bool = False


_EN_SUFFIXES = ("ingly", "edly", "ing", "ies", "ied", "ed", "es", "ly", "s")


def stem_en(word: str) -> str:
    """A deliberately small English suffix stemmer: enough for phrase lists to match forms."""
    for suf in _EN_SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= (2 if suf in ("ies", "ied") else 3):
            base = word[: -len(suf)]
            return base + "y" if suf in ("ies", "ied") else base
    return word


@lru_cache(maxsize=200_000)
def word_info(word: str) -> WordInfo:
    """Lemma, part of speech and name flag of one normalised token (cached)."""
    if word.isdigit() or ":" in word:
        return WordInfo(word, "NUMB", False)
    if not re.search("[а-яё]", word):
        return WordInfo(stem_en(word), "", False)
    parses = _morph().parse(word)
    if not parses:
        return WordInfo(word, "", False)
    best = parses[0]
    tag = best.tag
    known = bool(_morph().word_is_known(word))
    is_name = ("Name" in tag or "Patr" in tag) and "Abbr" not in tag and known
    score = float(best.score) if is_name else 0.0
    possible = known and any(
        ("Name" in p.tag or "Patr" in p.tag) and "Abbr" not in p.tag for p in parses
    )
    nominal = not known or any(p.tag.POS in ("NOUN", None) for p in parses)
    return WordInfo(
        best.normal_form.replace("ё", "е"),
        str(tag.POS or ""),
        is_name,
        score,
        possible,
        nominal,
        str(tag.case or ""),
        tag.POS == "VERB" and any("impr" in p.tag for p in parses),
    )


_LEMMAS: dict[str, str] = {}


def lemma(word: str) -> str:
    """word_info(word).lemma through a plain dict: called millions of times on a long chat."""
    found = _LEMMAS.get(word)
    if found is None:
        if len(_LEMMAS) >= 200_000:  # as bounded as word_info's cache: hostile text is varied
            _LEMMAS.clear()
        found = _LEMMAS[word] = word_info(word).lemma
    return found


@lru_cache(maxsize=50_000)
def known_word(word: str) -> bool:
    """Whether pymorphy3's dictionary knows *word* (an odd word may be a misheard name)."""
    if not re.search("[а-яё]", word):
        return True
    return bool(_morph().word_is_known(word))


@dataclass
class Seg:
    """One segment with its tokens and lemmas, computed once."""

    index: int
    speaker: str
    start: float
    end: float
    text: str
    tokens: list[str]
    lemmas: list[str]
    words: list[dict[str, Any]] = field(default_factory=list)
    lemma_set: frozenset[str] = frozenset()
    bounds: frozenset[int] = frozenset()  # token indices that follow punctuation
    # What rules derive from the segment alone (its questions), computed once: metrics and
    # several checkers ask for the same thing, and on a long chat that repeated parse dominated.
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def consultant(self) -> bool:
        return self.speaker == "consultant"

    def sentences(self) -> list[tuple[str, list[str], list[str]]]:
        """(raw sentence, tokens, lemmas) split on . ! ? …; one sentence when unpunctuated."""
        cached = self.memo.get("sentences")
        if cached is not None:
            return list(cached)
        parts = [p for p in re.split(r"(?<=[.!?…])\s+", self.text) if p.strip()]
        out = []
        pos = 0  # sentences split at whitespace, so their tokens are runs of the segment's
        for p in parts or [self.text]:
            toks = tokenize(p)
            if toks:
                end = pos + len(toks)
                same = self.tokens[pos:end] == toks
                lems = self.lemmas[pos:end] if same else [lemma(t) for t in toks]
                out.append((p.strip(), toks, lems))
                pos = end
        self.memo["sentences"] = tuple(out)
        return out

    @property
    def punctuated(self) -> bool:
        return bool(_SENT_END_RE.search(self.text))


@dataclass
class Dialog:
    """A transcript prepared for the rules (see transcript-format.md)."""

    id: str
    channel: str
    direction: str | None
    language: str
    duration: float
    segments: list[Seg]
    started_at: str | None = None  # ISO 8601 with offset, when the transcript gives one
    # What the application knows (transcript-format.md): the client company's name and its
    # spoken names, and the consultant's registered name. Knowing them never means they were
    # said: the rules only use them to recognise what was heard.
    company: tuple[str, ...] = ()
    consultant_name: str | None = None

    def by(self, speaker: str) -> list[Seg]:
        return [s for s in self.segments if s.speaker == speaker]

    @property
    def is_call(self) -> bool:
        return self.channel != "chat"


def make_seg(index: int, raw: dict[str, Any]) -> Seg:
    text = str(raw.get("text") or "")
    toks: list[str] = []
    bounds: set[int] = set()
    last = 0
    norm = normalise(text)
    for m in _TOKEN_RE.finditer(norm):
        if _PUNCT_RE.search(norm, last, m.start()):
            bounds.add(len(toks))
        toks.append(m.group())
        last = m.end()
    lems = [lemma(t) for t in toks]
    return Seg(
        index=index,
        speaker=str(raw.get("speaker") or ""),
        start=float(raw.get("start") or 0.0),
        end=float(raw.get("end") or raw.get("start") or 0.0),
        text=text,
        tokens=toks,
        lemmas=lems,
        words=list(raw.get("words") or []),
        lemma_set=frozenset(lems),
        bounds=frozenset(bounds),
    )


def make_dialog(data: dict[str, Any]) -> Dialog:
    segs = [make_seg(i, s) for i, s in enumerate(data.get("segments") or [])]
    return Dialog(
        id=str(data.get("id") or ""),
        channel=str(data.get("channel") or "call"),
        direction=data.get("direction"),
        language=str(data.get("language") or "ru"),
        duration=float(data.get("duration") or (segs[-1].end if segs else 0.0)),
        segments=segs,
        started_at=str(data["started_at"]) if data.get("started_at") else None,
        company=company_names(data.get("company")),
        consultant_name=str(data["consultant_name"]).strip() or None
        if isinstance(data.get("consultant_name"), str)
        else None,
    )


def company_names(raw: Any) -> tuple[str, ...]:
    """The company's name then its aliases, blanks and repeats dropped (``company`` field)."""
    if not isinstance(raw, dict):
        return ()
    names = [raw.get("name"), *(raw.get("aliases") or [])]
    out = [n.strip() for n in names if isinstance(n, str) and n.strip()]
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Phrase:
    """A phrase as a lemma sequence; ``gap`` extra tokens may sit between its words."""

    text: str
    lemmas: tuple[str, ...]
    gap: int = 0


@lru_cache(maxsize=4096)
def phrase(text: str, gap: int = 0) -> Phrase:
    return Phrase(text, tuple(lemma(t) for t in tokenize(text)), gap)


def phrases(items: tuple[str, ...] | list[str], gap: int = 0) -> tuple[Phrase, ...]:
    return tuple(phrase(t, gap) for t in items)


def find(lemmas: list[str], ph: Phrase, start: int = 0) -> int:
    """Index of the first match of *ph* in *lemmas* at or after *start*, or -1."""
    first = ph.lemmas[0]
    n = len(lemmas)
    for i in range(start, n):
        if lemmas[i] != first:
            continue
        pos, ok = i, True
        for lem in ph.lemmas[1:]:
            limit = min(n, pos + 2 + ph.gap)
            for j in range(pos + 1, limit):
                if lemmas[j] == lem:
                    pos = j
                    break
            else:
                ok = False
                break
        if ok:
            return i
    return -1


def negated(
    tokens: list[str], i: int, window: int = 2, bounds: frozenset[int] = frozenset()
) -> bool:
    """True when a negation stands right before token *i*, in the same clause.

    Only the word after the negation is negated, or the one after an intensifier («не очень
    дорого»): in unpunctuated ASR text «я пока не решила подумаю» the «не» belongs to
    «решила», and a wider window would hide the objection «подумаю».
    """
    for j in range(i - 1, max(-1, i - window - 1), -1):
        if j + 1 in bounds:
            return False
        if tokens[j] in NEGATIONS:
            return True
        if tokens[j] not in NEGATION_BRIDGE:
            return False
    return False


def negated_after(tokens: list[str], i: int, bounds: frozenset[int] = frozenset()) -> bool:
    """Russian existential negation after the noun: «брони нет», «мест нет», «окон уже нет»."""
    for j in range(i + 1, min(len(tokens), i + 5)):
        if j in bounds:
            return False
        if tokens[j] == "нет":
            return True
        if tokens[j] not in _AFTER_BRIDGE:
            return False
    return False


# Words between a noun and its «нет»: «брони у нас уже нет», «мест, к сожалению, нет».
_AFTER_BRIDGE = frozenset("уже пока больше сейчас тоже у нас меня к сожалению вообще".split())


def match_any(
    lemmas: list[str],
    tokens: list[str],
    phs: tuple[Phrase, ...],
    *,
    lemma_set: frozenset[str] | None = None,
    allow_negated: bool = False,
    within: int | None = None,
    bounds: frozenset[int] = frozenset(),
) -> Phrase | None:
    """The first phrase of *phs* found: not negated unless allowed, in the first *within* tokens."""
    for ph in phs:
        if not ph.lemmas or (lemma_set is not None and ph.lemmas[0] not in lemma_set):
            continue
        i = find(lemmas, ph)
        while i >= 0:
            if within is not None and i >= within:
                break
            if allow_negated or ph.lemmas[0] in NEGATIONS or not negated(tokens, i, bounds=bounds):
                return ph
            i = find(lemmas, ph, i + 1)
    return None


def seg_match(seg: Seg, phs: tuple[Phrase, ...], **kw: Any) -> Phrase | None:
    """match_any over one segment's lemmas."""
    return match_any(seg.lemmas, seg.tokens, phs, lemma_set=seg.lemma_set, bounds=seg.bounds, **kw)
