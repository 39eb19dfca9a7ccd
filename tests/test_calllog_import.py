"""Importing call logs through the service: storage, re-import, extensions, recordings."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select

from qcdesk.db.models import Call, CallLeg
from qcdesk.db.session import session_scope
from qcdesk.services.importer import ImportOptions

DATA = Path(__file__).parent / "data" / "calllogs"
LOG21 = DATA / "asterisk-cdr_csv-21col.csv"


def _count(services, model) -> int:  # type: ignore[no-untyped-def]
    with session_scope(services.session_factory) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_import_stores_calls_and_legs_and_reimport_adds_nothing(services) -> None:  # type: ignore[no-untyped-def]
    first = services.calllog.import_paths([LOG21], "Альфа")
    assert (first.calls, first.duplicates) == (5, 0)
    assert [f.params["line"] for f in first.failed] == ["8", "9", "10", "11"]
    assert all(f.path == str(LOG21) for f in first.failed)
    assert _count(services, Call) == 5 and _count(services, CallLeg) == 7
    again = services.calllog.import_paths([LOG21, DATA / "asterisk-other-order.csv"], "Альфа")
    assert (again.calls, again.duplicates) == (0, 5)
    assert _count(services, Call) == 5 and _count(services, CallLeg) == 7
    assert "asterisk-other-order.csv" in again.failed[-1].error
    # Another client company has its own log: the same ids are new there.
    assert services.calllog.import_paths([LOG21], "Бета").calls == 5


def test_extensions_map_to_consultants_before_and_after_import(services) -> None:  # type: ignore[no-untyped-def]
    services.calllog.set_extension("Альфа", "202", "Пётр Смирнов")
    services.calllog.import_paths([LOG21], "Альфа")
    services.calllog.set_extension("Альфа", "201", "Анна Иванова")
    with session_scope(services.session_factory) as s:
        who = {
            c.source_key: (c.consultant.name if c.consultant else None)
            for c in s.scalars(select(Call))
        }
    assert who["1793948400.10"] == "Анна Иванова"  # mapped after the import
    assert who["1793957400.30"] == "Пётр Смирнов"  # mapped before it
    assert who["1793955600.20"] is None  # nobody answered
    assert [(e.extension, e.consultant) for e in services.calllog.extensions("Альфа")] == [
        ("201", "Анна Иванова"),
        ("202", "Пётр Смирнов"),
    ]


def test_recordings_match_by_file_name_then_number_and_time(
    services, shared_data: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    by_name = tmp_path / "out-89035550011-202-20261102-123000-1793957400.30.wav"
    shutil.copy(shared_data / "synthetic" / "call_8k_stereo.wav", by_name)
    # FreePBX name of the first call, 40 s off its logged start, no id in the name.
    by_time = tmp_path / "20261102-100040_79161234567_201.wav"
    shutil.copy(shared_data / "synthetic" / "call_8k_mono.wav", by_time)
    # A recording the log does not know.
    stray = tmp_path / "20261102-140000_79990001122_203.wav"
    shutil.copy(shared_data / "synthetic" / "call_16k_mono.wav", stray)
    imported = services.importer.import_paths(
        [by_name, by_time, stray], ImportOptions(client="Альфа")
    ).imported
    assert len(imported) == 3

    report = services.calllog.import_paths([LOG21], "Альфа", tolerance_s=60)
    assert report.matched_recordings == 2
    with session_scope(services.session_factory) as s:
        linked = {c.source_key: c.interaction_id for c in s.scalars(select(Call))}
    assert linked["1793957400.30"] == imported[0]
    assert linked["1793948400.10"] == imported[1]
    kinds = sorted((u.kind, u.id) for u in report.unmatched)
    # The internal call is not a customer call; every other answered call has a recording.
    assert kinds == [("recording", imported[2])]


def test_a_tolerance_too_small_leaves_both_sides_listed(
    services, shared_data: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    late = tmp_path / "20261102-100040_79161234567_201.wav"
    shutil.copy(shared_data / "synthetic" / "call_8k_mono.wav", late)
    rec = services.importer.import_paths([late], ImportOptions(client="Альфа")).imported[0]
    report = services.calllog.import_paths([LOG21], "Альфа", tolerance_s=30)
    assert report.matched_recordings == 0
    listed = {(u.kind, u.label) for u in report.unmatched}
    assert ("recording", late.name) in listed
    assert ("call", "1793948400.10") in listed
    assert ("call", "out-89035550011-202-20261102-123000-1793957400.30.wav") in listed
    assert any(u.id == rec for u in report.unmatched)
