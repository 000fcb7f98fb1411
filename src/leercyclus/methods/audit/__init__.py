"""The Samen-Audit: observations on location, scores that start conversations at every level of
the organisation, and the agreements that come of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from leercyclus.loading.method import Method, lazy

if TYPE_CHECKING:  # registering the method imports none of its parts (start-up stays fast)
    from leercyclus.loading.network import Network
    from leercyclus.rules.actions import TrackedAction


def _actions(net: Network) -> Iterator[TrackedAction]:
    from leercyclus.methods.audit.data import audit_cycles
    from leercyclus.rules.actions import TrackedAction

    for cycle in audit_cycles(net):
        for (inst, _), talk in cycle.conversations.items():
            for n, action in enumerate(talk.model.agreements):
                yield TrackedAction(talk.rel, ("agreements", n), action, inst)


def _targets(net: Network) -> dict[str, set[str]]:
    from leercyclus.methods.audit.data import audit_cycles

    return {
        "audit": {
            f"{cycle.id}/{inst}/{loc}" for cycle in audit_cycles(net) for inst, loc in cycle.audits
        }
    }


METHOD = Method(
    name="audit",
    title="Samen-Audit",
    codes="LC3",
    check=lazy("leercyclus.methods.audit.check", "check_audits"),
    actions=_actions,
    targets=_targets,
    references=lambda _net: (),  # only its actions' sources, which the shared rule reads
    reports=lazy("leercyclus.methods.audit.reports", "emit_reports"),
    guard=lazy("leercyclus.methods.audit.reports", "guard_public"),
    facts=lazy("leercyclus.methods.audit.facts", "audit_facts"),
)
