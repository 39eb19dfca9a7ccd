"""Issue 11 §11: the XLSX speaks the reader's language, as the PDF does.

No raw codes (``combined``, ``conversion``, ``critical``, ``yes``, ``call``...), translated
sheet names and headers, and the PDF's "(not set)" for a missing reviewer or consultant.
"""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from qcdesk.reports import build
from qcdesk.reports.model import (
    AnswerRecord,
    CriterionMeta,
    Dataset,
    EvalRecord,
    OutcomeRecord,
    Period,
    Targets,
)
from qcdesk.reports.pdf import write_pdf
from qcdesk.reports.xlsx import write_xlsx

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
CODES = {
    "combined", "score", "conversion", "critical", "yes", "no", "partial", "na",
    "call", "chat", "visit", "criterion_id", "KPI", "Heatmap",
}  # fmt: skip
ANSWERS = ("yes", "no", "partial", "na", "4")
FRACTION = {"yes": 1.0, "no": 0.0, "partial": 0.5, "na": None, "4": 0.75}


def _dataset() -> Dataset:
    criteria = (
        CriterionMeta("greet", "Поздоровался", "Контакт", False),
        CriterionMeta("rude", "Без грубости", "Тон", True),
    )
    evals = tuple(
        EvalRecord(
            evaluation_id=10 + i,
            interaction_id=i,
            consultant_id=None if i == 4 else 1 + i % 2,
            channel="visit" if i == 3 else "call",
            started_at=datetime(2026, 10, 2 + 3 * i, 12),
            reviewer="" if i in (2, 3) else "Ревьюер",
            score=70.0 + 5 * i,
            critical_failed=False,
            answers=(
                AnswerRecord("greet", ANSWERS[i], FRACTION[ANSWERS[i]], "комментарий"),
                AnswerRecord("rude", "yes", 1.0),
            ),
        )
        for i in range(5)
    )
    outcomes = tuple(
        OutcomeRecord(e.interaction_id, e.consultant_id, e.channel, e.started_at, "close", i < 2)
        for i, e in enumerate(evals)
    )
    return Dataset(
        1, "Клиент", None, "", Targets(80, 25, 0, 0.3), {1: "Анна", 2: "Пётр"}, criteria,
        ("Контакт", "Тон"), (("close", "Итог"),), evals, outcomes,
    )  # fmt: skip


def _values(path: Path) -> dict[str, list[list[object]]]:
    wb = load_workbook(path)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def _column(rows: list[list[object]], header: str) -> list[object]:
    i = rows[0].index(header)
    return [r[i] for r in rows[1:]]


def test_russian_xlsx_has_labels_not_codes(tmp_path: Path) -> None:
    ds = _dataset()
    for report in (build.team_report(ds, OCTOBER), build.consultant_report(ds, 1, OCTOBER)):
        sheets = _values(write_xlsx(report, tmp_path / "ru.xlsx", "ru"))
        cells = {v for rows in sheets.values() for r in rows for v in r if isinstance(v, str)}
        assert not cells & CODES, cells & CODES
        assert not set(sheets) & CODES
        assert "КПЭ" in sheets
        kpi = [r[0] for r in sheets["КПЭ"][1:]]
        assert kpi[0].split(" ≥ ")[0] in ("Итоговый балл по каналам", "Средний балл")
        assert kpi[1:] == ["Конверсия ≥ 25\u00a0%", "Критических ошибок ≤ 0"]
        raw = sheets["Исходные данные"]
        assert "Код критерия" in raw[0]
        assert set(_column(raw, "Канал")) <= {"звонок", "тайный покупатель"}
        assert set(_column(raw, "Критический")) == {"да", "нет"}
        assert sheets["Средний балл по неделям"][0][0] == "Неделя с"
    team = _values(write_xlsx(build.team_report(ds, OCTOBER), tmp_path / "team.xlsx", "ru"))
    raw = team["Исходные данные"]
    answers = [
        a
        for a, c in zip(_column(raw, "Ответ"), _column(raw, "Код критерия"), strict=True)
        if c == "greet"
    ]
    assert sorted(answers) == sorted(["да", "нет", "частично", "н/п", "4"])
    assert "(не указан)" in _column(raw, "Ревьюер")
    assert "(не указан)" in _column(raw, "Консультант")  # the interaction had nobody assigned
    reviewers = [r[0] for r in team["Нагрузка ревьюеров"][1:]]
    assert "(не указан)" in reviewers


def test_english_xlsx_has_labels_and_the_pdfs_not_set(tmp_path: Path) -> None:
    ds = _dataset()
    report = build.team_report(ds, OCTOBER)
    sheets = _values(write_xlsx(report, tmp_path / "en.xlsx", "en"))
    assert [r[0] for r in sheets["KPI"][1:]] == [
        "Combined score ≥ 80%",
        "Conversion ≥ 25%",
        "Critical errors ≤ 0",
    ]
    raw = sheets["Raw data"]
    assert "Criterion code" in raw[0] and "criterion_id" not in raw[0]
    assert set(_column(raw, "Channel")) == {"call", "mystery shopper"}
    answers = [
        a
        for a, c in zip(_column(raw, "Answer"), _column(raw, "Criterion code"), strict=True)
        if c == "greet"
    ]
    assert sorted(answers) == sorted(["yes", "no", "partly", "N/A", "4"])
    assert "(not set)" in _column(raw, "Reviewer")
    assert "(not set)" in [r[0] for r in sheets["Reviewer workload"][1:]]
    assert sheets["Mean score by week"][0][0] == "Week of"
    assert "Calls × criteria" in sheets and "By section" in sheets
    pdf = subprocess.run(
        ["pdftotext", str(write_pdf(report, tmp_path / "en.pdf", "en")), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "(not set)" in pdf  # the same words in both files


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_consultant_xlsx_sheet_names_are_translated(tmp_path: Path, lang: str) -> None:
    report = build.consultant_report(_dataset(), 1, OCTOBER)
    sheets = _values(write_xlsx(report, tmp_path / f"{lang}.xlsx", lang))
    names = {"ru": {"По критериям", "По разделам", "Комментарии ревьюеров"}, "en": {
        "By criterion", "By section", "Reviewer comments"}}[lang]  # fmt: skip
    assert names <= set(sheets)
    comments = sheets["Комментарии ревьюеров" if lang == "ru" else "Reviewer comments"]
    assert ("(не указан)" if lang == "ru" else "(not set)") in _column(comments, comments[0][3])
