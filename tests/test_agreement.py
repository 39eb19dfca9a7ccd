"""Agreement between suggestions and reviewers' final answers, per criterion (issue 5, §5)."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from qcdesk.cli import main
from qcdesk.db.models import Evaluation, EvaluationAnswer
from qcdesk.db.session import session_scope
from qcdesk.services.agreement import cohen_kappa, criterion_agreement, format_table
from qcdesk.services.importer import ImportOptions

# (suggested, final) for greeting over five reviewed evaluations; None = the engine abstained.
GREETING = [("yes", "yes"), ("yes", "yes"), ("no", "yes"), (None, "no"), ("no", "no")]
# Worked by hand, abstention as its own category "∅":
#   po = 3/5 = 0.6; suggested shares yes 2, no 2, ∅ 1; final shares yes 3, no 2
#   pe = (2*3 + 2*2 + 1*0) / 25 = 0.4; kappa = (0.6 - 0.4) / (1 - 0.4) = 1/3
GREETING_KAPPA = 1 / 3


def test_kappa_by_hand() -> None:
    pairs = [("∅" if p is None else p, g) for p, g in GREETING]
    assert cohen_kappa(pairs) == pytest.approx(GREETING_KAPPA)
    # A textbook case: 2x2 table [[20, 5], [10, 15]] -> po 0.7, pe 0.5, kappa 0.4.
    table = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(table) == pytest.approx(0.4)
    assert cohen_kappa([("y", "y")] * 4) is None  # chance agreement is total
    assert cohen_kappa([]) is None
    row = criterion_agreement("t", "greeting", "Поздоровался", GREETING)
    assert (row.n, row.answered) == (5, 4)
    assert row.agreement == pytest.approx(0.6) and row.coverage == pytest.approx(0.8)
    assert row.accuracy_answered == pytest.approx(0.75) and row.flagged


def _calls(services, stereo_wav: Path, tmp_path: Path, client: str, n: int) -> list[int]:
    ids = []
    for i in range(n):
        copy = tmp_path / f"{client}-{i}.wav"
        shutil.copyfile(stereo_wav, copy)
        with open(copy, "ab") as fh:
            fh.write(f"{client}{i}".encode())  # a different hash: another recording
        (iid,) = services.importer.import_paths([copy], ImportOptions(client=client)).imported
        ids.append(iid)
    return ids


def _evaluate(services, iid: int, answers: dict, *, status="reviewed", outcome=None) -> None:
    """An evaluation as the workspace leaves it: suggestion, final answer, confirmed flag."""
    ev_id = services.evaluations.open(iid).evaluation_id
    with session_scope(services.session_factory, services.db_path) as s:
        ev = s.get_one(Evaluation, ev_id)
        for cid, (suggested, final, confirmed) in answers.items():
            ev.answers.append(
                EvaluationAnswer(
                    criterion_id=cid,
                    value=final,
                    suggested=True,
                    suggested_value=suggested,
                    suggested_confidence=0.9,
                    suggested_evidence=[],
                    confirmed=confirmed,
                )
            )
        ev.status = status
        ev.autoscored_at = datetime(2026, 10, 1)
        if outcome:
            ev.suggested_stage, ev.suggested_goal, stage, goal = outcome
            ev.interaction.stage_reached, ev.interaction.goal_achieved = stage, goal


@pytest.fixture
def reviewed(services, stereo_wav: Path, tmp_path: Path):
    ids = _calls(services, stereo_wav, tmp_path, "Диваны Плюс", 6)
    outcomes = [
        ("closing", True, "closing", True),
        ("closing", False, "closing", False),
        ("needs", False, "presentation", False),
        ("closing", True, "closing", False),
        ("greeting", False, "greeting", False),
    ]
    for iid, (sug, final), outcome in zip(ids, GREETING, outcomes, strict=False):
        _evaluate(
            services,
            iid,
            {"greeting": (sug, final, True), "farewell": ("yes", "yes", True)},
            outcome=outcome,
        )
    # Neither an unconfirmed suggestion nor an unfinished evaluation counts.
    _evaluate(services, ids[5], {"greeting": ("no", "yes", True)}, status="in_progress")
    other = _calls(services, stereo_wav, tmp_path, "ТехноДом", 1)
    _evaluate(
        services, other[0], {"greeting": ("no", "yes", True), "farewell": ("no", "no", False)}
    )
    return ids


def test_report_over_reviewed_evaluations(services, reviewed) -> None:
    report = services.agreement.report("Диваны Плюс")
    rows = {r.criterion_id: r for r in report.rows}
    assert report.evaluations == 5 and report.client == "Диваны Плюс"
    g = rows["greeting"]
    assert (g.n, g.answered, g.template) == (5, 4, "sales-call-ru")
    assert g.kappa == pytest.approx(GREETING_KAPPA) and g.agreement == pytest.approx(0.6)
    assert g.flagged and g.title == "Поздоровался"
    f = rows["farewell"]
    assert f.n == 5 and f.agreement == 1 and f.kappa is None and not f.flagged
    assert rows["stage_reached"].agreement == pytest.approx(0.8)
    assert rows["goal_achieved"].agreement == pytest.approx(0.8)
    assert [r.criterion_id for r in report.rows][-2:] == ["stage_reached", "goal_achieved"]
    everyone = {r.criterion_id: r for r in services.agreement.report().rows}
    assert everyone["greeting"].n == 6 and everyone["farewell"].n == 5  # unconfirmed left out
    assert "! sales-call-ru" in format_table(report)


def test_cli_json_and_errors(services, reviewed, capsys) -> None:
    db = str(services.db_path)
    assert main(["agreement", "--db", db, "--client", "Диваны Плюс", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["evaluations"] == 5 and data["thresholds"] == {"agreement": 0.8, "kappa": 0.6}
    g = next(r for r in data["criteria"] if r["criterion"] == "greeting")
    assert g == {
        "template": "sales-call-ru",
        "criterion": "greeting",
        "title": "Поздоровался",
        "n": 5,
        "answered": 4,
        "agreement": 0.6,
        "coverage": 0.8,
        "accuracy_answered": 0.75,
        "kappa": 0.3333,
        "flagged": True,
    }
    assert main(["agreement", "--db", db]) == 0
    assert "greeting" in capsys.readouterr().out
    assert main(["agreement", "--db", db, "--client", "Нет такой"]) == 2
    assert "Нет такой" in capsys.readouterr().err


@pytest.mark.gui
def test_agreement_screen_from_the_menu(qtbot, qtmodeltester, services, reviewed, tmp_path):
    from PySide6.QtCore import Qt

    from qcdesk import settings as opts
    from qcdesk.jobs import JobManager
    from qcdesk.qtmodels.agreement import CRITERION_ROLE, FLAGGED_ROLE
    from qcdesk.widgets.main_window import MainWindow

    settings = opts.Settings.from_ini(tmp_path / "settings.ini")
    w = MainWindow(services, settings, JobManager(synchronous=True))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    assert w.action_map["agreement"] in w.view_menu.actions()
    w.action_map["agreement"].trigger()
    screen = w.agreement_screen
    assert w.stack.currentWidget() is screen
    model = screen.model
    qtmodeltester.check(model)
    rows = {model.index(r, 0).data(CRITERION_ROLE): r for r in range(model.rowCount())}
    assert rows.keys() >= {"greeting", "farewell", "stage_reached", "goal_achieved"}
    g, f = rows["greeting"], rows["farewell"]
    assert model.index(g, 0).data(FLAGGED_ROLE) is True
    assert model.index(g, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert (
        model.index(g, 6).data() == "0.18"
    )  # six pairs with ТехноДом's: (0.5 - 14/36) / (1 - 14/36)
    assert model.index(f, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(rows["stage_reached"], 1).data() == "Outcome: stage reached"
    # One company only: the other company's evaluation leaves the figures.
    combo = screen.client_combo
    i = combo.findText("Диваны Плюс")
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    g = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(CRITERION_ROLE) == "greeting"
    )
    assert model.index(g, 2).data() == "5" and model.index(g, 6).data() == "0.33"
    qtbot.keyClick(screen.view, Qt.Key.Key_Escape)
    assert w.stack.currentWidget() is w.splitter
