"""Per-criterion checkers implementing labeling-guide.md, plus the outcome fields.

A checker takes a prepared ``Dialog`` and returns a ``Suggestion``: a value (yes/no/na), a
confidence and the segments that show why. Templates name a checker with ``auto: <name>``;
the engine (``qcdesk.services.autoscore``) abstains when confidence is below the criterion's
``threshold``. Checkers never look at dev-set wording: see ``detectors`` for the lexicons.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qcdesk.domain.rules import detectors as d
from qcdesk.domain.rules import lexicon as lx
from qcdesk.domain.rules.questions import NAME_Q, consultant_questions
from qcdesk.domain.rules.text import Dialog, Seg, phrases, seg_match, word_info

QUOTE_CHARS = 160


@dataclass(frozen=True)
class Evidence:
    segment: int
    start: float
    end: float
    speaker: str
    quote: str

    @classmethod
    def of(cls, seg: Seg) -> Evidence:
        q = seg.text.strip()
        q = q if len(q) <= QUOTE_CHARS else q[: QUOTE_CHARS - 1] + "…"
        return cls(seg.index, seg.start, seg.end, seg.speaker, q)


@dataclass(frozen=True)
class Suggestion:
    value: str | None  # yes / no / na, None when the checker has no opinion
    confidence: float
    evidence: tuple[Evidence, ...] = ()


def _s(value: str, conf: float, *segs: Seg | None) -> Suggestion:
    return Suggestion(value, conf, tuple(Evidence.of(s) for s in segs if s is not None))


def _cons(dl: Dialog) -> list[Seg]:
    return dl.by("consultant")


LOGISTICS = frozenset("здесь оформлять оформить записать оплатить оплата адрес".split())
NON_SUBSTANCE = frozenset("алло да слушаю это вы я у аппарат hello yes speaking".split())


def greeting(dl: Dialog) -> Suggestion:
    for s in _cons(dl):
        if seg_match(s, lx.GREETINGS, within=14):
            return _s("yes", 0.95, s)
        rest = [t for t, lem in zip(s.tokens, s.lemmas, strict=False) if t not in NON_SUBSTANCE]
        if len(rest) > 2 or (rest and not any(word_info(t).is_name for t in rest)):
            return _s("no", 0.9, s)
    return _s("no", 0.8)


def introduced_self(dl: Dialog) -> Suggestion:
    for s in _cons(dl):
        if d.self_names(s):
            return _s("yes", 0.93, s)
    return _s("no", 0.85)


def named_company(dl: Dialog) -> Suggestion:
    for s in _cons(dl):
        if d.names_company(s):
            return _s("yes", 0.9, s)
    return _s("no", 0.8)


def checked_time(dl: Dialog) -> Suggestion:
    if not dl.is_call or dl.direction != "outgoing":
        return _s("na", 0.97)
    for s in _cons(dl)[:4]:
        if seg_match(s, lx.CHECK_TIME):
            return _s("yes", 0.93, s)
    return _s("no", 0.85)


def _own_names(dl: Dialog) -> set[str]:
    out: set[str] = set()
    for s in _cons(dl):
        out |= d.self_names(s)
    return out


def asked_client_name(dl: Dialog) -> Suggestion:
    for q in consultant_questions(dl.segments):
        if NAME_Q.intersection(q.lemmas) and "мой" not in q.lemmas:
            return _s("yes", 0.93, q.seg)
    own = _own_names(dl)
    for s in _cons(dl):
        for _i, lem in d.addressed_names(s):
            if lem not in own:
                return _s("yes", 0.85, s)
    return _s("no", 0.85)


def needs_discovery(dl: Dialog) -> Suggestion:
    for q in consultant_questions(dl.segments):
        if q.contact or seg_match(q.seg, lx.CHECK_TIME):
            continue
        if "нибудь" in q.text.lower() or len(q.lemmas) < 2 or LOGISTICS & set(q.lemmas):
            continue
        if q.open or q.choice or "ли" in q.lemmas or q.seg.punctuated:
            return _s("yes", 0.9, q.seg)
    return _s("no", 0.85)


def open_questions(dl: Dialog) -> Suggestion:
    opens = [q for q in consultant_questions(dl.segments) if q.open and not q.contact]
    if len(opens) >= 2:
        return _s("yes", 0.9, *(q.seg for q in opens[:3]))
    return _s("no", 0.85 if not opens else 0.75, *(q.seg for q in opens))


def presented_benefits(dl: Dialog) -> Suggestion:
    for s in _cons(dl):
        if len(s.tokens) >= 10 and seg_match(s, lx.BENEFIT):
            second = s.lemma_set & {"вы", "ваш", "you", "your"}
            return _s("yes", 0.85 if second else 0.7, s)
    return _s("no", 0.8)


def objection_handling(dl: Dialog) -> Suggestion:
    objs = d.objection_segments(dl.segments)
    if not objs:
        return _s("na", 0.85)
    first_reply = None
    for o in objs:
        ok, reply = d.objection_handled(dl.segments, o)
        if ok:
            return _s("yes", 0.85, o, reply)
        first_reply = first_reply or reply
    return _s("no", 0.8, objs[0], first_reply)


def _next_step(dl: Dialog) -> tuple[Seg | None, bool]:
    """(segment of the agreed next step, whether it is only a call-back, not the goal)."""
    cons = _cons(dl)
    for s in reversed(cons):
        if seg_match(s, lx.ORDER_DONE) and not seg_match(s, lx.VAGUE):
            return s, False
    for s in reversed(cons):
        if seg_match(s, lx.VAGUE):
            continue
        done = seg_match(s, lx.COMMIT_DONE)
        offer = seg_match(s, lx.COMMIT_OFFER)
        if not (done or offer) or not d.has_time(s):
            continue
        later = [c for c in dl.segments if c.index > s.index and c.speaker == "client"]
        if any(seg_match(c, lx.REFUSAL) for c in later[:2]):
            continue
        window = [c for c in cons if c.index <= s.index][-3:]
        only_cb = any(
            c.lemma_set & lx.GOAL_ONLY_CALLBACK or lx.CALLBACK_FORMS.intersection(c.tokens)
            for c in window
        )
        return s, only_cb
    return None, False


def next_step(dl: Dialog) -> Suggestion:
    seg, _ = _next_step(dl)
    if seg is not None:
        return _s("yes", 0.88, seg)
    return _s("no", 0.82)


def farewell(dl: Dialog) -> Suggestion:
    for s in reversed(_cons(dl)[-2:]):
        if seg_match(s, lx.FAREWELLS):
            return _s("yes", 0.93, s)
    last = _cons(dl)[-1:]
    return _s("no", 0.88, *last)


def no_interruptions(dl: Dialog) -> Suggestion:
    if not dl.is_call:
        return _s("na", 0.97)
    from qcdesk.domain.metrics import interruptions

    hits = interruptions(dl.segments, "consultant")
    if hits:
        return _s("no", 0.9, *hits[:3])
    return _s("yes", 0.9)


def no_rudeness(dl: Dialog) -> Suggestion:
    rude = d.rude_segments(dl.segments)
    if rude:
        return _s("no", 0.85, *rude[:3])
    return _s("yes", 0.85)


CHECKERS: dict[str, Callable[[Dialog], Suggestion]] = {
    f.__name__: f
    for f in (
        greeting,
        introduced_self,
        named_company,
        checked_time,
        asked_client_name,
        needs_discovery,
        open_questions,
        presented_benefits,
        objection_handling,
        next_step,
        farewell,
        no_interruptions,
        no_rudeness,
    )
}

STAGES = ("greeting", "needs", "presentation", "objections", "closing")
PROPOSAL = phrases(
    (
        "давайте запишу",
        "давайте записать",
        "записать вас",
        "когда вам удобно подъехать",
        "есть окно",
        "может приехать",
        "можем записать",
        "оформить заказ",
        "давайте оформим",
        "забронировать",
        "приглашать",
        "shall i book",
        "can i book",
    ),
    gap=2,
)


def outcome(dl: Dialog) -> tuple[str, bool]:
    """(stage_reached, goal_achieved) per the guide's definitions."""
    seg, only_cb = _next_step(dl)
    goal = seg is not None and not only_cb
    cons = _cons(dl)
    proposed = seg is not None or any(
        seg_match(s, PROPOSAL) and not seg_match(s, lx.VAGUE) for s in cons
    )
    if proposed:
        return "closing", goal
    if d.objection_segments(dl.segments):
        return "objections", goal
    presented = presented_benefits(dl).value == "yes" or any(
        len(s.tokens) >= 8
        and (
            s.lemma_set & PRICE_WORDS
            or sum(t.isdigit() or word_info(t).pos == "NUMR" for t in s.tokens) >= 2
        )
        for s in cons
    )
    if presented:
        return "presentation", goal
    if needs_discovery(dl).value == "yes":
        return "needs", goal
    return "greeting", goal


PRICE_WORDS = frozenset("тысяча рубль стоимость стоить цена price cost dollar".split())
