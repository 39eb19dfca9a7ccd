"""How often auto-prefill agrees with reviewers, per criterion, over finished evaluations.

A pair is (the engine's suggestion, the reviewer's final answer) for every answer of a
"reviewed" evaluation that carries a suggestion and a confirmed, non-empty final answer.
Unconfirmed suggestions are left out: nobody has judged them, so counting them would measure
the engine against itself.

Abstentions ("check manually") count as disagreement in ``agreement``, the headline figure, as
in the benchmark. For Cohen's kappa an abstention is a category of its own, so kappa is never
better than the coverage allows and agrees with the benchmark's kappa; ``accuracy_answered``
and ``coverage`` split the two effects apart. A criterion is flagged when its agreement is below
``min_agreement`` or its kappa below ``min_kappa``, so the head of sales knows which rule to fix.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from qcdesk.db.models import (
    REGULAR,
    ChecklistTemplateRow,
    ChecklistVersion,
    Client,
    Evaluation,
    EvaluationAnswer,
    Interaction,
)
from qcdesk.domain.reliability import cohen_kappa
from qcdesk.services.base import ServiceBase, find_client

MIN_KAPPA = 0.6
MIN_AGREEMENT = 0.8
ABSTAIN = "∅"  # the abstention's category in kappa
OUTCOME_IDS = ("stage_reached", "goal_achieved")


@dataclass(frozen=True)
class CriterionAgreement:
    """Agreement of one criterion (or outcome field) of one template."""

    template: str  # template id (slug)
    criterion_id: str
    title: str
    n: int  # pairs
    answered: int  # pairs where the engine did not abstain
    agreement: float | None  # share of pairs that match; abstentions count as mismatches
    coverage: float | None  # answered / n
    accuracy_answered: float | None  # matches among the answered pairs
    kappa: float | None  # Cohen's kappa, abstention as its own category
    flagged: bool

    def as_json(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "template": self.template,
            "criterion": self.criterion_id,
            "title": self.title,
            "n": self.n,
            "answered": self.answered,
            "agreement": r(self.agreement),
            "coverage": r(self.coverage),
            "accuracy_answered": r(self.accuracy_answered),
            "kappa": r(self.kappa),
            "flagged": self.flagged,
        }


@dataclass(frozen=True)
class AgreementReport:
    client: str | None
    evaluations: int  # reviewed evaluations that had auto-prefill
    rows: tuple[CriterionAgreement, ...]  # criteria in template order, then the outcome
    min_agreement: float = MIN_AGREEMENT
    min_kappa: float = MIN_KAPPA

    def as_json(self) -> dict[str, Any]:
        return {
            "client": self.client,
            "evaluations": self.evaluations,
            "thresholds": {"agreement": self.min_agreement, "kappa": self.min_kappa},
            "criteria": [r.as_json() for r in self.rows],
        }


def criterion_agreement(
    template: str,
    criterion_id: str,
    title: str,
    pairs: Sequence[tuple[Hashable | None, Hashable]],
    *,
    min_agreement: float = MIN_AGREEMENT,
    min_kappa: float = MIN_KAPPA,
) -> CriterionAgreement:
    """The figures of one criterion from its (suggested or None, final) pairs."""
    n = len(pairs)
    answered = [(p, g) for p, g in pairs if p is not None]
    ok = sum(p == g for p, g in answered)
    kappa = cohen_kappa([(ABSTAIN if p is None else p, g) for p, g in pairs])
    agreement = ok / n if n else None
    flagged = bool(n) and (
        (agreement is not None and agreement < min_agreement)
        or (kappa is not None and kappa < min_kappa)
    )
    return CriterionAgreement(
        template=template,
        criterion_id=criterion_id,
        title=title,
        n=n,
        answered=len(answered),
        agreement=agreement,
        coverage=len(answered) / n if n else None,
        accuracy_answered=ok / len(answered) if answered else None,
        kappa=kappa,
        flagged=flagged,
    )


class AgreementService(ServiceBase):
    def clients(self) -> list[tuple[int, str]]:
        with self._session() as s:
            return [(c.id, c.name) for c in s.scalars(select(Client).order_by(Client.name))]

    def report(
        self,
        client: int | str | None = None,
        *,
        min_agreement: float = MIN_AGREEMENT,
        min_kappa: float = MIN_KAPPA,
    ) -> AgreementReport:
        """Per-criterion agreement over reviewed evaluations, of one client company or all."""
        with self._session() as s:
            q = (
                select(
                    Evaluation.id,
                    ChecklistTemplateRow.slug,
                    ChecklistVersion.body,
                    Evaluation.suggested_stage,
                    Evaluation.suggested_goal,
                    Interaction.stage_reached,
                    Interaction.goal_achieved,
                )
                .join(Interaction, Interaction.id == Evaluation.interaction_id)
                .join(ChecklistVersion, ChecklistVersion.id == Evaluation.version_id)
                .join(ChecklistTemplateRow, ChecklistTemplateRow.id == ChecklistVersion.template_id)
                .where(
                    Evaluation.status == "reviewed",
                    Evaluation.autoscored_at.is_not(None),
                    Evaluation.purpose == REGULAR,
                )
                .order_by(Evaluation.id)
            )
            client_name = None
            if client is not None:
                c = find_client(s, client)
                client_name = c.name
                q = q.where(Interaction.client_id == c.id)
            evals = list(s.execute(q))
            ids = [e[0] for e in evals]
            answers: dict[int, list[tuple[str, str | None, str | None]]] = {}
            for i in range(0, len(ids), 500):
                aq = select(
                    EvaluationAnswer.evaluation_id,
                    EvaluationAnswer.criterion_id,
                    EvaluationAnswer.suggested_value,
                    EvaluationAnswer.value,
                ).where(
                    EvaluationAnswer.evaluation_id.in_(ids[i : i + 500]),
                    EvaluationAnswer.suggested.is_(True),
                    EvaluationAnswer.confirmed.is_(True),
                    EvaluationAnswer.value.is_not(None),
                )
                for eid, cid, sv, v in s.execute(aq):
                    answers.setdefault(eid, []).append((cid, sv, v))

        order: dict[tuple[str, str], str] = {}  # (template, criterion) -> title, in form order
        pairs: dict[tuple[str, str], list[tuple[Hashable | None, Hashable]]] = {}
        outcome: dict[tuple[str, str], list[tuple[Hashable | None, Hashable]]] = {}
        for eid, slug, body, s_stage, s_goal, stage, goal in evals:
            for sec in body.get("sections", []):
                for c in sec.get("criteria", []):
                    order.setdefault((slug, c["id"]), c.get("title", c["id"]))
            for cid, sv, v in answers.get(eid, []):
                pairs.setdefault((slug, cid), []).append((sv, v))
            if stage is not None:
                outcome.setdefault((slug, "stage_reached"), []).append((s_stage, stage))
            if goal is not None and s_goal is not None:
                outcome.setdefault((slug, "goal_achieved"), []).append((s_goal, goal))

        kw = {"min_agreement": min_agreement, "min_kappa": min_kappa}
        rows = [
            criterion_agreement(slug, cid, title, pairs[(slug, cid)], **kw)
            for (slug, cid), title in order.items()
            if (slug, cid) in pairs
        ]
        for slug in dict.fromkeys(slug for slug, _ in order):
            for oid in OUTCOME_IDS:
                if (slug, oid) in outcome:
                    rows.append(criterion_agreement(slug, oid, oid, outcome[(slug, oid)], **kw))
        return AgreementReport(
            client=client_name,
            evaluations=len([e for e in ids if e in answers]),
            rows=tuple(rows),
            min_agreement=min_agreement,
            min_kappa=min_kappa,
        )


def format_table(report: AgreementReport) -> str:
    """The report as a plain-text table for the terminal (flagged rows marked with «!»)."""

    def f(x: float | None) -> str:
        return "—" if x is None else f"{x:.2f}"

    head = (
        f"{'':1} {'template':<16} {'criterion':<20} {'n':>5} {'agree':>6} {'cover':>6} "
        f"{'acc_ans':>7} {'kappa':>6}"
    )
    lines = [head]
    for r in report.rows:
        lines.append(
            f"{'!' if r.flagged else ' '} {r.template:<16} {r.criterion_id:<20} {r.n:>5} "
            f"{f(r.agreement):>6} {f(r.coverage):>6} {f(r.accuracy_answered):>7} {f(r.kappa):>6}"
        )
    lines.append(
        f"{report.evaluations} reviewed evaluation(s) with auto-prefill"
        + (f" of {report.client}" if report.client else "")
        + f"; flagged: agreement < {report.min_agreement:g} or kappa < {report.min_kappa:g}"
    )
    return "\n".join(lines)
