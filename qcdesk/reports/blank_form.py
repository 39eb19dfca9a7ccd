"""A printable blank checklist form (PDF): mystery shoppers and some reviewers fill in paper.

The form is printed in the template's own language (a Russian checklist gets a Russian form
whatever the UI language), with the labels kept here rather than in Qt Linguist because the
CLI writes it without Qt. Each criterion gets one tickbox per allowed answer and lines for a
comment; the outcome block lists the funnel stages to tick and the goal to judge.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from qcdesk.domain.checklist import NA, NO, PARTIAL, YES, ChecklistTemplate, Criterion
from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.reports.pdf_kit import BOLD, FONT, DeferredPagesCanvas, build_a4, register_fonts

PAGE_W, PAGE_H = A4
MARGIN = 15 * mm
BODY_W = PAGE_W - 2 * MARGIN
LINE = colors.HexColor("#9AA5B1")
CRITICAL = colors.HexColor("#C62828")

LABELS: dict[str, tuple[str, str]] = {
    "version": ("Версия {n}", "Version {n}"),
    "company": ("Компания", "Company"),
    "consultant": ("Консультант", "Consultant"),
    "date": ("Дата и время", "Date and time"),
    "reviewer": ("Проверяющий", "Reviewer"),
    "shopper": ("Тайный покупатель", "Mystery shopper"),
    "number": ("№", "#"),
    "criterion": ("Критерий", "Criterion"),
    "answer": ("Ответ", "Answer"),
    "comment": ("Комментарий", "Comment"),
    "critical": ("критический", "critical"),
    "outcome": ("Результат взаимодействия", "Outcome of the interaction"),
    "stage": ("Этап, на котором завершилось взаимодействие", "Stage where it ended"),
    "goal": ("Цель достигнута", "Goal achieved"),
    "deal": ("Сумма сделки", "Deal amount"),
    "signature": ("Подпись", "Signature"),
    "page": ("Стр. {n} из {m}", "Page {n} of {m}"),
    "kind_call": ("звонок", "call"),
    "kind_chat": ("переписка", "chat"),
    "kind_visit": ("визит", "visit"),
    "answer_yes_no": ("Да / Нет", "Yes / No"),
    "answer_yes_no_partial": ("Да / Частично / Нет", "Yes / Partly / No"),
    "answer_scale_1_5": ("Шкала 1–5", "Scale 1–5"),
    YES: ("Да", "Yes"),
    NO: ("Нет", "No"),
    PARTIAL: ("Частично", "Partly"),
    NA: ("Н/П", "N/A"),
}


def lang_of(template: ChecklistTemplate) -> str:
    return "ru" if template.language.lower().startswith("ru") else "en"


def label(lang: str, key: str, **params: object) -> str:
    ru, en = LABELS[key]
    return (ru if lang == "ru" else en).format(**params)


def answer_label(lang: str, value: str) -> str:
    return label(lang, value) if value in LABELS else value


def _style(name: str, size: float, font: str = FONT, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.28, **kw)


STYLES = {
    "title": _style("title", 16, BOLD, spaceAfter=2),
    "sub": _style("sub", 9.5, textColor=colors.HexColor("#56616D")),
    "h2": _style("h2", 11.5, BOLD, spaceBefore=6, spaceAfter=3),
    "cell": _style("cell", 9),
    "bold": _style("bold", 9.2, BOLD),
    "guide": _style("guide", 7.6, textColor=colors.HexColor("#56616D")),
    "field": _style("field", 8.5, textColor=colors.HexColor("#56616D")),
}


class Tickboxes(Flowable):  # type: ignore[misc]
    """Empty squares with their labels, wrapped onto as many lines as the width needs."""

    BOX = 3.2 * mm
    GAP = 3.5 * mm

    def __init__(self, labels: list[str], font_size: float = 8.6) -> None:
        super().__init__()
        self.labels = labels
        self.font_size = font_size
        self._rows: list[list[tuple[float, str]]] = []

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self._rows = []
        x, row = 0.0, list[tuple[float, str]]()
        for text in self.labels:
            w = self.BOX + 1.5 * mm + stringWidth(text, FONT, self.font_size)
            if row and x + w > avail_width:
                self._rows.append(row)
                row, x = [], 0.0
            row.append((x, text))
            x += w + self.GAP
        if row:
            self._rows.append(row)
        self.width = avail_width
        self.height = len(self._rows) * (self.BOX + 2.2 * mm)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.8)
        c.setFont(FONT, self.font_size)
        step = self.BOX + 2.2 * mm
        for i, row in enumerate(self._rows):
            y = self.height - (i + 1) * step + 1.1 * mm
            for x, text in row:
                c.setStrokeColor(colors.black)
                c.rect(x, y, self.BOX, self.BOX, stroke=1, fill=0)
                c.drawString(x + self.BOX + 1.5 * mm, y + 0.6 * mm, text)


class WriteLines(Flowable):  # type: ignore[misc]
    """Ruled lines to write on by hand."""

    def __init__(self, count: int = 2, step: float = 6.5 * mm, label_text: str = "") -> None:
        super().__init__()
        self.count, self.step, self.label_text = count, step, label_text

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.count * self.step
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(LINE)
        c.setLineWidth(0.5)
        start = 0.0
        if self.label_text:
            c.setFont(FONT, 8.5)
            c.setFillColor(colors.HexColor("#56616D"))
            c.drawString(0, self.height - self.step + 1.2 * mm, self.label_text)
            from reportlab.pdfbase.pdfmetrics import stringWidth

            start = stringWidth(self.label_text, FONT, 8.5) + 2 * mm
        for i in range(self.count):
            y = self.height - (i + 1) * self.step + 0.5 * mm
            c.line(start if i == 0 else 0, y, self.width, y)


def _header(t: ChecklistTemplate, lang: str, company: str) -> list[Flowable]:
    kind = label(lang, f"kind_{t.kind}") if f"kind_{t.kind}" in LABELS else t.kind
    who = label(lang, "shopper" if t.kind == "visit" else "reviewer")
    fields = [
        (label(lang, "company"), company),
        (label(lang, "consultant"), ""),
        (label(lang, "date"), ""),
        (who, ""),
    ]
    rows = []
    for name, value in fields:
        rows.append(
            [Paragraph(escape(name), STYLES["field"]), Paragraph(escape(value), STYLES["bold"])]
        )
    table = Table(rows, colWidths=[45 * mm, BODY_W - 45 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (1, 0), (1, -1), 0.5, LINE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    sub = f"{label(lang, 'version', n=t.version)} · {kind}"
    return [
        Paragraph(escape(t.title), STYLES["title"]),
        Paragraph(escape(sub), STYLES["sub"]),
        Spacer(1, 2 * mm),
        table,
        Spacer(1, 3 * mm),
    ]


def _criterion_cell(c: Criterion, lang: str) -> list[Flowable]:
    title = escape(c.title)
    if c.critical:
        title += f' <font color="#C62828">({escape(label(lang, "critical"))})</font>'
    cell: list[Flowable] = [Paragraph(title, STYLES["bold"])]
    if c.guidance:
        cell.append(Paragraph(escape(c.guidance), STYLES["guide"]))
    return cell


def _section_table(criteria: tuple[Criterion, ...], first: int, lang: str) -> Table:
    widths = [8 * mm, 78 * mm, 42 * mm, BODY_W - 128 * mm]
    head = [
        Paragraph(escape(label(lang, k)), STYLES["field"])
        for k in ("number", "criterion", "answer", "comment")
    ]
    rows: list[list[Any]] = [head]
    for n, c in enumerate(criteria, first):
        boxes = Tickboxes([answer_label(lang, v) for v in c.values])
        rows.append(
            [Paragraph(str(n), STYLES["cell"]), _criterion_cell(c, lang), boxes, WriteLines(3)]
        )
    table = Table(rows, colWidths=widths, repeatRows=1, splitByRow=1, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#2F3E4E")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, LINE),
        ("TOPPADDING", (0, 1), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
    ]
    table.setStyle(TableStyle(style))
    return table


def _outcome(t: ChecklistTemplate, lang: str) -> list[Flowable]:
    goal = Paragraph(escape(t.goal), STYLES["guide"])
    yes_no = Tickboxes([answer_label(lang, YES), answer_label(lang, NO)])
    items: list[Flowable] = [Paragraph(escape(label(lang, "outcome")), STYLES["h2"])]
    if t.stages:
        items += [
            Paragraph(escape(label(lang, "stage")), STYLES["field"]),
            Spacer(1, 1.5 * mm),
            Tickboxes([s.title for s in t.stages]),
            Spacer(1, 2 * mm),
        ]
    items += [
        Paragraph(escape(label(lang, "goal")), STYLES["field"]),
        goal,
        Spacer(1, 1.5 * mm),
        yes_no,
        Spacer(1, 2 * mm),
        WriteLines(1, label_text=label(lang, "deal")),
        Spacer(1, 4 * mm),
        WriteLines(1, label_text=label(lang, "signature")),
    ]
    return [KeepTogether(items)]


def blank_form_story(t: ChecklistTemplate, lang: str, company: str = "") -> list[Flowable]:
    story = _header(t, lang, company)
    number = 1
    for section in t.sections:
        story.append(CondPageBreak(35 * mm))
        story.append(Paragraph(escape(section.title), STYLES["h2"]))
        story.append(_section_table(section.criteria, number, lang))
        number += len(section.criteria)
    story.append(Spacer(1, 3 * mm))
    story += _outcome(t, lang)
    return story


class _Pages(DeferredPagesCanvas):
    """Numbers pages "N of M" and repeats the form's name at the foot of each."""

    def draw_footer(self, total: int) -> None:
        self.setFont(FONT, 7.5)
        self.setFillColor(colors.HexColor("#6B7785"))
        self.drawString(MARGIN, 8 * mm, self.footer)
        page = label(self.lang, "page", n=self._pageNumber, m=total)
        self.drawRightString(PAGE_W - MARGIN, 8 * mm, page)


def write_blank_form(
    t: ChecklistTemplate, path: Path, company: str = "", lang: str | None = None
) -> Path:
    """Write the blank form of *t* to *path*; a failure to write raises StorageError."""
    register_fonts()
    lang = lang or lang_of(t)

    return build_a4(
        path,
        QT_TRANSLATE_NOOP("KnownError", "Cannot write the form {path}: {detail}"),
        blank_form_story(t, lang, company),
        _Pages,
        lang=lang,
        footer=f"{t.title} · {label(lang, 'version', n=t.version)}",
        title=t.title,
        author="qcdesk",
        foot_room=2 * mm,
    )
