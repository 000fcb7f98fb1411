"""Which network figures every report may show: none of a few institutions, not even by
subtracting last cycle's report (the rule itself is privacy.anonymize.safe_beside)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from leercyclus.loading.network import CycleData, Network
from leercyclus.methods.peerreview.aggregate import Distribution, final_outcomes, network_picture

Withheld = Literal["small", "changed"]
"""Why a figure is not shown: fewer than min_group institutions, or a group that differs from
the previous cycle's by a few (see `published_picture`)."""


@dataclass(frozen=True, slots=True)
class Published:
    """The network's figure for a standard as every report may show it, and why if not."""

    picture: Distribution | None
    group: frozenset[str]
    """The institutions behind it: those with an outcome (not applicable too)."""
    withheld: Withheld | None


def published_picture(
    net: Network, data: CycleData, standard_id: str, min_group: int, _depth: int = 0
) -> Published:
    """The network's figure for a standard, withheld where it would describe a few institutions.

    Withheld when fewer than `min_group` institutions judged the standard, and when the
    previous cycle published a figure for the standard this one continues (or, not marked so,
    has the same id) over a group that differs from this one's by fewer than `min_group`: a
    reader who knows both participant lists would subtract the two figures and read the outcome
    of who joined or left (privacy.anonymize.safe_beside). Both the national report and the
    network column of the institution reports show only what this allows.
    """
    key = ("published", standard_id, min_group)
    if key in data.memo:
        found: Published = data.memo[key]
        return found
    from leercyclus.privacy.anonymize import safe_beside

    group = frozenset(final_outcomes(data, standard_id))
    picture = network_picture(data, standard_id, min_group)
    result = Published(picture, group, None if picture is not None else "small")
    before = _previous_standard(net, data, standard_id)
    if picture is not None and before is not None and _depth < len(net.cycles):
        earlier = published_picture(net, before[0], before[1], min_group, _depth + 1)
        if earlier.picture is not None and not safe_beside(group, [earlier.group], min_group):
            result = Published(None, group, "changed")
    data.memo[key] = result
    return result


def _previous_standard(
    net: Network, data: CycleData, standard_id: str
) -> tuple[CycleData, str] | None:
    """The previous cycle and the id there of the standard `standard_id` continues (or shares)."""
    previous_id = data.cycle.model.previous if data.cycle else None
    previous = net.cycles.get(previous_id) if previous_id else None
    if previous is None or previous is data:
        return None
    standard = next((s.model for s in data.standards.values() if s.model.id == standard_id), None)
    earlier = standard.continues if standard is not None and standard.continues else standard_id
    if not any(s.model.id == earlier for s in previous.standards.values()):
        return None
    return previous, earlier
