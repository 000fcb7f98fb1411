"""What became of last cycle's oesters: an improvement project's result as a fact in its own
institution's report, and nowhere else."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leercyclus.cli import run
from leercyclus.loading.network import load_network
from leercyclus.methods.improvement.facts import improvement_facts, measure
from leercyclus.methods.improvement.gather import Defined, Improvement
from leercyclus.methods.improvement.tables import Measurement
from leercyclus.methods.improvement.texts import TEXTS
from leercyclus.models.improvement import Indicator
from privacy_helpers import copy_example

DE_LINDE = (
    "De oester “Naasten verdwijnen na de intake uit beeld” van de reviewdag 2025 werd het"
    " verbeterproject “Naasten vanaf de intake betrekken”: na PDSA-cyclus 2 is besloten de"
    " verandering in te voeren en de indicator “Intakes waarbij een naaste aanwezig is” laat sinds"
    " de verandering in februari 2026 een verbetering zien (buiten de regelgrenzen)."
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_example(tmp_path_factory.mktemp("facts") / "herstelnetwerk")
    assert run(["report", str(repo), "--format", "md,html", "--out", str(repo / "out")]) == 0
    return repo / "out"


def test_the_2026_report_shows_what_became_of_the_2025_oester(built: Path) -> None:
    text = (built / "2026/confidential/de-linde/institution-report.md").read_text("utf-8")
    assert f"- {DE_LINDE}" in text
    html = (built / "2026/confidential/de-linde/institution-report.html").read_text("utf-8")
    assert "werd het verbeterproject “Naasten vanaf de intake betrekken”" in html


def test_the_fact_stays_in_its_own_institution_report(built: Path) -> None:
    own = built / "2026/confidential/de-linde"
    for path in built.rglob("*"):
        if not path.is_file() or path.suffix not in (".md", ".html"):
            continue
        text = path.read_text("utf-8")
        if path.parent == own:
            continue
        assert "Naasten vanaf de intake betrekken" not in text, path
        if "confidential" not in path.parts:  # the network's and the public outputs
            assert "verbeterproject" not in text, path


def test_facts_in_english_and_only_for_earlier_cycles_oesters() -> None:
    net = load_network(Path(__file__).parents[1] / "examples/herstelnetwerk", use_cache=False)
    assert list(improvement_facts(net, "2025", "nl")) == []  # the oesters of 2025 are new then
    facts = {f.institution: f for f in improvement_facts(net, "2026", "en")}
    assert sorted(facts) == ["de-linde", "het-anker"]
    linde, anker = facts["de-linde"], facts["het-anker"]
    assert linde.about == "oester:2025/de-linde/naasten-verdwijnen-na-de-intake-uit-beeld"
    assert "after PDSA cycle 2 the change was adopted" in linde.text
    assert "shows an improvement since the change in February 2026 (outside the control" in (
        linde.text
    )
    assert not linde.open
    assert anker.open  # tried, not yet studied: a dialogue guide asks about it
    assert anker.text.endswith("the change is under way, but its result has not been studied yet.")


INDICATOR = Indicator.model_validate(
    {"id": "x", "title": "X", "kind": "proportion", "numerator": "a", "denominator": "b",
     "direction": "higher_is_better", "baseline": {"from": "2025-01", "to": "2025-12"}}
)  # fmt: skip


def _data(values: list[int]) -> Improvement:
    rows = [
        Measurement(k + 2, f"{2025 + k // 12}-{k % 12 + 1:02d}", "a", float(v), 100.0, "")
        for k, v in enumerate(values)
    ]
    return Improvement(indicators={"x": Defined("i.yaml", "x", INDICATOR)}, series={"x": rows})


@pytest.mark.parametrize(
    ("after", "outcome", "points"),
    [
        ([], "no_data", 0),  # no figures after the change: the project is still open
        ([41, 39, 40], "few", 3),  # inside the limits, but too few values for a shift
        ([41, 39, 40, 42, 38, 41, 39, 40], "none", 8),  # eight ordinary values: no signal
        ([60, 62], "better", 2),  # far above the frozen limits: better, since higher is better
        ([20], "worse", 1),
    ],
)
def test_what_the_indicator_shows_since_the_change(
    after: list[int], outcome: str, points: int
) -> None:
    baseline = [40, 42, 38, 41, 39, 40, 43, 37, 40, 41, 39, 40]
    found = measure(_data(baseline + after), INDICATOR, "a", dt.date(2026, 1, 15), TEXTS["nl"])
    assert (found.outcome, found.points, found.since) == (outcome, points, "2026-01")


def test_a_project_from_an_action_or_a_standard_names_it(tmp_path: Path) -> None:
    repo = copy_example(tmp_path / "herstelnetwerk")
    path = repo / "improvement/de-linde/naasten-intake.yaml"
    text = path.read_text(encoding="utf-8")
    oester = '  - "oester:2025/de-linde/naasten-verdwijnen-na-de-intake-uit-beeld"\n'
    path.write_text(text.replace(oester, ""), encoding="utf-8")
    net = load_network(repo, use_cache=False)
    fact = next(f for f in improvement_facts(net, "2026", "nl") if f.institution == "de-linde")
    assert fact.about == "action:2025/de-linde/contactpersoon-naasten"
    assert fact.text.startswith(
        "Het actiepunt “Per cliënt een vaste contactpersoon voor naasten aanwijzen en dat in de"
        " naastenfolder vermelden” uit het actieplan 2025 werd het verbeterproject"
    )
    action = '  - "action:2025/de-linde/contactpersoon-naasten"\n'
    path.write_text(text.replace(oester, "").replace(action, '  - "standard:2025/C1"\n'), "utf-8")
    net = load_network(repo, use_cache=False)
    fact = next(f for f in improvement_facts(net, "2026", "en") if f.institution == "de-linde")
    assert (fact.about, fact.topic) == ("standard:2025/C1", "project")
    assert fact.text.startswith(
        "Standard C1 “Naasten betrekken bij de intake” of 2025 has the improvement project"
    )


def test_another_institutions_oester_or_action_stays_out_of_a_projects_fact(
    tmp_path: Path,
) -> None:
    """A project may name another institution's oester or action among its triggers (a
    reference that exists); that institution's review day and action plan are its own."""
    repo = copy_example(tmp_path / "herstelnetwerk")
    project = repo / "improvement/het-anker/signaleringsplannen.yaml"
    text = project.read_text(encoding="utf-8")
    other = (
        '["oester:2025/de-linde/naasten-verdwijnen-na-de-intake-uit-beeld",'
        ' "action:2025/de-linde/contactpersoon-naasten"]'
    )
    project.write_text(
        text.replace('["oester:2025/het-anker/signaleringsplannen-ontbreken"]', other),
        encoding="utf-8",
    )
    net = load_network(repo, use_cache=False)
    facts = {f.institution: f for f in improvement_facts(net, "2026", "nl")}
    assert sorted(facts) == ["de-linde"]  # het-anker's project now has no trigger of its own
