"""Linking logged calls to imported recordings, and listing what stays unlinked.

First by identity: the log's recording file name, or the call's unique id inside the
recording's file name (FreePBX and Yeastar end their names with it). Then by the customer's
number and a start time within a tolerance, nearest first; a recording serves one call.
Answered calls without a recording and recordings without a call (within the log's period)
are listed, so that nothing is silently left out of either side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from qcdesk.db.models import Call, CallLeg, Interaction, MediaFile


@dataclass(frozen=True)
class Unmatched:
    kind: str  # "call" (answered, no recording) or "recording" (no call in the log)
    id: int  # Call.id or Interaction.id
    started_at: datetime | None
    customer: str | None
    label: str  # the recording's file name, or the call's id in the log

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "id": self.id,
            "started_at": self.started_at.isoformat() if self.started_at else None,
            "customer": self.customer,
            "label": self.label,
        }


def _base(name: str) -> str:
    return re.split(r"[\\/]", name)[-1].casefold()


def _stem(name: str) -> str:
    base = _base(name)
    dot = base.rfind(".")
    return base[:dot] if dot > 0 else base


def _holds_id(stem: str, unique: str) -> bool:
    """*unique* stands in *stem* as a whole field (1700000000.12 is not in …000.123)."""
    return bool(re.search(rf"(?:^|[-_ ]){re.escape(unique.casefold())}(?:$|[-_ ])", stem))


def match_calls(s: Session, client_id: int, tolerance_s: float) -> tuple[int, list[Unmatched]]:
    """Link calls of the client to its recorded calls; (links made, what stays unmatched)."""
    recordings = s.execute(
        select(Interaction.id, Interaction.started_at, Interaction.customer_ref,
               MediaFile.original_name)
        .join(MediaFile, MediaFile.id == Interaction.media_id)
        .where(Interaction.client_id == client_id, Interaction.kind == "call")
    ).all()  # fmt: skip
    calls = list(
        s.scalars(select(Call).where(Call.client_id == client_id).order_by(Call.started_at))
    )
    used: set[int] = {c.interaction_id for c in calls if c.interaction_id is not None}
    free = [r for r in recordings if r.id not in used]
    made = 0
    pending = [c for c in calls if c.interaction_id is None and c.direction != "internal"]
    if pending and free:
        ids = _leg_ids(s, [c.id for c in pending])
        by_name = {_base(r.original_name): r for r in free}
        for call in pending:
            hit = by_name.get(_base(call.recording)) if call.recording else None
            if hit is None:
                uniques = {call.source_key, *ids.get(call.id, ())} - {""}
                hit = next(
                    (
                        r
                        for r in free
                        if r.id not in used
                        and any(_holds_id(_stem(r.original_name), u) for u in uniques)
                    ),
                    None,
                )
            if hit is not None and hit.id not in used:
                call.interaction_id = hit.id
                used.add(hit.id)
                made += 1
        for call in pending:
            if call.interaction_id is not None or call.customer is None:
                continue
            near = [
                (abs((r.started_at - call.started_at).total_seconds()), r.id)
                for r in free
                if r.id not in used
                and r.started_at is not None
                and r.customer_ref == call.customer
                and abs((r.started_at - call.started_at).total_seconds()) <= tolerance_s
            ]
            if near:
                call.interaction_id = min(near)[1]
                used.add(call.interaction_id)
                made += 1
        s.flush()
    return made, _unmatched(calls, recordings, used)


def _leg_ids(s: Session, call_ids: list[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for i in range(0, len(call_ids), 500):
        rows = s.execute(
            select(CallLeg.call_id, CallLeg.uniqueid).where(
                CallLeg.call_id.in_(call_ids[i : i + 500])
            )
        ).all()
        for cid, unique in rows:
            out.setdefault(cid, set()).add(unique)
    return out


def _unmatched(
    calls: list[Call],
    recordings: Sequence[Row[int, datetime | None, str | None, str]],
    used: set[int],
) -> list[Unmatched]:
    out = [
        Unmatched("call", c.id, c.started_at, c.customer, c.recording or c.source_key)
        for c in calls
        if c.interaction_id is None and c.disposition == "answered" and c.direction != "internal"
    ]
    if calls:
        first, last = calls[0].started_at, calls[-1].started_at
        out.extend(
            Unmatched("recording", r.id, r.started_at, r.customer_ref, r.original_name)
            for r in recordings
            if r.id not in used
            and r.started_at is not None
            and first.date() <= r.started_at.date() <= last.date()
        )
    return out
