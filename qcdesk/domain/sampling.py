"""Drawing a review sample and splitting it between reviewers: pure, reproducible arithmetic.

Every candidate gets a random priority from a hash of the plan's seed and its id; a stratum's
sample is its candidates of lowest priority (bottom-k sampling: a uniform random sample
without replacement). Because a candidate's priority does not depend on who else is in the
population, the same seed gives the same sample, and a replacement is simply the next
candidate of the stratum by priority, even after new interactions were imported or others
were reviewed meanwhile. A shuffle of the population would not have that property.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

CHANNELS = ("call", "chat", "visit")
ANY = "any"  # a quota key that counts interactions of every channel
STRATA = ("direction", "channel")  # what a plan may stratify by
MAX_QUOTA = 1000  # per consultant and key: a typo such as call=80000 is refused, not drawn


@dataclass(frozen=True)
class Candidate:
    """An interaction that passed the plan's filters."""

    id: int
    consultant_id: int
    kind: str  # call / chat / visit
    direction: str | None  # incoming / outgoing / None


@dataclass(frozen=True)
class Drawn:
    id: int
    consultant_id: int
    quota_key: str
    stratum: str  # "" when not stratified, else e.g. "direction=incoming"


def parse_quotas(text: str) -> dict[str, int]:
    """``call=8,chat=4`` -> {"call": 8, "chat": 4}; ValueError naming the bad part.

    "any=12" counts every channel; it cannot be combined with per-channel quotas (an
    interaction would then fill two quotas).
    """
    quotas: dict[str, int] = {}
    for part in (p.strip() for p in text.split(",")):
        key, sep, value = part.partition("=")
        key = key.strip().lower()
        if not sep or key not in (*CHANNELS, ANY) or key in quotas:
            raise ValueError(f"expected call=N,chat=N,visit=N or any=N, got {part!r}")
        try:
            n = int(value)
        except ValueError:
            raise ValueError(f"not a whole number in {part!r}") from None
        if not 0 < n <= MAX_QUOTA:
            raise ValueError(f"a quota is between 1 and {MAX_QUOTA}: {part!r}")
        quotas[key] = n
    if ANY in quotas and len(quotas) > 1:
        raise ValueError("'any' cannot be combined with per-channel quotas")
    return quotas


def priority(seed: int, interaction_id: int) -> bytes:
    """The candidate's random rank under *seed*: the same on every machine and Python."""
    return hashlib.blake2b(f"{seed}:{interaction_id}".encode(), digest_size=8).digest()


def quota_key(kind: str, quotas: Mapping[str, int]) -> str | None:
    if kind in quotas:
        return kind
    return ANY if ANY in quotas else None


def stratum(c: Candidate, stratify: Sequence[str]) -> str:
    parts = []
    if "channel" in stratify:
        parts.append(f"channel={c.kind}")
    if "direction" in stratify:
        parts.append(f"direction={c.direction or '-'}")
    return "|".join(parts)


def allocate(quota: int, sizes: Mapping[str, int]) -> dict[str, int]:
    """Split *quota* over strata in proportion to their *sizes* (largest remainder).

    A stratum whose share reaches its size is taken whole and the rest is split over the
    others, so no stratum is asked for more than it has. Ties go to the stratum named first
    in sort order, so the split is deterministic.
    """
    take = dict.fromkeys(sizes, 0)
    left = min(quota, sum(sizes.values()))
    open_ = sorted(k for k, n in sizes.items() if n > 0)
    while True:
        total = sum(sizes[k] for k in open_)
        full = [k for k in open_ if left * sizes[k] / total >= sizes[k]]
        if not full:
            break
        for k in full:
            take[k] = sizes[k]
            left -= sizes[k]
        open_ = [k for k in open_ if k not in full]
    if not open_ or left <= 0:
        return take
    total = sum(sizes[k] for k in open_)
    shares = {k: left * sizes[k] / total for k in open_}
    for k in open_:
        take[k] = int(shares[k])
    rest = left - sum(take[k] for k in open_)
    for k in sorted(open_, key=lambda k: (-(shares[k] - int(shares[k])), k))[:rest]:
        take[k] += 1
    return take


def draw(
    candidates: Iterable[Candidate],
    quotas: Mapping[str, int],
    stratify: Sequence[str],
    seed: int,
    exclude: Iterable[int] = (),
) -> list[Drawn]:
    """The sample: per consultant and quota key, the quota split over the strata.

    Returned in a stable order (consultant, quota key, stratum, priority). *exclude* are
    ids that cannot be drawn (already in the plan).
    """
    skip = set(exclude)
    groups: dict[tuple[int, str], dict[str, list[Candidate]]] = {}
    for c in candidates:
        key = quota_key(c.kind, quotas)
        if key is None or c.id in skip:
            continue
        groups.setdefault((c.consultant_id, key), {}).setdefault(stratum(c, stratify), []).append(c)
    out: list[Drawn] = []
    for (consultant, key), strata in sorted(groups.items()):
        counts = allocate(quotas[key], {s: len(cs) for s, cs in strata.items()})
        for name in sorted(strata):
            ranked = sorted(strata[name], key=lambda c: priority(seed, c.id))
            out += [Drawn(c.id, consultant, key, name) for c in ranked[: counts[name]]]
    return out


def next_in_stratum(
    candidates: Iterable[Candidate], seed: int, taken: Iterable[int]
) -> Candidate | None:
    """The replacement: the stratum's candidate of lowest priority not *taken* yet."""
    used = set(taken)
    free = [c for c in candidates if c.id not in used]
    return min(free, key=lambda c: priority(seed, c.id)) if free else None


def split(
    count: int, reviewers: Sequence[str], weights: Sequence[float] | None = None
) -> list[str]:
    """Who reviews each of *count* items, interleaved so that everyone gets a mix.

    Even split without *weights*; with them, shares in proportion (largest remainder). The
    i-th item goes to the reviewer who is furthest behind their share after i items (a
    smooth weighted round robin), so consecutive items of one consultant spread out.
    """
    if not reviewers:
        raise ValueError("no reviewer")
    w = list(weights) if weights is not None else [1.0] * len(reviewers)
    if len(w) != len(reviewers) or any(x < 0 for x in w) or sum(w) <= 0:
        raise ValueError("one non-negative weight per reviewer, not all zero")
    total = sum(w)
    given = [0] * len(reviewers)
    out = []
    for i in range(count):
        behind = [(i + 1) * x / total - g for x, g in zip(w, given, strict=True)]
        k = max(range(len(reviewers)), key=lambda j: (behind[j], -j))
        given[k] += 1
        out.append(reviewers[k])
    return out
