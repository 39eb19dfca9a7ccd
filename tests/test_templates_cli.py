"""`qcdesk template import/export/validate`: the command-line contract, as real processes."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from qcdesk.domain.checklist_schema import load_template, template_to_dict

REPO = Path(__file__).resolve().parents[1]
SALES = REPO / "checklists" / "sales-call-ru.yaml"


def test_import_then_export_round_trips(run_cli, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    data = yaml.safe_load(SALES.read_text(encoding="utf-8")) | {"id": "romashka-call"}
    src = tmp_path / "romashka.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    res = run_cli("template", "import", "--db", db, src, "--client", "ООО Ромашка")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == {"id": "romashka-call", "version": 1}

    out = tmp_path / "back.yaml"
    res = run_cli("template", "export", "--db", db, "--id", "romashka-call", "--out", out)
    assert res.returncode == 0, res.stderr
    assert template_to_dict(load_template(out)) == template_to_dict(load_template(src))
    assert load_template(out) == load_template(src)
    for suffix in ("xlsx", "pdf"):
        target = tmp_path / f"form.{suffix}"
        res = run_cli("template", "export", "--db", db, "--id", "sales-call-ru", "--out", target)
        assert res.returncode == 0, res.stderr
        assert target.stat().st_size > 1000


def test_import_and_export_errors_exit_non_zero(run_cli, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    bad = tmp_path / "bad.yaml"
    bad.write_text(SALES.read_text(encoding="utf-8").replace("weight: 2", "weight: 0", 1), "utf-8")
    res = run_cli("template", "import", "--db", db, bad)
    assert res.returncode == 2 and f"{bad}:" in res.stderr and "greater than 0" in res.stderr
    res = run_cli("template", "export", "--db", db, "--id", "nope", "--out", tmp_path / "x.yaml")
    assert res.returncode == 2 and "nope" in res.stderr
    res = run_cli(
        "template", "export", "--db", db, "--id", "sales-call-ru", "--out", tmp_path / "x.doc"
    )
    assert res.returncode == 2 and ".yaml, .xlsx or .pdf" in res.stderr


def test_validate_reports_every_problem_with_file_and_line(run_cli, tmp_path: Path) -> None:
    text = SALES.read_text(encoding="utf-8")
    text = text.replace("answer: yes_no_partial", "answer: stars", 1)
    text = text.replace("        na_allowed: false\n        auto: no_rudeness",
                        "        na_allowed: true\n        auto: no_rudeness")  # fmt: skip
    text = text.replace("      - id: introduced_self", "      - id: greeting", 1)
    bad = tmp_path / "many.yaml"
    bad.write_text(text, encoding="utf-8")
    res = run_cli("template", "validate", SALES, bad)
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith(f"{bad}:") for line in lines)
    assert "duplicate criterion id 'greeting'" in res.stderr
    assert "unknown answer type 'stars'" in res.stderr
    assert "is critical, so it cannot allow N/A" in res.stderr
    ok = run_cli("template", "validate", *sorted((REPO / "checklists").glob("*.yaml")))
    assert ok.returncode == 0 and "valid" in ok.stdout
