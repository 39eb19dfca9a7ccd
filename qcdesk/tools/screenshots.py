"""Render the documentation screenshots from the demo project, offscreen and in Russian.

Usage: ``python -m qcdesk.tools.screenshots --out docs/screenshots``. The demo goes into a temp
folder, so the user's own data is never touched; jobs run synchronously, so the waveform and
the transcript are there when the window is grabbed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 1440, 900


def _settle(app: object, rounds: int = 5) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QThread.msleep(20)


def _showcase_rank(services: Any, interaction_id: int) -> tuple[int, int]:
    """Prefer a stereo call (two waveform lanes) with a long transcript for the picture."""
    detail = services.interactions.get(interaction_id)
    channels = detail.media.channels if detail.media else 0
    segments = len(detail.transcript.segments) if detail.transcript else 0
    return (channels, segments)


def _review_prefilled(app: Any, services: Any, window: Any, out: Path) -> Path:
    """review-prefilled.png: a call in progress with auto-prefill suggestions and evidence."""
    from qcdesk.services.dto import InteractionFilter

    def pending(iid: int) -> int:
        answers = services.evaluations.open(iid).answers.values()
        return sum(1 for a in answers if a.suggested and not a.confirmed)

    rows = [
        r
        for status in ("in_progress", "new")
        for r in services.interactions.query(InteractionFilter(status=status))
    ]
    rows = [r for r in rows if pending(r.id)]
    if not rows:
        raise SystemExit("the demo project has no prefilled call to show")
    # A call in progress shows confirmed answers beside pending suggestions.
    iid = max(
        (r.id for r in rows),
        key=lambda i: (
            services.interactions.row(i).status == "in_progress",
            _showcase_rank(services, i),
        ),
    )
    window.open_interaction(iid)
    _settle(app, rounds=20)
    form = window.workspace.form
    state = form.state()
    with_quotes = [
        (
            any(e.similarity is not None and e.similarity < 1 for e in a.suggested_evidence),
            len(a.suggested_evidence),
            a.suggested_evidence[0].start,
            cid,
        )
        for cid, a in state.answers.items()
        if a.suggested and not a.confirmed and a.suggested_value and a.suggested_evidence
    ]
    # A tolerant match first (the words heard and their similarity), else the most evidence.
    shown = max(with_quotes)[-1] if with_quotes else None
    if shown is not None:
        form.set_current(shown)
        chips = form.row(shown).quote_chips()
        if chips:
            chips[0].click()  # plays from the quote and shows its segment in the transcript
    _settle(app, rounds=10)
    path = out / "review-prefilled.png"
    window.grab().save(str(path))
    return path


def _chat_review(app: Any, services: Any, window: Any, out: Path) -> Path:
    """chat-review.png: a chat with late answers highlighted, beside the chat checklist."""
    from qcdesk.services.dto import InteractionFilter

    chats = services.interactions.query(InteractionFilter(kind="chat"))
    if not chats:
        raise SystemExit("the demo project has no chat to show")

    def late_answers(iid: int) -> int:
        from qcdesk.domain.working_hours import WorkingHours
        from qcdesk.widgets.chat_view import ChatModel, sla_limits

        detail = services.interactions.get(iid)
        plan = services.catalog.schedule(detail.row.client_id)
        hours = plan.working_hours and WorkingHours.from_json(plan.working_hours, plan.timezone)
        model = ChatModel()
        limits = sla_limits(services.evaluations.open(iid).template)
        model.set_chat(detail.transcript, detail.row.started_at, hours or None, limits)
        return len(model.late)

    # The chat with the most late answers (but not every one late), to show the highlighting.
    late = {r.id: late_answers(r.id) for r in chats}
    iid = max(late, key=lambda i: (0 < late[i] < 4, late[i], _showcase_rank(services, i)))
    window.open_interaction(iid)
    _settle(app, rounds=10)
    view = window.workspace.chat_view
    if view.model.late:  # select the first late answer, as a reviewer checking it would
        window.workspace.controller.seek(round(view.model.segment(view.model.late[0]).start * 1000))
    view.view.scrollToTop()
    _settle(app, rounds=10)
    path = out / "chat-review.png"
    window.grab().save(str(path))
    return path


def _mystery_visit(app: Any, services: Any, window: Any, out: Path) -> Path:
    """mystery-visit.png: a shop visit with its photos (one linked as evidence) and the form."""
    from qcdesk.services.dto import InteractionFilter

    visits = services.interactions.query(InteractionFilter(kind="visit"))
    if not visits:
        raise SystemExit("the demo project has no mystery visit to show")
    iid = max((r.id for r in visits), key=lambda i: len(services.mystery.list_attachments(i)))
    window.open_interaction(iid)
    _settle(app, rounds=10)
    panel = window.workspace.mystery_panel
    linked = [a for a in panel.model.rows() if a.criteria]
    if linked:  # the evidence a reviewer checks: select it and its criterion in the form
        panel.select(linked[-1].id)
        window.workspace.form.set_current(linked[-1].criteria[0])
    _settle(app, rounds=10)
    path = out / "mystery-visit.png"
    window.grab().save(str(path))
    return path


def _template_editor(app: Any, services: Any, window: Any, out: Path) -> Path:
    """template-editor.png: the sales checklist opened for a new version, a criterion selected."""
    library = window.show_templates()
    rows = [library.model.info(r) for r in range(library.model.rowCount())]
    chosen = next(i for i in rows if i.slug == "sales-call-ru")
    library.select_version(chosen.version_id)
    t = library.edit_current().template
    where = {c.id: (i, j) for i, s in enumerate(t.sections) for j, c in enumerate(s.criteria)}
    i, j = where.get("presented_benefits", (0, 0))
    library.editor.select(("criterion", i, j))
    _settle(app, rounds=10)
    path = out / "template-editor.png"
    window.grab().save(str(path))
    library.editor.close_editor()
    library.closed.emit()
    return path


def _calibration(app: Any, services: Any, window: Any, out: Path) -> list[Path]:
    """calibration-score/-compare/-alignment.png: three reviewers score three calls.

    Each participant starts from the call's own review and answers a few criteria otherwise
    (a fixed pattern), as real reviewers drift apart on some criteria and not on others.
    """
    from qcdesk.services.dto import InteractionFilter

    rows = services.interactions.query(InteractionFilter(kind="call", status="reviewed"))
    calls = [r for r in rows if r.client_id == rows[0].client_id][:3] if rows else []
    if len(calls) < 3:
        raise SystemExit("the demo project has too few reviewed calls to calibrate on")
    people = ["Анна Кузнецова", "Борис Лебедев", "Вера Морозова"]
    cal = services.calibration
    info = cal.create(calls[0].client_id, [c.id for c in calls], people, "Октябрь")
    for k, person in enumerate(people):
        answers = {}
        for n, call in enumerate(calls):
            review = services.evaluations.open(call.id)
            mine = {}
            for i, c in enumerate(review.template.criteria()):
                given = review.answers.get(c.id)
                value = given.value if given and given.value else c.values[0]
                if (3 * i + n + 5 * k) % 13 == 0:  # this reviewer sees it otherwise
                    value = next(v for v in reversed(c.values) if v != value)
                mine[c.id] = value
            answers[call.id] = mine
        if k < 2:
            cal.submit(info.id, person, answers)
        else:
            form = cal.open_form(info.id, person, calls[0].id)
            for cid, value in list(answers[calls[0].id].items())[:9]:
                services.evaluations.set_answer(form.evaluation_id, cid, value)
    screen = window.show_calibration()
    screen.refresh(info.id)
    screen.person_combo.setCurrentIndex(2)
    screen.tabs.setCurrentIndex(0)
    _settle(app, rounds=10)
    score = out / "calibration-score.png"
    window.grab().save(str(score))
    cal.submit(info.id, people[2], answers)
    screen.refresh(info.id)
    screen.tabs.setCurrentIndex(1)
    _settle(app, rounds=10)
    compare = out / "calibration-compare.png"
    window.grab().save(str(compare))
    for call in calls:  # the lead agrees with the majority
        ref = cal.open_reference(info.id, call.id)
        services.evaluations.set_status(ref.evaluation_id, "reviewed", confirm_incomplete=True)
    screen.refresh(info.id)
    screen.tabs.setCurrentIndex(3)
    screen.alignment.reviewer_view.selectRow(0)
    _settle(app, rounds=10)
    alignment = out / "calibration-alignment.png"
    window.grab().save(str(alignment))
    screen.leave()
    return [score, compare, alignment]


def _coaching(app: Any, services: Any, window: Any, out: Path) -> list[Path]:
    """coaching-{plan,sessions,progress}.png: one coached consultant; meeting-pack.png."""
    from datetime import date

    from qcdesk.widgets.coaching_window import CoachingWindow

    coached = [
        (c, p)
        for c in services.catalog.list_clients()
        for p in services.catalog.list_consultants(c.id)
        if services.coaching.current_plan(p.id) is not None
    ]
    if not coached:
        raise SystemExit("the demo project has no development plan to show")
    client, person = coached[-1]
    # The demo's "now" is early November: one action done, one overdue, one still open.
    dialog = CoachingWindow(services, window, today=date(2026, 11, 5))
    dialog.resize(1100, 720)
    dialog.show()
    dialog.select(client.id, person.id)
    written = []
    for i, name in enumerate(("coaching-plan", "coaching-sessions", "coaching-progress")):
        dialog.tabs.setCurrentIndex(i)
        _settle(app, rounds=10)
        path = out / f"{name}.png"
        dialog.grab().save(str(path))
        written.append(path)
    dialog.close()
    screen = window.show_reports()
    pack = screen.open_meeting_pack()
    _settle(app, rounds=10)
    path = out / "meeting-pack.png"
    pack.grab().save(str(path))
    pack.close()
    screen.close_screen()
    written.append(path)
    return written


def render(out: Path, lang: str = "ru", only: Sequence[str] = ()) -> list[Path]:
    """Write main-window.png, review-workspace.png and review-prefilled.png into *out*."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qcdesk import settings as opts
    from qcdesk.app import create_app, install_fonts, install_translators
    from qcdesk.jobs import JobManager
    from qcdesk.services.context import open_services
    from qcdesk.services.demo import create_demo
    from qcdesk.services.dto import InteractionFilter
    from qcdesk.widgets.main_window import MainWindow

    app = create_app(["qcdesk-screenshots", "-platform", "offscreen"])
    install_fonts(app)
    install_translators(app, lang)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="qcdesk-shots-") as tmp:
        folder = Path(tmp)
        services = open_services(folder / "qcdesk.db", folder / "library", reviewer="Демо")
        create_demo(services)
        settings = opts.Settings.from_ini(folder / "settings.ini")
        window = MainWindow(services, settings, JobManager(synchronous=True))
        window.resize(WIDTH, HEIGHT)
        window.show()
        window.table.selectRow(0)
        _settle(app)
        if "coaching" in only:
            return _coaching(app, services, window, out)
        path = out / "main-window.png"
        window.grab().save(str(path))
        written.append(path)

        reviewed = services.interactions.query(InteractionFilter(status="reviewed"))
        scored = [r for r in reviewed if r.score is not None] or [
            r for r in services.interactions.query() if r.score is not None
        ]
        if not scored:
            raise SystemExit("the demo project has no evaluated call to show")
        window.open_interaction(
            max((r.id for r in scored), key=lambda i: _showcase_rank(services, i))
        )
        _settle(app, rounds=20)
        path = out / "review-workspace.png"
        window.grab().save(str(path))
        written.append(path)
        written.append(_review_prefilled(app, services, window, out))
        written.append(_chat_review(app, services, window, out))
        written.append(_mystery_visit(app, services, window, out))
        written.append(_template_editor(app, services, window, out))
        written.extend(_calibration(app, services, window, out))
        written += _coaching(app, services, window, out)
        from qcdesk.tools.screenshots_plans import plan_shots

        written += plan_shots(app, services, window, out, _settle)
        window.close()
        _settle(app)
        del window
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qcdesk.tools.screenshots")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("ru", "en"), default="ru")
    parser.add_argument(
        "--only", action="append", default=[], choices=("coaching",), help="just these screens"
    )
    args = parser.parse_args(argv)
    for path in render(args.out, args.lang, args.only):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
