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
