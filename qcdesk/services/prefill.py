"""Auto-prefill of an interaction's evaluation from its transcript, and the metrics beside it.

The suggestion and the reviewer's answer live side by side on each ``EvaluationAnswer``: the
engine writes ``suggested_*`` every time it runs, but writes ``value`` only while the answer
is not ``confirmed``, so a re-run (after re-transcription, or the "Re-run auto-prefill"
button) never overwrites what a reviewer decided. The outcome (stage, goal) is filled the same
way: the interaction keeps a reviewer's choice and takes the suggestion only when nothing is
set or what is set is still the previous suggestion.

Other use cases call `prefill_interaction` (their own unit of work) or `prefill_in_session`
(inside theirs): transcription calls it after storing a transcript, chat import after
importing a chat.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from qcdesk.db.models import (
    Consultant,
    Evaluation,
    EvaluationAnswer,
    Interaction,
    Transcript,
    TranscriptSegment,
)
from qcdesk.db.session import session_scope
from qcdesk.domain.working_hours import working_hours_for
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError, TemplateError
from qcdesk.services.base import ServiceBase, get_interaction, latest_evaluation
from qcdesk.services.languages import working_language
from qcdesk.services.scoresheet import store_score
from qcdesk.services.templates import default_version, template_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrefillBudget:
    """The largest transcript auto-prefill runs on by itself.

    The rules are linear, but a whole account's Telegram export (200 MB, a million messages)
    would still keep a job busy for minutes after import, for suggestions nobody can check on
    a transcript that long. Past the budget the interaction is imported and stored as usual,
    and auto-prefill stops with `PrefillTooLong` instead. 50k segments take a few seconds.
    """

    segments: int = 50_000
    chars: int = 5_000_000


class PrefillTooLong(KnownError):
    """The transcript is past the `PrefillBudget`: it is scored by hand."""


def check_budget(s: Session, it: Interaction, t: Transcript, budget: PrefillBudget) -> None:
    """Raise `PrefillTooLong` naming the interaction when *t* is past *budget*.

    Counted in SQL, before a single segment is loaded: loading a million rows into the ORM
    would itself take the minutes the budget is there to save.
    """
    n, chars = s.execute(
        select(func.count(), func.coalesce(func.sum(func.length(TranscriptSegment.text)), 0)).where(
            TranscriptSegment.transcript_id == t.id
        )
    ).one()
    if n > budget.segments or chars > budget.chars:
        raise PrefillTooLong(
            QT_TRANSLATE_NOOP(
                "KnownError",
                "Interaction {id} is too long to prefill automatically ({segments} segments, "
                "{chars} characters; the limit is {max_segments} segments and {max_chars} "
                "characters). Score it by hand.",
            ),
            id=it.id,
            segments=n,
            chars=chars,
            max_segments=budget.segments,
            max_chars=budget.chars,
        )


@dataclass(frozen=True)
class PrefillOutcome:
    """What one auto-prefill run did."""

    interaction_id: int
    evaluation_id: int
    suggested: int  # criteria the engine answered
    abstained: int  # criteria left for the reviewer ("check manually")
    filled: int  # answers whose value now is the suggestion (not yet confirmed)
    kept: int  # answers a reviewer had confirmed, left as they were


@dataclass(frozen=True)
class MetricsComparison:
    """One interaction's conversation metrics beside the average of its team (or company)."""

    interaction_id: int
    kind: str
    metrics: dict[str, Any] = field(default_factory=dict)  # empty: never computed
    average: dict[str, float | None] = field(default_factory=dict)
    peers: int = 0  # interactions the average is taken over (this one included)
    scope: str = "team"  # "team", or "client" when the consultant has no team
    scope_name: str = ""


