"""`check` on groups: each LC4xx rule in a scenario of its own, with file, line and message."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import Found, found, network

PEOPLE = "people.yaml"
GROUP = "cycles/2025/groups/ig-noord.yaml"
LATER = "cycles/2026/groups/ig-noord.yaml"
STORY = "cycles/2025/stories/pilot.yaml"

PEOPLE_TEXT = """\
people:
  - {id: p1, name: Anouk Verbeek, role: professional, discipline: verpleegkundige}
  - {id: p2, role: professional, discipline: psychiater}
  - {id: p3, role: professional, discipline: psycholoog}
  - {id: p4, role: professional, discipline: verpleegkundige, avoid: [p5]}
  - {id: p5, role: professional, discipline: psychiater}
  - {id: p6, name: Ria Lammers, role: client}
  - {id: p7, role: expert_by_experience}
  - {id: p8, role: professional, discipline: psycholoog}
  - {id: p9, role: professional, discipline: psycholoog}
"""

GROUP_TEXT = """\
id: ig-noord
kind: intervision
title: Intervisiegroep Noord
facilitator: p1
members: [p1, p2, p3, p6, p7, p8]
accreditation: knov-mio
meetings:
  - date: 2025-02-11
    hours: 2
    present: [p1, p2, p3, p6]
    actions:
      - {id: belafspraak, what: Belafspraak maken, owner: p2, due: 2025-04-01, status: done}
  - date: 2025-04-08
    hours: 2
    present: [p1, p2, p3, p7]
    reviewed: [belafspraak]
  - date: 2025-06-10
    hours: 2
    present: [p1, p2, p8]
"""

CYCLE_2026 = """\
id: "2026"
title: Cyclus 2026
domains: [{id: A, title: Bejegening}]
"""

STORY_TEXT = """\
id: pilot
title: Een pilot
teller: psychiater
cycles_of_value: [applied]
story: Wat begon als een pilot is nu vast.
evidence: ["group:2025/ig-noord"]
"""


def groups_network(tmp_path: Path, **overrides: str | None) -> Path:
    files: dict[str, str | None] = {PEOPLE: PEOPLE_TEXT, GROUP: GROUP_TEXT, STORY: STORY_TEXT}
    for key, text in overrides.items():
        files[{"people": PEOPLE, "group": GROUP, "later": LATER, "story": STORY}.get(key, key)] = (
            text
        )
    if LATER in files:
        files["cycles/2026/cycle.yaml"] = CYCLE_2026
    return network(tmp_path, files)


def mine(root: Path) -> list[Found]:
    return [f for f in found(root) if f.code.startswith("LC4")]


def test_a_well_kept_group_has_no_findings(tmp_path: Path) -> None:
    assert found(groups_network(tmp_path)) == []


def _group(old: str, new: str) -> str:
    assert GROUP_TEXT.count(old) == 1, old
    return GROUP_TEXT.replace(old, new)


# fmt: off
CASES = [
    ("unknown_member", {"group": _group("members: [p1,", "members: [p99, p1,")},
     [Found("error", GROUP, 5, 11, "LC401", "'p99' is not in people.yaml")]),
    ("twice_in_register", {"people": PEOPLE_TEXT + "  - {id: p8, role: client}\n"},
     [Found("error", PEOPLE, 11, 10, "LC402", "person 'p8' is listed twice")]),
    ("present_not_member", {"group": _group("present: [p1, p2, p8]", "present: [p1, p2, p8, p4]")},
     [Found("warning", GROUP, 19, 27, "LC403",
            "'p4' was present but is not a member of the group nor its facilitator")]),
    ("no_experience", {"people": PEOPLE_TEXT.replace("role: client", "role: professional")
                       .replace("role: expert_by_experience", "role: professional")},
     [Found("warning", GROUP, 5, 10, "LC404", "the intervision group has no client, relative or "
            "expert by experience among its members")]),
    ("one_discipline", {"people": PEOPLE_TEXT.replace("psychiater}", "verpleegkundige}")
                        .replace("psycholoog}", "verpleegkundige}")},
     [Found("warning", GROUP, 5, 10, "LC405", "the group is not multidisciplinary: 1 "
            "discipline(s), the network asks 2")]),
    ("avoid", {"group": _group("p6, p7, p8]", "p6, p7, p8, p5, p4]")},
     [Found("error", GROUP, 5, 39, "LC406", "'p5' and 'p4' must not share a group "
            "(avoid in people.yaml)")]),
    ("two_groups_of_a_kind", {"cycles/2025/groups/ig-zuid.yaml":
        "id: ig-zuid\nkind: intervision\ntitle: Zuid\nmembers: [p4, p7, p9]\n"},
     [Found("error", "cycles/2025/groups/ig-zuid.yaml", 4, 15, "LC407", "'p7' is also a member"
            " of 'ig-noord', a group of the same kind (set allow_multiple: true if meant)")]),
    ("shuffled_too_soon", {"later": GROUP_TEXT.replace("p6, p7, p8]", "p6, p7, p9]")
                           .replace("present: [p1, p2, p8]", "present: [p1, p2, p9]")},
     [Found("warning", GROUP, 7, 1, "LC408", "the group met 3 time(s) before it was shuffled; "
            "the network sets 4 for trust")]),
    ("unchanged", {"later": GROUP_TEXT},
     [Found("warning", LATER, 5, 1, "LC409", "the same members have met for 2 cycles; the "
            "network rotates after 1: propose new groups with `leercyclus groups rotate`")]),
    ("never_returned_to", {"group": _group("    reviewed: [belafspraak]\n", "")},
     [Found("warning", GROUP, 12, 9, "LC410", "action point 'belafspraak' was never returned to"
            " at a later meeting: list it under a later meeting's `reviewed`")]),
    ("reviewed_unknown", {"group": _group("reviewed: [belafspraak]", "reviewed: [belafspraak, x]")},
     [Found("error", GROUP, 16, 29, "LC411", "'x' is not an action point of an earlier meeting")]),
    ("accreditation", {"group": _group("    hours: 2\n    present: [p1, p2, p8]\n",
                                       "    present: [p1, p2, p8]\n")},
     [Found("warning", GROUP, 17, 11, "LC412", "KNOV MIO: the meeting of 2025-06-10 has no hours"
            " (the proof of participation)")]),
    ("too_few_meetings", {"group": GROUP_TEXT.split("  - date: 2025-06-10")[0]},
     [Found("warning", GROUP, 7, 1, "LC412", "KNOV MIO: 2 meeting(s) in 2025; at least 3 a year "
            "are needed")]),
    ("realized_without_evidence", {"story": STORY_TEXT.replace("[applied]", "[realized]")
                                   .replace('evidence: ["group:2025/ig-noord"]\n', "")},
     [Found("warning", STORY, 4, 18, "LC413", "the story claims realized or transformative value"
            " but links no evidence: add an indicator, action or group under `evidence`")]),
]
# fmt: on


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule(tmp_path: Path, files: dict[str, str], expected: list[Found]) -> None:
    assert mine(groups_network(tmp_path, **files)) == expected


def test_a_story_reference_that_names_nothing_is_lc030(tmp_path: Path) -> None:
    story = STORY_TEXT.replace("group:2025/ig-noord", "group:2025/ig-nord")
    codes = [(f.code, f.file) for f in found(groups_network(tmp_path, story=story))]
    assert codes == [("LC030", STORY)]


def test_group_action_points_are_covered_by_the_overdue_rule(tmp_path: Path) -> None:
    group = _group("status: done}", "status: open}")
    codes = [f.code for f in found(groups_network(tmp_path, group=group))]
    assert codes == ["LC212"]
