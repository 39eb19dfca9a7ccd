"""The language of an interaction: a setting per client company, overridable per interaction.

A setting is "auto", "ru" or "en". "auto" asks Whisper for the language of the call's opening
speech (see ``asr.pipeline``); what it found is stored as the transcript's language, and that
is the language the checklist is then chosen by. Chats and other text are guessed by script.
"""

from __future__ import annotations

AUTO = "auto"
LANGUAGES = ("ru", "en")
"""The languages qcdesk transcribes, scores and reports in."""
SETTINGS = (AUTO, *LANGUAGES)
FALLBACK = "ru"
"""Where nothing says otherwise (an "auto" call not transcribed yet): the first market."""


def effective_setting(interaction: str | None, client: str | None) -> str:
    """The interaction's own setting, else its company's; unknown values count as "auto"."""
    for value in (interaction, client):
        if value in SETTINGS:
            return value
    return AUTO


def resolve(setting: str, detected: str | None) -> str:
    """The language to work in: a fixed setting wins; "auto" takes what was detected."""
    if setting in LANGUAGES:
        return setting
    if detected in LANGUAGES:
        return detected
    return FALLBACK


def known(setting: str, detected: str | None) -> str | None:
    """Like `resolve`, but None while an "auto" call is not detected yet (for listing)."""
    if setting in LANGUAGES:
        return setting
    return detected if detected in LANGUAGES else None


def guess_text_language(text: str) -> str:
    """ "ru" when Cyrillic letters are at least as many as Latin ones, else "en"."""
    cyrillic = latin = 0
    for ch in text:
        if "а" <= ch.lower() <= "я" or ch in "ёЁ":
            cyrillic += 1
        elif "a" <= ch.lower() <= "z":
            latin += 1
    return "en" if latin > cyrillic else "ru"


def check_setting(value: str | None, *, allow_none: bool = False) -> None:
    """Raise ValueError for a language setting qcdesk does not know (a programming error)."""
    if value is None and allow_none:
        return
    if value not in SETTINGS:
        raise ValueError(f"unknown language setting {value!r} (use one of {SETTINGS})")
