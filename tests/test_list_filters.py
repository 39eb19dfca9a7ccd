"""Search and filters of the interactions list: the window's filter bar and ``qcdesk list``."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from qcdesk.db.session import MIGRATIONS, make_engine
from qcdesk.services.context import open_services
from qcdesk.services.dto import InteractionFilter
from qcdesk.services.importer import ImportOptions

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "resources" / "demo"


def _recordings() -> list[Path]:
    return sorted(DEMO.glob("*.ogg"))[:4]


@pytest.fixture
def listed(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Four calls: two companies, consultants with Cyrillic and Latin names."""
    services = open_services(tmp_path / "q.db", tmp_path / "lib")
    people = [
        ("Диваны Плюс", "Ирина Белова"),
        ("Диваны Плюс", "Пётр Ёлкин"),
        ("Acme", "John Smith"),
        ("Acme", "Mary 100%_Jones"),
    ]
    for path, (client, person) in zip(_recordings(), people, strict=True):
        report = services.importer.import_paths(
            [path], ImportOptions(client=client, consultant=person, direction="incoming")
        )
        assert len(report.imported) == 1, report
    return services


def _consultants(services, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(r.consultant for r in services.interactions.query(InteractionFilter(text=text)))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("белова", ["Ирина Белова"]),
        ("БЕЛОВА", ["Ирина Белова"]),
        ("ирина б", ["Ирина Белова"]),
        ("smith", ["John Smith"]),
        ("SMITH", ["John Smith"]),
        ("елкин", ["Пётр Ёлкин"]),  # ё and е are one letter to a searcher
        ("пётр", ["Пётр Ёлкин"]),
        ("100%_", ["Mary 100%_Jones"]),
        ("%", ["Mary 100%_Jones"]),  # a literal percent sign, not a wildcard
        ("_", ["Mary 100%_Jones"]),
    ],
)
def test_search_ignores_case_in_any_script(listed, text: str, found: list[str]) -> None:
    assert _consultants(listed, text) == found


def test_search_finds_customer_numbers_as_shown(listed) -> None:
    number = _recordings()[0].name.split("_")[1]  # 79264582054
    rows = listed.interactions.query(InteractionFilter(text=number[1:7]))
    assert [r.customer_ref for r in rows] == ["+" + number]


@pytest.mark.parametrize(
    "typed", ["+7 926 458-20", "8 (926) 458 20 54", "926 458-20-54", "+7(926)4582054"]
)
def test_search_finds_a_number_typed_as_people_write_it(listed, typed: str) -> None:
    """Stored as +79264582054, shown as +7 926 458-20-54: spaces, dashes, brackets and the
    trunk prefix 8 do not hide it (before: only an unbroken run of its digits found it)."""
    number = _recordings()[0].name.split("_")[1]  # 79264582054
    rows = listed.interactions.query(InteractionFilter(text=typed))
    assert [r.customer_ref for r in rows] == ["+" + number]


def test_upgrade_folds_the_names_already_stored(tmp_path: Path) -> None:
    """A database of the previous release gets its folded search columns filled."""
    db = tmp_path / "old.db"
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    engine = make_engine(db)
    cfg.attributes["engine"] = engine
    command.upgrade(cfg, "0004")
    engine.dispose()
    with sqlite3.connect(db) as con:
        con.execute(
            "INSERT INTO clients (id, name, language, consultant_channel, created_at,"
            " kpi_score_target, kpi_conversion_target, kpi_max_critical,"
            " recurring_error_share, timezone)"
            " VALUES (1, 'Диваны', 'ru', 'left', '2026-10-01', 85, 25, 0, 0.3, 'UTC')"
        )
        con.execute(
            "INSERT INTO consultants (id, client_id, name, active) VALUES (1, 1, 'Ирина Белова', 1)"
        )
        con.execute(
            "INSERT INTO interactions (id, kind, client_id, consultant_id, customer_ref,"
            " status, critical_failed, created_at)"
            " VALUES (1, 'chat', 1, 1, 'Ольга Сидорова', 'new', 0, '2026-10-01')"
        )
    services = open_services(db, tmp_path / "lib")
    assert [r.id for r in services.interactions.query(InteractionFilter(text="белова"))] == [1]
    assert [r.id for r in services.interactions.query(InteractionFilter(text="сидоров"))] == [1]


