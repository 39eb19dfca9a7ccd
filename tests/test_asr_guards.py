"""The hallucination filter and the text normaliser used to judge transcripts."""

from __future__ import annotations

import pytest
from helpers.textnorm import cer, normalize_words, number_words, wer

from qcdesk.asr.base import AsrSegment
from qcdesk.asr.guards import filter_hallucinations, is_looping, is_stock_phrase
from qcdesk.services.dto import Word


def seg(text: str, start: float = 0.0, **kw: float) -> AsrSegment:
    return AsrSegment(start=start, end=start + 2.0, text=text, **kw)


@pytest.mark.parametrize(
    "text",
    [
        "Продолжение следует...",
        "Субтитры сделал DimaTorzok",
        "Субтитры создавал Иван Петров",
        "Редактор субтитров А.Синецкая Корректор А.Егорова",
        "Спасибо за просмотр!",
        "Подписывайтесь на канал!",
        "Thanks for watching!",
        "Thank you for watching.",
    ],
)
def test_stock_phrases_are_hallucinations(text: str) -> None:
    assert is_stock_phrase(text)
    assert filter_hallucinations([seg(text)]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Спасибо за просмотр квартиры, до свидания, ждём вас снова",
        "Продолжим: какие окна вас интересуют?",
        "Добрый день, меня зовут Анна, компания Ромашка.",
    ],
)
def test_real_sentences_are_kept(text: str) -> None:
    assert not is_stock_phrase(text)
    assert filter_hallucinations([seg(text)]) == [seg(text)]


def test_looping_ngrams_are_detected() -> None:
    assert is_looping("да да да да да")
    assert is_looping("и вот так и вот так и вот так и вот так")
    assert not is_looping("да, да, конечно, записываю вас на субботу")


def test_a_loop_after_real_speech_is_cut_to_the_speech() -> None:
    words = tuple(Word(w, i * 0.3, i * 0.3 + 0.2, 0.9) for i, w in enumerate(
        "давайте запишу вас на на на на на на".split()
    ))  # fmt: skip
    out = filter_hallucinations([AsrSegment(0.0, 3.0, " ".join(w.w for w in words), words)])
    assert len(out) == 1
    assert out[0].text.startswith("давайте запишу вас на")
    assert len(out[0].words) < len(words)
    assert out[0].end == out[0].words[-1].end


def test_repeated_identical_lines_keep_the_first() -> None:
    lines = [seg("Алло, вы меня слышите?", 0), seg("Алло, вы меня слышите?", 2), seg("Да.", 4)]
    assert [s.start for s in filter_hallucinations(lines)] == [0, 4]


def test_doubtful_noise_segments_are_dropped_but_confident_ones_kept() -> None:
    noise = seg("Угу.", no_speech_prob=0.95, avg_logprob=-1.4)
    real = seg("Угу.", 3.0, no_speech_prob=0.95, avg_logprob=-0.2)
    assert filter_hallucinations([noise, real]) == [real]


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "ноль"),
        (11, "одиннадцать"),
        (21, "двадцать один"),
        (1000, "тысяча"),
        (2024, "две тысячи двадцать четыре"),
        (60000, "шестьдесят тысяч"),
        (345678, "триста сорок пять тысяч шестьсот семьдесят восемь"),
    ],
)
def test_russian_numbers_are_spelled_out(n: int, words: str) -> None:
    assert " ".join(number_words(n, "ru")) == words


def test_english_numbers_and_normalisation() -> None:
    assert " ".join(number_words(125, "en")) == "one hundred twenty five"
    assert normalize_words("Ёлка, 60 000 тенге!") == ["елка", "шестьдесят", "тысяч", "тенге"]


def test_wer_and_cer() -> None:
    ref = "шестьдесят тысяч тенге сколько будет стоить"
    assert wer(ref, "60 тысяч тенге сколько будет стоить") == 0.0
    assert wer(ref, "в 60 тысяч тенгет сколько будет стоить") == pytest.approx(2 / 6)
    assert 0 < cer(ref, "60 тысяч тенгет сколько будет стоить") < 0.05
    assert wer("", "лишнее слово") == 2.0  # insertions against an empty reference still count
