"""The reports' rules, one test each: rounding, ties, like with like, not judged, plural forms."""

from __future__ import annotations

import dataclasses
import shutil
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leercyclus.cli import run
from leercyclus.loading.network import Network, load_network
from leercyclus.methods.peerreview.aggregate import Distribution, Meta, Provenance, ranked
from leercyclus.methods.peerreview.charts import overview_chart
from leercyclus.methods.peerreview.institution_report import institution_report
from leercyclus.methods.peerreview.national_report import NationalReport, national_report
from leercyclus.privacy.leakguard import find_leaks
from leercyclus.privacy.match import Term
from leercyclus.publishing.render import renderer
from leercyclus.publishing.texts import TEXTS, count, percent

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"
NL = TEXTS["nl"]


@pytest.fixture(scope="module")
def network() -> Network:
    return load_network(EXAMPLE, use_cache=False)


def _meta(net: Network, language: str = "nl") -> Meta:
    data = net.cycles["2026"]
    assert data.cycle is not None
    return Meta("Netwerk", language, "2026", data.cycle.model.title, 5,
                len(data.cycle.model.participants), len(data.standards),
                Provenance("0", None, None))  # fmt: skip


@pytest.fixture(scope="module")
def national(network: Network) -> NationalReport:
    """The example's national report, its texts printed as written (no de-identifier)."""
    return national_report(network, network.cycles["2026"], _meta(network), lambda _, t: t)


@pytest.fixture(scope="module")
def first(network: Network) -> NationalReport:
    """The example's 2026 national report as if it were the network's first cycle: beside 2025
    the differencing rule withholds the continuing standards (tests/test_differencing.py)."""
    data = dataclasses.replace(network.cycles["2026"], memo={})  # its own figures' memo
    alone = dataclasses.replace(network, cycles={"2026": data})
    return national_report(alone, alone.cycles["2026"], _meta(alone), lambda _, t: t)


# Rounding: halves up, one function for every figure ------------------------------------------


@pytest.mark.parametrize(
    ("share", "shown"),
    [
        (Fraction(5, 8), 63),  # 62.5: half up, where round() gave 62
        (Fraction(1, 8), 13),  # 12.5
        (Fraction(7, 8), 88),  # 87.5 (round() gave 88 here: to even)
        (Fraction(3, 8), 38),
        (Fraction(1, 3), 33),
        (Fraction(2, 3), 67),
        (Fraction(5, 7), 71),
        (Fraction(0), 0),
        (Fraction(1), 100),
        (0.625, 63),  # a float is read as the fraction it stands for
        (0.125, 13),
    ],
)
def test_halves_round_up(share: Fraction | float, shown: int) -> None:
    assert percent(share) == shown


@given(st.integers(0, 1000), st.integers(1, 1000))
def test_rounding_is_half_up_for_every_share(part: int, whole: int) -> None:
    expected = (200 * part + whole) // (2 * whole)  # floor(100 p / w + 1/2) in integers
    assert percent(Fraction(part, whole)) == expected
    assert Distribution(met=part, not_met=whole).percent("met") == percent(
        Fraction(part, part + whole)
    )


def test_every_format_uses_the_same_rounding() -> None:
    for html in (False, True):
        env = renderer(None, "nl")
        template = (env.html if html else env.md).from_string("{{ share | pct }}")
        assert template.render(share=Fraction(5, 8)) == "63%"
        assert template.render(share=0.125) == "13%"


def test_the_example_shows_five_of_eight_as_63_percent(first: NationalReport) -> None:
    national = first
    b3 = next(r for r in national.strengths if r.standard.id == "B3")
    assert b3.picture is not None and (b3.picture.met, b3.picture.judged) == (5, 8)
    assert b3.picture.percent("met") == 63


# Ties: a ranking is never cut through a tie -------------------------------------------------


def test_ranked_keeps_every_item_tied_with_the_last() -> None:
    scores = {"a": 9, "b": 8, "c": 7, "d": 7, "e": 7, "f": 6}
    top = ranked(list(scores), lambda k: Fraction(scores[k]), 3)
    assert top == ["a", "b", "c", "d", "e"]
    assert ranked(list(scores), lambda k: Fraction(scores[k]), 2) == ["a", "b"]
    assert ranked(list(scores), lambda k: Fraction(scores[k]), 10) == list(scores)