@pytest.mark.gui
def test_cli_list_gives_what_the_filter_bar_gives(listed, qtbot, run_cli) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    from qcdesk.widgets.filter_bar import FilterBar

    rows = listed.interactions.query()
    client = next(r for r in rows if r.client == "Диваны Плюс")
    days = sorted(r.started_at.date() for r in rows if r.started_at)
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.set_scope(client.client_id, None)
    bar.text_edit.setText("белова")
    bar.date_from.setDate(QDate(days[0].year, days[0].month, days[0].day))
    bar.date_to.setDate(QDate(days[-1].year, days[-1].month, days[-1].day))
    bar.kind_combo.setCurrentIndex(bar.kind_combo.findData("call"))
    bar.status_combo.setCurrentIndex(bar.status_combo.findData("new"))
    in_window = [r.id for r in listed.interactions.query(bar.filter())]
    assert len(in_window) == 1

    res = run_cli(
        "list", "--db", listed.db_path, "--library", listed.library_dir, "--json",
        "--client", "Диваны Плюс", "--search", "белова", "--kind", "call", "--status", "new",
        "--from", days[0].isoformat(), "--to", days[-1].isoformat(),
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    listed_rows = json.loads(res.stdout)
    assert [r["id"] for r in listed_rows] == in_window
    row = listed_rows[0]
    assert row["consultant"] == "Ирина Белова" and row["direction"] == "incoming"
    assert row["customer"].startswith("+7") and row["transcribed"] is False


def test_cli_list_filters_by_consultant_and_dates(listed, run_cli) -> None:  # type: ignore[no-untyped-def]
    base = ("list", "--db", listed.db_path, "--library", listed.library_dir, "--json")
    smith = json.loads(run_cli(*base, "--consultant", "John Smith").stdout)
    assert [r["consultant"] for r in smith] == ["John Smith"]
    nothing = json.loads(run_cli(*base, "--from", "2001-01-01", "--to", "2001-12-31").stdout)
    assert nothing == []
    expected = listed.interactions.query(InteractionFilter(date_from=date(2026, 9, 10)))
    since = json.loads(run_cli(*base, "--from", "2026-09-10").stdout)
    assert [r["id"] for r in since] == [r.id for r in expected] and expected
    missing = run_cli(*base, "--client", "Нет такой")
    assert missing.returncode == 2 and "Нет такой" in missing.stderr


def test_transcribed_column_filter_bar_and_cli_agree(listed, qtbot, run_cli) -> None:  # type: ignore[no-untyped-def]
    """A chat has its messages as a transcript; the four untranscribed calls have none."""
    from qcdesk.qtmodels.interactions import COLUMN_IDS, ID_ROLE, InteractionsTableModel
    from qcdesk.services.chat_import import ChatImportOptions
    from qcdesk.widgets.filter_bar import FilterBar

    chats = REPO / "tests" / "data" / "chats"
    report = listed.chats.import_paths(
        [chats / "telegram_result.json"], ChatImportOptions(client="Acme", consultant="Анна")
    )
    assert len(report.imported) == 1, report
    chat_id = report.imported[0]

    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.transcribed_combo.setCurrentIndex(bar.transcribed_combo.findData(True))
    done = [r.id for r in listed.interactions.query(bar.filter())]
    bar.transcribed_combo.setCurrentIndex(bar.transcribed_combo.findData(False))
    waiting = [r.id for r in listed.interactions.query(bar.filter())]
    assert done == [chat_id] and len(waiting) == 4 and chat_id not in waiting

    base = ("list", "--db", listed.db_path, "--library", listed.library_dir, "--json")
    yes = json.loads(run_cli(*base, "--transcribed", "yes").stdout)
    no = json.loads(run_cli(*base, "--transcribed", "no").stdout)
    assert [r["id"] for r in yes] == done and [r["id"] for r in no] == waiting
    assert all(r["transcribed"] for r in yes) and not any(r["transcribed"] for r in no)

    model = InteractionsTableModel()
    model.set_rows(listed.interactions.query())
    col = COLUMN_IDS.index("transcribed")
    marks = {
        model.index(i, 0).data(ID_ROLE): model.index(i, col).data() for i in range(model.rowCount())
    }
    assert marks[chat_id] == "✓" and sorted(v for k, v in marks.items() if k != chat_id) == [""] * 4


def test_cli_list_says_whose_score_it_is(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """A chat's prefilled score is the machine's until a reviewer opens the chat; the list used
    to print it as a plain "score", as if someone had scored it."""
    db = tmp_path / "q.db"
    services = open_services(db, tmp_path / "lib")
    from qcdesk.services.chat_import import ChatImportOptions

    chat = REPO / "tests" / "data" / "chats" / "whatsapp_android_ru.txt"
    report = services.chats.import_paths(
        [chat], ChatImportOptions(client="Окна", consultant="Анна")
    )
    (iid,) = report.imported

    def listed() -> dict:  # type: ignore[type-arg]
        out = run_cli("list", "--db", db, "--json")
        assert out.returncode == 0, out.stderr
        (row,) = json.loads(out.stdout)
        return row  # type: ignore[no-any-return]

    assert listed()["score"] is not None and listed()["score_source"] == "suggestion"
    text = run_cli("list", "--db", db).stdout
    assert "(suggested)" in text
    state = services.evaluations.open(iid)
    services.evaluations.set_status(state.evaluation_id, "in_progress")
    assert listed()["score_source"] == "draft"  # a review in progress
    services.evaluations.set_status(state.evaluation_id, "reviewed", confirm_incomplete=True)
    assert listed()["score_source"] == "review"
    services.close()
