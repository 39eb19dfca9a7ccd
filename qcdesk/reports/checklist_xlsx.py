"""The checklist as a spreadsheet for the head of sales to approve (openpyxl).

One row per criterion with its section, guidance, answer options, weight and share of the
total, the critical and N/A flags and where it applies, plus an empty column for the approver's
remarks; the funnel stages and the goal head the sheet. Shares are stored as fractions with a
percent format, so the sheet can be re-weighted with formulas if the approver wants to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from qcdesk.domain.checklist import ChecklistTemplate, applies_to
from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.reports.blank_form import LABELS, answer_label, label, lang_of
from qcdesk.reports.cells import Formula, append_row
from qcdesk.reports.output import atomic_output

HEAD_FILL = PatternFill("solid", fgColor="DCE3EA")
SECTION_FILL = PatternFill("solid", fgColor="F4F6F8")

XLSX_LABELS: dict[str, tuple[str, str]] = {
    "sheet": ("Чек-лист", "Checklist"),
    "template": ("Чек-лист", "Checklist"),
    "template_id": ("Идентификатор", "Id"),
    "kind": ("Тип взаимодействия", "Interaction kind"),
    "stages": ("Этапы воронки", "Funnel stages"),
    "goal": ("Цель", "Goal"),
    "section": ("Раздел", "Section"),
    "id": ("Код", "Code"),
    "guidance": ("Пояснение для проверяющего", "Guidance for reviewers"),
    "options": ("Варианты ответа", "Answer options"),
    "weight": ("Вес", "Weight"),
    "share": ("Доля в итоге", "Share of total"),
    "na": ("Н/П допускается", "N/A allowed"),
    "applies": ("Применяется к", "Applies to"),
    "everywhere": ("ко всем", "all"),
    "incoming": ("входящие", "incoming"),
    "outgoing": ("исходящие", "outgoing"),
    "remarks": ("Замечания руководителя", "Approver's remarks"),
    "total": ("Итого", "Total"),
    "approved": (
        "Утверждаю: ______________ / ______________  Дата: __________",
        "Approved by: ______________ / ______________  Date: __________",
    ),  # noqa: E501
}


def _x(lang: str, key: str) -> str:
    ru, en = XLSX_LABELS[key]
    return ru if lang == "ru" else en


def _yes(lang: str, flag: bool) -> str:
    return answer_label(lang, "yes" if flag else "no")


def write_checklist_xlsx(t: ChecklistTemplate, path: Path, lang: str | None = None) -> Path:
    """Write *t* for approval to *path*; a failure to write raises StorageError naming it."""
    lang = lang or lang_of(t)
    wb = Workbook()
    ws = wb.active
    ws.title = _x(lang, "sheet")
    kind = label(lang, f"kind_{t.kind}") if t.kind in ("call", "chat", "visit") else t.kind
    meta = [
        (_x(lang, "template"), t.title),
        (_x(lang, "template_id"), f"{t.id} · {label(lang, 'version', n=t.version)}"),
        (_x(lang, "kind"), kind),
        (_x(lang, "stages"), " → ".join(s.title for s in t.stages)),
        (_x(lang, "goal"), t.goal),
    ]
    for name, value in meta:
        append_row(ws, [name, value])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.cell(1, 2).font = Font(bold=True, size=13)
    ws.append([])
    header = [
        label(lang, "number"), _x(lang, "section"), _x(lang, "id"), label(lang, "criterion"),
        _x(lang, "guidance"), _x(lang, "options"), _x(lang, "weight"), _x(lang, "share"),
        label(lang, "critical").capitalize(), _x(lang, "na"), _x(lang, "applies"),
        _x(lang, "remarks"),
    ]  # fmt: skip
    append_row(ws, header)
    head_row = ws.max_row
    for cell in ws[head_row]:
        cell.font, cell.fill = Font(bold=True), HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    total = sum(c.weight for c in t.criteria()) or 1.0
    number = 0
    for section in t.sections:
        for c in section.criteria:
            number += 1
            kinds, directions = applies_to(c)
            scope = ", ".join(
                [label(lang, f"kind_{k}") if f"kind_{k}" in LABELS else k for k in kinds]
                + [_x(lang, d) if d in XLSX_LABELS else d for d in directions]
            )
            scope = scope or _x(lang, "everywhere")
            row: list[Any] = [
                number, section.title, c.id, c.title, c.guidance,
                " / ".join(answer_label(lang, v) for v in c.values),
                c.weight, c.weight / total, _yes(lang, c.critical), _yes(lang, c.na_allowed),
                scope, "",
            ]  # fmt: skip
            append_row(ws, row)
            ws.cell(ws.max_row, 8).number_format = "0.0%"
    last = ws.max_row
    total_row = ["", _x(lang, "total"), "", "", "", "", Formula(f"=SUM(G{head_row + 1}:G{last})")]
    append_row(ws, [*total_row, 1.0])
    ws.cell(ws.max_row, 8).number_format = "0.0%"
    for cell in ws[ws.max_row]:
        cell.font, cell.fill = Font(bold=True), SECTION_FILL
    ws.append([])
    append_row(ws, [_x(lang, "approved")])
    widths = (5, 24, 20, 32, 60, 22, 8, 10, 10, 10, 16, 30)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for r in ws.iter_rows(min_row=head_row + 1, max_row=last):
        for cell in r:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(head_row + 1, 1)
    ws.print_title_rows = f"{head_row}:{head_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    path = Path(path)
    template = QT_TRANSLATE_NOOP("KnownError", "Cannot write the checklist {path}: {detail}")
    with atomic_output(path, template) as tmp:
        wb.save(tmp)
    return path
