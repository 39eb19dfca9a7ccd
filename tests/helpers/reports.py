"""Reading reports back in tests: a PDF's text, and a checklist score computed by hand."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext lays it out, with white space folded to single spaces."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return " ".join(out.stdout.decode("utf-8").split())


def weighted(template: Any, answers: dict[str, str]) -> float:
    """The checklist percentage, by hand: yes=1, no=0, partial=.5, scale (v-1)/4, na skipped."""
    earned = total = 0.0
    critical_failed = False
    for c in template.criteria():
        v = answers.get(c.id)
        if v is None or v == "na":
            continue
        f = {"yes": 1.0, "no": 0.0, "partial": 0.5}.get(v)
        f = (int(v) - 1) / 4 if f is None else f
        earned += c.weight * f
        total += c.weight
        critical_failed |= c.critical and f == 0
    return 0.0 if critical_failed else 100 * earned / total
