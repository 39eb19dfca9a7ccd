"""Report figures from hand-made records: the definitions, checked without a database."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from qcdesk.reports import build
from qcdesk.reports.i18n import period_label
from qcdesk.reports.model import (
    AnswerRecord,
    CriterionMeta,
    Dataset,
    EvalRecord,
    OutcomeRecord,
    Period,
    SegmentRecord,
    Targets,
)

CRITERIA = (
    CriterionMeta("greet", "Поздоровался", "Контакт", False),
    CriterionMeta("ask", "Открытые вопросы", "Потребности", False),
    CriterionMeta("rude", "Без грубости", "Тон", True),
)
FRACTION = {"yes": 1.0, "no": 0.0, "partial": 0.5, "na": None, None: None}


def ev(
    i: int,
    who: int,
    day: int,
    answers: dict[str, str | None],
    score: float | None,
    month: int = 10,
    evidence: float | None = None,
    comment: str = "",
) -> EvalRecord:
    return EvalRecord(
        evaluation_id=100 + i,
        interaction_id=i,
        consultant_id=who,
        channel="call",
        started_at=datetime(2026, month, day, 12),
        reviewer="Ревьюер",
        score=score,
        critical_failed=answers.get("rude") == "no",
        answers=tuple(
            AnswerRecord(
                cid,
                v,
                FRACTION[v],
                comment if cid == "ask" else "",
                (evidence,) if evidence is not None and cid == "ask" else (),
            )
            for cid, v in answers.items()
        ),
        segments=(
            SegmentRecord("consultant", 0, 3, "Здравствуйте!"),
            SegmentRecord("consultant", 5, 8, "Что для вас важно?"),
        ),
    )


def dataset(evals, outcomes=(), share=0.3) -> Dataset:  # type: ignore[no-untyped-def]
    return Dataset(
        1,
        "Клиент",
        None,
        "",
        Targets(80, 25, 0, share),
        {1: "Анна", 2: "Пётр"},
        CRITERIA,
        ("Контакт", "Потребности", "Тон"),
        (("greeting", "Приветствие"), ("needs", "Потребности"), ("close", "Итог")),
        tuple(evals),
        tuple(outcomes),
    )


def test_period_previous_and_labels() -> None:
    oct_ = Period(date(2026, 10, 1), date(2026, 10, 31))
    assert oct_.previous() == Period(date(2026, 9, 1), date(2026, 9, 30))
    assert oct_.slug() == "2026-10" and period_label(oct_, "ru") == "октябрь 2026"
    q = Period(date(2026, 10, 1), date(2026, 12, 31))
    assert q.previous() == Period(date(2026, 7, 1), date(2026, 9, 30))
    assert q.previous().days == q.days
    assert q.slug() == "2026-10-01_2026-12-31"
    with pytest.raises(ValueError):
        Period(date(2026, 10, 2), date(2026, 10, 1))


def test_compliance_excludes_na_and_unanswered() -> None:
    evals = [
        ev(1, 1, 1, {"greet": "yes", "ask": "na", "rude": "yes"}, 100),
        ev(2, 1, 2, {"greet": "no", "ask": "partial", "rude": None}, 20),
        ev(3, 1, 3, {"greet": "yes", "ask": "yes", "rude": "yes"}, 90),
    ]
    got = build.criterion_compliance(evals)
    assert got[("call", "greet")] == (pytest.approx(200 / 3), 3)
    assert got[("call", "ask")] == (pytest.approx(75.0), 2)
    assert got[("call", "rude")] == (100.0, 2)


def test_recurring_needs_share_and_three_failures() -> None:
    # Анна fails "ask" 3 times out of 10 (30 %): recurring at share 0.3, not at 0.31.
    evals = [
        ev(
            i,
            1,
            i,
            {"greet": "yes", "ask": "no" if i <= 3 else "yes"},
            50,
            evidence=6.0 if i == 1 else None,
            comment="Закрытые вопросы" if i == 2 else "",
        )
        for i in range(1, 11)
    ]
    rec = build.recurring_errors(dataset(evals), evals, 0.3)
    assert [(r.criterion_id, r.failures, r.evaluations) for r in rec] == [("ask", 3, 10)]
    quotes = {e.interaction_id: (e.source, e.quote) for e in rec[0].evidence}
    assert quotes[1] == ("transcript", "Что для вас важно?")
    assert quotes[2] == ("comment", "Закрытые вопросы")
    assert build.recurring_errors(dataset(evals), evals, 0.31) == ()
    # Two failures out of two is 100 % but fewer than three times: not recurring.
    assert build.recurring_errors(dataset(evals[:2]), evals[:2], 0.3) == ()


def test_conversion_funnel_kpis_and_ranking() -> None:
    evals = [
        ev(1, 1, 5, {"greet": "yes"}, 90),
        ev(2, 1, 6, {"greet": "no"}, 70),
        ev(3, 2, 7, {"rude": "no"}, 0),
        ev(4, 1, 8, {"greet": "yes"}, 95, month=9),
    ]
    outcomes = [
        OutcomeRecord(1, 1, "call", datetime(2026, 10, 5), "close", True),
        OutcomeRecord(2, 1, "call", datetime(2026, 10, 6), "needs", False),
        OutcomeRecord(3, 2, "call", datetime(2026, 10, 7), "greeting", None),  # no outcome
        OutcomeRecord(5, 1, "call", datetime(2026, 10, 9), "needs", False),
    ]
    ds = dataset(evals, outcomes)
    oct_ = Period(date(2026, 10, 1), date(2026, 10, 31))
    rep = build.consultant_report(ds, 1, oct_)
    assert rep.summary.mean_score == 80 and rep.previous.mean_score == 95
    assert rep.summary.conversion == pytest.approx(100 / 3)
    assert rep.summary.at_target_share == 50
    assert [(f.stage_id, f.ended_here, f.reached) for f in rep.funnel] == [
        ("greeting", 0, 3),
        ("needs", 2, 3),
        ("close", 1, 1),
    ]
    assert [k.met for k in rep.kpis] == [True, True, True]
    team = build.team_report(ds, oct_)
    assert [r.consultant for r in team.ranking] == ["Анна", "Пётр"]
    assert team.summary.critical_errors == 1 and team.kpis[2].met is False
    assert team.ranking[0].evaluations_share == pytest.approx(200 / 3)
    assert team.heat(1, "greet") == 50 and team.heat(2, "greet") is None
    assert [w.count for w in team.weekly] == [0, 3, 0, 0, 0]


def test_quote_at_prefers_the_segment_under_the_mark() -> None:
    segs = (SegmentRecord("consultant", 0, 2, "раз"), SegmentRecord("client", 4, 6, "два"))
    assert build.quote_at(segs, 5) == "два"
    assert build.quote_at(segs, 2.9) == "раз"
    assert build.quote_at((), 1) == ""
