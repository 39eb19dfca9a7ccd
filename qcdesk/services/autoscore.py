"""Auto-prefill: run a template's rules over a transcript and build the §6 JSON contract.

The output must be byte-identical for the same input (reviewers and agents dispute scores they
cannot reproduce), so everything here is ordered and rounded, and no clock or randomness is
read. Criteria whose ``auto`` names a checker appear in ``answers``; a suggestion whose
confidence is below the criterion's ``threshold`` (default ``DEFAULT_THRESHOLD``) abstains with
value null and keeps its evidence, which the workspace shows as "check manually".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from qcdesk.domain.checklist import NA, ChecklistTemplate, Criterion
from qcdesk.domain.checklist_schema import load_template
from qcdesk.domain.metrics import metrics
from qcdesk.domain.rules.checkers import CHECKERS, Suggestion, outcome
from qcdesk.domain.rules.text import Dialog, make_dialog
from qcdesk.domain.scoring import score
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError

DEFAULT_THRESHOLD = 0.6
SHIPPED = Path(__file__).resolve().parents[2] / "checklists"


class AutoscoreError(KnownError):
    """A transcript or template for auto-prefill cannot be used."""


def checker_name(criterion: Criterion) -> str | None:
    """The checker a criterion points to with ``auto:`` (a name, or a mapping with ``check``)."""
    auto = criterion.extra.get("auto")
    if isinstance(auto, dict):
        auto = auto.get("check")
    return auto if isinstance(auto, str) and auto else None


def resolve_template(ref: str) -> ChecklistTemplate:
    """A template file path, or the id of a template shipped in ``checklists/``."""
    path = Path(ref)
    if not path.is_file():
        shipped = SHIPPED / f"{ref}.yaml"
        if not shipped.is_file():
            raise AutoscoreError(
                QT_TRANSLATE_NOOP("KnownError", "No checklist template {path}"), path=ref
            )
        path = shipped
    return load_template(path)


def read_transcript(path: Path) -> dict[str, Any]:
    """Load a transcript JSON file (see transcript-format.md)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AutoscoreError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot read transcript {path}: {detail}"),
            path=str(path),
            detail=str(exc),
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise AutoscoreError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not a transcript: it has no segments"),
            path=str(path),
        )
    return data


def _value_for(criterion: Criterion, sug: Suggestion) -> str | None:
    threshold = float(criterion.extra.get("threshold", DEFAULT_THRESHOLD))
    if sug.value is None or sug.confidence < threshold:
        return None
    if sug.value not in criterion.values:
        return None if sug.value != NA else None
    return sug.value


def suggest(
    template: ChecklistTemplate, dialog: Dialog
) -> dict[str, tuple[str | None, Suggestion]]:
    """criterion id -> (value or None when abstaining, the raw suggestion), in template order."""
    out: dict[str, tuple[str | None, Suggestion]] = {}
    for c in template.criteria():
        name = checker_name(c)
        if name is None or name not in CHECKERS:
            continue
        sug = CHECKERS[name](dialog)
        out[c.id] = (_value_for(c, sug), sug)
    return out


def autoscore(template: ChecklistTemplate, transcript: dict[str, Any]) -> dict[str, Any]:
    """The §6 result object for *transcript* scored against *template*."""
    dialog = make_dialog(transcript)
    results = suggest(template, dialog)
    answers = {
        cid: {
            "value": value,
            "confidence": round(sug.confidence, 2),
            "evidence": [
                {
                    "segment": e.segment,
                    "start": round(e.start, 2),
                    "end": round(e.end, 2),
                    "speaker": e.speaker,
                    "quote": e.quote,
                }
                for e in sug.evidence
            ],
        }
        for cid, (value, sug) in results.items()
    }
    stage, goal = outcome(dialog)
    stage_ids = [s.id for s in template.stages]
    total = score(template, {cid: v for cid, (v, _) in results.items() if v is not None}).total
    return {
        "template": template.id,
        "version": template.version,
        "answers": answers,
        "stage_reached": stage if not stage_ids or stage in stage_ids else None,
        "goal_achieved": goal,
        "metrics": metrics(dialog),
        "score": None if total is None else round(total, 2),
    }


def to_json(result: dict[str, Any]) -> str:
    """The canonical, byte-stable serialisation of a result."""
    return json.dumps(result, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
