"""What the rules recognise by sound: garbled key phrases, and the names the app knows.

The checkers first match lexicons exactly on lemmas; where that finds nothing, the helpers
here look again with `fuzzy.find_heard`, over the lexicons that carry most of the ASR misses
(greeting, farewell, the name question) and over what the application knows about the
interaction (`Dialog.company`, `Dialog.consultant_name`). Each returns the segment and the
`Match`, so the evidence can show the words heard and how alike they are.
"""

from __future__ import annotations

import re

from qcdesk.domain.rules.fuzzy import Match, find_heard, first_name_forms
from qcdesk.domain.rules.text import Dialog, Seg, known_word, word_info

# Spoken forms, not lemmas: the sound key compares what is said.
GREETING = ("здравствуйте", "здравствовать", "здрасьте", "приветствую", "приветствуем",
            "добрый день", "доброе утро", "добрый вечер", "доброго дня")  # fmt: skip
FAREWELL = ("до свидания", "всего доброго", "всего хорошего", "хорошего дня",
            "хорошего вечера", "спасибо за звонок", "спасибо за обращение",
            "до встречи")  # fmt: skip
NAME_QUESTION = ("как к вам обращаться", "как вас зовут", "как вас величать",
                 "на какое имя")  # fmt: skip
INTRO_CUES = frozenset("зовут звать это я связи говорит беспокоит".split())


def heard_in(
    segs: list[Seg], targets: tuple[str, ...], within: int | None = None
) -> tuple[Seg, Match] | None:
    """The first of *segs* where one of *targets* is heard tolerantly, with the match."""
    for s in segs:
        m = find_heard(s, targets, within=within)
        if m is not None:
            return s, m
    return None


def own_name_forms(dl: Dialog) -> tuple[str, ...]:
    """The consultant's registered first name and its short forms (empty when unknown)."""
    return first_name_forms(dl.consultant_name) if dl.consultant_name else ()


def own_name_heard(dl: Dialog, cons: list[Seg]) -> tuple[Seg, Match, bool] | None:
    """(segment, match, introduced) where the consultant gives their own registered first name.

    An inflected form counts as exact («Кириллу» is Кирилл); otherwise the sound key decides
    (a garble that is a dictionary word, «тема» for Дима, does not count). Only a name said
    as an introduction counts: in the opening or after a cue word («меня зовут», «это»); a
    name with a patronymic after it, or after «наш», «мастер», is someone else («наш мастер
    Дмитрий Сергеевич»), whoever registered it.
    """
    forms = own_name_forms(dl)
    if not forms:
        return None
    for k, s in enumerate(cons):
        m = _lemma_match(s, forms) or find_heard(s, forms)
        if m is None or _someone_else(s, m):
            continue
        before = set(s.tokens[max(0, m.start - 3) : m.start])
        if k < 3 or before & INTRO_CUES:
            return s, m, True
    return None


# A garble that is itself a word counts for the company in the opening when this alike.
OPENING_SIMILARITY = 0.8
# Words before a name that make it someone else's: «наш мастер Дмитрий».
OTHERS = frozenset("наш наша ваш ваша мастер коллега специалист менеджер врач доктор".split())


def _someone_else(s: Seg, m: Match) -> bool:
    after = s.tokens[m.end] if m.end < len(s.tokens) else ""
    before = s.tokens[m.start - 1] if m.start else ""
    return bool(_PATRONYMIC.search(after)) or before in OTHERS


_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овн|евн|ичн)[а-я]{0,3}$")


def _lemma_match(s: Seg, forms: tuple[str, ...]) -> Match | None:
    for i, t in enumerate(s.tokens):
        info = word_info(t)
        if info.name_possible and info.lemma in forms:
            return Match(forms[0], i, i + 1, t, 1.0)
    return None


def company_heard(dl: Dialog, cons: list[Seg], opening: list[Seg]) -> tuple[Seg, Match] | None:
    """Where the consultant says the company's known name or one of its spoken names.

    A name that is one ordinary word («Окна», «Уют») is also what the consultant sells or
    describes, so heard as a plain word it counts only in the opening.
    """
    if not dl.company:
        return None
    for s in cons:
        m = find_heard(s, dl.company)
        if m is None and s in opening:  # a garble that is a word («медовы край», «салю про»)
            m = find_heard(s, dl.company, odd_only=False, min_similarity=OPENING_SIMILARITY)
        if m is None:
            continue
        if m.end - m.start == 1 and known_word(s.tokens[m.start]) and s not in opening:
            continue
        return s, m
    return None
