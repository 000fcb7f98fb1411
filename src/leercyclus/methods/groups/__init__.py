"""Intervision groups and learning networks: people, groups, meetings, rotation and stories."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from leercyclus.loading.method import Method, lazy

if TYPE_CHECKING:  # registering the method imports none of its parts (start-up stays fast)
    from leercyclus.loading.network import Network
    from leercyclus.rules.actions import TrackedAction
    from leercyclus.rules.references import FoundReference


def _actions(net: Network) -> Iterator[TrackedAction]:
    """Every meeting's action points and every evaluation's next steps."""
    from leercyclus.methods.groups import data
    from leercyclus.rules.actions import TrackedAction

    for _, loaded in data.all_groups(net):
        for m, meeting in enumerate(loaded.model.meetings):
            for n, action in enumerate(meeting.actions):
                yield TrackedAction(loaded.rel, ("meetings", m, "actions", n), action)
        for e, evaluation in enumerate(loaded.model.evaluations):
            for n, action in enumerate(evaluation.next):
                yield TrackedAction(loaded.rel, ("evaluations", e, "next", n), action)


def _targets(net: Network) -> dict[str, set[str]]:
    from leercyclus.methods.groups import data

    found: dict[str, set[str]] = {"group": set(), "story": set(), "action": set()}
    for cycle in net.cycle_order():
        cycle_data = net.cycles[cycle]
        for kind in ("group", "story"):
            found[kind] |= {f"{cycle}/{key}" for key in cycle_data.files.get(kind, {})}
            found[kind] |= {f"{cycle}/{key}" for key in cycle_data.failed.get(kind, set())}
        for gid, loaded in data.groups(net, cycle).items():
            group = loaded.model
            ids = [a.id for m in group.meetings for a in m.actions]
            ids += [a.id for e in group.evaluations for a in e.next]
            found["action"] |= {f"{cycle}/{gid}/{aid}" for aid in ids}
    return found


def _references(net: Network) -> Iterable[FoundReference]:
    from leercyclus.methods.groups import data
    from leercyclus.rules.references import FoundReference

    for cycle in net.cycle_order():
        for loaded in data.stories(net, cycle).values():
            for key in ("groups", "evidence"):
                for n, ref in enumerate(getattr(loaded.model, key)):
                    yield FoundReference(loaded.rel, (key, n), ref)


METHOD = Method(
    name="groups",
    title="intervisie en leernetwerken",
    codes="LC4",
    check=lazy("leercyclus.methods.groups.rules", "check_groups"),
    actions=_actions,
    targets=_targets,
    references=_references,
    reports=lazy("leercyclus.methods.groups.reports", "emit_reports"),
    guard=lazy("leercyclus.methods.groups.guard", "guard_outputs"),
    facts=lazy("leercyclus.methods.groups.facts", "group_facts"),
)
