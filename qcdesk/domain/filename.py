"""Read call metadata (start time, customer number, extension, direction) from file names.

Telephony systems export recordings with the metadata only in the name, and every PBX spells it
differently, so the layouts are user patterns with placeholders (one per line in the settings)
rather than code. A name that matches no pattern is normal (a file from a phone, a renamed copy):
it yields empty metadata and never an exception.

Placeholders: ``{date}`` (YYYYMMDD, YYYY-MM-DD, YYYY.MM.DD), ``{time}`` (HHMMSS, HH-MM-SS,
HH.MM.SS, HH:MM:SS), ``{customer}`` (phone digits, optional leading +), ``{extension}``
(digits), ``{direction}`` (in/out, incoming/outgoing, inbound/outbound, вх/исх, входящий/
исходящий, external...), ``{called}`` and ``{caller}`` (the dialled and the calling number: the
customer is the caller of an incoming call and the called number of an outgoing one, the other
side of an outgoing call is the extension, while the called number of an incoming call is the
company's own line), ``{uniqueid}`` (the PBX's call id, 1697270520.123), ``{group}`` (a
queue or ring-group number, not kept), ``{any}`` (any text, possibly none). Other text is
literal.

The shipped patterns know FreePBX ``in-``/``out-``/``external-``/``q-``/``rg-``/``exten-``/
``force-`` names (``<word>-<called>-<caller>-<date>-<time>-<uniqueid>``), FreePBX 2.x
``OUT<ext>-…`` and ``g<group>-…``/``q<queue>-…``, and Yeastar
``<date><time>-<uniqueid>-<from>-<to>-<Inbound|Outbound|Internal>``. Who the customer is
follows from the word: the caller of an incoming call (``in``, ``q``, ``rg``, Inbound), the
called number of an outgoing one; for ``exten`` and ``force`` the side that is an extension
(2 to 6 digits) is the consultant's.
Patterns match the file's stem from its start, ignoring case; text after the match is allowed.

A date never starts inside a run of digits (a phone number is not a date), and a pattern that
begins with ``{any}`` looks further along the name when what it found is no real date.
Russian numbers are written +7XXXXXXXXXX whichever way the PBX spelled them (`normalize_phone`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

DEFAULT_PATTERNS: tuple[str, ...] = (
    # 20261014-110200_79161234567_201.wav: the common "date-time_number_extension" export.
    "{date}-{time}_{customer}_{extension}",
    # Asterisk / FreePBX / Issabel MixMonitor: in-<DID>-<caller>-<date>-<time>-<uniqueid>,
    # out-<dest>-<src>-…, external-, q-<queue>-, rg-<group>-, exten-<ext>-, force-<to>-<from>-.
    "{direction}-{called}-{caller}-{date}-{time}-{uniqueid}",
    "{direction}-{called}-{caller}-{date}-{time}",
    # FreePBX 2.x: OUT201-20261014-110200-<uniqueid>, g600-…, q700-… (no customer number).
    "{direction}{extension}-{date}-{time}-{uniqueid}",
    "{direction}{extension}-{date}-{time}",
    # Yeastar: 20261014110200-<uniqueid>-<from>-<to>-Inbound|Outbound|Internal.
    "{date}{time}-{uniqueid}-{caller}-{called}-{direction}",
    # Fallbacks that at least date the call: a date and a time side by side anywhere.
    "{any}{date}-{time}",
    "{any}{date}_{time}",
    "{any}{date} {time}",
)

_INCOMING = ("incoming", "inbound", "in", "входящий", "входящая", "входящие", "входящ", "вх")
_OUTGOING = (
    "outgoing",
    "outbound",
    "out",
    "external",  # FreePBX: a call from an extension to an outside number
    "исходящий",
    "исходящая",
    "исходящие",
    "исходящ",
    "исх",
)
_GROUPS = ("q", "rg", "g")  # FreePBX queue and ring-group recordings: incoming
_EITHER = ("exten", "force")  # FreePBX: the direction follows from which side is an extension
_DIRECTIONS = (
    {w: "incoming" for w in (*_INCOMING, *_GROUPS)}
    | {w: "outgoing" for w in _OUTGOING}
    | {"internal": "internal"}
    | {w: "" for w in _EITHER}
)


def _alternatives(words: Sequence[str]) -> str:
    # Longest first, so "incoming" is not read as "in" followed by literal text.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# The separator is captured once and repeated, so 2026-10.14 is not a date. A date preceded by
# a digit, or a time followed by one, would be digits cut out of a longer number.
_PLACEHOLDERS = {
    "date": r"(?<![0-9])(?P<date>(?P<_y>[0-9]{4})(?P<_ds>[-.]?)(?P<_mo>[0-9]{2})(?P=_ds)"
    r"(?P<_d>[0-9]{2}))",
    "time": r"(?P<time>(?P<_h>[0-9]{2})(?P<_ts>[-.:]?)(?P<_mi>[0-9]{2})(?P=_ts)(?P<_s>[0-9]{2}))"
    r"(?![0-9])",
    "customer": r"(?P<customer>\+?[0-9]+)",
    "called": r"(?P<called>\+?[0-9]+)",
    "caller": r"(?P<caller>\+?[0-9]+)",
    "extension": r"(?P<extension>[0-9]+)",
    "uniqueid": r"(?P<uniqueid>[0-9A-Za-z]+(?:\.[0-9]+)?)",
    "group": r"[0-9]+",
    "direction": rf"(?P<direction>{_alternatives(list(_DIRECTIONS))})",
    "any": r".*?",
}
_TOKEN = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class FilenameMeta:
    """What a file name told us; each field None when the name does not say."""

    started_at: datetime | None  # naive: the recording's local time, as the PBX wrote it
    customer: str | None
    extension: str | None
    direction: str | None  # "incoming", "outgoing" or "internal"
    line: str | None = None  # the company's number an incoming call was made to (a DID)
    unique_id: str | None = None  # the PBX's id of the call: the call log knows it too


EMPTY = FilenameMeta(None, None, None, None)


@functools.lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Turn a placeholder pattern into an anchored, case-insensitive regex.

    Raises:
        ValueError: an unknown placeholder, a placeholder used twice (other than {any}), or a
            stray brace; the message names it so the settings dialog can show it.
    """
    parts: list[str] = []
    used: set[str] = set()
    pos = 0
    for m in _TOKEN.finditer(pattern):
        parts.append(_literal(pattern, pattern[pos : m.start()]))
        name = m.group(1).strip().lower()
        if name not in _PLACEHOLDERS:
            known = ", ".join("{" + k + "}" for k in _PLACEHOLDERS)
            raise ValueError(f"unknown placeholder {m.group(0)} in {pattern!r} (known: {known})")
        if name in used and name != "any":
            raise ValueError(f"placeholder {{{name}}} appears twice in {pattern!r}")
        used.add(name)
        parts.append(_PLACEHOLDERS[name])
        pos = m.end()
    parts.append(_literal(pattern, pattern[pos:]))
    return re.compile("".join(parts), re.IGNORECASE)


