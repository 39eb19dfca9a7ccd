"""``qcdesk calibration create|submit|results|close|reference`` (issue 13 §7), JSON out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qcdesk.cli import main
from qcdesk.domain.reliability import fleiss_kappa, krippendorff_alpha, percent_agreement
from tests.helpers.calibration import answers_for, october_calls


def _cli(capsys, *args: object) -> tuple[int, dict | None, str]:  # type: ignore[no-untyped-def]
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def test_calibration_from_the_command_line(services, tmp_path: Path, capsys, run_cli) -> None:  # type: ignore[no-untyped-def]
    _client, (call1, call2) = october_calls(services, 2)
    template = services.calibration.open_form(
        services.calibration.create("Мебель Тест", [call1], ["X", "Y"]).id, "X", call1
    ).template
    db = services.db_path
    res = run_cli(
        "calibration", "create", "--db", db, "--client", "Мебель Тест",
        "--interactions", f"{call1},{call2}", "--participants", "Анна,Борис,Вера",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    session = json.loads(res.stdout)["session"]

    answers = {
        "Анна": {call1: {"greeting": "no"}, call2: {"tone_friendly": 4}},
        "Борис": {call1: {}, call2: {}},
        "Вера": {call1: {"greeting": "no"}, call2: {"tone_friendly": "3"}},
    }
    files = {}
    for name, per_call in answers.items():
        files[name] = tmp_path / f"{name}.json"
        data = {
            str(i): answers_for(template, {k: str(v) for k, v in a.items()})
            for i, a in per_call.items()
        }
        # Scale answers as JSON numbers, as the file format allows.
        for a in data.values():
            a["tone_friendly"] = int(a["tone_friendly"])  # type: ignore[assignment]
        files[name].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    code, out, err = _cli(capsys, "calibration", "results", "--db", db, "--session", session)
    assert code == 2 and out is None and "Анна, Борис, Вера" in err
    code, out, _ = _cli(
        capsys, "calibration", "submit", "--db", db, "--session", session,
        "--reviewer", "Анна", "--answers", files["Анна"],
    )  # fmt: skip
    assert code == 0 and out is not None
    assert out["participants"][0] == {"name": "Анна", "submitted": True}
    assert not out["results_open"]
    for name in ("Борис", "Вера"):
        code, out, err = _cli(
            capsys, "calibration", "submit", "--db", db, "--session", session,
            "--reviewer", name, "--answers", files[name],
        )  # fmt: skip
        assert code == 0, err
    code, out, _ = _cli(capsys, "calibration", "results", "--db", db, "--session", session)
    assert code == 0 and out is not None and out["results_open"]
    criteria = {c["criterion"]: c for c in out["criteria"]}
    greeting = [["no", "yes", "no"], ["yes", "yes", "yes"]]
    assert criteria["greeting"]["agreement"] == pytest.approx(percent_agreement(greeting), abs=1e-4)
    assert criteria["greeting"]["fleiss_kappa"] == pytest.approx(0.25)
    assert criteria["greeting"]["deviating"] == ["Борис"]
    tone = [["5", "5", "5"], ["4", "5", "3"]]
    assert criteria["tone_friendly"]["krippendorff_alpha"] == pytest.approx(
        krippendorff_alpha(tone, "interval"), abs=1e-4
    )
    assert criteria["tone_friendly"]["fleiss_kappa"] == pytest.approx(fleiss_kappa(tone), abs=1e-4)
    assert {(k["a"], k["b"]) for k in criteria["greeting"]["cohen_kappa"]} == {
        ("Анна", "Борис"), ("Анна", "Вера"), ("Борис", "Вера")
    }  # fmt: skip
    overall = out["overall"]
    assert overall["units"] == 2 * len(criteria)
    assert overall["totals"]["max_spread"] > 0
    totals = {i["interaction"]: i["totals"] for i in out["interactions"]}
    assert totals[call2]["Борис"] == 100.0 and totals[call2]["Вера"] < totals[call2]["Анна"]

    ref = tmp_path / "reference.json"
    ref.write_text(json.dumps({str(call1): {"greeting": "no"}}), encoding="utf-8")
    code, out, err = _cli(
        capsys, "calibration", "reference", "--db", db, "--session", session,
        "--answers", ref, "--lead", "Лида",
    )  # fmt: skip
    assert code == 0, err
    assert out is not None and out["references"][0]["interaction"] == call1
    code, out, _ = _cli(capsys, "calibration", "results", "--db", db, "--session", session)
    assert out is not None and out["references"][str(call1)]["greeting"] == "no"
    # Boris said "yes" to the greeting of call 1 where the reference says "no".
    code, out, _ = _cli(
        capsys, "calibration", "alignment", "--db", db, "--client", "Мебель Тест",
        "--reviewer", "Борис",
    )  # fmt: skip
    assert code == 0 and out is not None
    (boris,) = out["reviewers"]
    greeting = next(c for c in boris["criteria"] if c["criterion"] == "greeting")
    assert (greeting["compared"], greeting["agreement"], greeting["drift"]) == (1, 0.0, 100.0)
    assert [(d["interaction"], d["criterion"]) for d in out["differences"]] == [(call1, "greeting")]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{not json", "not JSON"),
        (b"[1, 2]", "object keyed by interaction id"),
        (b'{"abc": {}}', "not an interaction id"),
        (b'{"1": {"greeting": true}}', "is not an answer"),
        (b'{"1": ["yes"]}', "are not an object"),
        (b"\xff\xfe", "not JSON"),
    ],
)
def test_bad_answers_files_are_refused_naming_them(
    services, tmp_path: Path, capsys, content: bytes, problem: str
) -> None:  # type: ignore[no-untyped-def]
    _client, (call,) = october_calls(services, 1)
    session = services.calibration.create("Мебель Тест", [call], ["A", "B"]).id
    bad = tmp_path / "ответы.json"
    bad.write_bytes(content)
    code, out, err = _cli(
        capsys, "calibration", "submit", "--db", services.db_path, "--session", session,
        "--reviewer", "A", "--answers", bad,
    )  # fmt: skip
    assert code == 2 and out is None
    assert str(bad) in err and problem in err
    assert not services.calibration.info(session).participants[0][1]  # nothing submitted
    code, _out, err = _cli(
        capsys, "calibration", "results", "--db", services.db_path, "--session", 999
    )
    assert code == 2 and "no calibration session 999" in err


def test_create_by_drawing(services, capsys) -> None:  # type: ignore[no-untyped-def]
    _client, calls = october_calls(services, 4)
    db = services.db_path
    args = ["calibration", "create", "--db", db, "--client", "Мебель Тест", "--draw", 2,
            "--seed", 5, "--participants", "A,B"]  # fmt: skip
    code, first, _ = _cli(capsys, *args)
    code2, second, _ = _cli(capsys, *args)
    assert code == code2 == 0 and first is not None and second is not None
    assert first["interactions"] == second["interactions"] and first["session"] != second["session"]
    assert len(first["interactions"]) == 2 and set(first["interactions"]) <= set(calls)
    with pytest.raises(SystemExit) as exit_:  # argparse: one of the two is required
        main(["calibration", "create", "--db", str(db), "--client", "x", "--participants", "A,B"])
    assert exit_.value.code == 2 and "--interactions" in capsys.readouterr().err
