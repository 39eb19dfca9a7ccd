"""The template library and editor on a real service layer, driven from the keyboard.

The main scenario is the issue's "done when": build a sales checklist from scratch, publish,
edit, publish again, and the evaluation filled with version 1 still shows version 1.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from qcdesk import settings as opts
from qcdesk.domain.checklist_schema import check_template
from qcdesk.jobs import JobManager
from qcdesk.qtmodels.templates import ChecklistTreeModel, StagesTableModel, TemplatesTableModel
from qcdesk.services.importer import ImportOptions
from qcdesk.widgets.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, services, stereo_wav, shared_data, tmp_path):
    services.importer.import_paths(
        [stereo_wav, shared_data / "synthetic" / "call_8k_mono.wav"],
        ImportOptions(client="ООО Ромашка", consultant="Анна Петрова", direction="incoming"),
    )
    settings = opts.Settings.from_ini(tmp_path / "settings.ini")
    w = MainWindow(services, settings, JobManager(synchronous=True))
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    return w


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    """Select the field's text and type over it, one key event per character.

    QTest.keyClicks only knows ASCII keys; a key event carrying the text is what a keyboard
    with a Russian layout sends.
    """
    field.setFocus()
    field.selectAll()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def row_of(library, slug: str, version: int | None = None) -> int:
    model = library.model
    return next(
        r
        for r in range(model.rowCount())
        if model.info(r).slug == slug and (version is None or model.info(r).version == version)
    )


def test_models_pass_qtmodeltester(qtmodeltester, services) -> None:
    table = TemplatesTableModel()
    table.set_rows(services.templates.library())
    qtmodeltester.check(table)
    table.set_all_versions(True)
    qtmodeltester.check(table)
    tree = ChecklistTreeModel()
    tree.set_template(services.templates.get("sales-call-ru"))
    qtmodeltester.check(tree)
    stages = StagesTableModel()
    stages.set_stages([("a", "A"), ("b", "B")])
    qtmodeltester.check(stages)


def build_from_scratch(qtbot, editor) -> None:
    """A small sales checklist typed in: two sections, three criteria, a funnel and a goal."""
    type_into(qtbot, editor.fields.title_edit, "Продажи Ромашки")
    type_into(qtbot, editor.fields.id_edit, "romashka-sales")
    editor.action_map["editor_add_section"].trigger()
    type_into(qtbot, editor.section_fields.title_edit, "Контакт")
    editor.action_map["editor_add_criterion"].trigger()
    type_into(qtbot, editor.criterion_fields.title_edit, "Поздоровался")
    editor.action_map["editor_add_criterion"].trigger()
    type_into(qtbot, editor.criterion_fields.title_edit, "Без грубости")
    editor.criterion_fields.weight_spin.setValue(3)
    editor.criterion_fields.critical_check.setChecked(True)
    editor.select(("section", 0))
    editor.action_map["editor_add_section"].trigger()
    type_into(qtbot, editor.section_fields.title_edit, "Завершение")
    editor.action_map["editor_add_criterion"].trigger()
    type_into(qtbot, editor.criterion_fields.title_edit, "Назначил встречу")
    editor.criterion_fields.na_check.setChecked(True)
    editor.criterion_fields.kind_checks["call"].setChecked(True)
    type_into(qtbot, editor.criterion_fields.auto_edit, "{check: next_step}")
    editor.outcome_fields.goal_edit.setPlainText("Клиент записан на встречу")
    for title in ("Приветствие", "Договорённость"):
        editor.outcome_fields.buttons["add"].click()
        row = editor.outcome_fields.current_stage()
        model = editor.outcome_fields.stages_model
        model.setData(model.index(row, 1), title)
        if row == 0:
            assert editor.template().stages[0].id == "privetstvie"  # follows the title
        model.setData(model.index(row, 0), "greeting" if row == 0 else "agreed")


def test_build_publish_edit_publish_and_old_evaluations_keep_their_version(
    qtbot, window, services
) -> None:
    library = window.show_templates()
    client = next(c for c in services.catalog.list_clients() if c.name == "ООО Ромашка")
    library.set_client(client.id)
    library.action_map["template_new"].trigger()
    editor = library.editor
    assert library.stack.currentWidget() is editor
    assert editor.problems  # an empty checklist cannot be published yet
    build_from_scratch(qtbot, editor)

    t = editor.template()
    assert (t.title, t.id) == ("Продажи Ромашки", "romashka-sales")
    assert [s.title for s in t.sections] == ["Контакт", "Завершение"]
    ids = [c.id for c in t.criteria()]
    assert ids == ["pozdorovalsya", "bez_grubosti", "naznachil_vstrechu"]  # transliterated
    rude = t.criterion("bez_grubosti")
    assert rude.critical and rude.weight == 3
    assert t.criterion("naznachil_vstrechu").extra == {
        "applies_to": {"kinds": ["call"]},
        "auto": {"check": "next_step"},
    }
    assert [(s.id, s.title) for s in t.stages] == [
        ("greeting", "Приветствие"),
        ("agreed", "Договорённость"),
    ]
    assert editor.problems == [] and check_template(t) == []
    html = editor.preview.toPlainText()
    assert "Без грубости" in html and "60.0%" in html  # weight 3 of 5

    # Undo walks back one edit at a time; typing in one field is one step.
    editor.undo_stack.undo()  # the last stage id
    editor.undo_stack.undo()  # the last stage title
    assert editor.template().stages[-1].title != "Договорённость"
    editor.undo_stack.redo()
    editor.undo_stack.redo()
    assert editor.template() == t

    assert editor.publish()
    assert library.stack.currentWidget() is library.list_page
    info = library.current_info()
    assert (info.slug, info.version, info.status) == ("romashka-sales", 1, "published")
    assert info.client == "ООО Ромашка"
    library.toggle_default()
    assert library.current_info().default_for == ("ООО Ромашка",)
    library.action_map["templates_back"].trigger()

    # An evaluation with version 1.
    first, second = sorted(r.id for r in window.model.rows())
    window.open_interaction(first)
    ws = window.workspace
    assert ws.form.state().template.id == "romashka-sales"
    assert "v1" in ws.template_switch.text()
    ws.form.set_current("pozdorovalsya")
    ws.form.answer_current(1)
    ws.close_workspace()

    # Edit: a new draft, version 2, published again.
    library = window.show_templates()
    library.table.selectRow(row_of(library, "romashka-sales"))
    library.action_map["template_edit"].trigger()
    editor = library.editor
    assert (editor.version().info.version, editor.version().info.status) == (2, "draft")
    assert editor.fields.id_edit.isReadOnly()  # published ids are fixed
    stages = editor.outcome_fields.stages_model
    assert not stages.flags(stages.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert stages.flags(stages.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    editor.select(("criterion", 0, 0))
    assert editor.criterion_fields.id_edit.isReadOnly()
    type_into(qtbot, editor.criterion_fields.title_edit, "Поздоровался первым")
    assert editor.template().sections[0].criteria[0].id == "pozdorovalsya"  # kept
    editor.action_map["editor_add_criterion"].trigger()
    type_into(qtbot, editor.criterion_fields.title_edit, "Назвал компанию")
    assert editor.publish()
    assert library.current_info().version == 2
    evaluations = library.model.index(row_of(library, "romashka-sales"), 6)
    # v2 has none yet (the list used to show v1's one beside "version 2"); the total follows.
    assert evaluations.data() == "0 (1 in all versions)"
    library.action_map["templates_back"].trigger()

    # The old evaluation still shows version 1; a new one gets version 2.
    window.open_interaction(first)
    ws = window.workspace
    state = ws.form.state()
    assert state.template.version == 1 and "v1" in ws.template_switch.text()
    assert [c.title for c in state.template.criteria()][0] == "Поздоровался"
    assert state.answers["pozdorovalsya"].value == "yes"
    window.open_interaction(second)
    assert ws.form.state().template.version == 2 and "v2" in ws.template_switch.text()

    # Re-score the old one explicitly: a dialog says what changes, then it moves to v2.
    window.open_interaction(first)
    ws.template_switch.refresh_menu()
    assert ws.action_map["rescore"].isEnabled()
    dialog = ws.template_switch.ask_rescore()
    assert "v1 → " in dialog.summary.text() and "Назвал компанию" in dialog.summary.text()
    dialog.accept()
    state = ws.form.state()
    assert state.template.version == 2 and state.answers["pozdorovalsya"].value == "yes"
    assert "v2" in ws.template_switch.text()
    assert not ws.action_map["rescore"].isEnabled()


def test_switch_template_for_one_interaction(qtbot, window) -> None:
    first = sorted(r.id for r in window.model.rows())[0]
    window.open_interaction(first)
    ws = window.workspace
    assert ws.form.state().template.id == "sales-call-ru"
    ws.template_switch.refresh_menu()
    titles = [a.text() for a in ws.template_switch.choices_menu.actions()]
    assert titles == ["Sales: phone call · v1"]  # calls only, the current one left out
    ws.template_switch.choices_menu.actions()[0].trigger()
    dialog = ws.template_switch.dialog
    assert dialog is not None and dialog.apply_button.isEnabled()
    assert "телефонный звонок v1 → Sales: phone call v1" in dialog.summary.text()
    dialog.accept()
    assert ws.form.state().template.id == "sales-call-en"
    assert "Sales: phone call · v1" == ws.template_switch.text()


def test_structure_keys_drag_duplicate_delete_and_undo(qtbot, window, services) -> None:
    library = window.show_templates()
    library.table.selectRow(row_of(library, "sales-call-ru"))
    library.edit_current()
    editor = library.editor
    before = editor.template()
    first_ids = [c.id for c in before.sections[0].criteria]
    editor.select(("criterion", 0, 1))
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [c.id for c in editor.template().sections[0].criteria][:2] == first_ids[1::-1]
    assert editor.selected_path() == ("criterion", 0, 0)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # stays first
    editor.select(("criterion", 0, len(first_ids) - 1))
    qtbot.keyClick(editor.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert editor.template().sections[1].criteria[0].id == first_ids[-1]  # into next section

    editor.action_map["editor_duplicate"].trigger()
    copy = editor.template().sections[1].criteria[1]
    assert copy.id == f"{first_ids[-1]}_2" and copy.title == before.sections[0].criteria[-1].title
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    assert f"{first_ids[-1]}_2" not in {c.id for c in editor.template().criteria()}

    # Drag a section onto the top: reported by the model, applied as one undoable edit.
    model = editor.tree_model
    data = model.mimeData([model.index(2, 0)])
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    qtbot.waitUntil(lambda: editor.template().sections[0].title == before.sections[2].title)
    # A criterion dropped on another section's criterion goes before it.
    data = model.mimeData([model.index(0, 0, model.index(1, 0))])
    target = model.index(0, 0, model.index(0, 0))
    moving = editor.template().sections[1].criteria[0].id
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    qtbot.waitUntil(lambda: editor.template().sections[0].criteria[0].id == moving)

    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
    assert editor.template() == before
    editor.action_map["editor_back"].trigger()
    assert library.stack.currentWidget() is library.list_page


def test_problems_are_shown_and_block_publishing(qtbot, window, services) -> None:
    library = window.show_templates()
    library.table.selectRow(row_of(library, "sales-call-ru"))
    library.edit_current()
    editor = library.editor
    editor.select(("criterion", 0, 0))
    editor.criterion_fields.weight_spin.setValue(0)
    editor.criterion_fields.answer_combo.setCurrentIndex(0)
    c = editor.template().sections[0].criteria[0]
    editor.apply(
        dataclasses.replace(
            editor.template(),
            sections=(
                dataclasses.replace(
                    editor.template().sections[0], criteria=(c, dataclasses.replace(c, title="X"))
                ),
                *editor.template().sections[1:],
            ),
        ),
        "dup",
    )
    messages = [p.message for p in editor.problems]
    assert any("greater than 0" in m for m in messages)
    assert any("duplicate criterion id" in m for m in messages)
    assert editor.tree_model.data(editor.tree_model.index_of(("criterion", 0, 0)),
                                  Qt.ItemDataRole.ForegroundRole) is not None  # fmt: skip
    shown = editor.problems_model.item(0).text()
    assert shown  # translated text of the first problem
    assert not editor.publish()
    assert "problem" in editor.status_label.text()
    assert library.stack.currentWidget() is editor
    editor.problems_view.setCurrentIndex(editor.problems_model.index(0, 0))
    editor._on_problems_view_activated(editor.problems_model.index(0, 0))
    assert editor.selected_path()[0] in ("criterion", "section")


def test_library_duplicate_export_import_and_archive(qtbot, window, services, tmp_path) -> None:
    library = window.show_templates()
    library.table.selectRow(row_of(library, "sales-call-ru"))
    out = library.export_current("yaml", tmp_path / "exported.yaml")
    assert out is not None and out.read_text(encoding="utf-8").startswith("id: sales-call-ru")
    assert library.export_current("pdf", tmp_path / "form.pdf").stat().st_size > 1000
    opened = library.duplicate_current()
    assert (
        opened.info.slug == "sales-call-ru-copy" and library.stack.currentWidget() is library.editor
    )
    library.editor.action_map["editor_back"].trigger()
    assert library.current_info().status == "draft"
    assert library.action_map["template_publish"].isEnabled()
    assert library.publish_current()
    library.archive_current()
    assert library.current_info().status == "archived"
    text = out.read_text(encoding="utf-8").replace("id: sales-call-ru", "id: imported-one", 1)
    (tmp_path / "imp.yaml").write_text(text, encoding="utf-8")
    assert library.import_yaml(tmp_path / "imp.yaml") == ("imported-one", 1)
    assert row_of(library, "imported-one") is not None
