"""Render a report to PDF with reportlab platypus: cover, tables, charts, "N / M" page numbers.

PT Sans (resources/fonts, OFL) is embedded so Cyrillic prints everywhere. Tables repeat their
header row and split between rows; a bad logo never stops a report (it is skipped and logged).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from qcdesk.errors import QT_TRANSLATE_NOOP, atomic_write
from qcdesk.reports.i18n import fmt_date, fmt_pct, tr
from qcdesk.reports.model import ConsultantReport, TeamReport

log = logging.getLogger(__name__)

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


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Table:
    """A table whose header repeats on every page and which splits only between rows."""
    data = [[para(h, "cell") for h in header]]
    for r in rows:
        data.append([c if isinstance(c, Flowable) else para(str(c)) for c in r])
    total = sum(widths)
    t = Table(
        data,
        colWidths=[BODY_W * w / total for w in widths],
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


class _NumberedCanvas(DeferredPagesCanvas):
    """The report's foot: "N / M" on the right, the report's name from page 2 on."""

    def draw_footer(self, total: int) -> None:
        self.setFont(FONT, 8)
        self.setFillColor(colors.HexColor("#6B7785"))
        self.drawRightString(
            PAGE_W - MARGIN, 10 * mm, tr(self.lang, "page", n=self._pageNumber, m=total)
        )
        if self._pageNumber > 1:
            self.drawString(MARGIN, 10 * mm, self.footer)


def _logo(path: str | None) -> Flowable | None:
    """The client's logo scaled into a 60 x 30 mm box; None (and a log line) if unreadable."""
    if not path:
        return None
    try:
        reader = ImageReader(path)
        w, h = reader.getSize()
        scale = min(60 * mm / w, 30 * mm / h)
        return Image(path, width=w * scale, height=h * scale)
    except Exception as exc:  # noqa: BLE001 - any image failure means "no logo", not "no report"
        log.warning("Skipping the logo %s: %s", path, exc)
        return None


def _tiles(report: ConsultantReport | TeamReport, lang: str) -> Table:
    """The period's headline figures as four tiles on the cover."""
    s = report.summary
    several = len(s.channels_with_data) > 1  # then the headline is the combined score
    figures = (
        (str(s.evaluations), tr(lang, "evaluations")),
        (fmt_pct(s.headline_score, lang), tr(lang, "combined_score" if several else "mean_score")),
        (fmt_pct(s.conversion, lang), tr(lang, "conversion")),
        (str(s.critical_errors), tr(lang, "critical_errors")),
    )
    big = ParagraphStyle(
        "tile", fontName=BOLD, fontSize=20, leading=24, alignment=TA_CENTER, textColor=HEAD_BG
    )
    small = ParagraphStyle(
        "tile_l",
        fontName=FONT,
        fontSize=8.5,
        leading=10,
        alignment=TA_CENTER,
        textColor=colors.HexColor("#55626F"),
    )
    cells = [[Paragraph(escape(v), big), Paragraph(escape(k), small)] for v, k in figures]
    t = Table([cells], colWidths=[BODY_W / 4 - 4] * 4, hAlign="CENTER")
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#EEF2F6")),
                ("LINEAFTER", (0, 0), (-2, -1), 3, colors.white),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return t


def cover(report: ConsultantReport | TeamReport, lang: str) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 35 * mm)]
    logo = _logo(report.logo_path)
    if logo is not None:
        logo.hAlign = "CENTER"
        out += [logo, Spacer(1, 10 * mm)]
    title = "consultant_report" if isinstance(report, ConsultantReport) else "team_report"
    out.append(Paragraph(escape(tr(lang, title)), STYLES["cover_sub"]))
    out.append(Spacer(1, 6 * mm))
    if isinstance(report, ConsultantReport):
        out.append(Paragraph(escape(report.consultant), STYLES["cover_title"]))
        out.append(Spacer(1, 4 * mm))
        out.append(Paragraph(escape(report.client), STYLES["cover_sub"]))
    else:
        out.append(Paragraph(escape(report.client), STYLES["cover_title"]))
    out.append(Spacer(1, 10 * mm))
    out.append(
        Paragraph(escape(f"{tr(lang, 'period')}: {report.period.label(lang)}"), STYLES["cover_sub"])
    )
    out.append(
        Paragraph(
            escape(f"{tr(lang, 'compared_with')}: {report.previous_period.label(lang)}"),
            STYLES["cover_small"],
        )
    )
    out.append(Spacer(1, 14 * mm))
    if not report.is_empty:
        out.append(_tiles(report, lang))
    out.append(Spacer(1, 24 * mm))
    if report.agency:
        out.append(Paragraph(escape(f"{tr(lang, 'agency')}: {report.agency}"), STYLES["cover_sub"]))
    out.append(
        Paragraph(
            escape(f"{tr(lang, 'generated')}: {fmt_date(datetime.now(), lang)}"),
            STYLES["cover_small"],
        )
    )
    out.append(PageBreak())
    return out


def heading(text: str, level: int = 1) -> Paragraph:
    return Paragraph(escape(text), STYLES["h1" if level == 1 else "h2"])


def block(title: str, *items: Flowable, level: int = 1) -> list[Flowable]:
    """A heading (kept with what follows it), its content, and a little air."""
    return [CondPageBreak(40 * mm), heading(title, level), *items, Spacer(1, 3 * mm)]


def write_pdf(report: ConsultantReport | TeamReport, path: Path, lang: str = "ru") -> Path:
    """Write *report* to *path* in *lang*; a failure to write raises StorageError naming it."""
    from qcdesk.reports import story as stories  # story builds on this module's helpers

    register_fonts()
    story = cover(report, lang)
    if report.is_empty:
        story.append(heading(tr(lang, "summary")))
        story.append(para(tr(lang, "empty"), "body"))
    elif isinstance(report, ConsultantReport):
        story += stories.consultant_story(report, lang)
    else:
        story += stories.team_story(report, lang)
    name = report.consultant if isinstance(report, ConsultantReport) else report.client
    footer = f"{name} · {report.period.label(lang)}"
    title = tr(lang, "consultant_report" if isinstance(report, ConsultantReport) else "team_report")

    return build_a4(
        path,
        QT_TRANSLATE_NOOP("KnownError", "Cannot write the report {path}: {detail}"),
        story,
        _NumberedCanvas,
        lang=lang,
        footer=footer,
        title=f"{title}: {name}",
        author=report.agency or "qcdesk",
        foot_room=4 * mm,
    )


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
    with atomic_write(path, error_template) as tmp:
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
