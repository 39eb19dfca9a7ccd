"""A calibration session's comparison, computed from the participants' answers (pure).

Units are (interaction, criterion): every participant who submitted gives each one a value or
leaves it empty. Per criterion and over all criteria the figures of ``domain.reliability``
are computed, see there how yes/no/partial/na and 1..5 scales are treated. Besides them:

* the total score each participant gave each interaction (``domain.scoring``), and its spread
  (highest minus lowest, and the standard deviation);
* who deviates from the majority: for each unit with a strict majority answer, the
  participants who answered otherwise (an empty answer is not counted as a deviation).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from qcdesk.domain.checklist import NA, ChecklistTemplate
from qcdesk.domain.reliability import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    majority,
    percent_agreement,
)
from qcdesk.domain.scoring import score

Answers = Mapping[str, str | None]  # criterion id -> value


@dataclass(frozen=True)
class PairKappa:
    a: str
    b: str
    kappa: float | None


@dataclass(frozen=True)
class Figures:
    """Agreement over a set of units."""

    units: int  # units with two answers or more
    agreement: float | None  # pairwise percent agreement
    fleiss_kappa: float | None
    krippendorff_alpha: float | None
    alpha_metric: str  # "nominal" or "interval" (1..5 scales, "na" left out)
    cohen: tuple[PairKappa, ...]


@dataclass(frozen=True)
class CriterionResult:
    criterion_id: str
    title: str
    answer: str  # answer type
    guidance: str
    figures: Figures
    deviating: tuple[str, ...]  # participants who differ from the majority at least once


@dataclass(frozen=True)
class ItemResult:
    """One interaction: each participant's answers and total, the majority, the spread."""

    interaction_id: int
    answers: dict[str, dict[str, str | None]]  # participant -> criterion -> value
    totals: dict[str, float | None]  # participant -> total score 0..100
    majority: dict[str, str | None]  # criterion -> the majority answer (None: no majority)
    spread: float | None  # highest total minus lowest
    stdev: float | None  # population standard deviation of the totals


@dataclass(frozen=True)
class ParticipantResult:
    name: str
    compared: int  # units with a majority that this participant answered
    deviations: int  # of them, answered otherwise than the majority
    mean_total: float | None

    @property
    def deviation_share(self) -> float | None:
        return self.deviations / self.compared if self.compared else None


@dataclass(frozen=True)
class Comparison:
    participants: tuple[str, ...]
    criteria: tuple[CriterionResult, ...]  # in template order
    items: tuple[ItemResult, ...]
    people: tuple[ParticipantResult, ...]
    overall: Figures
    mean_spread: float | None  # mean over interactions of the total's spread
    max_spread: float | None


def _figures(
    units: Sequence[Sequence[str | None]], participants: Sequence[str], scale: bool
) -> Figures:
    rated = [u for u in units if sum(v is not None for v in u) >= 2]
    if scale:
        numeric = [[None if v in (None, NA) else v for v in u] for u in units]
        alpha = krippendorff_alpha(numeric, "interval")
    else:
        alpha = krippendorff_alpha(units, "nominal")
    cohen = []
    for i, j in combinations(range(len(participants)), 2):
        pairs = [(u[i], u[j]) for u in units if u[i] is not None and u[j] is not None]
        cohen.append(PairKappa(participants[i], participants[j], cohen_kappa(pairs)))
    return Figures(
        units=len(rated),
        agreement=percent_agreement(units),
        fleiss_kappa=fleiss_kappa(units),
        krippendorff_alpha=alpha,
        alpha_metric="interval" if scale else "nominal",
        cohen=tuple(cohen),
    )


