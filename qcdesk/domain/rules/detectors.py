"""Dialog-level detectors: greetings, names, companies, objections, next steps, rudeness.

Each detector returns the segments that carry its evidence. Lexicons are written as plain
phrases and matched on lemmas (see ``text``), so «записала», «запишу» and «записываю» are one
entry; lists name *kinds* of expression from the labeling guide rather than dev-set sentences.
Where a kind is recognised by grammar rather than words (a comparative «дешевле», a name in
the opening, a «quoted» brand) the detector says so.
"""

from __future__ import annotations

import re

from qcdesk.domain.rules.lexicon import (
    ADDRESS_RUDE,
    COMMIT_DONE,
    COMMIT_OFFER,
    DISMISSIVE,
    FUNCTION_POS,
    HANDLING,
    HOURS,
    OBJECTION_WEAK,
    OBJECTIONS,
    ORG_NOUNS,
    REPROACH,
    RUDE,
    SELF_INTRO_BEFORE,
    VAGUE,
    WEEKDAYS,
)
from qcdesk.domain.rules.questions import chego_vy, questions_in
from qcdesk.domain.rules.text import Seg, known_word, negated, seg_match, word_info

_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:час|ч\b)")
_QUOTED_RE = re.compile(r"[«\"“]([^»\"”]{2,40})[»\"”]")
_ORG_SUFFIXES = ("центр", "сервис", "маркет", "строй")
# Offering verbs a client uses to quote another seller («там мне насчитали…»).
_QUOTE_VERBS = frozenset(
    "насчитать посчитать предложить предлагать обещать говорить сказать продавать отдавать".split()
)
_BUY_VERBS = frozenset("взять брать купить покупать ставить поставить видеть смотреть".split())
_NAMING_VERBS = ("приветствует", "беспокоит")  # «вас беспокоит компания …»
_PLACE_PREPS = frozenset("на в во у возле около рядом напротив".split())
_ECHO_IMPERATIVES = frozenset(
    "подумайте думайте посоветуйтесь сравните обсудите решайте смотрите-смотрите".split()
)


def names_in(seg: Seg) -> list[int]:
    """Positions of first names / patronymics in a segment."""
    return [i for i, t in enumerate(seg.tokens) if len(t) > 2 and word_info(t).is_name]


def addressed_names(
    seg: Seg, also: set[str] | frozenset[str] = frozenset()
) -> list[tuple[int, str]]:
    """Names used as a form of address: near a sentence's start or end, likely readings only,
    or any reading of a name the client has already said (*also*: «Артём» reads as a name
    only two times in three, but after the client said «Артём.» it is one)."""
    out = []
    for _raw, toks, _lems in seg.sentences():
        for i, t in enumerate(toks):
            info = word_info(t)
            heard = info.name_possible and info.lemma in also
            if not heard and (not info.is_name or info.name_score < 0.8) or len(t) < 3:
                continue
            if i <= 2 or i >= len(toks) - 2:
                prev = toks[i - 1] if i else ""
                if prev not in ("зовут", "доктор", "мастер", "врач", "менеджер", "к"):
                    out.append((i, info.lemma))
    return out


def self_names(seg: Seg) -> set[str]:
    """Lemmas of names the consultant gives as their own in *seg*."""
    out: set[str] = set()
    toks = seg.tokens
    for i, t in enumerate(toks):
        info = word_info(t)
        if len(t) <= 2 or not (info.is_name or info.name_possible):
            continue
        before = set(toks[max(0, i - 2) : i]) | set(seg.lemmas[max(0, i - 2) : i])
        after = toks[i + 1] if i + 1 < len(toks) else ""
        if not info.is_name:
            # An ambiguous word («Вера», «Надежда») counts only right after «меня зовут».
            if toks[max(0, i - 2) : i] == ["меня", "зовут"]:
                out.add(info.lemma)
            continue
        strong = info.name_score >= 0.6
        after_ok = after in ("зовут", "из") or (after == "слушаю" and strong)
        # «На связи отдел продаж, Виктория»: «на связи» announces the speaker.
        on_line = strong and any(
            toks[k] == "на" and toks[k + 1] == "связи" for k in range(max(0, i - 6), i - 1)
        )
        if "меня" in before or before & SELF_INTRO_BEFORE or after_ok or on_line:
            if after == "зовут" and "меня" not in toks[max(0, i - 2) : i + 3]:
                continue  # «замерщика зовут Андрей»
            if "зовут" in before and "меня" not in toks[max(0, i - 3) : i]:
                continue
            out.add(info.lemma)
    m = re.search(r"\b(?:my name is|this is|it's)\s+([a-z]+)", seg.text.lower())
    if m and m.group(1) not in ("a", "the", "your", "about"):
        out.add(m.group(1))
    return out


