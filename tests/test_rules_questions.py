"""Question detection and open/closed classification, punctuated and ASR-style, ru and en."""

from __future__ import annotations

import re

import pytest

from qcdesk.domain.rules.questions import consultant_questions, questions_in
from qcdesk.domain.rules.text import make_seg


def asr(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", text.lower())).strip()


def qs(text: str):
    return questions_in(make_seg(0, {"speaker": "consultant", "start": 0, "end": 1, "text": text}))


CASES = [
    # text, open questions expected, any question expected
    ("Расскажите, для какой комнаты вы выбираете диван?", 1, True),
    ("Какой бюджет вы рассматриваете?", 1, True),
    ("А сколько комнат в квартире?", 1, True),
    ("Какие сроки для вас важны?", 1, True),
    ("Вам удобнее утром или вечером?", 0, True),
    ("Как вам удобнее: утром или вечером?", 0, True),  # open word, but a choice
    ("Что-нибудь ещё подсказать?", 0, True),
    ("Как вас зовут?", 0, True),  # a name question is set apart
    ("Какой у вас номер телефона?", 0, True),
    ("Подойдёт ли вам такой вариант?", 0, True),
    ("Поэтому я думаю, что вам подойдёт эта модель.", 0, False),
    ("Шкаф встанет так, как вы хотели.", 0, False),
    ("What size do you need?", 1, True),
    ("Do you have a minute?", 0, True),
]


@pytest.mark.parametrize("text,n_open,is_q", CASES)
def test_classification_with_punctuation(text, n_open, is_q):
    found = qs(text)
    assert sum(q.open for q in found) == n_open
    assert bool(found) == is_q


@pytest.mark.parametrize("text,n_open,is_q", [c for c in CASES if c[2] and c[1]])
def test_open_questions_found_in_asr_text(text, n_open, is_q):
    assert sum(q.open for q in qs(asr(text))) == n_open


def test_asr_choice_and_declarative_are_not_open():
    assert not any(q.open for q in qs("а сейчас какие стоят деревянные или пластик"))
    assert not any(q.open for q in qs("хорошо тогда смотрите что я бы предложил"))
    assert not any(q.open for q in qs("спасибо вам что выбрали нас"))
    assert not any(q.open for q in qs("сколько бы вы ни готовили она будет как новая"))


def test_contact_questions_are_flagged_and_repeats_count_once():
    found = qs("Как к вам можно обращаться?")
    assert found and found[0].contact and not found[0].open
    segs = [
        make_seg(i, {"speaker": "consultant", "start": i, "end": i + 1, "text": t})
        for i, t in enumerate(["Какой у вас бюджет?", "Какой у вас бюджет?"])
    ]
    assert len(consultant_questions(segs)) == 1


# Hand-written, not from any labeled set: the clause split, imperatives, idioms, «ли»-free asks.
QUESTION_CASES = [
    # Two questions joined by «и/а»: counted as two, as the guide counts them.
    ("Какой у вас бюджет и когда планируете ремонт?", 2),
    ("А сколько раз в неделю вы тренируетесь?", 1),  # «сколько раз» asks («как раз» does not)
    ("И что он обычно ест на завтрак?", 1),  # «что он…» is a question, «что я бы…» is not
    ("Ну и покупайте как хотите.", 0),  # «как» after an imperative is a conjunction
    ("Ну как хотите, дело ваше.", 0),  # «как хотите» is "as you wish"
    ("Как хотите оплатить, картой?", 1),  # …unless a verb follows: then it asks
    ("Ну а чего вы хотели, сезон же.", 0),  # a reproach, not a question
    ("А что вы хотите заказать?", 1),  # «что вы хотите» asks (lemma «что» ≠ the word «чего»)
]


@pytest.mark.parametrize("style", ["punct", "asr"])
@pytest.mark.parametrize("text,n_open", QUESTION_CASES)
def test_open_question_count(text, n_open, style):
    found = qs(asr(text) if style == "asr" else text)
    assert sum(q.open for q in found) == n_open


def test_asr_polite_ask_and_long_choice_are_questions():
    # «скажите а …» mid-turn makes what follows a question, even without an interrogative.
    assert qs("мы вам в прошлом месяце ставили окна скажите а сейчас вас что-нибудь не устраивает")
    # A long «а … вы … или …» choice put to the client is a (closed) question.
    found = qs("наталья а стол вы на кухню хотите ну чтобы обедать или в гостиную для гостей")
    assert found and found[0].choice and not found[0].open
