"""What every service shares: a session factory and the database path for error messages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from qcdesk.db.models import REGULAR, Client, Evaluation, Interaction
from qcdesk.db.session import session_scope
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError


class ServiceBase:
    def __init__(self, factory: sessionmaker[Session], db_path: Path) -> None:
        self._factory = factory
        self._db_path = db_path

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with session_scope(self._factory, self._db_path) as s:
            yield s


def get_interaction(s: Session, interaction_id: int) -> Interaction:
    """The interaction, or a KnownError: another window or a CLI run may have deleted it."""
    it = s.get(Interaction, interaction_id)
    if it is None:
        raise KnownError(
            QT_TRANSLATE_NOOP("KnownError", "There is no interaction {id}."), id=interaction_id
        )
    return it


def latest_evaluation(s: Session, interaction_id: int) -> Evaluation | None:
    """The evaluation a workspace shows for the interaction: its newest regular one.

    Calibration and reference evaluations of the same interaction are someone else's blind
    answers or the agreed ones: the workspace never opens them as the interaction's review.
    """
    return s.scalars(
        select(Evaluation)
        .where(Evaluation.interaction_id == interaction_id, Evaluation.purpose == REGULAR)
        .order_by(Evaluation.id.desc())
    ).first()


def find_client(s: Session, ref: int | str) -> Client:
    """A client company by id or by name (a name made of digits is tried as a name first)."""
    c = s.get(Client, ref) if isinstance(ref, int) else None
    if c is None:
        c = s.scalar(select(Client).where(Client.name == str(ref)))
    if c is None and str(ref).isdigit():
        c = s.get(Client, int(str(ref)))
    if c is None:
        raise KnownError(
            QT_TRANSLATE_NOOP("KnownError", "There is no client company {name}."), name=str(ref)
        )
    return c
