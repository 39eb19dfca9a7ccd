"""A mystery visit recorded end to end in the window: three photos, one audio, the report."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication

from qcdesk import settings as opts
from qcdesk.jobs import JobManager
from qcdesk.services.context import open_services
from qcdesk.services.mystery import CHANNEL_TEMPLATES
from qcdesk.widgets.main_window import MainWindow

pytestmark = pytest.mark.gui


def make_photo(path: Path, color: str, size: tuple[int, int] = (640, 480)) -> Path:
    """A real JPEG or PNG (by suffix) with a shape on it, as a phone camera would give."""
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    painter = QPainter(image)
    painter.fillRect(size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2, QColor("white"))
    painter.end()
    assert image.save(str(path))
    return path


def drop(widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def test_record_a_mystery_visit_with_three_photos_and_audio(
    qtbot, services, tmp_path, shared_data
) -> None:  # type: ignore[no-untyped-def]
    services.catalog.ensure_consultant(
        services.catalog.ensure_client("ТехноДом").id, "Ольга Иванова"
    )
    settings = opts.Settings.from_ini(tmp_path / "settings.ini")
    window = MainWindow(services, settings, JobManager(synchronous=True))
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()

    # 1. The assignment: consultant unknown yet, planned for a date.
    window.action_map["new_mystery_assignment"].trigger()
    dialog = window.visit_dialog
    fields = dialog.fields
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    fields.client_combo.setEditText("ТехноДом")
    assert not ok.isEnabled()  # a location is needed
    fields.channel_combo.setCurrentIndex(fields.channel_combo.findData("visit"))
    fields.location_edit.setText("ТЦ «Европейский», 2 этаж")
    fields.scenario_edit.setPlainText("Стиральная машина для семьи из пяти, возражение «дорого»")
    fields.shopper_edit.setText("Марина К.")
    assert ok.isEnabled()
    ok.click()
    visit = dialog.created
    assert visit is not None and visit.consultant is None
    iid = visit.interaction_id
    ws = window.workspace
    assert window.stack.currentWidget() is ws and ws.interaction_id() == iid
    panel = ws.mystery_panel
    assert panel.isVisible() and panel.interaction_id() == iid
    assert not ws.waveform.isVisible() and not ws.play_button.isVisible()  # nothing to play
    assert not ws.form.suggestions.isVisible()  # no text, so no auto-prefill to offer
    assert not ws.action_map["play_pause"].isEnabled() and ws.action_map["find"].isEnabled()
    assert ws.form.state().template.id == CHANNEL_TEMPLATES["visit"]
    assert window.model.row_of(iid) is not None  # the list shows it already

    # 2. Evidence: two photos from the file dialog path, one dropped, then the phone recording.
    shelf = make_photo(tmp_path / "витрина.jpg", "#c0392b")
    badge = make_photo(tmp_path / "бейдж.png", "#2980b9", (300, 400))
    hall = make_photo(tmp_path / "зал.jpg", "#27ae60", (1600, 1200))
    audio = shared_data / "silero-vad" / "ru.wav"
    panel.add_files([shelf, badge])
    drop(panel, [hall])
    rows = panel.model.rows()
    assert [r.original_name for r in rows] == ["витрина.jpg", "бейдж.png", "зал.jpg"]
    assert all(panel.model.has_thumbnail(r.id) for r in rows)  # made in the (sync) job
    icon = panel.model.data(panel.model.index(2), Qt.ItemDataRole.DecorationRole)
    assert max(icon.availableSizes()[0].width(), icon.availableSizes()[0].height()) <= 96
    ws.side_tabs.setCurrentWidget(ws.metrics_panel)
    panel.add_files([audio])
    # The recording now plays in the same player, with its waveform; the visit stays on its
    # checklist, with no empty transcript pane (issue 11 §12).
    assert ws.play_button.isVisible() and ws.waveform.isVisible()
    assert not ws.transcript.isVisible() and ws.side_tabs.currentWidget() is ws.form
    assert ws.action_map["play_pause"].isEnabled()
    assert ws.controller.duration() >= 0 and ws._detail.media is not None
    assert Path(ws._detail.media.path).read_bytes() == audio.read_bytes()

    # 3. Double-click opens a photo full size.
    panel.view.doubleClicked.emit(panel.model.index(2))
    shown = panel.viewer.image_label.pixmap()
    screen = QApplication.primaryScreen().availableGeometry()
    expected = 1600 if screen.width() * 0.9 >= 1600 and screen.height() * 0.9 >= 1200 else None
    assert shown.width() == expected or shown.width() / shown.height() == pytest.approx(4 / 3)
    assert shown.width() > 96  # not the thumbnail
    panel.viewer.close()

    # 4. Part of the shopper's report, from the keyboard as for calls.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts only reach an active window
    ws.form.set_current("store_clean")
    ws.form.setFocus()
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_1):  # yes, yes, yes
        qtbot.keyClick(QApplication.focusWidget() or ws.form, key)

    # 5. The badge photo is evidence for "appearance and badge".
    panel.select(rows[1].id)
    menu = panel.criteria_menu(panel.selected())
    action = next(a for a in menu.actions() if a.data() == "appearance_badge")
    action.trigger()
    assert panel.model.rows()[1].criteria == ("appearance_badge",)

    # 6. Check-in time and place, and the consultant identified from the badge.
    fields = panel.fields
    fields.checkin_check.setChecked(True)
    fields.checkin_edit.setDateTime(QDateTime(datetime(2026, 10, 14, 15, 42)))
    fields.checkin_edit.editingFinished.emit()
    fields.place_edit.setText("55.7447, 37.5650")
    fields.place_edit.editingFinished.emit()
    fields.consultant_combo.setEditText("Ольга Иванова")
    fields.consultant_combo.lineEdit().editingFinished.emit()
    ws.close_workspace()

    # Everything is in the database, read back through a fresh service layer.
    fresh = open_services(services.db_path, services.library_dir)
    saved = fresh.mystery.get(iid)
    assert saved.location == "ТЦ «Европейский», 2 этаж" and saved.shopper == "Марина К."
    assert saved.scenario.startswith("Стиральная машина")
    assert saved.checkin_at == datetime(2026, 10, 14, 15, 42)
    assert saved.checkin_place == "55.7447, 37.5650"
    assert saved.consultant == "Ольга Иванова"
    attachments = fresh.mystery.list_attachments(iid)
    assert [a.kind for a in attachments] == ["photo", "photo", "photo", "audio"]
    assert [a.criteria for a in attachments] == [(), ("appearance_badge",), (), ()]
    assert all(Path(a.path).is_file() for a in attachments)
    answers = {k: a.value for k, a in fresh.evaluations.open(iid).answers.items() if a.value}
    assert answers == {"store_clean": "yes", "appearance_badge": "yes", "greeting_in_time": "yes"}
    row = fresh.interactions.row(iid)
    assert row.kind == "visit" and row.consultant == "Ольга Иванова"
    assert row.started_at == datetime(2026, 10, 14, 15, 42)
    assert window.model.rows()[window.model.row_of(iid)].consultant == "Ольга Иванова"
    ws.controller.load(None)


def test_bad_files_are_named_and_removal_takes_the_recording(
    qtbot, qtmodeltester, services, tmp_path, shared_data
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from qcdesk.services.dto import AssignmentDraft
    from qcdesk.widgets.review import ReviewWorkspace

    iid = services.mystery.create(
        AssignmentDraft(client="ТехноДом", channel="call", location="Горячая линия")
    ).interaction_id
    ws = ReviewWorkspace(services, JobManager(synchronous=True))
    qtbot.addWidget(ws)
    ws.resize(1200, 800)
    ws.show()
    ws.load(iid)
    panel = ws.mystery_panel
    assert ws.form.state().template.id == CHANNEL_TEMPLATES["call"]
    fake = tmp_path / "фото.jpg"
    fake.write_text("не картинка", encoding="utf-8")
    good = make_photo(tmp_path / "Screenshot_2026-10-14.png", "#8e44ad")
    panel.add_files([fake, good, shared_data / "silero-vad" / "ru.wav"])
    boxes = [w for w in panel.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1 and str(fake) in boxes[0].text()
    boxes[0].close()
    assert [r.kind for r in panel.model.rows()] == ["screenshot", "audio"]
    qtmodeltester.check(panel.model)
    assert ws.play_button.isVisible()
    audio = panel.model.rows()[1]
    assert audio.is_media
    panel.remove(audio.id)
    assert not ws.play_button.isVisible() and ws._detail.media is None
    assert [r.kind for r in panel.model.rows()] == ["screenshot"]
    ws.controller.load(None)