def transcript_data(it: Interaction, t: Transcript) -> dict[str, Any]:
    """The stored transcript in the transcript format the engine reads, with what the app
    knows: the client company's name and spoken names, the consultant's registered name."""
    company = {"name": it.client.name, "aliases": list(it.client.spoken_names or [])}
    return {
        "id": str(it.id),
        "channel": it.kind,
        "direction": it.direction,
        "company": company,
        "consultant_name": it.consultant.name if it.consultant is not None else None,
        "language": t.language,
        "duration": it.duration or (t.segments[-1].end if t.segments else 0.0),
        "started_at": it.started_at.isoformat() if it.started_at else None,
        "segments": [
            {
                "speaker": seg.speaker,
                "start": seg.start,
                "end": seg.end,
                "text": seg.text,
                "words": seg.words or [],
            }
            for seg in t.segments
        ],
    }


def _is_current_suggestion(value: Any, previous_suggestion: Any, ev: Evaluation) -> bool:
    """An outcome field the reviewer has not set: empty, or still the previous suggestion."""
    if value is None:
        return True
    return ev.status != "reviewed" and ev.autoscored_at is not None and value == previous_suggestion


def _follow_language(s: Session, it: Interaction, ev: Evaluation) -> None:
    """Give an untouched evaluation the checklist in the language the call turned out to be.

    A call set to "auto" that was opened before it was transcribed got the fallback (Russian)
    checklist; once Whisper has found it English, the English one replaces it, as long as no
    reviewer has answered, commented or marked anything on the form yet.
    """
    language = working_language(s, it)
    if ev.status != "in_progress" or ev.version.template.language == language:
        return
    if any(a.confirmed and (a.value is not None or a.comment or a.evidence) for a in ev.answers):
        return
    try:
        version = default_version(s, it.kind, language, it.client_id)
    except TemplateError:
        return
    if version.template.language != language:
        return  # no checklist in that language: keep the one the form has
    ev.answers.clear()
    ev.version = version
    s.flush()


def prefill_in_session(
    s: Session, interaction_id: int, budget: PrefillBudget | None = None
) -> PrefillOutcome | None:
    """Run the rules on the interaction's transcript and store suggestions and metrics.

    Returns None when there is nothing to score: no transcript or no consultant in it (roles
    still unknown) changes nothing; with no template for the interaction's kind only the
    metrics are stored, since they need no checklist.

    Raises:
        PrefillTooLong: the transcript is past *budget* (default `PrefillBudget()`); nothing
            is changed.
    """
    # The rules are imported here, not at start-up: their word lists and pymorphy3's
    # dictionaries cost about 0.3 s of import that a window opening on the list never needs.
    from qcdesk.domain.metrics import metrics
    from qcdesk.domain.rules.text import make_dialog
    from qcdesk.services.autoscore import autoscore

    it = get_interaction(s, interaction_id)
    t = s.scalar(select(Transcript).where(Transcript.interaction_id == interaction_id))
    if t is None:
        return None
    check_budget(s, it, t, budget or PrefillBudget())
    if not any(seg.speaker == "consultant" for seg in t.segments):
        return None
    hours = None
    if it.kind == "chat":  # response times count the company's working hours, in its zone
        hours = working_hours_for(it.client.working_hours, it.client.timezone, it.started_at)
    ev = latest_evaluation(s, interaction_id)
    if ev is None:
        try:
            version = default_version(s, it.kind, working_language(s, it), it.client_id)
        except TemplateError as err:
            log.info("no auto-prefill for interaction %s: %s", interaction_id, err)
            it.metrics = metrics(make_dialog(transcript_data(it, t)), working_hours=hours)
            return None
        ev = Evaluation(interaction=it, version=version, status="in_progress")
        s.add(ev)
        s.flush()
    else:
        _follow_language(s, it, ev)
    template = template_of(ev.version)
    result = autoscore(template, transcript_data(it, t), working_hours=hours)

    by_id = {a.criterion_id: a for a in ev.answers}
    filled = kept = abstained = 0
    for cid, ans in result["answers"].items():
        a = by_id.get(cid)
        if a is None:
            a = EvaluationAnswer(criterion_id=cid, value=None, comment="", evidence=[])
            a.confirmed = False
            ev.answers.append(a)
        a.suggested = True
        a.suggested_value = ans["value"]
        a.suggested_confidence = ans["confidence"]
        a.suggested_evidence = ans["evidence"]
        abstained += ans["value"] is None
        if a.confirmed:
            kept += 1
        else:
            a.value = ans["value"]
            filled += ans["value"] is not None

    prev_stage, prev_goal = ev.suggested_stage, ev.suggested_goal
    if _is_current_suggestion(it.stage_reached, prev_stage, ev):
        it.stage_reached = result["stage_reached"]
    if _is_current_suggestion(it.goal_achieved, prev_goal, ev):
        it.goal_achieved = result["goal_achieved"]
    ev.suggested_stage = result["stage_reached"]
    ev.suggested_goal = result["goal_achieved"]
    ev.autoscored_at = datetime.now()
    it.metrics = result["metrics"]
    s.flush()
    store_score(ev, template, touch_status=False)
    s.flush()
    return PrefillOutcome(
        interaction_id=interaction_id,
        evaluation_id=ev.id,
        suggested=len(result["answers"]) - abstained,
        abstained=abstained,
        filled=filled,
        kept=kept,
    )


