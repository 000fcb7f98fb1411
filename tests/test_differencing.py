"""Differencing: two cycles' figures for a standard must not show who joined or left.

A reader who knows both cycles' participant lists subtracts last cycle's published row from
this cycle's. Were the institutions that took part in both to keep their outcomes, the
difference is the outcome of those who joined, minus that of those who left. The simulated
reader below does exactly that, on the Markdown both national reports publish, and the data is
made so that its assumption holds: the worst case.
"""

from __future__ import annotations

import itertools
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leercyclus.privacy import anonymize
from leercyclus.publishing.texts import TEXTS
from privacy_helpers import (
    IDS,
    OUTCOME_CODES,
    grid_files,
    register_file,
    report,
    settings_file,
    write,
)

pytestmark = pytest.mark.deduce  # every text the national report prints is de-identified

NL = TEXTS["nl"]
DASH = NL["suppressed"]
LETTERS = "MPNX"  # met, partly_met, not_met, not_applicable: the columns, in order
STANDARDS = ("A1", "A2", "B1")


def sector_rows(md: str) -> dict[str, list[str]]:
    """Standard id → the four cells of its row in the national report's sector tables."""
    rows = {}
    for line in md.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and re.fullmatch(r"[A-Z]\d+", cells[0].split(" ")[0]):
            rows[cells[0].split(" ")[0]] = cells[1:]
    return rows


def grids(
    before: Sequence[str], after: Sequence[str], outcomes: Mapping[str, Mapping[str, str]]
) -> tuple[dict[str, str], dict[str, str]]:
    """Per standard, a letter per participant of each cycle: the same institution, the same
    outcome in both cycles (what the reader assumes)."""
    first = {sid: "".join(outcomes[sid][i] for i in before) for sid in STANDARDS}
    second = {sid: "".join(outcomes[sid][i] for i in after) for sid in STANDARDS}
    return first, second


def build(
    root: Path, before: Sequence[str], after: Sequence[str], grid: tuple[dict, dict], min_group: int
) -> tuple[str, str]:
    """Both cycles' national reports (Markdown), as published."""
    files = {
        "leercyclus.yaml": settings_file(min_group=min_group),
        "institutions.yaml": register_file(),
        **grid_files("2024", before, grid[0]),
        **grid_files("2025", after, grid[1], previous="2024"),
    }
    repo = write(root / "net", files)
    out = root / "out"
    for cycle, first in (("2024", before[0]), ("2025", after[0])):
        args = ("--cycle", cycle, "--institution", first)
        assert report(repo, out, "md", *args) == 0
    return tuple(  # type: ignore[return-value]
        (out / cycle / "public" / "national-report.md").read_text(encoding="utf-8")
        for cycle in ("2024", "2025")
    )


def reader(
    before: Sequence[str], after: Sequence[str], then: str, now: str, min_group: int
) -> list[str]:
    """What a reader who knows both participant lists learns about fewer than min_group
    institutions: for each standard published in both cycles, every outcome of one who joined
    or left that all assignments consistent with the difference agree on."""
    joined = [i for i in after if i not in before]
    left = [i for i in before if i not in after]
    learned = []
    rows_then, rows_now = sector_rows(then), sector_rows(now)
    for sid in STANDARDS:
        old, new = rows_then.get(sid), rows_now.get(sid)
        if old is None or new is None or DASH in old or DASH in new:
            continue
        delta = [int(b) - int(a) for a, b in zip(old, new, strict=True)]
        changed = [*joined, *left]
        possible: dict[str, set[str]] = {i: set() for i in changed}
        for assignment in itertools.product(LETTERS, repeat=len(changed)):
            total = [0, 0, 0, 0]
            for inst, letter in zip(changed, assignment, strict=True):
                total[LETTERS.index(letter)] += 1 if inst in joined else -1
            if total == delta:
                for inst, letter in zip(changed, assignment, strict=True):
                    possible[inst].add(letter)
        for inst, letters in possible.items():
            group = joined if inst in joined else left
            if len(letters) == 1 and len(group) < min_group:
                learned.append(f"{sid}: {inst} has {OUTCOME_CODES[letters.pop()]}")
    return learned


