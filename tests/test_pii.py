"""Personal data found and masked: phones, Luhn-valid cards, passports; never times or prices."""

from __future__ import annotations

import pytest

from qcdesk.domain.pii import CARD, PASSPORT, PHONE, find_pii, luhn_valid, mask_pii


def found(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.text(text)) for m in find_pii(text)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Мой номер +7 916 123-45-67, звоните.", "+7 916 123-45-67"),
        ("перезвоните на +79161234567", "+79161234567"),
        ("Телефон: 8 (916) 123-45-67.", "8 (916) 123-45-67"),
        ("телефон 89161234567 и всё", "89161234567"),
        ("горячая линия 8-800-555-35-35", "8-800-555-35-35"),
        ("мобильный 916 123 45 67", "916 123 45 67"),
        ("мобильный 9161234567", "9161234567"),
        ("офис (495) 123-45-67", "(495) 123-45-67"),
        ("добавочный нет, прямой 123-45-67", "123-45-67"),
        ("Call me at +44 20 7946 0958 tomorrow", "+44 20 7946 0958"),
        ("My number is (555) 123-4567.", "(555) 123-4567"),
        ("reach us at 555-123-4567", "555-123-4567"),
        ("or 555.123.4567", "555.123.4567"),
        ("toll free 1-800-555-0199", "1-800-555-0199"),
    ],
)
def test_phone_numbers_are_found(text, number):
    assert found(text) == [(PHONE, number)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("карта 4276 3800 1234 5679, спишите", "4276 3800 1234 5679"),
        ("card number 4111111111111111 please", "4111111111111111"),
        ("номер карты 5500-0000-0000-0004", "5500-0000-0000-0004"),
        ("Amex 3782 822463 10005", "3782 822463 10005"),
    ],
)
def test_luhn_valid_card_numbers_are_found(text, number):
    assert found(text) == [(CARD, number)]


def test_a_card_number_failing_luhn_is_not_a_card():
    assert luhn_valid("4111111111111111") and not luhn_valid("4111111111111112")
    assert [k for k, _ in found("карта 4111 1111 1111 1112")] != [CARD]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("паспорт 45 06 123456 выдан", "45 06 123456"),
        ("серия 4506 номер 123456", "4506 номер 123456"),
        ("Паспорт: 4506 123456", "4506 123456"),
        ("данные паспорта 4506123456", "4506123456"),
        ("серии 45 06 № 123456", "45 06 № 123456"),
        ("passport no. 4506 123456", "4506 123456"),
        ("загранпаспорт 75 1234567", "75 1234567"),
    ],
)
def test_russian_passport_numbers_are_found(text, number):
    assert found(text) == [(PASSPORT, number)]


@pytest.mark.parametrize(
    "text",
    [
        "Перезвоню в 10:30, хорошо?",
        "встреча 14.10.2026 в 15:00",
        "дата 2026-10-14, время 09:05:30",
        "Стоимость 1 500 000 рублей, скидка 15%",
        "Итого 89 990 ₽, доставка 1 290 ₽",
        "It costs $1,299.99 or 1,299.99 EUR",
        "заказ на 12 500 штук к 01/12/2026",
        "работаем с 9 до 18, суббота 10-16",
        "в 2026 году 1500 рублей",
        "Здравствуйте, меня зовут Анна Петрова, компания Альфа",
        "версия 4.2.1, сборка 20261014",
        "площадь 120 кв. м, цена 12 000 000",
        "2026-10-14 11:02:00",
    ],
)
def test_times_dates_prices_and_names_are_not_personal_data(text):
    assert found(text) == []
    assert mask_pii(text) is text


def test_masking_keeps_the_shape_and_the_names():
    text = "Анна Петрова: мой номер +7 (916) 123-45-67, карта 4276 3800 1234 5679."
    assert mask_pii(text) == (
        "Анна Петрова: мой номер +* (***) ***-**-**, карта **** **** **** ****."
    )
    assert mask_pii(text, kinds=(CARD,)).startswith("Анна Петрова: мой номер +7 (916)")


def test_several_numbers_in_one_message_are_each_found_in_order():
    text = "тел 89161234567, паспорт 45 06 123456, в 10:30"
    assert [k for k, _ in found(text)] == [PHONE, PASSPORT]


def test_a_phone_number_inside_a_telephony_file_name_is_found():
    name = "/calls/20261014-110200_79161234567_201.wav"
    assert found(name) == [(PHONE, "79161234567")]
    assert mask_pii(name) == "/calls/20261014-110200_***********_201.wav"
