"""Trends over three or more cycles: the numbers, like with like, and what they never reveal.

The networks are built from outcome grids (privacy_helpers): one letter per participant, the
team judging nothing, so that every participant has an outcome for every standard and a reader
who knows the participant lists knows exactly which institutions are behind every figure.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from leercyclus.loading.network import Network, load_network
from leercyclus.methods.peerreview.aggregate import Distribution, Meta
from leercyclus.methods.peerreview.national_report import NationalReport, national_report
from leercyclus.methods.peerreview.trends import Trend, institution_trend, national_trend
from leercyclus.privacy import anonymize
from leercyclus.publishing.provenance import Provenance
from leercyclus.publishing.texts import TEXTS
from privacy_helpers import (
    IDS,
    grid_files,
    register_file,
    report,
    settings_file,
    standard_file,
    write,
    yaml,
)

Grid = Mapping[str, str]


def network(
    root: Path,
    cycles: Sequence[tuple[str, Sequence[str], Grid]],
    min_group: int,
    overrides: Mapping[str, str | None] | None = None,
) -> Path:
    """Cycles (id, participants, grid) in order, each continuing the one before."""
    files: dict[str, str | None] = {
        "leercyclus.yaml": settings_file(min_group=min_group),
        "institutions.yaml": register_file(),
    }
    previous = None
    for cycle, participants, grid in cycles:
        files.update(grid_files(cycle, participants, grid, previous=previous))
        previous = cycle
    files.update(overrides or {})
    return write(root / "net", {k: v for k, v in files.items() if v is not None})


def meta(net: Network, cycle: str, language: str = "nl") -> Meta:
    data = net.cycles[cycle]
    assert net.settings is not None and data.cycle is not None
    return Meta(
        network=net.settings.model.network,
        language=language,
        cycle_id=cycle,
        cycle_title=data.cycle.model.title,
        min_group=net.settings.model.national.min_group,
        participants=len(data.cycle.model.participants),
        standards=len(data.standards),
        provenance=Provenance("test", None, None),
    )


def national(net: Network, cycle: str) -> NationalReport:
    """The national report's data, its texts unscrubbed (no text is read here)."""
    return national_report(net, net.cycles[cycle], meta(net, cycle), lambda _, text: text)


def shares(trend: Trend) -> dict[str, list[int | str]]:
    """Per standard: each cycle's share fully met as a percentage, or why there is none."""
    return {
        r.standard.id: [c.dist.percent("met") if c.dist else str(c.why) for c in r.cells]
        for r in trend.rows
    }


# Two left after 2024 and two joined in 2025: with min_group 2, every group differs from every
# other by none or two, so every figure can be shown.
FOUR = IDS[:6]
LATER = IDS[2:8]
"""2025's participants: de-linde and het-anker left, het-baken and de-horizon joined."""
STAYED = IDS[2:6]


def three_cycles(root: Path, min_group: int = 2) -> Path:
    return network(
        root,
        [
            ("2023", FOUR, {"A1": "MMPPNM", "A2": "MPPPPP", "B1": "NNMNXX"}),
            ("2024", FOUR, {"A1": "NMMPPM", "A2": "MMPMPP", "B1": "MMXXXM"}),
            ("2025", LATER, {"A1": "MMPMNN", "A2": "MMMPPP", "B2": "MMMMPP"}),
        ],
        min_group,
        overrides={
            # A2 got a new text in 2024: followed from 2024 on
            "cycles/2024/standards/A2.yaml": standard_file(
                "A2", continues=True, text="Alle medewerkers bejegenen cliënten gastvrij."
            ),
            "cycles/2025/standards/A2.yaml": standard_file(
                "A2", continues=True, text="Alle medewerkers bejegenen cliënten gastvrij."
            ),
            # B1 of 2024 is B2 in 2025, its text unchanged: followed through its lineage
            "cycles/2025/standards/B2.yaml": yaml(
                {
                    "id": "B2",
                    "domain": "B",
                    "title": "Standaard B2",
                    "text": "Cliënten ervaren wat standaard B1 vraagt.",
                    "continues": "B1",
                }
            ),
        },
    )


