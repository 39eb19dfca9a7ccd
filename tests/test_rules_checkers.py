"""Criterion checkers per labeling-guide.md, on hand-written dialogs in two styles.

Every case runs on the punctuated text and on an ASR-style copy (lowercase, no punctuation),
because speech recognition drops both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.dialogs import asr, build

from qcdesk.domain.rules.checkers import CHECKERS, outcome
from qcdesk.domain.rules.text import make_dialog

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dialogs-dev"


C, K = "consultant", "client"
CASES = [
    ("greeting", "yes", [(C, "Салон «Диваны», добрый вечер! Чем помочь?")]),
    ("greeting", "yes", [(C, "Алло."), (K, "Да."), (C, "Приветствую, это Олег, компания «Окна».")]),
    ("greeting", "no", [(K, "Добрый день."), (C, "Какой диван вы ищете?"), (C, "Здравствуйте.")]),
    ("introduced_self", "yes", [(C, "Добрый день, с вами говорит Мария, чем помочь?")]),
    ("introduced_self", "no", [(K, "Меня зовут Павел."), (C, "Слушаю вас, Павел.")]),
    ("named_company", "yes", [(C, "Здравствуйте, автосалон «Север», слушаю.")]),
    ("named_company", "no", [(K, "Это магазин «Север»?"), (C, "Да, слушаю вас.")]),
    ("asked_client_name", "yes", [(C, "Как я могу к вам обращаться?"), (K, "Ирина.")]),
    ("asked_client_name", "yes", [(C, "Сергей Петрович, добрый день!")]),
    ("asked_client_name", "no", [(K, "Меня зовут Ольга, хочу шкаф."), (C, "Какой размер нужен?")]),
    ("needs_discovery", "yes", [(C, "Для чего вам нужен ноутбук?")]),
    ("needs_discovery", "no", [(C, "Какой у вас номер телефона?"), (K, "Не нужно.")]),
    (
        "open_questions",
        "yes",
        [(C, "Какая площадь кухни?"), (K, "Десять."), (C, "А почему решили менять гарнитур?")],
    ),
    (
        "open_questions",
        "no",
        [(C, "Какая площадь кухни?"), (K, "Десять."), (C, "Вам светлый или тёмный?")],
    ),
    (
        "presented_benefits",
        "yes",
        [(C, "Эта ткань не впитывает воду, поэтому вам не придётся чистить диван после детей.")],
    ),
    (
        "presented_benefits",
        "no",
        [(C, "Модель двести сантиметров, ткань велюр, цена сорок тысяч рублей.")],
    ),
    (
        "objection_handling",
        "yes",
        [(K, "Дороговато для меня."), (C, "Понимаю. Есть рассрочка на полгода без переплаты.")],
    ),
    ("objection_handling", "no", [(K, "Я подумаю."), (C, "Хорошо, до свидания.")]),
    ("objection_handling", "na", [(K, "Я до шести работаю."), (C, "Тогда приходите в субботу.")]),
    ("next_step", "yes", [(C, "Записала вас на замер в среду в десять."), (K, "Спасибо.")]),
    ("next_step", "no", [(C, "Если надумаете, перезванивайте."), (K, "Хорошо.")]),
    ("farewell", "yes", [(C, "Ждём вас в пятницу, всего доброго!")]),
    ("farewell", "no", [(C, "Оплата по ссылке в смс."), (K, "До свидания.")]),
    ("no_rudeness", "no", [(K, "Сколько стоит?"), (C, "Я же уже сказала, читайте внимательнее.")]),
    ("no_rudeness", "yes", [(K, "А сколько стоит?"), (C, "Сорок тысяч, с доставкой.")]),
    # Written for the generalisation pass (not taken from any labeled set).
    ("named_company", "yes", [(C, "Автомойка «Капля», Дарья, слушаю.")]),  # a compound noun
    ("named_company", "yes", [(K, "Алло, это пекарня Колосок?"), (C, "Да, Колосок, слушаю.")]),
    ("named_company", "no", [(C, "Добрый день, отдел доставки, Марина.")]),  # a department
    ("introduced_self", "yes", [(C, "Добрый вечер! На связи служба поддержки, Кирилл.")]),
    ("asked_client_name", "yes", [(C, "С кем имею честь?"), (K, "Борис.")]),
    (
        "asked_client_name",
        "yes",
        [(C, "Представьтесь, пожалуйста."), (K, "Артём."), (C, "Артём, какой диван ищете?")],
    ),
    ("needs_discovery", "no", [(C, "Алло, Марина Сергеевна?"), (K, "Да.")]),  # identity check
    ("needs_discovery", "no", [(C, "Алло, вы меня слышите?"), (K, "Плохо.")]),  # the line
    ("needs_discovery", "no", [(C, "Тогда в среду в пять — удобно будет?"), (K, "Да.")]),
    (
        "needs_discovery",
        "yes",
        [(C, "Скажите, а сейчас вас что-нибудь беспокоит?"), (K, "Спина иногда.")],
    ),
    (
        "objection_handling",
        "yes",
        [
            (K, "У нас свой поставщик, уже пять лет, нас всё устраивает."),
            (C, "А что для вас важно?"),
        ],
    ),
    (
        "objection_handling",
        "yes",
        [(K, "Мы пока думаем, может, сами справимся."), (C, "Понимаю. А что смущает?")],
    ),
    (
        "objection_handling",
        "no",
        [
            (K, "Муж не разрешит, это дорого."),
            (C, "Смотрите, в среду в шесть есть окно, записываю."),
        ],
    ),
    (
        "next_step",
        "yes",
        [(C, "Во сколько подъедете?"), (K, "Часов в пять."), (C, "Отложила, будем ждать вас.")],
    ),
    ("next_step", "no", [(K, "Можно забронировать?"), (C, "Брони у нас нет."), (K, "Ясно.")]),
    (
        "no_rudeness",
        "no",
        [(K, "Дорого."), (C, "Ну так и идите к ним, раз такой умный.")],
    ),
    (
        "no_rudeness",
        "no",
        [(K, "Нужно к завтра."), (C, "Ну вы даёте, вы бы ещё ночью позвонили.")],
    ),
]


@pytest.mark.parametrize("style", ["punct", "asr"])
@pytest.mark.parametrize("cid,want,turns", CASES)
def test_checker(cid, want, turns, style):
    got = CHECKERS[cid](build(turns, style))
    assert got.value == want
    if want == "yes" and cid not in ("no_rudeness",):
        assert got.evidence and got.evidence[0].quote


def test_checked_time_only_for_outgoing_calls():
    turns = [(K, "Алло."), (C, "Добрый день, это Анна, вам удобно сейчас говорить?")]
    assert CHECKERS["checked_time"](build(turns, "asr", direction="outgoing")).value == "yes"
    assert (
        CHECKERS["checked_time"](
            build(turns[:1] + [(C, "Это Анна.")], "asr", direction="outgoing")
        ).value
        == "no"
    )
    for ask in ("Вам сейчас комфортно общаться?", "Говорить можете сейчас?"):
        got = CHECKERS["checked_time"](build([(C, ask)], "asr", direction="outgoing"))
        assert got.value == "yes", ask
    statement = [(C, "Я вас долго не задержу и не буду отвлекать.")]
    assert CHECKERS["checked_time"](build(statement, "asr", direction="outgoing")).value == "no"
    assert CHECKERS["checked_time"](build(turns, "punct", direction="incoming")).value == "na"
    assert CHECKERS["checked_time"](build(turns, "punct", channel="chat")).value == "na"


def test_no_interruptions_from_overlap():
    d = make_dialog(
        {
            "channel": "call",
            "segments": [
                {"speaker": K, "start": 0, "end": 5, "text": "я хотел узнать"},
                {"speaker": C, "start": 4.8, "end": 6, "text": "да"},
            ],
        }
    )
    assert CHECKERS["no_interruptions"](d).value == "yes"
    d.segments[1].start = 3.0
    assert CHECKERS["no_interruptions"](d).value == "no"


@pytest.mark.parametrize("style", ["punct", "asr"])
def test_outcome_goal_versus_call_back(style):
    visit = [
        (C, "Какой бюджет?"),
        (K, "Сто тысяч."),
        (C, "Давайте запишу вас на просмотр в субботу в двенадцать."),
        (K, "Да, давайте."),
        (C, "Записала: суббота, двенадцать. До свидания!"),
    ]
    assert outcome(build(visit, style)) == ("closing", True)
    callback = visit[:2] + [
        (C, "Я вам перезвоню в четверг в три часа, хорошо?"),
        (K, "Да, в четверг в три удобно."),
        (C, "Записала, до свидания!"),
    ]
    assert outcome(build(callback, style)) == ("closing", False)
    assert outcome(build([(C, "Добрый день!"), (K, "Ошиблись номером.")], style))[0] == "greeting"


@pytest.mark.shared_data
@pytest.mark.parametrize("style", ["punct", "asr"])
def test_dev_set_agreement(style):
    """The engine meets the overall agreement target on dialogs-dev, in both text styles."""
    right = total = stage_ok = 0
    files = sorted(p for p in DEV.glob("*.json") if not p.name.endswith(".labels.json"))
    assert files, f"no dialogs in {DEV}"
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        if style == "asr":
            for s in data["segments"]:
                s["text"] = asr(s["text"])
        gold = json.loads(f.with_name(f.stem + ".labels.json").read_text(encoding="utf-8"))
        d = make_dialog(data)
        for cid, want in gold["labels"].items():
            right += CHECKERS[cid](d).value == want
            total += 1
        stage_ok += outcome(d)[0] == gold["stage_reached"]
    assert right / total >= 0.92
    assert stage_ok / len(files) >= 0.8
