"""The fuzzing engine of tests/test_fuzz.py (short, hypothesis) and bench/fuzz.py (long).

A case is a mutation of a real sample file (truncation, bit flips, wrong types, deep nesting,
huge fields, wrong encodings, zip and YAML tricks) handed to one importer, or to ``autoscore``.
The property: the import succeeds, or fails with a KnownError that names the file; never
another exception, never beyond the time and memory budget.

Cases run in a worker process (``python -m tests.helpers.fuzz SERVE_DIR``) that imports qcdesk
once, opens one project, then forks a child per case: the child gets an ``RLIMIT_AS`` and a
process group the worker kills when the time budget is over. A crash, a hang or a blown
memory budget therefore costs one case, not the run, and no Qt is loaded anywhere.
"""

from __future__ import annotations

import io
import json
import os
import random
import select
import signal
import subprocess
import sys
import traceback
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
CHATS = DATA / "chats"
SHARED = REPO.parent / "shared" / "data"

TARGETS = (
    "audio",
    "telegram",
    "whatsapp_txt",
    "whatsapp_zip",
    "csv",
    "transcript_json",
    "template_yaml",
    "autoscore",
)
CHAT_TARGETS = {"telegram", "whatsapp_txt", "whatsapp_zip", "csv", "transcript_json"}
# The author each chat seed's consultant goes by (what the import dialog would be told).
CONSULTANT = "Анна"
MEMORY_BUDGET = 1536 << 20  # bytes of address space a case may add to the worker's
OK, NAMED, CRASH, HANG = "ok", "named", "crash", "hang"


def _whatsapp_zip(inner_name: str, text: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(inner_name, text)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def seeds(target: str) -> list[tuple[str, bytes]]:
    """The real sample files a target's cases start from: (file name, bytes)."""
    if target == "audio":
        files = sorted((REPO / "resources" / "demo").glob("*.ogg"))[:2]
        files += [SHARED / "synthetic" / "call_8k_stereo.wav"]
        return [(p.name, p.read_bytes()) for p in files if p.is_file()]
    if target == "telegram":
        return [(p.name, p.read_bytes()) for p in sorted(CHATS.glob("telegram_*.json"))]
    if target == "whatsapp_txt":
        return [(p.name, p.read_bytes()) for p in sorted(CHATS.glob("whatsapp_*.txt"))]
    if target == "whatsapp_zip":
        ru = (CHATS / "whatsapp_android_ru.txt").read_bytes()
        en = (CHATS / "whatsapp_ios_en.txt").read_bytes()
        return [
            ("WhatsApp Chat - Ирина.zip", _whatsapp_zip("WhatsApp Chat с Ирина.txt", ru)),
            ("export.zip", _whatsapp_zip("_chat.txt", en, {"price.txt": b"1 500 RUB"})),
        ]
    if target == "csv":
        return [(p.name, p.read_bytes()) for p in sorted(CHATS.glob("crm_*.csv"))]
    if target == "transcript_json":
        return [("transcript_chat.json", (CHATS / "transcript_chat.json").read_bytes())]
    if target == "template_yaml":
        names = ("sales-call-ru.yaml", "chat-ru.yaml")
        return [(n, (REPO / "checklists" / n).read_bytes()) for n in names]
    if target == "autoscore":
        files = sorted((DATA / "dialogs-holdout").glob("hold-00[12].json"))
        return [(p.name, p.read_bytes()) for p in files]
    raise ValueError(target)


# -- mutations -------------------------------------------------------------------------------
Mutator = Callable[[random.Random, bytes, str], tuple[bytes, str]]


def truncate(rng: random.Random, data: bytes, _t: str) -> tuple[bytes, str]:
    cut = rng.randrange(len(data) + 1) if data else 0
    return data[:cut], f"truncate@{cut}"


def bit_flips(rng: random.Random, data: bytes, _t: str) -> tuple[bytes, str]:
    if not data:
        return data, "bitflip(empty)"
    out = bytearray(data)
    n = rng.choice((1, 2, 8, 64))
    for _ in range(n):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out), f"bitflip x{n}"


def splice(rng: random.Random, data: bytes, _t: str) -> tuple[bytes, str]:
    """Delete, duplicate or overwrite a chunk with random bytes."""
    if len(data) < 2:
        return data + bytes(rng.randrange(256) for _ in range(16)), "splice(append)"
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.choice((1, 16, 256, 4096)))
    how = rng.choice(("delete", "duplicate", "random"))
    if how == "delete":
        return data[:a] + data[b:], f"delete {a}:{b}"
    if how == "duplicate":
        return data[:b] + data[a:b] * rng.choice((2, 50)) + data[b:], f"duplicate {a}:{b}"
    return data[:a] + rng.randbytes(b - a) + data[b:], f"random {a}:{b}"