def _literal(pattern: str, text: str) -> str:
    if "{" in text or "}" in text:
        raise ValueError(f"unmatched brace in filename pattern {pattern!r}")
    return re.escape(text)


def _patterns(patterns: str | Sequence[str]) -> list[str]:
    lines = patterns.splitlines() if isinstance(patterns, str) else list(patterns)
    return [p.strip() for p in lines if p.strip()]


def _stem(name: str) -> str:
    base = re.split(r"[\\/]", name)[-1]  # a full path from either OS
    dot = base.rfind(".")
    return base[:dot] if dot > 0 else base


def parse_filename(name: str, patterns: str | Sequence[str] = DEFAULT_PATTERNS) -> FilenameMeta:
    """Metadata from the first pattern that matches *name*'s stem; empty when none does.

    *patterns* is either a sequence or the settings text with one pattern per line. An invalid
    pattern raises ValueError (see compile_pattern); a name that matches nothing never raises.
    """
    stem = _stem(name)
    for pattern in _patterns(patterns):
        rx = compile_pattern(pattern)
        m = rx.match(stem)
        if m is None:
            continue
        meta = _meta(m)
        if meta.started_at is None and "date" in rx.groupindex and _leading_any(pattern):
            # {any}… fallbacks: the first date-like digits were no date; try further along.
            rest = compile_pattern(pattern.strip()[len("{any}") :])
            for pos in range(m.start("date") + 1, len(stem)):
                later = rest.match(stem, pos)
                if later is not None and (found := _meta(later)).started_at is not None:
                    return found
        return meta
    return EMPTY


