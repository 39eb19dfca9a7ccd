"""Hand-written dialogs for the rule tests, in punctuated or ASR style (no case, no punctuation)."""

from __future__ import annotations

import re
from typing import Any

from qcdesk.domain.rules.text import make_dialog


def asr(text: str) -> str:
    """*text* as speech recognition writes it: lower case, punctuation gone."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", text.lower())).strip()


def build(
    turns: list[tuple[str, str]], style: str, channel: str = "call", direction: str = "incoming"
) -> Any:
    """A dialog of *turns* (speaker, text), 0.4 s a word; ``asr`` style: no case, no punctuation."""
    segs, t = [], 0.5
    for speaker, text in turns:
        dur = 0.4 * len(text.split()) + 0.5
        segs.append(
            {
                "speaker": speaker,
                "start": t,
                "end": t + dur,
                "text": asr(text) if style == "asr" else text,
            }
        )
        t += dur + 0.4
    return make_dialog(
        {
            "id": "t",
            "channel": channel,
            "direction": direction,
            "language": "ru",
            "duration": t,
            "segments": segs,
        }
    )
