"""Coaching in PDF: the consultant report's section, the team's focus areas, the one-page plan."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.reports.coaching_model import ActionLine, CoachingSection, ProgressLine, SessionLine
from qcdesk.reports.i18n import fmt_date, fmt_datetime, fmt_num, fmt_pct, tr
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

RED = colors.HexColor("#C0392B")
GREEN = colors.HexColor("#1E8449")
_RED = STYLES["cell"].clone("coach_red", textColor=RED)
_GREEN = STYLES["cell"].clone("coach_green", textColor=GREEN)
FORMAT_KEYS = {
    "one_to_one": "one_to_one",
    "group": "group",
    "call": "on_call",
    "meeting": "meeting",
}


def verdict(lang: str, row: ProgressLine, min_side: int = 5) -> str:
    p = "—" if row.p_value is None else fmt_num(row.p_value, lang, 3)
    if row.reason == "too_few":
        return tr(lang, "too_few", min=min_side)
    text = tr(lang, row.reason, p=p)
    if row.reason == "significant" and row.change is not None:
        text = f"{tr(lang, 'improved' if row.change > 0 else 'worse')}, {text}"
    return text


def _points(value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{fmt_num(abs(value), lang)} {tr(lang, 'pp')}"


def progress_rows(lang: str, rows: Sequence[ProgressLine], *, who: bool) -> list[list[object]]:
    out: list[list[object]] = []
    for r in rows:
        line: list[object] = [r.consultant] if who else []
        line += [
            r.title,
            f"{fmt_pct(r.before, lang)} ({r.n_before})",
            f"{fmt_pct(r.after, lang)} ({r.n_after})",
            _points(r.change, lang),
        ]
        text = verdict(lang, r)
        good = r.reason == "significant" and (r.change or 0) > 0
        line.append(Paragraph(escape(text), _GREEN) if good else text)
        out.append(line)
    return out


def _action_cells(lang: str, a: ActionLine) -> list[object]:
    state = (
        tr(lang, "done_on", date=fmt_date(a.done_on, lang)) if a.done and a.done_on
        else tr(lang, "yes") if a.done
        else tr(lang, "overdue") if a.overdue
        else tr(lang, "open")
    )  # fmt: skip
    cells = [a.text, a.owner or "—", fmt_date(a.due_date, lang) if a.due_date else "—", state]
    return [Paragraph(escape(c), _RED) for c in cells] if a.overdue else list(cells)


def actions_table(lang: str, actions: Sequence[ActionLine]) -> Flowable:
    return table(
        [tr(lang, "action"), tr(lang, "owner"), tr(lang, "due"), tr(lang, "done_state")],
        [_action_cells(lang, a) for a in actions],
        [6, 2.6, 1.6, 1.8],
    )


def _session_line(lang: str, x: SessionLine) -> str:
    ack = (
        f"{tr(lang, 'acknowledged')}: {fmt_date(x.acknowledged_on, lang)}"
        if x.acknowledged and x.acknowledged_on
        else f"{tr(lang, 'acknowledged')}: {tr(lang, 'no')}"
    )
    who = ", ".join(x.participants) or "—"
    return (
        f"{fmt_datetime(x.held_at, lang)} · {tr(lang, FORMAT_KEYS.get(x.format, 'group'))} · "
        f"{who} · {ack}"
    )


def _plan_head(c: CoachingSection, lang: str) -> str:
    parts = []
    if c.plan_created is not None:
        parts.append(
            tr(lang, "plan_version", v=c.plan_version, date=fmt_date(c.plan_created, lang))
        )
    if c.coach:
        parts.append(f"{tr(lang, 'coach')}: {c.coach}")
    if c.due_date:
        parts.append(f"{tr(lang, 'due_date')}: {fmt_date(c.due_date, lang)}")
    return " · ".join(parts)


def focus_table(c: CoachingSection, lang: str) -> Flowable:
    return table(
        [tr(lang, "criterion"), tr(lang, "plan_target"), tr(lang, "plan_now"), tr(lang, "answers")],
        [
            [f.title, fmt_pct(f.target, lang, 0), fmt_pct(f.now, lang), str(f.answers)]
            for f in c.focus
        ],
        [6, 1.8, 1.8, 1.6],
    )


def progress_block(c: CoachingSection, lang: str) -> list[Flowable]:
    if not c.progress or c.progress_at is None:
        return []
    return block(
        tr(lang, "before_after", date=fmt_date(c.progress_at, lang)),
        table(
            [tr(lang, k) for k in ("criterion", "before", "after", "change", "verdict")],
            progress_rows(lang, c.progress, who=False),
            [4.4, 1.8, 1.8, 1.6, 3.4],
        ),
        Spacer(1, 1.5 * mm),
        para(tr(lang, "progress_note", n=c.window, min=c.min_side), "small"),
        level=2,
    )


def coaching_blocks(c: CoachingSection, lang: str) -> list[Flowable]:
    """The consultant report's "Coaching" section: plan, sessions, before/after."""
    out: list[Flowable] = [heading(tr(lang, "coaching"))]
    if c.plan_version is None:
        out.append(para(tr(lang, "no_plan"), "body"))
    else:
        items: list[Flowable] = [para(_plan_head(c, lang), "small"), focus_table(c, lang)]
        if c.notes:
            items.append(para(f"{tr(lang, 'notes')}: {c.notes}", "body"))
        out += block(tr(lang, "plan_title"), *items, level=2)
    out += progress_block(c, lang)
    if c.sessions:
        items = []
        for x in c.sessions:
            items.append(para(_session_line(lang, x), "body"))
            if x.notes:
                items.append(para(x.notes, "quote"))
            if x.actions:
                items.append(actions_table(lang, x.actions))
            items.append(Spacer(1, 2 * mm))
        out += block(tr(lang, "sessions"), *items, level=2)
    return out


