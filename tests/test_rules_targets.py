"""The issue's targets for auto-prefill, on dialogs-dev and on the two held-out sets.

Per criterion: accuracy on answered items >= 0.95 and coverage >= 0.85 (presented_benefits:
0.85 and 0.6); overall agreement (abstentions count as wrong) >= 0.92; stage_reached right in
>= 0.8 of the dialogs. Both as written and in ASR style (lowercase, no punctuation).

None of these sets is unseen any more: dialogs-holdout-2 scored 0.8769 (ASR 0.8692) before the
rules were fixed against the guide on its errors, so these tests guard against regressions; a
fair generalisation figure needs a new set written under the guide.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.dialogs import asr

from qcdesk.domain.rules.checkers import outcome
from qcdesk.domain.rules.text import make_dialog
from qcdesk.services.autoscore import resolve_template, suggest

REPO = Path(__file__).resolve().parents[1]
SETS = {
    "dev": REPO.parent / "shared" / "data" / "dialogs-dev",
    "holdout": REPO / "tests" / "data" / "dialogs-holdout",
    "holdout-2": REPO / "tests" / "data" / "dialogs-holdout-2",
}
TARGETS = {"presented_benefits": (0.85, 0.6)}


@pytest.mark.parametrize("style", ["punct", "asr"])
@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=[pytest.mark.shared_data] if n == "dev" else []) for n in sorted(SETS)],
)
def test_targets(name: str, style: str) -> None:
    files = sorted(p for p in SETS[name].glob("*.json") if not p.name.endswith(".labels.json"))
    assert files, f"no dialogs in {SETS[name]}"
    template = resolve_template("sales-call-ru")
    pairs: dict[str, list[tuple[str | None, str]]] = {}
    stage_ok = 0
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        if style == "asr":
            for s in data["segments"]:
                s["text"] = asr(s["text"])
        gold = json.loads(f.with_name(f.stem + ".labels.json").read_text(encoding="utf-8"))
        dialog = make_dialog(data)
        for cid, (value, _) in suggest(template, dialog).items():
            if cid in gold["labels"]:
                pairs.setdefault(cid, []).append((value, gold["labels"][cid]))
        stage_ok += outcome(dialog)[0] == gold["stage_reached"]
    assert len(pairs) == 13
    misses = []
    for cid, ps in pairs.items():
        answered = [(p, g) for p, g in ps if p is not None]
        acc = sum(p == g for p, g in answered) / len(answered) if answered else 0.0
        cover = len(answered) / len(ps)
        want_acc, want_cover = TARGETS.get(cid, (0.95, 0.85))
        if acc < want_acc or cover < want_cover:
            misses.append(f"{cid}: accuracy {acc:.2f}, coverage {cover:.2f}")
    assert misses == []
    right = sum(p == g for ps in pairs.values() for p, g in ps)
    assert right / sum(len(ps) for ps in pairs.values()) >= 0.92
    assert stage_ok / len(files) >= 0.8
