"""Auto-prefill has a size budget: past it, a named "too long" error and nothing changed.

A whole account's Telegram export used to keep auto-prefill busy for minutes after import.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qcdesk.services.dto import Segment, TranscriptInfo
from qcdesk.services.importer import ImportOptions
from qcdesk.services.prefill import PrefillBudget, PrefillTooLong, prefill_interaction


@pytest.fixture
def call(services, stereo_wav: Path, shared_data: Path) -> tuple[int, int]:
    """An imported call with dev-003 as its transcript; (id, number of segments)."""
    options = ImportOptions(client="Диваны Плюс", consultant="Анна", direction="incoming")
    (iid,) = services.importer.import_paths([stereo_wav], options).imported
    data = json.loads((shared_data / "dialogs-dev" / "dev-003.json").read_text("utf-8"))
    segs = tuple(Segment(s["speaker"], s["start"], s["end"], s["text"]) for s in data["segments"])
    services.interactions.save_transcript(iid, TranscriptInfo("ru", "import", segs))
    return iid, len(segs)


def _prefill(services, iid: int, budget: PrefillBudget | None = None):  # type: ignore[no-untyped-def]
    return prefill_interaction(services.session_factory, services.db_path, iid, budget)


def test_past_the_segment_budget_is_too_long_and_changes_nothing(services, call) -> None:
    iid, n = call
    with pytest.raises(PrefillTooLong, match="too long to prefill") as info:
        _prefill(services, iid, PrefillBudget(segments=n - 1))
    assert info.value.params["id"] == iid and info.value.params["segments"] == n
    assert services.interactions.get(iid).row.stage_reached is None
    assert services.prefill.metrics_comparison(iid).metrics == {}


def test_past_the_text_budget_is_too_long(services, call) -> None:
    iid, _n = call
    with pytest.raises(PrefillTooLong):
        _prefill(services, iid, PrefillBudget(chars=100))


def test_within_the_budget_prefills(services, call) -> None:
    iid, n = call
    done = _prefill(services, iid, PrefillBudget(segments=n, chars=10**6))
    assert done is not None and done.suggested > 0
    assert _prefill(services, iid) is not None  # the default budget is far above a call


def test_default_budget_is_what_the_bench_times_in_seconds() -> None:
    """bench/autoscore_scale.py: 50k segments score in a few seconds; the default stays there."""
    assert PrefillBudget().segments <= 50_000
