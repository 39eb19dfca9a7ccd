"""Inter-rater agreement: percent agreement, Cohen's and Fleiss' kappa, Krippendorff's alpha.

Pure functions over *units*: one unit is one thing rated (a criterion of one interaction), given
as the values the raters gave it, one per rater, ``None`` where a rater gave none. Values are
any hashable labels ("yes", "no", "partial", "na", "1".."5").

How answers are treated (calibration, ``services.calibration``):

* yes / no / partial / na are **nominal** categories. ``na`` is a category of its own: one
  reviewer saying "does not apply" where another says "yes" is a real disagreement about the
  call, not a missing rating. Only ``None`` (no answer) is missing.
* 1..5 scales count as nominal categories in the percent agreement and in the kappas (a 4
  against a 5 is a disagreement), and as **interval** values in Krippendorff's alpha, where a 4
  against a 5 costs less than a 1 against a 5. There an ``na`` has no place on the scale and is
  left out of the scale's alpha (it still counts in the nominal figures).

Each figure is ``None`` when it is undefined: no unit with two ratings, or no variation at all
to tell agreement from chance (everyone always gave the same single value).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from itertools import combinations

Unit = Sequence[Hashable | None]
METRICS = ("nominal", "ordinal", "interval")


def _rated(unit: Unit) -> list[Hashable]:
    return [v for v in unit if v is not None]


def percent_agreement(units: Sequence[Unit]) -> float | None:
    """The share of agreeing rater pairs, averaged over units with two ratings or more.

    This is Fleiss' observed agreement P̄: with two raters it is the share of units they agree
    on; with three, a unit rated yes, yes, no agrees in 1 of its 3 pairs.
    """
    shares = []
    for unit in units:
        values = _rated(unit)
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        shares.append(sum(c * (c - 1) for c in counts.values()) / (m * (m - 1)))
    return sum(shares) / len(shares) if shares else None


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of two raters' (a, b) pairs; None when chance agreement is total.

    kappa = (po - pe) / (1 - pe), po the observed agreement, pe the agreement expected from
    each side's category shares. When both sides always use one and the same category pe is 1
    and kappa is undefined (the agreement itself is then 1).
    """
    n = len(pairs)
    if not n:
        return None
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return None if pe >= 1 else (po - pe) / (1 - pe)


def pairwise_cohen(units: Sequence[Unit], raters: int) -> dict[tuple[int, int], float | None]:
    """Cohen's kappa of every pair of raters (by position), over the units both rated."""
    out: dict[tuple[int, int], float | None] = {}
    for i, j in combinations(range(raters), 2):
        pairs = [
            (u[i], u[j]) for u in units if len(u) > j and u[i] is not None and u[j] is not None
        ]
        out[(i, j)] = cohen_kappa(pairs)
    return out


def fleiss_kappa(units: Sequence[Unit]) -> float | None:
    """Fleiss' kappa for a group of raters (Fleiss 1971).

    kappa = (P̄ - P̄e) / (1 - P̄e): P̄ the mean agreement of the units (``percent_agreement``),
    P̄e the sum of the squared category shares over all ratings. Fleiss assumes every unit has
    the same number of ratings; a unit someone left unanswered keeps its other ratings (each
    unit's agreement is over its own rater pairs, the shares over all ratings), which reduces
    to Fleiss' formula when no rating is missing. Units with fewer than two ratings are left out.
    """
    rated = [v for v in (_rated(u) for u in units) if len(v) >= 2]
    if not rated:
        return None
    p_bar = percent_agreement(rated)
    totals = Counter(v for values in rated for v in values)
    n = sum(totals.values())
    pe = sum((c / n) ** 2 for c in totals.values())
    if p_bar is None or pe >= 1:
        return None
    return (p_bar - pe) / (1 - pe)


def _delta(
    metric: str, values: Sequence[Hashable], n_c: dict[Hashable, float]
) -> Callable[[Hashable, Hashable], float]:
    """The squared difference function δ²(c, k) of Krippendorff's *metric*."""
    if metric == "nominal":
        return lambda c, k: 0.0 if c == k else 1.0
    if metric == "interval":
        return lambda c, k: (float(c) - float(k)) ** 2  # type: ignore[arg-type]
    if metric == "ordinal":
        order = sorted(values, key=float)  # type: ignore[arg-type]
        rank = {v: i for i, v in enumerate(order)}

        def ordinal(c: Hashable, k: Hashable) -> float:
            lo, hi = sorted((rank[c], rank[k]))
            between = sum(n_c[order[g]] for g in range(lo, hi + 1))
            return (between - (n_c[c] + n_c[k]) / 2) ** 2

        return ordinal
    raise ValueError(f"unknown metric {metric!r} (one of {', '.join(METRICS)})")


def krippendorff_alpha(units: Sequence[Unit], metric: str = "nominal") -> float | None:
    """Krippendorff's alpha, any number of raters, missing ratings allowed.

    alpha = 1 - D_o / D_e from the coincidence matrix (Krippendorff 2011, "Computing
    Krippendorff's Alpha-Reliability"): each unit with m >= 2 values adds, for every ordered
    pair of its values (c, k) from different raters, 1 / (m - 1) to o[c][k]; n_c are the
    matrix's margins and n their sum. D_o = Σ o_ck δ²(c, k) / n and
    D_e = Σ n_c n_k δ²(c, k) / (n (n - 1)). Interval and ordinal values must be numbers (or
    numeric strings); a value that is not is a ValueError, so callers drop "na" first.
    """
    coincidences: dict[tuple[Hashable, Hashable], float] = {}
    for unit in units:
        values = _rated(unit)
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, nc in counts.items():
            for k, nk in counts.items():
                pairs = nc * (nc - 1) if c == k else nc * nk
                if pairs:
                    coincidences[(c, k)] = coincidences.get((c, k), 0.0) + pairs / (m - 1)
    if not coincidences:
        return None
    n_c: dict[Hashable, float] = {}
    for (c, _k), o in coincidences.items():
        n_c[c] = n_c.get(c, 0.0) + o
    n = sum(n_c.values())
    delta = _delta(metric, list(n_c), n_c)
    observed = sum(o * delta(c, k) for (c, k), o in coincidences.items())
    expected = sum(n_c[c] * n_c[k] * delta(c, k) for c in n_c for k in n_c) / (n - 1)
    if expected <= 0:
        return None
    return 1.0 - observed / expected


def majority(values: Sequence[Hashable | None]) -> Hashable | None:
    """The answer more raters gave than any other; None on a tie or with fewer than two."""
    rated = _rated(values)
    if len(rated) < 2:
        return None
    ranked = Counter(rated).most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
