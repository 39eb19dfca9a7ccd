"""A large synthetic history (100,000 calls, 20,000 evaluations) for report benchmarks.

The small demo (``demo.py``) imports real audio and cannot grow; the report targets are about
query and render time on a realistic volume, so this module writes rows directly with bulk
inserts and explicit primary keys (no per-row ORM objects, no RETURNING round trips). Answers
come from a simple skill model so that reports have something to say: consultants differ in
skill, each has one to three weak criteria (recurring errors), some improve or slip over the
year, N/A appears only where the checklist allows it, and critical errors are rare. Scores are
stored exactly as ``scoresheet.store_score`` would store them, computed with ``domain.scoring``.
No audio, transcripts or media rows are created.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from qcdesk.db.models import (
    Base,
    ChecklistTemplateRow,
    ChecklistVersion,
    Evaluation,
    EvaluationAnswer,
    Interaction,
)
from qcdesk.db.session import session_scope
from qcdesk.domain.checklist import NA, NO, PARTIAL, YES, ChecklistTemplate, Criterion
from qcdesk.domain.scoring import score
from qcdesk.domain.stored_template import stored_template
from qcdesk.errors import QT_TRANSLATE_NOOP, TemplateError
from qcdesk.services.catalog import get_or_create_client, get_or_create_consultant
from qcdesk.services.context import ServiceLayer
from qcdesk.services.scoresheet import get_or_create_reviewer

END_DATE = date(2026, 11, 30)  # the history ends here (inclusive); months count back from it
TEMPLATE_SLUG = "sales-call-ru"
CHUNK = 10_000

CLIENT_NAMES = ("Мебель Комфорт", "АвтоЦентр Север", "ТехноМир", "СтройМаркет", "Оптика Взгляд")
TEAM_NAMES = ("Входящие продажи", "Исходящие продажи")
REVIEWERS = ("Ольга Мельникова", "Сергей Волков", "Наталья Орлова", "Павел Зайцев")
FIRST_M = ("Алексей", "Дмитрий", "Иван", "Сергей", "Андрей", "Михаил", "Николай", "Артём")
FIRST_F = ("Анна", "Мария", "Елена", "Ольга", "Татьяна", "Наталья", "Юлия", "Ксения")
LAST = (
    "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
)  # fmt: skip
# Reviewer remarks on a failed criterion: the reports quote them as dated evidence.
REMARKS = {
    "greeting": "Начал разговор сразу с вопроса, без приветствия.",
    "introduced_self": "Не назвал своё имя за весь разговор.",
    "named_company": "Компанию так и не назвал.",
    "checked_time": "Не спросил, удобно ли клиенту говорить.",
    "asked_client_name": "Не узнал, как обращаться к клиенту.",
    "needs_discovery": "Сразу перешёл к цене, не выяснив задачу клиента.",
    "open_questions": "Только закрытые вопросы, клиент отвечал «да» и «нет».",
    "presented_benefits": "Перечислил характеристики без связи с потребностью.",
    "objection_handling": "На «дорого» согласился и закончил разговор.",
    "next_step": "Расстались без договорённости: «звоните, если надумаете».",
    "farewell": "Положил трубку, не попрощавшись.",
    "no_interruptions": "Несколько раз перебил клиента.",
    "tone_friendly": "Раздражённый тон во второй половине разговора.",
    "speech_clear": "Торопливая речь, клиент переспрашивал.",
    "product_knowledge": "Не смог ответить про сроки доставки.",
    "accurate_info": "Назвал неверную цену со скидкой.",
    "no_rudeness": "«Я же вам уже сказал» повышенным тоном.",
}
# How often a criterion is not applicable, where the checklist allows N/A at all.
NA_SHARE = {"checked_time": 1.0, "objection_handling": 0.35, "no_interruptions": 0.02}

Progress = Callable[[int, int, str], None]


def _person(rng: random.Random, taken: set[str]) -> str:
    """A Russian full name (surname agreeing in gender) not yet used in *taken*."""
    for _ in range(1000):
        female = rng.random() < 0.55
        first = rng.choice(FIRST_F if female else FIRST_M)
        last = rng.choice(LAST) + ("а" if female else "")
        name = f"{first} {last}"
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("ran out of distinct demo names")  # only with absurd consultant counts


def _version(s: Session) -> tuple[int, ChecklistTemplate]:
    row = s.execute(
        select(ChecklistVersion.id, ChecklistVersion.body)
        .join(ChecklistTemplateRow)
        .where(ChecklistTemplateRow.slug == TEMPLATE_SLUG, ChecklistVersion.status == "published")
        .order_by(ChecklistVersion.version.desc())
    ).first()
    if row is None:
        raise TemplateError(
            QT_TRANSLATE_NOOP("KnownError", "There is no checklist template for {kind}."),
            kind=TEMPLATE_SLUG,
        )
    return row[0], stored_template(row[0], row[1])


def _table(model: type[Base]) -> Table:
    """The Core table: an executemany of plain dicts, about a third faster than ORM bulk insert."""
    return Base.metadata.tables[model.__tablename__]


def _next_id(s: Session, column: Any) -> int:
    return int(s.scalar(select(func.coalesce(func.max(column), 0)))) + 1


class _Skill:
    """One consultant's ability: a base level, a drift over the year and weak criteria."""

    def __init__(self, rng: random.Random, criteria: tuple[Criterion, ...]) -> None:
        self.base = rng.uniform(0.55, 0.95)
        self.drift = rng.uniform(-0.12, 0.15)  # change from the first to the last day
        weak = rng.sample([c.id for c in criteria if not c.critical], rng.randint(1, 3))
        self.weak = {cid: rng.uniform(0.3, 0.55) for cid in weak}

    def level(self, cid: str, t: float) -> float:
        """The chance of a full "yes" on criterion *cid* at *t* (0..1 through the history)."""
        p = self.base + self.drift * (t - 0.5)
        p -= self.weak.get(cid, 0.0)
        return min(0.99, max(0.03, p))