def _leading_any(pattern: str) -> bool:
    return pattern.strip().lower().replace(" ", "").startswith("{any}")


def normalize_phone(number: str | None) -> str | None:
    """+7XXXXXXXXXX for a Russian number written 8XXXXXXXXXX or 7XXXXXXXXXX; others unchanged.

    Only a whole number made of digits (with an optional +) is touched, so a chat author's
    name or a visit's address in the same column passes through as it is.
    """
    if number is None:
        return None
    text = number.strip()
    digits = text[1:] if text.startswith("+") else text
    if not digits.isdigit() or not digits.isascii():
        return number
    if len(digits) == 11 and digits[0] in "78" and not text.startswith("+"):
        return "+7" + digits[1:]
    if text.startswith("+"):
        return text
    return number


def _is_extension(number: str | None) -> bool:
    return number is not None and number.isdigit() and 2 <= len(number) <= 6


def _meta(m: re.Match[str]) -> FilenameMeta:
    groups = m.groupdict()
    word = (groups.get("direction") or "").lower()
    way = _DIRECTIONS[word] if word else None
    customer, extension = groups.get("customer"), groups.get("extension")
    called, caller = groups.get("called"), groups.get("caller")
    line = None
    if word in _GROUPS:
        extension = None  # g600 / q700: a ring group or a queue, not a phone
    if word in _EITHER:
        # exten-<ext>-<caller>, force-<to>-<from>: the extension side is the consultant's.
        if _is_extension(caller) and _is_extension(called):
            way, extension = "internal", called if word == "exten" else caller
        elif _is_extension(caller):
            way, extension, customer = "outgoing", caller, called
        else:
            way, customer = "incoming", caller
            extension = called if _is_extension(called) else None
    elif caller is not None or called is not None:
        if way == "incoming":
            # The caller is the customer; the called number is our line (a DID), or the
            # extension that took the call (Yeastar), or a queue or group (dropped).
            customer = customer or caller
            if word not in _GROUPS:
                if _is_extension(called):
                    extension = extension or called
                else:
                    line = called
        elif way == "internal":
            extension = extension or caller
        else:
            # Outgoing: dialled to the customer from the extension.
            customer = customer or called
            extension = extension or caller
    return FilenameMeta(
        started_at=_started_at(groups),
        customer=normalize_phone(customer),
        extension=extension,
        direction=way,
        line=normalize_phone(line),
        unique_id=groups.get("uniqueid"),
    )


def _started_at(groups: dict[str, str | None]) -> datetime | None:
    """The start time, or None for an impossible date such as month 13.

    A date without a time gives midnight: still right for the day and the month, which is what
    the reports group by. A time without a date gives nothing.
    """
    if groups.get("date") is None:
        return None
    try:
        day = datetime(int(groups["_y"] or 0), int(groups["_mo"] or 0), int(groups["_d"] or 0))
        if groups.get("time") is None:
            return day
        hour, minute, second = (int(groups[k] or 0) for k in ("_h", "_mi", "_s"))
        return day.replace(hour=hour, minute=minute, second=second)
    except ValueError:
        return None
