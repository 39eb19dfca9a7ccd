"""Personal data in transcripts and chats: phone, bank card and passport numbers.

Only numbers written as digits are found (what chats contain and what Whisper writes for
dictated numbers). Names are never touched: QC needs to know who said what. Masking replaces
each digit of a found number with ``*`` and keeps its separators, so a reader still sees that
a phone number was given (``+7 (***) ***-**-**``) without learning it.

The patterns are narrow on purpose, because a false match hides evidence a reviewer needs:
times (``10:30``), dates (``14.10.2026``, ``2026-10-14``), prices (``1 500 000 ₽``,
``$1,299.99``), percentages and order quantities are not numbers of a person. A card number
must pass the Luhn check; a bare 10-digit passport number needs the word "паспорт"/"passport"
or "серия" before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any, TypeVar

T = TypeVar("T")

PHONE = "phone"
CARD = "card"
PASSPORT = "passport"
KINDS = (PHONE, CARD, PASSPORT)
MASK = "*"

_S = r"[ \t\u00a0\-]"  # one separator inside a number: space, no-break space, hyphen
# Not the tail or head of a longer number, a word, a date or a time. An underscore is a
# boundary: telephony file names read "20261014-110200_79161234567_201.wav".
_NOT_BEFORE = r"(?<![^\W_])(?<![+\-.,:/])"
_NOT_AFTER = r"(?![^\W_]|-|[.,:/]\d)"

_PHONES = [
    # +7 916 123-45-67, +44 20 7946 0958, +1 (555) 123-4567: a plus and 10 to 15 digits.
    re.compile(r"(?<![^\W_])(?<!\+)\+\d(?:[ \t\u00a0\-.()]{0,2}\d){9,14}" + _NOT_AFTER),
    # Russian with a trunk prefix: 8 916 123 45 67, 8(916)123-45-67, 89161234567, 8-800-555-35-35.
    re.compile(
        _NOT_BEFORE + rf"[78]{_S}?(?:\(\d{{3}}\)|\d{{3}}){_S}?\d{{3}}"
        rf"(?:{_S}?\d{{2}}{_S}?\d{{2}}|{_S}?\d{{4}})" + _NOT_AFTER
    ),
    # Russian mobile without the prefix: 916 123-45-67, (916) 123 45 67, 9161234567.
    re.compile(
        _NOT_BEFORE + rf"(?:\(9\d{{2}}\)|9\d{{2}}){_S}?\d{{3}}{_S}?\d{{2}}{_S}?\d{{2}}" + _NOT_AFTER
    ),
    # A city code in brackets: (495) 123-45-67, (8452) 12-34-56.
    re.compile(_NOT_BEFORE + rf"\(\d{{3,5}}\){_S}?\d{{1,3}}{_S}?\d{{2}}{_S}?\d{{2}}" + _NOT_AFTER),
    # A local number, hyphens only: 123-45-67 (a date has a 4-digit or 2-digit first group).
    re.compile(_NOT_BEFORE + r"\d{3}-\d{2}-\d{2}" + _NOT_AFTER),
    # North American: (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-0199.
    re.compile(
        _NOT_BEFORE
        + r"(?:1[ \-])?(?:\(\d{3}\) ?|\d{3}([\-.]))\d{3}(?(1)\1|[\-.])\d{4}"
        + _NOT_AFTER
    ),
]
# 13 to 19 digits, contiguous or in groups (4-4-4-4, 4-6-5); Luhn decides.
_CARD = re.compile(_NOT_BEFORE + rf"\d(?:{_S}?\d){{12,18}}" + _NOT_AFTER)
# Series and number: 45 06 123456, 45 06 № 123456 (this spacing is a passport's own).
_PASSPORT_SPACED = re.compile(_NOT_BEFORE + r"\d{2} \d{2} (?:№ ?)?\d{6}" + _NOT_AFTER)
# 4506 123456, 4506123456, серия 4506 номер 123456: only after a word that says so.
_PASSPORT_WORD = re.compile(r"(?i)(?:паспорт|серия|серии|passport)")
_PASSPORT_NUMBER = re.compile(
    _NOT_BEFORE
    + r"(?:\d{2} ?\d{2}[ \t]*(?:(?:№|N|номер|no\.?)[ \t]*)?\d{6}|\d{2} ?\d{7})"
    + _NOT_AFTER,
    re.IGNORECASE,
)
_PASSPORT_REACH = 40  # characters between the word and the number


@dataclass(frozen=True)
class PiiMatch:
    kind: str  # PHONE, CARD or PASSPORT
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def luhn_valid(digits: str) -> bool:
    """The Luhn checksum every payment card number carries."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _card_grouping_ok(text: str) -> bool:
    """Contiguous, or in the groups cards are printed in (4-4-4-4[-3], 4-6-4/5)."""
    groups = [len(g) for g in re.split(r"[ \t\u00a0\-]", text)]
    if len(groups) == 1:
        return True
    if groups[:-1] == [4] * (len(groups) - 1) and 1 <= groups[-1] <= 4:
        return True
    return groups in ([4, 6, 5], [4, 6, 4])


