"""Calibration packs (issue 13 §5): export, import into another project, hostile zips refused."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from pathlib import Path

import pytest

from qcdesk.errors import KnownError
from qcdesk.services.context import open_services
from qcdesk.services.importer import ImportOptions
from qcdesk.services.qcpack_files import MAX_JSON_MEMBER, PackError
from tests.helpers.calibration import answers_for, october_calls

PEOPLE = ["Анна", "Борис"]


@pytest.fixture
def pack(services, stereo_wav: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A closed-out session of a real recording and a transcribed call, exported."""
    _client, (chat_like,) = october_calls(services, 1)
    (call,) = services.importer.import_paths([stereo_wav], ImportOptions("Мебель Тест")).imported
    cal = services.calibration
    info = cal.create("Мебель Тест", [call, chat_like], PEOPLE, title="Ноябрь")
    template = cal.open_form(info.id, PEOPLE[0], call).template
    cal.submit(info.id, PEOPLE[0], {call: answers_for(template, {"greeting": "no"}),
                                    chat_like: answers_for(template)})  # fmt: skip
    cal.submit(info.id, PEOPLE[1], {call: answers_for(template), chat_like: answers_for(template)})
    cal.record_reference(info.id, call, answers_for(template), lead="Лида")
    out = services.packs.export(info.id, tmp_path / "ноябрь.qcpack")
    return {"path": out, "call": call, "other": chat_like, "template": template, "wav": stereo_wav}


def _other_project(tmp_path: Path):  # type: ignore[no-untyped-def]
    return open_services(tmp_path / "client" / "q.db", tmp_path / "client" / "lib", reviewer="Ира")


def test_round_trip_into_another_project(pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(pack["path"]) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist())
    assert manifest["format"] == "qcdesk-calibration-pack" and manifest["client"] == "Мебель Тест"
    assert set(manifest["files"]) == names - {"manifest.json"}
    assert any(n.startswith("media/") for n in names)
    assert "customer" not in json.dumps(manifest["items"])  # phone numbers stay home

    theirs = _other_project(tmp_path)
    done = theirs.packs.import_pack(pack["path"], "Мебель Тест (in-house)")
    assert len(done.interactions) == 2 and done.references == 1
    call, other = done.interactions
    # The recording arrived byte for byte; the transcript too.
    media = theirs.interactions.get(call).media
    assert media is not None and Path(media.path).read_bytes() == pack["wav"].read_bytes()
    text = theirs.interactions.get(other).transcript
    assert text is not None and "Добрый день" in text.segments[0].text
    # The pack's answers arrive as a closed session whose results compare at once.
    assert done.session_id is not None
    res = theirs.calibration.results(done.session_id)
    assert res.info.status == "closed" and [n for n, _ in res.info.participants] == PEOPLE
    assert res.references[call]["greeting"] == "yes"
    greeting = {r.criterion_id: r for r in res.comparison.criteria}["greeting"]
    assert greeting.figures.agreement == pytest.approx(0.5)  # no/yes, then yes/yes
    # Their reports do not count any of it.
    assert theirs.interactions.get(call).row.score is None
    # The same pack again reuses the recording rather than importing it twice.
    again = theirs.packs.import_pack(pack["path"], "Мебель Тест (in-house)")
    assert again.interactions[0] == call


