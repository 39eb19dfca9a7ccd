"""Case-folding for search, the same on every database engine.

SQLite's ``LIKE`` and ``lower()`` fold ASCII only, so «белова» never matched «Белова». The
searchable columns therefore keep a folded copy written by Python (`fold`), and the query folds
the search text the same way: the comparison is then exact on SQLite and PostgreSQL alike.
"""

from __future__ import annotations


def fold(text: str | None) -> str | None:
    """*text* case-folded with «ё» read as «е» (people type either); None stays None."""
    if text is None:
        return None
    return text.casefold().replace("ё", "е")


def like_pattern(text: str) -> str:
    """A ``LIKE ... ESCAPE '\\'`` pattern matching *text* (folded) anywhere."""
    folded = fold(text.strip()) or ""
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_PHONE_CHARS = frozenset("0123456789+-() .")


def phone_patterns(text: str) -> list[str]:
    """``LIKE`` patterns for a search that is a phone number as people type it, else [].

    Numbers are stored as ``+79161234567`` and shown as ``+7 916 123-45-67``; a reviewer types
    what they see or hear: «+7 916 123-45», «8 (916) 123», «916 123 45». The digits are searched
    as one run, and a leading 8 (the Russian trunk prefix) is also read as 7.
    """
    stripped = text.strip()
    digits = "".join(ch for ch in stripped if ch.isdigit())
    if len(digits) < 3 or not set(stripped) <= _PHONE_CHARS or digits == stripped:
        return []  # a plain run of digits is already found as it is
    runs = [digits]
    if digits.startswith("8") and len(digits) > 1 and not stripped.startswith("+"):
        runs.append("7" + digits[1:])
    return [f"%{run}%" for run in runs]