def _answer(rng: random.Random, c: Criterion, p: float, incoming: bool) -> str:
    if NA in c.values:
        share = NA_SHARE.get(c.id, 0.05)
        if c.id == "checked_time":
            share = 1.0 if incoming else 0.0  # the checklist's rule: N/A on incoming calls
        if rng.random() < share:
            return NA
    if c.critical:
        # Critical errors are rare and slightly more likely from weaker consultants.
        return NO if rng.random() < 0.035 * (1.0 - p) else YES
    if c.answer == "scale_1_5":
        v = round(1 + 4 * p + rng.gauss(0, 0.7))
        return str(min(5, max(1, v)))
    r = rng.random()
    if r < p:
        return YES
    if c.answer == "yes_no_partial" and r < p + (1 - p) * 0.6:
        return PARTIAL
    return NO


def _outcome(
    rng: random.Random, template: ChecklistTemplate, total: float | None
) -> tuple[str | None, bool | None, float | None]:
    """Where the call ended, whether the goal was met and the deal amount; better calls sell."""
    if rng.random() < 0.05 or not template.stages:
        return None, None, None
    quality = (total or 0.0) / 100
    stages = [st.id for st in template.stages]
    if rng.random() < 0.05 + 0.45 * quality**2:
        return stages[-1], True, float(round(math.exp(rng.gauss(10.8, 0.6)), -2))
    reach = min(len(stages) - 1, int(rng.random() * (1 + quality) * len(stages) / 1.6))
    return stages[reach], False, None


