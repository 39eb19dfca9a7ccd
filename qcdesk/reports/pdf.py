"""Render a report to PDF with reportlab platypus: cover, tables, charts, "N / M" page numbers.

The building blocks (PT Sans, styles, tables that repeat their header row and split between
rows, the A4 layout) are in `pdf_kit`; a bad logo never stops a report (it is skipped and logged).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    Image,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.reports import story as stories
from qcdesk.reports.i18n import fmt_date, fmt_pct, period_label, tr
from qcdesk.reports.model import ConsultantReport, TeamReport
from qcdesk.reports.pdf_kit import (
    BODY_W,
    BOLD,
    FONT,
    HEAD_BG,
    MARGIN,
    PAGE_W,
    STYLES,
    DeferredPagesCanvas,
    build_a4,
    heading,
    para,
    register_fonts,
)
from qcdesk.reports.timely import timely_story

log = logging.getLogger(__name__)


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
        Paragraph(
            escape(f"{tr(lang, 'period')}: {period_label(report.period, lang)}"),
            STYLES["cover_sub"],
        )
    )
    out.append(
        Paragraph(
            escape(f"{tr(lang, 'compared_with')}: {period_label(report.previous_period, lang)}"),
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


def write_pdf(report: ConsultantReport | TeamReport, path: Path, lang: str = "ru") -> Path:
    """Write *report* to *path* in *lang*; a failure to write raises StorageError naming it."""
    register_fonts()
    story = cover(report, lang)
    if report.is_empty:
        story.append(heading(tr(lang, "summary")))
        story.append(para(tr(lang, "empty"), "body"))
    elif isinstance(report, ConsultantReport):
        story += stories.consultant_story(report, lang)
    else:
        story += stories.team_story(report, lang)
    if report.timely is not None:
        story += timely_story(report.timely, lang)
    name = report.consultant if isinstance(report, ConsultantReport) else report.client
    footer = f"{name} · {period_label(report.period, lang)}"
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
