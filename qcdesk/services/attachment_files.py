"""What kind of evidence a file is (photo, screenshot, audio, document), decided on attaching.

The name alone is not trusted: a photo is recognised by its first bytes and decoded once, so
a damaged or mislabelled file is refused with a message naming it instead of showing up later
as an empty thumbnail.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from qcdesk.audio.decode import AUDIO_EXTENSIONS
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError, os_errors
from qcdesk.userfiles import open_regular

ATTACHMENT_KINDS = ("photo", "audio", "screenshot", "document")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".gif", ".bmp")
# Phones and desktops name screen captures like this; anything else that is an image is a photo.
SCREENSHOT_HINTS = ("screenshot", "screen shot", "screen_", "скриншот", "снимок экрана")
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"heif")


class AttachmentError(KnownError):
    """A file cannot be attached: missing, empty, unreadable, or not what its name says."""


def sniff_image(head: bytes) -> str | None:
    """The image format from the first bytes (jpeg, png, gif, webp, bmp, heif) or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:2] == b"BM":
        return "bmp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "heif"
    return None


def _check_image(path: Path, fmt: str) -> None:
    """Decode the whole picture so a truncated or damaged photo is refused when attached.

    Pillow comes with reportlab; it cannot read HEIC, whose header check has to do.
    """
    if fmt == "heif":
        return
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # huge-image warnings: a big photo is no error
            with Image.open(path) as im:
                im.load()
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for one meaning
        raise AttachmentError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is damaged or incomplete: {detail}"),
            path=str(path),
            detail=str(exc) or type(exc).__name__,
        ) from exc


def detect_kind(path: Path) -> str:
    """photo / screenshot / audio / document from the name and the first bytes.

    Raises:
        AttachmentError: the file is missing, empty, unreadable, or an image that is damaged
            or not an image at all despite its name.
    """
    # Missing, a folder, or a pipe/device (which a plain open() would wait on forever).
    with open_regular(path, AttachmentError) as fh:
        with os_errors(QT_TRANSLATE_NOOP("KnownError", "Cannot read {path}: {detail}"), path):
            head = fh.read(32)
    if not head:
        raise AttachmentError(
            QT_TRANSLATE_NOOP("KnownError", "Cannot open {path}: the file is empty (0 bytes)."),
            path=str(path),
        )
    suffix = path.suffix.lower()
    if suffix in AUDIO_EXTENSIONS:
        return "audio"
    fmt = sniff_image(head)
    if fmt is None and suffix in IMAGE_SUFFIXES:
        raise AttachmentError(
            QT_TRANSLATE_NOOP("KnownError", "{path} is not an image or its format is unknown."),
            path=str(path),
        )
    if fmt is None:
        return "document"
    _check_image(path, fmt)
    name = path.name.casefold()
    return "screenshot" if any(h in name for h in SCREENSHOT_HINTS) else "photo"
