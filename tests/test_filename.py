"""Telephony file names: the default layouts, user patterns, and names that match nothing."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qcdesk.domain.filename import (
    DEFAULT_PATTERNS,
    FilenameMeta,
    compile_pattern,
    normalize_phone,
    parse_filename,
)

WHEN = datetime(2026, 10, 14, 11, 2, 0)


def _four(meta: FilenameMeta) -> tuple[object, ...]:
    return (meta.started_at, meta.customer, meta.extension, meta.direction)


def test_first_default_reads_date_time_customer_extension() -> None:
    meta = parse_filename("20261014-110200_79161234567_201.wav")
    assert meta == FilenameMeta(WHEN, "+79161234567", "201", None)
    # It is the first pattern on its own, not a later fallback, that reads it.
    assert parse_filename("20261014-110200_79161234567_201.wav", DEFAULT_PATTERNS[:1]) == meta


@pytest.mark.parametrize(
    ("name", "direction"),
    [
        ("out-79161234567-201-20261014-110200-1697270520.123.wav", "outgoing"),
        ("OUT-79161234567-201-20261014-110200-1697270520.123.WAV", "outgoing"),
        ("external-89161234567-201-20261014-110200-1697270520.5.wav", "outgoing"),
        ("Исх-79161234567-201-20261014-110200.wav", "outgoing"),
    ],
)
def test_outgoing_pbx_names_dest_is_the_customer(name: str, direction: str) -> None:
    assert _four(parse_filename(name)) == (WHEN, "+79161234567", "201", direction)


@pytest.mark.parametrize(
    "name",
    [
        # FreePBX: in-<DID>-<caller>-…: the DID is the company's own line, not the customer.
        "in-74951234567-79161234567-20261014-110200-1697270520.124.wav",
        "in-4951234567-89161234567-20261014-110200-1697270520.124.wav",
        "incoming-74951234567-79161234567-20261014-110200.mp3",
        "вх-74951234567-+79161234567-20261014-110200.wav",
    ],
)
def test_freepbx_incoming_customer_is_the_caller(name: str) -> None:
    meta = parse_filename(name)
    assert _four(meta) == (WHEN, "+79161234567", None, "incoming")
    assert meta.line in ("+74951234567", "4951234567")  # the DID is the company's line


def test_digits_inside_a_phone_number_are_not_a_date() -> None:
    # 7912[20261014]-110200 used to date the call 14 October from the number's digits.
    assert parse_filename("call-from-79120261014-110200.wav").started_at is None


def test_fallback_looks_further_along_the_name() -> None:
    # 79161234-567… looked like a date-time (month 12, day 34): it is not; go on.
    name = "rec 7916-123456 then 2026-10-14 11-02-00.m4a"
    assert parse_filename(name).started_at == WHEN
    assert parse_filename("x_20261399-110200_20261014-110200.wav").started_at == WHEN


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("89161234567", "+79161234567"),
        ("79161234567", "+79161234567"),
        ("+79161234567", "+79161234567"),
        ("+491701234567", "+491701234567"),
        ("201", "201"),
        ("Иван Петров", "Иван Петров"),
        (None, None),
    ],
)
def test_russian_numbers_are_written_plus_seven(raw: str | None, shown: str | None) -> None:
    assert normalize_phone(raw) == shown


def test_full_paths_from_either_os_use_the_file_name_only() -> None:
    expected = FilenameMeta(WHEN, "+79161234567", "201", None)
    assert parse_filename("/srv/rec/2026/20261014-110200_79161234567_201.wav") == expected
    assert parse_filename(r"C:\Записи\20261014-110200_79161234567_201.wav") == expected


@pytest.mark.parametrize(
    "stamp",
    ["20261014-110200", "2026-10-14-11-02-00", "2026.10.14-11.02.00", "20261014-11:02:00"],
)
def test_date_and_time_separators(stamp: str) -> None:
    assert parse_filename(f"{stamp}_79161234567_201.wav").started_at == WHEN


@pytest.mark.parametrize("stamp", ["2026-10.14-110200", "20261014-11-0200"])
def test_mixed_separators_are_not_a_date_or_time(stamp: str) -> None:
    assert parse_filename(f"{stamp}_79161234567_201.wav", DEFAULT_PATTERNS[:1]).started_at is None


def test_fallbacks_still_date_the_call() -> None:
    assert parse_filename("Запись разговора 2026-10-14 11-02-00.m4a") == FilenameMeta(
        WHEN, None, None, None
    )
    assert parse_filename("call_20261014_110200.ogg").started_at == WHEN


@pytest.mark.parametrize(
    "name",
    [
        "20261314-110200_79161234567_201.wav",  # month 13
        "20260230-110200_79161234567_201.wav",  # 30 February
        "20261014-250200_79161234567_201.wav",  # hour 25
    ],
)
def test_impossible_dates_give_no_start_but_keep_the_rest(name: str) -> None:
    assert parse_filename(name) == FilenameMeta(None, "+79161234567", "201", None)


@pytest.mark.parametrize(
    "name",
    [
        "",
        ".wav",
        "hello.wav",
        "запись.mp3",
        "2026.wav",
        "{date}.wav",
        "٢٠٢٦١٠١٤-١١٠٢٠٠_٧٩١٦_٢٠١.wav",
    ],
)
def test_names_matching_nothing_give_empty_meta(name: str) -> None:
    assert parse_filename(name) == FilenameMeta(None, None, None, None)


def test_user_patterns_as_settings_text() -> None:
    settings = "\n  \n{direction}_{any}_{extension}_{customer}\r\n{date}_{customer}\n"
    meta = parse_filename("OUT_manager_305_+79161234567_x.wav", settings)
    assert meta == FilenameMeta(None, "+79161234567", "305", "outgoing")
    assert parse_filename("2026.10.14_89161234567.wav", settings) == FilenameMeta(
        datetime(2026, 10, 14), "+79161234567", None, None
    )


def test_patterns_are_anchored_at_the_start_and_allow_trailing_text() -> None:
    assert parse_filename("x20261014-110200_7_2.wav", ["{date}-{time}"]).started_at is None
    assert parse_filename("20261014-110200_whatever.wav", ["{date}-{time}"]).started_at == WHEN


def test_literal_text_is_not_a_regex() -> None:
    pattern = "rec.{date}"
    assert parse_filename("rec.20261014.wav", [pattern]).started_at == datetime(2026, 10, 14)
    assert parse_filename("recX20261014.wav", [pattern]).started_at is None


@pytest.mark.parametrize(
    ("pattern", "fragment"),
    [
        ("{date}_{phone}", "{phone}"),
        ("{Date}_{callee}", "{callee}"),
        ("{date}_{date}", "twice"),
        ("{date}_{customer", "brace"),
        ("date}_{customer}", "brace"),
    ],
)
def test_bad_patterns_raise_value_error_naming_the_problem(pattern: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment.replace("{", r"\{").replace("}", r"\}")):
        compile_pattern(pattern)
    with pytest.raises(ValueError):
        parse_filename("20261014-110200_1_2.wav", [pattern])


def test_any_may_repeat_and_placeholders_ignore_case() -> None:
    rx = compile_pattern("{any}-{DATE}-{any}")
    m = rx.match("abc-20261014-zzz")
    assert m is not None and m.group("date") == "20261014"


@given(st.text(max_size=80))
def test_never_raises_on_any_name(name: str) -> None:
    meta = parse_filename(name)
    assert meta.direction in (None, "incoming", "outgoing", "internal")


@given(
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 12, 31)),
    st.from_regex(r"\+?[0-9]{3,15}", fullmatch=True),
    st.from_regex(r"[0-9]{2,6}", fullmatch=True),
    st.sampled_from(["out", "in"]),
)
def test_asterisk_names_round_trip(when: datetime, called: str, caller: str, d: str) -> None:
    when = when.replace(microsecond=0)
    name = f"{d}-{called}-{caller}-{when:%Y%m%d-%H%M%S}-1697270520.123.wav"
    meta = parse_filename(name)
    if d == "out":
        assert _four(meta) == (when, normalize_phone(called), caller, "outgoing")
    else:
        # in-<called>: a long number is the DID dialled, a short one the extension reached.
        short = called.isdigit() and len(called) <= 6
        assert _four(meta) == (when, normalize_phone(caller), called if short else None, "incoming")
        assert meta.line == (None if short else normalize_phone(called))
    assert meta.unique_id == "1697270520.123"


ID = "1697270520.124"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # FreePBX: the caller of in-<DID>-<caller> is the customer, the DID is the line.
        (f"in-74951234567-79161234567-20261014-110200-{ID}.wav",
         ("+79161234567", None, "incoming", "+74951234567")),
        (f"out-89161234567-201-20261014-110200-{ID}.wav",
         ("+79161234567", "201", "outgoing", None)),
        (f"external-89161234567-201-20261014-110200-{ID}.wav",
         ("+79161234567", "201", "outgoing", None)),
        # Queue and ring group: the number after q-/rg- is the queue, not a phone.
        (f"q-600-79161234567-20261014-110200-{ID}.wav", ("+79161234567", None, "incoming", None)),
        (f"rg-601-89161234567-20261014-110200-{ID}.wav",
         ("+79161234567", None, "incoming", None)),
        # exten-<ext>-<caller> and force-<to>-<from>: the extension side is the consultant.
        (f"exten-201-79161234567-20261014-110200-{ID}.wav",
         ("+79161234567", "201", "incoming", None)),
        (f"exten-201-202-20261014-110200-{ID}.wav", (None, "201", "internal", None)),
        (f"force-79161234567-201-20261014-110200-{ID}.wav",
         ("+79161234567", "201", "outgoing", None)),
        (f"force-201-79161234567-20261014-110200-{ID}.wav",
         ("+79161234567", "201", "incoming", None)),
        # FreePBX 2.x.
        (f"OUT201-20261014-110200-{ID}.wav", (None, "201", "outgoing", None)),
        (f"g600-20261014-110200-{ID}.wav", (None, None, "incoming", None)),
        (f"q700-20261014-110200-{ID}.wav", (None, None, "incoming", None)),
        # Yeastar: <date><time>-<uniqueid>-<from>-<to>-<type>.
        (f"20261014110200-{ID}-79161234567-201-Inbound.wav",
         ("+79161234567", "201", "incoming", None)),
        (f"20261014110200-{ID}-201-89161234567-Outbound.wav",
         ("+79161234567", "201", "outgoing", None)),
        (f"20261014110200-{ID}-201-202-Internal.wav", (None, "201", "internal", None)),
    ],
)  # fmt: skip
def test_every_pbx_pattern_of_the_issue(name: str, expected: tuple[object, ...]) -> None:
    meta = parse_filename(name)
    assert meta.started_at == WHEN and meta.unique_id == ID
    assert (meta.customer, meta.extension, meta.direction, meta.line) == expected


@pytest.mark.parametrize(
    "name",
    [
        # The caller's number holds 20261014 (and the DID 20261102): neither is the date.
        f"in-74920261102-79202610141-20261014-110200-{ID}.wav",
        f"20261014110200-{ID}-89202610141-201-Inbound.wav",
        f"q-600-89202610141-20261014-110200-{ID}.wav",
    ],
)
def test_a_date_inside_a_phone_number_is_never_the_date(name: str) -> None:
    meta = parse_filename(name)
    assert meta.started_at == WHEN and meta.customer == "+79202610141"
