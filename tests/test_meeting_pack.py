"""The planning-meeting pack (issue 14 §1, §5): the demo's October, PDF and audio clips.

A fresh demo project is made, ``qcdesk meeting pack`` writes October for both companies, and
every clip is decoded back: its length matches its range in the index, the quoted segment lies
inside that range, its loudness follows the source recording over the same span, and it fades
in and out. The PDF is read back with pdftotext.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from qcdesk.audio.clips import FADE_MS, PAD_S, Span, clip_range
from qcdesk.audio.decode import decode
from qcdesk.services.demo import DEMO_DIR, load_manifest
from tests.helpers.reports import pdf_text

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):  # type: ignore[no-untyped-def]
    from qcdesk.services.context import open_services
    from qcdesk.services.demo import create_demo

    root = tmp_path_factory.mktemp("demo")
    services = open_services(root / "qcdesk.db", root / "library")
    create_demo(services)
    services.close()
    return root / "qcdesk.db"


def _envelope(samples: np.ndarray, rate: int, frame_s: float = 0.05) -> np.ndarray:
    mono = samples.astype(np.float64).mean(axis=1)
    n = int(rate * frame_s)
    frames = len(mono) // n
    return np.sqrt((mono[: frames * n].reshape(frames, n) ** 2).mean(axis=1))


@pytest.mark.parametrize("client", ["ТехноДом", "Диваны Плюс"])
def test_october_pack_clips_play_and_hold_the_quoted_words(
    demo_db, tmp_path, run_cli, client
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "pack"
    done = run_cli(
        "meeting", "pack", "--db", demo_db, "--client", client,
        "--from", "2026-10-01", "--to", "2026-10-31", "--out", out,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    pdf = Path(result["pdf"])
    assert pdf.parent == out and pdf.is_file()
    with open(out / "clips" / "index.csv", encoding="utf-8-sig", newline="") as fh:
        index = list(csv.DictReader(fh))
    assert result["clips"] == len(index) >= 3
    assert sorted(r["file"] for r in index) == [r["file"] for r in index]  # agenda order
    assert sorted(p.name for p in (out / "clips").glob("*.mp3")) == [r["file"] for r in index]

    manifest = load_manifest()
    items = {}
    for item in manifest["interactions"]:
        items.setdefault(item["client"], []).append(item)
    by_time = {it["started_at"][:16].replace("T", " "): it for it in items[client]}
    text = pdf_text(pdf)
    for row in index:
        start, end = float(row["start_s"]), float(row["end_s"])
        clip = decode(out / "clips" / row["file"])
        assert clip.duration == pytest.approx(end - start, abs=0.08), row["file"]
        item = by_time[row["date"]]
        quoted = [s for s in item["segments"] if s["text"] == row["quote"]]
        assert quoted, row
        assert all(start <= s["start"] and s["end"] <= end for s in quoted), row
        # No segment is cut: every segment overlapping the clip lies inside it whole.
        for s in item["segments"]:
            if s["end"] > start and s["start"] < end:
                assert start - 1e-6 <= s["start"] and s["end"] <= end + 1e-6, (row, s)
        # It is that stretch of that recording: the loudness follows the source.
        source = decode(DEMO_DIR / item["file"], sample_rate=clip.sample_rate)
        part = source.samples[int(start * clip.sample_rate) : int(end * clip.sample_rate)]
        a = _envelope(clip.samples, clip.sample_rate)
        b = _envelope(part, clip.sample_rate)
        k = min(len(a), len(b))
        inner = slice(int(FADE_MS / 50) + 1, k - int(FADE_MS / 50) - 1)  # past the fades
        assert np.corrcoef(a[inner], b[inner][: len(a[inner])])[0, 1] > 0.9, row["file"]
        # Fades: the first and last 20 ms are quieter than the clip's loudest 50 ms.
        edge = int(0.02 * clip.sample_rate)
        peak = a.max()
        assert np.abs(clip.samples[:edge]).mean() < 0.2 * peak
        assert np.abs(clip.samples[-edge:]).mean() < 0.2 * peak
        assert row["file"] in text.replace(" ", "") or row["file"][:20] in text
    assert "Материалы к планёрке" in text and client in text

    # A second run refuses to replace the pack; --force replaces it.
    before = pdf.stat().st_mtime_ns
    again = run_cli(
        "meeting", "pack", "--db", demo_db, "--client", client,
        "--from", "2026-10-01", "--to", "2026-10-31", "--out", out,
    )  # fmt: skip
    assert again.returncode == 2 and "already holds" in again.stderr
    assert pdf.stat().st_mtime_ns == before
    forced = run_cli(
        "meeting", "pack", "--db", demo_db, "--client", client, "--lang", "en",
        "--from", "2026-10-01", "--to", "2026-10-31", "--out", out, "--force",
    )  # fmt: skip
    assert forced.returncode == 0, forced.stderr
    assert "Planning meeting pack" in pdf_text(Path(json.loads(forced.stdout)["pdf"]))


def test_clip_range_keeps_whole_segments_and_leaves_numbers_out() -> None:
    spans = [
        Span(0.0, 2.0, "Добрый день, салон «Тест»."),
        Span(2.5, 5.0, "Запишите мой номер: +7 916 123-45-67."),
        Span(5.5, 8.0, "Какой диван вы ищете?"),
        Span(8.4, 10.0, "Угловой, для гостиной."),
        Span(10.5, 20.0, "Тогда посмотрите модель «Милан», она раскладывается."),
        Span(30.0, 31.0, "До свидания."),
    ]
    rng = clip_range(spans, 6.0)
    assert rng is not None
    # The number (2.5-5.0) is left out although within PAD_S; the clip starts in the pause.
    assert 5.0 <= rng.start <= 5.5 and rng.first == 2
    assert rng.last == 3 and 10.0 <= rng.end <= 10.5  # 10.5-20.0 ends past 6 + PAD_S
    assert 20.0 - 6.0 > PAD_S
    assert clip_range(spans, 3.0) is None  # the moment itself is the number
    assert clip_range([], 3.0) is None


def test_plan_examples_become_clips(demo_db, tmp_path, run_cli) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "plan-clips"
    args = ("coaching", "plan", "--db", demo_db, "--consultant", "Ольга Иванова", "--clips", out)
    done = run_cli(*args)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    with open(out / "index.csv", encoding="utf-8-sig", newline="") as fh:
        index = list(csv.DictReader(fh))
    assert result["clips"] == len(index) >= 1
    manifest = {
        it["started_at"][:16].replace("T", " "): it for it in load_manifest()["interactions"]
    }
    for row in index:
        start, end = float(row["start_s"]), float(row["end_s"])
        assert decode(out / row["file"]).duration == pytest.approx(end - start, abs=0.08)
        quoted = [s for s in manifest[row["date"]]["segments"] if s["text"] == row["quote"]]
        assert quoted and all(start <= s["start"] and s["end"] <= end for s in quoted), row
    again = run_cli(*args)
    assert again.returncode == 2 and "already holds" in again.stderr
    assert run_cli(*args, "--force").returncode == 0