def reencode(rng: random.Random, data: bytes, _t: str) -> tuple[bytes, str]:
    """Text in another encoding than expected (or bytes that are no text at all)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data[::-1], "reverse"
    enc = rng.choice(("cp1251", "utf-16", "utf-16-be", "latin-1", "koi8-r", "utf-32"))
    return text.encode(enc, errors="replace"), f"encode {enc}"


def huge_field(rng: random.Random, data: bytes, _t: str) -> tuple[bytes, str]:
    """A few megabytes of one character, or of digits, inserted at a random place."""
    size = rng.choice((100_000, 1_000_000, 4_000_000))
    chunk = rng.choice((b"A", b"9", "я".encode(), b" ", b"\n", b'"')) * size
    i = rng.randrange(len(data) + 1)
    return data[:i] + chunk + data[i:], f"huge {len(chunk)}@{i}"


def _json_nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_json_nodes(v, (*path, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value[:50]):
            out.extend(_json_nodes(v, (*path, i)))
    return out


def _set(root: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    node = root
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = new
    return root


WRONG_VALUES: tuple[Any, ...] = (
    None, 0, -1, 1e308, float("nan"), float("inf"), "", "zero", [], {}, [None], True,
    {"a": None}, "9" * 400, -(10**30), [[[]]],
)  # fmt: skip


def wrong_types(rng: random.Random, data: bytes, target: str) -> tuple[bytes, str]:
    """Replace a random node of a JSON (or YAML) document with a value of another type."""
    if target == "template_yaml":
        import yaml

        try:
            doc = yaml.safe_load(data)
        except (yaml.YAMLError, RecursionError):
            return bit_flips(rng, data, target)
        dump: Callable[[Any], bytes] = lambda d: yaml.safe_dump(d, allow_unicode=True).encode()  # noqa: E731
    else:
        try:
            doc = json.loads(data)
        except (ValueError, UnicodeDecodeError, RecursionError):  # an earlier mutation's doing
            return bit_flips(rng, data, target)
        dump = lambda d: json.dumps(d, ensure_ascii=False).encode()  # noqa: E731
    changes = []
    for _ in range(rng.choice((1, 3))):
        nodes = _json_nodes(doc)
        path = rng.choice(nodes)
        new = rng.choice(WRONG_VALUES)
        doc = _set(doc, path, new)
        changes.append(f"{'/'.join(map(str, path))}={new!r:.20}")
    return dump(doc), "types " + ",".join(changes)


def deep_nesting(rng: random.Random, data: bytes, target: str) -> tuple[bytes, str]:
    depth = rng.choice((1_000, 20_000, 100_000))
    if target == "template_yaml":
        return data + b"\nextra: " + b"[" * depth + b"]" * depth + b"\n", f"yaml nest {depth}"
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):  # an earlier mutation's doing
        return b"[" * depth + data + b"]" * depth, f"wrap {depth}"
    nodes = _json_nodes(doc)
    path = rng.choice(nodes)
    marker = "\x00NEST\x00"
    text = json.dumps(_set(doc, path, marker), ensure_ascii=False)
    nested = "[" * depth + "1" + "]" * depth
    return text.replace(json.dumps(marker), nested).encode(), f"nest {depth} at {path!r:.40}"


def yaml_tricks(rng: random.Random, data: bytes, _t: str) -> tuple[bytes, str]:
    tricks = [
        b'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n",
        b"!!python/object/apply:os.system ['true']\n",
        b"id: !!binary AAAA\n",
        b"--- 1\n--- 2\n",
        b"\t- tab\n",
        b"id: x\nsections: *undefined\n",
    ]
    pick = rng.randrange(len(tricks))
    return (data + b"\n" + tricks[pick]) if rng.random() < 0.5 else tricks[pick], f"yaml #{pick}"


def zip_tricks(rng: random.Random, data: bytes, target: str) -> tuple[bytes, str]:
    """Mutate the chat inside the zip, or the zip itself (bombs, many members, odd names)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            name = next(n for n in z.namelist() if n.endswith(".txt") and "price" not in n)
            inner = z.read(name)
    except (zipfile.BadZipFile, StopIteration, OSError, EOFError, ValueError, zlib.error):
        return bit_flips(rng, data, target)  # an earlier mutation already broke the zip
    how = rng.choice(("inner", "bomb", "many", "names", "stored_lie"))
    if how == "inner":
        mutated, label = rng.choice(BYTE_MUTATORS)(rng, inner, "whatsapp_txt")
        return _whatsapp_zip(name, mutated), f"inner {label}"
    if how == "bomb":
        size = rng.choice((50, 300, 1100)) << 20
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            with z.open(name, "w", force_zip64=True) as w:
                block = b"0" * (1 << 20)
                for _ in range(size >> 20):
                    w.write(block)
        return buf.getvalue(), f"bomb {size >> 20} MiB"
    if how == "many":
        n = rng.choice((100, 3000))
        extra = {f"media/{i}.txt": b"x" for i in range(n)}
        return _whatsapp_zip(name, inner, extra), f"many {n}"
    if how == "names":
        bad = rng.choice(("../../evil_chat.txt", "/abs/_chat.txt", "dir/", "\u202e_chat.txt"))
        return _whatsapp_zip(bad, inner), f"name {bad!r}"
    return data[: len(data) // 2] + data, "zip spliced"


BYTE_MUTATORS: tuple[Mutator, ...] = (truncate, bit_flips, splice, reencode, huge_field)


def mutators(target: str) -> tuple[Mutator, ...]:
    structured: tuple[Mutator, ...] = ()
    if target in ("telegram", "transcript_json", "autoscore"):
        structured = (wrong_types, deep_nesting)
    elif target == "template_yaml":
        structured = (wrong_types, deep_nesting, yaml_tricks)
    elif target == "whatsapp_zip":
        structured = (zip_tricks, zip_tricks)
    if target == "audio":
        return (truncate, bit_flips, splice)
    return BYTE_MUTATORS + structured


@dataclass(frozen=True)
class Case:
    target: str
    name: str
    data: bytes
    label: str


def make_case(rng: random.Random, target: str) -> Case:
    """One mutated sample for *target*; sometimes two mutations stacked."""
    name, data = rng.choice(seeds(target))
    labels = []
    for _ in range(rng.choice((1, 1, 1, 2))):
        try:
            data, label = rng.choice(mutators(target))(rng, data, target)
        except RecursionError:  # a document an earlier mutation nested past the stack
            data, label = bit_flips(rng, data, target)
        labels.append(label)
    return Case(target, name, data, f"{name}: {' + '.join(labels)}")


# -- the worker ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    status: str  # OK, NAMED, CRASH or HANG
    detail: str = ""


class Worker:
    """The worker process, driven over pipes; restarted when it dies."""

    def __init__(self, folder: Path, timeout: float = 10.0) -> None:
        self.folder = Path(folder)
        self.timeout = timeout
        self._proc: subprocess.Popen[str] | None = None
        self._n = 0

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _start(self) -> subprocess.Popen[str]:
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
        env.pop("QT_QPA_PLATFORM", None)
        self.folder.mkdir(parents=True, exist_ok=True)
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.fuzz", str(self.folder)],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if line.strip() != "ready":
            raise RuntimeError(f"fuzz worker did not start: {line!r}")
        return proc

    def run(self, case: Case) -> Outcome:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = self._start()
        self._n += 1
        folder = self.folder / "cases" / str(self._n)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / case.name
        path.write_bytes(case.data)
        assert self._proc.stdin is not None and self._proc.stdout is not None
        request = {"target": case.target, "path": str(path), "timeout": self.timeout}
        self._proc.stdin.write(json.dumps(request) + "\n")
        self._proc.stdin.flush()
        ready, _, _ = select.select([self._proc.stdout], [], [], self.timeout + 30)
        line = self._proc.stdout.readline() if ready else ""
        if not line:
            self.close()
            return Outcome(CRASH, "the worker itself died or stopped answering")
        reply = json.loads(line)
        if reply["status"] in (OK, NAMED):
            for p in folder.iterdir():
                p.unlink()
            folder.rmdir()
        return Outcome(reply["status"], reply.get("detail", ""))

    def close(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
            for pipe in (self._proc.stdin, self._proc.stdout):
                if pipe is not None:
                    pipe.close()
            self._proc = None


def _names_file(err: BaseException, path: Path) -> bool:
    text = str(err)
    given = getattr(err, "params", {}).get("path")
    return str(path) in text or path.name in text or (given is not None and str(given) == str(path))


def _strict_json(text: str) -> None:
    def reject(name: str) -> None:
        raise ValueError(f"not JSON: {name}")

    json.loads(text, parse_constant=reject)


def run_target(services: Any, template: Any, target: str, path: Path) -> Outcome:
    """Run one case in this process; KnownErrors are judged here, anything else propagates."""
    from qcdesk.errors import KnownError

    if target == "audio" or target in CHAT_TARGETS:
        if target == "audio":
            from qcdesk.services.importer import ImportOptions

            report = services.importer.import_paths(
                [path], ImportOptions(client="Fuzz", consultant=CONSULTANT)
            )
        else:
            from qcdesk.services.chat_import import ChatImportOptions

            report = services.chats.import_paths(
                [path], ChatImportOptions(client="Fuzz", consultant=CONSULTANT)
            )
        for f in report.failed:
            if f.path != str(path) and path.name not in f.error:
                return Outcome(CRASH, f"error does not name the file: {f.error[:300]}")
        return Outcome(NAMED if report.failed else OK)
    if target not in ("template_yaml", "autoscore"):
        raise ValueError(f"unknown fuzz target {target!r}")
    try:
        if target == "template_yaml":
            services.templates.import_file(path)
        else:
            from qcdesk.services.autoscore import autoscore, read_transcript, to_json

            _strict_json(to_json(autoscore(template, read_transcript(path))))
    except KnownError as err:
        if not _names_file(err, path):
            return Outcome(CRASH, f"error does not name the file: {str(err)[:300]}")
        return Outcome(NAMED)
    return Outcome(OK)


def _child(services: Any, template: Any, request: dict[str, Any], out: int) -> None:
    import resource

    os.setpgid(0, 0)  # the worker kills the whole group (ffmpeg included) on a hang
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[0])
    limit = pages * os.sysconf("SC_PAGE_SIZE") + MEMORY_BUDGET
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        outcome = run_target(services, template, request["target"], Path(request["path"]))
        reply = {"status": outcome.status, "detail": outcome.detail}
    except BaseException as exc:  # noqa: BLE001 - exactly what the fuzzer is looking for
        tb = traceback.format_exception(type(exc), exc, exc.__traceback__)
        reply = {"status": CRASH, "detail": "".join(tb)[-3000:]}
    os.write(out, json.dumps(reply).encode())
    os._exit(0)


WALL_FACTOR = 4
"""A case may take this many times its CPU budget in wall time (a loaded machine, ffmpeg waiting)
before it counts as hung anyway."""


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of *pid* and its waited-for children, from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def _judge(
    pid: int, read_end: int, timeout: float, wall_factor: float = WALL_FACTOR
) -> dict[str, Any]:
    """The case's reply; a hang is over *timeout* seconds of CPU, or *wall_factor* times that in
    wall time. CPU, not wall time, is the budget: on a machine shared with other work a case
    that needs 2 s of CPU can take 10 s of wall time, and that is not a hang."""
    import time

    chunks = []
    start = time.monotonic()
    while True:
        wall = time.monotonic() - start
        cpu = _cpu_seconds(pid)
        if cpu > timeout or wall > wall_factor * timeout:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
            spent = f"{cpu:.1f} s of CPU" if cpu > timeout else f"{wall:.1f} s of wall time"
            return {"status": HANG, "detail": f"over {timeout:g} s ({spent})"}
        ready, _, _ = select.select([read_end], [], [], 0.25)
        if not ready:
            continue
        chunk = os.read(read_end, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    try:
        os.killpg(pid, signal.SIGKILL)  # leftover grandchildren
    except (ProcessLookupError, PermissionError):
        pass
    if not chunks:
        return {"status": CRASH, "detail": f"the case process died (wait status {status})"}
    return json.loads(b"".join(chunks))  # type: ignore[no-any-return]


def _warm_up(services: Any, template: Any) -> None:
    """Load what the rules load lazily (morphology dictionaries, patterns) before forking.

    Every forked case then starts with it instead of paying for it again.
    """
    from qcdesk.audio import decode  # noqa: F401
    from qcdesk.services.autoscore import autoscore, read_transcript

    for name, data in seeds("autoscore")[:1]:
        path = Path(services.library_dir) / name
        path.write_bytes(data)
        autoscore(template, read_transcript(path))
        path.unlink()


def serve(folder: Path) -> None:
    """The worker: one project, one fork per request line on stdin."""
    import logging

    logging.disable(logging.CRITICAL)
    from qcdesk.services.autoscore import resolve_template
    from qcdesk.services.context import open_services

    services = open_services(folder / "fuzz.db", folder / "library", reviewer="Fuzz")
    template = resolve_template("sales-call-ru")
    _warm_up(services, template)
    services.session_factory.kw["bind"].dispose()  # children open their own connections
    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _child(services, template, request, write_end)
        try:
            os.setpgid(pid, pid)  # also here: the child may not have run yet when killed
        except (PermissionError, ProcessLookupError):
            pass
        os.close(write_end)
        try:
            reply = _judge(pid, read_end, float(request["timeout"]))
        finally:
            os.close(read_end)
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
