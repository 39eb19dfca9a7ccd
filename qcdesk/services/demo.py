"""The demo project: two client companies, six consultants, ~30 scored calls.

Audio, transcripts and answers come from ``resources/demo/`` (made by its generate.py with
Festival's Russian voice), never from the shared test data, which users don't have.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from qcdesk.db.models import Evaluation, EvaluationAnswer, Interaction
from qcdesk.db.session import session_scope
from qcdesk.services.context import ServiceLayer
from qcdesk.services.demo_coaching import create_demo_coaching
from qcdesk.services.demo_visits import create_demo_visits
from qcdesk.services.dto import Segment, TranscriptInfo
from qcdesk.services.importer import ImportOptions
from qcdesk.services.interactions import store_transcript
from qcdesk.services.languages import working_language
from qcdesk.services.scoresheet import get_or_create_reviewer, store_score
from qcdesk.services.templates import default_version

DEMO_DIR = Path(__file__).resolve().parents[2] / "resources" / "demo"


def load_manifest(folder: Path = DEMO_DIR) -> dict[str, Any]:
    with open(folder / "manifest.json", encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def create_demo(services: ServiceLayer, folder: Path = DEMO_DIR) -> list[int]:
    """Fill the database with the demo project; running it again adds nothing twice."""
    manifest = load_manifest(folder)
    catalog = services.catalog
    for c in manifest["clients"]:
        client = catalog.ensure_client(c["name"], c.get("language", "ru"))
        if c.get("spoken_names"):
            catalog.set_spoken_names(client.id, c["spoken_names"])
        for team in c.get("teams", []):
            for person in team["consultants"]:
                catalog.ensure_consultant(
                    client.id, person["name"], extension=person.get("extension"), team=team["name"]
                )
    created: list[int] = []
    for item in manifest["interactions"]:
        options = ImportOptions(
            client=item["client"],
            consultant=item.get("consultant"),
            direction=item.get("direction"),
        )
        new_id = services.importer.import_file(folder / item["file"], options)
        if new_id is None:
            continue  # already there from an earlier run
        created.append(new_id)
        with session_scope(services.session_factory, services.db_path) as s:
            _fill(s, s.get_one(Interaction, new_id), item)
    # Auto-prefill as transcription would have run it: suggestions wait on the calls still in
    # progress; on reviewed ones they only feed the agreement figures and the metrics.
    services.prefill.prefill_many(created)
    created += _demo_chats(services, folder / "chats")
    created += create_demo_visits(services)
    _demo_calllog(services, folder / "calllog")
    create_demo_coaching(services)
    return created


CALLLOG_CLIENT = "Диваны Плюс"  # resources/demo/calllog/generate.py writes this company's log


def _demo_calllog(services: ServiceLayer, folder: Path) -> None:
    """Two months of the furniture shop's Asterisk log; re-running imports nothing twice.

    The lost-profit inputs are set but left unconfirmed, as a new client's would be, so the
    demo report shows the warning that they are estimates.
    """
    log = folder / "Master.csv"
    if not log.is_file():
        return
    services.calllog.set_settings(
        CALLLOG_CLIENT, profit={"average_deal": [30_000, 45_000, 60_000], "confirmed": False}
    )
    services.calllog.import_paths([log], CALLLOG_CLIENT)


def _demo_chats(services: ServiceLayer, folder: Path) -> list[int]:
    """Import the demo chats (Telegram, WhatsApp) with each company's hours; none twice."""
    from qcdesk.services.chat_import import AuthorRole, ChatImportOptions

    if not (folder / "chats.json").is_file():
        return []
    with open(folder / "chats.json", encoding="utf-8") as fh:
        manifest = json.load(fh)
    for name, hours in manifest.get("working_hours", {}).items():
        client = services.catalog.ensure_client(name)
        services.catalog.set_schedule(client.id, hours.pop("timezone"), hours)
    created: list[int] = []
    for item in manifest["chats"]:
        roles = {item["author"]: AuthorRole("consultant", item["consultant"])}
        options = ChatImportOptions(client=item["client"], authors=roles)
        imported = services.chats.import_paths([folder / item["file"]], options).imported
        if item.get("reviewed"):
            # A reviewed chat, so that reports show chats as a channel of their own.
            for iid in imported:
                state = services.evaluations.open(iid)
                services.evaluations.set_status(
                    state.evaluation_id, "reviewed", confirm_incomplete=True
                )
        created += imported
    return created


def _fill(s, it: Interaction, item: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    """Set the manifest's metadata, transcript and evaluation on a freshly imported call."""
    if item.get("started_at"):
        # Stored as the local wall-clock time of the recording, like telephony file names.
        it.started_at = datetime.fromisoformat(item["started_at"]).replace(tzinfo=None)
    it.customer_ref = item.get("customer_ref")
    it.kind = item.get("kind", "call")
    segments = tuple(
        Segment(seg["speaker"], float(seg["start"]), float(seg["end"]), seg["text"])
        for seg in item.get("segments", [])
    )
    if segments:
        s.flush()
        store_transcript(s, it.id, TranscriptInfo(item.get("language", "ru"), "demo", segments))
    ev_data = item.get("evaluation")
    if not ev_data:
        return
    version = default_version(s, it.kind, working_language(s, it), it.client_id)
    ev = Evaluation(
        interaction=it,
        version=version,
        reviewer=get_or_create_reviewer(s, ev_data.get("reviewer", "")),
        status=ev_data.get("status", "reviewed"),
    )
    s.add(ev)
    for cid, ans in ev_data.get("answers", {}).items():
        ev.answers.append(
            EvaluationAnswer(
                criterion_id=cid,
                value=ans.get("value"),
                comment=ans.get("comment", ""),
                evidence=list(ans.get("evidence", [])),
            )
        )
    it.stage_reached = ev_data.get("stage_reached")
    it.goal_achieved = ev_data.get("goal_achieved")
    it.deal_amount = ev_data.get("deal_amount")
    s.flush()
    store_score(ev)
    it.status = ev.status
