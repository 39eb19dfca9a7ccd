"""Chat response times within working hours, on hand-built timestamps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from qcdesk.domain.metrics import chat_metrics, metrics, response_waits
from qcdesk.domain.rules.text import make_dialog
from qcdesk.domain.working_hours import (
    WorkingHours,
    WorkingHoursError,
    place_hours,
    working_hours_for,
)

MSK = ZoneInfo("Europe/Moscow")
OFFICE = {"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "18:00"}


def chat(start: datetime, turns: list[tuple[str, datetime, str]]) -> dict:  # type: ignore[type-arg]
    return {
        "channel": "chat",
        "started_at": start.isoformat(),
        "segments": [
            {"speaker": who, "start": (t - start).total_seconds(),
             "end": (t - start).total_seconds(), "text": text}
            for who, t, text in turns
        ],
    }  # fmt: skip


def at(day: int, hh: int, mm: int, ss: int = 0) -> datetime:
    return datetime(2026, 11, day, hh, mm, ss, tzinfo=MSK)  # 27 = Friday, 30 = Monday


def test_a_message_at_22_answered_at_9_05_waited_five_minutes() -> None:
    start = datetime(2026, 11, 25, 22, 0, tzinfo=MSK)  # Wednesday evening
    answer = datetime(2026, 11, 26, 9, 5, tzinfo=MSK)
    data = chat(start, [("client", start, "Здравствуйте"), ("consultant", answer, "Добрый день!")])
    hours = working_hours_for(OFFICE, "Europe/Moscow", start.replace(tzinfo=None))
    m = chat_metrics(make_dialog(data), hours)
    assert m["first_response_time"] == 300.0
    assert m["working_hours_only"] is True
    assert chat_metrics(make_dialog(data))["first_response_time"] == 11 * 3600 + 300


def test_weekend_is_skipped_and_mean_max_unanswered_per_side() -> None:
    start = at(27, 17, 50)  # Friday 17:50
    turns = [
        ("client", start, "Есть диван Марсель?"),
        ("client", at(27, 17, 55), "Серый"),
        ("consultant", at(30, 9, 30), "Доброе утро! Есть."),  # 10 min Fri + 30 min Mon
        ("client", at(30, 9, 40), "Сколько стоит?"),
        ("consultant", at(30, 9, 42), "64 900 ₽"),  # 2 min
        ("client", at(30, 9, 50), "Спасибо"),
        ("client", at(30, 9, 51), "Подумаю"),
    ]
    m = chat_metrics(
        make_dialog(chat(start, turns)), working_hours_for(OFFICE, "Europe/Moscow", start)
    )
    assert m["first_response_time"] == 2400.0
    assert m["response_time_max"] == 2400.0
    assert m["response_time_mean"] == 1260.0
    assert m["unanswered_client_messages"] == 1  # «Подумаю»; the «Спасибо» before needs no reply
    assert (m["messages_client"], m["messages_consultant"]) == (5, 2)


def test_metrics_forwards_working_hours_to_chats_only() -> None:
    start = datetime(2026, 11, 25, 22, 0, tzinfo=MSK)
    answer = datetime(2026, 11, 26, 9, 1, tzinfo=MSK)
    data = chat(start, [("client", start, "Привет"), ("consultant", answer, "Здравствуйте")])
    dl = make_dialog(data)
    # The stored form of Client.working_hours, placed at the transcript's started_at.
    assert metrics(dl, working_hours=OFFICE)["first_response_time"] == 60.0
    # In Yekaterinburg (UTC+5) the message came at 00:00 and the answer at 11:01.
    yekat = dict(OFFICE, timezone="Asia/Yekaterinburg")
    assert metrics(dl, working_hours=yekat)["first_response_time"] == 2 * 3600 + 60


def test_night_shift_and_daylight_saving() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    wh = WorkingHours.from_json(
        {"days": [0, 1, 2, 3, 4, 5, 6], "start": "20:00", "end": "02:00"}, "Europe/Berlin"
    )
    # 2026-10-25: clocks go back at 03:00 in Berlin; the shift of the 24th runs 20:00-02:00.
    a = datetime(2026, 10, 24, 19, 0, tzinfo=berlin)
    b = datetime(2026, 10, 25, 3, 0, tzinfo=berlin)
    assert wh.working_seconds(a, b) == 6 * 3600
    # Across the change, an hour of wall clock in the shift is an hour of working time.
    placed = wh.placed(datetime(2026, 10, 25, 1, 0))
    assert placed.elapsed(0, 3600) == 3600  # 01:00-02:00 CEST is in the shift


def test_round_the_clock_when_no_hours() -> None:
    assert working_hours_for(None, "Europe/Moscow", datetime(2026, 1, 1)) is None
    assert place_hours(None, None) is None


def test_bad_settings_are_known_errors() -> None:
    with pytest.raises(WorkingHoursError, match="Unknown time zone Mars/Olympus"):
        WorkingHours.from_json(OFFICE, "Mars/Olympus")
    with pytest.raises(WorkingHoursError, match="HH:MM"):
        WorkingHours.from_json({"days": [0], "start": "9", "end": "18:00"})
    with pytest.raises(WorkingHoursError, match="0-6"):
        WorkingHours.from_json({"days": [7], "start": "09:00", "end": "18:00"})


def test_unplaced_hours_without_a_start_are_a_bug() -> None:
    dl = make_dialog(
        {"channel": "chat", "segments": [{"speaker": "client", "start": 0, "text": "x"}]}
    )
    with pytest.raises(ValueError, match="start time"):
        chat_metrics(dl, OFFICE)


def test_response_waits_point_at_the_messages() -> None:
    start = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    turns = [("client", start, "a"), ("client", start + timedelta(minutes=1), "b"),
             ("consultant", start + timedelta(minutes=20), "c")]  # fmt: skip
    waits, unanswered = response_waits(make_dialog(chat(start, turns)).segments)
    assert [(w.asked, w.answered, w.wait) for w in waits] == [(0, 2, 1200.0)]
    assert unanswered == []


def test_response_time_rules_show_the_two_messages_as_evidence() -> None:
    """A late answer is disputed until the reviewer sees the question and the reply."""
    from qcdesk.services.autoscore import autoscore, resolve_template

    start = at(30, 10, 0)  # Monday 10:00
    turns = [
        ("client", start, "Добрый день, есть диван Марсель?"),
        ("consultant", at(30, 10, 1), "Здравствуйте! Да, есть."),  # 1 min
        ("client", at(30, 10, 5), "А сколько стоит доставка?"),
        ("consultant", at(30, 10, 40), "Доставка бесплатная."),  # 35 min: the worst wait
        ("client", at(30, 10, 45), "А в какие дни возите?"),
        ("client", at(30, 10, 46), "Спасибо!"),
    ]
    result = autoscore(resolve_template("chat-ru"), chat(start, turns))
    quotes = {
        cid: [e["quote"] for e in result["answers"][cid]["evidence"]]
        for cid in ("first_response_time", "response_time_max", "no_unanswered")
    }
    assert result["answers"]["first_response_time"]["value"] == "yes"
    assert quotes["first_response_time"] == [turns[0][2], turns[1][2]]
    assert result["answers"]["response_time_max"]["value"] == "no"
    assert quotes["response_time_max"] == [turns[2][2], turns[3][2]]
    assert result["answers"]["no_unanswered"]["value"] == "no"
    assert quotes["no_unanswered"] == ["А в какие дни возите?"]  # thanks need no answer


def test_closing_thanks_and_stickers_are_not_unanswered() -> None:
    start = at(30, 10, 0)
    turns = [
        ("client", start, "Есть в наличии?"),
        ("consultant", at(30, 10, 1), "Да, есть."),
        ("client", at(30, 10, 2), "Спасибо большое, до свидания!"),
        ("client", at(30, 10, 2, 30), "[стикер 👍]"),
    ]
    assert chat_metrics(make_dialog(chat(start, turns)))["unanswered_client_messages"] == 0
    turns.append(("client", at(30, 10, 3), "А скидка будет?"))
    assert chat_metrics(make_dialog(chat(start, turns)))["unanswered_client_messages"] == 1
