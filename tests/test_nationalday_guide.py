"""The dialogue guide and the other learning methods' facts (`loading.method.Fact`): an audit
score that surprised and a project without a result become questions with the fact beside
them, for the institution itself only, in a stable order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leercyclus.cli import run
from leercyclus.loading.method import Fact
from leercyclus.loading.network import Network, load_network
from leercyclus.methods.nationalday import guide as guides
from privacy_helpers import copy_example

TODAY = dt.date(2026, 12, 2)
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"

SURPRISE = Fact(
    "audit", "de-linde", "audit-score", "Thema 'Samen beslissen': 2,1 van 4, het team verwachtte 3."
)
PROJECT = Fact(
    "improvement",
    "de-linde",
    "project",
    "Project 'Naasten later' loopt sinds maart 2026 en heeft nog geen resultaat.",
    about="oester:2025/de-linde/naasten-later",
    open=True,
)
DONE = Fact("improvement", "de-linde", "project", "Project 'Huisregels' is afgerond: 9 regels.")
OTHER = Fact("audit", "het-anker", "audit-score", "Iets van een andere instelling.", open=True)


@pytest.fixture(scope="module")
def net() -> Network:
    return load_network(EXAMPLE, use_cache=False)


def test_facts_become_questions_with_the_fact_beside_them(net: Network) -> None:
    g = guides.guide(net, "2026", "de-linde", "nl", TODAY, [PROJECT, DONE, SURPRISE, OTHER])
    kinds = [q.kind for q in g.questions]
    assert kinds.count("surprise") == 1 and kinds.count("open") == 1
    [surprise] = [q for q in g.questions if q.kind == "surprise"]
    assert surprise.facts[0] == SURPRISE.text
    assert "Bron: Samen-Audit" in surprise.facts and surprise.step == "so_what"
    assert "verraste" in surprise.text
    [pending] = [q for q in g.questions if q.kind == "open"]
    assert pending.facts[:2] == (PROJECT.text, "Over: oester:2025/de-linde/naasten-later")
    assert pending.step == "now_what" and "open" in pending.text
    every = [f for q in g.questions for f in q.facts]
    assert DONE.text not in every  # a project with a result is no question
    assert OTHER.text not in every  # another institution's fact never reaches this guide
    # After the oesters and before last cycle's actions and the ambition.
    assert kinds.index("surprise") > max(i for i, k in enumerate(kinds) if k == "oester")
    assert kinds[-1] == "ambition"


def test_without_facts_the_guide_is_as_before(net: Network) -> None:
    plain = guides.guide(net, "2026", "de-linde", "nl", TODAY)
    other = guides.guide(net, "2026", "de-linde", "nl", TODAY, [OTHER])
    assert plain.questions == other.questions
    assert not {q.kind for q in plain.questions} & {"surprise", "open"}


def test_the_selection_is_stable_and_bounded() -> None:
    many = [
        Fact("improvement", "x", "project", f"Project {n} zonder resultaat.", open=True)
        for n in range(6)
    ] + [Fact("audit", "x", "audit-score", f"Score {n}.") for n in range(5)]
    first = guides.from_facts(many, "x", "en")
    assert first == guides.from_facts(list(reversed(many)), "x", "en")
    assert [q.kind for q in first] == ["surprise"] * 3 + ["open"] * 3
    assert first[0].facts == ("Score 0.", "Source: Samen-Audit")
    assert first[3].facts[0] == "Project 0 zonder resultaat."


def test_the_built_guide_shows_a_methods_facts_and_no_other_output_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Facts given by a method reach the confidential guide of their institution, and no file
    of the network or public scope."""
    from leercyclus.commands import pipeline

    monkeypatch.setattr(pipeline, "gather_facts", lambda *_: [SURPRISE, PROJECT, OTHER])
    repo = copy_example(tmp_path / "herstelnetwerk")
    out = tmp_path / "out"
    args = ["report", str(repo), "--format", "md,html", "--no-national", "--out", str(out)]
    assert run(args) == 0
    mine = (out / "2026" / "confidential" / "de-linde" / "gespreksleidraad.md").read_text("utf-8")
    assert "Samen beslissen" in mine and "nog geen resultaat" in mine
    anker = (out / "2026" / "confidential" / "het-anker" / "gespreksleidraad.md").read_text("utf-8")
    assert "Iets van een andere instelling" in anker and "nog geen resultaat" not in anker
    for scope in ("network", "public"):
        for path in (out / "2026" / scope).rglob("*"):
            if path.is_file() and path.suffix in (".md", ".html", ".ics", ".js", ".css"):
                text = path.read_text(encoding="utf-8")
                assert "nog geen resultaat" not in text and "2,1 van 4" not in text, path