def _candidates(text: str) -> list[PiiMatch]:
    found: list[PiiMatch] = []
    for m in _CARD.finditer(text):
        digits = _digits(m.group())
        if 13 <= len(digits) <= 19 and _card_grouping_ok(m.group()) and luhn_valid(digits):
            found.append(PiiMatch(CARD, m.start(), m.end()))
    for m in _PASSPORT_SPACED.finditer(text):
        found.append(PiiMatch(PASSPORT, m.start(), m.end()))
    for word in _PASSPORT_WORD.finditer(text):
        # A bounded window keeps many such words in one long text linear; a match touching the
        # window's end may be the head of a longer number and is not taken.
        window_end = min(len(text), word.end() + _PASSPORT_REACH + 30)
        hit = _PASSPORT_NUMBER.search(text, word.end(), window_end)
        if (
            hit is not None
            and hit.start() - word.end() <= _PASSPORT_REACH
            and (hit.end() < window_end or window_end == len(text))
        ):
            found.append(PiiMatch(PASSPORT, hit.start(), hit.end()))
    for pattern in _PHONES:
        for m in pattern.finditer(text):
            if 7 <= len(_digits(m.group())) <= 15:
                found.append(PiiMatch(PHONE, m.start(), m.end()))
    return found


_PRIORITY = {CARD: 0, PASSPORT: 1, PHONE: 2}


def find_pii(text: str) -> list[PiiMatch]:
    """Phone, card and passport numbers in *text*, in order, never overlapping.

    Where two readings overlap, a Luhn-valid card wins over a passport, a passport over a
    phone, and a longer match over a shorter one.
    """
    if not text or not any(ch.isdigit() for ch in text):
        return []
    chosen: list[PiiMatch] = []
    ranked = sorted(_candidates(text), key=lambda m: (_PRIORITY[m.kind], m.start - m.end))
    for m in ranked:
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def mask_pii(text: str, kinds: tuple[str, ...] = KINDS) -> str:
    """*text* with every digit of each found number of *kinds* replaced by ``*``.

    Separators, brackets and words stay, so the sentence still reads ("мой номер
    +7 (***) ***-**-**"). Text without such numbers comes back unchanged (the same object).
    """
    matches = [m for m in find_pii(text) if m.kind in kinds]
    if not matches:
        return text
    out: list[str] = []
    pos = 0
    for m in matches:
        out.append(text[pos : m.start])
        out.append("".join(MASK if ch.isdigit() else ch for ch in text[m.start : m.end]))
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def contains_pii(text: str) -> bool:
    return bool(find_pii(text))


def mask_fields(value: T, kinds: tuple[str, ...] = KINDS) -> T:
    """*value* with `mask_pii` applied to every string inside it, at any depth.

    Walks frozen dataclasses (a report), tuples, lists and dict values, and returns the very
    same object where nothing changed, so an export built from plain values can be masked in
    one call without knowing which of its fields hold quotes, comments or customer numbers.
    """
    return _mask_any(value, kinds)  # type: ignore[no-any-return]


def _mask_any(value: Any, kinds: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        return mask_pii(value, kinds)
    if is_dataclass(value) and not isinstance(value, type):
        changed = {}
        for f in fields(value):
            if not f.init:
                continue
            old = getattr(value, f.name)
            new = _mask_any(old, kinds)
            if new is not old:
                changed[f.name] = new
        return replace(value, **changed) if changed else value
    if isinstance(value, tuple | list):
        items = [_mask_any(v, kinds) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        if isinstance(value, list):
            return items
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    if isinstance(value, dict):
        masked = {k: _mask_any(v, kinds) for k, v in value.items()}
        return value if all(masked[k] is v for k, v in value.items()) else masked
    return value


def mask_segments(segments: tuple[T, ...]) -> tuple[T, ...]:
    """Transcript segments with their numbers masked; word timings of such a segment too.

    A number is one token of the segment's text but spread over several word timings
    ("916", "123", "45"), so in a segment where a number was found every digit of its words
    is masked as well; segments without one come back as they were.
    """
    out = []
    for seg in segments:
        text = getattr(seg, "text", "")
        masked = mask_pii(text)
        if masked is text:
            out.append(seg)
            continue
        words = tuple(replace(w, w=_DIGIT.sub(MASK, w.w)) for w in getattr(seg, "words", ()))
        out.append(replace(seg, text=masked, words=words))  # type: ignore[type-var]
    return tuple(out)


_DIGIT = re.compile(r"\d")
