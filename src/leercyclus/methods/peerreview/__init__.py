"""The peer-review cycle: standards, self-reviews, review days, reports, actions and evaluation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from leercyclus.loading.method import Method

if TYPE_CHECKING:  # registering the method imports none of its parts (start-up stays fast)
    from leercyclus.loading.network import Network
    from leercyclus.repository.findings import Finding
    from leercyclus.rules.actions import TrackedAction


def _check(net: Network, today: dt.date) -> list[Finding]:
    from leercyclus.methods.peerreview.crossref import cross_check
    from leercyclus.methods.peerreview.history import review_flags
    from leercyclus.methods.peerreview.publishable import publishable_findings

    return [*cross_check(net, today), *review_flags(net), *publishable_findings(net)]


def _actions(net: Network) -> Iterator[TrackedAction]:
    from leercyclus.rules.actions import TrackedAction

    for data in net.cycles.values():
        for inst, plan in data.actions.items():
            for n, action in enumerate(plan.model.actions):
                yield TrackedAction(plan.rel, ("actions", n), action, inst)


def _targets(net: Network) -> dict[str, set[str]]:
    from leercyclus.models.refs import slug

    found: dict[str, set[str]] = {
        "standard": set(),
        "action": set(),
        "parel": set(),
        "oester": set(),
    }
    for cycle, data in net.cycles.items():
        found["standard"] |= {f"{cycle}/{sid}" for sid in data.standard_ids()}
        for inst, plan in data.actions.items():
            found["action"] |= {f"{cycle}/{inst}/{a.id}" for a in plan.model.actions}
        for inst in data.failed.get("actions", set()):  # unreadable: anything in it may exist
            found["action"].add(f"{cycle}/{inst}/*")
        for inst, visit in data.visits.items():
            found["parel"] |= {f"{cycle}/{inst}/{slug(p.title)}" for p in visit.model.parels}
            found["oester"] |= {f"{cycle}/{inst}/{slug(o.title)}" for o in visit.model.oesters}
    return found


METHOD = Method(
    name="peerreview",
    title="visitatiecyclus",
    codes="LC2",
    check=_check,
    actions=_actions,
    targets=_targets,
    references=lambda _net: (),  # only its actions' sources, which the shared rule reads
    checks_without_files=True,
)
