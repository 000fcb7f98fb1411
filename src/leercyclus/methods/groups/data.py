"""The groups part of a loaded network: people, each cycle's groups, stories, and history."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from leercyclus.models.groups import EXPERIENCE_ROLES, GroupSettings

if TYPE_CHECKING:
    from leercyclus.loading.network import Loaded, Network
    from leercyclus.models.groups import Group, Person, Rotation, Story


def people(net: Network) -> dict[str, Person]:
    """Everyone in people.yaml by id (empty when there is none or it does not validate)."""
    register = net.files.get("people", {}).get("")
    return {} if register is None else {p.id: p for p in register.model.people}


def people_file(net: Network) -> Loaded[Any] | None:
    return net.files.get("people", {}).get("")


def people_known(net: Network) -> bool:
    """Whether person ids can be checked (people.yaml exists and validated)."""
    return people_file(net) is not None


def groups(net: Network, cycle: str) -> dict[str, Loaded[Group]]:
    """The cycle's valid group files by id."""
    data = net.cycles.get(cycle)
    return {} if data is None else dict(sorted(data.files.get("group", {}).items()))


def stories(net: Network, cycle: str) -> dict[str, Loaded[Story]]:
    data = net.cycles.get(cycle)
    return {} if data is None else dict(sorted(data.files.get("story", {}).items()))


def rotation(net: Network, cycle: str) -> Loaded[Rotation] | None:
    data = net.cycles.get(cycle)
    return None if data is None else data.files.get("rotation", {}).get("")


def settings(net: Network) -> GroupSettings:
    return GroupSettings() if net.settings is None else net.settings.model.groups


def all_groups(net: Network) -> Iterator[tuple[str, Loaded[Group]]]:
    """(cycle, group) for every group of every cycle, oldest cycle first."""
    for cycle in net.cycle_order():
        for loaded in groups(net, cycle).values():
            yield cycle, loaded


def has_experience(group: Group, known: dict[str, Person]) -> bool:
    """Whether a client, relative or expert by experience sits in the group."""
    return any(m in known and known[m].role in EXPERIENCE_ROLES for m in group.members)


def disciplines(group: Group, known: dict[str, Person]) -> set[str]:
    """The different disciplines of the group's professionals."""
    found = (known[m] for m in group.members if m in known)
    return {p.discipline.casefold() for p in found if p.role == "professional" and p.discipline}


def unchanged_cycles(net: Network, cycle: str, group: Group) -> int:
    """How many cycles in a row, up to and including `cycle`, a group of the same kind had
    exactly these members."""
    order = net.cycle_order()
    members = frozenset(group.members)
    count = 0
    for earlier in reversed(order[: order.index(cycle) + 1]):
        same = any(
            g.model.kind == group.kind and frozenset(g.model.members) == members
            for g in groups(net, earlier).values()
        )
        if not same:
            break
        count += 1
    return count


def next_cycle(net: Network, cycle: str) -> str | None:
    order = net.cycle_order()
    at = order.index(cycle)
    return order[at + 1] if at + 1 < len(order) else None
