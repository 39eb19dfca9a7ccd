"""Calls to calibrate on, and complete answer sets, for the calibration tests (issue 13)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from qcdesk.db.models import Client, Consultant, Interaction
from qcdesk.db.session import session_scope
from qcdesk.services.dto import Segment, TranscriptInfo

TALK = (
    Segment("consultant", 0.0, 5.0, "Добрый день, магазин «Мебель Тест», меня зовут Анна."),
    Segment("client", 5.5, 8.0, "Здравствуйте, я хочу купить диван."),
    Segment("consultant", 8.5, 14.0, "Какой диван вы ищете? Для какой комнаты?"),
    Segment("client", 14.5, 17.0, "Для гостиной, угловой."),
    Segment("consultant", 17.5, 30.0, "Приходите в салон завтра, я отложу для вас модель."),
    Segment("consultant", 32.5, 35.0, "Спасибо за звонок, до свидания!"),
)


def october_calls(services: Any, n: int, client: str = "Мебель Тест") -> tuple[int, list[int]]:
    """*n* calls of one consultant in October 2026 with a transcript; (client id, call ids)."""
    c = services.catalog.ensure_client(client)
    person = services.catalog.ensure_consultant(c.id, "Анна Смирнова")
    ids = []
    for day in range(1, n + 1):
        with session_scope(services.session_factory, services.db_path) as s:
            it = Interaction(
                kind="call",
                client=s.get_one(Client, c.id),
                consultant=s.get_one(Consultant, person.id),
                started_at=datetime(2026, 10, day, 11),
                duration=35.0,
                status="new",
            )
            s.add(it)
            s.flush()
            ids.append(it.id)
        services.interactions.save_transcript(ids[-1], TranscriptInfo("ru", "import", TALK))
    return c.id, ids


def answers_for(template: Any, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Every criterion answered at its best ("yes", "5"), then *overrides*."""
    out = {c.id: "5" if c.answer == "scale_1_5" else "yes" for c in template.criteria()}
    out.update(overrides or {})
    return out
