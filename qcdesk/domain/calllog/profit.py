"""Profit lost to late service: three scenarios, inputs and formula shown.

    lost = leads × lead share × recovered share × conversion × average deal value

*leads* are the missed calls not called back in time, counted once per number and day (a
customer who tried three times in an hour is one lost lead) and without the numbers the
client marked as not sales (suppliers, couriers). *lead share* is the part of those that are
real sales enquiries; *recovered share* the part a timely callback would have kept;
*conversion* turns an answered first call into a sale. Each input is a range (low,
expected, high) that the user sets per client; the defaults below are placeholders the user
must confirm, and the result says whether they did. Conservative takes every low end,
optimistic every high end: never one number presented as fact.

A separate line counts reviewed calls that ended without a next step (the checklist's
``next_step`` criterion answered "no"):

    lost = calls without a next step × (conversion with one − conversion without) × average deal

where both conversions (the share of calls whose goal was met) are measured on the client's
own reviewed calls, and the line is shown only when each group has at least
``MIN_NEXT_STEP_CALLS`` calls and a next step actually converts better.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from qcdesk.domain.calllog.timely import MissedOutcome
from qcdesk.domain.filename import normalize_phone

SCENARIOS = ("conservative", "expected", "optimistic")
INPUTS = ("average_deal", "lead_share", "recovered_share", "conversion")
DEFAULTS: dict[str, tuple[float, float, float]] = {
    "average_deal": (20_000.0, 40_000.0, 60_000.0),
    "lead_share": (0.5, 0.7, 0.9),
    "recovered_share": (0.3, 0.5, 0.7),
    "conversion": (0.1, 0.2, 0.3),
}
FORMULA = "leads × lead_share × recovered_share × conversion × average_deal"
NEXT_STEP_FORMULA = (
    "calls_without_next_step × (conversion_with − conversion_without) × average_deal"
)
MIN_NEXT_STEP_CALLS = 20


@dataclass(frozen=True)
class ProfitInputs:
    ranges: dict[str, tuple[float, float, float]]
    confirmed: bool = False  # the user confirmed the values (else they are the defaults)
    non_sales: frozenset[str] = frozenset()  # numbers that are never leads

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> ProfitInputs:
        """Read ``Client.call_service["profit"]``; missing or bad values fall back to defaults."""
        data = data or {}
        ranges = dict(DEFAULTS)
        for key in INPUTS:
            value = data.get(key)
            if isinstance(value, list | tuple) and len(value) == 3:
                try:
                    low, mid, high = (float(v) for v in value)
                except (TypeError, ValueError):
                    continue
                if 0 <= low <= mid <= high:
                    ranges[key] = (low, mid, high)
        # Written as the log writes numbers (+7…), so 8 916… in the settings still matches.
        non_sales = frozenset(
            normalize_phone(str(n)) or str(n) for n in data.get("non_sales", []) or []
        )
        return cls(ranges, bool(data.get("confirmed", False)), non_sales)

    def to_json(self) -> dict[str, Any]:
        return {
            **{k: list(v) for k, v in self.ranges.items()},
            "confirmed": self.confirmed,
            "non_sales": sorted(self.non_sales),
        }


@dataclass(frozen=True)
class LostProfit:
    leads: int
    scenarios: dict[str, float]
    inputs: ProfitInputs

    def as_json(self) -> dict[str, object]:
        return {
            **{k: round(v, 2) for k, v in self.scenarios.items()},
            "leads": self.leads,
            "formula": FORMULA,
            "inputs": self.inputs.to_json(),
        }


def lost_leads(outcomes: Iterable[MissedOutcome], non_sales: frozenset[str]) -> int:
    """Missed calls not returned in time, once per number and day, non-sales numbers left out."""
    seen = {
        (o.call.customer, o.call.started_at.date())
        for o in outcomes
        if not o.in_time and o.call.customer and o.call.customer not in non_sales
    }
    return len(seen)


def lost_profit(outcomes: Iterable[MissedOutcome], inputs: ProfitInputs) -> LostProfit:
    leads = lost_leads(outcomes, inputs.non_sales)
    scenarios = {}
    for i, name in enumerate(SCENARIOS):
        value = float(leads)
        for key in INPUTS:
            value *= inputs.ranges[key][i]
        scenarios[name] = value
    return LostProfit(leads, scenarios, inputs)


@dataclass(frozen=True)
class NextStepLoss:
    """The second line: reviewed calls that ended without a next step."""

    calls_without: int  # in the period
    measured_with: tuple[int, int]  # (calls with a next step, of them goal met), all reviewed
    measured_without: tuple[int, int]
    scenarios: dict[str, float]

    @property
    def conversion_with(self) -> float:
        return self.measured_with[1] / self.measured_with[0]

    @property
    def conversion_without(self) -> float:
        return self.measured_without[1] / self.measured_without[0]

    def as_json(self) -> dict[str, object]:
        return {
            **{k: round(v, 2) for k, v in self.scenarios.items()},
            "calls_without_next_step": self.calls_without,
            "conversion_with": round(self.conversion_with, 4),
            "conversion_without": round(self.conversion_without, 4),
            "measured_calls": self.measured_with[0] + self.measured_without[0],
            "formula": NEXT_STEP_FORMULA,
        }


def next_step_loss(
    calls_without: int,
    measured_with: tuple[int, int],
    measured_without: tuple[int, int],
    inputs: ProfitInputs,
    minimum: int = MIN_NEXT_STEP_CALLS,
) -> NextStepLoss | None:
    """The no-next-step line, or None: too few reviewed calls, or no difference to price."""
    if measured_with[0] < minimum or measured_without[0] < minimum:
        return None
    gap = measured_with[1] / measured_with[0] - measured_without[1] / measured_without[0]
    if gap <= 0:
        return None
    deal = inputs.ranges["average_deal"]
    scenarios = {name: calls_without * gap * deal[i] for i, name in enumerate(SCENARIOS)}
    return NextStepLoss(calls_without, measured_with, measured_without, scenarios)
