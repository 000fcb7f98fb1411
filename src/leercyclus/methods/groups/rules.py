"""`check` for groups: people known, groups with clients and disciplines, rotation, follow-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from leercyclus.methods.groups import data
from leercyclus.methods.groups.accreditation import accreditation_findings
from leercyclus.repository.findings import Finding, error, warning

if TYPE_CHECKING:
    from leercyclus.loading.network import Loaded, Network
    from leercyclus.models.groups import Group, GroupSettings, Person


KIND_WORDS = {
    "intervision": "intervision group",
    "learning_network": "learning network",
    "working_group": "working group",
    "theme_meeting": "theme meeting",
}


def check_groups(net: Network, today: dt.date) -> list[Finding]:
    """Every LC4xx finding of the network."""
    known = data.people(net)
    settings = data.settings(net)
    found = [*_people_register(net)]
    for cycle in net.cycle_order():
        cycle_groups = data.groups(net, cycle)
        found += _one_group_per_kind(cycle_groups)
        for loaded in cycle_groups.values():
            found += _members(net, loaded, known)
            found += _composition(loaded, known, settings)
            found += _rotation(net, cycle, loaded, settings)
            found += _follow_up(loaded)
            found += accreditation_findings(loaded, cycle, today)
        rotation = data.rotation(net, cycle)
        if rotation is not None and data.people_known(net):
            r = rotation.model
            lists = [("people", r.people or [])]
            lists += [("keep_apart", pair) for pair in r.keep_apart]
            lists += [("keep_together", block) for block in r.keep_together]
            for n, (key, ids) in enumerate(lists):
                for pid in ids:
                    if pid not in known:
                        where = (key,) if key == "people" else (key, n - 1)
                        found.append(_unknown(rotation.rel, pid, where))
        for story in data.stories(net, cycle).values():
            values = set(story.model.cycles_of_value)
            if values & {"realized", "transformative"} and not story.model.evidence:
                found.append(
                    warning(
                        story.rel,
                        "LC413",
                        "the story claims realized or transformative value but links no"
                        " evidence: add an indicator, action or group under `evidence`",
                        ("cycles_of_value",),
                    )
                )
    return found


def _unknown(rel: str, pid: str, path: tuple[str | int, ...]) -> Finding:
    return error(rel, "LC401", f"'{pid}' is not in people.yaml", path)


def _people_register(net: Network) -> Iterator[Finding]:
    register = data.people_file(net)
    if register is None:
        return
    known = {p.id for p in register.model.people}
    seen: set[str] = set()
    for n, person in enumerate(register.model.people):
        if person.id in seen:
            yield error(
                register.rel, "LC402", f"person '{person.id}' is listed twice", ("people", n, "id")
            )
        for m, other in enumerate(person.avoid):
            if other not in known:
                yield _unknown(register.rel, other, ("people", n, "avoid", m))
        seen.add(person.id)


def _members(net: Network, loaded: Loaded[Group], known: dict[str, Person]) -> Iterator[Finding]:
    group, rel = loaded.model, loaded.rel
    if not data.people_known(net):
        return
    for n, pid in enumerate(group.members):
        if pid not in known:
            yield _unknown(rel, pid, ("members", n))
    if group.facilitator is not None and group.facilitator not in known:
        yield _unknown(rel, group.facilitator, ("facilitator",))
    belongs = {*group.members, group.facilitator}
    for m, meeting in enumerate(group.meetings):
        for n, pid in enumerate(meeting.present):
            if pid not in known:
                yield _unknown(rel, pid, ("meetings", m, "present", n))
            elif pid not in belongs:
                yield warning(
                    rel,
                    "LC403",
                    f"'{pid}' was present but is not a member of the group nor its facilitator",
                    ("meetings", m, "present", n),
                )


def _composition(
    loaded: Loaded[Group], known: dict[str, Person], settings: GroupSettings
) -> Iterator[Finding]:
    group, rel = loaded.model, loaded.rel
    if not known:
        return
    if group.kind in settings.with_clients and not data.has_experience(group, known):
        yield warning(
            rel,
            "LC404",
            f"the {KIND_WORDS[group.kind]} has no client, relative or expert by experience"
            " among its members",
            ("members",),
        )
    if group.kind in {*settings.rotating, *settings.with_clients}:
        found = data.disciplines(group, known)
        if len(found) < settings.min_disciplines:
            yield warning(
                rel,
                "LC405",
                f"the group is not multidisciplinary: {len(found)}"
                f" discipline(s), the network asks {settings.min_disciplines}",
                ("members",),
            )
    members = set(group.members)
    reported: set[frozenset[str]] = set()
    for pid in group.members:
        person = known.get(pid)
        for other in person.avoid if person else ():
            pair = frozenset((pid, other))
            if other in members and pair not in reported:
                reported.add(pair)
                first, second = sorted(pair, key=group.members.index)
                yield error(
                    rel,
                    "LC406",
                    f"'{first}' and '{second}' must not share a group (avoid in people.yaml)",
                    ("members", group.members.index(second)),
                )


def _one_group_per_kind(cycle_groups: dict[str, Loaded[Group]]) -> Iterator[Finding]:
    seen: dict[tuple[str, str], str] = {}
    for gid, loaded in cycle_groups.items():
        group = loaded.model
        for n, pid in enumerate(group.members):
            other = seen.get((group.kind, pid))
            if other is not None and not group.allow_multiple:
                yield error(
                    loaded.rel,
                    "LC407",
                    f"'{pid}' is also a member of '{other}', a group"
                    " of the same kind (set allow_multiple: true if meant)",
                    ("members", n),
                )
            seen.setdefault((group.kind, pid), gid)


def _rotation(
    net: Network, cycle: str, loaded: Loaded[Group], settings: GroupSettings
) -> Iterator[Finding]:
    group, rel = loaded.model, loaded.rel
    if group.kind not in settings.rotating:
        return
    later = data.next_cycle(net, cycle)
    if later is not None:
        continues = any(
            g.model.kind == group.kind and set(g.model.members) == set(group.members)
            for g in data.groups(net, later).values()
        )
        shuffled = not continues and any(
            g.model.kind == group.kind for g in data.groups(net, later).values()
        )
        if shuffled and len(group.meetings) < settings.meetings_before_rotation:
            yield warning(
                rel,
                "LC408",
                f"the group met {len(group.meetings)} time(s) before it"
                f" was shuffled; the network sets {settings.meetings_before_rotation}"
                " for trust",
                ("meetings",),
                at_key=True,
            )
    unchanged = data.unchanged_cycles(net, cycle, group)
    if unchanged > settings.rotate_after_cycles:
        yield warning(
            rel,
            "LC409",
            f"the same members have met for {unchanged} cycles; the"
            f" network rotates after {settings.rotate_after_cycles}: propose new groups"
            " with `leercyclus groups rotate`",
            ("members",),
            at_key=True,
        )


def _follow_up(loaded: Loaded[Group]) -> Iterator[Finding]:
    """Action ids unique; `reviewed` names earlier actions; every action returned to."""
    group, rel = loaded.model, loaded.rel
    made: dict[str, int] = {}
    for m, meeting in enumerate(group.meetings):
        for n, aid in enumerate(meeting.reviewed):
            if made.get(aid, m) >= m:
                yield error(
                    rel,
                    "LC411",
                    f"'{aid}' is not an action point of an earlier meeting",
                    ("meetings", m, "reviewed", n),
                )
        for n, action in enumerate(meeting.actions):
            if action.id in made:
                yield error(
                    rel,
                    "LC411",
                    f"action point '{action.id}' is used twice in the group",
                    ("meetings", m, "actions", n, "id"),
                )
            made.setdefault(action.id, m)
    for e, evaluation in enumerate(group.evaluations):
        for n, action in enumerate(evaluation.next):
            if action.id in made:
                yield error(
                    rel,
                    "LC411",
                    f"action point '{action.id}' is used twice in the group",
                    ("evaluations", e, "next", n, "id"),
                )
    for m, meeting in enumerate(group.meetings):
        later = group.meetings[m + 1 :]
        if not later:
            continue
        dates = {x.date for x in later if x.date > meeting.date}
        for n, action in enumerate(meeting.actions):
            reviewed = any(action.id in x.reviewed for x in later)
            noted = any(p.date in dates for p in action.progress)
            if not reviewed and not noted:
                yield warning(
                    rel,
                    "LC410",
                    f"action point '{action.id}' was never returned to at"
                    " a later meeting: list it under a later meeting's `reviewed`",
                    ("meetings", m, "actions", n),
                )
