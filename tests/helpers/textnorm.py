"""Text normalisation for judging transcripts, and word/character error rates (jiwer) on it.

Whisper writes «60 тысяч», a human reference «шестьдесят тысяч»: both mean the same, so digits
are spelled out (nominative cardinals; Russian and English) before words are compared.
Case, punctuation and «ё» are ignored too. Used by the tests and bench/transcription.py, never
by the app, so it lives here and not in the runtime package.
"""

from __future__ import annotations

import re

import jiwer

_RU_UNITS = (
    "ноль один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
    "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать"
).split()
_RU_TENS = (
    "_ _ двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто".split()
)
_RU_HUNDREDS = "_ сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот".split()
_EN_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _ru_below_1000(n: int, feminine: bool = False) -> list[str]:
    out: list[str] = []
    if n >= 100:
        out.append(_RU_HUNDREDS[n // 100])
        n %= 100
    if n >= 20:
        out.append(_RU_TENS[n // 10])
        n %= 10
    if n:
        word = _RU_UNITS[n]
        if feminine and n in (1, 2):
            word = "одна" if n == 1 else "две"
        out.append(word)
    return out


def _ru_thousands(n: int) -> str:
    last, last2 = n % 10, n % 100
    if last == 1 and last2 != 11:
        return "тысяча"
    if 2 <= last <= 4 and not 12 <= last2 <= 14:
        return "тысячи"
    return "тысяч"


def number_words(n: int, language: str = "ru") -> list[str]:
    """*n* (0 <= n < 1,000,000) spelled out; larger numbers are left as digits."""
    if n < 0 or n >= 1_000_000:
        return [str(n)]
    if language != "ru":
        return _en(n)
    if n == 0:
        return ["ноль"]
    out: list[str] = []
    if n >= 1000:
        k = n // 1000
        out += ([] if k == 1 else _ru_below_1000(k, feminine=True)) + [_ru_thousands(k)]
        n %= 1000
    return out + _ru_below_1000(n)


def _en(n: int) -> list[str]:
    if n < 20:
        return [_EN_UNITS[n]]
    if n < 100:
        return [_EN_TENS[n // 10]] + ([_EN_UNITS[n % 10]] if n % 10 else [])
    if n < 1000:
        rest = _en(n % 100) if n % 100 else []
        return [_EN_UNITS[n // 100], "hundred", *rest]
    rest = _en(n % 1000) if n % 1000 else []
    return [*_en(n // 1000), "thousand", *rest]


_TOKEN = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+|[^\W\d_]+", re.UNICODE)


def normalize_words(text: str, language: str = "ru") -> list[str]:
    """Lower-case words without punctuation, «ё» as «е», digits spelled out."""
    out: list[str] = []
    for tok in _TOKEN.findall(text.lower().replace("ё", "е")):
        digits = re.sub(r"\s", "", tok)
        out.extend(number_words(int(digits), language) if digits.isdigit() else [tok])
    return out


def wer(reference: str, hypothesis: str, language: str = "ru") -> float:
    """Word error rate on normalised words; against an empty reference, insertions count."""
    ref = " ".join(normalize_words(reference, language))
    return float(jiwer.wer(ref, " ".join(normalize_words(hypothesis, language))))


def cer(reference: str, hypothesis: str, language: str = "ru") -> float:
    """Character error rate on the normalised words joined by single spaces."""
    ref = " ".join(normalize_words(reference, language))
    return float(jiwer.cer(ref, " ".join(normalize_words(hypothesis, language))))