def compare(
    participants: Sequence[str],
    items: Sequence[tuple[int, ChecklistTemplate, Mapping[str, Answers]]],
) -> Comparison:
    """The comparison of *items*: (interaction id, its template, participant -> answers).

    Participants absent from an item's mapping (they never submitted) count as empty answers.
    """
    names = tuple(participants)
    order: dict[str, tuple[str, str, str]] = {}  # criterion -> title, answer type, guidance
    units: dict[str, list[list[str | None]]] = {}
    item_results = []
    deviating: dict[str, set[str]] = {}
    compared = dict.fromkeys(names, 0)
    deviations = dict.fromkeys(names, 0)
    for iid, template, by_person in items:
        answers = {p: dict(by_person.get(p, {})) for p in names}
        majorities: dict[str, str | None] = {}
        for c in template.criteria():
            order.setdefault(c.id, (c.title, c.answer, c.guidance))
            unit = [answers[p].get(c.id) for p in names]
            units.setdefault(c.id, []).append(unit)
            top = majority(unit)
            majorities[c.id] = None if top is None else str(top)
            if top is None:
                continue
            for p, v in zip(names, unit, strict=True):
                if v is None:
                    continue
                compared[p] += 1
                if v != top:
                    deviations[p] += 1
                    deviating.setdefault(c.id, set()).add(p)
        totals = {p: score(template, answers[p]).total if p in by_person else None for p in names}
        known = [t for t in totals.values() if t is not None]
        item_results.append(
            ItemResult(
                interaction_id=iid,
                answers=answers,
                totals=totals,
                majority=majorities,
                spread=max(known) - min(known) if len(known) >= 2 else None,
                stdev=statistics.pstdev(known) if len(known) >= 2 else None,
            )
        )
    criteria = tuple(
        CriterionResult(
            criterion_id=cid,
            title=title,
            answer=answer,
            guidance=guidance,
            figures=_figures(units[cid], names, answer == "scale_1_5"),
            deviating=tuple(p for p in names if p in deviating.get(cid, ())),
        )
        for cid, (title, answer, guidance) in order.items()
    )
    spreads = [r.spread for r in item_results if r.spread is not None]
    people = []
    for p in names:
        mine = [r.totals[p] for r in item_results if r.totals[p] is not None]
        people.append(
            ParticipantResult(
                p,
                compared[p],
                deviations[p],
                statistics.fmean(mine) if mine else None,  # type: ignore[arg-type]
            )
        )
    return Comparison(
        participants=names,
        criteria=criteria,
        items=tuple(item_results),
        people=tuple(people),
        overall=_figures([u for us in units.values() for u in us], names, scale=False),
        mean_spread=statistics.fmean(spreads) if spreads else None,
        max_spread=max(spreads) if spreads else None,
    )


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def figures_json(f: Figures) -> dict[str, Any]:
    return {
        "units": f.units,
        "agreement": _r(f.agreement),
        "fleiss_kappa": _r(f.fleiss_kappa),
        "krippendorff_alpha": _r(f.krippendorff_alpha),
        "alpha_metric": f.alpha_metric,
        "cohen_kappa": [{"a": k.a, "b": k.b, "kappa": _r(k.kappa)} for k in f.cohen],
    }


def comparison_json(c: Comparison) -> dict[str, Any]:
    """The comparison as the CLI prints it (`qcdesk calibration results`)."""
    return {
        "participants": [
            {
                "name": p.name,
                "compared": p.compared,
                "deviations": p.deviations,
                "deviation_share": _r(p.deviation_share),
                "mean_total": _r(p.mean_total),
            }
            for p in c.people
        ],
        "criteria": [
            {"criterion": r.criterion_id, "title": r.title, "answer": r.answer}
            | figures_json(r.figures)
            | {"deviating": list(r.deviating)}
            for r in c.criteria
        ],
        "overall": figures_json(c.overall)
        | {"totals": {"mean_spread": _r(c.mean_spread), "max_spread": _r(c.max_spread)}},
        "interactions": [
            {
                "interaction": r.interaction_id,
                "totals": {p: _r(t) for p, t in r.totals.items()},
                "spread": _r(r.spread),
                "stdev": _r(r.stdev),
                "majority": r.majority,
                "answers": r.answers,
            }
            for r in c.items
        ],
    }
