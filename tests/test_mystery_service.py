"""Mystery assignments and their evidence through the service, on a real database and library."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image

from qcdesk.errors import KnownError
from qcdesk.services.attachment_files import AttachmentError, detect_kind
from qcdesk.services.dto import AssignmentDraft, InteractionFilter
from qcdesk.services.mystery import CHANNEL_TEMPLATES


def photo(path: Path, color: tuple[int, int, int] = (200, 60, 40), size=(64, 48)) -> Path:
    Image.new("RGB", size, color).save(path)
    return path


DRAFT = AssignmentDraft(
    client="ТехноДом",
    channel="visit",
    location="ТЦ «Европейский», 2 этаж",
    scenario="Покупатель выбирает стиральную машину, возражение «дорого»",
    planned_date=date(2026, 10, 14),
    shopper="Марина К.",
    checkin_at=datetime(2026, 10, 14, 15, 42),
    checkin_place="55.7447, 37.5650",
)


def test_assignment_is_a_visit_with_the_channel_form(services) -> None:  # type: ignore[no-untyped-def]
    made = services.mystery.create(dataclasses.replace(DRAFT, channel="call"))
    iid = made.interaction_id
    assert made.consultant is None and made.channel == "call" and made.shopper == "Марина К."
    row = services.interactions.row(iid)
    assert row.kind == "visit" and row.client == "ТехноДом"
    assert row.started_at == datetime(2026, 10, 14, 15, 42)  # the check-in time
    assert row.customer_ref == DRAFT.location  # searchable in the list
    assert [r.id for r in services.interactions.query(InteractionFilter(text="Европейский"))] == [
        iid
    ]
    state = services.evaluations.open(iid)
    assert state.template.id == CHANNEL_TEMPLATES["call"] and state.template.kind == "visit"
    assert state.reviewer == "Тестовый Ревьюер"
    assert services.mystery.get(iid) == made

    # The consultant is identified later; the channel changes the form while it is empty.
    later = dataclasses.replace(made.draft(), consultant="Ольга Иванова", channel="visit")
    updated = services.mystery.update(iid, later)
    assert updated.consultant == "Ольга Иванова" and updated.channel == "visit"
    assert services.interactions.row(iid).consultant == "Ольга Иванова"
    state = services.evaluations.open(iid)
    assert state.template.id == CHANNEL_TEMPLATES["visit"]
    services.evaluations.set_answer(state.evaluation_id, "greeting_in_time", "yes")
    services.mystery.update(iid, dataclasses.replace(later, channel="online"))
    assert services.evaluations.open(iid).template.id == CHANNEL_TEMPLATES["visit"]
    assert services.mystery.get(iid).channel == "online"

    # No check-in yet: the planned date places it in the period.
    other = services.mystery.create(dataclasses.replace(DRAFT, checkin_at=None))
    assert services.interactions.row(other.interaction_id).started_at == datetime(
        2026, 10, 14, 12, 0
    )
    with pytest.raises(ValueError):
        services.mystery.create(dataclasses.replace(DRAFT, channel="fax"))
    assert services.mystery.get(services.mystery.create(DRAFT).interaction_id - 99) is None


def test_attachments_are_stored_detected_linked_and_removed(services, tmp_path, shared_data):  # type: ignore[no-untyped-def]
    iid = services.mystery.create(DRAFT).interaction_id
    shelf = photo(tmp_path / "витрина.jpg")
    shot = photo(tmp_path / "Screenshot_20261014-154500.png", (20, 120, 220))
    doc = tmp_path / "чек.pdf"
    doc.write_bytes(b"%PDF-1.4\n% receipt\n")
    audio = shared_data / "silero-vad" / "ru.wav"
    got = [services.mystery.add_attachment(iid, p) for p in (shelf, shot, doc, audio)]
    assert [a.kind for a in got] == ["photo", "screenshot", "document", "audio"]
    assert [a.is_media for a in got] == [False, False, False, True]
    for a, src in zip(got, (shelf, shot, doc, audio), strict=True):
        stored = Path(a.path)
        assert stored.is_relative_to(services.library_dir) and stored.is_file()
        assert a.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
        assert stored.read_bytes() == src.read_bytes() and a.original_name == src.name
    # The audio is the visit's recording now: the player and transcription read it.
    detail = services.interactions.get(iid)
    assert detail.media is not None and Path(detail.media.path) == Path(got[3].path)
    assert detail.row.duration == pytest.approx(detail.media.duration)

    # Attaching the same file again adds nothing.
    assert services.mystery.add_attachment(iid, shelf).id == got[0].id
    assert len(services.mystery.list_attachments(iid)) == 4

    linked = services.mystery.link_criterion(got[0].id, "store_clean", True)
    linked = services.mystery.link_criterion(got[0].id, "appearance_badge", True)
    assert linked.criteria == ("store_clean", "appearance_badge")
    assert services.mystery.link_criterion(got[0].id, "store_clean", False).criteria == (
        "appearance_badge",
    )
    with pytest.raises(ValueError):
        services.mystery.set_attachment_criteria(got[0].id, ["no_such_criterion"])
    listed = {a.id: a for a in services.mystery.list_attachments(iid)}
    assert listed[got[0].id].criteria == ("appearance_badge",)

    # Removing the audio takes the recording away; its file goes, shared content stays.
    services.mystery.remove_attachment(got[3].id)
    assert services.interactions.get(iid).media is None
    assert not Path(got[3].path).exists()
    other = services.mystery.create(DRAFT).interaction_id
    services.mystery.add_attachment(other, shelf)  # same photo on another visit
    services.mystery.remove_attachment(got[0].id)
    assert Path(got[0].path).is_file()  # still attached to the other visit
    assert [a.kind for a in services.mystery.list_attachments(iid)] == ["screenshot", "document"]


def test_broken_files_name_the_file_and_the_batch_goes_on(services, tmp_path):  # type: ignore[no-untyped-def]
    iid = services.mystery.create(DRAFT).interaction_id
    missing = tmp_path / "нет такого фото.jpg"
    empty = tmp_path / "пусто.png"
    empty.write_bytes(b"")
    fake = tmp_path / "не фото.jpg"
    fake.write_text("это текст, а не фотография", encoding="utf-8")
    whole = photo(tmp_path / "целое.jpg", size=(400, 300)).read_bytes()
    cut = tmp_path / "обрезано.jpg"
    cut.write_bytes(whole[: len(whole) // 2])
    noise = tmp_path / "запись.wav"
    noise.write_text("RIFF? нет, это не звук", encoding="utf-8")
    for bad in (missing, empty, fake, cut, noise):
        with pytest.raises(KnownError) as info:
            services.mystery.add_attachment(iid, bad)
        assert str(bad) in str(info.value)
    with pytest.raises(AttachmentError, match="damaged"):
        detect_kind(cut)
    good = photo(tmp_path / "good.png")
    added, failed = services.mystery.add_attachments(iid, [missing, good, fake])
    assert [a.original_name for a in added] == ["good.png"]
    assert [Path(f.path).name for f in failed] == [missing.name, fake.name]
    # Nothing half-stored: the library holds only the good photo.
    stored = [p for p in services.library_dir.rglob("*") if p.is_file()]
    assert [p.read_bytes() for p in stored] == [good.read_bytes()]


def test_demo_visits_are_made_once_with_small_pictures(services) -> None:  # type: ignore[no-untyped-def]
    from qcdesk.services.demo_visits import VISITS_DIR, create_demo_visits

    pictures = [p for p in VISITS_DIR.iterdir() if p.suffix in (".jpg", ".png")]
    assert pictures and all(p.stat().st_size < 40_000 for p in pictures)
    made = create_demo_visits(services)
    assert len(made) == 2 and create_demo_visits(services) == []
    for iid in made:
        row = services.interactions.row(iid)
        assert row.kind == "visit" and row.status == "reviewed" and row.score is not None
        assert any(a.criteria for a in services.mystery.list_attachments(iid))
    channels = sorted(services.mystery.get(i).channel for i in made)
    assert channels == ["online", "visit"]
