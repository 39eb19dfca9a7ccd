"""The planning-meeting pack as values, and the pure parts of building it.

The pack tells the head of sales, for one client company and period: the KPIs against their
targets and how they moved since the previous period; the team's weakest criteria with the
share of failures, who is most affected, short quotes of a failure and of a good example (from
reviewed evaluations only, dated) and the checklist's guidance; each consultant's focus; and
the actions agreed at the previous meeting with whether they were done.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from qcdesk.reports.build import kpis, quote_at, summary
from qcdesk.reports.model import CriterionMeta, Dataset, EvalRecord, Period

MAX_WEAK = 5
MIN_WEAK = 3  # fewer only when fewer criteria failed at all
MAX_BAD = 2
MAX_GOOD = 1
MAX_AFFECTED = 3
QUOTE_CHARS = 220  # "short quotes": a long monologue is cut at a word


@dataclass(frozen=True)
class PackExample:
    good: bool
    when: datetime
    interaction_id: int
    evaluation_id: int
    consultant: str
    quote: str
    at: float | None  # seconds into the recording; None: a comment or a chat quote
    channel: str = "call"
    clip: str = ""  # the clip's file name, "" when there is none
    clip_start: float | None = None
    clip_end: float | None = None


@dataclass(frozen=True)
class Affected:
    consultant: str
    failures: int
    answered: int


@dataclass(frozen=True)
class WeakCriterion:
    item: int  # agenda number, 1 = weakest
    channel: str
    criterion_id: str
    title: str
    guidance: str
    compliance: float | None  # percent
    failures: int
    answered: int
    affected: tuple[Affected, ...]
    examples: tuple[PackExample, ...]

    @property
    def failure_share(self) -> float:
        return 100.0 * self.failures / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class KpiChange:
    key: str  # as KpiRow.key: score / combined / conversion / critical
    target: float
    actual: float | None
    previous: float | None
    met: bool | None

    @property
    def change(self) -> float | None:
        if self.actual is None or self.previous is None:
            return None
        return self.actual - self.previous


@dataclass(frozen=True)
class PersonFocus:
    consultant: str
    titles: tuple[str, ...]
    source: str  # "plan" (a saved plan, see plan_version), "proposed" or "none"
    plan_version: int | None = None


@dataclass(frozen=True)
class PreviousAction:
    text: str
    owner: str
    due_date: date | None
    done: bool
    done_on: date | None
    overdue: bool


@dataclass(frozen=True)
class MeetingPack:
    client: str
    agency: str
    logo_path: str | None
    period: Period
    previous_period: Period
    evaluations: int
    kpis: tuple[KpiChange, ...]
    weakest: tuple[WeakCriterion, ...]
    focus: tuple[PersonFocus, ...] = ()
    previous_meeting: datetime | None = None
    previous_actions: tuple[PreviousAction, ...] = ()

    def examples(self) -> list[tuple[WeakCriterion, PackExample]]:
        return [(w, e) for w in self.weakest for e in w.examples]


def short(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def kpi_changes(ds: Dataset, now: Sequence[EvalRecord], before: Sequence[EvalRecord],
                period: Period) -> tuple[KpiChange, ...]:  # fmt: skip
    """The KPI rows of the period with the previous period's actual beside each."""
    t, w = ds.targets.score, ds.channel_weights
    out_now = [o for o in ds.outcomes if period.contains(o.started_at)]
    out_prev = [o for o in ds.outcomes if period.previous().contains(o.started_at)]
    rows_now = kpis(summary(now, out_now, t, w), ds)
    rows_prev = {k.key: k for k in kpis(summary(before, out_prev, t, w), ds)}
    out = []
    for k in rows_now:
        prev = rows_prev.get(k.key)
        if prev is None and k.key in ("score", "combined"):  # one channel then, several now
            prev = rows_prev.get("combined" if k.key == "score" else "score")
        out.append(KpiChange(k.key, k.target, k.actual, prev.actual if prev else None, k.met))
    return tuple(out)


