"""The PDF building blocks every qcdesk PDF shares: fonts, styles, tables, headed blocks, A4.

Kept apart from `pdf` (the report's cover and assembly) so that `story` (the report's
sections) and `blank_form` build on them without importing the module that imports them.
PT Sans (resources/fonts, OFL) is embedded so Cyrillic prints everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from qcdesk.reports.output import atomic_output

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT, BOLD = "PTSans", "PTSans-Bold"
PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
BODY_W = PAGE_W - 2 * MARGIN
HEAD_BG = colors.HexColor("#2F3E4E")
ZEBRA = colors.HexColor("#F4F6F8")


def register_fonts() -> None:
    """Register PT Sans once; reportlab embeds the subset actually used."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS_DIR / "PTSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS_DIR / "PTSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("PTSans-Italic", str(FONTS_DIR / "PTSans-Italic.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic="PTSans-Italic", boldItalic=BOLD
    )


STYLES = {
    "body": ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5),
    "small": ParagraphStyle("small", fontName=FONT, fontSize=8, leading=10),
    "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=9.6),
    "quote": ParagraphStyle(
        "quote",
        fontName="PTSans-Italic",
        fontSize=8.5,
        leading=11,
        leftIndent=10,
        textColor=colors.HexColor("#33414F"),
    ),
    "h1": ParagraphStyle(
        "h1",
        fontName=BOLD,
        fontSize=14,
        leading=18,
        spaceBefore=10,
        spaceAfter=6,
        textColor=HEAD_BG,
        keepWithNext=1,
    ),
    "h2": ParagraphStyle(
        "h2", fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=3, keepWithNext=1
    ),
    "cover_title": ParagraphStyle(
        "ct", fontName=BOLD, fontSize=26, leading=32, alignment=TA_CENTER, textColor=HEAD_BG
    ),
    "cover_sub": ParagraphStyle("cs", fontName=FONT, fontSize=14, leading=20, alignment=TA_CENTER),
    "cover_small": ParagraphStyle(
        "csm",
        fontName=FONT,
        fontSize=10.5,
        leading=15,
        alignment=TA_CENTER,
        textColor=colors.HexColor("#55626F"),
    ),
}


def para(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def bold(text: str, style: str = "cell") -> Paragraph:
    """A paragraph in bold (a table's total row)."""
    return Paragraph(f"<b>{escape(text)}</b>", STYLES[style])


CELL_PAD = 4.0  # left and right padding of a table cell, points


def _longest_word(texts: Sequence[str]) -> float:
    """Width of the longest word among *texts* in the cell font (bold counts a little wider)."""
    register_fonts()  # measuring needs the font; registering twice is a no-op
    size = STYLES["cell"].fontSize
    return max(
        (pdfmetrics.stringWidth(w, BOLD, size) for t in texts for w in t.split()), default=0.0
    )


def fit_widths(
    header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], room: float
) -> list[float]:
    """Column widths in points: *widths* as proportions, but never narrower than a word.

    reportlab breaks a word that does not fit its column ("Evaluati-ons" in English, whose
    headers are longer words than the Russian ones), so each column first gets its longest
    word, and the rest of *room* is shared in proportion to *widths*, taken from the columns
    that have more than they need. Only when the words alone overflow are they scaled down.
    """
    total = sum(widths)
    want = [room * w / total for w in widths]
    need = [
        _longest_word([h, *(str(r[i]) for r in rows if not isinstance(r[i], Flowable))])
        + 2 * CELL_PAD
        + 1
        for i, h in enumerate(header)
    ]
    if sum(need) >= room:
        return [room * n / sum(need) for n in need]
    out = [max(w, n) for w, n in zip(want, need, strict=True)]
    excess = sum(out) - room
    slack = [max(0.0, o - n) for o, n in zip(out, need, strict=True)]
    if excess > 0 and sum(slack) > 0:
        out = [o - excess * s / sum(slack) for o, s in zip(out, slack, strict=True)]
    return out


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Table:
    """A table whose header repeats on every page and which splits only between rows."""
    data = [[para(h, "cell") for h in header]]
    for r in rows:
        data.append([c if isinstance(c, Flowable) else para(str(c)) for c in r])
    t = Table(
        data,
        colWidths=fit_widths(header, rows, widths, BODY_W),
        repeatRows=1,
        splitByRow=1,
        hAlign="LEFT",
    )
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE3EA")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, HEAD_BG),
        ("LINEBELOW", (0, -1), (-1, -1), 0.4, colors.HexColor("#B8C2CC")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    for i in range(2, len(data), 2):
        style.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
    t.setStyle(TableStyle(style))
    return t


class DeferredPagesCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end so each can print "N of M" with the real total."""

    lang = "ru"
    footer = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self.draw_footer(total)
            super().showPage()
        super().save()

    def draw_footer(self, total: int) -> None:
        """Draw the foot of the current page (``self._pageNumber`` of *total*)."""
        raise NotImplementedError


def heading(text: str, level: int = 1) -> Paragraph:
    return Paragraph(escape(text), STYLES["h1" if level == 1 else "h2"])


def block(title: str, *items: Flowable, level: int = 1) -> list[Flowable]:
    """A heading (kept with what follows it), its content, and a little air."""
    return [CondPageBreak(40 * mm), heading(title, level), *items, Spacer(1, 3 * mm)]


def build_a4(
    path: Path,
    error_template: str,
    story: list[Flowable],
    canvas: type[DeferredPagesCanvas],
    *,
    lang: str,
    footer: str,
    title: str,
    author: str,
    foot_room: float,
) -> Path:
    """Lay *story* out on A4 with our margins and write it to *path* atomically.

    *canvas* draws the foot; it gets *lang* and *footer* through a subclass made per call,
    because reportlab builds the canvas itself from a class. A failed write raises
    StorageError with *error_template*.
    """
    page_canvas = type("PageCanvas", (canvas,), {"lang": lang, "footer": footer})
    path = Path(path)
    with atomic_output(path, error_template) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + foot_room,
            title=title,
            author=author,
            creator="qcdesk",
        )
        doc.build(story, canvasmaker=page_canvas)
    return path