def garbled_self_name(seg: Seg) -> bool:
    """«Меня зовут <an odd word>»: a name the recogniser garbled past the dictionary."""
    toks = seg.tokens
    return any(
        toks[i : i + 2] == ["меня", "зовут"]
        and len(toks[i + 2]) > 2
        and not known_word(toks[i + 2])
        for i in range(len(toks) - 2)
    )


def opening_name(seg: Seg) -> str | None:
    """A first name closing the opening of an incoming call: «…, салон «Уют», Алексей.»

    Answering an incoming call the consultant cannot know the caller's name yet, so a lone
    first name (no patronymic after it) that ends a sentence of the opening is their own.
    """
    for _raw, toks, _lems in seg.sentences():
        if not toks:
            continue
        last = toks[-1]
        info = word_info(last)
        if info.is_name and info.name_score >= 0.6 and len(toks) >= 2:
            return info.lemma
    return None


def _org_noun(lemma: str) -> bool:
    """An organisation noun, compounds included: «зоомагазин», «ветклиника», «автошкола»."""
    if lemma in ORG_NOUNS or (len(lemma) > 6 and lemma.endswith(_ORG_SUFFIXES)):
        return True
    return len(lemma) > 7 and any(lemma.endswith(n) for n in _COMPOUND_HEADS)


_COMPOUND_HEADS = tuple(sorted(n for n in ORG_NOUNS if len(n) >= 5))


def named_after_org_noun(seg: Seg) -> list[str]:
    """The words that name an organisation after its noun («лагерь солнечный берег» →
    солнечный, берег); empty when nothing names it."""
    toks = seg.tokens
    for i, lem in enumerate(seg.lemmas):
        if _org_noun(lem) and i + 1 < len(toks) and _after_org_noun(toks, i + 1) == "name":
            words = []
            for t in toks[i + 1 : i + 4]:
                if word_info(t).pos in FUNCTION_POS:
                    break
                words.append(t)
            return words
    return []


def company_mention(seg: Seg, opening: bool) -> str | None:
    """How *seg* names the consultant's company: "name", "maybe" (only a description or a
    garble), or None.

    A «quoted» name counts in the opening (later a quote is usually a product or tariff); an
    organisation noun counts when a name follows it («салон Уют», ASR «компания связ плюс»),
    not when a genitive noun or a place follows («салон матрасов на Ленина» is a
    description, which the guide does not count; «банк за речье» may be a garbled name).
    """
    if re.search(r"(?:вас приветствует|из)\s+[«\"]", seg.text, re.I):
        return "name"
    toks = seg.tokens
    maybe = False
    if opening:
        quoted = _quoted_name(seg)
        if quoted is not None:
            return quoted
        lead = [t for t in toks[:2] if not word_info(t).is_name]
        if lead and not known_word(lead[0]) and len(lead[0]) > 3:
            maybe = True  # «телеком-сити оператор…»: a brand whose quotes the recogniser lost
    for i, t in enumerate(toks[:-1]):
        if t in _NAMING_VERBS and i and toks[i - 1] == "вас":
            j = i + 2 if _org_noun(seg.lemmas[i + 1]) and i + 2 < len(toks) else i + 1
            if word_info(toks[j]).pos not in FUNCTION_POS:
                return "name"
    for i, lem in enumerate(seg.lemmas):
        if opening and _org_noun(lem) and i == 1 and _brand_before(toks[0]):
            maybe = True  # «Вектор-сервис» heard as two words: a name, or a description?
        if not _org_noun(lem) or i + 1 >= len(toks) or i + 1 in seg.bounds:
            continue  # «оконная компания, это Марина»: nothing names it
        if i > 0 and seg.lemmas[i - 1] in ("другой", "ваш", "этот", "наш", "other", "your"):
            continue
        how = _after_org_noun(toks, i + 1)
        if how == "name":
            return "name"
        maybe = maybe or how == "maybe"
    return "maybe" if maybe else None


def _brand_before(tok: str) -> bool:
    """A noun in the nominative right before an organisation noun (not an adjective such as
    «кинологический»): the first half of a hyphenated brand the recogniser split."""
    info = word_info(tok)
    return info.pos == "NOUN" and info.case == "nomn" and not info.is_name


