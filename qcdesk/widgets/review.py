"""The review workspace: listen, read and score one interaction without leaving the keyboard.

Everything here talks to one `PlaybackController`; the waveform peaks come from a job so a
long call never freezes the window; keys come from the actions registry (scope "review") with
a widget-with-children context, so they act only inside the workspace and text fields keep
their own keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSlider,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qcdesk import settings as opts
from qcdesk.actions import build_actions, shortcut
from qcdesk.domain.working_hours import WorkingHours
from qcdesk.errors import KnownError
from qcdesk.jobs import FunctionJob, JobManager
from qcdesk.playback import RATES, PlaybackController
from qcdesk.qtmodels.labels import format_customer, format_datetime
from qcdesk.qtmodels.transcript import format_time
from qcdesk.services.dto import InteractionDetail, MediaInfo
from qcdesk.widgets.chat_view import ChatView
from qcdesk.widgets.checklist_form import ChecklistForm
from qcdesk.widgets.layouts import layout_widgets
from qcdesk.widgets.messages import known_error_text
from qcdesk.widgets.metrics_panel import MetricsPanel
from qcdesk.widgets.mystery_panel import MysteryPanel
from qcdesk.widgets.template_switch import TemplateSwitch
from qcdesk.widgets.transcript import TranscriptPane
from qcdesk.widgets.waveform import WaveformView

if TYPE_CHECKING:
    from qcdesk.services.context import Services


def compute_peaks(interactions: Any, media: MediaInfo, *, progress: Any, is_cancelled: Any) -> Any:
    """Job body: the (cached) min/max peaks of *media*; runs in a worker thread."""
    progress(0, 1, "peaks")
    peaks = interactions.peaks(media)
    progress(1, 1, "peaks")
    return peaks


class ReviewWorkspace(QWidget):
    """Header, transport bar, waveform, then transcript (left) beside the checklist (right)."""

    closed = Signal()
    changed = Signal(int)  # interaction id whose evaluation or media settings changed
    transcribe_requested = Signal(int)  # interaction id: queue its recording for transcription

    def __init__(
        self,
        services: Services,
        jobs: JobManager,
        settings: opts.Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._settings = settings
        self._detail: InteractionDetail | None = None
        self._peaks_job: FunctionJob | None = None
        self._clocked: int | None = None  # the evaluation whose open time is being counted
        self.controller = PlaybackController(self)
        self.action_map = build_actions(self, scope="review")
        self.addActions(list(self.action_map.values()))
        # Alternate keys the brief asks for beside the registry's own.
        self._extra_keys("next_criterion", "Down", "J")
        self._extra_keys("prev_criterion", "Up", "K")

        style = self.style()
        self.back_button = self._tool("back_to_list", text=True)
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet("color: #c62828;")
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.status_label)
        # The transcript's own commands, also on their keys and in its context menu.
        self.transcript_menu = QMenu(self)
        for name in ("export_transcript", None, "edit_segment", "split_segment", "merge_segments"):
            if name is None:
                self.transcript_menu.addSeparator()
            else:
                self.transcript_menu.addAction(self.action_map[name])
        self.transcript_button = QToolButton(self)
        self.transcript_button.setText(self.tr("Transcript"))
        self.transcript_button.setMenu(self.transcript_menu)
        self.transcript_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.transcript_button.setAutoRaise(True)
        self.transcript_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header.addWidget(self.transcript_button)
        # The checklist and version this evaluation uses; re-score or switch from its menu.
        self.template_switch = TemplateSwitch(services, self.action_map, self)
        self.template_switch.applied.connect(self._on_template_switch_applied)
        header.addWidget(self.template_switch)

        self.play_button = self._tool("play_pause")
        self.back5_button = self._tool("seek_back")
        self.forward5_button = self._tool("seek_forward")
        self.speed_combo = QComboBox(self)
        for rate in RATES:
            self.speed_combo.addItem(f"{rate:g}×", rate)
        self.speed_combo.setToolTip(self.tr("Playback speed ([ slower, ] faster)"))
        self.speed_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        volume_icon = QLabel(self)
        volume_icon.setPixmap(style.standardIcon(QStyle.StandardPixmap.SP_MediaVolume).pixmap(16))
        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setMaximumWidth(120)
        self.volume_slider.setToolTip(self.tr("Volume"))
        self.volume_slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.time_label = QLabel(self)
        self.time_label.setMinimumWidth(110)
        self.swap_button = self._tool("swap_speakers", text=True)
        self.swap_button.setText(self.tr("Swap speakers"))
        transport = QHBoxLayout()
        self.transport_layout = transport  # hidden as a whole for visits without a recording
        for w in (
            self.play_button,
            self.back5_button,
            self.forward5_button,
            self.speed_combo,
            volume_icon,
            self.volume_slider,
            self.time_label,
        ):
            transport.addWidget(w)
        transport.addStretch(1)
        transport.addWidget(self.swap_button)

        self.waveform = WaveformView(self.controller, self)
        self.transcript = TranscriptPane(self.controller, self, edits=services.transcripts)
        self.form = ChecklistForm(services.evaluations, self.controller, self, jobs=jobs)
        self.metrics_panel = MetricsPanel(self)
        self.side_tabs = QTabWidget(self)  # the checklist, and the metrics beside the team's
        self.side_tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.side_tabs.addTab(self.form, self.tr("Checklist"))
        self.side_tabs.addTab(self.metrics_panel, self.tr("Metrics"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.transcript)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        # Mystery visits: the assignment and its evidence, left of the transcript (else hidden).
        self.mystery_panel = MysteryPanel(services, jobs, self)
        self.mystery_panel.hide()
        self.splitter.insertWidget(0, self.mystery_panel)
        self.mystery_panel.changed.connect(self.changed)
        self.mystery_panel.media_changed.connect(self.load)
        # Chats: bubbles with times and late answers in place of the transcript (else hidden).
        self.chat_view = ChatView(self.controller, self)
        self.chat_view.hide()
        self.splitter.insertWidget(self.splitter.indexOf(self.transcript) + 1, self.chat_view)
        self.splitter.setStretchFactor(self.splitter.indexOf(self.chat_view), 1)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(transport)
        layout.addWidget(self.waveform)
        layout.addWidget(self.splitter, 1)

        self._connect()
        # Whoever focuses the workspace (the window does, after opening a call) gives the
        # keyboard to the form, where Enter accepts the current suggestion.
        self.setFocusProxy(self.form)
        rate = settings.get(opts.PLAYBACK_SPEED) if settings else 1.0
        volume = settings.get(opts.VOLUME) if settings else opts.VOLUME.default
        self.volume_slider.setValue(int(volume))
        self.controller.set_volume(int(volume) / 100)
        self.controller.set_rate(rate)
        self._on_controller_rate_changed(self.controller.rate())
        self._update_time()

    def _extra_keys(self, action_id: str, *keys: str) -> None:
        action = self.action_map[action_id]
        action.setShortcuts([shortcut(action_id), *(QKeySequence(k) for k in keys)])

    def _tool(self, action_id: str, text: bool = False) -> QToolButton:
        b = QToolButton(self)
        b.setDefaultAction(self.action_map[action_id])
        b.setAutoRaise(True)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if text:
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return b

    def _connect(self) -> None:
        a, c, f = self.action_map, self.controller, self.form
        a["back_to_list"].triggered.connect(self.close_workspace)
        a["play_pause"].triggered.connect(c.toggle)
        a["seek_back"].triggered.connect(lambda: c.skip(-5000))
        a["seek_forward"].triggered.connect(lambda: c.skip(5000))
        a["slower"].triggered.connect(c.slower)
        a["faster"].triggered.connect(c.faster)
        a["find"].triggered.connect(self.transcript.open_find)
        a["evidence"].triggered.connect(f.add_evidence_here)
        a["swap_speakers"].triggered.connect(self.transcript.swap_speakers)
        a["edit_segment"].triggered.connect(self.transcript.edit_current)
        a["merge_segments"].triggered.connect(self.transcript.merge_with_next)
        a["split_segment"].triggered.connect(self.transcript.split_current)
        a["export_transcript"].triggered.connect(self.export_transcript)
        a["next_criterion"].triggered.connect(lambda: f.move_current(1))
        a["prev_criterion"].triggered.connect(lambda: f.move_current(-1))
        for i in range(1, 6):
            a[f"answer_{i}"].triggered.connect(lambda _=False, i=i: f.answer_current(i))
        a["answer_na"].triggered.connect(lambda: f.answer_current(0))
        a["mark_reviewed"].triggered.connect(f.reviewed_button.click)
        a["accept_suggestion"].triggered.connect(f.accept_current)
        # Enter accepts only while the form itself has the keyboard: in a comment it stays Enter.
        a["accept_suggestion"].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.removeAction(a["accept_suggestion"])
        f.addAction(a["accept_suggestion"])
        a["accept_all_suggestions"].triggered.connect(f.accept_all)
        f.evidence_activated.connect(self._on_form_evidence_activated)
        f.prefilled.connect(self._show_metrics)
        c.position_changed.connect(self._update_time)
        c.duration_changed.connect(self._update_time)
        c.state_changed.connect(self._on_controller_state_changed)
        c.rate_changed.connect(self._on_controller_rate_changed)
        c.error.connect(self._show_status)
        self.speed_combo.activated.connect(self._on_speed_combo_activated)
        self.volume_slider.valueChanged.connect(self._on_volume_slider_value_changed)
        f.changed.connect(self.changed)
        f.error.connect(self._show_status)
        self.transcript.find_closed.connect(self.focus_form)
        self.transcript.find_edit.installEventFilter(self)
        self.transcript.set_swap_action(a["swap_speakers"])
        self.transcript.editing_finished.connect(self.focus_form)
        self.transcript.error.connect(self._show_status)
        self.transcript.roles_swapped.connect(self._on_transcript_roles_swapped)
        self.transcript.corrected.connect(self._on_transcript_corrected)
        self.transcript.roles_set.connect(self._on_transcript_roles_set)
        self.transcript.transcribe_requested.connect(self.transcribe_requested)

    # -- public -----------------------------------------------------------------------------

    def interaction_id(self) -> int | None:
        return None if self._detail is None else self._detail.row.id

    def load(self, interaction_id: int) -> None:
        """Open *interaction_id*: media, waveform (in a job), transcript and evaluation."""
        self.form.flush()
        if self._peaks_job is not None:
            self._peaks_job.cancel()
            self._peaks_job = None
        self.status_label.clear()
        detail = self._services.interactions.get(interaction_id)
        self._detail = detail
        self._show_header(detail)
        media = detail.media
        self.controller.load(media.path if media else None)
        # Stereo: the channels can be swapped even before there is a transcript.
        can_swap = bool(media and media.channels == 2) or bool(
            detail.transcript and detail.transcript.segments
        )
        self.swap_button.setVisible(can_swap)
        self.action_map["swap_speakers"].setEnabled(can_swap)
        if media is None:
            self.waveform.show_message(self.tr("This interaction has no recording"))
        else:
            self.waveform.set_consultant_channel(media.consultant_channel)
            self.waveform.set_duration(round(media.duration * 1000))
            self.waveform.show_computing()
            job = FunctionJob(compute_peaks, self._services.interactions, media)
            job.signals.finished.connect(self._on_peaks_job_finished)
            job.signals.failed.connect(self._on_peaks_job_failed)
            job.signals.crashed.connect(self._on_peaks_job_crashed)
            self._peaks_job = job
            self._jobs.submit(job)
        self.transcript.set_transcript(detail.transcript, interaction_id)
        state = self._services.evaluations.open(interaction_id)
        self._clock_out()
        self._services.evaluations.clock_in(state.evaluation_id)
        self._clocked = state.evaluation_id
        # A chat's evidence is a message: its clock time says more than an offset of hours.
        chat = detail.row.kind == "chat"
        self.form.time_origin = detail.row.started_at if chat else None
        self.form.set_state(state)
        # Auto-prefill reads text: without a transcript (a visit with photos only, a call not
        # yet transcribed) there is nothing to suggest or re-run.
        has_text = bool(detail.transcript and detail.transcript.segments)
        self.form.suggestions.setVisible(has_text)
        self.transcript_button.setVisible(has_text)
        self.action_map["export_transcript"].setEnabled(has_text)
        for name in ("split_segment", "merge_segments", "edit_segment"):  # a chat's messages stay
            self.action_map[name].setEnabled(has_text and detail.row.kind != "chat")
        self.template_switch.set_state(state, detail.row.kind, detail.row.client_id)
        self._show_visit(detail, state.template)
        self._show_chat(detail, state.template)
        self._show_metrics(interaction_id)
        self.side_tabs.setCurrentWidget(self.form)  # each interaction opens on its checklist
        self._update_time()
        self.focus_form()

    @Slot()
    def focus_form(self) -> None:
        self.form.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def export_transcript(self) -> None:
        """Ask where, then write the transcript (TXT, SRT, VTT or qcdesk JSON by extension)."""
        if self._detail is None or self.transcript.transcript() is None:
            self._show_status(self.tr("This interaction has no transcript to export."))
            return
        name = f"transcript-{self._detail.row.id}.txt"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the transcript"),
            name,
            self.tr("Text (*.txt);;Subtitles SRT (*.srt);;WebVTT (*.vtt);;qcdesk JSON (*.json)"),
        )
        if path:
            self.export_transcript_to(Path(path))

    def export_transcript_to(self, path: Path) -> Path | None:
        """Write the transcript to *path* (the save dialog has asked about overwriting)."""
        if self._detail is None:
            return None
        lang = "ru" if QLocale().language() == QLocale.Language.Russian else "en"
        try:
            out = self._services.transcripts.export(
                self._detail.row.id, path, lang=lang, force=True
            )
        except KnownError as err:
            self._show_status(known_error_text(err))
            return None
        self._show_status("")
        return Path(out)

    @Slot()
    def close_workspace(self) -> None:
        """Save what is pending, stop the audio and ask the window to show the list again."""
        self.form.flush()
        self.controller.pause()
        self.closed.emit()

    @Slot(object)
    def _on_template_switch_applied(self, report: Any) -> None:
        """Re-scored or switched: show the evaluation in its new version."""
        if self._detail is None or report.state is None:
            return
        self.form.set_state(report.state)
        row = self._detail.row
        self.template_switch.set_state(report.state, row.kind, row.client_id)
        self.changed.emit(row.id)

    @Slot(int)
    def _on_transcript_corrected(self, interaction_id: int) -> None:
        """A corrected or swapped transcript changes who said what: suggestions follow it.

        Only a form that already holds auto-prefill is re-run, and the re-run never touches
        the answers the reviewer confirmed.
        """
        state = self.form.state()
        if state is not None and state.interaction_id == interaction_id and state.autoscored_at:
            self.form.rerun_prefill()

    @Slot(int)
    def _on_transcript_roles_set(self, interaction_id: int) -> None:
        """The consultant is known now: auto-prefill can run for the first time."""
        state = self.form.state()
        if state is not None and state.interaction_id == interaction_id:
            self.form.suggestions.setVisible(True)
            self.form.rerun_prefill()
        self.changed.emit(interaction_id)

    @Slot(str)
    def _on_transcript_roles_swapped(self, channel: str) -> None:
        """After a speaker swap: on a stereo call the waveform lanes follow the channels."""
        if self._detail is None:
            return
        iid = self._detail.row.id
        if channel:
            self._detail = self._services.interactions.get(iid)
            self.waveform.set_consultant_channel(channel)
        self.changed.emit(iid)

    # -- helpers ----------------------------------------------------------------------------

    def _show_visit(self, detail: InteractionDetail, template: Any) -> None:
        """A mystery visit shows its assignment and evidence; the player only with a recording."""
        visit = detail.row.kind == "visit"
        self.mystery_panel.setVisible(visit)
        if visit:
            self.mystery_panel.load(detail.row.id, template)
        playable = self._playable(detail)
        self.transcript.set_transcribable(playable)
        for w in layout_widgets(self.transport_layout):
            if not playable or w is not self.swap_button:
                w.setVisible(playable)
        self.waveform.setVisible(playable)
        # A visit opens on its checklist: a transcript pane only once there is text to show
        # (a visit's recording is evidence; most visits have none, or it is not transcribed).
        self.transcript.setVisible(
            not visit or bool(detail.transcript and detail.transcript.segments)
        )

    @staticmethod
    def _playable(detail: InteractionDetail) -> bool:
        """A call always has a player (its recording may still be missing); others need one."""
        return detail.media is not None or detail.row.kind == "call"

    def _show_chat(self, detail: InteractionDetail, template: Any) -> None:
        """A chat has no player: the chat view replaces the transcript; SLA from *template*."""
        chat = detail.row.kind == "chat"
        self.chat_view.setVisible(chat)
        if chat:
            self.transcript.setVisible(False)
            schedule = self._services.catalog.schedule(detail.row.client_id)
            hours = None
            if schedule.working_hours:
                hours = WorkingHours.from_json(schedule.working_hours, schedule.timezone)
            self.chat_view.set_chat(detail.transcript, detail.row.started_at, hours, template)
        # The transport keys do nothing without a recording (a chat, a visit with photos only).
        for name in ("play_pause", "seek_back", "seek_forward", "slower", "faster"):
            self.action_map[name].setEnabled(self._playable(detail))
        self.action_map["find"].setEnabled(not chat)
        if chat:
            self.action_map["swap_speakers"].setEnabled(False)

    def _show_header(self, d: InteractionDetail) -> None:
        r = d.row
        parts = [f"<b>{r.client}</b>", r.consultant or self.tr("Unknown consultant")]
        if r.started_at is not None:
            parts.append(format_datetime(r.started_at))
        if r.direction == "incoming":
            parts.append(self.tr("Incoming"))
        elif r.direction == "outgoing":
            parts.append(self.tr("Outgoing"))
        if r.customer_ref:
            parts.append(format_customer(r.customer_ref))
        self.title_label.setText(" · ".join(parts))

    @Slot(int)
    def _show_metrics(self, interaction_id: int) -> None:
        self.metrics_panel.set_comparison(self._services.prefill.metrics_comparison(interaction_id))

    @Slot(int, float)
    def _on_form_evidence_activated(self, segment: int, seconds: float) -> None:
        """Scroll the transcript to a suggestion's evidence (the form has already seeked)."""
        model, view = self.transcript.model, self.transcript.view
        row = segment if 0 <= segment < model.rowCount() else model.row_at(seconds)
        if row >= 0:
            index = model.index(row, 0)
            view.setCurrentIndex(index)
            view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def _update_time(self, *_: object) -> None:
        duration = self.controller.duration()
        if duration <= 0 and self._detail is not None and self._detail.media is not None:
            duration = round(self._detail.media.duration * 1000)
        self.time_label.setText(
            f"{format_time(self.controller.position() / 1000)} / {format_time(duration / 1000)}"
        )

    # -- slots ------------------------------------------------------------------------------

    @Slot(object)
    def _on_peaks_job_finished(self, peaks: np.ndarray) -> None:
        if self._peaks_job is None or self.sender() is not self._peaks_job.signals:
            return  # a job for an interaction we have since left
        media = self._detail.media if self._detail else None
        self.waveform.set_peaks(peaks, media.duration if media else None)
        self._peaks_job = None

    @Slot(object)
    def _on_peaks_job_failed(self, err: Any) -> None:
        if self._peaks_job is not None and self.sender() is self._peaks_job.signals:
            self.waveform.show_message(known_error_text(err))
            self._peaks_job = None

    @Slot(str)
    def _on_peaks_job_crashed(self, _text: str) -> None:
        # The JobManager forwards the traceback to the global hook; here we only stop waiting.
        if self._peaks_job is not None and self.sender() is self._peaks_job.signals:
            self.waveform.show_message(self.tr("The waveform could not be computed"))
            self._peaks_job = None

    @Slot(bool)
    def _on_controller_state_changed(self, playing: bool) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.action_map["play_pause"].setIcon(self.style().standardIcon(icon))

    @Slot(float)
    def _on_controller_rate_changed(self, rate: float) -> None:
        i = min(range(len(RATES)), key=lambda k: abs(RATES[k] - rate))
        self.speed_combo.setCurrentIndex(i)
        if self._settings is not None:
            self._settings.set(opts.PLAYBACK_SPEED, float(rate))

    @Slot(int)
    def _on_speed_combo_activated(self, index: int) -> None:
        self.controller.set_rate(float(self.speed_combo.itemData(index)))

    @Slot(int)
    def _on_volume_slider_value_changed(self, value: int) -> None:
        self.controller.set_volume(value / 100)
        if self._settings is not None:
            self._settings.set(opts.VOLUME, int(value))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Escape in the find field closes the find bar, not the whole workspace.
        if (
            watched is self.transcript.find_edit
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def _clock_out(self) -> None:
        """Stop counting the time the evaluation is open (reviewer productivity)."""
        if self._clocked is not None:
            evaluation, self._clocked = self._clocked, None
            self._services.evaluations.clock_out(evaluation)

    def hideEvent(self, event: QHideEvent) -> None:
        self._clock_out()
        self.form.flush()
        self.mystery_panel.flush()
        self.controller.pause()
        super().hideEvent(event)
