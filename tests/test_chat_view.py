"""The chat pane: bubbles, day separators, late answers against the template's SLA."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qcdesk.domain.checklist_schema import load_template
from qcdesk.domain.working_hours import WorkingHours
from qcdesk.jobs import JobManager
from qcdesk.services.chat_import import ChatImportOptions
from qcdesk.services.dto import Segment, TranscriptInfo
from qcdesk.services.templates import SHIPPED_DIR
from qcdesk.widgets.chat_view import DEFAULT_SLA, ChatModel, ItemRole, sla_limits
from qcdesk.widgets.review import ReviewWorkspace

pytestmark = pytest.mark.gui
DATA = Path(__file__).parent / "data" / "chats"
START = datetime(2026, 11, 25, 17, 50)  # Wednesday, 17:50 Moscow wall clock


def _chat(*turns: tuple[str, float, str]) -> TranscriptInfo:
    return TranscriptInfo("ru", "chat", tuple(Segment(sp, t, t, text) for sp, t, text in turns))


CHAT = _chat(
    ("client", 0, "Здравствуйте! Есть диван «Марсель»?"),
    ("consultant", 300, "Добрый день! Есть. [фото]"),  # 5 min: over the 2 min first-answer limit
    ("client", 360, "Сколько стоит?"),
    ("consultant", 700, "64 900 ₽"),  # 5 min 40 s: under the 10 min limit
    ("client", 720, "А доставка?"),
    ("consultant", 720 + 15 * 3600, "Бесплатно по Москве"),  # next morning 08:50
)


def test_template_limits_and_default() -> None:
    template = load_template(SHIPPED_DIR / "chat-ru.yaml")
    assert sla_limits(template) == (120.0, 600.0)
    assert sla_limits(None) == (DEFAULT_SLA, DEFAULT_SLA)


def test_late_answers_and_day_separators(qtmodeltester) -> None:
    model = ChatModel()
    model.set_chat(CHAT, START, None, (120.0, 600.0))
    qtmodeltester.check(model)
    kinds = [model.index(r, 0).data(ItemRole).kind for r in range(model.rowCount())]
    assert kinds == ["day", "message", "gap", "message", "message", "message", "message",
                     "day", "gap", "message"]  # fmt: skip
    assert [model.segment(i).text for i in model.late] == ["Добрый день! Есть. [фото]",
                                                           "Бесплатно по Москве"]  # fmt: skip
    gap = model.index(2, 0).data()
    assert "5" in gap and "2" in gap  # "answered after 5 min, longer than the limit of 2 min"
    assert model.index(0, 0).data().startswith("25")


def test_working_hours_forgive_the_night(qtmodeltester) -> None:
    hours = WorkingHours.from_json({"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "18:00"})
    model = ChatModel()
    model.set_chat(CHAT, START, hours, (120.0, 600.0))
    # 17:52 -> 08:50 next day is 8 min of working time: under the 10 min limit now.
    assert [model.segment(i).text for i in model.late] == ["Добрый день! Есть. [фото]"]


def test_chat_review_has_no_player_and_clicks_become_evidence(qtbot, services) -> None:
    report = services.chats.import_paths(
        [DATA / "telegram_result.json"], ChatImportOptions(client="Диваны Плюс", consultant="Анна")
    )
    (iid,) = report.imported
    ws = ReviewWorkspace(services, JobManager(synchronous=True))
    qtbot.addWidget(ws)
    ws.resize(1300, 800)
    ws.show()
    qtbot.waitExposed(ws)
    ws.load(iid)
    assert ws.chat_view.isVisible() and not ws.transcript.isVisible()
    assert not ws.waveform.isVisible() and not ws.play_button.isVisible()
    assert not ws.action_map["play_pause"].isEnabled()
    assert ws.form.state().template.id == "chat-ru"
    view = ws.chat_view
    # Friday 21:40 -> Monday 09:05 round the clock: the first answer is late (limit 2 min).
    assert len(view.model.late) >= 1
    assert "2" in view.summary.text()
    # Click the late answer: the clock moves to it, and Ctrl+E stores it as evidence.
    late = view.model.late[0]
    row = next(
        r for r in range(view.model.rowCount()) if view.model.index(r, 0).data(ItemRole) is late
    )
    rect = view.view.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    seconds = view.model.segment(late).start
    assert ws.controller.position() == round(seconds * 1000)
    ws.form.set_current(ws.form.state().template.criteria()[0].id)
    ws.action_map["evidence"].trigger()
    state = services.evaluations.open(iid)
    assert round(seconds, 1) in state.answers["first_response_time"].evidence
    # The chip names the message's clock time (Monday 09:05 …), not hours since the first one.
    row_widget = ws.form.row("first_response_time")
    started = services.interactions.get(iid).row.started_at
    stamp = (started + timedelta(seconds=seconds)).strftime("%d.%m %H:%M")
    assert [c.text() for c in row_widget.chip_buttons()] == [stamp]
    # An evidence chip (a seek) brings the message back into view.
    ws.controller.seek(0)
    assert view.view.currentIndex().data(ItemRole).segment == 0
    ws.controller.load(None)
