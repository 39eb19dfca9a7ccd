"""Files of calibration: a participant's answers as JSON (``qcdesk calibration submit``)."""

from __future__ import annotations

import json
from pathlib import Path

from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError

MAX_ANSWERS_BYTES = 5_000_000  # an answers file is a few kB; anything bigger is not one


def read_answers_file(path: Path) -> dict[int, dict[str, str]]:
    """``{"<interaction id>": {"<criterion id>": "yes"|"no"|"partial"|"na"|1..5}}`` from *path*.

    Scale answers may be numbers or strings ("4"); they are stored as strings.

    Raises:
        KnownError: naming the file: unreadable, too big, not JSON, or not of that shape.
    """

    def bad(problem: str) -> KnownError:
        return KnownError(
            QT_TRANSLATE_NOOP("KnownError", "The answers file {path} is not usable: {problem}"),
            path=str(path),
            problem=problem,
        )

    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_ANSWERS_BYTES + 1)
    except OSError as err:
        raise bad(err.strerror or str(err)) from err
    if len(raw) > MAX_ANSWERS_BYTES:
        raise bad(f"larger than {MAX_ANSWERS_BYTES} bytes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise bad(f"not JSON ({err})") from err
    if not isinstance(data, dict):
        raise bad("expected an object keyed by interaction id")
    out: dict[int, dict[str, str]] = {}
    for key, answers in data.items():
        if not str(key).strip().isdigit() or len(str(key)) > 18:
            raise bad(f"{key!r} is not an interaction id")
        if not isinstance(answers, dict):
            raise bad(f"the answers of interaction {key} are not an object")
        row: dict[str, str] = {}
        for cid, value in answers.items():
            if isinstance(value, bool) or not isinstance(value, str | int):
                raise bad(f"interaction {key}, criterion {cid}: {value!r} is not an answer")
            row[str(cid)] = str(value)
        out[int(key)] = row
    return out
