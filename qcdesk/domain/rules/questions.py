"""Questions: find them and tell open from closed, without trusting punctuation.

Speech recognition drops question marks, so a question is recognised by its words: an
interrogative (что, как, какой, сколько… / what, how, which…) near the start of a clause, a
request to tell («расскажите», «подскажите, какой…»), the particle «ли», or an «A или B»
choice. Where the text *is* punctuated a sentence ending in «?» is a question and a sentence
ending in «.» is not, which removes false hits such as «я думаю, что…». Per the labeling guide a
question that ends in a choice is closed even if it starts with an open word, «что-нибудь ещё?»
is not open, and questions about the client's name or contacts are set apart (``contact``).
"""

from __future__ import annotations

from dataclasses import dataclass

from qcdesk.domain.rules.text import Seg, match_any, phrases, word_info

OPEN_RU = frozenset(
    "что как какой сколько почему зачем где куда откуда когда чем кто насколько каков "
    "чей отчего".split()
)
OPEN_EN = frozenset("what how which why where when who whom whose".split())
TELL = frozenset("рассказать описать поделиться tell describe explain".split())
ASK_VERBS = frozenset("подсказать сказать уточнить узнать спросить интересно".split())
DISCOURSE = frozenset(
    "а и ну так вот понятно понять понятный хорошо отлично ага ясно ладно да конечно "
    "скажите подскажите пожалуйста тогда ещё очень okay ok so and well right".split()
)
CLOSED_START_EN = frozenset("do does did is are was were can could would will have has may".split())
POLITE_ASK = frozenset(("подскажите", "скажите"))
CONTACT = frozenset(
    "обращаться звать имя телефон номер почта email e-mail адрес name phone".split()
)
NAME_Q = frozenset("обращаться звать имя name".split())
RHETORIC = phrases(("вы что не", "сколько можно", "вы что издеваться"))


def chego_vy(toks: list[str]) -> bool:
    """«Ну а чего вы хотели?», «чего вы тогда звоните?»: colloquial «чего» (why) put to the
    client with «ну» before it or «тогда/же» after it is a reproach; «а чего вы ждёте от
    занятий», «для чего вам» ask. Matched on the word itself: its lemma «что» would take «что вы
    хотите заказать»."""
    for i, t in enumerate(toks):
        if t != "чего" or not {"вы", "вам", "вас"} & set(toks[i + 1 : i + 3]):
            continue
        if "ну" in toks[max(0, i - 3) : i] or {"тогда", "же", "ж"} & set(toks[i + 1 : i + 4]):
            return True
    return False


@dataclass(frozen=True)
class Question:
    """One question: where it is, its text, open or closed, and whether it is about contacts."""

    seg: Seg
    text: str
    lemmas: tuple[str, ...]
    open: bool
    choice: bool
    contact: bool


def _open_at(toks: list[str], lems: list[str], i: int) -> bool:
    """Is the interrogative at *i* a question word rather than a conjunction or filler?"""
    tok = toks[i]
    if "-" in tok:  # что-нибудь, какие-то, как-нибудь
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    prev = toks[i - 1] if i > 0 else ""
    if nxt in ("бы", "будто", "только", "правило", "минимум", "обычно", "можно"):
        return False  # «как бы», «сколько бы ни», «как правило»
    if tok == "как" and nxt == "раз":
        return False  # «как раз» («сколько раз в день» still asks)
    if lems[i] == "что" and (nxt in ("я", "мы") or "спасибо" in toks[:i]):
        return False  # «смотрите, что я бы предложил», «спасибо, что выбрали»
    if tok == "как" and word_info(nxt).lemma in ("хотеть", "знать"):
        after = toks[i + 2] if i + 2 < len(toks) else ""
        if not after or word_info(after).pos != "INFN":
            return False  # «ну как хотите», «как знаете»: as you wish («как хотите оплатить?» asks)
    if "ни" in toks[max(0, i - 2) : i]:
        return False
    if prev in ("так", "потому", "то", "тем", "том", "чем", "не", "все", "всё", "после", "до"):
        return False
    if prev and word_info(prev).imperative and lems[i - 1] not in ASK_VERBS | TELL:
        return False  # «ставьте как у соседа», «делайте что хотите»: a conjunction
    return True