def _example(e: EvalRecord, cid: str, good: bool, consultant: str) -> PackExample | None:
    answer = next((a for a in e.answers if a.criterion_id == cid), None)
    if answer is None:
        return None
    if answer.evidence and e.segments:
        at = answer.evidence[0]
        quote = quote_at(e.segments, at)
        return PackExample(good, e.started_at, e.interaction_id, e.evaluation_id, consultant,
                           short(quote), at, e.channel)  # fmt: skip
    if answer.comment.strip():
        return PackExample(good, e.started_at, e.interaction_id, e.evaluation_id, consultant,
                           short(answer.comment), None, e.channel)  # fmt: skip
    return None


def _pick(
    evals: Sequence[EvalRecord], cid: str, good: bool, limit: int, names: dict[int, str]
) -> tuple[PackExample, ...]:
    """Quotes for the criterion, newest first, those with a recording moment first."""
    found = []
    for e in evals:
        a = next((x for x in e.answers if x.criterion_id == cid), None)
        if a is None or a.fraction is None or a.fraction != (1.0 if good else 0.0):
            continue
        ex = _example(e, cid, good, names.get(e.consultant_id or 0, ""))
        if ex is not None and ex.quote:
            found.append(ex)
    found.sort(key=lambda x: (x.at is None, -x.when.timestamp(), x.interaction_id))
    return tuple(sorted(found[:limit], key=lambda x: x.when))


def weakest_criteria(ds: Dataset, now: Sequence[EvalRecord]) -> tuple[WeakCriterion, ...]:
    """Three to five criteria with the lowest compliance among those that failed at all."""
    meta: dict[tuple[str, str], CriterionMeta] = {(c.channel, c.id): c for c in ds.criteria}
    earned: dict[tuple[str, str], list[float]] = defaultdict(list)
    per_person: dict[tuple[str, str], dict[int, list[float]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for e in now:
        for a in e.answers:
            if a.fraction is None:
                continue
            key = (e.channel, a.criterion_id)
            earned[key].append(a.fraction)
            if e.consultant_id is not None:
                per_person[key][e.consultant_id].append(a.fraction)
    failed = {k: v for k, v in earned.items() if any(f == 0.0 for f in v) and k in meta}
    # One failed answer out of one is a weak signal: criteria answered at least twice lead
    # when there are enough of them to fill the agenda.
    solid = {k: v for k, v in failed.items() if len(v) >= 2}
    if len(solid) >= MIN_WEAK:
        failed = solid
    ranked = sorted(
        failed,
        key=lambda k: (sum(failed[k]) / len(failed[k]), -sum(f == 0.0 for f in failed[k]),
                       meta[k].title),
    )[:MAX_WEAK]  # fmt: skip
    names = ds.consultants
    out = []
    for item, key in enumerate(ranked, start=1):
        values = failed[key]
        people = sorted(
            (
                Affected(names.get(p, str(p)), sum(f == 0.0 for f in fs), len(fs))
                for p, fs in per_person[key].items()
                if any(f == 0.0 for f in fs)
            ),
            key=lambda x: (-x.failures / x.answered, -x.failures, x.consultant),
        )[:MAX_AFFECTED]
        channel_evals = [e for e in now if e.channel == key[0]]
        examples = _pick(channel_evals, key[1], False, MAX_BAD, names)
        examples += _pick(channel_evals, key[1], True, MAX_GOOD, names)
        m = meta[key]
        out.append(
            WeakCriterion(
                item=item,
                channel=key[0],
                criterion_id=key[1],
                title=m.title,
                guidance=" ".join(m.guidance.split()),
                compliance=100.0 * sum(values) / len(values),
                failures=sum(f == 0.0 for f in values),
                answered=len(values),
                affected=tuple(people),
                examples=examples,
            )
        )
    return tuple(out)


def clip_name(w: WeakCriterion, index: int, ex: PackExample) -> str:
    """``01-02_fail_next_step_i17.mp3``: sorts by agenda item, then example."""
    kind = "good" if ex.good else "fail"
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in w.criterion_id)
    return f"{w.item:02d}-{index:02d}_{kind}_{safe}_i{ex.interaction_id}.mp3"
