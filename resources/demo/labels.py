"""The demo calls' evaluations: checklist answers derived from what each call really contains.

The 13 auto-checkable answers follow the labeling guide (shared docs/labeling-guide.md) and are
computed from the tags of the composed lines and their placed times, so a demo evaluation never
contradicts its own audio. The manual criteria get plausible reviewer answers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios import Dialogue

# The criteria of checklists/sales-call-ru.yaml, in checklist order.
CRITERIA = (
    "greeting", "introduced_self", "named_company", "checked_time", "asked_client_name",
    "needs_discovery", "open_questions", "presented_benefits", "objection_handling",
    "next_step", "farewell", "no_interruptions", "tone_friendly", "speech_clear",
    "product_knowledge", "accurate_info", "no_rudeness",
)
STAGES = ("greeting", "needs", "presentation", "objections", "closing")
REVIEWERS = ("Ольга Мельникова", "Сергей Волков")


@dataclass(frozen=True)
class Seg:
    """A placed utterance: what the manifest stores plus the tags it was composed with."""

    speaker: str
    start: float
    end: float
    text: str
    tags: frozenset[str]


def _first(segs: list[Seg], tag: str) -> Seg | None:
    return next((s for s in segs if tag in s.tags), None)


def _answer(value: str, comment: str = "", evidence: list[float] | None = None) -> dict:
    return {"value": value, "comment": comment, "evidence": evidence or []}


def _yes_if(seg: Seg | None, no_comment: str = "", no_evidence: list[float] | None = None) -> dict:
    if seg is not None:
        return _answer("yes", evidence=[seg.start])
    return _answer("no", no_comment, no_evidence)


def auto_answers(d: Dialogue, segs: list[Seg], rng: random.Random) -> dict[str, dict]:
    """The 13 auto-checkable answers; a few failed ones carry a reviewer's comment."""
    p = d.profile
    cons = [s for s in segs if s.speaker == "consultant"]
    comment = rng.random() < 0.6  # reviewers do not always write why
    ending = "а" if d.consultant_gender == "f" else ""
    a: dict[str, dict] = {}
    a["greeting"] = _yes_if(
        _first(segs, "greet"),
        f"Начал{ending} разговор без приветствия." if comment else "",
        [cons[0].start] if comment else [])
    a["introduced_self"] = _yes_if(_first(segs, "intro"),
                                   f"Не назвал{ending} своё имя." if comment else "")
    a["named_company"] = _yes_if(_first(segs, "company"))
    if p.direction == "incoming":
        a["checked_time"] = _answer("na")
    else:
        a["checked_time"] = _yes_if(
            _first(segs, "time"), f"Не спросил{ending}, удобно ли говорить." if comment else "",
            [cons[0].start] if comment else [])
    a["asked_client_name"] = _yes_if(_first(segs, "askname"),
                                     f"Имя клиента так и не узнал{ending}." if comment else "")
    a["needs_discovery"] = _yes_if(_first(segs, "needs"))
    opens = [s for s in segs if "open" in s.tags]
    a["open_questions"] = (_answer("yes", evidence=[s.start for s in opens[:2]])
                           if len(opens) >= 2 else _answer("no"))
    shown = _first(segs, "present")
    a["presented_benefits"] = _yes_if(
        _first(segs, "benefit"),
        "Только характеристики и цена, без выгоды для клиента." if comment and shown else "",
        [shown.start] if comment and shown else [])
    objection = _first(segs, "objection")
    if objection is None:
        a["objection_handling"] = _answer("na")
    else:
        a["objection_handling"] = _yes_if(
            _first(segs, "handle"), f"Возражение «{objection.text}» не отработано.",
            [objection.start])
    a["next_step"] = _yes_if(_first(segs, "next"))
    a["farewell"] = _yes_if(next((s for s in cons[-2:] if "farewell" in s.tags), None))
    cut = _interruption(segs)
    a["no_interruptions"] = (_answer("yes") if cut is None
                             else _answer("no", f"Перебил{ending} клиента.", [cut.start]))
    rude = _first(segs, "rude")
    a["no_rudeness"] = (_answer("yes") if rude is None
                        else _answer("no", f"Грубость: «{rude.text}»", [rude.start]))
    return a


def _interruption(segs: list[Seg]) -> Seg | None:
    """The first consultant segment that starts over a client one by more than 0.5 s."""
    for s in segs:
        if s.speaker != "consultant":
            continue
        for c in segs:
            if c.speaker == "client" and c.start < s.start and min(c.end, s.end) - s.start > 0.5:
                return s
    return None


def stage_reached(segs: list[Seg]) -> str:
    """The furthest funnel stage the call reached."""
    tags = set().union(*(s.tags for s in segs))
    if "propose" in tags:
        return "closing"
    if "objection" in tags:
        return "objections"
    if "present" in tags:
        return "presentation"
    if "needs" in tags:
        return "needs"
    return "greeting"


def manual_answers(d: Dialogue, auto: dict[str, dict], rng: random.Random) -> dict[str, dict]:
    """Plausible answers for the criteria a reviewer scores by ear."""
    p = d.profile
    fails = sum(a["value"] == "no" for a in auto.values())
    if p.rude:
        tone = rng.choice("12")
    else:
        tone = "5" if fails <= 1 else "4" if fails <= 4 else "3"
        if rng.random() < 0.25:
            tone = str(int(tone) - 1)
    knowledge = "yes" if p.benefit else ("partial" if p.present else "yes")
    if not p.benefit and p.present and rng.random() < 0.3:
        knowledge = "no"
    accurate = "yes"
    acc_comment = ""
    if p.rude:
        accurate = "no"
        said = "Сказала" if d.consultant_gender == "f" else "Сказал"
        acc_comment = f"{said}, что дешевле нет, хотя в каталоге есть модель дешевле."
    return {
        "tone_friendly": _answer(tone),
        "speech_clear": _answer("yes" if rng.random() < 0.8 else "partial"),
        "product_knowledge": _answer(knowledge),
        "accurate_info": _answer(accurate, acc_comment),
    }


def evaluation(d: Dialogue, segs: list[Seg], rng: random.Random) -> dict | None:
    """The call's evaluation as the manifest stores it, or None when nobody reviewed it yet."""
    status = d.profile.evaluation
    if status is None:
        return None
    auto = auto_answers(d, segs, rng)
    every = {**auto, **manual_answers(d, auto, rng)}
    answers = {cid: every[cid] for cid in CRITERIA}
    if status == "in_progress":
        done = rng.randint(4, 9)
        return {"reviewer": rng.choice(REVIEWERS), "status": "in_progress",
                "answers": dict(list(answers.items())[:done]),
                "stage_reached": None, "goal_achieved": None, "deal_amount": None}
    return {"reviewer": rng.choice(REVIEWERS), "status": "reviewed", "answers": answers,
            "stage_reached": stage_reached(segs), "goal_achieved": d.goal,
            "deal_amount": d.deal}
