"""How well the recogniser heard the part of a call a rule looked at, and what that does to
the rule's confidence.

On typed text a rule that finds no greeting may say "no" with confidence: the words are there
to read. On Whisper output of a telephone line the greeting may simply not have been heard,
and the recogniser says so through its word probabilities (``words[].p``). So an answer that
rests on *not finding* something (the criterion's absence value) is only as sure as the
hearing of the region where the rule looked: the opening for the greeting, the name and the
company, the last turns for the farewell, the consultant's speech for the rest. A tolerant
match on words the recogniser itself doubted is likewise held a little lower.

Transcripts without word probabilities (typed, imported, chats) are left as they are.
"""

from __future__ import annotations

from collections.abc import Callable

from qcdesk.domain.rules.checkers import UNSURE, Suggestion, _cons, _opening
from qcdesk.domain.rules.text import Dialog, Seg

# What each checker answers when it finds nothing, and where it looked for it.
ABSENCE: dict[str, str] = {
    "greeting": "no",
    "introduced_self": "no",
    "named_company": "no",
    "checked_time": "no",
    "asked_client_name": "no",
    "needs_discovery": "no",
    "open_questions": "no",
    "presented_benefits": "no",
    "next_step": "no",
    "farewell": "no",
    "objection_handling": "na",
    "no_rudeness": "yes",
}
REGION: dict[str, Callable[[Dialog], list[Seg]]] = {
    "greeting": lambda dl: _greeting_region(_cons(dl)),
    "introduced_self": _opening,
    "named_company": _opening,
    "checked_time": lambda dl: _cons(dl)[:4],
    "farewell": lambda dl: _cons(dl)[-2:],
    "objection_handling": lambda dl: dl.by("client"),
}
# Regions of a few turns, where one poorly heard turn can hide what the rule looks for: the
# worst turn counts. Elsewhere (the whole conversation) the mean does.
NARROW = frozenset(("greeting", "introduced_self", "named_company", "checked_time", "farewell"))
# Mean word probability below which a region counts as poorly heard: an absence there is
# left to the reviewer (UNSURE abstains); between the two it is held at FAIR_HEARING.
POOR = {True: 0.6, False: 0.55}  # narrow region (worst turn) / the whole conversation
FAIR = 0.7
FAIR_HEARING = 0.78
DOUBTED_MATCH = 0.5  # mean probability of a tolerant match's words below which it is doubted


def _greeting_region(cons: list[Seg]) -> list[Seg]:
    """The consultant's turns up to the first with substance (more than three words)."""
    for k, s in enumerate(cons):
        if len(s.tokens) > 3:
            return cons[: k + 1]
    return cons


def _probabilities(s: Seg) -> list[float]:
    out = []
    for w in s.words:
        p = w.get("p") if isinstance(w, dict) else None
        if isinstance(p, int | float) and not isinstance(p, bool) and 0 <= p <= 1:
            out.append(float(p))
    return out


def hearing(segs: list[Seg], *, worst: bool = False) -> float | None:
    """Mean recogniser probability of the words of *segs* (with *worst*, of the turn heard
    worst); None when no word carries one."""
    per_turn = [ps for ps in map(_probabilities, segs) if ps]
    if not per_turn:
        return None
    if worst:
        return min(sum(ps) / len(ps) for ps in per_turn)
    return sum(map(sum, per_turn)) / sum(map(len, per_turn))


def _span_hearing(s: Seg, start: int, end: int) -> float | None:
    """Mean probability of the words of *s* that overlap tokens start..end (by position:
    Whisper's words and our tokens line up closely enough inside one segment)."""
    words = [w for w in s.words if isinstance(w, dict)]
    if not words or not s.tokens:
        return None
    a = int(start * len(words) / len(s.tokens))
    b = max(a + 1, round(end * len(words) / len(s.tokens)))
    ps = [
        float(w["p"])
        for w in words[a:b]
        if isinstance(w.get("p"), int | float) and not isinstance(w.get("p"), bool)
    ]
    return sum(ps) / len(ps) if ps else None


def attend(name: str, dl: Dialog, sug: Suggestion) -> Suggestion:
    """*sug* with its confidence adjusted to how well the recogniser heard where it looked."""
    if sug.value is None:
        return sug
    if sug.value == ABSENCE.get(name):
        region = REGION.get(name, _cons)(dl)
        heard = hearing(region, worst=name in NARROW)
        if heard is None or heard >= FAIR or name == "no_rudeness":
            return sug
        cap = UNSURE if heard < POOR[name in NARROW] else FAIR_HEARING
        return Suggestion(sug.value, min(sug.confidence, cap), sug.evidence)
    doubted = [
        e
        for e in sug.evidence
        if e.similarity is not None
        and (q := _match_hearing(dl, e.segment, e.match)) is not None
        and q < DOUBTED_MATCH
    ]
    if doubted:
        return Suggestion(sug.value, min(sug.confidence, FAIR_HEARING), sug.evidence)
    return sug


def _match_hearing(dl: Dialog, index: int, words: str) -> float | None:
    if not 0 <= index < len(dl.segments) or not words:
        return None
    s = dl.segments[index]
    first = words.split()[0]
    start = s.tokens.index(first) if first in s.tokens else 0
    return _span_hearing(s, start, start + len(words.split()))