def focus_progress_blocks(rows: Sequence[ProgressLine], lang: str) -> list[Flowable]:
    """The team report's list of coached focus areas with their before/after verdict."""
    if not rows:
        return []
    return block(
        tr(lang, "improved_focus"),
        table(
            [
                tr(lang, k)
                for k in ("consultant", "criterion", "before", "after", "change", "verdict")
            ],
            progress_rows(lang, rows, who=True),
            [2.6, 3.4, 1.6, 1.6, 1.5, 3.0],
        ),
    )


class _PlanCanvas(DeferredPagesCanvas):
    def draw_footer(self, total: int) -> None:
        self.setFont(FONT, 8)
        self.setFillColor(colors.HexColor("#6B7785"))
        self.drawString(MARGIN, 10 * mm, self.footer)
        self.drawRightString(
            PAGE_W - MARGIN, 10 * mm, tr(self.lang, "page", n=self._pageNumber, m=total)
        )


def write_plan_pdf(c: CoachingSection, path: Path, lang: str = "ru") -> Path:
    """The development plan on one page: focus with targets, examples, notes, open actions."""
    register_fonts()
    story: list[Flowable] = [
        heading(f"{tr(lang, 'plan_title')}: {c.consultant}"),
        para(f"{c.client} · {_plan_head(c, lang)}", "small"),
        Spacer(1, 3 * mm),
        focus_table(c, lang),
    ]
    if c.examples:
        story.append(heading(tr(lang, "examples"), 2))
        for e in c.examples:
            kind = tr(lang, "good_example" if e.good else "failure")
            when = fmt_date(e.when, lang) if e.when else "—"
            story.append(
                Paragraph(
                    f"<b>{escape(e.title)}, {escape(kind)}</b> — {escape(when)}, "
                    f"#{e.interaction_id}: «{escape(e.quote)}»",
                    STYLES["quote"],
                )
            )
    if c.notes:
        story += [heading(tr(lang, "notes"), 2), para(c.notes, "body")]
    open_actions = [a for x in c.sessions[:1] for a in x.actions]
    if open_actions:
        story += [
            heading(tr(lang, "sessions"), 2),
            para(_session_line(lang, c.sessions[0]), "small"),
        ]
        story.append(actions_table(lang, open_actions))
    story += progress_block(c, lang)
    line = "_" * 20
    sign = f"{tr(lang, 'consultant')}: {line}     {tr(lang, 'coach')}: {line}"
    story += [Spacer(1, 10 * mm), para(sign, "body")]
    return build_a4(
        path,
        QT_TRANSLATE_NOOP("KnownError", "Cannot write the report {path}: {detail}"),
        story,
        _PlanCanvas,
        lang=lang,
        footer=f"{tr(lang, 'plan_title')} · {c.consultant} · {fmt_date(datetime.now(), lang)}",
        title=f"{tr(lang, 'plan_title')}: {c.consultant}",
        author="qcdesk",
        foot_room=4 * mm,
    )
