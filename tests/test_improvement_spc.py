"""The small statistics of the improvement method against their references.

- Anhøj thresholds for 10-30 useful points: qicharts2's formula, as listed in the research note
  (shared/research/wave2.md C.6); two Python ports disagree with these at almost every n.
- p, u, c and i charts and the runs analysis: qicharts2's own test references (Montgomery's
  worked examples, tests/testthat/*.rds, read into tests/reference/qicharts2.json).
- Montgomery example 7.1 as printed in the textbook (p-bar 0.2313, limits 0.0524-0.4102).
- Making Data Count's rules: the vectors of NHSRplotthedots' own tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leercyclus.methods.improvement import chart, limits, mdc, runs

REFERENCE = json.loads((Path(__file__).parent / "reference" / "qicharts2.json").read_text())

# wave2.md C.6: "Golden values of (upper limit of longest run / lower limit of crossings) for
# n = 10...30, computed here from qicharts2's formula"
WAVE2 = (
    "10: 6/2 · 11: 6/2 · 12: 7/3 · 13: 7/3 · 14: 7/4 · 15: 7/4 · 16: 7/4 · 17: 7/5 · 18: 7/5 · "
    "19: 7/6 · 20: 7/6 · 21: 7/6 · 22: 7/7 · 23: 8/7 · 24: 8/8 · 25: 8/8 · 26: 8/8 · "
    "27: 8/9 · 28: 8/9 · 29: 8/10 · 30: 8/10"
)
THRESHOLDS = {
    int(n): tuple(int(v) for v in pair.split("/"))
    for n, pair in (item.split(": ") for item in WAVE2.split(" · "))
}


@pytest.mark.parametrize("n", sorted(THRESHOLDS))
def test_anhoej_thresholds_match_qicharts2_for_10_to_30_points(n: int) -> None:
    assert (runs.longest_run_max(n), runs.crossings_min(n)) == THRESHOLDS[n]


def test_the_ports_thresholds_are_not_ours() -> None:
    # pyqicharts: ceil(log2 n + 3); clinical-qikit: floor(log2 n) + 3 with >= (wave2.md C.6)
    import math

    assert any(math.ceil(math.log2(n) + 3) != runs.longest_run_max(n) for n in THRESHOLDS)
    assert any(math.floor(math.log2(n)) + 2 != runs.longest_run_max(n) for n in THRESHOLDS)


@pytest.mark.parametrize(
    ("p", "size", "expected"),
    # R: qbinom(0.05, 63, 0.5) = 25; qbinom(0.05, 43, 0.5) = 16; qbinom(0.05, 0, 0.5) = 0
    [(0.05, 63, 25), (0.05, 43, 16), (0.05, 0, 0), (0.5, 10, 5), (0.95, 9, 7)],
)
def test_qbinom_as_r(p: float, size: int, expected: int) -> None:
    assert runs.qbinom(p, size) == expected


def test_runs_drop_points_on_the_centre_line() -> None:
    found = runs.runs_analysis([1, 2, 2, 3, 3, 3, 1], [2] * 7)
    assert found is not None
    assert (found.n_obs, found.n_useful, found.longest_run, found.crossings) == (7, 5, 3, 2)
    assert runs.runs_analysis([2, 2], [2, 2]) is None


def test_runs_signal_is_held_back_below_ten_useful_points() -> None:
    found = runs.runs_analysis([5, 5, 5, 5, 5, 5, 5, 5, 1], [3] * 9)  # a run of 8 in 9 points
    assert found is not None and found.reference_signal  # qicharts2 would signal
    assert not found.enough and not found.signal  # leercyclus does not claim it


def _case_parts(case: dict[str, object]) -> list[list[dict[str, object]]]:
    points = case["points"]
    assert isinstance(points, list)
    parts: dict[int, list[dict[str, object]]] = {}
    for point in points:
        parts.setdefault(point["part"], []).append(point)
    return [parts[k] for k in sorted(parts)]


def _limits(kind: str, part: list[dict[str, object]]) -> limits.Limits:
    base = [bool(p["baseline"]) and bool(p["include"]) for p in part]
    y_sum = [float(p["y_sum"]) for p in part]  # type: ignore[arg-type]
    if kind == "p":
        return limits.p_chart(y_sum, [float(p["n"]) for p in part], base)  # type: ignore[arg-type]
    if kind == "u":
        return limits.u_chart(y_sum, [float(p["n"]) for p in part], base)  # type: ignore[arg-type]
    if kind == "c":
        return limits.c_chart(y_sum, base)
    return limits.i_chart([float(p["y"]) for p in part], base)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", REFERENCE["cases"], ids=lambda c: c["name"])
def test_limits_and_runs_match_qicharts2_reference(case: dict[str, object]) -> None:
    multiply = float(case["multiply"])  # type: ignore[arg-type]
    for number, part in enumerate(_case_parts(case), start=1):
        lim = _limits(str(case["chart"]), part)
        for k, point in enumerate(part):
            assert lim.centre[k] * multiply == pytest.approx(point["cl"], abs=1e-6)
            for ours, theirs in ((lim.lower[k], point["lcl"]), (lim.upper[k], point["ucl"])):
                assert ours is not None
                assert ours * multiply == pytest.approx(theirs, abs=1e-6)
            y = float(point["y"]) / multiply  # type: ignore[arg-type]
            outside = y > lim.upper[k] or y < lim.lower[k]  # type: ignore[operator]
            assert outside == point["sigma_signal"], (number, k)
        included = [k for k, p in enumerate(part) if p["include"]]
        ys = [float(part[k]["y"]) / multiply for k in included]  # type: ignore[arg-type]
        found = runs.runs_analysis(ys, [lim.centre[k] for k in included])
        expected = case["parts"][str(number)]  # type: ignore[index]
        assert found is not None
        assert {
            "n_obs": found.n_obs,
            "n_useful": found.n_useful,
            "longest_run": found.longest_run,
            "longest_run_max": found.longest_run_max,
            "n_crossings": found.crossings,
            "n_crossings_min": found.crossings_min,
            "runs_signal": found.reference_signal,
        } == expected


def test_montgomery_example_7_1_as_printed() -> None:
    # Montgomery, Introduction to Statistical Quality Control, example 7.1: 30 samples of 50
    counts = [float(p["y_sum"]) for p in REFERENCE["cases"][0]["points"][:30]]
    assert sum(counts) == 347
    lim = limits.p_chart(counts, [50.0] * 30, [True] * 30)
    assert round(lim.centre[0], 4) == 0.2313
    assert round(lim.upper[0] or 0, 4) == 0.4102
    assert round(lim.lower[0] or 0, 4) == 0.0524
    outside = [k + 1 for k, y in enumerate(counts) if y / 50 > (lim.upper[k] or 1)]
    assert outside == [15, 23]  # the two samples the textbook investigates


def test_frozen_baseline_end_to_end_matches_qicharts2_i_chart() -> None:
    case = next(c for c in REFERENCE["cases"] if c["name"] == "ex_6.5_3")
    ys = [float(p["y"]) for p in case["points"]]
    built = chart.build("i", [str(k) for k in range(len(ys))], ys, baseline=(0, 19))
    assert built.points[0].centre == pytest.approx(300.5)
    assert built.points[-1].upper == pytest.approx(321.216685, abs=1e-6)
    assert [p.in_baseline for p in built.points] == [k < 20 for k in range(40)]
    assert [p.rule for p in built.points][-2:] == ["outside", "outside"]
    assert built.cautions == ()


# Making Data Count: the vectors of NHSRplotthedots tests/testthat/test-ptd_calculate_point_type.R


def test_mdc_seven_one_side() -> None:
    assert mdc.seven_one_side([1] * 6) == [0] * 6
    assert mdc.seven_one_side([1] * 6 + [-1]) == [0] * 7
    assert mdc.seven_one_side([1] * 8 + [-1]) == [0] * 6 + [1, 1, 0]
    assert mdc.seven_one_side([-1] * 8 + [1]) == [0] * 6 + [-1, -1, 0]


def test_mdc_part_of_seven() -> None:
    assert mdc.part_of_seven([0] * 6) == [0] * 6
    assert mdc.part_of_seven([0] * 6 + [1, 0]) == [1] * 7 + [0]
    assert mdc.part_of_seven([0] * 7 + [1, 0]) == [0] + [1] * 7 + [0]
    assert mdc.part_of_seven([0] * 6 + [-1, 0]) == [1] * 7 + [0]


def test_mdc_seven_trend() -> None:
    assert mdc.seven_trend([1, 2, 3, 4, 5, 6]) == [0] * 6
    assert mdc.seven_trend([1, 2, 3, 3, 4, 5, 6]) == [0] * 7
    assert mdc.seven_trend([1, 2, 3, 4, 5, 6, 7]) == [0] * 6 + [1]
    assert mdc.seven_trend([2, 1, 2, 3, 4, 5, 6, 7, 3]) == [0] * 7 + [1, 0]
    assert mdc.seven_trend([7, 6, 5, 4, 3, 2, 1]) == [0] * 6 + [-1]
    assert mdc.seven_trend([2, 7, 6, 5, 4, 3, 2, 1, 3]) == [0] * 7 + [-1, 0]


def test_mdc_two_in_three() -> None:
    assert mdc.two_in_three([], []) == []
    for close in ([1, 0, 1], [0, 1, 1], [1, 1, 0]):
        assert mdc.two_in_three(close, [1, 1, 1]) == [1, 1, 1]
        assert mdc.two_in_three(close, [1, -1, 1]) == [0, 0, 0]
    assert mdc.two_in_three([0, 0, 1, 0, 1, 0, 0], [1] * 7) == [0, 0, 1, 1, 1, 0, 0]
    assert mdc.two_in_three([0, 0, 1, 1, 0, 0, 0], [1] * 7) == [0, 1, 1, 1, 1, 0, 0]
    assert mdc.two_in_three([0, 0, 1, 0, 1, 0, 0], [1, -1] * 3 + [1]) == [0] * 7
    assert mdc.two_in_three([1, 0, 0, 1], [1] * 4) == [0] * 4


def test_mdc_precedence_outside_trend_pair_shift() -> None:
    # ptd_special_cause_type's precedence: outside > trend > 2 of 3 > shift
    values = [10.0] * 14
    values[3] = 20.0  # outside
    found = mdc.point_rules(values, [10.0] * 14, [4.0] * 14, [16.0] * 14, [6.0] * 14, [14.0] * 14)
    assert found[3] == ("outside", 1)
    assert found[0] is None
    rising = [1.0, 2, 3, 4, 5, 6, 7, 7, 7]
    found = mdc.point_rules(rising, [0.0] * 9, [None] * 9, [None] * 9, [None] * 9, [None] * 9)
    assert [f[0] if f else None for f in found] == ["trend"] * 7 + ["shift"] * 2
    assert found[0] == ("trend", 1)


# The honesty rule: fewer points than a rule needs -> the values, a caution, no signal


def test_a_short_run_chart_shows_values_and_a_caution_but_no_signal() -> None:
    built = chart.build("run", list("abcdef"), [1, 1, 1, 9, 9, 9], [10] * 6)
    assert [p.value for p in built.points] == [0.1, 0.1, 0.1, 0.9, 0.9, 0.9]
    assert built.signals == []
    assert built.cautions == ("few_points_runs",)


def test_a_long_run_chart_signals_a_shift() -> None:
    ys = [5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 9, 9, 9, 9, 9, 9, 9, 9, 9]  # 9 points above the median
    built = chart.build("run", [str(k) for k in range(len(ys))], ys)
    part = built.parts[0]
    assert part.runs is not None and part.runs.enough
    assert part.runs.longest_run == 9 and part.runs.longest_run_max == 7
    assert built.signals == ["few_crossings", "long_run"]


def test_control_limits_on_few_points_are_trial_limits_without_signals() -> None:
    ys = [10.0, 11, 9, 10, 11, 40]  # the last point is far outside, but only 6 points
    built = chart.build("i", [str(k) for k in range(6)], ys)
    assert built.points[-1].upper is not None  # limits are drawn ...
    assert built.points[-1].rule is None  # ... no signal claimed
    assert "trial_limits" in built.cautions


def test_a_phase_has_its_own_centre_and_a_frozen_baseline_lifts_the_trial() -> None:
    ys = [20.0, 22, 21, 19, 20, 21, 22, 20, 19, 21, 20, 22, 12, 11, 12, 13, 12, 11, 12, 11]
    labels = [str(k) for k in range(len(ys))]
    one = chart.build("i", labels, ys, direction="lower_is_better")
    assert one.points[-1].verdict == "improvement"  # a fall, and lower is better
    assert "shift" in one.signals or "outside" in one.signals
    two = chart.build("i", labels, ys, starts=[(12, "nieuw protocol")])
    assert two.parts[1].reason == "nieuw protocol"
    assert two.points[0].centre != two.points[-1].centre
    assert "trial_limits" in two.cautions  # the new phase has only 8 points


def test_direction_turns_a_signal_into_improvement_or_concern() -> None:
    ys = [10.0, 11, 10, 9, 10, 11, 10, 9, 10, 11, 10, 9, 30]
    labels = [str(k) for k in range(len(ys))]
    assert chart.build("i", labels, ys, direction="higher_is_better").points[-1].verdict == (
        "improvement"
    )
    assert chart.build("i", labels, ys, direction="lower_is_better").points[-1].verdict == (
        "concern"
    )
    assert chart.build("i", labels, ys).points[-1].verdict == "neutral"


def test_missing_periods_stay_on_the_chart_as_gaps() -> None:
    built = chart.build("p", ["a", "b", "c"], [1, None, 2], [10, 10, 10])
    assert [p.value for p in built.points] == [0.1, None, 0.2]


def test_the_threshold_table_in_the_docs_is_the_code() -> None:
    import re

    root = Path(__file__).resolve().parents[1]
    for doc in ("docs/improvement.md", "docs/nl/verbeteren.md"):
        text = (root / doc).read_text(encoding="utf-8")
        rows = re.findall(r"^\| (\d+)(?:-(\d+))? \| (\d+) \| (\d+) \|$", text, re.MULTILINE)
        covered = set()
        for first, last, run, crossings in rows:
            for n in range(int(first), int(last or first) + 1):
                assert runs.longest_run_max(n) + 1 == int(run), (doc, n)
                assert runs.crossings_min(n) - 1 == int(crossings), (doc, n)
                covered.add(n)
        assert covered == set(range(10, 31)), doc


# Laney p' and u', g and t charts: qicharts2's reference result for Montgomery's example 7.6
# (tests/testthat/ex_7.6_1.rds) and the end labels of the charts its vignette draws of its data
# (nhs_accidents: p' chart; cabg: g and t charts of the deaths after heart surgery).

RARE = json.loads((Path(__file__).parent / "reference" / "qicharts2-prime-rare.json").read_text())


def test_t_chart_matches_qicharts2_on_montgomery_example_7_6() -> None:
    case = RARE["t_montgomery_7_6"]
    hours = [float(h) for h in case["hours"]]
    lim = limits.t_chart(hours, [True] * len(hours))
    assert lim.centre[0] == pytest.approx(case["cl"], abs=1e-6)
    assert lim.lower[0] == pytest.approx(case["lcl"], abs=1e-6)
    assert lim.upper[0] == pytest.approx(case["ucl"], abs=1e-6)
    outside = [y > (lim.upper[0] or 0) or y < (lim.lower[0] or 0) for y in hours]
    assert outside == case["sigma_signal"]
    found = runs.runs_analysis(hours, lim.centre)
    assert found is not None
    expected = case["runs"]
    assert (found.n_useful, found.longest_run, found.longest_run_max) == (
        expected["n_useful"], expected["longest_run"], expected["longest_run_max"]
    )  # fmt: skip
    assert (found.crossings, found.crossings_min, found.reference_signal) == (
        expected["n_crossings"], expected["n_crossings_min"], expected["runs_signal"]
    )  # fmt: skip


def test_laney_p_prime_chart_matches_the_qicharts2_vignette() -> None:
    case = RARE["pp_nhs_accidents"]
    seen = [float(v) for v in case["seen"]]
    total = [float(v) for v in case["attendances"]]
    prime = limits.pp_chart(seen, total, [True] * len(seen))
    label = case["vignette_labels_percent"]  # qicharts2 labels the last point's lines
    assert round(prime.centre[-1] * 100, 3) == label["cl"]
    assert round((prime.lower[-1] or 0) * 100, 3) == label["lcl"]
    assert round((prime.upper[-1] or 0) * 100, 3) == label["ucl"]
    # the vignette's point: with 270,000 attendances a week the p chart's limits are far too
    # narrow (most weeks fall outside), the p' chart's are not (none does)
    plain = limits.p_chart(seen, total, [True] * len(seen))
    ys = [s / t for s, t in zip(seen, total, strict=True)]

    def outside(lim: limits.Limits) -> int:
        return sum(
            1
            for y, lo, up in zip(ys, lim.lower, lim.upper, strict=True)
            if y < (lo or 0) or y > (up or 1)
        )

    assert outside(plain) > len(ys) / 2
    assert outside(prime) == 0


def test_laney_u_prime_chart_widens_the_u_chart_by_sigma_z() -> None:
    # Laney (2002): sigma_z = mean moving range of the z-scores / 1.128, computed by hand here
    counts = [120.0, 150.0, 98.0, 160.0, 131.0, 110.0]
    exposure = [10000.0, 12000.0, 9000.0, 11000.0, 10500.0, 9800.0]
    base = [True] * 6
    u = limits.u_chart(counts, exposure, base)
    cl = sum(counts) / sum(exposure)
    z = [(c / n - cl) / (cl / n) ** 0.5 for c, n in zip(counts, exposure, strict=True)]
    sigma_z = sum(abs(b - a) for a, b in zip(z, z[1:], strict=False)) / 5 / limits.D2
    prime = limits.up_chart(counts, exposure, base)
    for k in range(6):
        width = (u.upper[k] or 0) - cl
        assert (prime.upper[k] or 0) - cl == pytest.approx(width * sigma_z)
    assert prime.centre == u.centre


def test_g_chart_matches_the_qicharts2_vignette() -> None:
    case = RARE["cabg_fatalities"]
    between = [float(v) for v in case["surgeries_between"]]
    lim = limits.g_chart(between, [True] * len(between))
    label = case["g_vignette_labels"]
    assert lim.centre[0] == label["cl"]  # the median, not the mean
    assert round(lim.upper[0] or 0, 1) == label["ucl"]
    assert lim.lower[0] == label["lcl"]
    above = [k + 2 for k, y in enumerate(between) if y > (lim.upper[k] or 0)]
    assert above == [label["outside_death"]]


def test_t_chart_matches_the_qicharts2_vignette_and_signals_the_long_pause() -> None:
    case = RARE["cabg_fatalities"]
    days = [float(v) for v in case["days_between"]]
    lim = limits.t_chart(days, [True] * len(days))
    label = case["t_vignette_labels"]
    assert round(lim.centre[0], 1) == label["cl"]
    # the vignette's 97.3 came from screened moving ranges, qicharts2's default until 2025
    assert round(lim.upper[0] or 0, 1) == label["ucl_unscreened"] != label["ucl"]
    assert round(lim.lower[0] or 0, 1) == label["lcl"]
    built = chart.build(
        "t", [str(k + 2) for k in range(len(days))], days, direction="higher_is_better"
    )
    flagged = [(p.label, p.rule, p.verdict) for p in built.points if p.rule == "outside"]
    assert flagged == [(str(label["outside_death"]), "outside", "improvement")]
