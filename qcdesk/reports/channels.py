"""Channels in reports: calls, chats and mystery shopping scored on one scale.

A channel's score is the mean score of its evaluations. The combined score weights the channel
scores by the client company's channel weights, over the channels that have data and a
positive weight (equal weights when none are set), so a consultant with no chats is not pulled
down by a chat weight, and a weight of 0 keeps a channel out of the combined score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from qcdesk.reports.model import CHANNELS, ChannelRow, Summary


def channel_shares(weights: Mapping[str, float] | None, present: Iterable[str]) -> dict[str, float]:
    """Each present channel's share of the combined score (shares sum to 1; {} if none counts).

    Args:
        weights: the client's weights per channel; None means equal weights. A channel missing
            from the mapping, or weighted 0, does not count.
        present: channels that have a score in the figures being combined.
    """
    have = set(present)
    raw = {
        c: 1.0 if weights is None else max(0.0, float(weights.get(c, 0.0)))
        for c in CHANNELS
        if c in have
    }
    total = sum(raw.values())
    return {c: w / total for c, w in raw.items() if w > 0} if total > 0 else {}


def combined_score(
    scores: Mapping[str, float | None], weights: Mapping[str, float] | None
) -> float | None:
    shares = channel_shares(weights, (c for c, v in scores.items() if v is not None))
    if not shares:
        return None
    return sum(float(scores[c] or 0.0) * share for c, share in shares.items())


def channel_rows(
    now: Summary, previous: Summary, team: Summary | None, weights: Mapping[str, float] | None
) -> tuple[ChannelRow, ...]:
    """One row per channel that has data now, before, or in the team (the report's table)."""
    shares = channel_shares(weights, now.channels_with_data)
    counts = dict(now.by_channel)
    rows = []
    for c in CHANNELS:
        team_score = team.channel_score(c) if team is not None else None
        if not counts.get(c) and previous.channel_score(c) is None and team_score is None:
            continue
        rows.append(
            ChannelRow(
                c,
                counts.get(c, 0),
                now.channel_score(c),
                previous.channel_score(c),
                team_score,
                100.0 * shares[c] if c in shares else None,
            )
        )
    return tuple(rows)
