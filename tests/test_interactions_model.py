"""The interactions table model and the catalog tree, on real imported rows and on 100k rows."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from qcdesk.qtmodels.catalog import FILTER_ROLE, CatalogTreeModel
from qcdesk.qtmodels.interactions import (
    COLUMN_IDS,
    COLUMNS,
    ID_ROLE,
    SORT_ROLE,
    InteractionsTableModel,
    format_duration,
)
from qcdesk.qtmodels.labels import direction_label, kind_label
from qcdesk.services.dto import InteractionRow
from qcdesk.services.importer import ImportOptions

pytestmark = pytest.mark.gui


def _row(i: int, rnd: random.Random) -> InteractionRow:
    return InteractionRow(
        id=i,
        kind=rnd.choice(["call", "chat", "visit"]),
        direction=rnd.choice(["incoming", "outgoing", None]),
        client_id=1 + i % 3,
        client=f"Компания {i % 3}",
        consultant_id=i % 50 or None,
        consultant=f"Консультант {i % 50}" if i % 50 else None,
        started_at=None
        if i % 997 == 0
        else datetime(2024, 1, 1) + timedelta(minutes=rnd.randrange(10**6)),
        duration=None if i % 101 == 0 else rnd.uniform(1, 3600),
        customer_ref=rnd.choice([None, f"+7900{rnd.randrange(10**7):07d}"]),
        status=rnd.choice(["new", "in_progress", "reviewed"]),
        score=rnd.choice([None, rnd.uniform(0, 100)]),
        critical_failed=rnd.random() < 0.05,
        stage_reached=rnd.choice([None, "greeting", "needs", "closing"]),
        goal_achieved=rnd.choice([None, True, False]),
        transcribed=rnd.random() < 0.5,
    )


@pytest.fixture
def real_rows(services, stereo_wav, shared_data):
    report = services.importer.import_paths(
        [stereo_wav, shared_data / "synthetic" / "call_8k_mono.wav"],
        ImportOptions(client="ООО Ромашка", consultant="Анна Петрова", direction="incoming"),
    )
    services.importer.import_paths(
        [shared_data / "silero-vad" / "ru.wav"], ImportOptions(client="Acme")
    )
    assert len(report.imported) == 2
    rows = services.interactions.query()
    assert len(rows) == 3
    return rows


def test_modeltester_on_real_rows(qtmodeltester, real_rows) -> None:
    model = InteractionsTableModel()
    model.set_rows(real_rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == len(COLUMN_IDS)
    ids = {model.data(model.index(r, 0), ID_ROLE) for r in range(3)}
    assert ids == {r.id for r in real_rows}


def test_display_values(qapp, real_rows) -> None:
    model = InteractionsTableModel()
    model.set_rows(real_rows)
    col = {c: i for i, c in enumerate(COLUMN_IDS)}
    pos = model.row_of(real_rows[0].id)
    row = real_rows[0]
    assert model.data(model.index(pos, col["duration"])) == format_duration(row.duration)
    assert model.data(model.index(pos, col["client"])) == row.client
    assert model.data(model.index(pos, col["kind"])) == "Call"
    assert model.data(model.index(pos, col["status"])) == "New"
    assert format_duration(65.4) == "01:05" and format_duration(3725) == "1:02:05"
    assert format_duration(None) == ""


def test_update_row_changes_one_line(qtbot, real_rows) -> None:
    model = InteractionsTableModel()
    model.set_rows(real_rows)
    changed = replace(real_rows[1], status="reviewed", score=87.0)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        assert model.update_row(changed)
    pos = model.row_of(changed.id)
    assert blocker.args[0].row() == pos == blocker.args[1].row()
    assert model.data(model.index(pos, COLUMN_IDS.index("score"))) == "87%"
    assert not model.update_row(replace(changed, id=10**6))


def _check_sorted(model: InteractionsTableModel, column: int, descending: bool) -> None:
    col_id = COLUMN_IDS[column]
    rows = model.rows()
    getter = COLUMNS[column][2]
    values = [getter(r) for r in rows]
    # SORT_ROLE gives the same raw values (checked on a sample: data() is per cell).
    for r in range(0, len(rows), max(1, len(rows) // 50)):
        assert model.data(model.index(r, column), SORT_ROLE) == values[r]
    present = [v for v in values if v is not None]
    # Empty values come last in both orders.
    assert all(v is None for v in values[len(present) :])
    if col_id in ("client", "consultant", "customer"):
        present = [v.casefold() for v in present]
    elif col_id == "status":
        order = {"new": 0, "in_progress": 1, "reviewed": 2}
        present = [order[v] for v in present]
    elif col_id in ("kind", "direction"):
        label = kind_label if col_id == "kind" else direction_label
        present = [label(v).casefold() for v in present]
    elif col_id == "stage":
        funnel = {"greeting": 0, "needs": 1, "closing": 2}
        present = [funnel[v] for v in present]
    assert len(set(map(str, present))) > 1, "the data must make the sort order visible"
    assert present == sorted(present, reverse=descending)


@pytest.fixture(scope="module")
def rows_100k() -> list[InteractionRow]:
    rnd = random.Random(2024)
    return [_row(i, rnd) for i in range(1, 100_001)]


@pytest.mark.parametrize("column", range(len(COLUMN_IDS)), ids=COLUMN_IDS)
def test_sort_by_each_column_on_100k_rows(qapp, rows_100k, column) -> None:
    model = InteractionsTableModel()
    model.set_stage_titles({"greeting": "Приветствие", "needs": "Выявление", "closing": "Закрытие"})
    model.set_rows(rows_100k)
    model.sort(column, Qt.SortOrder.AscendingOrder)
    _check_sorted(model, column, descending=False)
    model.sort(column, Qt.SortOrder.DescendingOrder)
    _check_sorted(model, column, descending=True)
    assert sorted(r.id for r in model.rows()) == list(range(1, 100_001))
    # The id index follows the new order.
    some = rows_100k[4242]
    assert model.data(model.index(model.row_of(some.id), 0), ID_ROLE) == some.id


def test_sort_keeps_selection_on_the_same_row(qapp, real_rows) -> None:
    model = InteractionsTableModel()
    model.set_rows(real_rows)
    from PySide6.QtCore import QPersistentModelIndex

    target = real_rows[2].id
    kept = QPersistentModelIndex(model.index(model.row_of(target), 3))
    for column in range(len(COLUMN_IDS)):
        model.sort(column, Qt.SortOrder.DescendingOrder)
        assert model.data(model.index(kept.row(), 0), ID_ROLE) == target
        assert kept.column() == 3


def test_set_rows_keeps_current_sort(qapp) -> None:
    rnd = random.Random(7)
    rows = [_row(i, rnd) for i in range(1, 500)]
    model = InteractionsTableModel()
    col = COLUMN_IDS.index("score")
    model.sort(col, Qt.SortOrder.DescendingOrder)
    model.set_rows(rows)
    _check_sorted(model, col, descending=True)


def test_catalog_tree(qtmodeltester, services, real_rows) -> None:
    model = CatalogTreeModel()
    model.set_catalog(services.catalog.list_clients(), services.catalog.list_consultants())
    qtmodeltester.check(model)
    assert model.rowCount() == 3  # "All companies" + two companies
    assert model.data(model.index(0, 0), FILTER_ROLE) == (None, None)
    names = [model.data(model.index(r, 0)) for r in range(1, 3)]
    assert names == sorted(names, key=str.casefold)
    romashka = next(c for c in services.catalog.list_clients() if c.name == "ООО Ромашка")
    company = model.find(romashka.id)
    assert model.rowCount(company) == 1
    person = model.index(0, 0, company)
    assert model.data(person) == "Анна Петрова"
    assert model.data(person, FILTER_ROLE) == (
        romashka.id,
        real_rows[0].consultant_id or next(r.consultant_id for r in real_rows if r.consultant_id),
    )
    assert model.parent(person) == company
    assert model.find(romashka.id, 10**6) == QModelIndex()


def test_auto_prefill_values_are_set_apart_until_someone_reviews(
    qapp, services, real_rows, shared_data
) -> None:
    """A prefilled call nobody opened shows the machine's score in grey italics, with a note."""
    import json

    from PySide6.QtCore import Qt

    from qcdesk.services.dto import Segment, TranscriptInfo

    iid = real_rows[0].id
    dialog = json.loads((shared_data / "dialogs-dev" / "dev-003.json").read_text("utf-8"))
    segs = tuple(Segment(s["speaker"], s["start"], s["end"], s["text"]) for s in dialog["segments"])
    services.interactions.save_transcript(iid, TranscriptInfo("ru", "import", segs))
    services.prefill.prefill(iid)
    model = InteractionsTableModel()
    model.set_rows(services.interactions.query())
    col = {c: i for i, c in enumerate(COLUMN_IDS)}
    score = model.index(model.row_of(iid), col["score"])
    assert model.data(score).endswith("%")
    assert model.data(score, Qt.ItemDataRole.FontRole).italic()
    assert "Auto-prefill" in model.data(score, Qt.ItemDataRole.ToolTipRole)
    state = services.evaluations.open(iid)
    services.evaluations.set_status(state.evaluation_id, "reviewed", confirm_incomplete=True)
    model.set_rows(services.interactions.query())
    score = model.index(model.row_of(iid), col["score"])
    assert model.data(score, Qt.ItemDataRole.FontRole) is None


def test_chat_duration_reads_as_a_span_not_a_clock(qapp) -> None:
    """A chat that ran from evening to next morning is "13 h 35 min", not "13:34:50"."""
    from dataclasses import replace

    from qcdesk.qtmodels.labels import minutes_text

    base = _row(1, random.Random(1))
    rows = [
        replace(base, id=1, kind="chat", duration=13 * 3600 + 34 * 60 + 50),
        replace(base, id=2, kind="chat", duration=2 * 86400 + 5 * 3600),
        replace(base, id=3, kind="call", duration=95.0),
    ]
    model = InteractionsTableModel()
    model.set_rows(rows)
    col = COLUMN_IDS.index("duration")
    shown = [model.data(model.index(model.row_of(r.id), col)) for r in rows]
    assert shown == ["13 h 35 min", "2 d 5 h", "01:35"]
    assert minutes_text(40) == "40 s" and minutes_text(47 * 60) == "47 min"
