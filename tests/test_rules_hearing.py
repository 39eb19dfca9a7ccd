"""Confidence that follows the recogniser's hearing (words[].p), and its calibration.

An answer that rests on not finding something is only as sure as the hearing of the region
where the rule looked; typed text (no word probabilities) is judged as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers.dialogs import asr

from qcdesk.domain.rules.text import make_dialog
from qcdesk.services.autoscore import resolve_template, suggest

REPO = Path(__file__).resolve().parents[1]
SETS = [REPO / "tests" / "data" / "dialogs-holdout", REPO / "tests" / "data" / "dialogs-holdout-2"]
TEMPLATE = resolve_template("sales-call-ru")


def _seg(speaker: str, start: float, text: str, p: float | None) -> dict[str, Any]:
    words = text.split()
    seg: dict[str, Any] = {"speaker": speaker, "start": start, "end": start + 0.4 * len(words)}
    seg["text"] = text
    if p is not None:
        seg["words"] = [
            {"w": w, "start": start + 0.4 * i, "end": start + 0.4 * i + 0.35, "p": p}
            for i, w in enumerate(words)
        ]
    return seg


def _call(opening_p: float | None, opening: str = "салон мебели слушаю вас") -> Any:
    segs = [
        _seg("consultant", 0.5, opening, opening_p),
        _seg("client", 3.0, "мне нужен диван на кухню", 0.95),
        _seg("consultant", 6.0, "какой размер вам нужен и какой бюджет", 0.95),
        _seg("client", 9.5, "небольшой тысяч до сорока", 0.95),
        _seg("consultant", 12.0, "есть угловой за тридцать восемь спасибо за звонок", 0.95),
    ]
    data = {"id": "h", "channel": "call", "direction": "incoming", "language": "ru"}
    return make_dialog(data | {"duration": 20.0, "segments": segs})


def test_an_absence_where_the_recogniser_heard_poorly_abstains() -> None:
    heard = suggest(TEMPLATE, _call(0.95))
    poorly = suggest(TEMPLATE, _call(0.35))
    typed = suggest(TEMPLATE, _call(None))
    for cid in ("greeting", "introduced_self"):
        assert heard[cid][0] == "no" and typed[cid][0] == "no"
        assert poorly[cid][0] is None  # left to the reviewer
        assert poorly[cid][1].value == "no" and poorly[cid][1].confidence < 0.75
    # Rules that looked elsewhere, where the hearing was good, keep their answers.
    assert poorly["farewell"] == heard["farewell"]
    assert poorly["needs_discovery"] == heard["needs_discovery"]


def test_a_middling_hearing_lowers_an_absence_but_still_answers() -> None:
    heard = suggest(TEMPLATE, _call(0.95))["greeting"][1]
    fair = suggest(TEMPLATE, _call(0.62))["greeting"]
    assert fair[0] == "no" and 0.75 <= fair[1].confidence < heard.confidence


def test_a_found_cue_is_not_doubted_for_the_hearing_elsewhere() -> None:
    said = suggest(TEMPLATE, _call(0.35, "здравствуйте салон мебели меня зовут анна"))
    assert said["greeting"][0] == "yes" and said["introduced_self"][0] == "yes"


def test_a_tolerant_match_on_doubted_words_is_held_lower() -> None:
    sure = suggest(TEMPLATE, _call(0.9, "драфствовать салон мебели"))["greeting"][1]
    doubted = suggest(TEMPLATE, _call(0.3, "драфствовать салон мебели"))["greeting"][1]
    assert sure.value == doubted.value == "yes"
    assert doubted.confidence < sure.confidence
    assert doubted.evidence[0].match == "драфствовать"


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_calibration_on_asr_style_text(path: Path) -> None:
    """Per confidence band, how often the raw suggestion agrees with the labels, on the
    held-out sets in ASR style: the bands that answer agree at least as often as they claim
    (minus a small-sample margin), and the abstaining band clearly less."""
    bands: dict[str, list[bool]] = {"abstain": [], "answer": [], "sure": []}
    for f in sorted(path.glob("*.json")):
        if f.name.endswith(".labels.json"):
            continue
        data = json.loads(f.read_text(encoding="utf-8"))
        for s in data["segments"]:
            s["text"] = asr(s["text"])
        gold = json.loads(f.with_name(f.stem + ".labels.json").read_text(encoding="utf-8"))
        for cid, (_, sug) in suggest(TEMPLATE, make_dialog(data)).items():
            if sug.value is None or cid not in gold["labels"]:
                continue
            band = (
                "abstain"
                if sug.confidence < 0.75
                else "sure"
                if sug.confidence >= 0.9
                else "answer"
            )
            bands[band].append(sug.value == gold["labels"][cid])
    rate = {k: sum(v) / len(v) for k, v in bands.items() if v}
    assert rate["sure"] >= 0.95 and rate["answer"] >= 0.85
    assert rate["abstain"] < rate["answer"]
