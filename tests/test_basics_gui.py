"""The basics a reviewer reaches for: projects, details, consultants, export, bulk, help."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from qcdesk import settings as opts
from qcdesk.actions import ACTIONS
from qcdesk.jobs import JobManager
from qcdesk.services.context import open_services
from qcdesk.services.dto import InteractionFilter
from qcdesk.services.importer import ImportOptions
from qcdesk.widgets.help_dialogs import AboutDialog, ShortcutsDialog
from qcdesk.widgets.main_window import MainWindow
from qcdesk.widgets.project import ProjectController
from qcdesk.widgets.recent_projects import fill_recent_menu

pytestmark = pytest.mark.gui


@pytest.fixture
def loaded(services, stereo_wav, shared_data):  # type: ignore[no-untyped-def]
    """Two calls for Анна at Ромашка, one unassigned call at Acme."""
    services.importer.import_paths(
        [stereo_wav, shared_data / "synthetic" / "call_8k_mono.wav"],
        ImportOptions(client="ООО Ромашка", consultant="Анна Петрова", direction="incoming"),
    )
    services.importer.import_paths([shared_data / "silero-vad" / "ru.wav"], ImportOptions("Acme"))
    return services


@pytest.fixture
def settings(tmp_path):  # type: ignore[no-untyped-def]
    return opts.Settings.from_ini(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, loaded, settings):  # type: ignore[no-untyped-def]
    w = MainWindow(loaded, settings, JobManager(synchronous=True))
    qtbot.addWidget(w)
    w.show()
    return w


def _select_rows(w: MainWindow, ids: list[int]) -> None:
    """Select the rows of *ids* as Ctrl+click would, the first one current."""
    sm = w.table.selectionModel()
    flags = sm.SelectionFlag
    sm.setCurrentIndex(w.model.index(w.model.row_of(ids[0]), 0), flags.ClearAndSelect | flags.Rows)
    for i in ids[1:]:
        sm.select(w.model.index(w.model.row_of(i), 0), flags.Select | flags.Rows)


# -- projects ------------------------------------------------------------------------------------
def test_open_another_project_rebuilds_the_window_on_its_database(qtbot, tmp_path, settings):
    first = open_services(tmp_path / "a" / "qcdesk.db", tmp_path / "a" / "library")
    first.catalog.ensure_client("Только в проекте A")
    controller = ProjectController(settings, JobManager(synchronous=True))
    old = controller.start(first)
    qtbot.addWidget(old)
    assert old.catalog_model.rowCount() > 0

    other = tmp_path / "b" / "qcdesk.db"
    with qtbot.waitSignal(controller.switched):
        old.project_requested.emit(other)  # what File → New project does with a folder
    new = controller.window
    qtbot.addWidget(new)
    assert new is not old and new.isVisible()
    assert new.services.db_path == other and (tmp_path / "b" / "library").is_dir()
    assert [c.name for c in new.services.catalog.list_clients()] == []
    assert settings.get(opts.RECENT_PROJECTS) == (
        str(other.resolve()),
        str((tmp_path / "a" / "qcdesk.db").resolve()),
    )
    # Back to the first through the recent list: its data is there again.
    fill_recent_menu(new.recent_menu, settings, other, new.project_requested.emit)
    entry = next(
        a for a in new.recent_menu.actions() if a.data() == settings.get(opts.RECENT_PROJECTS)[1]
    )
    entry.trigger()
    qtbot.addWidget(controller.window)
    names = [c.name for c in controller.window.services.catalog.list_clients()]
    assert names == ["Только в проекте A"]


def test_a_file_that_is_not_a_database_leaves_the_project_open(qtbot, tmp_path, settings):
    services = open_services(tmp_path / "qcdesk.db", tmp_path / "library")
    controller = ProjectController(settings, JobManager(synchronous=True))
    window = controller.start(services)
    qtbot.addWidget(window)
    bogus = tmp_path / "notes.db"
    bogus.write_text("это не база данных\n" * 50, encoding="utf-8")
    assert controller.switch(bogus) is False
    assert controller.window is window and window.services.db_path == tmp_path / "qcdesk.db"
    box = window.findChild(QMessageBox)
    assert box is not None and "notes.db" in box.text()
    box.close()
    assert window.services.catalog.list_clients() == []  # still usable


def test_recent_projects_grey_out_missing_ones(qtbot, tmp_path, settings, window):
    here = tmp_path / "qcdesk.db"
    gone = tmp_path / "moved" / "qcdesk.db"
    settings.set(opts.RECENT_PROJECTS, (str(here), str(gone)))
    window.fill_recent_menu()
    entries = {a.data(): a for a in window.recent_menu.actions() if a.data()}
    assert entries[str(here)].isEnabled() and entries[str(here)].isChecked()
    assert not entries[str(gone)].isEnabled()
    remove = next(a for a in window.recent_menu.actions() if a.text() == "Remove missing projects")
    remove.trigger()
    assert settings.get(opts.RECENT_PROJECTS) == (str(here),)


# -- details and consultants ---------------------------------------------------------------------
def test_edit_details_from_the_list(qtbot, window, loaded):
    acme_call = loaded.interactions.query(InteractionFilter(text=""))[0]
    acme_call = next(r for r in loaded.interactions.query() if r.client == "Acme")
    _select_rows(window, [acme_call.id])
    dialog = window.edit_metadata()
    assert dialog.consultant_combo.currentData() is None
    romashka = next(c for c in loaded.catalog.list_clients() if c.name == "ООО Ромашка")
    dialog.client_combo.setCurrentIndex(dialog.client_combo.findData(romashka.id))
    assert dialog.consultant_combo.findText("Анна Петрова") > 0  # follows the company
    dialog.consultant_combo.setCurrentIndex(dialog.consultant_combo.findText("Анна Петрова"))
    dialog.direction_combo.setCurrentIndex(dialog.direction_combo.findData("outgoing"))
    dialog.customer_edit.setText("+79161234567")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    row = window.model.row_at(window.model.row_of(acme_call.id))
    assert (row.client, row.consultant, row.direction, row.customer_ref) == (
        "ООО Ромашка", "Анна Петрова", "outgoing", "+79161234567",
    )  # fmt: skip
    assert row.started_at == acme_call.started_at  # untouched fields stay as they were


def test_merge_a_duplicate_in_the_consultants_dialog(qtbot, window, loaded):
    romashka = next(c for c in loaded.catalog.list_clients() if c.name == "ООО Ромашка")
    dup = loaded.catalog.ensure_consultant(romashka.id, "Анна П.")
    calls = [r.id for r in loaded.interactions.query() if r.client == "ООО Ромашка"]
    loaded.metadata.assign_consultant(calls[:1], dup.id)
    window.reload()
    dialog = window.manage_consultants()
    qtbot.addWidget(dialog)
    assert {r.name for r in dialog.model.rows()} == {
        "Анна П.",
        "Анна Петрова",
    }
    target = next(r for r in dialog.model.rows() if r.name == "Анна Петрова")
    result = dialog.merge(dup.id, target.id)
    assert result.interactions_moved == 1
    assert [r.name for r in dialog.model.rows()] == ["Анна Петрова"]
    assert dialog.current().interactions == 2
    # The window followed: the side pane no longer lists the duplicate.
    names = [c.name for c in loaded.catalog.list_consultants()]
    assert names == ["Анна Петрова"]
    assert {r.consultant for r in window.model.rows() if r.client == "ООО Ромашка"} == {
        "Анна Петрова"
    }
    dialog.set_active(target.id, False)
    assert dialog.current().active is False and "Deactivate" not in dialog.active_button.text()


# -- export and bulk actions ---------------------------------------------------------------------
def test_export_writes_the_rows_and_columns_shown_as_text(qtbot, window, loaded, tmp_path):
    acme = next(r for r in loaded.interactions.query() if r.client == "Acme")
    loaded.metadata.update(
        acme.id, client_id=acme.client_id, consultant_id=None, direction=None,
        started_at=acme.started_at, customer_ref="=HYPERLINK(\"http://x\")",
    )  # fmt: skip
    romashka = next(c for c in loaded.catalog.list_clients() if c.name == "ООО Ромашка")
    window.reload()
    # Filtered to Acme, the "Kind" column hidden and "Customer" moved first.
    window.filter_bar.set_scope(acme.client_id, None)
    header = window.table.horizontalHeader()
    header.hideSection(1)
    header.moveSection(header.visualIndex(5), 0)
    xlsx = window.list_actions.export(tmp_path / "list.xlsx")
    ws = load_workbook(xlsx).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    shown = [header.logicalIndex(v) for v in range(header.count())]
    shown = [c for c in shown if not header.isSectionHidden(c)]
    headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in shown]
    assert rows[0] == headers and rows[0][0] == "Customer" and "Kind" not in rows[0]
    assert len(rows) == 2  # Acme only
    assert rows[1][0] == '=HYPERLINK("http://x")'
    assert ws.cell(row=2, column=1).data_type == "s"  # text, not a formula
    assert romashka.name not in str(rows)
    path = window.list_actions.export(tmp_path / "list.csv")
    with path.open(encoding="utf-8-sig", newline="") as f:
        lines = list(csv.reader(f, delimiter=";"))
    assert lines[0] == headers
    assert lines[1][0] == '\'=HYPERLINK("http://x")'


def test_bulk_mark_reviewed_and_back(qtbot, window, loaded):
    ids = [r.id for r in loaded.interactions.query() if r.client == "ООО Ромашка"]
    # One form fully answered; the other empty, which the review rules refuse to sign off.
    ev = loaded.evaluations.open(ids[0])
    for criterion in ev.template.criteria():
        value = "5" if criterion.answer.startswith("scale") else "yes"
        loaded.evaluations.set_answer(ev.evaluation_id, criterion.id, value)
    _select_rows(window, ids)
    assert sorted(window.selected_interaction_ids()) == sorted(ids)
    assert window.mark_selected("reviewed", confirm=False) == 1
    assert loaded.interactions.row(ids[0]).status == "reviewed"
    assert loaded.interactions.row(ids[1]).status != "reviewed"
    box = window.list_actions.last_dialog
    assert box is not None and "1" in box.text() and "unanswered" in box.detailedText()
    box.close()
    assert "1 reviewed" in window.count_label.text()
    _select_rows(window, ids)
    assert window.mark_selected("in_progress", confirm=False) == 1
    assert loaded.interactions.row(ids[0]).status == "in_progress"


def test_context_menu_assigns_a_consultant_to_the_selection(qtbot, window, loaded):
    romashka = next(c for c in loaded.catalog.list_clients() if c.name == "ООО Ромашка")
    loaded.catalog.ensure_consultant(romashka.id, "Борис")
    window.reload()
    ids = [r.id for r in loaded.interactions.query() if r.client == "ООО Ромашка"]
    _select_rows(window, ids)
    menu = window.list_actions.menu()
    assign = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert assign.isEnabled()
    boris = next(a for a in assign.actions() if a.text() == "Борис")
    boris.trigger()
    assert {loaded.interactions.row(i).consultant for i in ids} == {"Борис"}
    menu.close()
    # Rows of two companies: no consultant fits both.
    _select_rows(window, [r.id for r in loaded.interactions.query()])
    menu = window.list_actions.menu()
    assign = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert not assign.isEnabled()
    menu.close()


# -- help ----------------------------------------------------------------------------------------
def test_keyboard_shortcuts_list_every_key_of_the_registry(qtbot, window):
    dialog = window.show_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    model = dialog.model
    listed = set()
    for g in range(model.rowCount()):
        group = model.item(g, 0)
        for r in range(group.rowCount()):
            listed.add((group.text(), group.child(r, 1).text()))
    keyed = [s for s in ACTIONS if s.key]
    assert sum(model.item(g, 0).rowCount() for g in range(model.rowCount())) == len(keyed)
    assert ("Review workspace", "Space") in listed and ("Main window", "F1") in listed
    keys = {key for _, key in listed}
    assert "Enter" in keys and not any("Return" in key for key in keys)  # as keyboards say it
    dialog.filter_edit.setText("transcript")
    assert dialog.proxy.rowCount() >= 1
    dialog.close()


def test_about_names_version_licences_and_data_folders(qtbot, window, loaded, tmp_path):
    window.log_dir = tmp_path / "logs"
    dialog = window.show_about()
    assert isinstance(dialog, AboutDialog)
    components = dialog.components.model()
    texts = {components.index(r, 0).data(): components.index(r, 2).data()
             for r in range(components.rowCount())}  # fmt: skip
    assert texts["PySide6 (Qt for Python)"] == "LGPL-3.0"
    assert texts["faster-whisper"] == "MIT" and texts["reportlab"] == "BSD"
    places = dialog.locations.model()
    where = [places.index(r, 1).data() for r in range(places.rowCount())]
    assert str(loaded.db_path) in where and str(loaded.library_dir) in where
    assert str(tmp_path / "logs") in where
    assert any(w.endswith("settings.ini") for w in where)
    dialog.close()


def test_first_run_asks_the_reviewers_name_once(qtbot, tmp_path, settings):
    services = open_services(tmp_path / "qcdesk.db", tmp_path / "library")
    controller = ProjectController(settings, JobManager(synchronous=True))
    window = controller.start(services)
    qtbot.addWidget(window)
    dialog = controller.name_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue("  Мария Ревьюер ")
    dialog.accept()
    assert settings.get(opts.REVIEWER) == "Мария Ревьюер"
    assert window.services.evaluations.reviewer == "Мария Ревьюер"  # the window followed
    # The next start (and a project switch) does not ask again.
    assert controller.ask_reviewer_name() is None
    settings.set(opts.REVIEWER, "")
    assert controller.ask_reviewer_name() is None  # dismissed or answered: asked once


def test_new_menus_and_dialogs_follow_a_live_language_switch(qtbot, qapp, window):
    from qcdesk.app import install_translators

    dialog = window.manage_consultants()
    qtbot.addWidget(dialog)
    try:
        install_translators(qapp, "ru")
        qapp.processEvents()
        assert window.recent_menu.title() == "&Недавние проекты"
        assert window.action_map["consultants"].text() == "&Консультанты…"
        assert dialog.windowTitle() == "Консультанты"
        assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Консультант"
    finally:
        install_translators(qapp, "en")
        qapp.processEvents()
    assert window.recent_menu.title() == "&Recent projects"
    assert dialog.windowTitle() == "Consultants"