def test_ranked_orders_a_tie_by_the_tiebreak_but_never_cuts_it() -> None:
    scores = {"a": (9, 0), "b": (7, 0), "c": (7, 3), "d": (7, 1), "e": (5, 9)}
    top = ranked(
        list(scores),
        lambda k: Fraction(scores[k][0]),
        2,
        tiebreak=lambda k: Fraction(scores[k][1]),
    )
    assert top == ["a", "c", "d", "b"]  # the tiebreak orders the tie; "e" ranks lower anyway


def test_the_strengths_keep_every_standard_tied_with_the_fifth(first: NationalReport) -> None:
    national = first
    ids = [r.standard.id for r in national.strengths]
    # 100%, 87.5%, 71% and four standards at 5 of 8: all four are in, none is dropped.
    assert ids == ["A1", "D4", "E4", "B3", "D3", "E1", "E2"]


def test_the_challenges_keep_every_standard_tied_with_the_fifth(first: NationalReport) -> None:
    national = first
    ids = [r.standard.id for r in national.challenges]
    # B2 7/7; C4 and A5 7/8 (C4 has a 'niet'); D2 6/7; then 6 of 8 for B5 (4 'niet'), A2, A3, C3.
    assert ids == ["B2", "C4", "A5", "D2", "B5", "A2", "A3", "C3"]
    line = national.challenge_lines["B5"]
    assert line == "Van de 8 instellingen voldoen er 2 deels en 4 niet aan deze standaard (75%)."
    assert national.challenge_lines["B2"] == (
        "Van de 7 instellingen waarvoor de standaard geldt, voldoen er 7 deels aan deze "
        "standaard (100%)."
    )


# Like with like: the same institutions, unchanged standards ---------------------------------


def test_the_comparison_takes_only_the_institutions_of_both_cycles(
    national: NationalReport,
) -> None:
    comparison = national.comparison
    assert comparison is not None
    assert (comparison.previous_cycle, comparison.institutions) == ("2025", 6)
    assert not comparison.same_group
    rows = {r.standard.id: r for r in comparison.rows}
    # E3 looked like a drop (67% of 6 then, 50% of 8 now); the six of both years did not change.
    assert (rows["E3"].before.met, rows["E3"].before.judged) == (4, 6)
    assert (rows["E3"].after.met, rows["E3"].after.judged) == (4, 6)
    assert rows["E3"].change == "same"
    assert all(r.before.total <= 6 and r.after.total <= 6 for r in comparison.rows)


def test_the_comparison_leaves_out_new_and_reworded_standards(national: NationalReport) -> None:
    comparison = national.comparison
    assert comparison is not None
    assert [s.id for s in comparison.reworded] == ["A3"]  # its text changed after 2025
    assert [s.id for s in comparison.new] == ["B5", "C4"]
    assert {r.standard.id for r in comparison.rows}.isdisjoint({"A3", "B5", "C4"})
    changes = {(c.kind, c.standard.id) for c in national.changes}
    assert {("new", "B5"), ("new", "C4"), ("reworded", "A3"), ("dropped", "E6")} <= changes
    reworded = next(c for c in national.changes if c.kind == "reworded")
    assert reworded.reason is not None and reworded.reason.startswith("De standaard combineert")


def test_a_stricter_disclosure_rule_plugs_into_the_comparison(network: Network) -> None:
    data = network.cycles["2026"]
    strict = national_report(
        network, data, _meta(network), lambda _, t: t, disclose=lambda row: row.after.met > 3
    )
    assert strict.comparison is not None
    assert all(r.after.met > 3 for r in strict.comparison.rows)
    assert strict.comparison.apart  # the others are named as left out, not dropped silently


