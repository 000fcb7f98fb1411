"""Small groups: no figure in the national report rests on fewer than min_group institutions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest

from leercyclus.methods.peerreview.aggregate import Distribution
from leercyclus.methods.peerreview.national_privacy import National
from leercyclus.publishing.texts import TEXTS
from privacy_helpers import (
    IDS,
    OUTCOME_CODES,
    SHARED,
    Spy,
    grid_files,
    register_file,
    report,
    settings_file,
    write,
)

pytestmark = pytest.mark.deduce  # every text the national report prints is de-identified

NL = TEXTS["nl"]
DASH = NL["suppressed"]

# Eight participants (IDS order) and min_group 5. Per standard the self-reviews' outcomes, one
# letter per participant: M met, P partly_met, N not_met, X not_applicable, - left out.
GRID = {
    "A1": "MMMMMPPP",  # 8 judged
    "A2": "MMMMXXXX",  # 4 judged, 4 say not applicable: 100% met, were it shown
    "A3": "NNNN----",  # 4 judged, 4 left it out: 100% not met, were it shown
    "A4": "MMPPXXXX",  # 4 judged by themselves, and a review team judged a fifth
    "B1": "MMPPPXXX",  # exactly 5 judged
    "B2": "PPPPXXXX",  # 4 judged
    "C1": "MMM-----",  # 3 judged: the domain has no figure at all
}
TEAMS = {"A4": "....P..."}
PREVIOUS = {  # 2024, the same eight participants (see test_differencing.py for others)
    "A1": "MMMMPPPP",  # shown then and now: compared
    "A2": "MMMMMMMM",  # shown then, not now
    "A3": "PPPPPPPP",
    "A4": "MMMMXXXX",  # not shown then (4 judged), shown now
    "B1": "MMMMMPPP",  # shown then and now: compared
    "B2": "PPPPPPPP",
    "C1": "PPPPPPPP",
}
SHOWN = {  # met, partly_met, not_met, not_applicable
    "A1": (5, 3, 0, 0),
    "A4": (2, 3, 0, 3),
    "B1": (2, 3, 0, 3),
}
SUPPRESSED = {"A2", "A3", "B2", "C1"}
COMPARED = {"A1", "B1"}


def section(md: str, heading: str) -> str:
    """The text of the level-1 section `heading` of a Markdown report, up to the next one."""
    start = md.index(f"\n# {heading}")
    end = md.find("\n# ", start + 1)
    return md[start : end if end != -1 else len(md)]


def table_rows(md: str) -> dict[str, list[str]]:
    """Standard id (or "total <domain>") → the cells of its row in the sector tables."""
    rows: dict[str, list[str]] = {}
    domain = ""
    for line in section(md, NL["sector"]).splitlines():
        if line.startswith("## "):
            domain = line.split()[1]
        elif line.startswith("| ") and not line.startswith(("| Standaard", "|:--")):
            first, *cells = (cell.strip() for cell in line.strip("|").split("|"))
            key = f"total {domain}" if first.startswith("**") else first.split()[0]
            rows[key] = cells
    return rows


def listed(text: str) -> set[str]:
    """The standard ids of GRID named in `text`."""
    return {sid for sid in GRID if re.search(rf"\b{sid}\b", text)}


class Built(NamedTuple):
    national: str
    html: str
    institution: str
    data: National


@pytest.fixture(scope="module")
def eight(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The eight-participant network, built in md and html."""
    root = tmp_path_factory.mktemp("eight")
    files = {
        "leercyclus.yaml": settings_file(min_group=5),
        "institutions.yaml": register_file(),
        **grid_files("2024", IDS, PREVIOUS),
        **grid_files("2025", IDS, GRID, TEAMS, previous="2024"),
    }
    with pytest.MonkeyPatch.context() as monkeypatch:
        spy = Spy(monkeypatch)
        out = root / "out"
        assert report(write(root / "net", files), out, "md,html", "--institution", IDS[0]) == 0
    public = out / "2025" / "public"
    return Built(
        (public / "national-report.md").read_text(encoding="utf-8"),
        (public / "national-report.html").read_text(encoding="utf-8"),
        (out / "2025" / "confidential" / IDS[0] / "institution-report.md").read_text("utf-8"),
        spy.built[0],
    )


def test_the_grid_says_what_its_comments_say() -> None:
    for sid, row in GRID.items():
        team = TEAMS.get(sid, "-" * len(row))  # the team's judgement where it gave one
        final = Distribution.of(
            OUTCOME_CODES.get(t, OUTCOME_CODES.get(o)) for o, t in zip(row, team, strict=True)
        )
        assert (final.judged >= 5) == (sid in SHOWN), sid
        assert final.counts == SHOWN.get(sid, final.counts), sid


def test_figures_only_where_five_institutions_stand_behind_them(eight: Built) -> None:
    rows = table_rows(eight.national)
    for sid in GRID:
        expected = [DASH] * 4 if sid in SUPPRESSED else [str(n) for n in SHOWN[sid]]
        assert rows[sid] == expected, sid
    assert {r.standard.id for r in eight.data.report.rows if r.picture is None} == SUPPRESSED


