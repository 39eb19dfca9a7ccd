"""The live preview: the form as a reviewer will see it, with each weight's share of the total.

Rendered as rich text into a read-only browser: it redraws in a millisecond for any template
size, and it shows what matters for judging a checklist (order, wording, answer options,
weights, critical marks, the outcome) without reviewer-only controls.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from qcdesk.domain.checklist import NA, NO, PARTIAL, YES, ChecklistTemplate
from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.widgets.template_editor_ops import share_of_total

CONTEXT = "TemplatePreview"
TEXTS = {
    YES: QT_TRANSLATE_NOOP("TemplatePreview", "Yes"),
    NO: QT_TRANSLATE_NOOP("TemplatePreview", "No"),
    PARTIAL: QT_TRANSLATE_NOOP("TemplatePreview", "Partly"),
    NA: QT_TRANSLATE_NOOP("TemplatePreview", "N/A"),
    "untitled": QT_TRANSLATE_NOOP("TemplatePreview", "(untitled checklist)"),
    "untitled_section": QT_TRANSLATE_NOOP("TemplatePreview", "(untitled section)"),
    "no_criteria": QT_TRANSLATE_NOOP("TemplatePreview", "No criteria yet"),
    "critical": QT_TRANSLATE_NOOP("TemplatePreview", "Critical"),
    "weight": QT_TRANSLATE_NOOP("TemplatePreview", "weight {weight} · {share} of the total"),
    "outcome": QT_TRANSLATE_NOOP("TemplatePreview", "Outcome"),
    "no_stages": QT_TRANSLATE_NOOP("TemplatePreview", "No stages yet"),
    "stage": QT_TRANSLATE_NOOP("TemplatePreview", "Stage reached:"),
    "goal": QT_TRANSLATE_NOOP("TemplatePreview", "Goal achieved"),
}
STYLE = (
    "<style>h2 { margin: 0 0 2px 0; } h3 { margin: 10px 0 2px 0; }"
    ".guide { color: #56616d; } .weight { color: #56616d; }"
    ".chip { background: #e8ecf0; } .critical { color: #ffffff; background: #c62828; }</style>"
)


def _t(key: str) -> str:
    return escape(QCoreApplication.translate(CONTEXT, TEXTS[key]))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def preview_html(t: ChecklistTemplate, version_text: str = "") -> str:
    """Rich text of the form; an unknown answer type shows no options rather than failing."""
    out = [STYLE, f"<h2>{escape(t.title) or _t('untitled')}</h2>"]
    if version_text:
        out.append(f"<div class='weight'>{escape(version_text)}</div>")
    number = 0
    for i, section in enumerate(t.sections):
        share = share_of_total(t, sum(c.weight for c in section.criteria))
        title = escape(section.title) or _t("untitled_section")
        out.append(f"<h3>{title} <span class='weight'>· {_pct(share)}</span></h3>")
        if not section.criteria:
            out.append(f"<p class='guide'>{_t('no_criteria')}</p>")
        for j, c in enumerate(section.criteria):
            number += 1
            badge = f" <span class='critical'>&nbsp;{_t('critical')}&nbsp;</span>"
            try:
                values = c.values
            except ValueError:
                values = ()
            chips = " ".join(
                f"<span class='chip'>&nbsp;{_t(v) if v in TEXTS else escape(v)}&nbsp;</span>"
                for v in values
            )
            weight = _t("weight").format(
                weight=f"{c.weight:g}", share=_pct(share_of_total(t, c.weight))
            )
            out.append(
                f"<p style='margin: 6px 0 0 0'><a name='c{i}_{j}'></a>"
                f"<b>{number}. {escape(c.title)}</b>"
                f"{badge if c.critical else ''}<br>"
                f"{chips} &nbsp; <span class='weight'>{weight}</span>"
            )
            if c.guidance:
                out.append(f"<br><span class='guide'>{escape(c.guidance)}</span>")
            out.append("</p>")
    out.append(f"<h3>{_t('outcome')}</h3>")
    stages = " → ".join(escape(s.title) for s in t.stages) or _t("no_stages")
    out.append(f"<p>{_t('stage')} {stages}</p>")
    out.append(f"<p>☐ {_t('goal')}: <span class='guide'>{escape(t.goal)}</span></p>")
    return "".join(out)
