"""Refresh the Russian translation: lupdate over every qcdesk/*.py, then lrelease.

Usage: ``.venv/bin/python resources/i18n/update.py`` from anywhere. New strings arrive in
qcdesk_ru.ts as unfinished; translate them (Qt Linguist or by hand) and run this again so the
compiled qcdesk_ru.qm follows. tests/test_i18n.py fails while anything is left untranslated.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TS = HERE / "qcdesk_ru.ts"
QM = HERE / "qcdesk_ru.qm"


def tool(name: str) -> str:
    """A Qt tool from the virtualenv that runs this script (pyside6-lupdate, -lrelease)."""
    path = Path(sys.executable).parent / f"pyside6-{name}"
    return str(path) if path.exists() else f"pyside6-{name}"


def sources() -> list[str]:
    """Every Python file of the package, relative to the repo (stable locations in the .ts)."""
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "qcdesk").rglob("*.py"))


def lupdate(ts: Path, *extra: str) -> None:
    cmd = [tool("lupdate"), *sources(), "-ts", str(ts), "-target-language", "ru_RU",
           "-source-language", "en_US", "-locations", "relative", *extra]  # fmt: skip
    subprocess.run(cmd, cwd=REPO, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], cwd=REPO, check=True)


def main() -> int:
    lupdate(TS, "-no-obsolete")
    lrelease(TS, QM)
    return 0


if __name__ == "__main__":
    sys.exit(main())