def _quoted_name(seg: Seg) -> str | None:
    """A «quoted» name in the opening: the company's when it opens a sentence or follows an
    organisation noun («отдел продаж «Ривьера»»); after another noun it is likely a product
    («карта «Вездеход»»), which the guide does not count."""
    for m in _QUOTED_RE.finditer(seg.text):
        before = seg.text[: m.start()]
        head = re.split(r"[.!?,:;—–]", before)[-1]
        words = [t for t in re.findall(r"[а-яёa-z-]+", head.lower())]
        if not words or any(_org_noun(word_info(w).lemma) for w in words[-3:]):
            return "name"
        return None  # «карта «Вездеход»»: a product or tariff, which the guide does not count
    return None


def _after_org_noun(toks: list[str], j: int) -> str | None:
    """What follows an organisation noun at *j*: a "name", a "maybe" (a place or a garble),
    or None (a verb, a pronoun: nothing is named)."""
    info = word_info(toks[j])
    if toks[j] in _PLACE_PREPS:
        return None  # «центр на Пушкинской»: where it is, a description the guide does not count
    if info.pos == "PREP" or toks[j] in ("по", "за", "при"):
        # «клуб по абонементам» says nothing; «банк за речье» may be «Заречье» misheard.
        odd = j + 1 < len(toks) and not known_word(toks[j + 1])
        return "maybe" if odd else None
    if info.pos in FUNCTION_POS and not info.nominal_possible:
        return None
    if info.case == "gent" and info.pos == "NOUN" and not info.is_name:
        # «салон мебели» describes; «агентство недвижимости ключевой момент» goes on to a name.
        nxt = word_info(toks[j + 1]) if j + 1 < len(toks) else None
        if nxt is not None and nxt.is_name:
            return None  # «отдел продаж, Виктория»: the speaker's name, no company's
        if nxt is not None and nxt.pos in ("ADJF", "NOUN") and toks[j + 1] not in _PLACE_PREPS:
            return "name"
        return "maybe"
    if info.is_name and info.name_score >= 0.6:
        return "maybe"  # «центр максим слушаю» in ASR: the speaker, or a salon «Максим»?
    return "name"


def has_time(seg: Seg) -> bool:
    """A concrete time expression: a weekday or date word, a clock time, an hour word."""
    if seg.lemma_set & WEEKDAYS or _TIME_RE.search(seg.text):
        return True
    toks, lems = seg.tokens, seg.lemmas
    for i, t in enumerate(toks[:-1]):
        if t in ("в", "к", "с", "at") and (lems[i + 1] in HOURS or toks[i + 1].isdigit()):
            return True
        if t in ("через",) and lems[i + 1] in ("неделя", "день", "час", "месяц", "два", "три"):
            return True
    return False


def has_time_words(lemmas: tuple[str, ...] | list[str]) -> bool:
    """A point in time named in words: «в два», «к одиннадцати», «после обеда»."""
    for i, lem in enumerate(lemmas[:-1]):
        if lem in ("в", "к", "с", "после", "до") and lemmas[i + 1] in HOURS:
            return True
    return False


def polite_ask(seg: Seg) -> bool:
    """«Скажите, а …» / «подскажите, …»: a request to tell, which makes what follows a question."""
    return any(
        t in ("скажите", "подскажите") and i + 1 < len(seg.tokens) for i, t in enumerate(seg.tokens)
    )


def _comparative_price(seg: Seg) -> bool:
    """«дешевле», «подешевле», «дороже»: a price comparison by grammar, not by lemma."""
    return any(
        word_info(t).pos == "COMP" and word_info(t).lemma in ("дешевый", "дорогой")
        for t in seg.tokens
    )


def competitor_quote(seg: Seg) -> bool:
    """The client cites another seller's offer: «а в X мне насчитали сто десять»."""
    toks, lems = seg.tokens, seg.lemmas
    elsewhere = any(
        t in ("в", "у") and i + 1 < len(toks) and _another_place(toks[i + 1])
        for i, t in enumerate(toks)
    )
    number = any(_amount(t) for t in toks)
    if not (elsewhere and number):
        return False
    if _QUOTE_VERBS.intersection(lems):
        return True
    # «в икее за сто тысяч можно взять»: buying there, at a price («за» + an amount).
    priced = "рубль" in lems or any(
        t == "за" and i + 1 < len(toks) and _amount(toks[i + 1]) for i, t in enumerate(toks)
    )
    return priced and bool(_BUY_VERBS.intersection(lems))


def _amount(tok: str) -> bool:
    """A number or an amount word («сто» reads as a noun first, «тыща» is colloquial)."""
    return tok.isdigit() or word_info(tok).pos == "NUMR" or word_info(tok).lemma in _AMOUNT_WORDS


