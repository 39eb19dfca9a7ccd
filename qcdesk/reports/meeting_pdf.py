"""The planning-meeting pack as a short PDF for the head of sales (reportlab, A4).

No cover page: a head of sales reads it at the meeting, so the first page already holds the
KPIs and the agenda starts right after. Quotes name their audio clip, which sorts by item.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.reports.i18n import (
    CHANNEL_PLURAL,
    fmt_date,
    fmt_num,
    fmt_pct,
    kpi_label,
    period_label,
    tr,
)
from qcdesk.reports.meeting import KpiChange, MeetingPack, PackExample, WeakCriterion
from qcdesk.reports.pdf import _logo
from qcdesk.reports.pdf_kit import (
    FONT,
    MARGIN,
    PAGE_W,
    STYLES,
    DeferredPagesCanvas,
    block,
    build_a4,
    heading,
    para,
    register_fonts,
    table,
)

OVERDUE = colors.HexColor("#C0392B")
_RED = STYLES["cell"].clone("overdue", textColor=OVERDUE)


class _Canvas(DeferredPagesCanvas):
    def draw_footer(self, total: int) -> None:
        self.setFont(FONT, 8)
        self.setFillColor(colors.HexColor("#6B7785"))
        self.drawRightString(
            PAGE_W - MARGIN, 10 * mm, tr(self.lang, "page", n=self._pageNumber, m=total)
        )
        self.drawString(MARGIN, 10 * mm, self.footer)


def signed(value: float | None, lang: str, *, points: bool) -> str:
    """``+5,2 п. п.`` / ``-1`` / ``—``: a change, with its sign."""
    if value is None:
        return "—"
    text = fmt_num(abs(value), lang, 1 if points else 0)
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{text}" + (f" {tr(lang, 'pp')}" if points else "")


def kpi_rows(lang: str, kpis: tuple[KpiChange, ...]) -> list[list[str]]:
    rows = []
    for k in kpis:
        count = k.key == "critical"

        def fmt(v: float | None, count: bool = count) -> str:
            if count:
                return "—" if v is None else str(int(v))
            return fmt_pct(v, lang)

        target = str(int(k.target)) if count else fmt_pct(k.target, lang, 0)
        status = tr(lang, "no_data" if k.met is None else "met" if k.met else "not_met")
        rows.append(
            [
                kpi_label(lang, k.key, k.target),
                target,
                fmt(k.actual),
                fmt(k.previous),
                signed(k.change, lang, points=k.key != "critical"),
                status,
            ]
        )
    return rows


def _quote(lang: str, ex: PackExample) -> Paragraph:
    kind = tr(lang, "good_example" if ex.good else "failure")
    who = f"{fmt_date(ex.when, lang)}, {ex.consultant}, #{ex.interaction_id}"
    clip = f" [{tr(lang, 'clip')}: {ex.clip}]" if ex.clip else ""
    return Paragraph(
        f"<b>{escape(kind)}</b> — {escape(who)}: «{escape(ex.quote)}»"
        f"<font size=7 color='#6B7785'>{escape(clip)}</font>",
        STYLES["quote"],
    )


def weak_item(lang: str, w: WeakCriterion, channels: bool) -> list[Flowable]:
    title = f"{w.item}. {w.title}"
    if channels:
        title += f" ({tr(lang, CHANNEL_PLURAL[w.channel]).lower()})"
    items: list[Flowable] = [
        para(
            tr(
                lang,
                "failure_share",
                share=fmt_pct(w.failure_share, lang, 0),
                k=w.failures,
                n=w.answered,
                compliance=fmt_pct(w.compliance, lang),
            ),
            "body",
        )
    ]
    if w.affected:
        people = ", ".join(
            f"{a.consultant} ({tr(lang, 'failures_of', k=a.failures, n=a.answered)})"
            for a in w.affected
        )
        items.append(para(f"{tr(lang, 'affected')}: {people}", "body"))
    items += [_quote(lang, ex) for ex in w.examples]
    if w.guidance:
        items.append(
            Paragraph(
                f"<b>{escape(tr(lang, 'guidance'))}:</b> {escape(w.guidance)}", STYLES["small"]
            )
        )
    return block(title, *items, level=2)


def pack_story(pack: MeetingPack, lang: str) -> list[Flowable]:
    out: list[Flowable] = []
    logo = _logo(pack.logo_path)
    if logo is not None:
        logo.hAlign = "LEFT"
        out += [logo, Spacer(1, 4 * mm)]
    out.append(heading(f"{tr(lang, 'meeting_pack')}: {pack.client}"))
    meta = f"{tr(lang, 'period')}: {period_label(pack.period, lang)} · "
    meta += f"{tr(lang, 'evaluations')}: {pack.evaluations}"
    if pack.agency:
        meta += f" · {tr(lang, 'agency')}: {pack.agency}"
    meta += f" · {tr(lang, 'generated')}: {fmt_date(datetime.now(), lang)}"
    out += [para(meta, "small"), Spacer(1, 3 * mm)]
    out += block(
        tr(lang, "kpi_change"),
        table(
            [tr(lang, k) for k in ("metric", "target", "actual", "previous", "change", "status")],
            kpi_rows(lang, pack.kpis),
            [4, 1.3, 1.5, 1.7, 1.7, 1.7],
        ),
        Spacer(1, 1.5 * mm),
        para(tr(lang, "change_note", period=period_label(pack.previous_period, lang)), "small"),
    )
    out += block(tr(lang, "weak_agenda"), para(tr(lang, "weak_note"), "small"))
    if not pack.weakest:
        out.append(para(tr(lang, "no_recurring"), "body"))
    channels = len({w.channel for w in pack.weakest}) > 1
    for w in pack.weakest:
        out += weak_item(lang, w, channels)
    if any(ex.clip for _, ex in pack.examples()):
        out.append(para(tr(lang, "clips_note"), "small"))
    if pack.focus:
        rows = []
        for f in pack.focus:
            source = {
                "plan": tr(lang, "focus_plan", v=f.plan_version),
                "proposed": tr(lang, "focus_proposed"),
                "none": "—",
            }[f.source]
            rows.append([f.consultant, "; ".join(f.titles) or tr(lang, "no_focus"), source])
        out += block(
            tr(lang, "focus_title"),
            table([tr(lang, "consultant"), tr(lang, "focus"), tr(lang, "source")], rows, [3, 6, 3]),
        )
    out += previous_actions(pack, lang)
    return out


def previous_actions(pack: MeetingPack, lang: str) -> list[Flowable]:
    if pack.previous_meeting is None:
        return block(tr(lang, "previous_actions"), para(tr(lang, "no_previous_meeting"), "body"))
    rows = []
    for a in pack.previous_actions:
        state = (
            tr(lang, "done_on", date=fmt_date(a.done_on, lang)) if a.done and a.done_on
            else tr(lang, "yes") if a.done
            else tr(lang, "overdue") if a.overdue
            else tr(lang, "open")
        )  # fmt: skip
        due = fmt_date(a.due_date, lang) if a.due_date else "—"
        cells = [a.text, a.owner or "—", due, state]
        # An overdue action is printed in red (Paragraph cells carry their own colour).
        rows.append([Paragraph(escape(c), _RED) for c in cells] if a.overdue else cells)
    t = table(
        [tr(lang, "action"), tr(lang, "owner"), tr(lang, "due"), tr(lang, "done_state")],
        rows,
        [6, 2.6, 1.6, 1.8],
    )
    sub = tr(lang, "previous_meeting", date=fmt_date(pack.previous_meeting, lang))
    return block(tr(lang, "previous_actions"), para(sub, "small"), Spacer(1, 1.5 * mm), t)


def write_pack_pdf(pack: MeetingPack, path: Path, lang: str = "ru") -> Path:
    """Write the pack to *path* in *lang*; a failed write raises StorageError naming it."""
    register_fonts()
    return build_a4(
        path,
        QT_TRANSLATE_NOOP("KnownError", "Cannot write the report {path}: {detail}"),
        pack_story(pack, lang),
        _Canvas,
        lang=lang,
        footer=f"{tr(lang, 'meeting_pack')} · {pack.client} · {period_label(pack.period, lang)}",
        title=f"{tr(lang, 'meeting_pack')}: {pack.client}",
        author=pack.agency or "qcdesk",
        foot_room=4 * mm,
    )