def _rewrite(src: Path, dst: Path, change=None, extra=None) -> Path:  # type: ignore[no-untyped-def]
    """A copy of the pack: *change*(zip, name, data, manifest) writes each member (default:
    as it was), then *extra*(zip, manifest) adds members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        manifest = json.loads(zin.read("manifest.json"))
        for name in zin.namelist():
            if name != "manifest.json":
                (change or _plain)(zout, name, zin.read(name), manifest)
        if extra is not None:
            extra(zout, manifest)
        zout.writestr("manifest.json", json.dumps(manifest))
    return dst


def _plain(zout, name, data, manifest) -> None:  # type: ignore[no-untyped-def]
    zout.writestr(name, data)


def _symlink(zout, manifest) -> None:  # type: ignore[no-untyped-def]
    info = zipfile.ZipInfo("transcripts/link.json")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    zout.writestr(info, "/etc/passwd")
    manifest["files"]["transcripts/link.json"] = "0" * 64


def _tamper(z, n, d, m) -> None:  # type: ignore[no-untyped-def]
    z.writestr(n, d + b" " if n.startswith("transcripts/") else d)


def _drop_media(z, n, d, m) -> None:  # type: ignore[no-untyped-def]
    if not n.startswith("media/"):
        z.writestr(n, d)


@pytest.mark.parametrize(
    ("change", "extra", "problem"),
    [
        (_tamper, None, "does not match its hash"),
        (None, lambda z, m: z.writestr("../evil.json", b"{}"), "unsafe file name '../evil.json'"),
        (None, lambda z, m: z.writestr("/abs.json", b"{}"), "unsafe file name '/abs.json'"),
        (None, lambda z, m: z.writestr("a\\..\\b.json", b"{}"), "unsafe file name"),
        (
            None,
            lambda z, m: z.writestr("extra.txt", b"hi"),
            "extra.txt is not listed in the manifest",
        ),
        (_drop_media, None, "is listed but missing"),
        (None, _symlink, "transcripts/link.json is a symbolic link"),
        (
            None,
            lambda z, m: z.writestr("transcripts/big.json", b" " * (MAX_JSON_MEMBER + 1)),
            "transcripts/big.json is larger than",
        ),  # fmt: skip
    ],
)
def test_hostile_packs_are_refused_naming_the_file(
    pack, tmp_path: Path, change, extra, problem
) -> None:  # type: ignore[no-untyped-def]
    bad = _rewrite(pack["path"], tmp_path / "плохой.qcpack", change, extra)
    theirs = _other_project(tmp_path)
    with pytest.raises(PackError) as err:
        theirs.packs.import_pack(bad, "Клиент")
    assert str(bad) in str(err.value) and problem in str(err.value)
    assert theirs.interactions.query() == []  # nothing was created
    assert not (tmp_path / "evil.json").exists()


def test_refusals_before_anything_is_created(pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    theirs = _other_project(tmp_path)
    not_zip = tmp_path / "x.qcpack"
    not_zip.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(PackError, match="x.qcpack"):
        theirs.packs.import_pack(not_zip)

    def other_template(z, n, d, m) -> None:  # type: ignore[no-untyped-def]
        if n.startswith("templates/"):
            body = json.loads(d)
            body["sections"][0]["criteria"][0]["title"] = "Изменено"
            d = json.dumps(body).encode()
            m["files"][n] = hashlib.sha256(d).hexdigest()
        z.writestr(n, d)

    changed = _rewrite(pack["path"], tmp_path / "другой.qcpack", other_template)
    with pytest.raises(KnownError, match="lacks or holds with other content"):
        theirs.packs.import_pack(changed, "Клиент")
    assert theirs.interactions.query() == []
    # Export never replaces a file unasked.
    with pytest.raises(KnownError, match="already exists"):
        theirs.packs.export(1, pack["path"])


def test_export_and_import_from_the_command_line(pack, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from qcdesk.cli import main

    theirs = _other_project(tmp_path)
    db = str(theirs.db_path)
    assert main(["calibration", "import", "--db", db, "--pack", str(pack["path"])]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["interactions"]) == 2 and out["references"] == 1 and out["session"]
    target = tmp_path / "back.qcpack"
    args = ["calibration", "export", "--db", db, "--session", str(out["session"])]
    assert main([*args, "--out", str(target)]) == 0
    assert json.loads(capsys.readouterr().out)["pack"] == str(target)
    assert main([*args, "--out", str(target)]) == 2  # exists: not replaced unasked
    assert "already exists" in capsys.readouterr().err
    assert main([*args, "--out", str(target), "--force"]) == 0
