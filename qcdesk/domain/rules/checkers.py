"""Per-criterion checkers implementing labeling-guide.md, plus the outcome fields.

A checker takes a prepared ``Dialog`` and returns a ``Suggestion``: a value (yes/no/na), a
confidence and the segments that show why. Templates name a checker with ``auto: <name>``;
the engine (``qcdesk.services.autoscore``) abstains when confidence is below the criterion's
``threshold`` (0.75 by default). Checkers never look at dev-set wording: see ``detectors`` for
the lexicons.

Confidences are tiers, each meant as the chance a reviewer agrees (bench/autoscore.py prints
the observed rate per band): ``SURE`` the guide's own wording; ``STRONG`` a clear cue of a
kind the guide names; ``LIKELY`` a clear cue with known rare exceptions, or an absence where
the detector misses little; ``FAIR`` an absence where it misses more; ``UNSURE`` a weak or
conflicting cue, below the threshold, so the reviewer answers ("check manually").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from qcdesk.domain.rules import detectors as d
from qcdesk.domain.rules import heard as hd
from qcdesk.domain.rules import lexicon as lx
from qcdesk.domain.rules.fuzzy import Match
from qcdesk.domain.rules.questions import (
    NAME_Q,
    OPEN_RU,
    TELL,
    Question,
    consultant_questions,
    questions_in,
)
from qcdesk.domain.rules.text import (
    Dialog,
    Phrase,
    Seg,
    find,
    negated,
    negated_after,
    phrases,
    seg_match,
    word_info,
)

QUOTE_CHARS = 160
SURE, STRONG, LIKELY, FAIR, UNSURE = 0.95, 0.9, 0.85, 0.8, 0.6


@dataclass(frozen=True)
class Evidence:
    segment: int
    start: float
    end: float
    speaker: str
    quote: str
    # A tolerant match (see ``fuzzy``): the words heard and how alike they are to what the
    # rule looked for, so the reviewer sees why «драфствовать» counted as a greeting.
    match: str = ""
    similarity: float | None = None

    @classmethod
    def of(cls, seg: Seg, heard: Match | None = None) -> Evidence:
        q = seg.text.strip()
        q = q if len(q) <= QUOTE_CHARS else q[: QUOTE_CHARS - 1] + "…"
        if heard is None:
            return cls(seg.index, seg.start, seg.end, seg.speaker, q)
        return cls(seg.index, seg.start, seg.end, seg.speaker, q, heard.text, heard.similarity)


@dataclass(frozen=True)
class Suggestion:
    value: str | None  # yes / no / na, None when the checker has no opinion
    confidence: float
    evidence: tuple[Evidence, ...] = ()


def _s(value: str, conf: float, *segs: Seg | None) -> Suggestion:
    return Suggestion(value, conf, tuple(Evidence.of(s) for s in segs if s is not None))


def _heard(value: str, conf: float, found: tuple[Seg, Match]) -> Suggestion:
    """A suggestion whose evidence is a tolerant match; a garble is less sure than a spelling."""
    seg, m = found
    return Suggestion(value, conf if m.exact else min(conf, LIKELY), (Evidence.of(seg, m),))


def _cons(dl: Dialog) -> list[Seg]:
    return dl.by("consultant")


# Questions about the contact itself (when to call back, where to come) are not about needs.
LOGISTICS = frozenset(
    "здесь оформлять оформить записать оплатить оплата адрес удобно удобный перезвонить "
    "позвонить подъехать".split()
)
NON_SUBSTANCE = frozenset("алло да слушаю это вы я у аппарат hello yes speaking".split())
CONNECTION = frozenset("слышать слышно связь пропадать hear".split())


def greeting(dl: Dialog) -> Suggestion:
    for s in _cons(dl):
        if seg_match(s, lx.GREETINGS, within=14):
            return _s("yes", SURE, s)
        garbled = hd.heard_in([s], hd.GREETING, within=14)
        if garbled is not None:
            return _heard("yes", SURE, garbled)
        rest = [t for t, lem in zip(s.tokens, s.lemmas, strict=False) if t not in NON_SUBSTANCE]
        if len(rest) > 2 or (rest and not any(word_info(t).is_name for t in rest)):
            return _s("no", STRONG, s)
    return _s("no", FAIR)


def _opening(dl: Dialog) -> list[Seg]:
    """The consultant's first two segments, where a call names the company and the speaker;
    a third when the first two only checked the line or the person («алло», «Ирина Сергеевна»)."""
    cons = _cons(dl)
    if len(cons) > 2 and all(len(s.tokens) <= 3 for s in cons[:2]):
        return cons[:3]
    return cons[:2]


def _opening_self_name(dl: Dialog) -> tuple[str, Seg] | None:
    if dl.direction != "incoming" or not dl.is_call:
        return None
    for s in _opening(dl):
        name = d.opening_name(s)
        heard = {lem for c in dl.segments[: s.index] if c.speaker == "client" for lem in c.lemmas}
        if name is not None and name not in heard:  # «Слушаю вас, Павел» after «я Павел»
            return name, s
    return None


def introduced_self(dl: Dialog) -> Suggestion:
    """The guide's own name, said by the consultant; with the registered name known, that
    name or a short form of it heard tolerantly («на ностасе» for Анастасия) counts too."""
    cons = _cons(dl)
    for s in cons:
        if d.self_names(s):
            return _s("yes", STRONG, s)
    own = hd.own_name_heard(dl, cons)
    if own is not None:
        return _heard("yes", STRONG if own[2] else LIKELY, own[:2])
    found = _opening_self_name(dl)
    if found is not None:
        return _s("yes", LIKELY, found[1])
    for s in cons:
        if d.garbled_self_name(s):
            return _s("yes", LIKELY, s)
    return _s("no", LIKELY)


def named_company(dl: Dialog) -> Suggestion:
    opening = _opening(dl)
    known = hd.company_heard(dl, _cons(dl), opening)
    if known is not None:
        return _heard("yes", STRONG, known)
    maybe = None
    for s in _cons(dl):
        how = d.company_mention(s, s in opening)
        if how == "name":  # another name than the one the app knows: likely, not sure
            return _s("yes", UNSURE if dl.company else STRONG, s)
        if how == "maybe" and maybe is None:
            maybe = s
    echo = _company_echo(dl, opening)
    if echo is not None:
        return _s("yes", LIKELY, echo)
    if maybe is not None:
        return _s("no", UNSURE, maybe)  # a description or a garbled name: the reviewer hears it
    return _s("no", LIKELY)


def _company_echo(dl: Dialog, opening: list[Seg]) -> Seg | None:
    """The consultant confirms the name the caller asked about («это салон Уют?» – «да, Уют,
    слушаю»): said by the consultant, so it counts (the guide excludes only the client's)."""
    for s in opening:
        for c in dl.segments[: s.index]:
            if c.speaker != "client":
                continue
            name = d.named_after_org_noun(c)
            if name and all(t in s.tokens for t in name):
                return s
    return None


def checked_time(dl: Dialog) -> Suggestion:
    if not dl.is_call or dl.direction != "outgoing":
        return _s("na", 0.97)
    for s in _cons(dl)[:4]:
        if _asks_time(s) or _can_talk(s):
            return _s("yes", 0.93, s)
    return _s("no", 0.85)


def _asks_time(s: Seg) -> bool:
    """A time-check phrase that asks: «не отвлекаю?», not the promise «не буду вас отвлекать»
    (a first-person future just before it), nor a punctuated sentence that does not end in «?»."""
    for raw, toks, lems in s.sentences():
        if s.punctuated and not raw.rstrip().endswith("?"):
            continue
        for ph in lx.CHECK_TIME:
            i = find(lems, ph)
            while i >= 0:
                if not negated(toks, i) or ph.lemmas[0] == "не":
                    if not PROMISE.intersection(toks[max(0, i - 3) : i + 4]):
                        return True
                i = find(lems, ph, i + 1)
    return False


PROMISE = frozenset("буду будем стану станем".split())


def _can_talk(s: Seg) -> bool:
    """A speaking verb with a word of ease or ability, in either order and not negated:
    «вам комфортно общаться?», «говорить можете сейчас?» («я не буду вас долго отвлекать» is a
    statement, and neither word is here)."""
    for i, lem in enumerate(s.lemmas):
        if lem not in lx.TALK_VERBS:
            continue
        near = range(max(0, i - 3), min(len(s.tokens), i + 4))
        if any(
            s.lemmas[j] in lx.TALK_EASE and not negated(s.tokens, j, bounds=s.bounds) for j in near
        ):
            return True
    return False


def _own_names(dl: Dialog) -> set[str]:
    out: set[str] = set()
    for s in _cons(dl):
        out |= d.self_names(s)
    found = _opening_self_name(dl)
    if found is not None:
        out.add(found[0])
    return out | set(hd.own_name_forms(dl))


def asked_client_name(dl: Dialog) -> Suggestion:
    for q in _questions(dl):
        if (NAME_Q.intersection(q.lemmas) or _who_am_i_speaking_to(q)) and "мой" not in q.lemmas:
            return _s("yes", SURE, q.seg)
    garbled = hd.heard_in(_cons(dl), hd.NAME_QUESTION)
    if garbled is not None:
        return _heard("yes", STRONG, garbled)
    own = _own_names(dl)
    given: set[str] = set()  # names the client said: «Артём.», «Я Павел»
    for s in dl.segments:
        if s.speaker == "client":
            given |= {word_info(t).lemma for t in s.tokens if word_info(t).name_possible}
            continue
        if not s.consultant:
            continue
        for _i, lem in d.addressed_names(s, also=given - own):
            if lem not in own:
                return _s("yes", LIKELY, s)
    return _s("no", LIKELY)


def _who_am_i_speaking_to(q: Question) -> bool:
    """«С кем я говорю?», «с кем имею честь?»: asking who the client is."""
    lems = q.lemmas
    return (
        "кто" in lems
        and bool({"иметь", "говорить", "разговаривать"} & set(lems))
        and ("честь" in lems or "я" in lems)
    )


def _questions(dl: Dialog) -> list[Question]:
    """Consultant questions, reproaches left out: «читать умеете?» asks nothing (the guide)."""
    return [
        q
        for q in consultant_questions(dl.segments)
        if not d.rude_hints(q.seg) and not seg_match(q.seg, lx.RUDE, allow_negated=True)
    ]


def _about_contact(q: Question) -> bool:
    """Questions about the call itself, not the client's task: contact details, whether the
    line works («вы меня слышите?»), whether this is the right person («Алло, Анна Петровна?»),
    when to call or come («завтра в два — нормально?»), «что-нибудь ещё?»."""
    lems = set(q.lemmas)
    if q.contact or len(q.lemmas) < 2 or LOGISTICS & lems or CONNECTION & lems:
        return True
    if "ещё" in q.text.lower() and "нибудь" in q.text.lower():
        return True
    toks = [t for t in q.text.lower().replace("ё", "е").split() if t.strip(",.?!—")]
    if all(t.strip(",.?!—") in NON_SUBSTANCE or word_info(t.strip(",.?!—")).is_name for t in toks):
        return True
    return not q.open and bool(lx.WEEKDAYS & lems or d.has_time_words(q.lemmas))


def needs_discovery(dl: Dialog) -> Suggestion:
    for q in _questions(dl):
        if _about_contact(q) or seg_match(q.seg, lx.CHECK_TIME):
            continue
        if q.open or q.choice or "ли" in q.lemmas:
            return _s("yes", STRONG, q.seg)
        if q.seg.punctuated or d.polite_ask(q.seg):
            return _s("yes", FAIR, q.seg)
    hidden = next((s for s in _cons(dl) if _intonation_question(s)), None)
    if hidden is not None:
        return _s("no", UNSURE, hidden)  # «вам только интернет нужен» may be a question
    return _s("no", LIKELY)


NEED_WORDS = frozenset("нужный нужно надо хотеть планировать интересовать искать".split())


def _intonation_question(s: Seg) -> bool:
    """An unpunctuated consultant turn put to the client about what they need: speech
    recognition drops the rising intonation that made it a question."""
    return (
        s.consultant
        and not s.punctuated
        and len(s.tokens) <= 12
        and bool(s.lemma_set & {"вы", "ваш"})
        and bool(s.lemma_set & NEED_WORDS)
    )


def open_questions(dl: Dialog) -> Suggestion:
    opens = [q for q in _questions(dl) if q.open and not q.contact]
    if len(opens) >= 2:
        return _s("yes", STRONG, *(q.seg for q in opens[:3]))
    if len(opens) == 1 and (_run_on_questions(dl) or _hidden_interrogative(dl, opens[0].seg)):
        return _s("no", UNSURE, *(q.seg for q in opens))  # one found, another may hide
    return _s("no", LIKELY if not opens else FAIR, *(q.seg for q in opens))


def _run_on_questions(dl: Dialog) -> bool:
    """An unpunctuated consultant segment with two interrogatives: speech recognition ran two
    questions into one sentence, and the question finder counts one per sentence."""
    for s in _cons(dl):
        if s.punctuated:
            continue
        hits = [
            i
            for i, lem in enumerate(s.lemmas)
            if (lem in OPEN_RU or lem in TELL) and "-" not in s.tokens[i]
        ]
        if len(hits) >= 2 and hits[-1] - hits[0] >= 3:
            return True
    return False


def _hidden_interrogative(dl: Dialog, found: Seg) -> bool:
    """Another unpunctuated consultant turn with an interrogative mid-way that the finder did
    not take as a question («…вы успели посмотреть какой понравился больше всего»): speech
    recognition may have run a question into a statement."""
    for s in _cons(dl):
        if s is found or s.punctuated or len(s.tokens) < 6 or d.rude_hints(s):
            continue
        if any(
            lem in OPEN_RU and "-" not in s.tokens[i] and 2 <= i < len(s.tokens) - 1
            for i, lem in enumerate(s.lemmas)
        ) and not any(q.open for q in questions_in(s)):
            return True
    return False


def presented_benefits(dl: Dialog) -> Suggestion:
    """Strong cues say what the client gains; weak links («так что») often argue price."""
    weak = None
    for s in _cons(dl):
        if len(s.tokens) < 8:
            continue
        second = bool(s.lemma_set & {"вы", "ваш", "you", "your"})
        if seg_match(s, lx.BENEFIT):
            return _s("yes", STRONG if second else UNSURE, s)
        if seg_match(s, lx.BENEFIT_TIE) and second and len(s.tokens) >= 12:
            return _s("yes", FAIR, s)
        if _gain_after_link(s):
            return _s("yes", FAIR, s)
        if weak is None and (seg_match(s, lx.BENEFIT_WEAK) or (second and len(s.tokens) >= 20)):
            weak = s  # a link word, or a long pitch to "you" in words the lexicon lacks
    if weak is not None:
        return _s("no", UNSURE, weak)
    return _s("no", FAIR)


GAIN = frozenset("можно мочь смочь быть долго легко удобно".split())


def _gain_after_link(s: Seg) -> bool:
    """«…, так что <what the client gets>»: a feature followed by a consequence that is a
    gain («так что диван долго будет как новый»), not a price argument («так что наша цена
    нормальная»)."""
    toks, lems = s.tokens, s.lemmas
    for i in range(len(toks) - 1):
        if toks[i] == "так" and toks[i + 1] == "что":
            clause = lems[i + 2 : i + 10]
            if GAIN.intersection(clause) and not PRICE_WORDS.intersection(clause):
                return True
    return False


def objection_handling(dl: Dialog) -> Suggestion:
    objs = d.objection_segments(dl.segments)
    if not objs:
        weak = d.weak_objections(dl.segments)
        if weak:
            return _s("na", UNSURE, weak[0])  # fear or «не знаю»: an objection or not?
        return _s("na", LIKELY)
    first_reply = maybe = None
    for o in objs:
        how, reply = d.objection_handled(dl.segments, o)
        if how == "yes":
            return _s("yes", LIKELY, o, reply)
        if how == "maybe" and maybe is None:
            maybe = (o, reply)
        first_reply = first_reply or reply
    if maybe is not None:
        return _s("no", UNSURE, *maybe)
    return _s("no", FAIR, objs[0], first_reply)


def _next_step(dl: Dialog) -> tuple[Seg | None, bool]:
    """(segment of the agreed next step, whether it is only a call-back, not the goal)."""
    cons = _cons(dl)
    for s in reversed(cons):
        if _stated(s, lx.ORDER_DONE) and not seg_match(s, lx.VAGUE):
            return s, False
    clients = [c for c in dl.segments if c.speaker == "client"]
    client_at = [c.index for c in clients]  # for the client's next turns after *s*, by bisect
    for pos in range(len(cons) - 1, -1, -1):
        s = cons[pos]
        if seg_match(s, lx.VAGUE):
            continue
        done = _stated(s, lx.COMMIT_DONE)
        offer = _stated(s, lx.COMMIT_OFFER)
        # The time may be agreed a turn or two before: «во сколько будете?» – «часов в семь» –
        # «отложила, ждём вас».
        before = dl.segments[max(0, s.index - 2) : s.index]
        timed = d.has_time(s) or (
            any(d.has_time(p) for p in before) and not any(seg_match(p, lx.REFUSAL) for p in before)
        )
        if not (done or offer) or not timed:
            continue
        k = bisect_right(client_at, s.index)
        if any(seg_match(c, lx.REFUSAL) for c in clients[k : k + 2]):
            continue
        window = cons[max(0, pos - 2) : pos + 1]  # the last three consultant turns up to *s*
        only_cb = any(
            c.lemma_set & lx.GOAL_ONLY_CALLBACK or lx.CALLBACK_FORMS.intersection(c.tokens)
            for c in window
        )
        return s, only_cb
    return None, False


def _stated(s: Seg, phs: tuple[Phrase, ...]) -> bool:
    """A phrase of *phs* in *s* that no «нет» after it denies («брони нет», «мест уже нет»)."""
    for ph in phs:
        if not ph.lemmas or ph.lemmas[0] not in s.lemma_set:
            continue
        i = find(s.lemmas, ph)
        while i >= 0:
            end = i + len(ph.lemmas) - 1
            if not negated(s.tokens, i, bounds=s.bounds) and not negated_after(
                s.tokens, end, s.bounds
            ):
                return True
            i = find(s.lemmas, ph, i + 1)
    return False


def next_step(dl: Dialog) -> Suggestion:
    seg, _ = _next_step(dl)
    if seg is not None:
        return _s("yes", LIKELY, seg)
    return _s("no", FAIR)


def farewell(dl: Dialog) -> Suggestion:
    for s in reversed(_cons(dl)[-2:]):
        if seg_match(s, lx.FAREWELLS):
            return _s("yes", SURE, s)
    garbled = hd.heard_in(list(reversed(_cons(dl)[-2:])), hd.FAREWELL)
    if garbled is not None:
        return _heard("yes", SURE, garbled)
    last = _cons(dl)[-1:]
    return _s("no", LIKELY, *last)


def no_interruptions(dl: Dialog) -> Suggestion:
    if not dl.is_call:
        return _s("na", 0.97)
    from qcdesk.domain.metrics import interruptions

    hits = interruptions(dl.segments, "consultant")
    if hits:
        return _s("no", STRONG, *hits[:3])
    return _s("yes", STRONG)


def no_rudeness(dl: Dialog) -> Suggestion:
    """Critical: a clear marker says no; mockery or a reproach only hints, the reviewer hears it."""
    rude = d.rude_segments(dl.segments)
    if rude:
        return _s("no", STRONG, *rude[:3])
    hints = [s for s in dl.segments if d.rude_hints(s)]
    kinds = set().union(*(d.rude_hint_kinds(s) for s in hints)) if hints else set()
    if len(kinds) >= 2:
        return _s("no", LIKELY, *hints[:3])  # mockery and reproach together: the guide's rude
    if hints:
        return _s("yes", UNSURE, *hints[:3])
    return _s("yes", LIKELY)


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
    # "closing": the consultant proposed a step, "even a vague one" (the guide), so an
    # invitation such as «если что — перезванивайте» counts here though not as a next step.
    proposed = seg is not None or any(
        not d.rude_hints(s)
        and (seg_match(s, PROPOSAL) or INVITATIONS.intersection(s.tokens) or _lets(s))
        for s in cons
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


def _lets(s: Seg) -> bool:
    """«Давайте я пришлю прайс», «давайте встретимся»: a step proposed, even a vague one."""
    for i, t in enumerate(s.tokens):
        if t == "давайте":
            rest = s.lemmas[i + 1 : i + 4]
            if any(seg_match_lemma(lem) for lem in rest):
                return True
    return False


def seg_match_lemma(lem: str) -> bool:
    return any(len(p.lemmas) == 1 and p.lemmas[0] == lem for p in lx.COMMIT_OFFER + lx.COMMIT_DONE)


PRICE_WORDS = frozenset("тысяча рубль стоимость стоить цена price cost dollar".split())
INVITATIONS = frozenset(
    "приходите приезжайте заходите подъезжайте перезванивайте звоните записывайтесь "
    "come call".split()
)
