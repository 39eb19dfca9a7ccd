"""One date/time format per language everywhere, and customer phone numbers as +7 …"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale

from qcdesk.qtmodels.interactions import COLUMN_IDS, InteractionsTableModel
from qcdesk.qtmodels.labels import format_customer, format_date, format_datetime
from qcdesk.services.dto import InteractionRow


@pytest.fixture
def locale_of():  # type: ignore[no-untyped-def]
    saved = QLocale()

    def use(lang: str) -> None:
        if lang == "ru":
            QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

    yield use
    QLocale.setDefault(saved)


def test_dates_have_one_format_per_language(locale_of) -> None:
    when = datetime(2026, 10, 4, 9, 5, 33)
    locale_of("ru")
    assert format_datetime(when) == "04.10.2026 09:05"
    assert format_date(when.date()) == "04.10.2026"
    locale_of("en")
    assert format_datetime(when) == "4 Oct 2026, 09:05"  # never 10/4/26: day or month?
    assert format_date(date(2026, 10, 4)) == "4 Oct 2026"
    assert format_datetime(None) == "" and format_date(None) == ""


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("79161234567", "+7 916 123-45-67"),
        ("89161234567", "+7 916 123-45-67"),
        ("+7 (916) 123-45-67", "+7 916 123-45-67"),
        ("9161234567", "+7 916 123-45-67"),
        ("74951234567", "+7 495 123-45-67"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),  # not Russian: as stored
        ("+14155552671", "+14155552671"),
        ("Ирина Смирнова", "Ирина Смирнова"),  # a chat's customer is a name
        ("201", "201"),
        (None, ""),
    ],
)
def test_customer_numbers_as_plus_seven(stored, shown) -> None:
    assert format_customer(stored) == shown


def test_list_shows_the_shared_formats(locale_of) -> None:
    locale_of("ru")
    model = InteractionsTableModel()
    row = InteractionRow(
        id=1, kind="call", direction="incoming", client_id=1, client="Ромашка",
        consultant_id=None, consultant=None, started_at=datetime(2026, 10, 14, 11, 2),
        duration=60.0, customer_ref="79161234567", status="new", score=None,
        critical_failed=False, stage_reached=None, goal_achieved=None,
    )  # fmt: skip
    model.set_rows([row])
    assert model.index(0, COLUMN_IDS.index("started_at")).data() == "14.10.2026 11:02"
    assert model.index(0, COLUMN_IDS.index("customer")).data() == "+7 916 123-45-67"
