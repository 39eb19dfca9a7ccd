"""Conversation metrics on hand-built timings."""

from __future__ import annotations

import pytest

from qcdesk.domain.metrics import call_metrics, chat_metrics, interruptions
from qcdesk.domain.rules.text import make_dialog


def dialog(segs, channel="call", duration=None):
    return make_dialog(
        {
            "id": "t",
            "channel": channel,
            "direction": "incoming",
            "language": "ru",
            "duration": duration if duration is not None else max(s[2] for s in segs),
            "segments": [{"speaker": sp, "start": a, "end": b, "text": t} for sp, a, b, t in segs],
        }
    )


CALL = [
    ("consultant", 0.0, 4.0, "добрый день салон уют меня зовут анна"),  # 4 s, 7 words
    ("client", 5.0, 9.0, "здравствуйте мне нужен диван"),  # 4 s, 4 words
    ("consultant", 8.0, 14.0, "ну вот как бы расскажите какой диван вам нужен"),  # 6 s, overlap 1.0
    ("consultant", 14.0, 16.0, "какой бюджет"),
    ("client", 15.7, 18.0, "до ста тысяч"),  # overlaps consultant by 0.3 s only
    ("consultant", 20.0, 22.0, "хорошо"),
]


def test_call_metrics_from_hand_built_timings():
    m = call_metrics(dialog(CALL, duration=24.0))
    talk_c, talk_k = 4 + 6 + 2 + 2, 4 + 2.3
    assert m["talk_share_consultant"] == pytest.approx(talk_c / (talk_c + talk_k), abs=1e-3)
    assert m["talk_share_client"] == pytest.approx(talk_k / (talk_c + talk_k), abs=1e-3)
    assert m["speech_rate_client"] == pytest.approx(7 / (talk_k / 60), abs=0.1)
    assert m["longest_monologue_consultant"] == pytest.approx(8.0)  # 8.0 .. 16.0
    covered = 4 + (18 - 5) + 2  # 0-4, 5-18, 20-22
    assert m["silence_share"] == pytest.approx((24 - covered) / 24, abs=1e-3)
    assert m["longest_silence"] == pytest.approx(2.0)
    assert m["interruptions_by_consultant"] == 1
    assert m["interruptions_by_client"] == 0
    assert m["response_gap_consultant"] == pytest.approx((0 + 2.0) / 2)  # 8<9 -> 0; 20-18
    assert m["questions_open"] == 2
    assert m["fillers_per_minute"] == pytest.approx(3 / (talk_c / 60), abs=0.01)


def test_interruption_needs_more_than_half_a_second():
    segs = dialog(CALL).segments
    assert [s.index for s in interruptions(segs, "consultant")] == [2]
    assert interruptions(segs, "client") == []


def test_word_timings_count_words_when_present():
    d = make_dialog(
        {
            "channel": "call",
            "segments": [
                {
                    "speaker": "consultant",
                    "start": 0,
                    "end": 30,
                    "text": "x",
                    "words": [{"w": "a", "start": 0, "end": 1}] * 50,
                },
            ],
        }
    )
    assert call_metrics(d)["speech_rate_consultant"] == pytest.approx(100.0)


def test_chat_metrics_response_times_and_unanswered():
    d = dialog(
        [
            ("client", 0, 0, "Здравствуйте, есть диваны?"),
            ("client", 30, 30, "Угловые"),
            ("consultant", 90, 90, "Здравствуйте! Есть."),
            ("client", 100, 100, "А цена?"),
            ("consultant", 400, 400, "От 50 000"),
            ("client", 500, 500, "Спасибо"),
            ("client", 520, 520, "Ещё вопрос"),
        ],
        channel="chat",
    )
    m = chat_metrics(d)
    assert m["first_response_time"] == 90
    assert m["response_time_mean"] == pytest.approx((90 + 300) / 2)
    assert m["response_time_max"] == 300
    assert m["unanswered_client_messages"] == 1  # «Спасибо» asks for nothing; «Ещё вопрос» does