_AMOUNT_WORDS = frozenset("сто тысяча тыща миллион рубль".split())


def _another_place(tok: str) -> bool:
    """The word after «в/у» names another seller («в икее», «у соседа»), not us, a time or
    an amount («у вас», «в субботу», «в два»)."""
    if tok in ("вас", "нас", "меня", "мне", "нее", "неё", "него", "них", "этом", "том"):
        return False
    info = word_info(tok)
    if info.lemma in WEEKDAYS or info.lemma in HOURS or info.pos in ("NUMR", "NUMB"):
        return False
    return info.lemma not in _TIME_WORDS


_TIME_WORDS = frozenset(
    "год месяц неделя день раз время прошлое итог целое прошлый позапрошлый следующий "
    "этот тот будущий ближайший".split()
)


def is_objection(seg: Seg, asked: Seg | None = None) -> bool:
    """One of the guide's objection kinds, said by the client.

    «Нет, не нужна» answering the consultant's «сушка нужна?» is an answer, not resistance:
    a match whose words the consultant's last turn just used does not count.
    """
    if seg.speaker != "client":
        return False
    ph = seg_match(seg, OBJECTIONS)
    if ph is not None and asked is not None:  # ASR drops the «?» of «сушка нужна»
        echoed = set(ph.lemmas) - {"не", "нет"}
        if echoed and echoed <= asked.lemma_set:
            ph = None
    # «У них дешевле» resists; «а есть подешевле?» asks for an option, which is a need.
    cheaper = _comparative_price(seg) and not questions_in(seg)
    return ph is not None or cheaper or competitor_quote(seg) or status_quo(seg)


def status_quo(seg: Seg) -> bool:
    """«Мы уже работаем с прачечной, нас всё устраивает»: content with what they have, the
    guide's "not needed". «Всё устраивает» alone may accept the offer, so it needs «уже» or
    «свой» or a present supplier («работаем с …») beside it."""
    lems = seg.lemmas
    for i, lem in enumerate(lems):
        if lem != "устраивать" or negated(seg.tokens, i, bounds=seg.bounds):
            continue
        window = set(seg.tokens[max(0, i - 3) : i + 2])
        if "всё" in window or "все" in window:
            return bool({"уже", "свой", "работать", "сотрудничать"} & seg.lemma_set)
    return False


def objection_segments(segs: list[Seg]) -> list[Seg]:
    out = []
    asked: Seg | None = None  # the consultant's latest segment before *s* (kept as we go)
    for s in segs:
        if is_objection(s, asked):
            out.append(s)
        if s.consultant:
            asked = s
    return out


def weak_objections(segs: list[Seg]) -> list[Seg]:
    """Client segments with only a weak sign of resistance (fear, «не знаю», «дорогой»)."""
    return [
        s
        for s in segs
        if s.speaker == "client" and not is_objection(s) and seg_match(s, OBJECTION_WEAK)
    ]


def _alternative(seg: Seg) -> bool:
    """An alternative offered: a comparative («есть попроще») or «другой вариант».

    «Дешевле нет» uses a comparative to refuse, so one next to a negation does not count.
    """
    toks = seg.tokens
    for i, t in enumerate(toks):
        if word_info(t).pos == "COMP":
            near = toks[max(0, i - 1) : i + 2]
            if not any(w in ("нет", "не", "ничего") for w in near):
                return True
    if {"другой", "вариант", "аналог"} & seg.lemma_set and len(toks) >= 4:
        return True
    # «Есть модель без влажной уборки, за четырнадцать тысяч»: something else, at a price.
    return (
        bool(toks)
        and toks[0] == "есть"
        and any(t.isdigit() or word_info(t).pos == "NUMR" for t in toks)
    )