def prefill_interaction(
    factory: sessionmaker[Session],
    db_path: Path,
    interaction_id: int,
    budget: PrefillBudget | None = None,
) -> PrefillOutcome | None:
    """`prefill_in_session` in a unit of work of its own (for transcription, chat import)."""
    with session_scope(factory, db_path) as s:
        return prefill_in_session(s, interaction_id, budget)


def _numeric(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def average_metrics(rows: list[dict[str, Any]]) -> dict[str, float | None]:
    """Mean of each metric over the rows that define it (None where none does)."""
    keys = sorted({k for r in rows for k in r})
    out: dict[str, float | None] = {}
    for k in keys:
        vals = [float(r[k]) for r in rows if _numeric(r.get(k))]
        out[k] = round(sum(vals) / len(vals), 3) if vals else None
    return out


class PrefillService(ServiceBase):
    """Auto-prefill for the GUI and the CLI, and the metrics panel's figures."""

    def prefill(self, interaction_id: int) -> PrefillOutcome | None:
        return prefill_interaction(self._factory, self._db_path, interaction_id)

    def prefill_many(self, interaction_ids: list[int]) -> list[PrefillOutcome]:
        """Prefill several interactions, one unit of work each (used by the demo)."""
        out = []
        for iid in interaction_ids:
            done = self.prefill(iid)
            if done is not None:
                out.append(done)
        return out

    def metrics_comparison(self, interaction_id: int) -> MetricsComparison:
        """The interaction's metrics and the mean over its consultant's team, same kind.

        Without a team (or consultant) the average is over the client company's interactions.
        Only interactions whose metrics were computed (by auto-prefill) take part.
        """
        with self._session() as s:
            it = s.get_one(Interaction, interaction_id)
            team = it.consultant.team if it.consultant is not None else None
            q = select(Interaction.metrics).where(
                Interaction.kind == it.kind, Interaction.metrics.is_not(None)
            )
            if team is not None:
                q = q.join(Consultant, Consultant.id == Interaction.consultant_id).where(
                    Consultant.team_id == team.id
                )
                scope, name = "team", team.name
            else:
                q = q.where(Interaction.client_id == it.client_id)
                scope, name = "client", it.client.name
            rows = [m for m in s.scalars(q) if isinstance(m, dict)]
            return MetricsComparison(
                interaction_id=interaction_id,
                kind=it.kind,
                metrics=dict(it.metrics or {}),
                average=average_metrics(rows),
                peers=len(rows),
                scope=scope,
                scope_name=name,
            )
