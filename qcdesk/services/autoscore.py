"""Auto-prefill: run a template's rules over a transcript and build the §6 JSON contract.

The output must be byte-identical for the same input (reviewers and agents dispute scores they
cannot reproduce), so everything here is ordered and rounded, and no clock or randomness is
read. Criteria whose ``auto`` names a checker, or sets a threshold on a metric
(``auto: {metric: first_response_time, max: 120}``), appear in ``answers``. A suggestion whose
confidence is below the criterion's ``threshold`` (default ``DEFAULT_THRESHOLD``) abstains with
value null and keeps its evidence, which the workspace shows as "check manually".

Confidences are meant as the chance that a reviewer following labeling-guide.md gives the same
answer (see the calibration table of bench/autoscore.py), so one threshold serves every rule.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qcdesk.domain.checklist import NA, ChecklistTemplate, Criterion
from qcdesk.domain.checklist_schema import load_template
from qcdesk.domain.metrics import metric_evidence, metrics
from qcdesk.domain.rules.checkers import CHECKERS, Evidence, Suggestion, outcome
from qcdesk.domain.rules.hearing import attend
from qcdesk.domain.rules.text import Dialog, make_dialog
from qcdesk.domain.scoring import score
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.userfiles import read_bytes

DEFAULT_THRESHOLD = 0.75
METRIC_CONFIDENCE = 0.99  # a measured number against a stated limit: only timing errors remain
SHIPPED = Path(__file__).resolve().parents[2] / "checklists"


class AutoscoreError(KnownError):
    """A transcript or template for auto-prefill cannot be used."""


def checker_name(criterion: Criterion) -> str | None:
    """The checker a criterion points to with ``auto:`` (a name, or a mapping with ``check``)."""
    auto = criterion.extra.get("auto")
    if isinstance(auto, dict):
        auto = auto.get("check")
    return auto if isinstance(auto, str) and auto else None


@dataclass(frozen=True)
class MetricRule:
    """``auto: {metric: NAME, max: X}`` / ``{metric: NAME, min: X}``: yes within the limits."""

    metric: str
    min: float | None = None
    max: float | None = None

    def within(self, value: float) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


def metric_rule(criterion: Criterion) -> MetricRule | None:
    """The metric threshold a criterion's ``auto:`` sets, or None (malformed limits included)."""
    auto = criterion.extra.get("auto")
    if not isinstance(auto, dict) or not isinstance(auto.get("metric"), str):
        return None
    limits = {}
    for key in ("min", "max"):
        v = auto.get(key)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int | float)):
            return None
        limits[key] = None if v is None else float(v)
    if limits["min"] is None and limits["max"] is None:
        return None
    return MetricRule(auto["metric"], limits["min"], limits["max"])


def is_auto(criterion: Criterion) -> bool:
    """Whether the engine answers *criterion* (it then always appears in ``answers``)."""
    return checker_name(criterion) is not None or metric_rule(criterion) is not None


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
    """Load a transcript JSON file (see transcript-format.md) and check its types.

    The file comes from outside (an export, another tool), so every field the rules read is
    checked here: a wrong type or a NaN becomes an `AutoscoreError` naming the file and the
    segment instead of a traceback deep inside a rule.
    """
    raw = read_bytes(path, AutoscoreError)  # a pipe or a device is refused, never read
    try:
        data = json.loads(raw.decode("utf-8"))
    # ValueError covers JSONDecodeError and an integer past Python's 4,300-digit limit.
    except (ValueError, RecursionError) as exc:
        raise AutoscoreError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot read transcript {path}: {detail}"),
            path=str(path),
            detail=str(exc),
        ) from exc
    return check_transcript(data, str(path))


def _finite(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) and v >= 0


def _company_ok(v: Any) -> bool:
    """``company``: an object with a string ``name`` and, optionally, a list of string aliases
    (a bounded number of bounded names: each is matched against every consultant turn)."""
    if not isinstance(v, dict) or not isinstance(v.get("name"), str) or len(v["name"]) > 200:
        return False
    aliases = v.get("aliases", [])
    return (
        isinstance(aliases, list)
        and len(aliases) <= 50
        and all(isinstance(a, str) and len(a) <= 200 for a in aliases)
    )


def _shown(v: Any) -> str:
    """A short printable form of a bad value for the message (it may be huge)."""
    text = json.dumps(v, ensure_ascii=False) if not isinstance(v, float) else repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


