"""`groups rotate`, the groups' reports and their leak guard, and `status` rows, on the example."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from leercyclus.cli import run
from leercyclus.commands.pipeline import check
from leercyclus.errors import DataError
from leercyclus.methods.groups.propose import build_problem, group_files, proposal_yaml, propose
from leercyclus.methods.groups.rotation import violations
from leercyclus.methods.groups.status import group_status

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "net"))


def test_the_example_proposal_meets_its_rotation_yaml(example: Path) -> None:
    net = check(example).network
    problem, _ = build_problem(net, "2026")
    assert problem.groups == 3 and (problem.min_size, problem.max_size) == (8, 9)
    assert len(problem.past) == 3  # the three intervision groups of 2025
    proposal = propose(net, "2026", solver="local")
    assert violations(problem, proposal.result.layout) == []
    assert proposal.result.cost >= proposal.result.bound
    text = proposal_yaml(proposal)
    parsed = yaml.safe_load(text)
    assert parsed["lower_bound"] == proposal.result.floor
    assert parsed["repeated_pairs"] == len(proposal.result.repeated)
    assert parsed["weighted_score"] == proposal.result.score
    assert [g["id"] for g in parsed["groups"]] == ["intervisie-1", "intervisie-2", "intervisie-3"]
    placed = sorted(m for g in parsed["groups"] for m in g["members"])
    assert placed == sorted(problem.people)
    together = [g["members"] for g in parsed["groups"] if "p07" in g["members"]]
    assert "p20" in together[0]  # keep_together in rotation.yaml


def test_the_weighted_score_counts_a_last_cycle_pair_as_its_last_cycle_weight(
    example: Path,
) -> None:
    rotation = example / "cycles" / "2026" / "groups" / "rotation.yaml"
    rotation.write_text(rotation.read_text() + "last_cycle_weight: 2\n")
    proposal = propose(check(example).network, "2026", solver="local")  # 2025's groups only
    parsed = yaml.safe_load(proposal_yaml(proposal))
    assert parsed["weighted_score"] == 2 * parsed["repeated_pairs"]
    assert "counts 1 (or last_cycle_weight), older ones less" in proposal_yaml(proposal)


def test_rotate_prints_the_proposal_and_writes_group_files(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in (example / "cycles" / "2026" / "groups").glob("intervisie-*.yaml"):
        path.unlink()
    assert run(["groups", "rotate", str(example), "--cycle", "2026", "--solver", "local"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# Voorstel groepsindeling 2026 (intervision)")
    assert not (example / "cycles" / "2026" / "groups" / "intervisie-1.yaml").exists()
    args = ["groups", "rotate", str(example), "--cycle", "2026", "--solver", "local", "--write"]
    assert run(args) == 0
    written = yaml.safe_load(capsys.readouterr().out)
    for group in written["groups"]:
        made = yaml.safe_load(
            (example / "cycles" / "2026" / "groups" / f"{group['id']}.yaml").read_text()
        )
        assert made["members"] == group["members"]
        assert made["kind"] == "intervision"
    assert [f for f in check(example).findings if f.severity == "error"] == []
    assert run(args) == 1  # the files exist now: nothing is overwritten


def test_rotate_finds_its_repository_as_every_command_does(
    example: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["groups", "rotate", "--cycle", "2026", "--solver", "local"]
    assert run([*args, "--repo", str(example)]) == 0
    assert capsys.readouterr().out.startswith("# Voorstel groepsindeling 2026 (intervision)")
    monkeypatch.chdir(example.parent)
    assert run(args) == 2
    assert "or name it: `leercyclus groups rotate PATH`" in capsys.readouterr().err


def test_rotate_says_which_constraint_cannot_be_met(example: Path) -> None:
    rotation = example / "cycles" / "2026" / "groups" / "rotation.yaml"
    rotation.write_text(rotation.read_text().replace("groups: 3", "groups: 9"))
    net = check(example).network
    with pytest.raises(DataError, match="do not fit 9 groups of 8 to 9"):
        propose(net, "2026", solver="local")


def test_group_files_do_not_overwrite_the_cycle_but_name_new_files(example: Path) -> None:
    net = check(example).network
    files = group_files(net, propose(net, "2026", solver="local"))
    assert sorted(str(p) for p in files) == [
        f"cycles/2026/groups/intervisie-{n}.yaml" for n in (1, 2, 3)
    ]


def test_status_rows(example: Path) -> None:
    net = check(example).network
    rows = {r.group: r for r in group_status(net, "2026", dt.date(2026, 12, 1))}
    assert rows["intervisie-1"].meetings == 4 and rows["intervisie-1"].rotate
    assert not rows["ln-samen-beslissen"].rotate  # a learning network does not rotate
    early = {r.group: r for r in group_status(net, "2026", dt.date(2026, 3, 1))}
    assert early["intervisie-1"].meetings == 1 and not early["intervisie-1"].behind
    late = {r.group: r for r in group_status(net, "2026", dt.date(2027, 4, 1))}
    assert late["intervisie-1"].overdue_actions == 1
    old = {r.group: r for r in group_status(net, "2025", dt.date(2026, 12, 1))}
    assert not old["ig-noord"].rotate  # 2026 has its own intervision groups


@pytest.mark.deduce
def test_reports_name_no_client_and_the_network_view_no_one(example: Path) -> None:
    out = example / "build"
    assert run(["report", str(example), "--cycle", "2026", "--out", str(out)]) == 0
    group = (out / "2026" / "groups" / "intervisie-1" / "group-report.html").read_text()
    assert "Lotte Visscher" in group  # a professional, by name, for her own group
    assert "Marieke Roelofs" not in group and "ervaringsdeskundige p19" in group
    assert (out / "2026" / "groups" / "intervisie-1" / "group-report.docx").exists()
    network = (out / "2026" / "network" / "groups-network.html").read_text()
    assert "Lotte Visscher" not in network and "Visscher" not in network
    assert "Ervaringsdeskundigheid in de hele organisatie" in network
    assert "Een vaste plek voor de ervaringsdeskundige in het MDO" in network  # a story
    # the story's line under it, with its label (a dict's `values` method once stood there)
    assert "Verteld door: psychiater · Soort waarde: potentieel, toegepast" in network
    assert "built-in method" not in network


@pytest.mark.deduce
def test_a_client_name_in_a_shared_insight_stops_the_build(example: Path) -> None:
    path = example / "cycles" / "2026" / "groups" / "intervisie-1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "Niemand voelde zich eigenaar van de uitnodiging.",
            "Ria Lammers voelde zich niet welkom.",
        ),
        encoding="utf-8",
    )
    out = example / "build"
    assert run(["report", str(example), "--cycle", "2026", "--out", str(out)]) == 1
    assert not (out / "2026" / "network").exists()


def test_a_client_who_shares_a_surname_with_a_named_professional_is_not_found_in_that_name(
    example: Path,
) -> None:
    people = example / "people.yaml"
    text = people.read_text(encoding="utf-8")
    assert "name: Marieke Roelofs" in text  # p19, an expert by experience in intervisie-1
    people.write_text(text.replace("name: Marieke Roelofs", "name: Marieke Visscher"), "utf-8")
    out = example / "build"
    args = ["report", str(example), "--cycle", "2026", "--format", "md", "--no-national"]
    assert run([*args, "--out", str(out)]) == 0
    group = (out / "2026" / "groups" / "intervisie-1" / "group-report.md").read_text()
    assert "Lotte Visscher" in group and "Marieke" not in group  # the facilitator, by name
    insight = example / "cycles" / "2026" / "groups" / "intervisie-1.yaml"
    text = insight.read_text(encoding="utf-8")
    insight.write_text(
        text.replace(
            "Niemand voelde zich eigenaar van de uitnodiging.",
            "Mevrouw Visscher voelde zich niet welkom.",
        ),
        encoding="utf-8",
    )
    assert run([*args, "--out", str(example / "build2")]) == 1  # her surname alone still is
    assert not (example / "build2" / "2026").exists()


STORY = "cycles/2026/stories/naasten-vragen.yaml"


def test_new_story_writes_a_story_that_check_asks_to_fill_in(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["new", "story", "naasten-vragen", str(example), "--group", "ln-samen-beslissen"]
    assert run([*args, "--group", "2025/ig-zuid"]) == 0
    assert f"wrote  {STORY}" in capsys.readouterr().out
    text = (example / STORY).read_text()
    assert "# yaml-language-server: $schema=../../../schemas/story.schema.json" in text
    assert "#   - realized (gerealiseerd): het andere werk" in text
    assert 'groups: ["group:2026/ln-samen-beslissen", "group:2025/ig-zuid"]' in text
    assert "share: private" in text
    missing = sorted(
        str(f.path[0]) for f in check(example).findings if f.file == STORY and f.code == "LC103"
    )
    assert missing == ["cycles_of_value", "story", "teller", "title"]
    filled = (
        text.replace("title:  ", "title: Elke keer naar naasten vragen  ")
        .replace("teller:  ", "teller: verpleegkundige  ")
        .replace("cycles_of_value: []", "cycles_of_value: [immediate, applied]")
        .replace(
            "story: >-",
            "story: >-\n  Sinds de intervisie vragen we in elk overleg naar naasten.\n#",
        )
    )
    (example / STORY).write_text(filled)
    assert [f for f in check(example).findings if f.file == STORY] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Naasten"], "'Naasten' cannot be a story's id"),
        (["naasten", "--group", "ig-noord"], "there is no group 'ig-noord' in cycle 2026"),
        (["naasten", "--cycle", "2030"], "there is no cycle '2030'"),
        (["naasten", "--group", "2019/ig-zuid"], "there is no cycle '2019': the cycles are"),
        (["naasten", "--group", "kapot"], "cycles/2026/groups/kapot.yaml has errors"),
        (["drie-goede-vragen"], "already exists: nothing was written"),
    ],
)
def test_new_story_says_what_is_wrong(
    example: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (example / "cycles/2026/groups/kapot.yaml").write_text("id: kapot\nkind: [\n")
    before = sorted(p.name for p in (example / "cycles" / "2026" / "stories").iterdir())
    assert run(["new", "story", args[0], str(example), *args[1:]]) == 2  # a usage error
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in (example / "cycles" / "2026" / "stories").iterdir()) == before


def test_an_institution_hears_of_its_people_s_groups_with_action_points_past_due(
    example: Path,
) -> None:
    from leercyclus.commands.pipeline import gather_facts
    from leercyclus.loading.network import load_network
    from leercyclus.methods.groups.facts import group_facts

    group = example / "cycles" / "2026" / "groups" / "intervisie-1.yaml"
    group.write_text(group.read_text().replace("due: 2027-03-31", "due: 2026-10-01", 1))
    net = load_network(example)
    facts = list(group_facts(net, "2026", "nl", today=dt.date(2026, 12, 1)))
    people = yaml.safe_load((example / "people.yaml").read_text())["people"]
    home = {p["id"]: p.get("institution") for p in people}
    members = ["p05", "p07", "p09", "p13", "p19", "p20", "p22", "p24"]
    assert sorted(f.institution for f in facts) == sorted({home[m] for m in members if home[m]})
    assert {(f.method, f.topic, f.about, f.open) for f in facts} == {
        ("groups", "group-actions", "group:2026/intervisie-1", True)
    }
    assert all("1 actiepunt van de groep staat nog open" in f.text for f in facts)
    assert all("1 oktober 2026" in f.text for f in facts)
    assert not any("Zelfonthulling" in f.text for f in facts)  # the group's own words stay in it
    # before it was due, and after the cycle's last milestone for an action due later, nothing
    assert list(group_facts(net, "2026", "nl", today=dt.date(2026, 9, 30))) == []
    assert list(group_facts(check(EXAMPLE).network, "2026", "nl", today=dt.date(2030, 1, 1))) == []
    institutions = sorted({f.institution for f in facts})
    assert gather_facts(net, "2026", "nl", institutions[:1])[0].institution == institutions[0]


def test_older_cycles_weigh_less_by_the_network_s_half_life(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["new", "cycle", "2027", str(example)]) == 0
    capsys.readouterr()
    rotation = example / "cycles" / "2026" / "groups" / "rotation.yaml"
    (example / "cycles" / "2027" / "groups").mkdir()
    shutil.copy(rotation, example / "cycles" / "2027" / "groups" / "rotation.yaml")
    weights = {
        p.name.split("/")[0]: p.weight
        for p in build_problem(check(example).network, "2027")[0].past
    }
    assert weights == {"2025": 71, "2026": 100}  # the default half-life: 2 cycles
    settings = example / "leercyclus.yaml"
    settings.write_text(settings.read_text() + "groups:\n  half_life: 1\n")
    weights = {
        p.name.split("/")[0]: p.weight
        for p in build_problem(check(example).network, "2027")[0].past
    }
    assert weights == {"2025": 50, "2026": 100}
