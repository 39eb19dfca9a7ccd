"""The demo's mystery-shopping assignments: a shop visit with photos and an online request.

Made through the same services as the window uses (assignment, attachments, answers), from
``resources/demo/visits/visits.json`` and the small drawings next to it
(``resources/demo/make_visit_photos.py``), so the demo shows the feature as a user sees it.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from qcdesk.services.dto import AssignmentDraft, InteractionFilter

VISITS_DIR = Path(__file__).resolve().parents[2] / "resources" / "demo" / "visits"


def create_demo_visits(services: Any, folder: Path = VISITS_DIR) -> list[int]:
    """Add the demo visits that are not there yet (matched by company and location)."""
    with open(folder / "visits.json", encoding="utf-8") as fh:
        visits: list[dict[str, Any]] = json.load(fh)["visits"]
    created: list[int] = []
    for v in visits:
        client = services.catalog.ensure_client(v["client"])
        existing = services.interactions.query(InteractionFilter(client_id=client.id, kind="visit"))
        if any(r.customer_ref == v["location"] for r in existing):
            continue
        planned, checkin = v.get("planned_date"), v.get("checkin_at")
        made = services.mystery.create(
            AssignmentDraft(
                client=v["client"],
                channel=v["channel"],
                location=v["location"],
                consultant=v.get("consultant"),
                scenario=v.get("scenario", ""),
                planned_date=date.fromisoformat(planned) if planned else None,
                shopper=v.get("shopper", ""),
                checkin_at=datetime.fromisoformat(checkin) if checkin else None,
                checkin_place=v.get("checkin_place", ""),
            )
        )
        iid = made.interaction_id
        for att in v.get("attachments", []):
            info = services.mystery.add_attachment(iid, folder / att["file"])
            if att.get("criteria"):
                services.mystery.set_attachment_criteria(info.id, att["criteria"])
        ev = services.evaluations.open(iid)
        for cid, answer in v.get("answers", {}).items():
            services.evaluations.set_answer(ev.evaluation_id, cid, answer["value"])
            if answer.get("comment"):
                services.evaluations.set_comment(ev.evaluation_id, cid, answer["comment"])
        services.evaluations.set_outcome(
            ev.evaluation_id,
            stage_reached=v.get("stage_reached"),
            goal_achieved=v.get("goal_achieved"),
            deal_amount=None,
        )
        services.evaluations.set_status(ev.evaluation_id, "reviewed", confirm_incomplete=True)
        created.append(iid)
    return created
