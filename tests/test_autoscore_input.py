"""`qcdesk autoscore` on hostile transcripts: a named error or strict JSON, never a traceback."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from qcdesk.cli import main
from qcdesk.services.autoscore import to_json

GOOD = {"speaker": "consultant", "start": 0.0, "end": 1.0, "text": "Добрый день"}


def run(capsys, path: Path) -> tuple[int, str, str]:
    rc = main(["autoscore", "--template", "sales-call-ru", "--transcript", str(path)])
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.mark.parametrize(
    ("segments", "expected"),
    [
        ([None], "Segment 1"),
        ([GOOD, 5], "Segment 2"),
        ([{**GOOD, "start": "zero"}], "start"),
        ([{**GOOD, "start": None}], "start"),
        ([{**GOOD, "start": True}], "start"),
        ([{**GOOD, "end": float("nan")}], "end"),
        ([{**GOOD, "start": float("inf")}], "start"),
        ([{**GOOD, "start": -3}], "start"),
        ([{**GOOD, "start": 5.0, "end": 1.0}], "end"),
        ([{**GOOD, "text": ["a"]}], "text"),
        ([{**GOOD, "text": None}], "text"),
        ([{**GOOD, "speaker": {"x": 1}}], "speaker"),
        ([{**GOOD, "words": [1, 2]}], "words"),
        ([{**GOOD, "words": "abc"}], "words"),
        ([{"speaker": "client", "text": "hi"}], "start"),
        ([{"speaker": "client", "start": 0}], "end"),
    ],
)
def test_wrong_types_are_named_errors(capsys, tmp_path, segments, expected) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"segments": segments}), encoding="utf-8")
    rc, out, err = run(capsys, path)
    assert rc == 2 and out == ""
    assert str(path) in err and expected in err and "Traceback" not in err


@pytest.mark.parametrize(
    "top",
    [
        {"duration": float("nan")},
        {"duration": "long"},
        {"channel": 3},
        {"language": ["ru"]},
        {"id": {"a": 1}},
    ],
)
def test_wrong_top_level_types_are_named_errors(capsys, tmp_path, top) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**top, "segments": [GOOD]}), encoding="utf-8")
    rc, out, err = run(capsys, path)
    assert rc == 2 and out == "" and str(path) in err and next(iter(top)) in err


def test_nan_never_printed(capsys, tmp_path) -> None:
    """A NaN time in the file used to come out as bare NaN, which no JSON reader accepts."""
    path = tmp_path / "nan.json"
    path.write_text(
        '{"segments": [{"speaker": "consultant", "start": NaN, "end": NaN, "text": "Алло"}]}',
        encoding="utf-8",
    )
    rc, out, err = run(capsys, path)
    assert "NaN" not in out
    assert rc == 2 and str(path) in err


def test_deep_nesting_is_a_named_error(capsys, tmp_path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"segments": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    rc, _, err = run(capsys, path)
    assert rc == 2 and str(path) in err


def test_an_integer_past_pythons_digit_limit_is_a_named_error(capsys, tmp_path) -> None:
    """json.loads raises a bare ValueError past 4,300 digits (fuzz case 1439): named, no crash."""
    path = tmp_path / "digits.json"
    path.write_text('{"segments": [{"start": ' + "9" * 100_000 + "}]}", encoding="utf-8")
    rc, _, err = run(capsys, path)
    assert rc == 2 and str(path) in err


def test_to_json_is_strict() -> None:
    """Whatever a metric computes, the output parses with a strict JSON reader."""
    text = to_json({"metrics": {"a": math.nan, "b": [math.inf, 1.5]}, "score": -math.inf})
    assert json.loads(text, parse_constant=lambda c: pytest.fail(c)) == {
        "metrics": {"a": None, "b": [None, 1.5]},
        "score": None,
    }


def test_valid_minimal_transcript_still_scores(capsys, tmp_path) -> None:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps({"segments": [GOOD]}, ensure_ascii=False), encoding="utf-8")
    rc, out, _ = run(capsys, path)
    assert rc == 0 and json.loads(out)["template"] == "sales-call-ru"
