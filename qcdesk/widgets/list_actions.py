"""The interactions list's context menu and what it does to a selection.

Export writes what the table shows (its rows in their order, its visible columns in their
order, the texts as displayed), so the file matches the screen the reviewer filtered. Bulk
actions act on every selected row through the services; the window reloads after each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QTableView, QWidget

from qcdesk import settings as opts
from qcdesk.errors import KnownError
from qcdesk.widgets.messages import known_error_text, show_known_error


def shown_table(table: QTableView) -> tuple[list[str], list[list[str]]]:
    """The headers and display texts of *table*: visible columns in visual order, all rows."""
    model, header = table.model(), table.horizontalHeader()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    columns = [c for c in columns if not header.isSectionHidden(c)]
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
    rows = []
    for r in range(model.rowCount()):
        rows.append([_text(model.index(r, c).data()) for c in columns])
    return headers, rows


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class ListActions(QObject):
    """Context menu, export and bulk actions of the main window's interactions table."""

    changed = Signal()  # interactions changed: reload the list

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.services = window.services
        self.last_dialog: Any = None

    # -- context menu ---------------------------------------------------------------------------
    def menu(self) -> QMenu:
        """The menu for the current selection (one row: details too; several: bulk only)."""
        a = self.window.action_map
        ids = self.window.selected_interaction_ids()
        menu = QMenu(self.window)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(a["open_interaction"])
        menu.addAction(a["edit_metadata"])
        menu.addSeparator()
        assign = menu.addMenu(self.tr("Assign &consultant"))
        self._fill_assign_menu(assign, ids)
        menu.addAction(a["transcribe_selected"])
        menu.addAction(a["mark_selected_reviewed"])
        menu.addAction(a["mark_selected_unreviewed"])
        menu.addSeparator()
        menu.addAction(a["export_list"])
        a["open_interaction"].setEnabled(len(ids) == 1)
        a["edit_metadata"].setEnabled(len(ids) == 1)
        for name in ("transcribe_selected", "mark_selected_reviewed", "mark_selected_unreviewed"):
            a[name].setEnabled(bool(ids))
        return menu

    def popup(self, pos: QPoint) -> QMenu:
        table: QTableView = self.window.table
        menu = self.menu()
        menu.popup(table.viewport().mapToGlobal(pos))
        return menu

    def _fill_assign_menu(self, menu: QMenu, ids: list[int]) -> None:
        """Consultants of the selection's company; disabled when rows of several are selected."""
        rows = self._rows(ids)
        clients = {r.client_id for r in rows}
        if len(clients) != 1:
            menu.setEnabled(False)
            if len(clients) > 1:
                menu.setTitle(menu.title() + " " + self.tr("(one company at a time)"))
            return
        client_id = next(iter(clients))
        none = menu.addAction(self.tr("(not assigned)"))
        none.triggered.connect(lambda: self.assign(ids, None))
        menu.addSeparator()
        for person in self.services.catalog.list_consultants(client_id, active_only=True):
            action = menu.addAction(person.name)
            action.triggered.connect(lambda _=False, pid=person.id: self.assign(ids, pid))

    def _rows(self, interaction_ids: list[int]) -> list[Any]:
        """The listed InteractionRows of *interaction_ids* (ids no longer listed are skipped)."""
        model = self.window.model
        positions = [model.row_of(i) for i in interaction_ids]
        return [model.row_at(p) for p in positions if p is not None]

    # -- bulk actions ---------------------------------------------------------------------------
    def assign(self, interaction_ids: list[int], consultant_id: int | None) -> int:
        try:
            n: int = self.services.metadata.assign_consultant(interaction_ids, consultant_id)
        except KnownError as err:
            show_known_error(self.window, err)
            return 0
        self.changed.emit()
        self.window.statusBar().showMessage(self.tr("Assigned %n interaction(s).", "", n), 5000)
        return n

    def mark(self, interaction_ids: list[int], status: str, confirm: bool = True) -> int:
        """Mark each interaction "reviewed" or "in_progress" (not reviewed); returns how many.

        Marking reviewed signs the forms off as they are, so it asks first; interactions
        already in that state are left alone. Refusals (a form the review rules will not let
        pass) are collected and shown together, and the others are still marked.
        """
        rows = self._rows(interaction_ids)
        if status == "reviewed":
            todo = [r.id for r in rows if r.status != "reviewed"]
        else:
            todo = [r.id for r in rows if r.status == "reviewed"]
        if not todo:
            return 0
        if confirm and not self._confirm_mark(len(todo), status):
            return 0
        done, problems = 0, []
        for interaction_id in todo:
            try:
                ev = self.services.evaluations.open(interaction_id)
                self.services.evaluations.set_status(ev.evaluation_id, status)
                done += 1
            except KnownError as err:
                problems.append(known_error_text(err))
        self.changed.emit()
        if problems:
            box = QMessageBox(self.window)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Some interactions were not marked"))
            box.setText(self.tr("%n interaction(s) could not be marked:", "", len(problems)))
            box.setDetailedText("\n".join(problems))
            box.open()
            self.last_dialog = box
        self.window.statusBar().showMessage(self.tr("Marked %n interaction(s).", "", done), 5000)
        return done

    def _confirm_mark(self, n: int, status: str) -> bool:
        if status == "reviewed":
            text = self.tr(
                "Mark %n interaction(s) as reviewed? Their forms are signed off as they are now; "
                "suggestions left in place count as the reviewer's answers.",
                "",
                n,
            )
        else:
            text = self.tr(
                "Mark %n interaction(s) as not reviewed? They leave the reports until they are "
                "reviewed again.",
                "",
                n,
            )
        answer = QMessageBox.question(self.window, self.tr("Mark interactions"), text)
        return answer == QMessageBox.StandardButton.Yes

    # -- details --------------------------------------------------------------------------------
    def edit_metadata(self, interaction_id: int, parent: QWidget | None = None) -> Any:
        from qcdesk.widgets.metadata_dialog import MetadataDialog

        dialog = MetadataDialog(self.services, interaction_id, parent or self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_metadata_dialog_saved)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def _on_metadata_dialog_saved(self, _interaction_id: int) -> None:
        self.changed.emit()

    # -- export ---------------------------------------------------------------------------------
    def choose_export(self) -> Path | None:
        settings: opts.Settings = self.window.settings
        start = Path(settings.get(opts.LAST_IMPORT_DIR) or Path.home()) / "qcdesk.xlsx"
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export the list"),
            str(start),
            self.tr("Excel workbook (*.xlsx);;CSV, semicolon-separated (*.csv)"),
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
        return self.export(target)

    def export(self, path: Path) -> Path | None:
        """Write the table as shown to *path* (.xlsx or .csv)."""
        from qcdesk.reports.table_export import write_table

        headers, rows = shown_table(self.window.table)
        try:
            write_table(path, headers, rows, title=self.tr("Interactions"))
        except KnownError as err:
            show_known_error(self.window, err)
            return None
        self.window.statusBar().showMessage(
            self.tr("Exported %n row(s) to %1.", "", len(rows)).replace("%1", str(path)), 8000
        )
        return path
