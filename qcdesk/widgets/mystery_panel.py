"""The mystery-visit panel of the review workspace: the assignment and its evidence files.

Fields save as soon as a value is complete (see `AssignmentFields`). Attachments are added
with a file dialog or by dropping files on the panel; copying and checking them (a phone
recording is decoded once) runs in a job, as does making the photo thumbnails, so a dozen
large photos never freeze the window. A double click opens a photo full size.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.domain.checklist import ChecklistTemplate
from qcdesk.errors import KnownError
from qcdesk.jobs import FunctionJob, JobManager
from qcdesk.qtmodels.attachments import ATTACHMENT_ROLE, IMAGE_KINDS, AttachmentsModel
from qcdesk.services.dto import AttachmentInfo, ImportFailure, MysteryAssignmentInfo
from qcdesk.widgets.attachment_viewer import THUMB, AttachmentViewer, load_thumbnails
from qcdesk.widgets.messages import failure_text, show_known_error
from qcdesk.widgets.visit_dialog import AssignmentFields, mystery_channel_label

if TYPE_CHECKING:
    from qcdesk.services.context import Services


class MysteryPanel(QWidget):
    """Assignment fields above the attachments of one visit."""

    changed = Signal(int)  # interaction id whose assignment (list columns) changed
    media_changed = Signal(int)  # an audio attachment came or went: reload the player

    def __init__(self, services: Services, jobs: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._info: MysteryAssignmentInfo | None = None
        self._template: ChecklistTemplate | None = None
        self._thumb_job: FunctionJob | None = None
        self.add_job: FunctionJob | None = None
        self.viewer: AttachmentViewer | None = None
        self.setAcceptDrops(True)
        self.setMinimumWidth(300)

        self.title_label = QLabel()
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.fields = AssignmentFields(services.catalog, client_editable=False, parent=self)
        self.attachments_label = QLabel()
        self.model = AttachmentsModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setIconSize(QSize(THUMB, THUMB))
        self.view.setGridSize(QSize(THUMB + 40, THUMB + 44))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(False)
        self.view.setAcceptDrops(False)  # drops go to the panel, which attaches the files
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.add_button = QPushButton()
        self.evidence_button = QPushButton()
        self.remove_button = QPushButton()
        buttons = QHBoxLayout()
        for b in (self.add_button, self.evidence_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.fields)
        layout.addSpacing(6)
        layout.addWidget(self.attachments_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.fields.edited.connect(self._on_fields_edited)
        self.add_button.clicked.connect(self.choose_files)
        self.evidence_button.clicked.connect(self._on_evidence_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._retranslate()
        self._update_buttons()

    def _retranslate(self) -> None:
        self.attachments_label.setText(self.tr("Evidence: photos, audio, screenshots, documents"))
        self.add_button.setText(self.tr("Add files…"))
        self.add_button.setToolTip(self.tr("Or drop files on this panel"))
        self.evidence_button.setText(self.tr("Evidence for…"))
        self.evidence_button.setToolTip(self.tr("Link the selected file to checklist criteria"))
        self.remove_button.setText(self.tr("Remove"))
        self.model.retranslate()
        self._show_title()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- loading ------------------------------------------------------------------------------
    def interaction_id(self) -> int | None:
        return None if self._info is None else self._info.interaction_id

    def load(self, interaction_id: int, template: ChecklistTemplate | None) -> bool:
        """Show the visit's assignment; False (panel cleared) when it has none."""
        self.flush()
        self._info = self._services.mystery.get(interaction_id)
        self._template = template
        titles = {c.id: c.title for c in template.criteria()} if template else {}
        self.model.set_criteria_titles(titles)
        if self._info is None:
            self.model.set_rows([])
            return False
        self.fields.set_assignment(self._info)
        self._show_title()
        self.reload_attachments()
        return True

    def reload_attachments(self) -> None:
        if self._info is None:
            return
        rows = self._services.mystery.list_attachments(self._info.interaction_id)
        self.model.set_rows(rows)
        self._update_buttons()
        todo = [
            (a.id, a.path)
            for a in rows
            if a.kind in IMAGE_KINDS and not self.model.has_thumbnail(a.id)
        ]
        if self._thumb_job is not None:
            self._thumb_job.cancel()
            self._thumb_job = None
        if todo:
            job = FunctionJob(load_thumbnails, todo, THUMB)
            job.signals.finished.connect(self._on_thumb_job_finished)
            self._thumb_job = job
            self._jobs.submit(job)

    def flush(self) -> None:
        self.fields.flush()

    def _show_title(self) -> None:
        # Not inside the f-string: lupdate does not see a tr() call there.
        title = self.tr("Mystery shopping")
        if self._info is None:
            self.title_label.setText(f"<b>{title}</b>")
            return
        channel = mystery_channel_label(self._info.channel)
        self.title_label.setText(f"<b>{title}</b> · {channel}")

    # -- attachments --------------------------------------------------------------------------
    def selected(self) -> AttachmentInfo | None:
        index = self.view.currentIndex()
        return index.data(ATTACHMENT_ROLE) if index.isValid() else None

    def select(self, attachment_id: int) -> None:
        for row, info in enumerate(self.model.rows()):
            if info.id == attachment_id:
                self.view.setCurrentIndex(self.model.index(row))

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach evidence"),
            "",
            self.tr("Photos, audio and documents (*.jpg *.jpeg *.png *.heic *.webp *.wav *.mp3 "
                    "*.m4a *.ogg *.opus *.amr *.pdf *.docx *.txt);;All files (*)"),
        )  # fmt: skip
        if files:
            self.add_files([Path(f) for f in files])

    def add_files(self, paths: Sequence[Path]) -> FunctionJob | None:
        """Copy and check *paths* in a job; the list refreshes when it ends."""
        if self._info is None or not paths or self.add_job is not None:
            return None
        job = FunctionJob(
            self._services.mystery.add_attachments, self._info.interaction_id, list(paths)
        )
        job.signals.finished.connect(self._on_add_job_finished)
        job.signals.failed.connect(self._on_add_job_failed)
        job.signals.crashed.connect(self._on_add_job_crashed)
        self.add_job = job
        self.add_button.setEnabled(False)
        self._jobs.submit(job)
        return job

    def set_evidence(self, attachment_id: int, criterion_id: str, linked: bool) -> None:
        info = self._services.mystery.link_criterion(attachment_id, criterion_id, linked)
        self.model.update_row(info)

    def criteria_menu(self, info: AttachmentInfo) -> QMenu:
        """A check box per criterion of the visit's form; ticking one links the file to it."""
        menu = QMenu(self)
        if self._template is None:
            return menu
        for section in self._template.sections:
            menu.addSection(section.title)
            for c in section.criteria:
                action = QAction(c.title, menu)
                action.setCheckable(True)
                action.setChecked(c.id in info.criteria)
                action.setData(c.id)
                action.toggled.connect(
                    lambda on, cid=c.id, aid=info.id: self.set_evidence(aid, cid, on)
                )
                menu.addAction(action)
        return menu

    def remove(self, attachment_id: int) -> None:
        info = next((a for a in self.model.rows() if a.id == attachment_id), None)
        try:
            self._services.mystery.remove_attachment(attachment_id)
        except KnownError as err:
            show_known_error(self, err)
        self.reload_attachments()
        if info is not None and info.is_media and self._info is not None:
            self.media_changed.emit(self._info.interaction_id)

    def open_attachment(self, info: AttachmentInfo) -> None:
        """Photos open in the viewer; audio and documents in the system's own application."""
        if info.kind in IMAGE_KINDS:
            self.viewer = AttachmentViewer(info, self)
            self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.viewer.open()
        else:
            QDesktopServices.openUrl(QUrl.fromLocalFile(info.path))

    # -- slots --------------------------------------------------------------------------------
    def _update_buttons(self, *_args: object) -> None:
        has = self.selected() is not None
        self.evidence_button.setEnabled(has and self._template is not None)
        self.remove_button.setEnabled(has)
        self.add_button.setEnabled(self._info is not None and self.add_job is None)

    def _on_fields_edited(self) -> None:
        if self._info is None:
            return
        draft = self.fields.draft()
        if draft == self._info.draft():
            return
        # The client is not edited here; keep the stored name exactly.
        draft = dataclasses.replace(draft, client=self._info.client)
        try:
            self._info = self._services.mystery.update(self._info.interaction_id, draft)
        except KnownError as err:
            show_known_error(self, err)
            return
        self._show_title()
        self.changed.emit(self._info.interaction_id)

    def _on_thumb_job_finished(self, images: dict[int, QImage]) -> None:
        if self._thumb_job is None or self.sender() is not self._thumb_job.signals:
            return  # thumbnails of a visit we have since left
        self._thumb_job = None
        for attachment_id, image in images.items():
            self.model.set_thumbnail(attachment_id, QPixmap.fromImage(image))

    def _on_add_job_finished(
        self, result: tuple[list[AttachmentInfo], list[ImportFailure]]
    ) -> None:
        self.add_job = None
        added, failed = result
        self.reload_attachments()
        if added:
            self.select(added[-1].id)
        if failed:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Some files were not attached"))
            box.setText("\n".join(failure_text(f) for f in failed))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        if any(a.is_media for a in added) and self._info is not None:
            self.media_changed.emit(self._info.interaction_id)

    def _on_add_job_failed(self, err: KnownError) -> None:
        self.add_job = None
        self._update_buttons()
        show_known_error(self, err)

    def _on_add_job_crashed(self, _text: str) -> None:
        self.add_job = None  # the job manager reports the bug itself
        self._update_buttons()

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        self.open_attachment(index.data(ATTACHMENT_ROLE))

    def _on_evidence_button_clicked(self) -> None:
        info = self.selected()
        if info is not None:
            menu = self.criteria_menu(info)
            menu.popup(self.evidence_button.mapToGlobal(self.evidence_button.rect().bottomLeft()))

    def _on_view_context_menu_requested(self, pos: Any) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.criteria_menu(index.data(ATTACHMENT_ROLE)).popup(self.view.mapToGlobal(pos))

    def _on_remove_button_clicked(self) -> None:
        info = self.selected()
        if info is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove evidence"))
        box.setText(self.tr("Remove %1 from this visit?").replace("%1", info.original_name))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda aid=info.id: self.remove(aid))
        box.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._info is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths)
