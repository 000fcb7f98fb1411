"""The improvement reports of the example network: what each institution sees, what the network
sees (distributions over min_group institutions, nobody named), and the leak guard on it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from leercyclus.cli import run
from leercyclus.loading.network import load_network
from leercyclus.methods.improvement.gather import gather
from leercyclus.methods.improvement.overview import institution_overview, network_picture
from privacy_helpers import copy_example

TODAY = dt.date(2026, 12, 2)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_example(tmp_path_factory.mktemp("improvement") / "herstelnetwerk")
    assert run(["report", str(repo), "--format", "md,html", "--out", str(repo / "out")]) == 0
    return repo / "out" / "2026"


def test_every_participant_with_data_gets_an_overview_and_the_network_its_picture(
    built: Path,
) -> None:
    overviews = sorted(p.parent.name for p in built.glob("confidential/*/improvement-overview.md"))
    assert overviews == ["bosrand", "de-horizon", "de-linde", "de-waterlelie", "het-anker",
                         "zeezicht"]  # fmt: skip
    assert (built / "network/improvement-network.html").is_file()
    assert not list(built.glob("public/improvement*"))


def test_the_overview_shows_projects_oesters_signals_experience_and_complaints(
    built: Path,
) -> None:
    text = (built / "confidential/de-linde/improvement-overview.md").read_text(encoding="utf-8")
    assert "## Naasten vanaf de intake betrekken" in text
    assert "| 2 | Een telefoontje twee dagen voor de intake" in text
    assert (
        "- **Naasten verdwijnen na de intake uit beeld**: verbeterproject “Naasten vanaf de intake"
        " betrekken” (loopt, invoeren)" in text
    )
    assert "- **Stille weekenden**: nog geen verbeterproject" in text
    assert "- verbetering: buiten de regelgrenzen, 2026-02 –" in text
    assert "## Separaties per 1000 verpleegdagen" in text
    assert text.count("Geen signaal: de schommelingen passen bij het gewone proces.") == 2
    late = int(dt.date.today() > dt.date(2026, 12, 22))  # the open one's term (report: today)
    assert f"Klachten 2026: 6 ontvangen, 1 nog open, {late} buiten de termijn." in text
    assert "| Ik kreeg persoonlijke aandacht | 24 | 62% |" in text
    html = (built / "confidential/de-linde/improvement-overview.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 3  # two monthly indicators and one of rare events
    assert "## Dagen tussen agressie-incidenten met letsel" in text
    assert "regelkaart (t-kaart: tijd tussen zeldzame gebeurtenissen" in text


def test_an_overdue_study_step_is_named(built: Path) -> None:
    text = (built / "confidential/het-anker/improvement-overview.md").read_text(encoding="utf-8")
    assert "**Te laat:** study-stap van cyclus 1 was op 2026-11-15 aan de beurt." in text


def test_too_few_answers_show_no_figure(built: Path) -> None:
    text = (built / "confidential/zeezicht/improvement-overview.md").read_text(encoding="utf-8")
    assert "| Ik kreeg persoonlijke aandacht | 8 | te weinig antwoorden |" in text


def test_the_network_picture_names_no_institution_and_ranks_none(built: Path) -> None:
    repo = built.parents[1]
    register = (repo / "institutions.yaml").read_text(encoding="utf-8")
    names = re.findall(r"(?:id|name|city): (.+)", register)
    for ext in ("md", "html"):
        text = (built / f"network/improvement-network.{ext}").read_text(encoding="utf-8")
        for name in names:
            assert name.strip() not in text, name
        assert "| Periode | Instellingen | 25% | Mediaan | 75% | Netwerk totaal |" in text or (
            ext == "html"
        )
    md = (built / "network/improvement-network.md").read_text(encoding="utf-8")
    assert "| 2026-10 | 6 |" in md
    assert md.count("| 6 |") == 24  # 12 periods for each of the two indicators


def test_the_network_picture_keeps_min_group(tmp_path: Path) -> None:
    repo = copy_example(tmp_path / "herstelnetwerk")
    net = load_network(repo, use_cache=False)
    data = gather(net, TODAY)
    assert network_picture(net, data, "2026", "nl", TODAY, 6).indicators != []
    picture = network_picture(net, data, "2026", "nl", TODAY, 7)  # six institutions report
    assert picture.indicators == [] and picture.experience == []


def test_the_leak_guard_stops_a_network_picture_that_names_an_institution(tmp_path: Path) -> None:
    repo = copy_example(tmp_path / "herstelnetwerk")
    path = repo / "indicators/separaties.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "title: Separaties per 1000 verpleegdagen", "title: Separaties zoals bij De Linde"
        ),
        encoding="utf-8",
    )
    out = repo / "out"
    assert run(["report", str(repo), "--format", "md", "--out", str(out)]) != 0
    assert not (out / "2026/network").exists()


def test_a_report_for_one_institution_writes_no_network_picture(tmp_path: Path) -> None:
    repo = copy_example(tmp_path / "herstelnetwerk")
    out = repo / "out"
    args = ["report", str(repo), "--format", "md", "--out", str(out), "--institution", "de-linde"]
    assert run(args) == 0
    assert (out / "2026/confidential/de-linde/improvement-overview.md").is_file()
    assert not (out / "2026/network").exists()


def test_the_overview_of_an_institution_without_data_is_empty(tmp_path: Path) -> None:
    repo = copy_example(tmp_path / "herstelnetwerk")
    net = load_network(repo, use_cache=False)
    view = institution_overview(net, gather(net, TODAY), "2026", "kempenhof", "en", TODAY)
    assert (view.projects, view.indicators, view.experience, view.complaints) == ([], [], [], [])


def test_status_lists_overdue_steps_and_missing_figures(tmp_path: Path) -> None:
    from leercyclus.methods.improvement.status import improvement_rows

    repo = copy_example(tmp_path / "herstelnetwerk")
    path = repo / "indicators/data/separaties.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join(line for line in lines if not line.startswith("2026-10,bosrand,")) + "\n",
        encoding="utf-8",
    )
    rows = improvement_rows(load_network(repo, use_cache=False), TODAY)
    assert [(r.institution, r.what, r.subject, r.detail, r.cycle) for r in rows] == [
        ("bosrand", "figures missing", "separaties", "2026-10", None),
        ("de-linde", "review overdue", "PR-12", "2026-06-01", None),
        ("de-linde", "review overdue", "WI-03", "2026-11-01", None),
        ("het-anker", "study overdue", "signaleringsplannen", "2026-11-15", 1),
    ]
    later = improvement_rows(load_network(repo, use_cache=False), dt.date(2027, 2, 1))
    assert ("de-linde", "check overdue", "naasten-intake", "2027-01-15") in [
        (r.institution, r.what, r.subject, r.detail) for r in later
    ]


def test_a_project_link_that_names_nothing_is_lc030(tmp_path: Path) -> None:
    from leercyclus.commands.pipeline import check

    repo = copy_example(tmp_path / "herstelnetwerk")
    path = repo / "improvement/de-linde/naasten-intake.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("indicator:naasten-intake", "indicator:naasten-intak"), "utf-8")
    found = [f for f in check(repo, today=TODAY).findings if f.code == "LC030"]
    assert [(f.file, f.line) for f in found] == [("improvement/de-linde/naasten-intake.yaml", 12)]
    assert "naasten-intake" in found[0].message  # the closest indicator there is


def test_checks_remembered_answer_follows_the_csv_files(tmp_path: Path) -> None:
    from leercyclus.commands.pipeline import check_summary
    from leercyclus.loading.network import load_network as load

    repo = copy_example(tmp_path / "herstelnetwerk")
    from leercyclus.repository.listing import list_files
    from leercyclus.rules.summary import current_inputs, outside_state, remembered, summary_key

    first = check_summary(repo, today=TODAY)
    assert first.ok
    net = load(repo)
    assert "indicators/data/naasten-intake.csv" in net.contents  # part of the answer's key
    stored = remembered(repo)
    now = summary_key(TODAY, *current_inputs(repo, list_files(repo)), outside_state(repo))
    assert stored is not None and stored[0] == now  # unchanged: the next check is a lookup
    path = repo / "indicators/data/naasten-intake.csv"
    path.write_text(path.read_text(encoding="utf-8") + "2026-10,de-linde,90,80,\n", "utf-8")
    second = check_summary(repo, today=TODAY)
    assert [f.code for f in second.findings if f.severity == "error"] == ["LC501"]


def test_the_pdsa_cycles_are_marked_on_the_chart_of_their_indicator(built: Path) -> None:
    html = (built / "confidential/de-linde/improvement-overview.html").read_text(encoding="utf-8")
    _, naasten, separaties = re.findall(r"<svg.*?</svg>", html, re.S)
    assert re.findall(r">(PDSA \d)</text>", naasten) == ["PDSA 1", "PDSA 2"]
    assert "PDSA" not in separaties


def test_the_overview_shows_the_review_calendar_of_the_controlled_documents(built: Path) -> None:
    text = (built / "confidential/de-linde/improvement-overview.md").read_text(encoding="utf-8")
    assert "# Documentbeheer: herzieningskalender" in text
    assert "| Document | Versie | Eigenaar | Herzien vóór | Stand |" in text
    rows = [line for line in text.splitlines() if line.startswith("| Protocol separatie")]
    assert rows == [
        "| Protocol separatie en afzondering | 4.0 | werkgroep dwang en drang | 2026-06-01 |"
        " herziening verlopen |"
    ]
    assert "| Formulier signaleringsplan | 0.3 | werkgroep signaleringsplannen | — | concept |" in (
        text
    )
    other = (built / "confidential/het-anker/improvement-overview.md").read_text(encoding="utf-8")
    assert "Documentbeheer" not in other


def test_the_overview_shows_incident_analyses_and_their_prisma_profile(built: Path) -> None:
    text = (built / "confidential/de-linde/improvement-overview.md").read_text(encoding="utf-8")
    assert "| 2026-03 | VIM-melding | OP (organisatie), HRC (mens) | 0 |" in text
    assert "PRISMA-profiel, Eindhoven Classificatie Model):** mens 1; organisatie 1." in text