def check_transcript(data: Any, path: str) -> dict[str, Any]:
    """Raise an `AutoscoreError` naming *path* (and the segment) unless *data* is a transcript.

    Required per segment: ``start`` and ``end`` (finite seconds, not negative, end >= start)
    and ``text``; ``speaker`` a string; ``words`` a list of objects when present.
    """
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise AutoscoreError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not a transcript: it has no segments"),
            path=path,
        )
    for key in ("id", "channel", "language", "direction", "started_at", "consultant_name"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise _field_error(path, None, key, data[key])
    company = data.get("company")
    if company is not None and not _company_ok(company):
        raise _field_error(path, None, "company", company)
    if data.get("duration") is not None and not _finite(data["duration"]):
        raise _field_error(path, None, "duration", data["duration"])
    for i, seg in enumerate(data["segments"], 1):
        if not isinstance(seg, dict):
            raise AutoscoreError(
                QT_TRANSLATE_NOOP("KnownError", "Segment {index} of {path} is not an object"),
                path=path,
                index=i,
            )
        for key in ("start", "end", "text"):
            if key not in seg:
                raise AutoscoreError(
                    QT_TRANSLATE_NOOP("KnownError", "Segment {index} of {path} has no {field}"),
                    path=path,
                    index=i,
                    field=key,
                )
        for key in ("start", "end"):
            if not _finite(seg[key]):
                raise _field_error(path, i, key, seg[key])
        if seg["end"] < seg["start"]:
            raise _field_error(path, i, "end", seg["end"])
        for key in ("text", "speaker"):
            if key in seg and not isinstance(seg[key], str):
                raise _field_error(path, i, key, seg[key])
        words = seg.get("words")
        if words is not None and (
            not isinstance(words, list) or not all(isinstance(w, dict) for w in words)
        ):
            raise _field_error(path, i, "words", words)
    return data


def _field_error(path: str, index: int | None, field: str, value: Any) -> AutoscoreError:
    if index is None:
        return AutoscoreError(
            QT_TRANSLATE_NOOP("KnownError", "{path} has an invalid {field}: {value}"),
            path=path,
            field=field,
            value=_shown(value),
        )
    return AutoscoreError(
        QT_TRANSLATE_NOOP(
            "KnownError", "Segment {index} of {path} has an invalid {field}: {value}"
        ),
        path=path,
        index=index,
        field=field,
        value=_shown(value),
    )


def threshold_of(criterion: Criterion) -> float:
    raw = criterion.extra.get("threshold", DEFAULT_THRESHOLD)
    return float(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) else 0.0


def _value_for(criterion: Criterion, sug: Suggestion) -> str | None:
    """The suggestion's value, or None (abstain) when unsure or not an answer of *criterion*."""
    if sug.value is None or sug.confidence < threshold_of(criterion):
        return None
    return sug.value if sug.value in criterion.values else None


def metric_suggestion(
    criterion: Criterion,
    rule: MetricRule,
    values: dict[str, Any],
    evidence: tuple[Evidence, ...] = (),
) -> Suggestion:
    """Yes within the limits, no outside; N/A (or abstain) when the metric is undefined."""
    v = values.get(rule.metric)
    if isinstance(v, bool) or not isinstance(v, int | float):
        return Suggestion(NA, METRIC_CONFIDENCE) if criterion.na_allowed else Suggestion(None, 0.0)
    return Suggestion("yes" if rule.within(float(v)) else "no", METRIC_CONFIDENCE, evidence)


def suggest(
    template: ChecklistTemplate,
    dialog: Dialog,
    *,
    metric_values: dict[str, Any] | None = None,
    working_hours: Any = None,
) -> dict[str, tuple[str | None, Suggestion]]:
    """criterion id -> (value or None when abstaining, the raw suggestion), in template order.

    A checker name the engine does not know abstains instead of vanishing: the criterion was
    declared auto-checkable, so the reviewer must see that it needs a manual answer.
    """
    out: dict[str, tuple[str | None, Suggestion]] = {}
    shown: dict[str, tuple[int, ...]] | None = None
    for c in template.criteria():
        rule = metric_rule(c)
        if rule is not None:
            if metric_values is None:
                metric_values = _metrics(dialog, working_hours)
            if shown is None:
                shown = metric_evidence(dialog, working_hours)
            evidence = tuple(Evidence.of(dialog.segments[i]) for i in shown.get(rule.metric, ()))
            sug = metric_suggestion(c, rule, metric_values, evidence)
        else:
            name = checker_name(c)
            if name is None:
                continue
            sug = (
                attend(name, dialog, CHECKERS[name](dialog))
                if name in CHECKERS
                else Suggestion(None, 0.0)
            )
        out[c.id] = (_value_for(c, sug), sug)
    return out


def _metrics(dialog: Dialog, working_hours: Any) -> dict[str, Any]:
    """Metrics of *dialog*; ``working_hours`` only reaches chat metrics, and only when given."""
    if working_hours is None:
        return metrics(dialog)
    return metrics(dialog, working_hours=working_hours)


def autoscore(
    template: ChecklistTemplate, transcript: dict[str, Any], *, working_hours: Any = None
) -> dict[str, Any]:
    """The §6 result object for *transcript* scored against *template*.

    ``working_hours`` (the client company's, as stored on ``Client.working_hours``) is passed
    through to the chat metrics, so response times only count the hours a team works.
    """
    dialog = make_dialog(transcript)
    values = _metrics(dialog, working_hours)
    results = suggest(template, dialog, metric_values=values, working_hours=working_hours)
    answers = {
        cid: {
            "value": value,
            "confidence": round(sug.confidence, 2),
            "evidence": [_evidence_json(e) for e in sug.evidence],
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
        "metrics": values,
        "score": None if total is None else round(total, 2),
    }


def _evidence_json(e: Evidence) -> dict[str, Any]:
    """One evidence item; a tolerant match adds the words heard and their similarity."""
    out: dict[str, Any] = {
        "segment": e.segment,
        "start": round(e.start, 2),
        "end": round(e.end, 2),
        "speaker": e.speaker,
        "quote": e.quote,
    }
    if e.similarity is not None:
        out["match"] = e.match
        out["similarity"] = round(e.similarity, 2)
    return out


def to_json(result: dict[str, Any]) -> str:
    """The canonical, byte-stable serialisation of a result: strict JSON, NaN never leaks.

    A metric that is not a number (an infinite or undefined ratio) is written as null, since
    bare ``NaN`` is not JSON and breaks every strict reader downstream.
    """
    return json.dumps(
        _json_safe(result),
        ensure_ascii=False,
        sort_keys=True,
        separators=(", ", ": "),
        allow_nan=False,
    )


def _json_safe(v: Any) -> Any:
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, dict):
        return {k: _json_safe(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_json_safe(x) for x in v]
    return v