def _scan(toks: list[str], lems: list[str], punctuated_question: bool | None) -> tuple[bool, bool]:
    """(is_question, is_open) of one clause or unpunctuated segment."""
    anchors = {0}
    for i, t in enumerate(toks):
        if t in DISCOURSE or lems[i] in ASK_VERBS:
            anchors.add(i + 1)
    open_hit = False
    for i, lem in enumerate(lems):
        if lem in TELL and (lem != "рассказать" or toks[i].endswith(("те", "и"))):
            open_hit = True
            break
        if lem in OPEN_RU or toks[i] in OPEN_EN:
            # An anchor at most 2 tokens back (3 after «а»): look only there, not at every
            # anchor, so a huge unpunctuated message stays linear.
            near = any(
                a in anchors and i - a <= (3 if a and toks[a - 1] == "а" else 2)
                for a in range(max(0, i - 3), i + 1)
            )
            if (near or punctuated_question) and _open_at(toks, lems, i):
                open_hit = True
                break
    # «Подскажите, а у вас есть…» asks politely without an interrogative word, also mid-way
    # through a turn in ASR text («…прошло скажите а сейчас вас что-нибудь беспокоит»).
    closed_hit = "ли" in toks or (toks[0] in CLOSED_START_EN | POLITE_ASK if toks else False)
    closed_hit = closed_hit or any(
        t in POLITE_ASK and toks[i + 1] == "а" for i, t in enumerate(toks[:-1])
    )
    if punctuated_question is None:
        is_q = open_hit or closed_hit or _choice_question(toks)
    else:
        is_q = punctuated_question
    return is_q, open_hit and is_q


def _choice_question(toks: list[str]) -> bool:
    """An unpunctuated «A или B» choice: a short clause, or a longer one put to the client with
    a leading «а» («а диван вы для себя берёте … или в подарок»); «если … или» is a condition."""
    if "или" not in toks or "если" in toks:
        return False
    if len(toks) <= 14:
        return True
    head = [t for t in toks[:4] if not word_info(t).is_name]
    return len(toks) <= 22 and head[:1] == ["а"] and bool(YOU.intersection(toks[:8]))


YOU = frozenset("вы вам вас ваш ваша ваше ваши".split())


def _clauses(toks: list[str], lems: list[str]) -> list[tuple[list[str], list[str]]]:
    """A sentence split before each «и/а» that opens a second question («сколько котёнку
    месяцев и чем его кормите»: two questions, as the guide counts them)."""
    cuts = [
        j
        for j in range(2, len(toks) - 1)
        if toks[j] in ("и", "а")
        and lems[j + 1] in OPEN_RU
        and "-" not in toks[j + 1]
        and _open_at(toks, lems, j + 1)
    ]
    if not cuts:
        return [(toks, lems)]
    out, last = [], 0
    for j in cuts:
        out.append((toks[last:j], lems[last:j]))
        last = j
    out.append((toks[last:], lems[last:]))
    return [(t, lm) for t, lm in out if t]


def questions_in(seg: Seg) -> list[Question]:
    """The questions a segment asks (one per sentence at most); parsed once per segment."""
    cached = seg.memo.get("questions")
    if cached is None:
        cached = seg.memo["questions"] = tuple(_parse_questions(seg))
    return list(cached)


def _parse_questions(seg: Seg) -> list[Question]:
    out: list[Question] = []
    punct = seg.punctuated
    prev_choice = False
    for raw_sent, s_toks, s_lems in seg.sentences():
        pq = raw_sent.rstrip().endswith("?") if punct else None
        parts = _clauses(s_toks, s_lems)
        for toks, lems in parts:
            raw = raw_sent if len(parts) == 1 else " ".join(toks)
            is_q, is_open = _scan(toks, lems, pq)
            if not is_q or match_any(lems, toks, RHETORIC, allow_negated=True) or chego_vy(toks):
                continue
            choice = "или" in toks or "or" in toks
            # «меня зовут Ирина, расскажите…» introduces the consultant: not a contact question.
            contact = any(
                lem in CONTACT and (i == 0 or toks[i - 1] not in ("меня", "мое", "моё", "мой"))
                for i, lem in enumerate(lems)
            )
            if prev_choice and is_open and len(toks) <= 4:
                choice = True  # «Есть четверг или пятница. Как вам удобнее?»
            prev_choice = "или" in toks
            if choice or contact:
                is_open = False
            out.append(Question(seg, raw, tuple(lems), is_open, choice, contact))
    return out


def consultant_questions(segs: list[Seg]) -> list[Question]:
    """All consultant questions, with repeats of the same wording counted once."""
    seen: set[frozenset[str]] = set()
    out: list[Question] = []
    for s in segs:
        if not s.consultant:
            continue
        for q in questions_in(s):
            key = frozenset(q.lemmas)
            if key in seen:
                continue
            seen.add(key)
            out.append(q)
    return out
