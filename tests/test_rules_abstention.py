"""Calibrated rules: clear cases answered, weak or conflicting cues left to the reviewer.

Hand-written per labeling-guide.md in wording of our own (neither dev nor holdout sentences),
each in punctuated and ASR style. ``UNSURE`` suggestions fall below the engine's default
threshold, so the workspace shows them as "check manually".
"""

from __future__ import annotations

import pytest
from helpers.dialogs import build

from qcdesk.domain.rules import detectors as d
from qcdesk.domain.rules.checkers import CHECKERS, UNSURE, outcome
from qcdesk.services.autoscore import DEFAULT_THRESHOLD, autoscore, resolve_template

C, K = "consultant", "client"
STYLES = ["punct", "asr"]


def check(cid, turns, style, **kw):
    return CHECKERS[cid](build(turns, style, **kw))


def assert_unsure(sug) -> None:
    assert sug.confidence < DEFAULT_THRESHOLD, sug


@pytest.mark.parametrize("style", STYLES)
def test_company_named_versus_described(style) -> None:
    name = check(
        "named_company", [(K, "Алло."), (C, "Вас беспокоит компания Гардиан, удобно?")], style
    )
    assert name.value == "yes"
    place = check("named_company", [(C, "Добрый день, автосервис на Садовой, слушаю.")], style)
    assert place.value == "no" and place.confidence >= DEFAULT_THRESHOLD
    product = [(C, "Здравствуйте, я по поводу страховки «Щит плюс», вам удобно?")]
    assert check("named_company", product, style, direction="outgoing").value == "no"
    garbled = check("named_company", [(C, "добрый день банк за хребтолье слушаю")], style)
    assert garbled.value == "no"
    assert_unsure(garbled)


@pytest.mark.parametrize("style", STYLES)
def test_own_name_in_the_opening_and_ambiguous_names(style) -> None:
    opening = [(C, "Добрый день, магазин «Плитка», Геннадий."), (K, "Здравствуйте.")]
    assert check("introduced_self", opening, style).value == "yes"
    # The consultant's own name is not the client's: no address by name here.
    assert check("asked_client_name", opening, style).value == "no"
    faith = [(C, "Здравствуйте, меня зовут Надежда, чем помочь?")]
    assert check("introduced_self", faith, style).value == "yes"


@pytest.mark.parametrize("style", STYLES)
def test_objection_kinds_by_grammar_and_by_competitor_quote(style) -> None:
    cheapest = [(K, "Какой у вас самый дешёвый холодильник?"), (C, "Вот этот, двадцать тысяч.")]
    assert check("objection_handling", cheapest, style).value == "na"  # a need, not resistance
    option = [(K, "Подскажите, а есть что-то подешевле"), (C, "Есть, за пятнадцать.")]
    assert check("objection_handling", option, style).value == "na"  # asks for an option
    answer = [(C, "Установка нужна?"), (K, "Нет, не нужна."), (C, "Хорошо.")]
    assert check("objection_handling", answer, style).value == "na"  # answers the question
    quote = [
        (K, "А в соседнем магазине мне предложили за восемнадцать."),
        (C, "Понимаю, но у нас доставка и подъём бесплатно, а гарантия три года."),
    ]
    assert d.competitor_quote(build(quote, style).segments[0])
    assert check("objection_handling", quote, style).value == "yes"


@pytest.mark.parametrize("style", STYLES)
def test_what_counts_as_handling(style) -> None:
    alternative = [(K, "Дороговато выходит."), (C, "Есть модель попроще, за пятнадцать.")]
    assert check("objection_handling", alternative, style).value == "yes"
    refusal = [(K, "Дороговато. А подешевле ничего?"), (C, "Нет. Дешевле нет.")]
    assert check("objection_handling", refusal, style).value == "no"
    agreeing = [(K, "Я ещё подумаю."), (C, "Конечно, подумайте, всего доброго.")]
    assert check("objection_handling", agreeing, style).value == "no"
    fear = [(K, "Ой, я уколов боюсь."), (C, "Процедура без уколов, не волнуйтесь.")]
    assert_unsure(check("objection_handling", fear, style))


@pytest.mark.parametrize("style", STYLES)
def test_rudeness_hints_are_left_to_the_reviewer(style) -> None:
    reproach = [(K, "Я не помню размер."), (C, "Ну как можно не знать размер своей кровати?")]
    sug = check("no_rudeness", reproach, style)
    assert sug.value == "yes" and sug.confidence == UNSURE and sug.evidence
    address = [(K, "Можно побыстрее?"), (C, "Мужчина, подождите, я оформляю.")]
    assert_unsure(check("no_rudeness", address, style))
    clear = [(K, "Сколько стоит?"), (C, "Пятьсот, я же уже сказала.")]
    assert check("no_rudeness", clear, style).value == "no"
    clear = [(K, "Где это написано?"), (C, "Вы что, инструкцию не открывали?")]  # the guide's
    assert check("no_rudeness", clear, style).value == "no"
    # A reproach is not a needs question either.
    assert check("needs_discovery", reproach, style).value == "no"


@pytest.mark.parametrize("style", STYLES)
def test_benefits_strong_weak_and_absent(style) -> None:
    gain = [(C, "С этим тарифом вы будете экономить около тысячи рублей каждый месяц на связи.")]
    assert check("presented_benefits", gain, style).value == "yes"
    price_argument = [(C, "Цены везде одинаковые, так что наша стоимость вполне рыночная сейчас.")]
    assert_unsure(check("presented_benefits", price_argument, style))
    bare = [(C, "Ширина сто шестьдесят, цвет серый, цена тридцать тысяч.")]
    assert check("presented_benefits", bare, style).value == "no"


def test_run_on_questions_in_asr_text_are_not_counted_as_one() -> None:
    # Joined by «и»: two questions, as the guide counts them.
    joined = [(C, "а какой у вас бюджет и где будете ставить шкаф")]
    assert check("open_questions", joined, "asr").value == "yes"
    # Run together without a conjunction: one is found, another may hide, so it abstains.
    turns = [(C, "а какой у вас бюджет где будете ставить шкаф")]
    sug = check("open_questions", turns, "asr")
    assert sug.value == "no"
    assert_unsure(sug)


@pytest.mark.parametrize("style", STYLES)
def test_declined_proposal_is_no_next_step_but_closing(style) -> None:
    turns = [
        (C, "Давайте запишу вас на пятницу на десять утра?"),
        (K, "Нет, в пятницу не сможем, я сама позвоню."),
        (C, "Хорошо, будем ждать."),
    ]
    assert check("next_step", turns, style).value == "no"
    assert outcome(build(turns, style)) == ("closing", False)
    vague = [(C, "Цена сорок тысяч."), (K, "Понятно."), (C, "Если что, приезжайте.")]
    assert outcome(build(vague, style))[0] == "closing"  # "even a vague one"
    assert check("next_step", vague, style).value == "no"


def test_engine_abstains_below_the_threshold() -> None:
    """An UNSURE checker result reaches the contract as value null with its evidence."""
    dialog = build([(K, "Можно побыстрее?"), (C, "Мужчина, подождите, я оформляю.")], "punct")
    data = {
        "channel": "call",
        "direction": "incoming",
        "segments": [
            {"speaker": s.speaker, "start": s.start, "end": s.end, "text": s.text}
            for s in dialog.segments
        ],
    }
    answer = autoscore(resolve_template("sales-call-ru"), data)["answers"]["no_rudeness"]
    assert answer["value"] is None and answer["confidence"] == UNSURE and answer["evidence"]
