"""Attachment pictures: thumbnails made in a job, and the full-size viewer.

QPixmap may only be used on the GUI thread, so the job returns QImages (thread-safe) and the
panel turns them into pixmaps when they arrive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from qcdesk.services.dto import AttachmentInfo

THUMB = 96  # px, the longer side of a thumbnail


def load_thumbnails(
    items: Sequence[tuple[int, str]], size: int, *, progress: Any, is_cancelled: Any
) -> dict[int, QImage]:
    """Job body: scaled QImages (thread-safe, unlike QPixmap) read with EXIF orientation.

    JPEG decoders scale while reading, so a 12-megapixel photo costs a fraction of a full
    decode. A picture Qt cannot read (HEIC without a plugin) keeps its kind icon.
    """
    out: dict[int, QImage] = {}
    for i, (attachment_id, path) in enumerate(items):
        if is_cancelled():
            break
        progress(i, len(items), "thumbnails")
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        full = reader.size()
        if full.isValid():
            reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull():
            out[attachment_id] = image
    progress(len(items), len(items), "")
    return out


class AttachmentViewer(QDialog):
    """A photo or screenshot at full size, scaled down only to fit the screen."""

    def __init__(self, info: AttachmentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(info.original_name)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap(info.path)
        if pixmap.isNull():
            self.image_label.setText(self.tr("Cannot show %1").replace("%1", info.original_name))
        else:
            screen = QGuiApplication.primaryScreen().availableGeometry().size() * 0.9
            if pixmap.width() > screen.width() or pixmap.height() > screen.height():
                pixmap = pixmap.scaled(
                    screen,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            self.image_label.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(self.image_label)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        if not pixmap.isNull():
            self.resize(pixmap.size() + QSize(24, 24))
