"""Log files that hold no personal data: the GUI's rotating log and the CLI's ``--log-file``.

qcdesk never logs transcript or chat text itself (tests/test_pii_logs.py greps a whole demo
run at DEBUG). Two leaks could still come from elsewhere. SQLAlchemy logs every statement with
its parameters (transcripts, comments, customer numbers) once its logger is at INFO; it sets
itself to WARNING when imported, and we pin it there, so a root logger at DEBUG or a
``logging.config`` from a user cannot turn it on. And paths and error messages can carry phone
numbers (telephony file names such as ``20261014-110200_79161234567_201.wav``), so every record
is masked on its way to the file.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from qcdesk.domain.pii import mask_pii

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Loggers that would write user data at INFO or DEBUG (SQL parameters, result rows).
QUIET = ("sqlalchemy",)


class PersonalDataFilter(logging.Filter):
    """Masks phone, card and passport numbers in a record's message and traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a bad format string: logging reports it itself
            return True
        masked = mask_pii(message)
        if masked is not message:
            record.msg, record.args = masked, None
        # Another handler (pytest's, a console) may have cached the traceback text already.
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_pii(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_pii(record.stack_info)
        return True


def quiet_libraries() -> None:
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)


def add_file_handler(path: Path, level: int = logging.INFO) -> logging.Handler:
    """Log *level* and above to a rotating *path*, masked; returns the handler.

    Raises:
        OSError: the folder or file cannot be created.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(PersonalDataFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    quiet_libraries()
    return handler
