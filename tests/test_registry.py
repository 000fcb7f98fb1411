"""A learning method registers its file kinds, rules, reports and guard in one place each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import found, network
from leercyclus.errors import OutputError
from leercyclus.loading.method import Method, ReportRun
from leercyclus.loading.network import load_network
from leercyclus.models import kinds
from leercyclus.publishing.scopes import NETWORK

NOTE = "cycles/2025/notes/de-linde/huiskamer.yaml"


@pytest.fixture
def fake_kinds(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(kinds, "_BY_METHOD", ("fake_method",))
    kinds.file_kinds.cache_clear()
    yield
    kinds.file_kinds.cache_clear()


def test_the_places_of_a_kind_give_its_key() -> None:
    standard, visit = kinds.file_kinds()["standard"], kinds.file_kinds()["visit"]
    assert standard.match(("standards", "A", "A1.yaml")) == "A1"
    assert standard.match(("standards", "A1.yaml")) == "A1"
    assert standard.match(("standards", "A", ".A1.yaml")) is None
    assert visit.match(("visits", "de-linde.yaml")) == "de-linde"
    assert visit.match(("visits", "x", "de-linde.yaml")) is None
    assert visit.match(("visits", "de-linde.yml")) is None


@pytest.mark.usefixtures("fake_kinds")
def test_a_registered_kind_is_listed_validated_and_loaded(tmp_path: Path) -> None:
    root = network(
        tmp_path / "net",
        {
            NOTE: "id: huiskamer\ntext: Rustig en warm.\n",
            "cycles/2025/notes/de-linde/gang.yaml": "id: gang\ntext: Druk.\nkleur: rood\n",
            "series/valincidenten.csv": "period,institution,value\n2025-01,de-linde,3\n",
        },
    )
    net = load_network(root, use_cache=False)
    data = net.cycles["2025"]
    assert data.files["note"]["de-linde/huiskamer"].model.text == "Rustig en warm."
    assert data.failed["note"] == {"de-linde/gang"}
    assert net.tables["series"]["valincidenten"].rel == "series/valincidenten.csv"
    assert [(f.code, f.file) for f in found(root)] == [
        ("LC101", "cycles/2025/notes/de-linde/gang.yaml")
    ]


@pytest.mark.usefixtures("fake_kinds")
def test_a_file_in_no_kinds_place_names_the_places_there_are(tmp_path: Path) -> None:
    root = network(tmp_path / "net", {"cycles/2025/notes/huiskamer.yaml": "id: huiskamer\n"})
    (finding,) = found(root)
    assert finding.code == "LC020"
    assert finding.message.endswith(
        "a cycle folder holds cycle.yaml, evaluation.yaml, standards/, self-reviews/, visits/, "
        "actions/ and notes/"
    )


def _method(guard: bool, emitted: list[str]) -> Method:
    """A method with one network-wide output; its guard marks what it read, if it has one."""

    def emit(run: ReportRun) -> None:
        rel = NETWORK.path(run.cycle, None, "notes")
        emitted.append(rel.as_posix())
        run.build.emit(rel, "fake", NETWORK.name, None)

    def read(run: ReportRun) -> None:
        run.build.mark_guarded(run.build.guarded_files().get("network", []))

    return Method(
        "fake",
        "notities",
        "LC7",
        check=lambda _net, _day: [],
        actions=lambda _net: [],
        targets=lambda _net: {},
        references=lambda _net: [],
        reports=emit,
        guard=read if guard else None,
    )


@pytest.mark.parametrize("guarded", [True, False])
def test_a_methods_reports_are_built_and_nothing_leaves_unguarded(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, guarded: bool
) -> None:
    from leercyclus import methods
    from leercyclus.commands import pipeline
    from leercyclus.methods import peerreview
    from leercyclus.methods.peerreview.reports import ReportRequest

    emitted: list[str] = []
    method = _method(guarded, emitted)
    monkeypatch.setattr(methods, "registered", lambda: [peerreview.METHOD, method])
    from leercyclus.publishing import render

    original = render.Renderer.render

    def rendering(self: render.Renderer, name: str, **context: object) -> str:
        return "# Notities\n" if name.startswith("fake.") else original(self, name, **context)

    monkeypatch.setattr(render.Renderer, "render", rendering)
    result = pipeline.check(minimal, today=dt.date(2025, 6, 1))
    request = ReportRequest(formats=("md",), out=minimal / "build")
    if guarded:
        outputs = pipeline.build_reports(result, request)
        assert emitted == ["2025/network/notes"]
        assert (minimal / "build/2025/network/notes.md").read_text() == "# Notities\n"
        assert {o.scope for o in outputs} == {"confidential", "public", "network"}
    else:
        with pytest.raises(OutputError, match="no leak guard read notes.md"):
            pipeline.build_reports(result, request)
        assert not (minimal / "build/2025").exists()


def test_a_methods_facts_reach_only_their_own_institutions_report(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leercyclus import methods
    from leercyclus.commands import pipeline
    from leercyclus.loading.method import Fact
    from leercyclus.methods import peerreview
    from leercyclus.methods.peerreview.reports import ReportRequest

    seen: list[list[Fact]] = []

    def facts(_net: object, cycle: str, language: str) -> list[Fact]:
        assert (cycle, language) == ("2025", "nl")
        return [
            Fact("fake", "de-linde", "project", "Naasten eerder betrekken is afgerond."),
            Fact("fake", "nobody-here", "project", "Dit hoort bij niemand in de cyclus."),
        ]

    def emit(run: ReportRun) -> None:
        seen.append(run.facts)

    method = Method(
        "fake",
        "notities",
        "LC7",
        check=lambda _net, _day: [],
        actions=lambda _net: [],
        targets=lambda _net: {},
        references=lambda _net: [],
        reports=emit,
        facts=facts,
        checks_without_files=True,  # it has no file kinds; a method without files is not asked
    )
    monkeypatch.setattr(methods, "registered", lambda: [peerreview.METHOD, method])
    result = pipeline.check(minimal, today=dt.date(2025, 6, 1))
    pipeline.build_reports(result, ReportRequest(formats=("md", "html"), out=minimal / "build"))
    reports = sorted((minimal / "build/2025/confidential").glob("*/institution-report.md"))
    assert len(reports) >= 2
    for report in reports:
        text = report.read_text(encoding="utf-8")
        mine = report.parent.name == "de-linde"
        assert ("Naasten eerder betrekken is afgerond" in text) is mine
        assert ("Uit de andere leervormen van het netwerk" in text) is mine
        assert "hoort bij niemand" not in text
    html = (minimal / "build/2025/confidential/de-linde/institution-report.html").read_text()
    assert 'href="#other-methods"' in html
    assert [f.institution for f in seen[0]] == ["de-linde"]
    public = "".join(p.read_text() for p in (minimal / "build/2025/public").rglob("*.md"))
    assert "Naasten eerder betrekken" not in public


def test_a_method_holds_a_repository_by_its_files_valid_or_not(tmp_path: Path) -> None:
    """`check` runs a method's rules only where the repository has a file of its kinds: a file
    that fails its model counts, a file of another method does not."""
    root = network(tmp_path / "net", {"people.yaml": "people: [{id: p1}]\n"})  # role missing
    net = load_network(root)
    assert "people" in net.failed
    assert net.holds("groups")
    assert not net.holds("audit")
    assert not net.holds("improvement")
    assert net.holds("peerreview")
    assert not load_network(network(tmp_path / "plain")).holds("groups")


def test_a_method_without_files_in_the_repository_is_not_asked_for_facts(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leercyclus import methods
    from leercyclus.commands import pipeline
    from leercyclus.methods import peerreview

    def facts(_net: object, _cycle: str, _language: str) -> list[object]:
        raise AssertionError("a method with no files was asked for facts")

    method = Method(
        "fake",
        "notities",
        "LC7",
        check=lambda _net, _day: [],
        actions=lambda _net: [],
        targets=lambda _net: {},
        references=lambda _net: [],
        facts=facts,  # type: ignore[arg-type]
    )
    monkeypatch.setattr(methods, "registered", lambda: [peerreview.METHOD, method])
    net = pipeline.check(minimal, today=dt.date(2025, 6, 1)).network
    assert pipeline.gather_facts(net, "2025", "nl", ["de-linde"]) == []
