"""Scoring: example cases worked by hand from the rules, then properties over random templates."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from qcdesk.domain.checklist import ANSWER_TYPES, ChecklistTemplate, Criterion, Section
from qcdesk.domain.checklist_schema import load_template
from qcdesk.domain.scoring import earned_fraction, score

CHECKLISTS = Path(__file__).resolve().parents[1] / "checklists"


def crit(
    cid: str, answer: str = "yes_no", weight: float = 1.0, critical: bool = False, na: bool = False
) -> Criterion:
    return Criterion(cid, cid, "", answer, weight, critical, na)


def template(*sections: tuple[Criterion, ...]) -> ChecklistTemplate:
    return ChecklistTemplate(
        "t",
        "T",
        "call",
        "en",
        1,
        tuple(Section(f"s{i}", s) for i, s in enumerate(sections)),
        (),
        "goal",
    )


def test_weighted_percentages_overall_and_per_section() -> None:
    t = template((crit("a", weight=1), crit("b", weight=3)), (crit("c", "scale_1_5", weight=2),))
    r = score(t, {"a": "yes", "b": "no", "c": "4"})
    # a: 1 of 1, b: 0 of 3 -> 25 %; c: (4-1)/4 = 0.75 of 2 -> 75 %; total (1 + 1.5) / 6.
    assert r.sections == (pytest.approx(25.0), pytest.approx(75.0))
    assert r.total == pytest.approx(100 * 2.5 / 6)
    assert (r.answered, r.total_criteria, r.critical_failed, r.failed_critical) == (3, 3, False, ())


def test_unanswered_and_na_leave_the_denominator() -> None:
    t = template((crit("a"), crit("b", na=True)), (crit("c"),))
    r = score(t, {"a": "yes", "b": "na"})
    assert r.sections == (100.0, None)
    assert r.total == 100.0
    assert r.answered == 2  # "na" is a decision the reviewer made
    empty = score(t, {})
    assert (empty.total, empty.sections, empty.answered) == (None, (None, None), 0)


def test_critical_no_zeroes_total_but_not_sections() -> None:
    t = template(
        (crit("a", weight=5), crit("rude", critical=True)),
        (crit("tone", "scale_1_5", critical=True),),
    )
    r = score(t, {"a": "yes", "rude": "no", "tone": "1"})
    assert r.total == 0.0
    assert r.critical_failed
    assert r.failed_critical == ("rude", "tone")
    assert r.sections[0] == pytest.approx(100 * 5 / 6)
    assert r.sections[1] == 0.0
    ok = score(t, {"a": "yes", "rude": "yes", "tone": "2"})
    assert not ok.critical_failed and ok.total == pytest.approx(100 * (6 + 0.25) / 7)


@pytest.mark.parametrize(
    ("criterion", "value"),
    [
        (crit("a"), "partial"),
        (crit("a"), "na"),
        (crit("a", "scale_1_5"), "6"),
        (crit("a", "scale_1_5"), "yes"),
        (crit("a", "yes_no_partial"), "5"),
        (crit("a"), "YES"),
        (crit("a"), ""),
    ],
)
def test_invalid_values_raise(criterion: Criterion, value: str) -> None:
    with pytest.raises(ValueError, match="not a valid answer"):
        score(template((criterion,)), {"a": value})


def test_answers_for_unknown_criteria_raise() -> None:
    with pytest.raises(ValueError, match="ghost"):
        score(template((crit("a"),)), {"a": "yes", "ghost": "yes"})


Case = tuple[ChecklistTemplate, dict[str, str | None]]


def best(c: Criterion) -> str:
    return "5" if c.answer == "scale_1_5" else "yes"


def test_shipped_template_all_best_is_100() -> None:
    t = load_template(CHECKLISTS / "sales-call-ru.yaml")
    r = score(t, {c.id: best(c) for c in t.criteria()})
    assert r.total == 100.0 and all(s == 100.0 for s in r.sections)
    assert r.answered == r.total_criteria == len(t.criteria())


# --- properties -------------------------------------------------------------------------


@st.composite
def criteria(draw: st.DrawFn) -> Criterion:
    answer = draw(st.sampled_from(ANSWER_TYPES))
    critical = draw(st.booleans())
    na = False if critical else draw(st.booleans())
    weight = draw(st.floats(min_value=0.01, max_value=1000, allow_nan=False))
    return crit("unset", answer, weight, critical, na)


def numbered(sections: list[list[Criterion]]) -> ChecklistTemplate:
    """A template whose criteria get unique ids c0, c1, ... in order."""
    n = iter(range(1000))
    return template(*(tuple(dataclasses.replace(c, id=f"c{next(n)}") for c in s) for s in sections))


templates = st.lists(st.lists(criteria(), min_size=1, max_size=5), min_size=1, max_size=4).map(
    numbered
)


@st.composite
def filled(draw: st.DrawFn) -> Case:
    t = draw(templates)
    answers = {c.id: draw(st.sampled_from((*c.values, None))) for c in t.criteria()}
    return t, answers


def in_bounds(x: float | None) -> bool:
    return x is None or 0.0 <= x <= 100.0


@given(filled())
def test_scores_stay_within_0_and_100(case: Case) -> None:
    t, answers = case
    r = score(t, answers)
    assert in_bounds(r.total) and all(in_bounds(s) for s in r.sections)
    assert len(r.sections) == len(t.sections)
    assert r.answered == sum(v is not None for v in answers.values())


@given(templates)
def test_all_best_is_100(t: ChecklistTemplate) -> None:
    r = score(t, {c.id: best(c) for c in t.criteria()})
    assert r.total == 100.0 and r.sections == (100.0,) * len(t.sections)
    assert not r.critical_failed


@given(filled())
def test_na_is_the_same_as_leaving_the_criterion_out(case: Case) -> None:
    t, answers = case
    na_ids = {c.id for c in t.criteria() if c.na_allowed}
    with_na = {k: ("na" if k in na_ids else v) for k, v in answers.items()}
    without = template(*(tuple(c for c in s.criteria if c.id not in na_ids) for s in t.sections))
    a = score(t, with_na)
    b = score(without, {k: v for k, v in answers.items() if k not in na_ids})
    assert (a.total, a.sections) == (b.total, b.sections)
    assert a.critical_failed == b.critical_failed
    unanswered = score(t, {k: (None if k in na_ids else v) for k, v in answers.items()})
    assert (unanswered.total, unanswered.sections) == (a.total, a.sections)


@given(filled(), st.floats(min_value=0.001, max_value=1000))
def test_scaling_all_weights_changes_nothing(case: Case, k: float) -> None:
    t, answers = case
    scaled = template(
        *(
            tuple(dataclasses.replace(c, weight=c.weight * k) for c in s.criteria)
            for s in t.sections
        )
    )
    a, b = score(t, answers), score(scaled, answers)

    def close(x: float | None, y: float | None) -> bool:
        return (x is None and y is None) or (
            x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)
        )

    assert close(a.total, b.total)
    assert all(close(x, y) for x, y in zip(a.sections, b.sections, strict=True))
    assert a.failed_critical == b.failed_critical


@given(filled(), st.data())
def test_raising_one_answer_never_lowers_the_total(case: Case, data: st.DataObject) -> None:
    t, answers = case
    counted = [c for c in t.criteria() if earned_fraction(c, answers[c.id]) is not None]
    assume(counted)
    c = data.draw(st.sampled_from(counted))
    now = earned_fraction(c, answers[c.id])
    assert now is not None
    higher = [v for v in c.values if (f := earned_fraction(c, v)) is not None and f > now]
    assume(higher)
    raised = {**answers, c.id: data.draw(st.sampled_from(higher))}
    before, after = score(t, answers), score(t, raised)
    assert before.total is not None and after.total is not None
    assert after.total >= before.total
    assert len(after.failed_critical) <= len(before.failed_critical)


@given(filled(), st.data())
def test_partial_is_half_way_between_yes_and_no(case: Case, data: st.DataObject) -> None:
    t, answers = case
    partial_ok = [c for c in t.criteria() if c.answer == "yes_no_partial"]
    assume(partial_ok)
    c = data.draw(st.sampled_from(partial_ok))
    index = next(i for i, s in enumerate(t.sections) if c in s.criteria)
    yes, no, partial = (
        score(t, {**answers, c.id: v}).sections[index] for v in ("yes", "no", "partial")
    )
    assert yes is not None and no is not None and partial is not None
    assert partial == pytest.approx((yes + no) / 2, abs=1e-9)


@given(filled(), st.data())
def test_a_critical_failure_forces_zero(case: Case, data: st.DataObject) -> None:
    t, answers = case
    critical = [c for c in t.criteria() if c.critical]
    assume(critical)
    c = data.draw(st.sampled_from(critical))
    worst = "1" if c.answer == "scale_1_5" else "no"
    r = score(t, {**answers, c.id: worst})
    assert r.total == 0.0 and r.critical_failed and c.id in r.failed_critical
    order = [x.id for x in t.criteria() if x.id in r.failed_critical]
    assert list(r.failed_critical) == order
