"""The language an interaction is worked in, read from the database (see domain.language)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from qcdesk.db.models import Interaction, Transcript
from qcdesk.domain.language import effective_setting, resolve


def working_language(s: Session, it: Interaction) -> str:
    """The language *it* is scored in ("ru"/"en"): its setting, or what was detected.

    The checklist is chosen by it, so an English call gets the English checklist even when
    its company is Russian-speaking but set to "auto".
    """
    setting = effective_setting(it.language, it.client.language)
    detected = s.scalar(select(Transcript.language).where(Transcript.interaction_id == it.id))
    return resolve(setting, detected)
