"""The four tabs of the plans screen, built here to keep `plans_screen` readable.

Each function adds its widgets to the screen as attributes and connects them to its slots;
the texts are set by the screen's ``_retranslate`` so that a language switch relabels them.
The screen is typed ``Any`` here: naming its class would make the two modules import each
other.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcdesk.qtmodels.plans import (
    ColumnsModel,
    DisputesModel,
    ItemsModel,
    ProductivityModel,
    ProgressModel,
    QueueModel,
)


def table(model: ColumnsModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def queue_tab(self: Any, reviewer: str) -> QWidget:
    page = QWidget()
    self.reviewer_label = QLabel()
    self.reviewer_combo = QComboBox()
    self.reviewer_combo.setObjectName("QueueReviewer")
    self.reviewer_combo.setEditable(True)
    self.reviewer_combo.setMinimumWidth(220)
    self.reviewer_combo.setCurrentText(reviewer)
    self.reviewer_combo.currentTextChanged.connect(self._fill_queue)
    self.reviewer_label.setBuddy(self.reviewer_combo)
    self.open_button = QPushButton()
    self.open_button.clicked.connect(self._on_open_button_clicked)
    self.skip_button = QPushButton()
    self.skip_button.clicked.connect(self._on_skip_button_clicked)
    bar = QHBoxLayout()
    bar.addWidget(self.reviewer_label)
    bar.addWidget(self.reviewer_combo)
    bar.addStretch(1)
    bar.addWidget(self.skip_button)
    bar.addWidget(self.open_button)
    self.queue_model = QueueModel(self)
    self.queue_view = table(self.queue_model, "QueueTable")
    self.queue_view.activated.connect(self._on_queue_view_activated)
    self.queue_summary = QLabel()
    box = QVBoxLayout(page)
    box.addLayout(bar)
    box.addWidget(self.queue_view, 1)
    box.addWidget(self.queue_summary)
    return page


def plan_tab(self: Any) -> QWidget:
    page = QWidget()
    self.plan_label = QLabel()
    self.plan_combo = QComboBox()
    self.plan_combo.setObjectName("PlanCombo")
    self.plan_combo.setMinimumWidth(320)
    self.plan_combo.currentIndexChanged.connect(self._fill_plan)
    self.plan_label.setBuddy(self.plan_combo)
    self.dispute_button = QPushButton()
    self.dispute_button.clicked.connect(self._on_dispute_button_clicked)
    self.new_plan_button = QPushButton()
    self.new_plan_button.clicked.connect(self.new_plan)
    self.assign_button = QPushButton()
    self.assign_button.clicked.connect(self._on_assign_button_clicked)
    self.item_skip_button = QPushButton()
    self.item_skip_button.clicked.connect(self._on_item_skip_button_clicked)
    bar = QHBoxLayout()
    bar.addWidget(self.plan_label)
    bar.addWidget(self.plan_combo)
    bar.addWidget(self.new_plan_button)
    bar.addStretch(1)
    bar.addWidget(self.assign_button)
    bar.addWidget(self.item_skip_button)
    bar.addWidget(self.dispute_button)
    self.plan_info = QLabel()
    self.plan_info.setWordWrap(True)
    self.consultant_model = ProgressModel(self)
    self.reviewer_model = ProgressModel(self)
    self.items_model = ItemsModel(self)
    self.consultant_view = table(self.consultant_model, "ConsultantProgress")
    self.reviewer_view = table(self.reviewer_model, "ReviewerProgress")
    self.items_view = table(self.items_model, "PlanItems")
    self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    self.items_view.activated.connect(self._on_items_view_activated)
    self.consultant_caption, self.reviewer_caption = QLabel(), QLabel()
    top = QSplitter(Qt.Orientation.Horizontal)
    for caption, view in ((self.consultant_caption, self.consultant_view),
                          (self.reviewer_caption, self.reviewer_view)):  # fmt: skip
        holder = QWidget()
        col = QVBoxLayout(holder)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(caption)
        col.addWidget(view)
        top.addWidget(holder)
    split = QSplitter(Qt.Orientation.Vertical)
    split.addWidget(top)
    split.addWidget(self.items_view)
    split.setSizes([220, 380])
    box = QVBoxLayout(page)
    box.addLayout(bar)
    box.addWidget(self.plan_info)
    box.addWidget(split, 1)
    return page


def productivity_tab(self: Any) -> QWidget:
    page = QWidget()
    today = QDate.currentDate()
    self.from_edit = QDateEdit(QDate(today.year(), today.month(), 1))
    self.to_edit = QDateEdit(today)
    for edit in (self.from_edit, self.to_edit):
        edit.setCalendarPopup(True)
        edit.dateChanged.connect(self._fill_productivity)
    self.from_label, self.to_label = QLabel(), QLabel()
    bar = QHBoxLayout()
    for w in (self.from_label, self.from_edit, self.to_label, self.to_edit):
        bar.addWidget(w)
    bar.addStretch(1)
    self.productivity_model = ProductivityModel(self)
    self.productivity_view = table(self.productivity_model, "ProductivityTable")
    self.productivity_note = QLabel()
    self.productivity_note.setWordWrap(True)
    box = QVBoxLayout(page)
    box.addLayout(bar)
    box.addWidget(self.productivity_view, 1)
    box.addWidget(self.productivity_note)
    return page


def disputes_tab(self: Any) -> QWidget:
    page = QWidget()
    self.status_combo = QComboBox()
    for code in (None, "open", "accepted", "partially_accepted", "rejected"):
        self.status_combo.addItem("", code)
    self.status_combo.currentIndexChanged.connect(self._fill_disputes)
    self.decide_button = QPushButton()
    self.decide_button.clicked.connect(self._on_decide_button_clicked)
    bar = QHBoxLayout()
    bar.addWidget(self.status_combo)
    bar.addStretch(1)
    bar.addWidget(self.decide_button)
    self.disputes_model = DisputesModel(self)
    self.disputes_view = table(self.disputes_model, "DisputesTable")
    self.disputes_view.activated.connect(self._on_disputes_view_activated)
    self.dispute_detail = QLabel()
    self.dispute_detail.setWordWrap(True)
    self.dispute_detail.setTextFormat(Qt.TextFormat.PlainText)
    self.disputes_view.clicked.connect(self._show_dispute)
    box = QVBoxLayout(page)
    box.addLayout(bar)
    box.addWidget(self.disputes_view, 1)
    box.addWidget(self.dispute_detail)
    return page
