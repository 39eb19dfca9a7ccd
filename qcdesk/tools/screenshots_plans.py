"""Screenshots of the plans screen (issue 13): My queue, the plan's progress and a dispute.

Called by `qcdesk.tools.screenshots.render` on the demo project: a plan for the busiest
company's latest month, split between the demo reviewer and a colleague, one item skipped, and
a dispute opened on a reviewed call and shown in its decision form.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REVIEWER = "Демо"
COLLEAGUE = "Ирина Лебедева"


def _plan(services: Any) -> int:
    rows = [r for r in services.interactions.query() if r.started_at and r.consultant_id]
    client_id = Counter(r.client_id for r in rows).most_common(1)[0][0]
    latest = max(r.started_at for r in rows if r.client_id == client_id)
    made = services.plans.create(
        client_id, f"{latest:%Y-%m}", {"call": 3, "chat": 1}, stratify=("direction",), seed=2026
    )
    today = date.today()
    services.plans.assign(made.plan_id, [REVIEWER, COLLEAGUE], due=today + timedelta(days=7))
    first = services.plans.status(made.plan_id).items[0]
    services.plans.assign(made.plan_id, [REVIEWER], interactions=[first.interaction_id],
                          due=today - timedelta(days=2))  # fmt: skip
    pending = [i for i in services.plans.status(made.plan_id).items if i.status == "pending"]
    if len(pending) > 1:
        services.plans.skip(pending[-1].id, "bad_audio", "шум на линии, клиента не слышно")
    return int(made.plan_id)


def _dispute(services: Any) -> Any:
    """A dispute on the reviewed call with the most "no" answers, opened by the lead."""
    from qcdesk.services.dto import InteractionFilter

    def noes(iid: int) -> int:
        return sum(a.value == "no" for a in services.evaluations.open(iid).answers.values())

    reviewed = services.interactions.query(InteractionFilter(status="reviewed", kind="call"))
    iid = max((r.id for r in reviewed), key=noes)
    state = services.evaluations.open(iid)
    failed = [c.id for c in state.template.criteria() if state.answers.get(c.id)
              and state.answers[c.id].value == "no"][:2]  # fmt: skip
    evaluation = services.disputes.evaluation_of(iid)
    previous = services.evaluations.reviewer
    services.evaluations.reviewer = "Руководитель ОКК"
    made = services.disputes.open(
        evaluation, {failed[0]: "yes", **dict.fromkeys(failed[1:])},
        "Консультант договорился о визите в конце разговора, запись обрывается раньше.",
        on_behalf_of="Руководитель отдела продаж",
    )  # fmt: skip
    services.evaluations.reviewer = previous
    return made


def plan_shots(app: Any, services: Any, window: Any, out: Path, settle: Any) -> list[Path]:
    """my-queue.png, plan-progress.png and dispute.png."""
    _plan(services)
    dispute = _dispute(services)
    written = []
    screen = window.show_plans()
    screen.reviewer_combo.setCurrentText(REVIEWER)
    screen.queue_view.selectRow(1)  # the first, overdue, keeps its tint
    settle(app, rounds=10)
    written.append(out / "my-queue.png")
    window.grab().save(str(written[-1]))
    screen.tabs.setCurrentIndex(1)
    settle(app, rounds=10)
    written.append(out / "plan-progress.png")
    window.grab().save(str(written[-1]))
    screen.tabs.setCurrentIndex(3)
    dialog = screen.decide(dispute)
    tick = next(iter(dialog.rows.values()))[0]
    tick.setChecked(True)
    dialog.comment.setPlainText("Визит назначен на 12:30, ответ изменён.")
    dialog.resize(720, 480)
    settle(app, rounds=10)
    written.append(out / "dispute.png")
    dialog.grab().save(str(written[-1]))
    dialog.reject()
    screen.closed.emit()
    return written