def test_the_domain_total_is_the_sum_of_the_shown_rows(eight: Built) -> None:
    rows = table_rows(eight.national)
    for domain in ("A", "B", "C"):
        shown = [SHOWN[sid] for sid in GRID if sid[0] == domain and sid in SHOWN]
        total = [str(sum(column)) for column in zip(*shown, strict=True)] or [DASH] * 4
        assert rows[f"total {domain}"] == total, domain
    md = eight.national
    partial, one = NL["domain_totals_partial"], NL["domain_totals_partial_one"]
    assert f"| **{partial.format(count=2)}** | 7 | 6 | 0 | 3 |" in md
    assert f"| **{one}** | 2 | 3 | 0 | 3 |" in md
    assert f"| **{one}** | {DASH} | {DASH} | {DASH} | {DASH} |" in md
    assert NL["suppressed_note"].format(min_group=5) in md


def test_strengths_and_challenges_never_name_a_suppressed_standard(eight: Built) -> None:
    md = eight.national
    assert listed(section(md, NL["strengths"])) == set(SHOWN)
    assert listed(section(md, NL["challenges"])) == set(SHOWN)
    data = eight.data.report
    assert {r.standard.id for r in data.strengths} == set(SHOWN)
    assert {r.standard.id for r in data.challenges} == set(SHOWN)


def test_the_comparison_lists_standards_shown_in_both_cycles(eight: Built) -> None:
    comparison = section(eight.national, NL["comparison"].format(previous="2024"))
    rows = [line for line in comparison.splitlines() if line.startswith("| ")][1:]
    assert listed("\n".join(rows)) == COMPARED
    # Like with like: the same eight institutions in both cycles (else the differencing rule
    # would withhold the figures: tests/test_differencing.py); A1 2025 is 5 of 8 met.
    assert "| A1 Standaard A1 | 50% | 63% | hoger |" in comparison
    compared = eight.data.report.comparison
    assert compared is not None and compared.institutions == 8
    assert {r.standard.id for r in compared.rows} == COMPARED
    withheld = {s.id for s in compared.withheld}
    assert withheld == set(GRID) - COMPARED
    assert NL["not_compared_small"].format(ids=", ".join(sorted(withheld))) in comparison


def test_the_institution_report_has_no_network_picture_of_a_small_group(eight: Built) -> None:
    md = eight.institution
    for sid in GRID:
        block = md[md.index(f"\n## {sid} ") :]
        header, row = [line for line in block.splitlines() if line.startswith("| ")][:2]
        assert header.strip("|").split("|")[-1].strip() == NL["network_context"]
        network = row.strip("|").split("|")[-1].strip()
        if sid in SUPPRESSED:
            assert network == NL["network_suppressed"], sid
        else:
            words = ("volledig", "deels", "niet", "nvt")
            parts = [f"{n} {w}" for n, w in zip(SHOWN[sid], words, strict=True) if n]
            assert network == " · ".join(parts), sid


def test_the_html_tables_hide_the_same_cells(eight: Built) -> None:
    rows = re.findall(
        r'<tr><th scope="row">(\w+)[^<]*</th>((?:<td class="num">[^<]*</td>){4})</tr>',
        eight.html,
    )
    found = [(first, re.findall(r">([^<]*)</td>", cells)) for first, cells in rows]
    expected = [
        (sid, [DASH] * 4 if sid in SUPPRESSED else [str(n) for n in SHOWN[sid]]) for sid in GRID
    ]
    totals = {"A": ["7", "6", "0", "3"], "B": ["2", "3", "0", "3"], "C": [DASH] * 4}
    for domain, cells in totals.items():  # each domain's total row after its last standard
        last = max(n for n, (sid, _) in enumerate(expected) if sid[0] == domain)
        expected.insert(last + 1, ("Totaal", cells))
    assert found == expected


def test_fewer_participants_than_min_group_give_no_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = Spy(monkeypatch)
    grid = {"A1": "MMMM", "A2": "MPNX", "B1": "PPPP"}
    files = {
        "leercyclus.yaml": settings_file(min_group=5),
        "institutions.yaml": register_file(),
        **grid_files("2024", IDS[:6], dict.fromkeys(grid, "MMMMMM")),
        **grid_files("2025", IDS[:4], grid, previous="2024", qualitative=True),
    }
    out = tmp_path / "out"
    assert report(write(tmp_path / "net", files), out, "md,html", "--institution", IDS[0]) == 0
    md = (out / "2025" / "public" / "national-report.md").read_text(encoding="utf-8")
    html = (out / "2025" / "public" / "national-report.html").read_text(encoding="utf-8")
    assert NL["qualitative_only"].format(min_group=5) in md
    for absent in (NL["sector"], NL["strengths"], NL["challenges"], "Vergelijking met"):
        assert f"\n# {absent}" not in md
    assert "| Standaard | volledig |" not in md
    assert re.search(r"\d+ ?%", md) is None
    assert re.search(r"\| \d+ \|", md) is None
    assert "<svg" not in html and '<td class="num">' not in html
    assert NL["qualitative_only"].format(min_group=5) in html
    # The qualitative parts are all there.
    catalogue = section(md, NL["parel_catalogue"])
    for n, (name, email, _) in enumerate(SHARED[:4]):
        assert f"werkplaats {['een', 'twee', 'drie', 'vier'][n]}" in catalogue
        assert f"{name}, {email}" in catalogue
    theme = section(md, NL["theme_findings"])
    assert NL["theme_count"].format(count=4, total=4) in theme
    assert "naasten schuiven aan" not in md  # counted, not quoted
    [national] = spy.built
    assert national.report.qualitative_only
    assert all(r.picture is None for r in national.report.rows)
    assert national.report.comparison is None