def test_each_standard_is_followed_over_the_institutions_of_every_cycle(tmp_path: Path) -> None:
    net = load_network(three_cycles(tmp_path), use_cache=False)
    trend = national_trend(net, net.cycles["2025"], 2)
    assert trend is not None
    assert trend.cycles == ("2023", "2024", "2025")
    assert trend.institutions == len(STAYED) == 4  # the two who left and the two who joined: out
    assert shares(trend) == {
        # the four that stayed: 2023 "PPNM", 2024 "MPPM", 2025 "MMPM" (the first four of LATER)
        "A1": [25, 50, 75],
        "A2": ["text", 25, 75],  # reworded in 2024: no figure for 2023
        "B2": [50, "small", 100],  # 2024: three of the four not applicable, one judged
    }
    b2 = next(r for r in trend.rows if r.standard.id == "B2")
    assert b2.ids == ("B1", "B1", "B2") and b2.earlier_ids == ["B1"]
    assert [r.change for r in trend.rows] == ["higher", "higher", "higher"]
    # a domain adds up only the standards with a figure in every cycle: A1 alone, B none
    assert [(d.domain.id, d.standards, d.of) for d in trend.domains] == [("A", ("A1",), 2)]
    assert [c.dist for c in trend.domains[0].cells] == [
        Distribution(1, 2, 1),
        Distribution(2, 2, 0),
        Distribution(3, 1, 0),
    ]


def test_the_cells_of_the_one_who_left_and_the_one_who_joined_are_not_counted(
    tmp_path: Path,
) -> None:
    """de-linde left and het-baken joined: every A1 of theirs is 'not met', every other 'met'."""
    before, after = IDS[:6], IDS[1:7]
    grid = {"A1": "NMMMMM"}
    root = network(
        tmp_path,
        [("2023", before, grid), ("2024", before, grid), ("2025", after, {"A1": "MMMMMN"})],
        min_group=1,
    )
    net = load_network(root, use_cache=False)
    trend = national_trend(net, net.cycles["2025"], 1)
    assert trend is not None and trend.institutions == 5
    assert [c.dist for c in trend.rows[0].cells] == [Distribution(5)] * 3


def test_a_figure_beside_a_group_of_one_more_is_withheld(tmp_path: Path) -> None:
    """One left: the 2023 and 2024 figures over the five who stayed, beside those cycles'
    sector figures over six, would give the outcome of the one who left."""
    before, after = IDS[:6], IDS[1:6]
    grid = {"A1": "NMMPMP"}
    root = network(
        tmp_path,
        [("2023", before, grid), ("2024", before, grid), ("2025", after, {"A1": "MMPMP"})],
        3,
    )
    net = load_network(root, use_cache=False)
    trend = national_trend(net, net.cycles["2025"], 3)
    assert trend is not None
    assert shares(trend) == {"A1": ["changed", "changed", 60]}
    assert trend.domains == []  # no standard has a figure in every cycle


def test_too_few_in_every_cycle_shows_no_trend(tmp_path: Path) -> None:
    grid = {"A1": "MMMMMM"}
    cycles = [("2023", IDS[:6], grid), ("2024", IDS[2:8], grid), ("2025", IDS[:6], grid)]
    net = load_network(network(tmp_path, cycles, 5), use_cache=False)
    trend = national_trend(net, net.cycles["2025"], 5)
    assert trend is not None and trend.too_few and trend.rows == []
    assert trend.institutions == 4


def test_two_cycles_have_no_trend(tmp_path: Path) -> None:
    grid = {"A1": "MMMMMM"}
    net = load_network(
        network(tmp_path, [("2024", IDS[:6], grid), ("2025", IDS[:6], grid)], 2), use_cache=False
    )
    assert national_trend(net, net.cycles["2025"], 2) is None
    assert national(net, "2025").trend is None
    assert institution_trend(net, net.cycles["2025"], IDS[0]) is None


def test_four_cycles_follow_every_cycle_back(tmp_path: Path) -> None:
    grids = ["MPNMPN", "MMNMPN", "MMPMPN", "MMMMMN"]
    cycles = [(str(2022 + n), IDS[:6], {"A1": g}) for n, g in enumerate(grids)]
    net = load_network(network(tmp_path, cycles, 2), use_cache=False)
    trend = national_trend(net, net.cycles["2025"], 2)
    assert trend is not None and trend.cycles == ("2022", "2023", "2024", "2025")
    assert shares(trend) == {"A1": [33, 50, 50, 83]}
    # the report of 2024 has its own trend, over three cycles
    earlier = national_trend(net, net.cycles["2024"], 2)
    assert earlier is not None and earlier.cycles == ("2022", "2023", "2024")