def test_the_institution_report_marks_reworded_and_new_standards(network: Network) -> None:
    report = institution_report(network, network.cycles["2026"], "de-linde", _meta(network))
    status = {r.standard.id: r.status for r in report.rows}
    assert (status["A3"], status["B5"], status["C4"], status["A1"]) == (
        "reworded", "new", "new", "same",
    )  # fmt: skip
    assert report.since is not None
    assert {s.standard.id for s in report.since.up} == {"A4", "B4", "C1", "D1", "D5"}
    assert [s.standard.id for s in report.since.down] == ["D3"]
    assert [s.id for s in report.since.reworded] == ["A3"]  # not counted as up or down


# Not judged: standards the team did not judge are shown, never dropped ----------------------


def test_standards_the_team_did_not_judge_are_counted(network: Network) -> None:
    report = institution_report(network, network.cycles["2026"], "de-linde", _meta(network))
    blocks = {b.domain.id: b for b in report.domains}
    assert (blocks["A"].team.total, blocks["A"].team_missing) == (4, 1)  # A5
    assert (blocks["E"].team.total, blocks["E"].team_missing) == (4, 1)  # E5
    assert all(b.team.total + b.team_missing == len(b.rows) for b in report.domains)
    assert report.not_judged == 2
    self_only = [r.standard.id for r in report.not_fully_met if r.self_only]
    assert self_only == ["A5", "E5"]


def test_the_chart_draws_not_judged_standards(network: Network) -> None:
    report = institution_report(network, network.cycles["2026"], "kempenhof", _meta(network))
    b = next(b for b in report.domains if b.domain.id == "B")
    assert b.team_missing >= 1  # B3 was not judged at Kempenhof
    svg = overview_chart(report.domains, "nl")
    assert NL["no_outcome"] in svg
    assert f"<title>{NL['no_outcome']}: {b.team_missing}</title>" in svg


def test_the_overview_table_has_a_column_for_no_outcome(tmp_path: Path) -> None:
    repo = _copy(tmp_path)
    assert _build(repo, "de-linde") == 0
    md = _read(repo, "de-linde")
    header = f"| {NL['domain']} | | volledig | deels | niet | nvt | {NL['no_outcome']} |"
    assert header in md
    assert "| | Reviewteam | 2 | 2 | 0 | 0 | 1 |" in md  # A: A5 not judged
    assert "| A5 Cultuursensitieve zorg | deels (zelfreview) | — |" in md


# Plural forms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "language", "text"),
    [
        (1, "nl", "één actie"),
        (4, "nl", "vier acties"),
        (0, "nl", "geen acties"),
        (21, "nl", "21 acties"),
        (1, "en", "one action"),
        (2, "en", "two actions"),
        (1, "nl", "één standaard"),
        (24, "nl", "24 standaarden"),
    ],
)
def test_counts_take_the_right_form(n: int, language: str, text: str) -> None:
    noun = "standard" if "standa" in text else "action"
    assert count(n, noun, language) == text


def test_a_plan_of_one_action_says_one_action(tmp_path: Path) -> None:
    repo = _copy(tmp_path)
    plan = repo / "cycles/2026/actions/het-baken.yaml"
    lines = plan.read_text(encoding="utf-8").split("\n  - id: ")
    plan.write_text(lines[0] + "\n  - id: " + lines[1].rstrip() + "\n", encoding="utf-8")
    assert _build(repo, "het-baken") == 0
    md = _read(repo, "het-baken")
    assert NL["plan_exists"].format(count="één actie") in md
    assert "1 acties" not in md


# The participants list: names allowed there and nowhere else ---------------------------------


def test_the_guard_allows_the_participants_only_as_the_whole_list(tmp_path: Path) -> None:
    names = ["Kliniek Zeezicht", "Zorggroep De Linde"]
    terms = [Term(n, "institution", "institutions.yaml") for n in names]
    listed = tmp_path / "listed.md"
    listed.write_text("Deelnemers:\n\n- Kliniek Zeezicht\n- Zorggroep De Linde\n", "utf-8")
    assert find_leaks([listed], terms, lists=[names]) == []
    assert len(find_leaks([listed], terms)) == 2  # without the list: both are leaks
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text(
        "- Kliniek Zeezicht\n- Zorggroep De Linde\n\nBij Zorggroep De Linde gaat het goed.\n",
        "utf-8",
    )
    leaks = find_leaks([elsewhere], terms, lists=[names])
    assert [leak.term.text for leak in leaks] == ["Zorggroep De Linde"]
    shuffled = tmp_path / "shuffled.md"
    shuffled.write_text("- Zorggroep De Linde\n- Kliniek Zeezicht\n", "utf-8")
    assert len(find_leaks([shuffled], terms, lists=[names])) == 2  # only the list as printed


