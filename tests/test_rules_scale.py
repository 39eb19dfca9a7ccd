"""Rules and metrics at scale: the n·log n versions answer exactly as the pairwise ones did.

The pairwise versions stay here as the specification; hypothesis compares them on random
overlapping timelines. Speed itself is measured by bench/autoscore_scale.py, not asserted.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qcdesk.domain.metrics import OVERLAP_S, interruptions
from qcdesk.domain.rules.detectors import is_objection, objection_handled, objection_segments
from qcdesk.domain.rules.text import Seg, make_dialog, make_seg


def pairwise_interruptions(segs: list[Seg], by: str) -> list[Seg]:
    out = []
    for s in segs:
        if s.speaker != by:
            continue
        for o in segs:
            if o.speaker == by or o.speaker == s.speaker:
                continue
            if o.start < s.start < o.end and min(o.end, s.end) - s.start > OVERLAP_S:
                out.append(s)
                break
    return out


timeline = st.lists(
    st.tuples(
        st.sampled_from(["consultant", "client", "A"]),
        st.floats(0, 60, allow_nan=False).map(lambda x: round(x, 1)),
        st.floats(0, 8, allow_nan=False).map(lambda x: round(x, 1)),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(timeline)
def test_interruptions_match_the_pairwise_definition(spans) -> None:
    segs = [
        make_seg(i, {"speaker": who, "start": a, "end": a + d, "text": ""})
        for i, (who, a, d) in enumerate(spans)
    ]
    for by in ("consultant", "client"):
        assert interruptions(segs, by) == pairwise_interruptions(segs, by)


LINES = [
    ("client", "Дорого у вас, я подумаю"),
    ("consultant", "Понимаю. А с чем сравниваете?"),
    ("client", "Нет, спасибо, не надо"),
    ("consultant", "Хорошо"),
    ("consultant", "Могу предложить рассрочку, так что выйдет дешевле"),
    ("client", "Мы уже работаем с другими, нас всё устраивает"),
    ("client", "А сколько стоит доставка?"),
]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, len(LINES) - 1), max_size=25))
def test_objections_match_the_pairwise_definition(picks) -> None:
    segs = [
        {"speaker": LINES[k][0], "start": i, "end": i + 1, "text": LINES[k][1]}
        for i, k in enumerate(picks)
    ]
    dl = make_dialog({"segments": segs})
    expected = []
    for i, s in enumerate(dl.segments):
        asked = next((p for p in reversed(dl.segments[:i]) if p.consultant), None)
        if is_objection(s, asked):
            expected.append(s)
    assert objection_segments(dl.segments) == expected
    for o in expected:
        how, reply = objection_handled(dl.segments, o)
        assert reply is None or reply.index > o.index
        assert how in ("yes", "no", "maybe")