def test_the_institution_follows_its_own_outcomes(tmp_path: Path) -> None:
    net = load_network(three_cycles(tmp_path), use_cache=False)
    mine = institution_trend(net, net.cycles["2025"], "de-waterlelie")
    assert mine is not None and mine.institutions == 1
    outcomes = {r.standard.id: [c.outcome or c.why for c in r.cells] for r in mine.rows}
    assert outcomes == {
        "A1": ["partly_met", "met", "met"],
        "A2": ["text", "partly_met", "met"],
        "B2": ["met", "not_applicable", "met"],
    }
    assert [r.change for r in mine.rows] == ["higher", "higher", "same"]
    # two cycles only for het-baken, who joined in 2025; de-linde is not in 2025 at all
    assert institution_trend(net, net.cycles["2025"], "het-baken") is None


def test_an_institution_that_missed_a_cycle_sees_it_marked(tmp_path: Path) -> None:
    grid = {"A1": "MPNMPN"}
    cycles = [
        ("2022", IDS[:6], grid),
        ("2023", IDS[1:7], {"A1": "MPNMPN"}),
        ("2024", IDS[:6], grid),
        ("2025", IDS[:6], {"A1": "MMNMPN"}),
    ]
    net = load_network(network(tmp_path, cycles, 2), use_cache=False)
    mine = institution_trend(net, net.cycles["2025"], IDS[0])
    assert mine is not None
    assert [c.outcome or c.why for c in mine.rows[0].cells] == ["met", "absent", "met", "met"]
    assert mine.domains[0].cells[1].why == "absent"


# Privacy: a reader who knows every participant list subtracts figures ------------------------


Figure = tuple[str, str, frozenset[str], Distribution, str]
"""(lineage key: the standard's oldest id, cycle, institutions behind it, counts, kind)."""


def figures(net: Network, reports: Mapping[str, NationalReport]) -> list[Figure]:
    """Every figure the national reports publish, with the institutions a reader knows are
    behind it (every participant has an outcome in these grids)."""

    def people(cycle: str) -> frozenset[str]:
        data = net.cycles[cycle]
        return frozenset(data.cycle.model.participants if data.cycle else [])

    found: list[Figure] = []
    for cycle, n in reports.items():
        for row in n.rows:
            if row.picture is not None:
                found.append(
                    (
                        _root(net, cycle, row.standard.id),
                        cycle,
                        people(cycle),
                        row.picture,
                        "sector",
                    )
                )
        if n.comparison is not None:
            both = people(cycle) & people(n.comparison.previous_cycle)
            for c in n.comparison.rows:
                key = _root(net, cycle, c.standard.id)
                found.append((key, n.comparison.previous_cycle, both, c.before, "comparison"))
                found.append((key, cycle, both, c.after, "comparison"))
        if n.trend is not None and not n.trend.too_few:
            stayed = frozenset.intersection(*(people(c) for c in n.trend.cycles))
            for r in n.trend.rows:
                key = _root(net, cycle, r.standard.id)
                for then, cell in zip(n.trend.cycles, r.cells, strict=True):
                    if cell.dist is not None:
                        found.append((key, then, stayed, cell.dist, "trend"))
    return found


def _root(net: Network, cycle: str, standard_id: str) -> str:
    """The oldest id of the standard's unchanged lineage: what every figure of it shares."""
    from leercyclus.methods.peerreview.trends import history_of, lineage_ids

    ids = lineage_ids(net, history_of(net, net.cycles[cycle]), standard_id)
    return next(i for i in ids if i is not None)


def learned(found: list[Figure], min_group: int) -> list[str]:
    """What subtracting a trend or comparison figure and another figure of the same standard and
    cycle tells about fewer than min_group institutions (two sector rows: test_differencing.py)."""
    out = []
    for a, b in itertools.combinations(found, 2):
        if a[:2] != b[:2] or {a[4], b[4]} == {"sector"}:
            continue
        big, small = (a, b) if len(a[2]) >= len(b[2]) else (b, a)
        apart, extra = big[2] - small[2], small[2] - big[2]
        if not extra and 0 < len(apart) < min_group:
            delta = Distribution(
                *(x - y for x, y in zip(big[3].counts, small[3].counts, strict=True))
            )
            out.append(f"{a[0]} {a[1]}: {sorted(apart)} have {delta.nonzero}")
        elif extra and 0 < min(len(apart), len(extra)) < min_group:
            out.append(f"{a[0]} {a[1]}: {sorted(apart)} against {sorted(extra)}")
    return sorted(set(out))


