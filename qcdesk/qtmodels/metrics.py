"""Conversation metrics as a table: metric, this interaction, the team's average.

Values come from ``PrefillService.metrics_comparison`` (frozen); known metrics get a label
and a unit, in a reading order (talk, pace, silence, interruptions, questions, fillers, chat
response times); a metric the engine adds later still shows, under its own name, at the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from qcdesk.errors import QT_TRANSLATE_NOOP
from qcdesk.qtmodels.base import RowsTableModel

if TYPE_CHECKING:
    from qcdesk.services.prefill import MetricsComparison

CONTEXT = "MetricsTableModel"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw number of the cell (None when undefined)
_Index = QModelIndex | QPersistentModelIndex

# key -> (label, unit): "share" 0..1 shown as %, "s" seconds, "rate" per minute, "n" a count.
METRICS: dict[str, tuple[str, str]] = {
    "talk_share_consultant": (
        QT_TRANSLATE_NOOP("MetricsTableModel", "Talk share: consultant"),
        "share",
    ),
    "talk_share_client": (QT_TRANSLATE_NOOP("MetricsTableModel", "Talk share: client"), "share"),
    "speech_rate_consultant": (
        QT_TRANSLATE_NOOP("MetricsTableModel", "Speech rate: consultant, words/min"),
        "rate",
    ),
    "speech_rate_client": (
        QT_TRANSLATE_NOOP("MetricsTableModel", "Speech rate: client, words/min"),
        "rate",
    ),
    "longest_monologue_consultant": (
        QT_TRANSLATE_NOOP("MetricsTableModel", "Longest consultant monologue"),
        "s",
    ),
    "silence_share": (QT_TRANSLATE_NOOP("MetricsTableModel", "Silence share"), "share"),
    "longest_silence": (QT_TRANSLATE_NOOP("MetricsTableModel", "Longest silence"), "s"),
    "interruptions_by_consultant": (
        QT_TRANSLATE_NOOP("MetricsTableModel", "Interruptions by the consultant"),
        "n",
    ),
    "interruptions_by_client": (
        QT_TRANSLATE_NOOP("MetricsTableModel", "Interruptions by the client"),
        "n",
    ),
    "response_gap_consultant": (
        QT_TRANSLATE_NOOP("MetricsTableModel", "Consultant's mean response gap"),
        "s",
    ),
    "questions_open": (QT_TRANSLATE_NOOP("MetricsTableModel", "Open questions"), "n"),
    "questions_closed": (QT_TRANSLATE_NOOP("MetricsTableModel", "Closed questions"), "n"),
    "open_question_share": (QT_TRANSLATE_NOOP("MetricsTableModel", "Open question share"), "share"),
    "fillers_per_minute": (
        QT_TRANSLATE_NOOP("MetricsTableModel", "Filler words per minute"),
        "rate",
    ),
    "first_response_time": (QT_TRANSLATE_NOOP("MetricsTableModel", "First response time"), "s"),
    "response_time_mean": (QT_TRANSLATE_NOOP("MetricsTableModel", "Mean response time"), "s"),
    "response_time_max": (QT_TRANSLATE_NOOP("MetricsTableModel", "Longest response time"), "s"),
    "messages_consultant": (QT_TRANSLATE_NOOP("MetricsTableModel", "Messages: consultant"), "n"),
    "messages_client": (QT_TRANSLATE_NOOP("MetricsTableModel", "Messages: customer"), "n"),
    "unanswered_client_messages": (
        QT_TRANSLATE_NOOP("MetricsTableModel", "Unanswered customer messages"),
        "n",
    ),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("MetricsTableModel", "Metric"),
    QT_TRANSLATE_NOOP("MetricsTableModel", "This interaction"),
    QT_TRANSLATE_NOOP("MetricsTableModel", "Team average"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def format_value(value: Any, unit: str) -> str:
    """A metric for display: percent, seconds, per minute or a count; "—" when undefined."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "—"
    loc = QLocale()
    if unit == "share":
        return loc.toString(value * 100, "f", 0) + " %"
    if unit == "s":
        if value >= 90:
            m, s = divmod(round(value), 60)
            return QCoreApplication.translate("MetricsTableModel", "{m} min {s} s").format(m=m, s=s)
        seconds = loc.toString(float(value), "f", 1)
        return QCoreApplication.translate("MetricsTableModel", "{seconds} s").format(
            seconds=seconds
        )
    if unit == "n":
        return loc.toString(float(value), "f", 0 if float(value).is_integer() else 1)
    return loc.toString(float(value), "f", 1)


class MetricsTableModel(RowsTableModel):
    column_count = len(COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cmp: MetricsComparison | None = None
        self._rows: list[str] = []  # metric keys, in display order

    def set_comparison(self, cmp: MetricsComparison | None) -> None:
        self.beginResetModel()
        self._cmp = cmp
        have = set(cmp.metrics) | set(cmp.average) if cmp else set()
        # Flags such as ``working_hours_only`` describe the figures; they are not figures.
        have = {k for k in have if cmp is not None and not isinstance(cmp.metrics.get(k), bool)}
        self._rows = [k for k in METRICS if k in have] + sorted(have - set(METRICS))
        self.endResetModel()

    def comparison(self) -> MetricsComparison | None:
        return self._cmp

    def key(self, row: int) -> str:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._cmp is None:
            return None
        key = self._rows[index.row()]
        label, unit = METRICS.get(key, (key, ""))
        col = index.column()
        raw = None if col == 0 else (self._cmp.metrics if col == 1 else self._cmp.average).get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(label) if col == 0 else format_value(raw, unit)
        if role == KEY_ROLE:
            return key
        if role == VALUE_ROLE:
            return raw
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        if section == 2 and self._cmp is not None and self._cmp.scope == "client":
            return QCoreApplication.translate("MetricsTableModel", "Company average")
        return _tr(COLUMNS[section])