def objection_handled(segs: list[Seg], obj: Seg) -> tuple[str, Seg | None]:
    """How the consultant's next turns answer the objection in *obj*.

    Returns ("yes", reply) for a question, argument, alternative or concession, ("no", reply)
    for agreeing and ending, ignoring or a rude dismissal, ("maybe", reply) for a long reply
    with none of the signs (it may argue in words the lexicon lacks).
    """
    # The dialog's own list holds segment i at position i: start right after *obj* instead of
    # filtering the whole list for each objection (quadratic on a long chat).
    at = obj.index + 1 if obj.index < len(segs) and segs[obj.index] is obj else 0
    replies: list[Seg] = []
    for s in (segs[k] for k in range(at, len(segs))):
        if s.index <= obj.index:
            continue
        if s.consultant:
            replies.append(s)
        elif replies:
            break
        if len(replies) >= 2:
            break
    maybe: Seg | None = None
    for r in replies:
        if seg_match(r, RUDE, allow_negated=True) or rude_hints(r):
            continue  # «ну так и идите к ним» answers nothing
        if seg_match(r, VAGUE) or (seg_match(r, DISMISSIVE) and len(r.tokens) < 12):
            continue
        if _ECHO_IMPERATIVES.intersection(r.tokens) and not questions_in(r):
            continue  # «конечно, подумайте»: agreeing, not handling
        asks = [q for q in questions_in(r) if not q.contact]
        if not asks and _books_instead(r):
            continue  # «смотрите, во вторник есть место, записываем»: skips the objection
        if asks or (seg_match(r, HANDLING) and len(r.tokens) >= 6) or _alternative(r):
            return "yes", r
        if len(r.tokens) >= 15 and maybe is None:
            maybe = r
    if maybe is not None:
        return "maybe", maybe
    return "no", replies[0] if replies else None


_EMPTY_HANDLING = frozenset("смотреть давать давайте ну вот тогда".split())


def _books_instead(r: Seg) -> bool:
    """A reply that goes straight to booking a time, with no argument, alternative or
    concession («смотрите» and «давайте» only lead in): the guide's ignoring the objection."""
    if not has_time(r) or not (seg_match(r, COMMIT_DONE) or seg_match(r, COMMIT_OFFER)):
        return False
    ph = seg_match(r, HANDLING)
    return ph is None or set(ph.lemmas) <= _EMPTY_HANDLING and not _alternative(r)


def rude_hints(seg: Seg) -> bool:
    """Weak signs of rudeness in a consultant segment: a reproach, a rude form of address."""
    return bool(rude_hint_kinds(seg))


def rude_hint_kinds(seg: Seg) -> set[str]:
    """The kinds of weak rudeness signs in a consultant segment (one alone may be a slip of
    tone; two kinds together are the guide's mockery or reproach)."""
    if not seg.consultant:
        return set()
    out = set()
    out |= {ph.text for ph in REPROACH if seg_match(seg, (ph,), allow_negated=True)}
    if chego_vy(seg.tokens):
        out.add("чего вы")
    if _vy_chto(seg.tokens):
        out.add("вы что")
    toks = [t for t in seg.tokens if t not in ("ну", "а", "да")]
    if toks and toks[0] in ADDRESS_RUDE:
        out.add("address")  # «Женщина, …» as a form of address
    if any(
        t in ("идите", "ступайте") or (word_info(t).lemma == "уметь" and t.endswith("ете"))
        for t in seg.tokens
    ):
        out.add("send off")
    if _dismissive_imperative(seg.tokens):
        out.add("ну и")
    if _irritated_question(seg):
        out.add("вообще")
    return out


def _dismissive_imperative(toks: list[str]) -> bool:
    """«Ну и берите там», «ну так и покупайте у них»: sending the client away, not answering."""
    for i, t in enumerate(toks[:-2]):
        if t != "ну":
            continue
        j = i + 1
        if toks[j] == "так":
            j += 1
        if j < len(toks) - 1 and toks[j] == "и" and word_info(toks[j + 1]).imperative:
            return True
    return False


def _irritated_question(seg: Seg) -> bool:
    """A question to the client that ends in «вообще» («а кто вам дал номер вообще?»): the
    word at the end marks irritation; mid-sentence («что вообще в планах») it does not."""
    for raw, toks, _lems in seg.sentences():
        if toks and toks[-1] == "вообще" and YOU.intersection(toks) and len(toks) >= 3:
            if raw.rstrip().endswith("?") or not seg.punctuated:
                return True
    return False


YOU = frozenset("вы вам вас ваш".split())


def _vy_chto(toks: list[str]) -> bool:
    """A rhetorical «вы что, …» («вы его что, …»), not «вы что-то» split by the recogniser."""
    for i, t in enumerate(toks[:-1]):
        if t != "вы":
            continue
        j = i + 2 if toks[i + 1] in ("его", "ее", "её", "их", "это", "же") else i + 1
        if j < len(toks) and toks[j] == "что":
            after = toks[j + 1] if j + 1 < len(toks) else ""
            if after not in ("то", "нибудь", "либо", "именно", "еще", "ещё"):
                return True
    return False


def rude_segments(segs: list[Seg]) -> list[Seg]:
    return [s for s in segs if s.consultant and seg_match(s, RUDE, allow_negated=True)]
