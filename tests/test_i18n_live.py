"""Screens added with chats, templates and auto-prefill follow a live language switch.

Settings → language installs new translators and Qt posts LanguageChange to every widget; a
text set once in ``__init__`` would stay in the old language until restart. Each test builds
a screen on real services, switches to Russian and back, and reads the texts again. Models
translate in ``data()``, so for them the test checks that views are told to ask again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qcdesk.app import install_translators
from qcdesk.jobs import JobManager
from qcdesk.services.chat_import import ChatImportOptions

pytestmark = pytest.mark.gui
CHATS = Path(__file__).parent / "data" / "chats"
H = Qt.Orientation.Horizontal


@pytest.fixture
def switch(qapp) -> Iterator[object]:
    """A function that switches the UI language and delivers LanguageChange; English after."""

    def to(language: str) -> None:
        assert install_translators(qapp, language) == language
        qapp.processEvents()  # LanguageChange is posted, not sent

    to("en")
    try:
        yield to
    finally:
        to("en")  # other tests read English texts


def test_template_editor_relabels_its_forms(qtbot, services, switch) -> None:
    from qcdesk.widgets.template_editor import TemplateEditor

    info = next(i for i in services.templates.library() if i.slug == "sales-call-ru")
    editor = TemplateEditor(services)
    qtbot.addWidget(editor)
    editor.open(services.templates.start_draft(info.template_id))
    crit, outcome = editor.criterion_fields, editor.outcome_fields

    def texts() -> tuple[str, ...]:
        return (
            crit.form.labelForField(crit.title_edit).text(),
            crit.critical_check.text(),
            crit.answer_combo.itemText(0),
            editor.fields.form.labelForField(editor.fields.title_edit).text(),
            editor.tabs.tabText(0),
            outcome.stages_label.text(),
        )

    english = texts()
    assert english[0] == "&Title" and english[4] == "Selected item"
    with qtbot.waitSignal(outcome.stages_model.headerDataChanged):
        switch("ru")
    assert texts() == (
        "&Название",
        "Критический: невыполнение обнуляет итоговый балл",
        "Да / Нет",
        "&Название",
        "Выбранный элемент",
        "&Этапы воронки по порядку",
    )
    switch("en")
    assert texts() == english


def test_chat_review_relabels_summary_bars_and_metrics(qtbot, services, switch) -> None:
    from qcdesk.widgets.review import ReviewWorkspace

    report = services.chats.import_paths(
        [CHATS / "telegram_result.json"], ChatImportOptions(client="Диваны Плюс", consultant="Анна")
    )
    ws = ReviewWorkspace(services, JobManager(synchronous=True))
    qtbot.addWidget(ws)
    ws.load(report.imported[0])
    bar = ws.form.suggestions
    assert ws.chat_view.summary.text().startswith("Messages: client")
    assert bar.rerun_button.text() == "Re-run auto-prefill"
    assert " · v" in ws.template_switch.text()
    with qtbot.waitSignal(ws.metrics_panel.model.headerDataChanged):
        switch("ru")
    assert ws.chat_view.summary.text().startswith("Сообщения: клиент")
    assert bar.rerun_button.text() == "Перезапустить автозаполнение"
    assert " · версия " in ws.template_switch.text()
    assert ws.metrics_panel.model.headerData(0, H) == "Метрика"
    switch("en")
    assert ws.chat_view.summary.text().startswith("Messages: client")
    assert bar.rerun_button.text() == "Re-run auto-prefill"


def test_agreement_screen_relabels_filter_and_summary(qtbot, services, switch) -> None:
    from qcdesk.widgets.agreement_screen import AgreementScreen

    screen = AgreementScreen(services, JobManager(synchronous=True))
    qtbot.addWidget(screen)
    assert screen.client_combo.itemText(0) == "All companies"
    assert screen.summary.text().startswith("No reviewed evaluation")
    with qtbot.waitSignal(screen.model.headerDataChanged):
        switch("ru")
    assert screen.client_combo.itemText(0) == "Все компании"
    assert screen.summary.text().startswith("Пока нет проверенных оценок")
    screen.refresh()  # refilling the companies keeps the translated first item
    assert screen.client_combo.itemText(0) == "Все компании"
    switch("en")
    assert screen.client_combo.itemText(0) == "All companies"


def test_help_dialogs_relabel_while_open(qtbot, services, tmp_path, switch) -> None:
    """Shortcuts and About follow a language switch while they stay open."""
    from PySide6.QtCore import QSettings

    from qcdesk import settings as opts
    from qcdesk.widgets.help_dialogs import AboutDialog, ShortcutsDialog

    settings = opts.Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))

    shortcuts, about = ShortcutsDialog(), AboutDialog(services, settings, None)
    qtbot.addWidget(shortcuts)
    qtbot.addWidget(about)

    def texts() -> tuple[str, ...]:
        return (
            shortcuts.windowTitle(),
            shortcuts.model.item(0, 0).text(),
            shortcuts.model.headerData(1, H),
            about.windowTitle(),
            about.tabs.tabText(1),
            about.locations.model().headerData(0, H),
        )

    english = texts()
    assert english == (
        "Keyboard shortcuts", "Main window", "Key", "About qcdesk", "Where data lives", "What"
    )
    switch("ru")
    russian = texts()
    assert all(r != e for r, e in zip(russian, english, strict=True)), russian
    assert russian[1] == "Главное окно"
    switch("en")
    assert texts() == english
