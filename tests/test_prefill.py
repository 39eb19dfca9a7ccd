"""Auto-prefill in the workspace's storage: suggestion and final answer side by side.

Real SQLite, real dialogs from dialogs-dev stored as an interaction's transcript.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qcdesk.db.models import EvaluationAnswer
from qcdesk.db.session import session_scope
from qcdesk.errors import KnownError
from qcdesk.services.autoscore import autoscore, resolve_template
from qcdesk.services.dto import Segment, TranscriptInfo
from qcdesk.services.importer import ImportOptions
from qcdesk.services.prefill import average_metrics, prefill_interaction


def load_dialog(shared_data: Path, name: str) -> dict:
    return json.loads((shared_data / "dialogs-dev" / f"{name}.json").read_text(encoding="utf-8"))


def transcript_of(data: dict) -> TranscriptInfo:
    return TranscriptInfo(
        data.get("language", "ru"),
        "import",
        tuple(Segment(s["speaker"], s["start"], s["end"], s["text"]) for s in data["segments"]),
    )


@pytest.fixture
def call(services, stereo_wav: Path, shared_data: Path):
    """An imported call whose transcript is dev-003 (imported as incoming), filed under the
    company the dialog speaks for («компания окно века»): the rules know its name."""
    options = ImportOptions(client="Окно века", consultant="Анна", direction="incoming")
    (iid,) = services.importer.import_paths([stereo_wav], options).imported
    data = load_dialog(shared_data, "dev-003")
    services.interactions.save_transcript(iid, transcript_of(data))
    return iid, data


def expected(data: dict, iid: int, services) -> dict:
    """What the engine says for the stored transcript (the contract's own output), with what
    the app knows about the interaction: its company (and spoken names), its consultant."""
    template = resolve_template("sales-call-ru")
    stored = services.interactions.get(iid)
    aliases = list(services.catalog.spoken_names(stored.row.client_id))
    return autoscore(
        template,
        {
            "channel": "call",
            "direction": stored.row.direction,
            "company": {"name": stored.row.client, "aliases": aliases},
            "consultant_name": stored.row.consultant,
            "language": "ru",
            "duration": stored.row.duration,
            "segments": [
                {"speaker": s.speaker, "start": s.start, "end": s.end, "text": s.text}
                for s in stored.transcript.segments
            ],
        },
    )


def test_prefill_stores_suggestions_metrics_and_outcome(services, call) -> None:
    iid, data = call
    done = services.prefill.prefill(iid)
    assert done is not None and done.interaction_id == iid
    want = expected(data, iid, services)
    state = services.evaluations.open(iid)
    assert state.autoscored_at is not None and state.evaluation_id == done.evaluation_id
    assert state.reviewer == "Тестовый Ревьюер"  # the first person to open it
    assert set(want["answers"]) <= set(state.answers)
    for cid, ans in want["answers"].items():
        a = state.answers[cid]
        assert a.suggested and not a.confirmed
        assert a.suggested_value == ans["value"] and a.value == ans["value"]
        assert a.suggested_confidence == ans["confidence"]
        assert [e.quote for e in a.suggested_evidence] == [e["quote"] for e in ans["evidence"]]
    assert done.suggested + done.abstained == len(want["answers"])
    assert (state.suggested_stage, state.suggested_goal) == (
        want["stage_reached"],
        want["goal_achieved"],
    )
    assert (state.stage_reached, state.goal_achieved) == (
        want["stage_reached"],
        want["goal_achieved"],
    )
    assert state.score.total == pytest.approx(want["score"], abs=0.01)
    row = services.interactions.row(iid)
    assert row.status == "new"  # nobody has worked on it yet
    cmp = services.prefill.metrics_comparison(iid)
    assert cmp.metrics == want["metrics"] and cmp.peers == 1
    assert cmp.average["talk_share_consultant"] == pytest.approx(
        want["metrics"]["talk_share_consultant"]
    )


def test_accept_override_and_rerun_never_overwrite_the_reviewer(services, call) -> None:
    iid, _ = call
    services.prefill.prefill(iid)
    state = services.evaluations.open(iid)
    ev = state.evaluation_id
    suggested = {c: a.suggested_value for c, a in state.answers.items() if a.suggested}
    assert suggested["greeting"] == "yes" and suggested["farewell"] == "yes"

    state = services.evaluations.accept_suggestion(ev, "greeting")
    assert state.answers["greeting"].confirmed and state.answers["greeting"].value == "yes"
    state = services.evaluations.set_answer(ev, "farewell", "no")  # override
    farewell = state.answers["farewell"]
    assert farewell.confirmed and farewell.value == "no" and farewell.suggested_value == "yes"
    state = services.evaluations.set_answer(ev, "named_company", None)  # cleared on purpose
    services.evaluations.set_comment(ev, "tone_friendly", "Вежливо")  # a manual criterion
    services.evaluations.set_outcome(ev, stage_reached="needs", goal_achieved=None, deal_amount=1)

    # Someone edits the transcript so that the engine now says "no" everywhere it can.
    services.interactions.save_transcript(
        iid,
        TranscriptInfo(
            "ru",
            "import",
            (
                Segment("consultant", 0.0, 2.0, "да"),
                Segment("client", 2.5, 4.0, "мне нужен диван"),
                Segment("consultant", 4.5, 6.0, "есть серый за сорок тысяч"),
            ),
        ),
    )
    again = services.evaluations.rerun_prefill(ev)
    assert again.answers["greeting"].value == "yes"  # accepted: kept
    assert again.answers["greeting"].suggested_value == "no"  # but the suggestion is new
    assert again.answers["farewell"].value == "no" and again.answers["farewell"].confirmed
    assert again.answers["named_company"].value is None
    assert again.answers["named_company"].confirmed
    assert again.answers["tone_friendly"].comment == "Вежливо"
    assert again.stage_reached == "needs"  # the reviewer's outcome stays
    # Unconfirmed suggestions follow the new run.
    assert not again.answers["introduced_self"].confirmed
    assert again.answers["introduced_self"].value == "no"


def test_accept_all_confirms_suggestions_and_leaves_abstentions(services, call) -> None:
    iid, _ = call
    services.prefill.prefill(iid)
    ev = services.evaluations.open(iid).evaluation_id
    with session_scope(services.session_factory, services.db_path) as s:
        a = s.query(EvaluationAnswer).filter_by(evaluation_id=ev, criterion_id="checked_time").one()
        a.value, a.suggested_value, a.suggested_confidence = None, None, 0.4  # an abstention
    state = services.evaluations.accept_all_suggestions(ev)
    for cid, a in state.answers.items():
        if not a.suggested:
            continue
        if cid == "checked_time":
            assert a.value is None and not a.confirmed
        else:
            assert a.confirmed and a.value == a.suggested_value
    assert services.interactions.row(iid).status == "in_progress"
    # Accepting an abstention does nothing.
    state = services.evaluations.accept_suggestion(ev, "checked_time")
    assert state.answers["checked_time"].value is None


def test_prefill_is_deterministic(services, call) -> None:
    iid, _ = call

    def snapshot():
        st = services.evaluations.open(iid)
        return {
            c: (a.value, a.suggested_value, a.suggested_evidence) for c, a in st.answers.items()
        }

    services.prefill.prefill(iid)
    first = snapshot()
    services.prefill.prefill(iid)
    assert snapshot() == first


def test_nothing_to_prefill(services, stereo_wav: Path) -> None:
    (iid,) = services.importer.import_paths([stereo_wav], ImportOptions(client="К")).imported
    assert prefill_interaction(services.session_factory, services.db_path, iid) is None
    services.interactions.save_transcript(
        iid, TranscriptInfo("ru", "asr", (Segment("A", 0, 1, "добрый день"),))
    )
    assert services.prefill.prefill(iid) is None  # roles unknown: nothing is guessed
    ev = services.evaluations.open(iid).evaluation_id
    with pytest.raises(KnownError):
        services.evaluations.rerun_prefill(ev)
    with pytest.raises(KnownError):
        services.prefill.prefill(10_000)


def test_team_average_is_over_the_consultants_team(services, stereo_wav, shared_data, tmp_path):
    import shutil

    catalog = services.catalog
    client = catalog.ensure_client("Диваны Плюс", "ru")
    catalog.ensure_consultant(client.id, "Анна", team="Продажи")
    catalog.ensure_consultant(client.id, "Игорь", team="Продажи")
    catalog.ensure_consultant(client.id, "Олег", team="Сервис")
    ids = {}
    for name, dialog in (("Анна", "dev-001"), ("Игорь", "dev-006"), ("Олег", "dev-004")):
        copy = tmp_path / f"{name}.wav"
        shutil.copyfile(stereo_wav, copy)
        with open(copy, "ab") as fh:
            fh.write(name.encode())  # another hash: another recording
        opts = ImportOptions(client="Диваны Плюс", consultant=name)
        (iid,) = services.importer.import_paths([copy], opts).imported
        services.interactions.save_transcript(iid, transcript_of(load_dialog(shared_data, dialog)))
        services.prefill.prefill(iid)
        ids[name] = iid
    anna = services.prefill.metrics_comparison(ids["Анна"])
    igor = services.prefill.metrics_comparison(ids["Игорь"])
    assert anna.scope == "team" and anna.scope_name == "Продажи" and anna.peers == 2
    share = (anna.metrics["talk_share_consultant"] + igor.metrics["talk_share_consultant"]) / 2
    assert anna.average["talk_share_consultant"] == pytest.approx(share, abs=1e-3)
    assert services.prefill.metrics_comparison(ids["Олег"]).peers == 1


def test_average_metrics_skips_undefined_values() -> None:
    rows = [{"a": 1.0, "b": None}, {"a": 2.0, "b": 4}, {"a": None, "c": True}]
    assert average_metrics(rows) == {"a": 1.5, "b": 4.0, "c": None}


def test_transcription_runs_prefill(services, stereo_wav: Path) -> None:
    """After a transcript is stored by transcription, suggestions and metrics are there.

    The engine is the real remote engine talking to a small server on loopback that answers
    every window with the same greeting.
    """
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from qcdesk.asr.remote import RemoteEngine
    from qcdesk.services.transcription import TranscriptionService

    said = "Добрый день, салон «Уют», меня зовут Анна."
    answer = {
        "task": "transcribe",
        "language": "russian",
        "duration": 3.0,
        "text": said,
        "segments": [
            {"id": 0, "start": 0.2, "end": 2.8, "text": " " + said, "avg_logprob": -0.2,
             "no_speech_prob": 0.01, "compression_ratio": 1.0},
        ],
    }  # fmt: skip

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps(answer).encode())

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        (iid,) = services.importer.import_paths([stereo_wav], ImportOptions(client="К")).imported
        engine = RemoteEngine(f"http://127.0.0.1:{server.server_address[1]}/v1")
        svc = TranscriptionService(
            services.session_factory, services.db_path, services.library_dir, engine
        )
        svc.transcribe(iid)
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
    state = services.evaluations.open(iid)
    assert state.autoscored_at is not None
    assert state.answers["greeting"].suggested_value == "yes"
    assert not state.answers["greeting"].confirmed
    assert services.prefill.metrics_comparison(iid).metrics["talk_share_consultant"] is not None


def test_a_comment_alone_leaves_the_answer_to_the_prefill(services, call) -> None:
    iid, _ = call
    ev = services.evaluations.open(iid).evaluation_id
    services.evaluations.set_comment(ev, "greeting", "Проверить начало")
    services.evaluations.add_evidence(ev, "farewell", 12.0)
    services.prefill.prefill(iid)
    state = services.evaluations.open(iid)
    greeting, farewell = state.answers["greeting"], state.answers["farewell"]
    assert greeting.value == "yes" and not greeting.confirmed
    assert greeting.comment == "Проверить начало"
    assert farewell.value == "yes" and farewell.evidence == (12.0,)


def test_reports_leave_out_unconfirmed_prefill_until_reviewed(services, call) -> None:
    """Machine suggestions are not a review: the report counts them once a reviewer signs off."""
    from datetime import date

    from qcdesk.reports.model import Period
    from qcdesk.services.report_query import load_dataset

    iid, _ = call
    services.prefill.prefill(iid)
    stored = services.interactions.get(iid).row
    day = stored.started_at.date() if stored.started_at else date.today()
    period = Period(day.replace(day=1), day)

    def evaluated() -> set[int]:
        with session_scope(services.session_factory) as s:
            data = load_dataset(s, stored.client_id, period)
        return {e.interaction_id for e in data.evals}

    assert iid not in evaluated()
    state = services.evaluations.open(iid)
    services.evaluations.set_status(state.evaluation_id, "reviewed", confirm_incomplete=True)
    assert iid in evaluated()
    with session_scope(services.session_factory) as s:
        answers = s.query(EvaluationAnswer).filter_by(evaluation_id=state.evaluation_id).all()
        assert all(a.confirmed for a in answers if a.value is not None)


def test_without_a_template_only_the_metrics_are_stored(services, call) -> None:
    """Metrics need no checklist: a kind with no template still gets them, and no form."""
    from qcdesk.db.models import ChecklistVersion, Interaction

    iid, _ = call
    with session_scope(services.session_factory) as s:
        for v in s.query(ChecklistVersion).all():
            v.status = "archived"
    assert services.prefill.prefill(iid) is None
    with session_scope(services.session_factory) as s:
        metrics = s.get_one(Interaction, iid).metrics
        assert metrics and metrics["talk_share_consultant"] > 0
    assert services.rescore.latest_evaluation(iid) is None


def test_prefill_hears_the_company_by_its_spoken_names(services, stereo_wav: Path) -> None:
    """The company's spoken names and the consultant's name reach the rules: a garbled
    spoken name counts, with the words heard and their similarity kept for the reviewer; the
    same call without them in what was said gets no "yes"."""
    options = ImportOptions(client="Кофейня", consultant="Анастасия Белова", direction="incoming")
    (iid,) = services.importer.import_paths([stereo_wav], options).imported
    client_id = services.interactions.get(iid).row.client_id
    assert services.catalog.set_spoken_names(client_id, ["КофеОфис Про", " ", "КофеОфис Про"]) == (
        "КофеОфис Про",
    )
    said = (
        ("consultant", 0.5, 4.0, "добрый день кофесс фиспро меня зовут на ностасе"),
        ("client", 4.5, 6.0, "здравствуйте хочу кофемашину в офис"),
        ("consultant", 6.5, 9.0, "какая у вас площадь офиса и сколько сотрудников"),
    )
    segs = tuple(Segment(sp, a, b, text) for sp, a, b, text in said)
    services.interactions.save_transcript(iid, TranscriptInfo("ru", "import", segs))
    services.prefill.prefill(iid)
    answers = services.evaluations.open(iid).answers
    for cid, heard in (("named_company", "кофесс фиспро"), ("introduced_self", "на ностасе")):
        (ev,) = answers[cid].suggested_evidence
        assert answers[cid].suggested_value == "yes"
        assert ev.match in heard and ev.similarity is not None and 0.7 < ev.similarity < 1
    plain = tuple(
        Segment(sp, a, b, "добрый день слушаю вас" if sp == "consultant" and a < 1 else text)
        for sp, a, b, text in said
    )
    services.interactions.save_transcript(iid, TranscriptInfo("ru", "import", plain))
    services.prefill.prefill(iid)
    answers = services.evaluations.open(iid).answers
    assert answers["named_company"].suggested_value != "yes"
    assert answers["introduced_self"].suggested_value != "yes"


def test_spoken_names_are_bounded(services) -> None:
    client = services.catalog.ensure_client("Кофейня")
    with pytest.raises(KnownError):
        services.catalog.set_spoken_names(client.id, [str(i) for i in range(21)])
    with pytest.raises(KnownError):
        services.catalog.set_spoken_names(client.id, ["x" * 101])
    assert services.catalog.spoken_names(client.id) == ()