def test_participants_are_listed_only_when_the_network_chooses_to(
    network: Network, tmp_path: Path
) -> None:
    plain = national_report(network, network.cycles["2026"], _meta(network), lambda _, t: t)
    assert plain.participants is None  # off by default
    repo = _copy(tmp_path)
    settings = repo / "leercyclus.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("  min_group: 5", "  min_group: 5\n  list_participants: true"))
    chosen = load_network(repo, use_cache=False)
    listed = national_report(chosen, chosen.cycles["2026"], _meta(chosen), lambda _, t: t)
    assert listed.participants == [
        "Forensisch Centrum Bosrand", "GGZ De Waterlelie", "Herstelcentrum De Horizon",
        "Kliniek Zeezicht", "Stichting Het Anker", "Woonzorg Het Baken",
        "Zorgcentrum Kempenhof", "Zorggroep De Linde",
    ]  # fmt: skip


# Helpers -------------------------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    repo = tmp_path / "herstelnetwerk"
    shutil.copytree(EXAMPLE, repo, ignore=shutil.ignore_patterns("build", ".leercyclus"))
    return repo


def _build(repo: Path, institution: str) -> int:
    out = repo / "out"
    return run(["report", str(repo), "--format", "md", "--no-national", "--institution",
                institution, "--out", str(out)])  # fmt: skip


def _read(repo: Path, institution: str) -> str:
    path = repo / "out" / "2026" / "confidential" / institution / "institution-report.md"
    return path.read_text(encoding="utf-8")


# DOCX and PDF ----------------------------------------------------------------------------------


def _convert(tmp_path: Path, markdown: str, suffix: str) -> Path:
    from leercyclus.publishing.convert import Conversion, convert
    from leercyclus.publishing.render import packaged_templates

    source = tmp_path / "report.md"
    source.write_text(markdown, encoding="utf-8")
    target = tmp_path / f"report{suffix}"
    convert(Conversion(source, target, tmp_path, None, (packaged_templates(),)))
    return target


def test_the_pdf_keeps_the_apostrophe_of_s_avonds(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from leercyclus.publishing.render import md_paragraphs

    text = md_paragraphs("Na vijf uur 's avonds en 's nachts is het 'echt' stil.")
    pdf = _convert(tmp_path, f"---\ntitle: Test\nlang: nl\n---\n\n{text}\n", ".pdf")
    printed = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "’s avonds" in printed and "’s nachts" in printed
    assert "‘s" not in printed


def test_docx_tables_get_their_column_widths_and_the_report_a_contents(tmp_path: Path) -> None:
    import re
    import zipfile

    env = renderer(None, "nl").md
    rule = env.from_string('{% import "macros.md.j2" as m %}{{ m.rule("l40", "r12") }}').render()
    table = f"| Standaard | volledig |\n{rule}\n| A1 Respectvolle bejegening | 8 |\n"
    docx = _convert(tmp_path, f"---\ntitle: Test\n---\n\n# Een\n\n{table}\n# Twee\n", ".docx")
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', xml)]
    assert len(widths) == 2 and widths[0] > 2 * widths[1]  # not two equal columns
    assert 'w:tblW w:type="pct" w:w="5000"' in xml  # the table takes the text width
    # A contents field Word renews on opening, already filled with the chapters for LibreOffice.
    contents = xml[xml.index("Table of Contents") : xml.index("</w:sdt>")]
    assert "TOC \\o" in contents and 'w:dirty="true"' in contents
    assert '<w:t xml:space="preserve">Een</w:t>' in contents
    assert '<w:t xml:space="preserve">Twee</w:t>' in contents
