"""The demo's coaching history: a September planning meeting, a plan and a session per company.

So that the October meeting pack has "the actions agreed at the previous meeting" (one done,
one overdue, one still open), and the plan, session and progress screens have something to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from qcdesk.services.coaching_dto import ActionDraft, FocusItem, PlanDraft, SessionDraft
from qcdesk.services.context import Services

COACH = "Ольга Мельникова"


@dataclass(frozen=True)
class _Spec:
    client: str
    head: str
    person: str
    focus: tuple[tuple[str, str], ...]
    actions: tuple[tuple[str, str, date, date | None], ...]  # text, owner, due, done on


_DEMO = (
    _Spec(
        "ТехноДом",
        "Сергей Волков",
        "Ольга Иванова",
        (("next_step", "Договорился о следующем шаге"),
         ("objection_handling", "Отработал возражение")),
        (
            ("Разобрать на планёрке три звонка с возражением «дорого»", "Сергей Волков",
             date(2026, 10, 8), date(2026, 10, 7)),
            ("Обновить скрипт: предлагать доставку в каждом звонке", COACH,
             date(2026, 10, 15), None),
            ("Проверить 10 звонков интернет-магазина за октябрь", COACH,
             date(2026, 11, 20), None),
        ),
    ),
    _Spec(
        "Диваны Плюс",
        "Наталья Орлова",
        "Игорь Петров",
        (("objection_handling", "Отработал возражение"), ("no_interruptions", "Не перебивал")),
        (
            ("Провести тренинг по работе с возражениями", "Наталья Орлова",
             date(2026, 10, 10), date(2026, 10, 9)),
            ("Добавить в скрипт вопрос об имени клиента", COACH, date(2026, 10, 12), None),
        ),
    ),
)  # fmt: skip


def create_demo_coaching(services: Services) -> int:
    """Add the demo's meetings, plans and sessions once; returns how many sessions it added."""
    added = 0
    for spec in _DEMO:
        client = services.catalog.ensure_client(spec.client)
        if services.coaching.sessions(client_id=client.id):
            continue  # an earlier run made them
        meeting = services.coaching.add_session(
            SessionDraft(
                client.id,
                datetime(2026, 10, 1, 9, 30),
                "meeting",
                participants=(spec.head, COACH),
                notes="Итоги сентября",
                actions=tuple(ActionDraft(t, o, d) for t, o, d, _done in spec.actions),
            )
        )
        for action, (_t, _o, _d, done) in zip(meeting.actions, spec.actions, strict=True):
            if done is not None:
                services.coaching.set_action_done(action.id, True, done)
        person = services.reports.resolve_consultant(spec.person, client.id)
        focus = tuple(FocusItem("call", cid, title, 80.0) for cid, title in spec.focus)
        services.coaching.save_plan(
            person.id,
            PlanDraft(
                focus,
                examples=services.coaching.suggest_examples(person.id, focus),
                due_date=date(2026, 11, 30),
                coach=COACH,
                notes="Слушать свои звонки раз в неделю вместе с наставником.",
            ),
        )
        services.coaching.add_session(
            SessionDraft(
                client.id,
                datetime(2026, 10, 12, 17, 0),
                "one_to_one",
                consultant_id=person.id,
                participants=(COACH, person.name),
                notes="Разобрали два звонка сентября.",
                actions=(
                    ActionDraft(
                        "Называть следующий шаг в конце каждого звонка",
                        person.name,
                        date(2026, 10, 31),
                    ),
                ),  # fmt: skip
                acknowledged=True,
            )
        )
        added += 2
    return added
