"""The conversation metrics of the interaction under review, beside its team's average.

A number alone says little ("talk share 71 %"); next to the team's usual figure it tells the
reviewer whether this call is typical. The figures are computed by auto-prefill and stored on
the interaction, so the panel only reads them (``PrefillService.metrics_comparison``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from qcdesk.qtmodels.metrics import MetricsTableModel

if TYPE_CHECKING:
    from qcdesk.services.prefill import MetricsComparison


class MetricsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cmp: MetricsComparison | None = None
        self.model = MetricsTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setObjectName("MetricsTable")
        self.view.verticalHeader().hide()
        self.view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)
        self.set_comparison(None)

    def set_comparison(self, cmp: MetricsComparison | None) -> None:
        """Show *cmp* (None: nothing loaded)."""
        self.model.set_comparison(cmp if cmp is not None and cmp.metrics else None)
        has = bool(cmp is not None and cmp.metrics)
        self.view.setVisible(has)
        self.empty.setVisible(not has)
        self._cmp = cmp
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(
            self.tr(
                "No metrics yet. They are computed from the transcript by auto-prefill, "
                "which runs after transcription or chat import."
            )
        )
        self.model.retranslate()
        cmp = self._cmp
        if cmp is None or not cmp.metrics:
            self.caption.clear()
        elif cmp.scope == "team":
            self.caption.setText(
                self.tr(
                    "Average over %n interaction(s) of the team «{team}»", "", cmp.peers
                ).format(team=cmp.scope_name)
            )
        else:
            self.caption.setText(
                self.tr("Average over %n interaction(s) of «{client}»", "", cmp.peers).format(
                    client=cmp.scope_name
                )
            )
        if cmp is not None and cmp.metrics.get("working_hours_only") is True:
            self.caption.setText(
                self.caption.text() + " · " + self.tr("response times count working hours only")
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