ONE_JOINED = (IDS[:6], IDS[:7])
OUTCOMES = {sid: dict(zip(IDS, "MMPPMPNX", strict=True)) for sid in STANDARDS}


def test_the_reader_learns_a_newcomers_outcome_without_the_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attack is real: without the differencing rule, one newcomer's outcome is read."""
    monkeypatch.setattr(anonymize, "safe_beside", lambda *_: True)
    before, after = ONE_JOINED
    then, now = build(tmp_path, before, after, grids(before, after, OUTCOMES), 5)
    assert reader(before, after, then, now, 5) == [
        f"{sid}: {IDS[6]} has not_met" for sid in STANDARDS
    ]


def test_with_the_rule_the_row_is_withheld_and_says_why(tmp_path: Path) -> None:
    before, after = ONE_JOINED
    then, now = build(tmp_path, before, after, grids(before, after, OUTCOMES), 5)
    assert reader(before, after, then, now, 5) == []
    assert sector_rows(then)["A1"] != [DASH] * 4
    assert sector_rows(now)["A1"] == [DASH] * 4
    assert NL["suppressed_changed"].format(min_group=5, previous="2024") in now
    assert NL["suppressed_note"].format(min_group=5) not in now  # no row was too small


@pytest.mark.parametrize(
    ("before", "after", "min_group", "shown"),
    [
        pytest.param(IDS[:6], IDS[:8], 5, False, id="two joined"),
        pytest.param(IDS[:8], IDS[:7], 5, False, id="one left"),
        pytest.param(IDS[:8], IDS[:8], 5, True, id="the same eight"),
        pytest.param(IDS[:3], IDS[:6], 3, True, id="three joined, min_group 3"),
        pytest.param(IDS[:3], IDS[:5], 3, False, id="two joined, min_group 3"),
        pytest.param(IDS[:4], IDS[:8], 5, True, id="nothing was published before"),
        pytest.param(IDS[2:8], IDS[:6], 2, True, id="two joined, two left, min_group 2"),
    ],
)
def test_a_row_is_shown_only_beside_a_group_that_differs_by_none_or_many(
    tmp_path: Path, before: Sequence[str], after: Sequence[str], min_group: int, shown: bool
) -> None:
    then, now = build(tmp_path, before, after, grids(before, after, OUTCOMES), min_group)
    assert (sector_rows(now)["A1"] != [DASH] * 4) is shown
    assert reader(before, after, then, now, min_group) == []


def test_the_institution_reports_network_column_is_withheld_too(tmp_path: Path) -> None:
    before, after = ONE_JOINED
    build(tmp_path, before, after, grids(before, after, OUTCOMES), 5)
    md = (tmp_path / "out/2025/confidential" / after[0] / "institution-report.md").read_text()
    block = md[md.index("\n## A1 ") :]
    row = [line for line in block.splitlines() if line.startswith("| ")][1]
    assert row.strip("|").split("|")[-1].strip() == NL["network_suppressed"]


@st.composite
def two_cycles(draw: st.DrawFn) -> tuple[list[str], list[str], dict[str, dict[str, str]], int]:
    """Two participant lists of 4 to 8, differing by up to three each way; outcomes; min_group."""
    before = sorted(draw(st.sets(st.sampled_from(IDS), min_size=4, max_size=8)), key=IDS.index)
    left = draw(st.sets(st.sampled_from(before), max_size=3))
    others = [i for i in IDS if i not in before]
    joined = draw(st.sets(st.sampled_from(others), max_size=3)) if others else set()
    after = [i for i in IDS if (i in before and i not in left) or i in joined]
    if len(after) < 3:  # a review team comes from two other participants
        after = before
    letter = st.sampled_from(LETTERS)
    outcomes = {sid: {i: draw(letter) for i in IDS} for sid in STANDARDS}
    return before, after, outcomes, draw(st.integers(min_value=2, max_value=5))


@given(case=two_cycles())
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_a_reader_who_knows_both_participant_lists_learns_nothing_of_few(
    tmp_path: Path, case: tuple[list[str], list[str], dict[str, dict[str, str]], int]
) -> None:
    before, after, outcomes, min_group = case
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        grid = grids(before, after, outcomes)
        then, now = build(Path(folder), before, after, grid, min_group)
        assert reader(before, after, then, now, min_group) == []
