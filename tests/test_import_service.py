"""Importing recordings: bad files reported one by one, good ones stored, duplicates found."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from qcdesk.audio.decode import sha256_file
from qcdesk.services.importer import ImportOptions


def test_batch_with_bad_files_imports_the_good_ones(services, import_batch) -> None:
    b = import_batch
    paths = [b["empty"], b["text"], b["truncated"], b["missing"], b["cyrillic"], b["mp3"]]
    report = services.importer.import_paths(
        paths, ImportOptions(client="Диваны Плюс", consultant="Анна Смирнова")
    )
    failed = {Path(f.path).name: f.error for f in report.failed}
    assert set(failed) == {b[k].name for k in ("empty", "text", "truncated", "missing")}
    for name, message in failed.items():
        assert name in message  # every message names its file
    assert "empty" in failed[b["empty"].name].lower()
    assert len(report.imported) == 2
    rows = services.interactions.query()
    assert {r.id for r in rows} == set(report.imported)
    assert all(r.client == "Диваны Плюс" and r.consultant == "Анна Смирнова" for r in rows)


def test_stored_media_keeps_hash_channels_and_rate(services, stereo_wav: Path) -> None:
    report = services.importer.import_paths([stereo_wav], ImportOptions(client="А"))
    detail = services.interactions.get(report.imported[0])
    media = detail.media
    assert media is not None
    assert media.sha256 == sha256_file(stereo_wav)
    assert (media.channels, media.sample_rate) == (2, 8000)
    assert Path(media.path).is_file() and services.library_dir in Path(media.path).parents
    assert sha256_file(media.path) == media.sha256
    assert media.consultant_channel == "left"
    assert detail.transcript is None


def test_duplicates_are_found_by_content_not_name(
    services, stereo_wav: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "другое имя.wav"
    copy.write_bytes(stereo_wav.read_bytes())
    first = services.importer.import_paths([stereo_wav], ImportOptions(client="А"))
    second = services.importer.import_paths([copy, stereo_wav], ImportOptions(client="А"))
    assert len(first.imported) == 1
    assert second.imported == () and set(second.duplicates) == {str(copy), str(stereo_wav)}


def test_folder_import_walks_audio_files_only(services, import_batch) -> None:
    (import_batch["folder"] / "readme.txt").write_text("not audio", encoding="utf-8")
    files = services.importer.expand([import_batch["folder"]])
    assert all(f.suffix in (".wav", ".mp3") for f in files)
    assert import_batch["cyrillic"] in files


def test_filename_metadata_and_consultant_by_extension(
    services, stereo_wav: Path, tmp_path: Path
) -> None:
    client = services.catalog.ensure_client("ТехноДом")
    services.catalog.ensure_consultant(client.id, "Ольга Иванова", extension="201")
    named = tmp_path / "20261014-110200_79161234567_201.wav"
    named.write_bytes(stereo_wav.read_bytes())
    report = services.importer.import_paths(
        [named], ImportOptions(client="ТехноДом", direction="incoming", consultant_channel="right")
    )
    row = services.interactions.get(report.imported[0]).row
    assert row.started_at == datetime(2026, 10, 14, 11, 2, 0)
    assert row.customer_ref and row.customer_ref.endswith("79161234567")
    assert row.consultant == "Ольга Иванова"
    assert row.direction == "incoming"
    assert services.interactions.get(row.id).media.consultant_channel == "right"


def test_cancel_stops_between_files(services, import_batch) -> None:
    seen: list[str] = []
    report = services.importer.import_paths(
        [import_batch["cyrillic"], import_batch["mp3"]],
        ImportOptions(client="А"),
        progress=lambda done, total, name: seen.append(name),
        is_cancelled=lambda: len(seen) >= 1,
    )
    assert len(report.imported) == 1


def test_swapping_the_consultant_channel_is_remembered(services, stereo_wav: Path) -> None:
    iid = services.importer.import_paths([stereo_wav], ImportOptions(client="А")).imported[0]
    services.interactions.set_consultant_channel(iid, "right")
    assert services.interactions.get(iid).media.consultant_channel == "right"
