"""Tests for merging channel transcripts and guessing who the consultant is."""

from __future__ import annotations

import pytest

from qcdesk.asr.roles import apply_roles, guess_consultant, merge_channel_transcripts
from qcdesk.services.dto import Segment


def test_merge_orders_by_start_then_end_and_keeps_overlaps() -> None:
    left = [Segment("ch0", 0.0, 3.0, "здравствуйте"), Segment("ch0", 5.0, 9.0, "итак")]
    right = [Segment("ch1", 2.5, 4.0, "да"), Segment("ch1", 5.0, 6.0, "угу")]
    out = merge_channel_transcripts([("consultant", left), ("client", right)])
    assert [(s.speaker, s.start, s.end) for s in out] == [
        ("consultant", 0.0, 3.0),
        ("client", 2.5, 4.0),
        ("client", 5.0, 6.0),
        ("consultant", 5.0, 9.0),
    ]
    assert len(out) == len(left) + len(right)
    assert merge_channel_transcripts([]) == ()


@pytest.mark.parametrize(
    ("a_text", "b_text", "expected"),
    [
        ("Добрый день.", "Здравствуйте! Компания «Ромашка», меня зовут Анна.", "B"),
        ("Алло, слушаю вас, чем могу помочь?", "Да, здравствуйте, я по поводу окон.", "A"),
        ("Hi, I'm calling about my order.", "Thank you for calling, my name is Kate.", "B"),
        ("Hello, how can I help you today?", "Hello, yes, I have a question.", "A"),
    ],
)
def test_guess_consultant_from_opening(a_text: str, b_text: str, expected: str) -> None:
    segs = [Segment("A", 0.0, 2.5, a_text), Segment("B", 3.0, 5.5, b_text)]
    label, confidence = guess_consultant(segs)
    assert label == expected
    assert 0.0 < confidence <= 1.0


def test_guess_looks_only_at_the_opening() -> None:
    segs = [
        Segment("A", 0.0, 2.0, "Алло."),
        Segment("B", 2.0, 4.0, "Здравствуйте, вас приветствует салон «Окна»."),
        Segment("A", 30.0, 32.0, "Меня зовут Сергей, компания у вас хорошая, чем могу помочь?"),
    ]
    # A's consultant-like sentence comes 30 s after A's first words: past the opening window.
    assert guess_consultant(segs)[0] == "B"


def test_guess_tie_or_nothing_gives_none() -> None:
    tie = [Segment("A", 0.0, 1.0, "Здравствуйте."), Segment("B", 1.0, 2.0, "Здравствуйте.")]
    assert guess_consultant(tie) == (None, 0.0)
    silent = [Segment("A", 0.0, 1.0, "Да."), Segment("B", 1.0, 2.0, "Нет.")]
    assert guess_consultant(silent) == (None, 0.0)
    assert guess_consultant([]) == (None, 0.0)


def test_apply_roles_renames_labels() -> None:
    segs = (Segment("A", 0.0, 1.0, "x"), Segment("B", 1.0, 2.0, "y"), Segment("A", 2.0, 3.0, "z"))
    assert [s.speaker for s in apply_roles(segs, "B")] == ["client", "consultant", "client"]
    assert [s.text for s in apply_roles(segs, "A")] == ["x", "y", "z"]


def test_guess_confidence_counts_the_lead_not_its_share(shared_data) -> None:
    """The synthetic call: the client introduces himself too, the guess is still sure."""
    import json

    turns = json.loads((shared_data / "synthetic" / "turns.json").read_text("utf-8"))
    segs = [Segment(t["speaker"], t["start"], t["end"], t["text"]) for t in turns]
    label, confidence = guess_consultant(segs)
    assert label == "A" and confidence >= 0.5
    # A greeting is all that tells them apart: doubtful.
    weak = [Segment("A", 0.0, 1.0, "Здравствуйте."), Segment("B", 1.0, 2.0, "Да?")]
    assert guess_consultant(weak)[0] == "A" and guess_consultant(weak)[1] < 0.5


def test_guess_hears_the_known_company_and_own_name() -> None:
    """Garbled openings with no cue word: only what the app knows tells who the consultant is."""
    segs = [
        Segment("A", 0.0, 2.0, "алло"),
        Segment("B", 2.2, 5.0, "сомцедан на ностасе"),
        Segment("A", 5.2, 7.0, "да я насчёт дивана"),
    ]
    assert guess_consultant(segs) == (None, 0.0)
    label, conf = guess_consultant(
        segs, company=("СолнцеДом", "Солнце Дом"), consultant_name="Анастасия Белова"
    )
    assert label == "B" and conf > 0.5
    # Knowing names nobody said changes nothing.
    assert guess_consultant(segs, company=("Уют",), consultant_name="Игорь") == (None, 0.0)
