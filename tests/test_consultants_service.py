"""Managing consultants (rename, teams, merge, deactivate) and editing interaction metadata.

Qt-free: these run on the service layer and a real SQLite database.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from qcdesk.db.models import ChatAuthor
from qcdesk.db.session import session_scope
from qcdesk.errors import KnownError
from qcdesk.services.chat_import import ChatImportOptions
from qcdesk.services.dto import InteractionFilter
from qcdesk.services.importer import ImportOptions

CHATS = Path(__file__).parent / "data" / "chats"
CLIENT = "Диваны Плюс"


@pytest.fixture
def team(services, stereo_wav, shared_data):  # type: ignore[no-untyped-def]
    """A company with a call for «Анна Петрова» and a chat whose author created «Анна»."""
    services.importer.import_paths(
        [stereo_wav], ImportOptions(client=CLIENT, consultant="Анна Петрова", direction="incoming")
    )
    services.importer.import_paths(
        [shared_data / "silero-vad" / "ru.wav"], ImportOptions(client="Acme", consultant="Bob")
    )
    report = services.chats.import_paths(
        [CHATS / "telegram_result.json"], ChatImportOptions(client=CLIENT, consultant="Анна")
    )
    assert report.failed == ()
    return services


def _person(services, name: str):  # type: ignore[no-untyped-def]
    return next(c for c in services.consultants.list_all() if c.name == name)


def test_list_counts_interactions_per_consultant(team) -> None:
    records = {c.name: c for c in team.consultants.list_all()}
    assert {n: (r.client, r.interactions, r.active) for n, r in records.items()} == {
        "Анна Петрова": (CLIENT, 1, True),
        "Анна": (CLIENT, 1, True),
        "Bob": ("Acme", 1, True),
    }


def test_merge_moves_interactions_evaluations_and_chat_authors(team) -> None:
    dup, kept = _person(team, "Анна"), _person(team, "Анна Петрова")
    chat = team.interactions.query(InteractionFilter(kind="chat"))[0]
    ev = team.evaluations.open(chat.id)
    result = team.consultants.merge(dup.id, kept.id)
    assert (result.interactions_moved, result.chat_authors_moved) == (1, 1)
    assert result.target.interactions == 2
    assert [c.name for c in team.consultants.list_all() if c.client == CLIENT] == ["Анна Петрова"]
    assert team.interactions.row(chat.id).consultant == "Анна Петрова"
    assert team.evaluations.open(chat.id).evaluation_id == ev.evaluation_id  # kept, not redone
    with session_scope(team.session_factory) as s:
        author = s.scalar(select(ChatAuthor).where(ChatAuthor.author == "Анна | Диваны Плюс"))
        assert author is not None and author.consultant_id == kept.id
    # The next chat by that author goes to the person kept, not to a new duplicate.
    assert team.chats.known_authors(CLIENT)["Анна | Диваны Плюс"].consultant == "Анна Петрова"


def test_merge_refuses_other_company_and_itself(team) -> None:
    anna, bob = _person(team, "Анна Петрова"), _person(team, "Bob")
    with pytest.raises(KnownError, match="different companies"):
        team.consultants.merge(bob.id, anna.id)
    with pytest.raises(KnownError):
        team.consultants.merge(anna.id, anna.id)
    assert len(team.consultants.list_all()) == 3  # nothing changed


def test_rename_refuses_a_name_taken_in_the_company(team) -> None:
    dup = _person(team, "Анна")
    with pytest.raises(KnownError, match="Merge"):
        team.consultants.rename(dup.id, "  Анна   Петрова ")
    with pytest.raises(KnownError):
        team.consultants.rename(dup.id, "   ")
    assert team.consultants.rename(dup.id, "Bob").name == "Bob"  # Bob of Acme is someone else


def test_deactivated_consultant_hidden_from_pickers_kept_in_lists(team) -> None:
    anna = _person(team, "Анна Петрова")
    assert team.consultants.set_active(anna.id, False).active is False
    client = next(c for c in team.catalog.list_clients() if c.name == CLIENT)
    picker = [c.name for c in team.catalog.list_consultants(client.id, active_only=True)]
    assert picker == ["Анна"]
    everyone = team.catalog.list_consultants(client.id)
    assert {c.name: c.active for c in everyone} == {"Анна": True, "Анна Петрова": False}
    # Her calls still list under her name.
    assert [r.consultant for r in team.interactions.query(InteractionFilter(kind="call"))].count(
        "Анна Петрова"
    ) == 1
    assert team.consultants.set_active(anna.id, True).active


def test_teams_set_and_rename(team) -> None:
    anna, dup = _person(team, "Анна Петрова"), _person(team, "Анна")
    team.consultants.set_team(anna.id, "Север")
    team.consultants.set_team(dup.id, "Юг")
    team.consultants.rename_team(anna.client_id, "Юг", "Север")  # joins the two
    assert team.consultants.teams(anna.client_id) == ["Север"]
    assert {c.team for c in team.consultants.list_all(anna.client_id)} == {"Север"}
    assert team.consultants.set_team(anna.id, "").team is None


def test_edit_metadata_of_an_interaction(team) -> None:
    call = team.interactions.query(InteractionFilter(kind="call", text="Анна"))[0]
    acme = next(c for c in team.catalog.list_clients() if c.name == "Acme")
    bob = _person(team, "Bob")
    when = datetime(2026, 10, 3, 14, 5)
    meta = team.metadata.update(
        call.id,
        client_id=acme.id,
        consultant_id=bob.id,
        direction="outgoing",
        started_at=when,
        customer_ref=" +79161234567 ",
    )
    assert (meta.client_id, meta.consultant_id, meta.direction, meta.started_at) == (
        acme.id, bob.id, "outgoing", when,
    )  # fmt: skip
    row = team.interactions.row(call.id)
    assert (row.client, row.consultant, row.customer_ref) == ("Acme", "Bob", "+79161234567")


def test_metadata_refuses_a_consultant_of_another_company(team) -> None:
    call = team.interactions.query(InteractionFilter(kind="call", text="Анна"))[0]
    bob = _person(team, "Bob")
    before = team.metadata.get(call.id)
    with pytest.raises(KnownError, match="not a consultant of"):
        team.metadata.update(
            call.id,
            client_id=before.client_id,
            consultant_id=bob.id,
            direction=None,
            started_at=None,
        )
    assert team.metadata.get(call.id) == before


def test_bulk_assign_is_all_or_nothing(team) -> None:
    rows = team.interactions.query()
    anna = _person(team, "Анна Петрова")
    with pytest.raises(KnownError, match="another company"):
        team.metadata.assign_consultant([r.id for r in rows], anna.id)
    assert {r.consultant for r in team.interactions.query()} == {"Анна", "Анна Петрова", "Bob"}
    ours = [r.id for r in rows if r.client == CLIENT]
    assert team.metadata.assign_consultant(ours, anna.id) == 1
    assert team.metadata.assign_consultant(ours, None) == 2