def create_large_demo(
    services: ServiceLayer,
    seed: int = 1,
    *,
    clients: int = 5,
    consultants: int = 50,
    interactions: int = 100_000,
    evaluations: int = 20_000,
    months: int = 12,
    progress: Progress | None = None,
) -> int:
    """Write a synthetic history ending on END_DATE; returns how many interactions it created.

    Deterministic for a given *seed* and sizes. Running it again on a database that already
    holds the history adds nothing (returns 0), like ``create_demo``. *progress* is called as
    ``progress(done, total, phase)`` after each chunk of interactions.
    """
    if not (1 <= clients <= consultants) or not (0 <= evaluations <= interactions):
        raise ValueError("need 1 <= clients <= consultants and 0 <= evaluations <= interactions")
    rng = random.Random(seed)
    first_month = (END_DATE.year * 12 + END_DATE.month - 1) - (months - 1)
    start = date(first_month // 12, first_month % 12 + 1, 1)
    days = (END_DATE - start).days + 1
    names = [
        CLIENT_NAMES[i] if i < len(CLIENT_NAMES) else f"Демо-клиент {i + 1}" for i in range(clients)
    ]
    with session_scope(services.session_factory, services.db_path) as s:
        version_id, template = _version(s)
        client_rows = [get_or_create_client(s, n, "ru") for n in names]
        existing = s.scalar(
            select(func.count(Interaction.id)).where(Interaction.client_id == client_rows[0].id)
        )
        if existing:
            return 0
        reviewer_ids = [r.id for r in (get_or_create_reviewer(s, n) for n in REVIEWERS) if r]
        staff: list[tuple[int, int, _Skill]] = []  # (client id, consultant id, skill)
        taken: dict[int, set[str]] = {c.id: set() for c in client_rows}
        for i in range(consultants):
            client = client_rows[i % clients]
            team = TEAM_NAMES[(i // clients) % 2]
            person = get_or_create_consultant(
                s, client.id, _person(rng, taken[client.id]), extension=str(401 + i), team=team
            )
            staff.append((client.id, person.id, _Skill(rng, template.criteria())))
        first_it = _next_id(s, Interaction.id)
        first_ev = _next_id(s, Evaluation.id)
        first_ans = _next_id(s, EvaluationAnswer.id)

    # Per-consultant call volume varies (some work part time); the weights stay fixed per seed.
    cum: list[float] = []
    for _ in staff:
        cum.append((cum[-1] if cum else 0.0) + rng.uniform(0.5, 1.5))
    reviewer_cum = [4, 7, 9, 10][: len(reviewer_ids)]
    moments = sorted(
        datetime.combine(start + timedelta(days=rng.randrange(days)), time(9))
        + timedelta(seconds=rng.randrange(11 * 3600))
        for _ in range(interactions)
    )
    evaluated = set(rng.sample(range(interactions), evaluations))
    criteria = template.criteria()
    ev_id, ans_id = first_ev, first_ans
    with session_scope(services.session_factory, services.db_path) as s:
        for lo in range(0, interactions, CHUNK):
            it_rows: list[dict[str, Any]] = []
            ev_rows: list[dict[str, Any]] = []
            ans_rows: list[dict[str, Any]] = []
            for k in range(lo, min(lo + CHUNK, interactions)):
                client_id, consultant_id, skill = rng.choices(staff, cum_weights=cum)[0]
                at = moments[k]
                incoming = rng.random() < 0.7
                row: dict[str, Any] = {
                    "id": first_it + k,
                    "kind": "call",
                    "direction": "incoming" if incoming else "outgoing",
                    "client_id": client_id,
                    "consultant_id": consultant_id,
                    "started_at": at,
                    "duration": round(min(1800.0, math.exp(rng.gauss(5.2, 0.6))), 1),
                    # Core inserts skip the model's folding: digits fold to themselves.
                    "customer_ref": (ref := f"+79{rng.randrange(10**9):09d}"),
                    "customer_folded": ref,
                    "status": "new",
                    "media_id": None,
                    "stage_reached": None,
                    "goal_achieved": None,
                    "deal_amount": None,
                    "score": None,
                    "critical_failed": False,
                    "created_at": at + timedelta(minutes=rng.randrange(5, 120)),
                }
                it_rows.append(row)
                if k not in evaluated:
                    continue
                t = (at - datetime.combine(start, time.min)).total_seconds() / (days * 86400)
                answers = {c.id: _answer(rng, c, skill.level(c.id, t), incoming) for c in criteria}
                result = score(template, answers)
                stage, goal, amount = _outcome(rng, template, result.total)
                reviewed_at = at + timedelta(hours=rng.randrange(2, 72))
                ev_rows.append(
                    {
                        "id": ev_id,
                        "interaction_id": row["id"],
                        "version_id": version_id,
                        "reviewer_id": rng.choices(reviewer_ids, cum_weights=reviewer_cum)[0],
                        "status": "reviewed",
                        "score": result.total,
                        "critical_failed": result.critical_failed,
                        "created_at": reviewed_at,
                        "updated_at": reviewed_at,
                    }
                )
                row.update(
                    status="reviewed",
                    score=result.total,
                    critical_failed=result.critical_failed,
                    stage_reached=stage,
                    goal_achieved=goal,
                    deal_amount=amount,
                )
                for cid, value in answers.items():
                    failed = value in (NO, "1", "2")
                    remark = REMARKS.get(cid, "") if failed and rng.random() < 0.5 else ""
                    ans_rows.append(
                        {
                            "id": ans_id,
                            "evaluation_id": ev_id,
                            "criterion_id": cid,
                            "value": value,
                            "comment": remark,
                            "evidence": [],
                        }
                    )
                    ans_id += 1
                ev_id += 1
            s.execute(insert(_table(Interaction)), it_rows)
            if ev_rows:
                s.execute(insert(_table(Evaluation)), ev_rows)
                s.execute(insert(_table(EvaluationAnswer)), ans_rows)
            if progress is not None:
                progress(min(lo + CHUNK, interactions), interactions, "interactions")
    return interactions
