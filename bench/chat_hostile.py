"""Benchmark: what hostile chat exports cost before they are refused (issue 12, §4).

Each case runs in a child process so that its peak memory (``ru_maxrss``) is its own. The
baseline is the same machine parsing an honest WhatsApp export of about the same text size
(``honest_*``), measured in the same run. Cases:

- ``bomb``: a zip of a few MB holding a 1 GiB ``_chat.txt`` of chat lines (the issue's bomb
  grew to 8 GB);
- ``deep``: ``result.json`` of 200,000 nested ``[``;
- ``csv_quote``: a 200,000-line CSV with a quote opened on line 3 and never closed;
- ``long_line``: a WhatsApp export whose one line has 50 MB of text;
- ``regex``: a 199,999-character line built to make the media patterns backtrack.

Run: ``PYTHONPATH=. .venv/bin/python bench/chat_hostile.py`` (the children import qcdesk from
the path, so without ``PYTHONPATH`` a worktree measures the editable install's tree); prints
``name=value`` lines. On the shared 2-core machine, ``*_cpu_s`` is the steadier figure.

Measured (load average 13 on 2 cores): honest_cpu_s=2.50 (5.76 before clean() used regular
expressions instead of dict translation), bomb_cpu_s=0.003 (peak +2 MB), deep_cpu_s=0.003,
csv_quote_cpu_s=0.043, long_line_cpu_s=0.18, regex_cpu_s=0.085 (minutes before the media
patterns were made linear).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

LINE = b"27.11.2026, 21:40 - \xd0\x98\xd1\x80\xd0\xb8\xd0\xbd\xd0\xb0: " + b"x" * 70 + b"\n"


def build(case: str, folder: Path) -> Path:
    if case == "honest":
        path = folder / "chat.txt"
        path.write_bytes(LINE * 100_000)  # about 10 MB, 100,000 messages
    elif case == "bomb":
        path = folder / "bomb.zip"
        block = LINE * ((1 << 20) // len(LINE))  # a chat to look at, so only the bounds stop it
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            with z.open("_chat.txt", "w", force_zip64=True) as fh:
                for _ in range(1024):
                    fh.write(block)
    elif case == "deep":
        path = folder / "result.json"
        path.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    elif case == "csv_quote":
        path = folder / "crm.csv"
        rows = [b"timestamp;author;text\n", b"2026-11-27 10:00;A;x\n", b'2026-11-27 10:01;B;"y\n']
        rows += [b"2026-11-27 10:02;A;z\n"] * 200_000
        path.write_bytes(b"".join(rows))
    elif case == "long_line":
        path = folder / "chat.txt"
        path.write_bytes(LINE + b"27.11.2026, 21:41 - A: " + b"y" * 50_000_000 + b"\n")
    elif case == "regex":
        path = folder / "chat.txt"
        head = "27.11.2026, 21:40 - A: \u200e".encode()
        path.write_bytes(head + ("a.pdf • " * 24_000).encode()[:199_000] + b"\n")
    else:
        raise SystemExit(f"unknown case {case}")
    return path


def child(case: str) -> None:
    from zoneinfo import ZoneInfo

    from qcdesk.domain.chat_formats import parse_export
    from qcdesk.errors import KnownError
    from qcdesk.services.chat_preview import read_export

    with tempfile.TemporaryDirectory() as tmp:
        path = build(case, Path(tmp))
        size = path.stat().st_size
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start, cpu = time.perf_counter(), time.process_time()
        try:
            chats = parse_export(read_export(path), str(path), ZoneInfo("Europe/Moscow"))
            outcome = f"messages:{sum(len(c.messages) for c in chats)}"
        except KnownError as err:
            outcome = f"refused:{type(err).__name__}"
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{case}_file_mb={size / 1e6:.1f}")
    print(f"{case}_outcome={outcome}")
    print(f"{case}_s={seconds:.3f}")
    print(f"{case}_cpu_s={cpu:.3f}")  # the machine is shared: CPU time is the steadier figure
    print(f"{case}_peak_mb={max(peak - base, 0) / 1024:.0f}")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2])
        return
    for case in ("honest", "bomb", "deep", "csv_quote", "long_line", "regex"):
        out = subprocess.run(
            [sys.executable, __file__, "--child", case], capture_output=True, text=True
        )
        sys.stdout.write(out.stdout)
        if out.returncode != 0:
            print(f"{case}_crash={out.stderr.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
