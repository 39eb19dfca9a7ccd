"""The calibration screen: sessions, blind scoring, the comparison and the reference.

A participant picks their name and scores each interaction in the normal checklist form; the
others' answers are not shown anywhere until everyone has submitted or the lead closes the
session (the service refuses the results before that, so the *Comparison* tab stays empty).
The lead then records the agreed answers of each interaction as its reference, starting from
the majority. Outcome and sign-off are hidden in these forms: they belong to the review.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk.actions import build_actions, retranslate_actions
from qcdesk.errors import KnownError
from qcdesk.playback import PlaybackController
from qcdesk.services.calibration import CalibrationInfo
from qcdesk.services.context import Services
from qcdesk.widgets.calibration_alignment import AlignmentPanel
from qcdesk.widgets.calibration_compare import CalibrationComparison
from qcdesk.widgets.calibration_dialog import NewCalibrationDialog
from qcdesk.widgets.checklist_form import ChecklistForm
from qcdesk.widgets.criterion_row import speaker_label
from qcdesk.widgets.messages import known_error_text


class CalibrationScreen(QWidget):
    closed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._info: CalibrationInfo | None = None
        self.selected: list[int] = []  # the list's selection, offered for a new session
        self.controller = PlaybackController(self)
        self.action_map = build_actions(self, scope="calibration")
        self.addActions(list(self.action_map.values()))
        self.back_button = QToolButton(self)
        self.back_button.setDefaultAction(self.action_map["calibration_back"])
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.back_button.setAutoRaise(True)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.session_combo = QComboBox(self)
        self.session_combo.setMinimumContentsLength(28)
        self.session_combo.currentIndexChanged.connect(self._on_session_combo_changed)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_session)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close_session)
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.session_combo)
        head.addWidget(self.new_button)
        head.addWidget(self.close_button)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()

        # Scoring: who I am, which interaction, the transcript beside the normal form.
        self.person_combo = QComboBox(self)
        self.person_combo.currentIndexChanged.connect(self._load_form)
        self.item_combo = QComboBox(self)
        self.item_combo.currentIndexChanged.connect(self._load_form)
        self.play_button = QPushButton(self)
        self.play_button.clicked.connect(self.controller.toggle)
        self.submit_button = QPushButton(self)
        self.submit_button.clicked.connect(self.submit)
        self.person_label, self.item_label = QLabel(self), QLabel(self)
        bar = QHBoxLayout()
        for w in (self.person_label, self.person_combo, self.item_label, self.item_combo):
            bar.addWidget(w)
        bar.addWidget(self.play_button)
        bar.addStretch(1)
        bar.addWidget(self.submit_button)
        self.transcript = QPlainTextEdit(self)
        self.transcript.setReadOnly(True)
        self.form = ChecklistForm(services.evaluations, self.controller, self)
        self.form.set_compare_mode()
        self.form.error.connect(self._show_error)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.transcript)
        split.addWidget(self.form)
        split.setStretchFactor(1, 2)
        score = QWidget(self)
        box = QVBoxLayout(score)
        box.addLayout(bar)
        box.addWidget(split, 1)

        self.comparison = CalibrationComparison(self)

        # The reference: the lead's agreed answers, one interaction at a time.
        self.ref_combo = QComboBox(self)
        self.ref_combo.currentIndexChanged.connect(self._load_reference)
        self.ref_hint = QLabel(self)
        self.ref_hint.setWordWrap(True)
        self.record_button = QPushButton(self)
        self.record_button.clicked.connect(self.record_reference)
        self.ref_form = ChecklistForm(services.evaluations, self.controller, self)
        self.ref_form.set_compare_mode()
        self.ref_form.error.connect(self._show_error)
        reference = QWidget(self)
        rbox = QVBoxLayout(reference)
        rbar = QHBoxLayout()
        rbar.addWidget(self.ref_combo, 1)
        rbar.addWidget(self.record_button)
        rbox.addLayout(rbar)
        rbox.addWidget(self.ref_hint)
        rbox.addWidget(self.ref_form, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(score, "")
        self.tabs.addTab(self.comparison, "")
        self.tabs.addTab(reference, "")
        self.alignment = AlignmentPanel(services, self)
        self.tabs.addTab(self.alignment, "")
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.status)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        self.action_map["calibration_back"].triggered.connect(self.leave)
        self._retranslate()
        self.refresh()

    # -- language ----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Calibration"))
        self.new_button.setText(self.tr("New session…"))
        self.close_button.setText(self.tr("Close session"))
        self.close_button.setToolTip(
            self.tr("Show the comparison now, without the answers of those who did not submit")
        )
        self.person_label.setText(self.tr("I am"))
        self.item_label.setText(self.tr("Interaction"))
        self.play_button.setText(self.tr("Play / pause"))
        self.submit_button.setText(self.tr("Submit my answers"))
        self.record_button.setText(self.tr("Record as reference"))
        self.ref_hint.setText(
            self.tr(
                "The form starts from the majority answers; decide the rest and record it. The "
                "reference becomes the golden answer for this interaction; it never counts in "
                "reports."
            )
        )
        self.tabs.setTabText(0, self.tr("Score blind"))
        self.tabs.setTabText(1, self.tr("Comparison"))
        self.tabs.setTabText(2, self.tr("Reference"))
        self.tabs.setTabText(3, self.tr("Reviewer alignment"))
        self.alignment.retranslate()
        retranslate_actions(self.action_map)
        self.comparison.retranslate()
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- sessions ----------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        """Reload the sessions (newest first), keeping or choosing *select*."""
        wanted = select if select is not None else self.session_combo.currentData()
        with QSignalBlocker(self.session_combo):
            self.session_combo.clear()
            for info in self._services.calibration.sessions():
                label = f"#{info.id} {info.client}" + (f" — {info.title}" if info.title else "")
                self.session_combo.addItem(label, info.id)
            self.session_combo.setCurrentIndex(max(0, self.session_combo.findData(wanted)))
        self._on_session_combo_changed()

    @Slot()
    def new_session(self, interactions: list[int] | None = None) -> None:
        dialog = NewCalibrationDialog(self._services, interactions or self.selected, self)
        if dialog.exec() and dialog.created is not None:
            self.refresh(dialog.created.id)

    @Slot()
    def close_session(self) -> None:
        if self._info is not None:
            session = self._info.id
            self._guard(lambda: self._services.calibration.close(session))
            self._on_session_combo_changed()

    @Slot()
    def _on_session_combo_changed(self, *_: object) -> None:
        sid = self.session_combo.currentData()
        self._info = None if sid is None else self._services.calibration.info(sid)
        info = self._info
        me = self.person_combo.currentText() or self._services.evaluations.reviewer
        blockers = [QSignalBlocker(c) for c in (self.person_combo, self.item_combo, self.ref_combo)]
        for combo in (self.person_combo, self.item_combo, self.ref_combo):
            combo.clear()
        for name, _done in info.participants if info else ():
            self.person_combo.addItem(name, name)
        self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(me)))
        labels = self.labels()
        for item in info.items if info else ():
            self.item_combo.addItem(labels[item.interaction_id], item.interaction_id)
            self.ref_combo.addItem(labels[item.interaction_id], item.interaction_id)
        for blocker in blockers:
            blocker.unblock()
        self.close_button.setEnabled(info is not None and info.status == "open")
        self._load_form()
        self._load_results()

    def labels(self) -> dict[int, str]:
        """How the screen names each interaction of the session: number, consultant, date."""
        out = {}
        for item in self._info.items if self._info else ():
            when = item.started_at.strftime("%d.%m.%Y %H:%M") if item.started_at else ""
            out[item.interaction_id] = " · ".join(
                p for p in (f"#{item.interaction_id}", item.consultant, when) if p
            )
        return out

    # -- scoring -----------------------------------------------------------------------------

    @Slot()
    def _load_form(self, *_: object) -> None:
        info, person, iid = (
            self._info,
            self.person_combo.currentData(),
            self.item_combo.currentData(),
        )
        self.form.setEnabled(False)
        self.submit_button.setEnabled(False)
        if info is None or person is None or iid is None:
            self.transcript.clear()
            return
        done = dict(info.participants).get(person, False)
        if not self._guard(lambda: self.form.set_state(
            self._services.calibration.open_form(info.id, person, iid)
        )):  # fmt: skip
            return
        detail = self._services.interactions.get(iid)
        self.controller.load(detail.media.path if detail.media else None)
        self.play_button.setEnabled(detail.media is not None)
        self.transcript.setPlainText(
            "\n".join(f"{speaker_label(s.speaker)}: {s.text}" for s in detail.transcript.segments)
            if detail.transcript
            else self.tr("No transcript.")
        )
        editable = info.status == "open" and not done
        self.form.setEnabled(editable)
        self.submit_button.setEnabled(editable)
        self._show_status()

    @Slot()
    def submit(self) -> None:
        """Make the chosen participant's answers final (every interaction must be answered)."""
        info, person = self._info, self.person_combo.currentData()
        if info is None or person is None:
            return
        self.form.flush()
        if self._guard(lambda: self._services.calibration.submit(info.id, person)):
            self._on_session_combo_changed()

    # -- comparison and reference ------------------------------------------------------------

    def _load_results(self) -> None:
        info = self._info
        results = None
        if info is not None and info.results_open:
            results = self._services.calibration.results(info.id)
        self.comparison.set_results(results, self.labels())
        self.tabs.setTabEnabled(1, results is not None)
        self.tabs.setTabEnabled(2, results is not None)
        self._load_reference()
        self.alignment.refresh(self._info.client_id if self._info else None)
        self._show_status()

    @Slot()
    def _load_reference(self, *_: object) -> None:
        info, iid = self._info, self.ref_combo.currentData()
        self.ref_form.setEnabled(False)
        self.record_button.setEnabled(False)
        if info is None or iid is None or not info.results_open:
            return
        if self._guard(lambda: self.ref_form.set_state(
            self._services.calibration.open_reference(info.id, iid)
        )):  # fmt: skip
            self.ref_form.setEnabled(True)
            self.record_button.setEnabled(True)

    @Slot()
    def record_reference(self) -> None:
        """Record the reference form's answers as the interaction's agreed answers."""
        state = self.ref_form.state()
        if self._info is None or state is None:
            return
        self.ref_form.flush()
        if self._guard(lambda: self._services.evaluations.set_status(
            state.evaluation_id, "reviewed", confirm_incomplete=True
        )):  # fmt: skip
            self._on_session_combo_changed()

    # -- feedback ----------------------------------------------------------------------------

    def _guard(self, action: object) -> bool:
        """Run *action*; a KnownError is shown above the tabs instead of escaping."""
        try:
            action()  # type: ignore[operator]
        except KnownError as err:
            self._show_error(known_error_text(err))
            return False
        self.error_label.hide()
        return True

    @Slot(str)
    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _show_status(self) -> None:
        info = self._info
        if info is None:
            self.status.setText(self.tr("No calibration session yet: start one with New session."))
            return
        people = ", ".join(f"{n} ✓" if done else n for n, done in info.participants)
        recorded = sum(1 for i in info.items if i.reference_id is not None)
        if info.results_open:
            text = self.tr(
                "Answers are open for comparison. References recorded: {done} of {all}."
            ).format(done=recorded, all=len(info.items))
        else:
            text = self.tr(
                "Blind scoring: nobody sees the others' answers until everyone has submitted "
                "or the session is closed."
            )
        self.status.setText(self.tr("Participants: {people}.").format(people=people) + " " + text)

    @Slot()
    def leave(self) -> None:
        """Save pending comments, stop playback and go back (Escape, the back button)."""
        self.form.flush()
        self.ref_form.flush()
        self.controller.load(None)
        self.closed.emit()
