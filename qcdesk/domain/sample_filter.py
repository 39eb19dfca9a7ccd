"""Which interactions a sampling plan may draw: the filter, its text form and its stored form.

A plan stores its filter as JSON beside the seed, so a replacement drawn weeks later uses the
same population rules. The text form is what ``qcdesk plan create --filter`` takes, one
``key=value`` per option:

- ``duration=60-600`` seconds (either end may be empty: ``duration=60-``);
- ``prefill-below=70``: auto-prefill scored it below 70 %;
- ``critical-no``: auto-prefill suggested "no" on a critical criterion;
- ``outcome=goal`` / ``outcome=no-goal`` / ``outcome=STAGE_ID``;
- ``unreviewed``: nobody has marked it reviewed yet;
- ``direction=incoming`` / ``outgoing``;
- ``weekday=1-5`` (ISO: 1 Monday .. 7 Sunday; ranges and commas);
- ``hour=9-13``: it started from 9:00 up to 12:59.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class SampleFilter:
    duration_min: float | None = None
    duration_max: float | None = None
    prefill_below: float | None = None
    critical_no: bool = False
    goal: bool | None = None  # outcome: the goal met / not met
    stage: str | None = None  # outcome: the stage where it ended
    unreviewed: bool = False
    direction: str | None = None
    weekdays: tuple[int, ...] = ()  # Monday = 0, as datetime.weekday(); () = every day
    hour_from: int | None = None
    hour_to: int | None = None  # exclusive

    def as_json(self) -> dict[str, Any]:
        """Only what is set, so a stored plan reads as what the lead asked for."""
        defaults = asdict(SampleFilter())
        out = {k: v for k, v in asdict(self).items() if v != defaults[k]}
        if self.weekdays:
            out["weekdays"] = list(self.weekdays)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> SampleFilter:
        data = dict(data or {})
        if "weekdays" in data:
            data["weekdays"] = tuple(int(d) for d in data["weekdays"])
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{what}: not a number: {text!r}") from None
    if not 0 <= value < 1e7:
        raise ValueError(f"{what}: out of range: {text!r}")
    return value


def _days(text: str) -> tuple[int, ...]:
    days: set[int] = set()
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        try:
            a, b = int(lo), int(hi or lo)
        except ValueError:
            raise ValueError(f"weekday: expected 1-7 ranges such as 1-5 or 1,3: {text!r}") from None
        if not 1 <= a <= b <= 7:
            raise ValueError(f"weekday: 1 (Monday) to 7 (Sunday): {text!r}")
        days.update(range(a - 1, b))
    return tuple(sorted(days))


def parse_filters(options: list[str]) -> SampleFilter:
    """The ``--filter`` options as one SampleFilter; ValueError naming the bad option."""
    values: dict[str, Any] = {}
    for option in options:
        key, _, value = option.partition("=")
        key, value = key.strip().lower(), value.strip()
        if key == "duration":
            lo, sep, hi = value.partition("-")
            if not sep:
                raise ValueError(f"duration: expected MIN-MAX seconds: {value!r}")
            values["duration_min"] = _number(lo, "duration") if lo else None
            values["duration_max"] = _number(hi, "duration") if hi else None
        elif key == "prefill-below":
            values["prefill_below"] = _number(value, key)
        elif key == "critical-no" and not value:
            values["critical_no"] = True
        elif key == "unreviewed" and not value:
            values["unreviewed"] = True
        elif key == "outcome" and value:
            if value in ("goal", "no-goal"):
                values["goal"] = value == "goal"
            else:
                values["stage"] = value
        elif key == "direction" and value in ("incoming", "outgoing"):
            values["direction"] = value
        elif key == "weekday":
            values["weekdays"] = _days(value)
        elif key == "hour":
            lo, sep, hi = value.partition("-")
            try:
                a, b = int(lo), int(hi)
            except ValueError:
                raise ValueError(f"hour: expected FROM-TO such as 9-13: {value!r}") from None
            if not sep or not 0 <= a < b <= 24:
                raise ValueError(f"hour: expected FROM-TO within 0-24: {value!r}")
            values["hour_from"], values["hour_to"] = a, b
        else:
            raise ValueError(f"unknown filter {option!r}")
    return SampleFilter(**values)
