"""What the import result says (issue 11 §12): the reason in its column, no "video" for text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qcdesk.services.chat_import import ChatImportOptions
from qcdesk.services.dto import ImportFailure, ImportReport
from qcdesk.services.importer import ImportOptions
from qcdesk.widgets.chat_import_flow import ChatImportResultDialog
from qcdesk.widgets.import_dialog import ImportResultDialog

pytestmark = pytest.mark.gui
DATA = Path(__file__).parent / "data" / "chats"


def test_a_text_file_imported_as_a_recording_is_not_called_a_video(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ffmpeg reads any text as ANSI art, a video stream: "no audio track (video)" misled."""
    chat = tmp_path / "WhatsApp Chat with Ирина.txt"
    chat.write_bytes((DATA / "whatsapp_android_ru.txt").read_bytes())
    report = services.importer.import_paths([chat], ImportOptions(client="ООО Тест"))
    (failed,) = report.failed
    assert "video" not in failed.error.lower()
    assert "is not an audio file" in failed.error and failed.path == str(chat)


def test_the_reason_column_shows_the_reason_not_the_folder(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    deep = tmp_path.joinpath(*(["a-long-folder-name"] * 8), "20261014-110200_79161234567_201.wav")
    failure = ImportFailure(
        path=str(deep),
        error=f"{deep} is not an audio file or its format is not supported.",
        template="{path} is not an audio file or its format is not supported.",
        params={"path": str(deep), "detail": "tty input"},
    )
    dialog = ImportResultDialog(ImportReport((), (), (failure,)))
    qtbot.addWidget(dialog)
    dialog.resize(700, 360)
    dialog.show()
    (reason,) = dialog.failure_messages()
    assert reason.startswith(deep.name) and "a-long-folder-name" not in reason
    assert str(deep) in dialog.failures.item(0, 1).toolTip()  # the full message on hover
    assert dialog.failures.item(0, 0).toolTip() == str(deep)
    view = dialog.view
    assert view.columnWidth(0) <= view.viewport().width() * dialog.NAME_SHARE + 1
    assert view.columnWidth(1) >= view.viewport().width() // 2


def test_chat_warnings_are_listed_in_the_result(services, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads((DATA / "telegram_result.json").read_text(encoding="utf-8"))
    data["messages"][3]["date"] = "2026-11-24T09:05:12"
    path = tmp_path / "result.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = services.chats.import_paths(
        [path], ChatImportOptions(client="Диваны Плюс", consultant="Анна")
    )
    dialog = ChatImportResultDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.view.isVisible()
    (message,) = dialog.failure_messages()
    assert message.startswith("result.json, chat Ирина Смирнова") and "date_unixtime" in message
    assert "1 warning" in dialog.summary_label.text()
