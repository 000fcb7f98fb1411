"""Krippendorff's alpha against the published worked examples, and the contact-data patterns."""

from __future__ import annotations

import random

import pytest

from leercyclus.methods.audit.agreement import alpha, coincidences, enough_for_alpha
from leercyclus.methods.audit.contact import contact_data

N = None
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
# twelve units, values 1-5, with missing data. The paper gives alpha for each metric.
OBSERVERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
UNITS = [list(unit) for unit in zip(*OBSERVERS, strict=True)]


@pytest.mark.parametrize(
    ("metric", "published"), [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849)]
)
def test_alpha_of_the_published_example_with_missing_data(metric: str, published: float) -> None:
    value = alpha(UNITS, [1, 2, 3, 4, 5], metric)  # type: ignore[arg-type]
    assert value is not None
    assert round(value, 3) == published


def test_alpha_of_the_published_binary_example() -> None:
    # Section A of the same paper: two observers, ten units, binary values: alpha = 0.095.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    value = alpha(zip(a, b, strict=True), [0, 1], "nominal")
    assert value is not None and round(value, 3) == 0.095


def test_the_coincidence_matrix_of_the_published_example() -> None:
    # The paper's matrix: n_1..n_5 = 9, 13, 10, 5, 3 pairable values (n = 40); unit 12, with a
    # single value, is left out.
    matrix = coincidences(UNITS)
    totals = {v: round(sum(c for (a, _), c in matrix.items() if a == v), 6) for v in range(1, 6)}
    assert totals == {1: 9, 2: 13, 3: 10, 4: 5, 5: 3}
    assert round(matrix[1, 1], 6) == 7 and round(matrix[2, 3], 6) == round(4 / 3, 6)


def test_ordinal_alpha_depends_on_the_order_not_on_the_names() -> None:
    names = {1: "zorgelijk", 2: "aandacht", 3: "op-orde", 4: "voorbeeld", 5: "top"}
    renamed = [[names[v] if v is not None else None for v in unit] for unit in UNITS]
    order = [names[v] for v in range(1, 6)]
    assert alpha(renamed, order) == pytest.approx(alpha(UNITS, [1, 2, 3, 4, 5]))
    shuffled = [order[n] for n in (2, 0, 4, 1, 3)]
    assert alpha(renamed, shuffled) != pytest.approx(alpha(UNITS, [1, 2, 3, 4, 5]))


def test_alpha_is_one_for_full_agreement_and_none_without_variation() -> None:
    assert alpha([[1, 1, 1], [2, 2, N], [3, 3, 3]], [1, 2, 3]) == 1.0
    assert alpha([[2, 2], [2, 2]], [1, 2, 3]) is None  # one value only: undefined
    assert alpha([[1], [2, N]], [1, 2]) is None  # nothing pairable
    with pytest.raises(ValueError, match="not in the order"):
        alpha([[1, 7]], [1, 2])


def test_alpha_agrees_with_the_krippendorff_package_on_random_data() -> None:
    np = pytest.importorskip("numpy")
    krippendorff = pytest.importorskip("krippendorff")  # a cross-check only, where installed
    rng = random.Random(7)
    for _ in range(20):
        data = [
            [rng.choice([1, 2, 3, 4, None]) for _ in range(rng.randint(3, 12))]
            for _ in range(rng.randint(2, 5))
        ]
        width = max(len(row) for row in data)
        rows = [row + [None] * (width - len(row)) for row in data]
        ours = alpha(list(zip(*rows, strict=True)), [1, 2, 3, 4])
        matrix = np.array([[np.nan if v is None else v for v in row] for row in rows], float)
        try:
            theirs = krippendorff.alpha(matrix, level_of_measurement="ordinal")
        except ValueError:  # the package refuses data with one value; we return None
            assert ours is None
            continue
        if ours is not None:
            assert ours == pytest.approx(theirs)


def test_alpha_needs_three_observers_over_five_themes() -> None:
    assert enough_for_alpha(3, 5)
    assert not enough_for_alpha(2, 8)
    assert not enough_for_alpha(4, 4)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Mail naar j.devries@example.org voor meer.", ["an e-mail address"]),
        ("Bel 06-12345678 of 050 123 45 67.", ["a phone number"]),
        ("Bel +31 6 1234 5678.", ["a phone number"]),
        ("BSN 111222333 stond op de lijst.", ["a citizen service number (BSN)"]),
        ("Nummer 123456789 staat in het dossier.", []),  # fails the eleven test
        ("Om 14.30 uur zaten 6 bewoners in kamer 12.", []),
        ("Zes bewoners zaten 's middags zonder activiteit in de huiskamer.", []),
    ],
)
def test_contact_data_patterns(text: str, kinds: list[str]) -> None:
    assert contact_data(text) == kinds
