"""Layout chores shared by the forms that rebuild their rows."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLayout, QLineEdit, QWidget


def clear_layout(layout: QLayout) -> None:
    """Take every item out of *layout*, hiding and deleting its widgets.

    Hidden at once: deleteLater waits for the event loop, and until then the old widgets would
    still be painted over the new ones.
    """
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def layout_widgets(layout: QLayout) -> list[QWidget]:
    """The widgets of *layout*'s items, in order (spacers and nested layouts left out)."""
    items = (layout.itemAt(i) for i in range(layout.count()))
    return [w for w in (i.widget() if i is not None else None for i in items) if w is not None]


def combo_line_edit(combo: QComboBox) -> QLineEdit:
    """The text field of an editable *combo* (Qt returns None for a non-editable one)."""
    edit = combo.lineEdit()
    if edit is None:
        raise ValueError(f"{combo.objectName() or combo!r} is not editable")
    return edit