SCENARIOS = {
    "one left": ([IDS[:6], IDS[:6], IDS[:5]], 3),
    "one joined, one left": ([IDS[:6], IDS[1:7], IDS[1:7]], 3),
    "two left, two joined, min_group 2": ([IDS[:6], IDS[:6], IDS[2:8]], 2),
    "one left in the middle, four cycles": ([IDS[:7], IDS[:7], IDS[:6], IDS[:6]], 3),
    "the same six": ([IDS[:6]] * 3, 5),
}


def build_all(root: Path, lists: Sequence[Sequence[str]], min_group: int) -> Network:
    outcomes = dict(zip(IDS, "MNPMMPNM", strict=True))
    cycles = [
        (str(2022 + n), people, {sid: "".join(outcomes[i] for i in people) for sid in ("A1", "B1")})
        for n, people in enumerate(lists)
    ]
    return load_network(network(root, cycles, min_group), use_cache=False)


@pytest.mark.parametrize(("lists", "min_group"), SCENARIOS.values(), ids=SCENARIOS.keys())
def test_no_trend_or_comparison_figure_tells_the_outcome_of_a_few(
    tmp_path: Path, lists: Sequence[Sequence[str]], min_group: int
) -> None:
    net = build_all(tmp_path, lists, min_group)
    reports = {c: national(net, c) for c in net.cycle_order()}
    assert any(n.trend is not None for n in reports.values())
    assert learned(figures(net, reports), min_group) == []


