"""Dialog-level detectors: greetings, names, companies, objections, next steps, rudeness.

Each detector returns the segments that carry its evidence. Lexicons are written as plain
phrases and matched on lemmas (see ``text``), so «записала», «запишу» and «записываю» are one
entry; lists name *kinds* of expression from the labeling guide rather than dev-set sentences.
"""

from __future__ import annotations

import re

from qcdesk.domain.rules.lexicon import (
    DISMISSIVE,
    FUNCTION_POS,
    HANDLING,
    HOURS,
    OBJECTIONS,
    ORG_NOUNS,
    RUDE,
    SELF_INTRO_BEFORE,
    WEEKDAYS,
)
from qcdesk.domain.rules.questions import questions_in
from qcdesk.domain.rules.text import Seg, seg_match, word_info

_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:час|ч\b)")


def names_in(seg: Seg) -> list[int]:
    """Positions of first names / patronymics in a segment."""
    return [i for i, t in enumerate(seg.tokens) if len(t) > 2 and word_info(t).is_name]


def addressed_names(seg: Seg) -> list[tuple[int, str]]:
    """Names used as a form of address: near a sentence's start or end, likely readings only."""
    out = []
    for _raw, toks, _lems in seg.sentences():
        for i, t in enumerate(toks):
            info = word_info(t)
            if not info.is_name or info.name_score < 0.8 or len(t) < 3:
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
    for i in names_in(seg):
        before = set(toks[max(0, i - 2) : i]) | set(seg.lemmas[max(0, i - 2) : i])
        after = toks[i + 1] if i + 1 < len(toks) else ""
        strong = word_info(toks[i]).name_score >= 0.6
        after_ok = after in ("зовут", "из") or (after == "слушаю" and strong)
        if "меня" in before or before & SELF_INTRO_BEFORE or after_ok:
            if after == "зовут" and "меня" not in toks[max(0, i - 2) : i + 3]:
                continue  # «замерщика зовут Андрей»
            if "зовут" in before and "меня" not in toks[max(0, i - 3) : i]:
                continue
            out.add(word_info(toks[i]).lemma)
    m = re.search(r"\b(?:my name is|this is|it's)\s+([a-z]+)", seg.text.lower())
    if m and m.group(1) not in ("a", "the", "your", "about"):
        out.add(m.group(1))
    return out


def names_company(seg: Seg) -> bool:
    """An organisation noun followed by a proper name (or a «quoted» name)."""
    toks = seg.tokens
    for i, t in enumerate(seg.lemmas):
        if t not in ORG_NOUNS or i + 1 >= len(toks):
            continue
        if i > 0 and seg.lemmas[i - 1] in ("другой", "ваш", "этот", "наш", "other", "your"):
            continue
        nxt = word_info(toks[i + 1])
        if nxt.pos not in FUNCTION_POS and toks[i + 1] not in ("по", "на", "в"):
            return True
    if re.search(r"(?:вас приветствует|из)\s+[«\"]", seg.text, re.I):
        return True
    for i, t in enumerate(toks[:-1]):
        if t == "приветствует" and i and toks[i - 1] == "вас":
            return word_info(toks[i + 1]).pos not in FUNCTION_POS
    return False


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


def objection_segments(segs: list[Seg]) -> list[Seg]:
    return [s for s in segs if s.speaker == "client" and seg_match(s, OBJECTIONS)]


def objection_handled(segs: list[Seg], obj: Seg) -> tuple[bool, Seg | None]:
    """Whether the consultant's next turns answer the objection in *obj*."""
    after = [s for s in segs if s.index > obj.index]
    replies: list[Seg] = []
    for s in after:
        if s.consultant:
            replies.append(s)
        elif replies:
            break
        if len(replies) >= 2:
            break
    for r in replies:
        if seg_match(r, DISMISSIVE) and len(r.tokens) < 12:
            continue
        asks = [q for q in questions_in(r) if not q.contact]
        if asks or (seg_match(r, HANDLING) and len(r.tokens) >= 6) or len(r.tokens) >= 15:
            return True, r
    return False, replies[0] if replies else None


def rude_segments(segs: list[Seg]) -> list[Seg]:
    return [s for s in segs if s.consultant and seg_match(s, RUDE, allow_negated=True)]
