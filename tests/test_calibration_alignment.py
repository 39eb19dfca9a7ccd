"""Reviewers against the references (issue 13 §4): agreement, drift over time, onboarding."""

from __future__ import annotations

from datetime import datetime

import pytest

from qcdesk.db.models import Evaluation
from qcdesk.db.session import session_scope
from qcdesk.domain.scoring import score
from qcdesk.errors import KnownError
from tests.helpers.calibration import answers_for, october_calls


def test_alignment_per_criterion_drift_and_months(services) -> None:  # type: ignore[no-untyped-def]
    _client, calls = october_calls(services, 3)
    cal = services.calibration
    info = cal.create("Мебель Тест", calls, ["Анна", "Борис"])
    template = cal.open_form(info.id, "Анна", calls[0]).template
    anna = {
        calls[0]: answers_for(template, {"greeting": "no"}),
        calls[1]: answers_for(template),
        calls[2]: answers_for(template, {"speech_clear": "partial"}),
    }
    boris = {c: answers_for(template, {"tone_friendly": "3"}) for c in calls}
    cal.submit(info.id, "Анна", anna)
    cal.submit(info.id, "Борис", boris)
    for c in calls:  # the reference: everything at its best
        cal.record_reference(info.id, c, answers_for(template), lead="Лида")
    # Anna's first answers were given a month earlier: the trend has two months.
    with session_scope(services.session_factory, services.db_path) as s:
        ev = s.scalars(
            s.query(Evaluation)
            .filter_by(calibration_id=info.id, interaction_id=calls[0], purpose="calibration")
            .join(Evaluation.reviewer)
            .filter_by(name="Анна")
            .statement
        ).one()
        ev.updated_at = datetime(2026, 11, 20, 10)

    rows = {r.reviewer: r for r in services.alignment.report("Мебель Тест")}
    assert set(rows) == {"Анна", "Борис"}  # the lead's reference is not an attempt
    a, b = rows["Анна"], rows["Борис"]
    assert a.attempts == b.attempts == 3
    crit = {c.criterion_id: c for c in a.criteria}
    n = len(template.criteria())
    # greeting: no / yes / yes against yes x3 -> agreement 2/3, drift (-100 + 0 + 0) / 3.
    assert (crit["greeting"].compared, crit["greeting"].agreed) == (3, 2)
    assert crit["greeting"].drift == pytest.approx(-100 / 3)
    # speech_clear "partial" against "yes" once: drift (0 + 0 - 50) / 3.
    assert crit["speech_clear"].drift == pytest.approx(-50 / 3)
    assert a.agreement == pytest.approx((3 * n - 2) / (3 * n))
    # Boris is harsher on tone every time: "3" earns 0.5 against 1.0 -> drift -50 points.
    tone = {c.criterion_id: c for c in b.criteria}["tone_friendly"]
    assert (tone.agreed, tone.drift) == (0, pytest.approx(-50.0))
    best = score(template, answers_for(template)).total
    harsh = score(template, boris[calls[0]]).total
    assert best is not None and harsh is not None
    assert b.drift == pytest.approx(harsh - best) and b.drift < 0
    assert [p.period for p in a.periods] == ["2026-11", datetime.now().strftime("%Y-%m")]
    assert a.periods[0].attempts == 1 and a.periods[0].agreement == pytest.approx((n - 1) / n)
    assert a.periods[1].agreement == pytest.approx((2 * n - 1) / (2 * n))


def test_onboarding_pack_quotes_the_guidance(services) -> None:  # type: ignore[no-untyped-def]
    _client, calls = october_calls(services, 2)
    cal = services.calibration
    with pytest.raises(KnownError, match="onboarding pack"):
        cal.create("Мебель Тест", calls, ["Новичок"])  # no references yet
    first = cal.create("Мебель Тест", calls, ["Анна", "Борис"])
    template = cal.open_form(first.id, "Анна", calls[0]).template
    for person in ("Анна", "Борис"):
        cal.submit(first.id, person, {c: answers_for(template) for c in calls})
    for c in calls:
        cal.record_reference(first.id, c, answers_for(template, {"checked_time": "na"}))

    pack = cal.create("Мебель Тест", calls, ["Новичок"], title="Онбординг")
    cal.submit(
        pack.id,
        "Новичок",
        {calls[0]: answers_for(template), calls[1]: answers_for(template, {"named_company": "no"})},
    )
    found = services.alignment.onboarding("Новичок", pack.id)
    by = {(d.interaction_id, d.criterion_id): d for d in found}
    assert set(by) == {(calls[0], "checked_time"), (calls[1], "checked_time"),
                       (calls[1], "named_company")}  # fmt: skip
    d = by[(calls[1], "named_company")]
    assert (d.given, d.reference) == ("no", "yes")
    assert d.guidance == template.criterion("named_company").guidance and d.guidance
    assert services.alignment.onboarding("Анна") != ()  # Anna said "yes" where N/A is agreed
    assert services.alignment.onboarding("Никто") == ()
