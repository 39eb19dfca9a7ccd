"""Draw the small pictures of the demo's mystery visits (resources/demo/visits/).

They stand in for a shopper's phone photos and a chat screenshot: flat drawings, a few tens of
kilobytes each, so the repository stays small and nothing of a real person or shop is shown.
Run from the repository root: ``.venv/bin/python resources/demo/make_visit_photos.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QPainter,
    QPen,
)  # noqa: E402

OUT = Path(__file__).resolve().parent / "visits"
W, H = 480, 360


def _canvas(w: int = W, h: int = H, color: str = "#f4f1ea") -> tuple[QImage, QPainter]:
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return image, painter


def _font(size: int, bold: bool = False) -> QFont:
    font = QFont("PT Sans", size)
    font.setBold(bold)
    return font


def storefront() -> QImage:
    image, p = _canvas(color="#cfd8dc")
    p.fillRect(0, 250, W, 110, QColor("#9e9e9e"))  # pavement
    p.fillRect(40, 60, 400, 200, QColor("#eceff1"))  # shop front
    p.fillRect(40, 60, 400, 50, QColor("#c62828"))  # sign
    p.setPen(QColor("white"))
    p.setFont(_font(26, bold=True))
    p.drawText(QRectF(40, 60, 400, 50), Qt.AlignmentFlag.AlignCenter, "ТехноДом")
    for x in (60, 250):  # windows with machines behind them
        p.fillRect(x, 125, 170, 120, QColor("#90caf9"))
        for k in range(3):
            p.setBrush(QColor("white"))
            p.setPen(QPen(QColor("#607d8b"), 2))
            p.drawRect(x + 12 + k * 52, 170, 44, 70)
            p.drawEllipse(QPointF(x + 34 + k * 52, 210), 14, 14)
    p.fillRect(222, 150, 36, 100, QColor("#455a64"))  # door
    p.setPen(QColor("#37474f"))
    p.setFont(_font(10))
    p.drawText(QRectF(40, 262, 400, 20), Qt.AlignmentFlag.AlignCenter, "Пн–Вс 10:00–22:00")
    p.end()
    return image


def hall() -> QImage:
    image, p = _canvas(color="#fafafa")
    p.fillRect(0, 280, W, 80, QColor("#d7ccc8"))  # floor
    for row, y in enumerate((24, 164)):
        p.fillRect(20, y + 100, 440, 8, QColor("#8d6e63"))  # shelf
        for k in range(5):
            x = 30 + k * 88
            p.setBrush(QColor("white"))
            p.setPen(QPen(QColor("#78909c"), 2))
            p.drawRect(x, y, 70, 98)
            p.setBrush(QColor("#b0bec5"))
            p.drawEllipse(QPointF(x + 35, y + 58), 22, 22)
            if (row, k) != (1, 3):  # one price tag is missing: a finding for the report
                p.fillRect(x + 10, y + 110, 50, 20, QColor("#fff176"))
                p.setPen(QColor("#212121"))
                p.setFont(_font(9, bold=True))
                price = f"{32 + 4 * k + 9 * row} 990 ₽"
                p.drawText(QRectF(x + 10, y + 110, 50, 20), Qt.AlignmentFlag.AlignCenter, price)
    p.end()
    return image


def badge() -> QImage:
    image, p = _canvas(color="#263238")  # a dark uniform
    p.setBrush(QColor("white"))
    p.setPen(QPen(QColor("#c62828"), 4))
    p.drawRoundedRect(QRectF(110, 100, 260, 150), 14, 14)
    p.fillRect(QRectF(112, 102, 256, 36), QColor("#c62828"))
    p.setPen(QColor("white"))
    p.setFont(_font(16, bold=True))
    p.drawText(QRectF(110, 102, 260, 36), Qt.AlignmentFlag.AlignCenter, "ТехноДом")
    p.setPen(QColor("#212121"))
    p.setFont(_font(24, bold=True))
    p.drawText(QRectF(110, 145, 260, 50), Qt.AlignmentFlag.AlignCenter, "Ольга")
    p.setFont(_font(13))
    p.drawText(QRectF(110, 195, 260, 30), Qt.AlignmentFlag.AlignCenter, "консультант")
    p.end()
    return image


def chat_screenshot() -> QImage:
    image, p = _canvas(360, 560, color="#e5ddd5")
    p.fillRect(0, 0, 360, 56, QColor("#075e54"))
    p.setPen(QColor("white"))
    p.setFont(_font(14, bold=True))
    p.drawText(QRectF(16, 0, 330, 56), Qt.AlignmentFlag.AlignVCenter, "Диваны Плюс")
    bubbles = (
        (False, "Здравствуйте! Есть ли угловой диван «Милан» в сером цвете? Марина", "12:04"),
        (True, "Марина, добрый день! Это Анна, «Диваны Плюс». Да, есть в наличии.", "12:31"),
        (True, "Какой размер комнаты? Подберу вариант и пришлю фото.", "12:31"),
        (False, "Комната 18 м². А доставка сколько стоит?", "12:40"),
        (True, "Доставка по городу бесплатно. Приходите в субботу в салон на Ленина, 5?", "13:15"),
    )
    y = 70.0
    p.setFont(_font(11))
    metrics = QFontMetrics(p.font())
    for mine, text, when in bubbles:
        box = metrics.boundingRect(0, 0, 222, 1000, Qt.TextFlag.TextWordWrap, text)
        rect = QRectF(110 if mine else 12, y, 238, box.height() + 30)
        p.setBrush(QColor("#dcf8c6" if mine else "white"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(rect, 8, 8)
        p.setPen(QColor("#212121"))
        p.drawText(rect.adjusted(8, 6, -8, -18), Qt.TextFlag.TextWordWrap, text)
        p.setPen(QColor("#757575"))
        corner = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
        p.drawText(rect.adjusted(8, 6, -8, -4), corner, when)
        y += rect.height() + 10
    p.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need an application
    fonts = Path(__file__).resolve().parents[1] / "fonts"
    for ttf in sorted(fonts.glob("PTSans-*.ttf")):
        QFontDatabase.addApplicationFont(str(ttf))
    OUT.mkdir(exist_ok=True)
    pictures = {
        "technodom-storefront.jpg": storefront(),
        "technodom-hall.jpg": hall(),
        "technodom-badge.jpg": badge(),
        "Screenshot_divany-plus-chat.png": chat_screenshot(),
    }
    for name, image in pictures.items():
        path = OUT / name
        image.save(str(path), quality=72 if name.endswith(".jpg") else -1)
        print(f"{path.name}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
