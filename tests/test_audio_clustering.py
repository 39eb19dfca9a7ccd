"""The speaker split's clustering steps on point sets and scores whose answer is known."""

from __future__ import annotations

import numpy as np

from qcdesk.audio.clustering import (
    PITCH_WEIGHT,
    fisher,
    gauss_llr,
    kmeans2,
    piece_features,
    pieces,
    viterbi2,
)
from qcdesk.audio.features import Frames


def test_pieces_cut_at_pauses_and_every_one_and_a_half_seconds() -> None:
    idx = np.r_[np.arange(0, 100), np.arange(200, 550), np.arange(700, 705)]
    out = pieces(idx)
    # 100 frames: one piece; 350 frames: round(350 / 150) = 2 pieces; 5 frames: a crumb.
    assert [len(p) for p in out] == [100, 175, 175]
    assert out[1][0] == 200 and out[2][-1] == 549


def test_two_means_finds_two_clouds() -> None:
    z = np.array([[0, 0], [0.1, 0], [0, 0.1], [10, 10], [10.1, 10], [10, 10.1]], float)
    labels = kmeans2(z, np.ones(6))
    assert len(set(labels[:3])) == 1 and len(set(labels[3:])) == 1
    assert labels[0] != labels[3]


def test_viterbi_switches_only_when_the_gain_beats_the_penalty() -> None:
    llr = np.r_[np.ones(100), -np.ones(50)]
    # Switching to state 0 for the last 50 frames gains 50 at a cost of 10: it switches.
    np.testing.assert_array_equal(viterbi2(llr, 10.0), np.r_[np.ones(100), np.zeros(50)])
    # At a cost of 60 staying in state 1 (100 - 50 = 50) beats switching (100 - 60 = 40).
    np.testing.assert_array_equal(viterbi2(llr, 60.0), np.ones(150))


def test_gaussian_log_likelihood_ratio() -> None:
    """Means 0 and 10, variances 1 (+1e-3): llr(x) = -(100 - 20 x) / (2 * 1.001)."""
    f = np.array([[-1.0], [1.0], [9.0], [11.0]])
    out = gauss_llr(f, np.array([0, 0, 1, 1]))
    np.testing.assert_allclose(out, -(100 - 20 * f[:, 0]) / (2 * 1.001))


def test_fisher_ratio_of_two_clouds() -> None:
    """Means 0 and 10, variances 1 each: (10 - 0)^2 / (1 + 1)."""
    z = np.array([[-1.0, 0.0], [1.0, 0.0], [9.0, 0.0], [11.0, 0.0]])
    labels = np.array([0, 0, 1, 1])
    assert abs(fisher(z, labels, np.ones(4)) - 50.0) < 1e-6
    assert fisher(z, np.array([0, 1, 1, 1]), np.ones(4)) == 0.0  # one point is no cloud


def test_piece_features_are_standardised_with_pitch_at_its_weight() -> None:
    n = 40
    f0 = np.r_[np.full(20, 100.0), np.full(20, 200.0)]
    fr = Frames(np.zeros(n), np.ones((n, 24)), f0, np.ones(n))
    cep = np.r_[np.zeros((20, 12)), np.ones((20, 12))]
    z = piece_features(cep, fr, [np.arange(0, 20), np.arange(20, 40)])
    np.testing.assert_allclose(z[:, :12], np.tile([[-1.0], [1.0]], (1, 12)), atol=1e-6)
    np.testing.assert_allclose(z[:, 12], [-PITCH_WEIGHT, PITCH_WEIGHT], atol=1e-6)