def test_without_the_rule_the_reader_learns_who_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attack is real: without safe_beside, the trend gives the one who left away."""
    monkeypatch.setattr(anonymize, "safe_beside", lambda group, *_: len(group) >= 3)
    net = build_all(tmp_path, SCENARIOS["one left"][0], 3)
    reports = {c: national(net, c) for c in net.cycle_order()}
    assert f"A1 2022: ['{IDS[5]}'] have [(1, 'partly_met')]" in learned(figures(net, reports), 3)


# The reports as published, in both languages -----------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_reports_show_the_trend_as_a_table_and_a_chart(tmp_path: Path, language: str) -> None:
    texts = TEXTS[language]
    root = three_cycles(tmp_path)
    out = tmp_path / "out"
    assert report(root, out, "md,html", "--language", language, "--institution", IDS[2]) == 0
    md = (out / "2025/public/national-report.md").read_text(encoding="utf-8")
    title = texts["trend"].format(first="2023", last="2025")
    assert f"# {title}" in md
    assert "| A1 Standa" in md.split(title)[1]
    pct = {"nl": ("25%", "50%", "75%"), "en": ("25%", "50%", "75%")}[language]
    row = next(line for line in md.split(title)[1].splitlines() if line.startswith("| A1 "))
    assert [c.strip() for c in row.strip("|").split("|")][1:] == [*pct, texts["higher"]]
    b2 = next(line for line in md.split(title)[1].splitlines() if line.startswith("| B2 "))
    assert texts["trend_earlier"].format(ids="B1") in b2
    assert texts["suppressed"] in b2  # 2024: too few judged
    assert texts["trend_legend_withheld"].format(min_group=2) in md
    html = (out / "2025/public/national-report.html").read_text(encoding="utf-8")
    assert 'id="trend"' in html and "<desc>" in html
    assert texts["trend_chart"].format(first="2023", last="2025") in html
    own = (out / f"2025/confidential/{IDS[2]}/institution-report.md").read_text(encoding="utf-8")
    assert f"# {title}" in own
    assert texts["trend_own_intro"].format(institution="GGZ De Waterlelie") in own


def test_with_two_cycles_the_reports_have_no_trend(tmp_path: Path) -> None:
    grid = {"A1": "MMMMMM"}
    root = network(tmp_path, [("2024", IDS[:6], grid), ("2025", IDS[:6], grid)], 2)
    out = tmp_path / "out"
    assert report(root, out, "md,html", "--institution", IDS[0]) == 0
    for rel in ("public/national-report", f"confidential/{IDS[0]}/institution-report"):
        for ext in ("md", "html"):
            text = (out / f"2025/{rel}.{ext}").read_text(encoding="utf-8")
            assert "Ontwikkeling van" not in text and 'id="trend"' not in text


# The example network: three cycles, the same six in 2024 and 2025, two more in 2026 ----------


def test_the_examples_trend_follows_the_six_and_each_standard_while_its_text_held() -> None:
    root = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"
    net = load_network(root, use_cache=False)
    n = national(net, "2026")
    trend = n.trend
    assert trend is not None and trend.cycles == ("2024", "2025", "2026")
    assert trend.institutions == 6  # het-baken and kempenhof joined in 2026
    followed = {r.standard.id: r.ids for r in trend.rows}
    assert followed["E5"] == (None, "E5", "E5")  # reworded in 2025: smoking came in from D6
    assert followed["B3"] == ("B3", "B3", "B3")  # only its title changed in 2025
    assert "D6" not in followed and "E6" not in followed  # dropped in 2025 and in 2026
    assert [s.id for s in trend.reworded] == ["A3"]
    assert [s.id for s in trend.new] == ["B5", "C4"]
    assert all(c.dist is not None for r in trend.rows for c in r.cells if c.why != "text")
    up = sum(r.change == "higher" for r in trend.rows)
    assert n.key_messages[4] == TEXTS["nl"]["key_trend_none_down"].format(
        first="2024", last="2026", institutions="zes instellingen", up="dertien", followed=21
    )
    assert up == 13


def test_withheld_cells_and_a_missed_cycle_are_marked_in_the_reports(tmp_path: Path) -> None:
    """One left in 2025 and de-linde missed 2023: the national trend shows "–" for the cycles
    the one who left took part in, and no domain (so no chart); de-linde's own trend marks 2023."""
    nl = TEXTS["nl"]
    cycles = [
        ("2022", IDS[:6], {"A1": "NMMPMP"}),
        ("2023", IDS[1:7], {"A1": "MMPMPM"}),
        ("2024", IDS[:6], {"A1": "MMMPMP"}),
        ("2025", IDS[:5], {"A1": "MMMPM"}),
    ]
    root = network(tmp_path, cycles, 3)
    out = tmp_path / "out"
    assert report(root, out, "md,html", "--institution", IDS[0]) == 0
    md = (out / "2025/public/national-report.md").read_text(encoding="utf-8")
    part = md.split(f"# {nl['trend'].format(first='2022', last='2025')}")[1]
    row = next(line for line in part.splitlines() if line.startswith("| A1 "))
    assert nl["suppressed"] in row
    assert nl["trend_no_domains"] in part
    assert nl["trend_legend_withheld"].format(min_group=3) in part
    html = (out / "2025/public/national-report.html").read_text(encoding="utf-8")
    assert 'id="trend"' in html and html.count("<svg") == 1  # the sector chart only
    own = (out / f"2025/confidential/{IDS[0]}/institution-report.md").read_text(encoding="utf-8")
    own_row = next(
        line
        for line in own.split(f"# {nl['trend'].format(first='2022', last='2025')}")[1].splitlines()
        if line.startswith("| A1 ")
    )
    assert [c.strip() for c in own_row.strip("|").split("|")][1:] == [
        "niet",
        nl["trend_absent"],
        "volledig",
        "volledig",
        nl["higher"],
    ]


def test_the_comparison_keeps_the_one_who_left_apart_too(tmp_path: Path) -> None:
    """Beside the previous report's row over six, a comparison over the five who stayed would
    give the outcome of the sixth: the row is left out, with two cycles as with more."""
    grids = [("2022", IDS[:6], {"A1": "MMPPMN"}), ("2023", IDS[:5], {"A1": "MMPPM"})]
    net = load_network(network(tmp_path, grids, 3), use_cache=False)
    comparison = national(net, "2023").comparison
    assert comparison is not None
    assert comparison.rows == [] and comparison.withheld == []
    assert [s.id for s in comparison.apart] == ["A1"]


def test_the_report_says_why_a_comparison_row_is_left_out(tmp_path: Path) -> None:
    grids = [("2022", IDS[:6], {"A1": "MMPPMN"}), ("2023", IDS[:5], {"A1": "MMPPM"})]
    out = tmp_path / "out"
    assert report(network(tmp_path, grids, 3), out, "md,html", "--institution", IDS[0]) == 0
    nl = TEXTS["nl"]
    said = nl["not_compared"].format(items=nl["not_compared_apart"].format(ids="A1"))
    for ext in ("md", "html"):
        assert said in (out / f"2023/public/national-report.{ext}").read_text(encoding="utf-8")
