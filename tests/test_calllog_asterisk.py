"""Asterisk Master.csv: legs folded into calls, both layouts, broken rows named, no duplicates."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from qcdesk.domain.calllog import asterisk
from qcdesk.domain.calllog.model import CallLogError

DATA = Path(__file__).parent / "data" / "calllogs"


def _parse(name: str):  # type: ignore[no-untyped-def]
    path = DATA / name
    return asterisk.parse(path.read_bytes(), str(path))


def test_cdr_csv_legs_become_calls() -> None:
    log = _parse("asterisk-cdr_csv-21col.csv")
    assert log.format == "asterisk-csv"
    calls = {c.key: c for c in log.calls}
    assert list(calls) == [
        "1793948400.10",
        "1793955600.20",
        "1793957400.30",
        "1793966400.40",
        "1793970000.50",
    ]
    answered = calls["1793948400.10"]
    assert len(answered.legs) == 2
    assert (answered.direction, answered.disposition) == ("incoming", "answered")
    assert answered.customer == "+79161234567" and answered.line == "+74951234567"
    assert answered.extension == "201"  # the phone that picked up, not the one that rang
    assert (answered.wait_seconds, answered.talk_seconds) == (14.0, 240.0)
    assert answered.started_at == datetime(2026, 11, 2, 10, 0)

    # The queue answered to play music; no person did: a missed call.
    missed = calls["1793955600.20"]
    assert missed.disposition == "no_answer" and missed.customer == "+79035550011"
    assert missed.wait_seconds == 45.0 and missed.extension is None

    callback = calls["1793957400.30"]
    assert (callback.direction, callback.extension, callback.customer) == (
        "outgoing",
        "202",
        "+79035550011",
    )
    assert callback.recording == "out-89035550011-202-20261102-123000-1793957400.30.wav"
    assert calls["1793966400.40"].disposition == "busy"
    assert calls["1793970000.50"].direction == "internal"


def test_broken_rows_are_named_and_the_rest_imports() -> None:
    log = _parse("asterisk-cdr_csv-21col.csv")
    found = sorted((p.params["line"], p.params.get("column")) for p in log.problems)
    assert found == [(8, "start"), (9, None), (10, "disposition"), (11, "duration")]
    for p in log.problems:
        assert "asterisk-cdr_csv-21col.csv" in str(p)
    assert "12 columns" in str(next(p for p in log.problems if p.params["line"] == 9))


def test_sixteen_columns_without_ids() -> None:
    log = _parse("asterisk-cdr_csv-16col.csv")
    assert [c.disposition for c in log.calls] == ["answered", "no_answer", "answered"]
    assert log.calls[1].customer == "+74957770033"
    assert log.calls[2].direction == "outgoing" and log.calls[2].extension == "201"
    assert len({c.key for c in log.calls}) == 3 and not log.problems


def test_cdr_custom_sample_order_is_recognised() -> None:
    log = _parse("asterisk-cdr_custom-sample.csv")
    assert log.format == "asterisk-custom" and not log.problems
    first, second = log.calls
    assert (first.customer, first.extension, first.wait_seconds, first.talk_seconds) == (
        "+79161234567",
        "201",
        7.0,
        120.0,
    )
    assert second.disposition == "no_answer" and second.key == "1794049800.3"


def test_another_order_is_refused_naming_the_file() -> None:
    with pytest.raises(CallLogError, match="asterisk-other-order.csv"):
        _parse("asterisk-other-order.csv")


@pytest.mark.parametrize(
    ("width", "sixteenth", "extra"),
    [
        (16, None, ()),
        (17, "1793948400.10", ("uniqueid",)),
        (17, "rec.wav", ("userfield",)),
        (18, "1793948400.10", ("uniqueid", "userfield")),
        (19, "", ("peeraccount", "linkedid", "sequence")),
        (20, "pbx-1793948400.10", ("uniqueid", "peeraccount", "linkedid", "sequence")),
        (21, "1793948400.10", ("uniqueid", "userfield", "peeraccount", "linkedid", "sequence")),
    ],
)
def test_cdr_csv_widths(width: int, sixteenth: str | None, extra: tuple[str, ...]) -> None:
    row = ["x"] * width
    if sixteenth is not None:
        row[16] = sixteenth
    names = asterisk.csv_columns(row)
    assert names is not None and names[16:] == extra and len(names) == width


def test_impossible_widths() -> None:
    assert asterisk.csv_columns(["x"] * 15) is None
    assert asterisk.csv_columns(["x"] * 22) is None
