"""The `qcdesk autoscore` contract (issue 5, §6): shape, completeness, determinism, errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qcdesk.cli import main
from qcdesk.domain.checklist_schema import load_template
from qcdesk.domain.scoring import score
from qcdesk.services.autoscore import checker_name

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "dialogs-dev"
pytestmark = pytest.mark.shared_data
TEMPLATE = REPO / "checklists" / "sales-call-ru.yaml"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(["autoscore", *argv])
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.mark.parametrize("dialog", ["dev-001", "dev-014", "dev-021"])
def test_output_contract(capsys, dialog):
    rc, out, _ = run(
        capsys, "--template", str(TEMPLATE), "--transcript", str(DEV / f"{dialog}.json")
    )
    assert rc == 0
    data = json.loads(out)
    assert set(data) == {
        "template",
        "version",
        "answers",
        "stage_reached",
        "goal_achieved",
        "metrics",
        "score",
    }
    template = load_template(TEMPLATE)
    auto_ids = {c.id for c in template.criteria() if checker_name(c)}
    assert auto_ids and set(data["answers"]) == auto_ids
    for cid, a in data["answers"].items():
        assert a["value"] in (None, *template.criterion(cid).values)
        assert 0 <= a["confidence"] <= 1
        for e in a["evidence"]:
            assert {"segment", "start", "end", "speaker", "quote"} <= set(e)
    answered = {k: a["value"] for k, a in data["answers"].items() if a["value"] is not None}
    want = score(template, answered).total
    assert data["score"] == (None if want is None else round(want, 2))
    assert data["stage_reached"] in [s.id for s in template.stages]
    assert isinstance(data["goal_achieved"], bool)


def test_byte_identical_and_template_by_id(capsys):
    path = str(DEV / "dev-003.json")
    outs = {
        run(capsys, "--template", ref, "--transcript", path)[1]
        for ref in ("sales-call-ru", str(TEMPLATE), "sales-call-ru")
    }
    assert len(outs) == 1
    assert json.dumps(json.loads(outs.pop()), ensure_ascii=False, sort_keys=True) is not None


def test_output_is_sorted(capsys):
    _, out, _ = run(
        capsys, "--template", "sales-call-ru", "--transcript", str(DEV / "dev-005.json")
    )
    keys = re.findall(r'"(\w+)": ', out)
    top = [
        k
        for k in keys
        if k
        in ("answers", "goal_achieved", "metrics", "score", "stage_reached", "template", "version")
    ]
    assert top == sorted(top)


def test_asr_style_transcript(capsys, tmp_path):
    data = json.loads((DEV / "dev-001.json").read_text(encoding="utf-8"))
    for s in data["segments"]:
        s["text"] = re.sub(r"[^\w\s]", " ", s["text"].lower())
    f = tmp_path / "asr.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rc, out, _ = run(capsys, "--template", "sales-call-ru", "--transcript", str(f))
    assert rc == 0
    answers = json.loads(out)["answers"]
    assert answers["greeting"]["value"] == "yes"
    assert answers["open_questions"]["value"] == "yes"


def test_errors_are_reported_not_raised(capsys, tmp_path):
    rc, _, err = run(
        capsys, "--template", "no-such-template", "--transcript", str(DEV / "dev-001.json")
    )
    assert rc == 2 and "no-such-template" in err
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    rc, _, err = run(capsys, "--template", "sales-call-ru", "--transcript", str(bad))
    assert rc == 2 and str(bad) in err
    bad.write_text('{"id": "x"}', encoding="utf-8")
    rc, _, err = run(capsys, "--template", "sales-call-ru", "--transcript", str(bad))
    assert rc == 2 and "segments" in err


def test_below_threshold_abstains_but_keeps_evidence(capsys, tmp_path):
    text = TEMPLATE.read_text(encoding="utf-8")
    line = "        auto: greeting\n"
    text = text.replace(line, line + "        threshold: 0.99\n")
    assert "threshold: 0.99" in text
    f = tmp_path / "strict.yaml"
    f.write_text(text, encoding="utf-8")
    rc, out, _ = run(capsys, "--template", str(f), "--transcript", str(DEV / "dev-001.json"))
    greeting = json.loads(out)["answers"]["greeting"]
    assert rc == 0 and greeting["value"] is None and greeting["evidence"]
