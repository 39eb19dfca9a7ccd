"""Tolerant matching of key phrases, brand names and first names in speech-recognition text.

Whisper on 8 kHz telephone audio garbles exactly the words the rules look for: «здравствуйте»
comes out as «драфствовать» or «здравство мите», «СолнцеДом» as «Сомцедан», «Анастасия» as
«на Ностасе». Exact lemma matching misses all of these, so the phrases of a few lexicons (the
greeting, the farewell, the self-introduction, the name question) and everything the app
knows (the company's name and spoken names, the consultant's first name) are also matched on
a *sound key*:

- normalised spelling: case, ё/е, Latin letters respelled in Cyrillic, no spaces or hyphens
  (so «Кофе Офис», «кофе-офис» and «KofeOfis» are one string);
- the confusions of telephone ASR folded together: unstressed о/а and е/и/я, voiced and
  voiceless consonants, silent consonants («солнце» is said «сонце», «здравствуйте»
  «здраствуйте»), doubled letters, soft and hard signs;
- then a character-level Levenshtein distance (rapidfuzz) bounded by the key's length:
  exact up to 3 sounds, 1 edit up to 6, 2 up to 10, 3 beyond.

A garble is an odd word, so a match that is not exact must contain a word the dictionary does
not know («тема» sounds like «Дима» but is a word of its own; «ностасе» is no word at all).
Every match carries the text it matched and its similarity, which the evidence shows the
reviewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from qcdesk.domain.rules.text import Seg, known_word, normalise, word_info

# Latin to Cyrillic, longest first: brands are often spelled in Latin in the app and heard
# in Cyrillic by the recogniser («KofeOfis» / «кофеофис»).
_LATIN = (
    ("shch", "щ"), ("sch", "щ"), ("ch", "ч"), ("sh", "ш"), ("zh", "ж"), ("kh", "х"),
    ("ts", "ц"), ("yu", "ю"), ("ya", "я"), ("yo", "е"), ("ph", "ф"), ("th", "т"),
    ("ck", "к"), ("oo", "у"), ("ee", "и"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"),
    ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "дж"), ("k", "к"),
    ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "й"),
    ("z", "з"),
)  # fmt: skip
_LATIN_RE = re.compile("|".join(re.escape(a) for a, _ in _LATIN))
_LATIN_MAP = dict(_LATIN)
# Clusters whose middle consonant is not pronounced, so the recogniser never writes it.
_SILENT = (("вств", "ств"), ("лнц", "нц"), ("стн", "сн"), ("здн", "зн"), ("рдц", "рц"),
           ("ться", "ца"), ("тся", "ца"), ("сч", "щ"), ("зч", "щ"))  # fmt: skip
_SOUND = str.maketrans(
    {
        "о": "а", "я": "а", "е": "и", "э": "и", "ы": "и", "й": "и", "ю": "у",
        "б": "п", "в": "ф", "г": "к", "д": "т", "ж": "ш", "з": "с", "щ": "ш",
        "ъ": None, "ь": None,
    }
)  # fmt: skip
_NOT_LETTER = re.compile(r"[^а-я]")
_DOUBLE = re.compile(r"(.)\1+")


def cyrillic(text: str) -> str:
    """Lowercase *text* with Latin letters respelled in Cyrillic, roughly as said («+» is
    said «плюс»: «Диваны+» is «диваны плюс», not «диваны»)."""
    t = normalise(text).replace("+", " плюс ").replace("&", " и ")
    return _LATIN_RE.sub(lambda m: _LATIN_MAP[m.group()], t)


def spelled(text: str) -> str:
    """*text* lowercased, ё as е, Latin respelled in Cyrillic, spaces and hyphens gone."""
    return _NOT_LETTER.sub("", cyrillic(text).replace("ё", "е"))


@lru_cache(maxsize=100_000)
def sound_key(text: str) -> str:
    """The key telephone-ASR garbles of *text* share (see the module docstring)."""
    t = spelled(text)
    for a, b in _SILENT:
        t = t.replace(a, b)
    return _DOUBLE.sub(r"\1", t.translate(_SOUND))


def allowed_edits(length: int) -> int:
    """Edits a key of *length* sounds may differ by: none for short words, a quarter beyond."""
    if length <= 3:
        return 0
    if length <= 6:
        return 1
    if length <= 10:
        return 2
    return 3


@dataclass(frozen=True)
class Match:
    """Where a target was heard: token span, the words as transcribed, and how alike (0..1)."""

    target: str
    start: int  # first token
    end: int  # one past the last token
    text: str
    similarity: float

    @property
    def exact(self) -> bool:
        return self.similarity >= 1.0


def _token_keys(seg: Seg) -> tuple[str, ...]:
    keys: tuple[str, ...] | None = seg.memo.get("sound_keys")
    if keys is None:
        keys = seg.memo["sound_keys"] = tuple(sound_key(t) for t in seg.tokens)
    return keys


@lru_cache(maxsize=4096)
def _target(target: str) -> tuple[str, str, int, int, float]:
    """(sound key, spelling, edits allowed, widest window in tokens, prefilter cutoff).

    The cutoff: a window within the allowed edits of the key makes a substring of the
    segment's key at least this alike (Indel ratio), so one pass in C over the whole segment
    rules most segments out before the windows are tried.
    """
    tkey = sound_key(target)
    bound = allowed_edits(len(tkey))
    cutoff = 100 * (1 - 3 * bound / (2 * len(tkey))) if tkey else 100.0
    return tkey, spelled(target), bound, len(target.split()) + 1, cutoff


def find_heard(
    seg: Seg,
    targets: tuple[str, ...] | list[str],
    *,
    within: int | None = None,
    odd_only: bool = True,
    min_similarity: float = 0.0,
) -> Match | None:
    """The best tolerant match of any of *targets* in *seg* (in its first *within* tokens).

    A window of one to (target words + 1) tokens is joined and compared by sound key, so a
    brand split in two by the recogniser («кофесс фиспро») or glued to a preposition («на
    ностасе») is found. With *odd_only* a match that is not spelled exactly must hold a word
    the dictionary does not know, which keeps real words that happen to sound alike out.
    Inflected names («из соснового берега», «Кириллу») are also compared by their lemmas.
    """
    best = _find(seg, targets, _token_keys(seg), within, odd_only, min_similarity)
    if best is None or not best.exact:
        by_lemma = _find(seg, targets, _lemma_keys(seg), within, odd_only, min_similarity)
        if by_lemma is not None and (best is None or by_lemma.similarity > best.similarity):
            best = by_lemma
    return best


def _lemma_keys(seg: Seg) -> tuple[str, ...]:
    keys: tuple[str, ...] | None = seg.memo.get("lemma_sound_keys")
    if keys is None:
        keys = seg.memo["lemma_sound_keys"] = tuple(sound_key(lem) for lem in seg.lemmas)
    return keys


def _find(
    seg: Seg,
    targets: tuple[str, ...] | list[str],
    keys: tuple[str, ...],
    within: int | None,
    odd_only: bool,
    min_similarity: float,
) -> Match | None:
    n = len(keys) if within is None else min(len(keys), within)
    whole = "".join(keys[:n])
    best: Match | None = None
    for target in targets:
        tkey, tspell, bound, width, cutoff = _target(target)
        if not tkey or fuzz.partial_ratio(tkey, whole, score_cutoff=cutoff) == 0:
            continue
        for i in range(n):
            joined = ""
            for j in range(i, min(n, i + width)):
                joined += keys[j]
                if len(joined) > len(tkey) + bound:
                    break
                if len(joined) < len(tkey) - bound:
                    continue
                d = Levenshtein.distance(joined, tkey, score_cutoff=bound)
                if d > bound:
                    continue
                toks = seg.tokens[i : j + 1]
                exact = "".join(spelled(t) for t in toks) == tspell
                if not exact and odd_only and all(known_word(t) for t in toks):
                    continue
                sim = 1.0 if exact else round(1 - d / max(len(joined), len(tkey)), 2)
                if sim >= 1.0 and not exact:
                    sim = 0.99  # same sound, other spelling: still shown as a tolerant match
                if sim < min_similarity:
                    continue
                if best is None or sim > best.similarity:
                    best = Match(target, i, j + 1, " ".join(toks), sim)
                if best.similarity >= 1.0:
                    return best
    return best


# Common Russian first names and the short forms people introduce themselves with.
_SHORT = {
    "александр": "саша шура", "александра": "саша", "алексей": "леша алеша",
    "анастасия": "настя", "анатолий": "толя", "андрей": "андрюша", "анна": "аня",
    "антон": "антоша", "артем": "тема", "борис": "боря", "валентина": "валя",
    "валерий": "валера", "валерия": "лера", "василий": "вася", "виктор": "витя",
    "виктория": "вика", "виталий": "виталик", "владимир": "вова володя",
    "владислав": "влад слава", "вячеслав": "слава", "галина": "галя", "геннадий": "гена",
    "георгий": "жора", "григорий": "гриша", "дарья": "даша", "денис": "дэн",
    "дмитрий": "дима", "евгений": "женя", "евгения": "женя", "екатерина": "катя",
    "елена": "лена", "елизавета": "лиза", "иван": "ваня", "ирина": "ира",
    "карина": "карина", "кирилл": "киря", "константин": "костя", "кристина": "кристина",
    "ксения": "ксюша", "леонид": "леня", "любовь": "люба", "людмила": "люда",
    "маргарита": "рита", "мария": "маша", "максим": "макс", "михаил": "миша",
    "надежда": "надя", "наталья": "наташа", "наталия": "наташа", "николай": "коля",
    "ольга": "оля", "павел": "паша", "петр": "петя", "полина": "поля", "роман": "рома",
    "светлана": "света", "сергей": "сережа", "софья": "соня", "станислав": "стас",
    "степан": "степа", "тамара": "тома", "татьяна": "таня", "тимофей": "тима",
    "федор": "федя", "эдуард": "эдик", "юлия": "юля", "юрий": "юра", "яков": "яша",
}  # fmt: skip


def first_name_forms(full_name: str) -> tuple[str, ...]:
    """The registered first name of *full_name* and its usual short forms.

    The name as registered may be «Белова Анастасия» or «Анастасия Белова»: the first word
    pymorphy3 reads as a first name is taken, else the first word.
    """
    words = [w for w in re.findall(r"[A-Za-zА-Яа-яЁё-]+", full_name) if len(w) > 1]
    if not words:
        return ()
    first = next((w for w in words if word_info(normalise(w)).is_name), words[0])
    base = normalise(first).replace("ё", "е")
    lemma = word_info(base).lemma
    forms = [base, *_SHORT.get(lemma, _SHORT.get(base, "")).split()]
    return tuple(dict.fromkeys(forms))
