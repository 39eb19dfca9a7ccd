"""Refresh the Russian translation: lupdate over every qcdesk/*.py, then lrelease.

Usage: ``.venv/bin/python resources/i18n/update.py`` from anywhere. New strings arrive in
qcdesk_ru.ts as unfinished; translate them (Qt Linguist or by hand) and run this again so the
compiled qcdesk_ru.qm follows. tests/test_i18n.py fails while anything is left untranslated.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TS = HERE / "qcdesk_ru.ts"
QM = HERE / "qcdesk_ru.qm"
# English needs a translation file only for plurals: "%n interaction(s)" -> 1 interaction, 2 ...
TS_EN = HERE / "qcdesk_en.ts"
QM_EN = HERE / "qcdesk_en.qm"


def tool(name: str) -> str:
    """A Qt tool from the virtualenv that runs this script (pyside6-lupdate, -lrelease)."""
    path = Path(sys.executable).parent / f"pyside6-{name}"
    return str(path) if path.exists() else f"pyside6-{name}"


def sources() -> list[str]:
    """Every Python file of the package, relative to the repo (stable locations in the .ts)."""
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "qcdesk").rglob("*.py"))


def lupdate(ts: Path, *extra: str, language: str = "ru_RU") -> None:
    cmd = [tool("lupdate"), *sources(), "-ts", str(ts), "-target-language", language,
           "-source-language", "en_US", "-locations", "relative", *extra]  # fmt: skip
    subprocess.run(cmd, cwd=REPO, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], cwd=REPO, check=True)


def fill_english_plurals(ts: Path) -> None:
    """Derive both English forms from the source: "file(s)" -> "file" / "files"."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source", "")
        translation = message.find("translation")
        assert translation is not None
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        for form in (re.sub(r"\((e?s)\)", "", source), re.sub(r"\((e?s)\)", r"\1", source)):
            ET.SubElement(translation, "numerusform").text = form
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def main() -> int:
    lupdate(TS, "-no-obsolete")
    lrelease(TS, QM)
    lupdate(TS_EN, "-no-obsolete", "-pluralonly", language="en_US")
    fill_english_plurals(TS_EN)
    lrelease(TS_EN, QM_EN)
    return 0


if __name__ == "__main__":
    sys.exit(main())
