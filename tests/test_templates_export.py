"""Exports of a checklist: the blank PDF form (read back with pdftotext) and the XLSX."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from qcdesk.domain.checklist_schema import load_template
from qcdesk.errors import StorageError
from qcdesk.reports.blank_form import write_blank_form
from qcdesk.reports.checklist_xlsx import write_checklist_xlsx

CHECKLISTS = Path(__file__).resolve().parents[1] / "checklists"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", " ", out.stdout.decode("utf-8"))


@needs_poppler
def test_blank_form_has_every_criterion_tickboxes_and_outcome(tmp_path: Path) -> None:
    t = load_template(CHECKLISTS / "sales-call-ru.yaml")
    path = write_blank_form(t, tmp_path / "форма.pdf", company="ООО Ромашка")
    text = pdf_text(path)
    for needle in ("Компания", "ООО Ромашка", "Консультант", "Дата и время", "Проверяющий"):
        assert needle in text
    assert t.title in text and "Версия 1" in text
    for c in t.criteria():
        assert c.title in text, c.title
    assert text.count("(критический)") == sum(c.critical for c in t.criteria())
    assert "Н/П" in text and "Частично" in text
    assert all(s.title in text for s in t.stages)
    assert "Цель достигнута" in text and "Подпись" in text
    assert re.search(r"Стр\. 1 из (\d+)", text)


@needs_poppler
def test_blank_form_in_english_and_for_mystery_shoppers(tmp_path: Path) -> None:
    en = write_blank_form(load_template(CHECKLISTS / "sales-call-en.yaml"), tmp_path / "en.pdf")
    text = pdf_text(en)
    assert "Consultant" in text and "Yes" in text and "Reviewer" in text
    assert not re.search("[а-яё]", text, re.I)
    visits = sorted(CHECKLISTS.glob("mystery-shopper-*.yaml"))
    for path in visits[:1]:
        out = write_blank_form(load_template(path), tmp_path / f"{path.stem}.pdf")
        assert "Тайный покупатель" in pdf_text(out)


def test_checklist_xlsx_for_approval(tmp_path: Path) -> None:
    t = load_template(CHECKLISTS / "sales-call-ru.yaml")
    path = write_checklist_xlsx(t, tmp_path / "чек-лист.xlsx")
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "№")
    header = rows[head]
    assert header[:4] == ("№", "Раздел", "Код", "Критерий")
    body = rows[head + 1 : head + 1 + len(t.criteria())]
    assert [r[2] for r in body] == [c.id for c in t.criteria()]
    assert [r[1] for r in body] == [s.title for s in t.sections for _ in s.criteria]
    total = sum(c.weight for c in t.criteria())
    for r, c in zip(body, t.criteria(), strict=True):
        assert r[3] == c.title and r[4] == c.guidance
        assert r[6] == c.weight and r[7] == pytest.approx(c.weight / total)
        assert r[8] == ("Да" if c.critical else "Нет") and r[9] == ("Да" if c.na_allowed else "Нет")
    assert sum(r[7] for r in body) == pytest.approx(1.0)
    assert rows[0][1] == t.title and " → ".join(s.title for s in t.stages) in rows[3][1]
    assert ws.cell(head + 2, 8).number_format == "0.0%"


def test_writing_into_a_missing_folder_names_it(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    t = load_template(CHECKLISTS / "sales-call-ru.yaml")
    with pytest.raises(StorageError) as err:
        write_checklist_xlsx(t, blocker / "sub" / "x.xlsx")
    assert "x.xlsx" in str(err.value)


def test_service_export_by_suffix(services, tmp_path: Path) -> None:
    vid = services.templates.resolve("sales-call-ru")
    for name in ("t.yaml", "t.xlsx", "t.pdf"):
        out = services.templates.export(vid, tmp_path / name)
        assert out.stat().st_size > 500
    assert (tmp_path / "t.pdf").read_bytes().startswith(b"%PDF")
