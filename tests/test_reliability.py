"""Inter-rater statistics (issue 13 §3), against hand-computed and published worked examples."""

from __future__ import annotations

import pytest

from qcdesk.domain.reliability import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    majority,
    pairwise_cohen,
    percent_agreement,
)

# Fleiss' kappa, the worked example of Wikipedia's "Fleiss' kappa" article ("Worked example"):
# 14 raters put 10 subjects into 5 categories; each row counts the raters per category.
# The article gives P̄ = 0.378, P̄e = 0.213 and kappa = 0.210.
FLEISS_WIKIPEDIA = [
    (0, 0, 0, 0, 14),
    (0, 2, 6, 4, 2),
    (0, 0, 3, 5, 6),
    (0, 3, 9, 2, 0),
    (2, 2, 8, 1, 1),
    (7, 7, 0, 0, 0),
    (3, 2, 6, 3, 0),
    (2, 5, 3, 2, 2),
    (6, 5, 2, 1, 0),
    (0, 2, 2, 3, 7),
]

# Krippendorff's alpha, his own worked example C ("Any number of observers, any metric, missing
# data"), K. Krippendorff, "Computing Krippendorff's Alpha-Reliability", University of
# Pennsylvania, 2011, pp. 3-5: 4 observers, 12 units, values 1..5, "." = missing. He gives
# alpha nominal = 0.743, ordinal = 0.815, interval = 0.849.
_ = None
KRIPPENDORFF_C = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    "C": [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
}


def _units_from_counts(rows: list[tuple[int, ...]]) -> list[list[int]]:
    return [[cat for cat, n in enumerate(row) for _ in range(n)] for row in rows]


def _units_from_observers(table: dict[str, list[int | None]]) -> list[list[int | None]]:
    return [list(unit) for unit in zip(*table.values(), strict=True)]


def test_fleiss_published_example() -> None:
    units = _units_from_counts(FLEISS_WIKIPEDIA)
    assert percent_agreement(units) == pytest.approx(0.378, abs=5e-4)
    assert fleiss_kappa(units) == pytest.approx(0.210, abs=5e-4)


def test_krippendorff_published_example() -> None:
    units = _units_from_observers(KRIPPENDORFF_C)
    assert krippendorff_alpha(units, "nominal") == pytest.approx(0.743, abs=5e-4)
    assert krippendorff_alpha(units, "ordinal") == pytest.approx(0.815, abs=5e-4)
    assert krippendorff_alpha(units, "interval") == pytest.approx(0.849, abs=5e-4)


def test_small_cases_by_hand() -> None:
    # Two raters, three units: (yes, yes), (yes, no), (no, no).
    units = [["yes", "yes"], ["yes", "no"], ["no", "no"]]
    # Percent agreement: 2 of 3 units.
    assert percent_agreement(units) == pytest.approx(2 / 3)
    # Cohen: po = 2/3; each rater yes 2/3 and 1/3 no -> pe = (2*1 + 1*2)/9 = 4/9;
    # kappa = (6/9 - 4/9) / (5/9) = 0.4.
    assert cohen_kappa([(a, b) for a, b in units]) == pytest.approx(0.4)
    # Fleiss over all 6 ratings: yes 3, no 3 -> P̄e = 0.5; kappa = (2/3 - 1/2) / (1/2) = 1/3.
    assert fleiss_kappa(units) == pytest.approx(1 / 3)
    # Krippendorff: coincidences o_yy = 2, o_yn = o_ny = 1, o_nn = 2; n_y = n_n = 3, n = 6.
    # D_o ∝ 2, D_e ∝ 3*3*2 / 5 = 3.6 -> alpha = 1 - 2 / 3.6 = 4/9.
    assert krippendorff_alpha(units) == pytest.approx(4 / 9)


def test_three_raters_by_hand() -> None:
    # Unit 1: yes yes no (1 of 3 pairs agree), unit 2: no no no (3 of 3), unit 3: na yes yes.
    units = [["yes", "yes", "no"], ["no", "no", "no"], ["na", "yes", "yes"]]
    assert percent_agreement(units) == pytest.approx((1 / 3 + 1 + 1 / 3) / 3)
    # Shares over 9 ratings: yes 4, no 4, na 1 -> P̄e = (16 + 16 + 1) / 81 = 33/81.
    p_bar, pe = 5 / 9, 33 / 81
    assert fleiss_kappa(units) == pytest.approx((p_bar - pe) / (1 - pe))
    # na is a category of its own: rater 0 disagrees with the others on unit 3.
    assert majority(units[2]) == "yes"
    assert majority(["yes", "no"]) is None  # a tie has no majority
    assert majority(["yes", None]) is None  # one rating is no majority
    kappas = pairwise_cohen(units, 3)
    assert set(kappas) == {(0, 1), (0, 2), (1, 2)}
    # Raters 1 and 2: (yes, no), (no, no), (yes, yes) -> po = 2/3; rater 1 yes 2 no 1, rater 2
    # no 2 yes 1 -> pe = (2*1 + 1*2) / 9 = 4/9; kappa = (6/9 - 4/9) / (5/9) = 0.4.
    assert kappas[(1, 2)] == pytest.approx(0.4)
    # Raters 0 and 1 never use "na" together: (yes, yes), (no, no), (na, yes) -> po = 2/3,
    # pe = (1*2 + 1*1 + 1*0) / 9 = 1/3; kappa = (2/3 - 1/3) / (2/3) = 0.5.
    assert kappas[(0, 1)] == pytest.approx(0.5)


def test_missing_ratings_and_undefined_figures() -> None:
    # A unit someone left unanswered keeps the other ratings; a unit with one rating adds nothing.
    assert percent_agreement([["yes", None, "yes"], ["no", None, None]]) == pytest.approx(1.0)
    # Everyone always says yes: agreement is total, chance agreement too -> kappa/alpha undefined.
    same = [["yes", "yes", "yes"]] * 4
    assert percent_agreement(same) == 1.0
    assert fleiss_kappa(same) is None
    assert krippendorff_alpha(same) is None
    assert fleiss_kappa([]) is None and krippendorff_alpha([]) is None
    assert percent_agreement([[None, "yes"]]) is None
    # Perfect agreement with variation: every figure is 1.
    perfect = [["yes", "yes"], ["no", "no"], ["partial", "partial"]]
    assert fleiss_kappa(perfect) == pytest.approx(1.0)
    assert krippendorff_alpha(perfect) == pytest.approx(1.0)
    # Scales: interval alpha punishes a 4 against a 5 less than a 1 against a 5.
    near = [["5", "4"], ["1", "1"], ["3", "3"]]
    far = [["5", "1"], ["4", "4"], ["3", "3"]]
    a_near, a_far = krippendorff_alpha(near, "interval"), krippendorff_alpha(far, "interval")
    assert a_near is not None and a_far is not None and a_near > a_far
    with pytest.raises(ValueError):
        krippendorff_alpha([["na", "3"], ["4", "4"]], "interval")
    with pytest.raises(ValueError):
        krippendorff_alpha(near, "ratio-of-moons")
