"""Reading and writing ``.qcpack`` zips safely (issue 13 §5); what goes in is `services.qcpack`.

Layout: ``manifest.json`` (format, version, the items and ``files``: member -> SHA-256) and
the members it lists: ``media/<sha256><ext>``, ``transcripts/<id>.json``,
``templates/<slug>-v<N>.json``. A pack comes from outside, so reading it refuses, naming the
pack and the member: a name that is absolute, climbs out (``..``), uses backslashes or NUL;
a symlink; a member not listed in the manifest or listed and missing; more members or bytes
than the bounds; a member larger than the manifest says (streamed and counted, so a lying
header or a zip bomb stops at the bound); a hash that does not match.
"""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any

from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError, atomic_write
from qcdesk.services.backup import CHUNK, safe_relative
from qcdesk.userfiles import check_regular

FORMAT, VERSION = "qcdesk-calibration-pack", 1
MANIFEST = "manifest.json"
MAX_MEMBERS = 2_000
MAX_MANIFEST = 2_000_000
MAX_JSON_MEMBER = 20_000_000  # a transcript or template
MAX_MEDIA_MEMBER = 500_000_000
MAX_TOTAL = 4_000_000_000


class PackError(KnownError):
    """A .qcpack that cannot be used; the message names the pack and the problem."""


def bad_pack(path: Path, problem: str) -> PackError:
    return PackError(
        QT_TRANSLATE_NOOP("KnownError", "The calibration pack {path} cannot be used: {problem}"),
        path=str(path),
        problem=problem,
    )


def write_pack(out: Path, manifest: dict[str, Any], members: dict[str, Path | bytes]) -> None:
    """Write *members* (name -> file or bytes) and the manifest with their hashes, atomically."""
    files: dict[str, str] = {}
    with (
        atomic_write(out, QT_TRANSLATE_NOOP("KnownError", "Cannot write the pack {path}: {detail}"))
        as tmp,
        zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf,
    ):  # fmt: skip
        for name, source in members.items():
            h = hashlib.sha256()
            with zf.open(zipfile.ZipInfo(name, datetime.now().timetuple()[:6]), "w",
                         force_zip64=True) as w:  # fmt: skip
                if isinstance(source, bytes):
                    h.update(source)
                    w.write(source)
                else:
                    with source.open("rb") as r:
                        while chunk := r.read(CHUNK):
                            h.update(chunk)
                            w.write(chunk)
            files[name] = h.hexdigest()
        body = dict(manifest, format=FORMAT, version=VERSION, files=files)
        zf.writestr(MANIFEST, json.dumps(body, ensure_ascii=False, indent=1))


def _member_limit(name: str) -> int:
    return MAX_MEDIA_MEMBER if name.startswith("media/") else MAX_JSON_MEMBER


def _check_members(path: Path, zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise bad_pack(path, f"more than {MAX_MEMBERS} files")
    total = 0
    for info in infos:
        name = info.filename
        if safe_relative(name.rstrip("/")) is None:
            raise bad_pack(path, f"unsafe file name {name!r}")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise bad_pack(path, f"{name} is a symbolic link")
        limit = MAX_MANIFEST if name == MANIFEST else _member_limit(name)
        if info.file_size > limit:
            raise bad_pack(path, f"{name} is larger than {limit} bytes")
        total += info.file_size
    if total > MAX_TOTAL:
        raise bad_pack(path, f"larger than {MAX_TOTAL} bytes unpacked")
    return [i for i in infos if not i.is_dir()]


def _extract(path: Path, zf: zipfile.ZipFile, name: str, target: Path) -> str:
    """Stream one member to *target* within its bound; its SHA-256."""
    h = hashlib.sha256()
    written, limit = 0, _member_limit(name)
    with zf.open(name) as r, target.open("wb") as w:
        while chunk := r.read(CHUNK):
            written += len(chunk)
            if written > limit:
                raise bad_pack(path, f"{name} is larger than {limit} bytes")
            h.update(chunk)
            w.write(chunk)
    return h.hexdigest()


def read_pack(path: Path, folder: Path) -> dict[str, Any]:
    """Check *path*, extract its members into *folder* and return the manifest.

    Raises:
        PackError: naming the pack and the first problem found (nothing is extracted
            outside *folder*, and the caller has created nothing yet).
    """
    check_regular(path, PackError)
    try:
        with zipfile.ZipFile(path) as zf:
            members = _check_members(path, zf)
            names = {i.filename for i in members}
            if MANIFEST not in names:
                raise bad_pack(path, "no manifest.json")
            try:
                manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError) as exc:
                raise bad_pack(path, f"manifest.json is not JSON ({exc})") from exc
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise bad_pack(path, "not a qcdesk calibration pack")
            if manifest.get("version") != VERSION:
                raise bad_pack(path, f"pack version {manifest.get('version')!r} is not supported")
            files = manifest.get("files")
            if not isinstance(files, dict):
                raise bad_pack(path, "the manifest lists no files")
            for name in sorted(names - {MANIFEST}):
                if name not in files:
                    raise bad_pack(path, f"{name} is not listed in the manifest")
            for name, digest in files.items():
                if name not in names:
                    raise bad_pack(path, f"{name} is listed but missing")
                target = folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                if _extract(path, zf, name, target) != digest:
                    raise bad_pack(path, f"{name} does not match its hash")
            return manifest
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, OSError) as exc:
        raise bad_pack(path, str(exc)) from exc
