"""The "threshold on a metric" rule: ``auto: {metric: NAME, max: X}`` or ``min: X``."""

from __future__ import annotations

from pathlib import Path

import pytest

from qcdesk.domain.checklist_schema import load_template
from qcdesk.services.autoscore import autoscore, is_auto, metric_rule

TEMPLATE = """\
id: chat-test
title: Чат
kind: chat
language: ru
version: 1
goal: Заказ
stages:
  - id: greeting
    title: Приветствие
  - id: closing
    title: Завершение
sections:
  - title: Скорость
    criteria:
      - id: fast_first
        title: Быстро ответил
        answer: yes_no
        weight: 1
        na_allowed: true
        auto: {metric: first_response_time, max: 120}
      - id: never_slow
        title: Ни разу не заставил ждать больше 10 минут
        answer: yes_no
        weight: 1
        na_allowed: false
        auto: {metric: response_time_max, max: 600}
      - id: engaged
        title: Клиент задавал вопросы
        answer: yes_no
        weight: 1
        na_allowed: false
        auto: {metric: questions_open, min: 1}
      - id: broken
        title: Без пределов
        answer: yes_no
        weight: 1
        auto: {metric: first_response_time}
"""


@pytest.fixture
def template(tmp_path: Path):
    path = tmp_path / "chat-test.yaml"
    path.write_text(TEMPLATE, encoding="utf-8")
    return load_template(path)


def chat(*messages: tuple[str, float, str]) -> dict:
    return {
        "id": "c",
        "channel": "chat",
        "direction": "incoming",
        "language": "ru",
        "duration": max(t for _, t, _ in messages),
        "segments": [
            {"speaker": who, "start": t, "end": t, "text": text} for who, t, text in messages
        ],
    }


def test_rules_are_read_from_the_template(template) -> None:
    crit = {c.id: c for c in template.criteria()}
    assert (
        metric_rule(crit["fast_first"]).max == 120 and metric_rule(crit["fast_first"]).min is None
    )
    assert metric_rule(crit["engaged"]).min == 1
    assert metric_rule(crit["broken"]) is None and not is_auto(crit["broken"])  # no limit


def test_within_and_outside_the_limit(template) -> None:
    quick = chat(
        ("client", 0, "здравствуйте есть диваны"),
        ("consultant", 90, "добрый день какой размер вам нужен"),
        ("client", 200, "два метра"),
        ("consultant", 900, "есть такой"),  # 700 s later
    )
    out = autoscore(template, quick)
    assert out["metrics"]["first_response_time"] == 90
    assert out["answers"]["fast_first"]["value"] == "yes"
    assert out["answers"]["never_slow"]["value"] == "no"
    assert out["answers"]["engaged"]["value"] == "yes"
    assert "broken" not in out["answers"]
    slow = chat(("client", 0, "алло"), ("consultant", 121, "да слушаю"))
    assert autoscore(template, slow)["answers"]["fast_first"]["value"] == "no"
    edge = chat(("client", 0, "алло"), ("consultant", 120, "да слушаю"))
    assert autoscore(template, edge)["answers"]["fast_first"]["value"] == "yes"  # inclusive


def test_undefined_metric_is_na_or_abstains(template) -> None:
    unanswered = chat(("client", 0, "есть диваны"), ("client", 30, "ау"))
    answers = autoscore(template, unanswered)["answers"]
    assert answers["fast_first"]["value"] == "na"  # N/A allowed
    assert answers["never_slow"]["value"] is None  # not allowed: "check manually"
    assert answers["never_slow"]["confidence"] == 0.0


def test_unknown_metric_abstains(template, tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TEMPLATE.replace("response_time_max", "no_such_metric"), encoding="utf-8")
    data = chat(("client", 0, "а"), ("consultant", 5, "б"))
    answers = autoscore(load_template(path), data)["answers"]
    assert answers["never_slow"]["value"] is None


def test_working_hours_leave_calls_alone(shared_data: Path) -> None:
    """Working hours only concern chat response times: a call scores the same with them."""
    import json

    from qcdesk.services.autoscore import resolve_template

    data = json.loads((shared_data / "dialogs-dev" / "dev-001.json").read_text(encoding="utf-8"))
    template = resolve_template("sales-call-ru")
    hours = {"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "18:00"}
    assert autoscore(template, data, working_hours=hours) == autoscore(template, data)
