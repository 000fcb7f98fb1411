"""Reflection and the national day: each institution's dialogue guide for its reflection
meeting, the national day (landelijke dag) that closes a cycle: its programme, a handout per
table on a shared oester, a calendar invitation, and the agreements made there; and the parels
catalogue as a static site for anyone (site.py, sitebuild.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from leercyclus.loading.method import Method, lazy

if TYPE_CHECKING:  # registering the method imports none of its parts (start-up stays fast)
    from leercyclus.loading.method import ReportRun
    from leercyclus.loading.network import Network
    from leercyclus.rules.actions import TrackedAction
    from leercyclus.rules.references import FoundReference

KIND = "national-day"


def _actions(net: Network) -> Iterator[TrackedAction]:
    from leercyclus.rules.actions import TrackedAction

    for cycle in net.cycle_order():
        loaded = net.cycles[cycle].files.get(KIND, {}).get("")
        if loaded is None:
            continue
        for n, action in enumerate(loaded.model.agreements):
            yield TrackedAction(loaded.rel, ("agreements", n), action, None)


def _targets(net: Network) -> dict[str, set[str]]:
    """The ambitions of each day, for an action that takes one up (`ambition:<cycle>/<slug>`)."""
    from leercyclus.methods.nationalday.status import ambition_id

    found: dict[str, set[str]] = {"ambition": set()}
    for cycle in net.cycle_order():
        loaded = net.cycles[cycle].files.get(KIND, {}).get("")
        if loaded is not None:
            found["ambition"] |= {ambition_id(cycle, a) for a in loaded.model.ambitions}
    return found


def _references(net: Network) -> Iterator[FoundReference]:
    from leercyclus.rules.references import FoundReference

    for cycle in net.cycle_order():
        loaded = net.cycles[cycle].files.get(KIND, {}).get("")
        if loaded is None:
            continue
        day = loaded.model
        for k, ref in enumerate(day.parels):
            yield FoundReference(loaded.rel, ("parels", k), ref)
        for k, table in enumerate(day.tables):
            yield FoundReference(loaded.rel, ("tables", k, "standard"), table.standard)


def _guard(run: ReportRun) -> None:
    from leercyclus.methods.nationalday import sitebuild
    from leercyclus.methods.nationalday.reports import guard

    guard(run)
    if sitebuild.wanted(run):  # made last: only now does the build know its national reports
        sitebuild.guard(run, sitebuild.make(run))


METHOD = Method(
    name="nationalday",
    title="reflectie en landelijke dag",
    codes="LC7",
    check=lazy("leercyclus.methods.nationalday.day", "check"),
    actions=_actions,
    targets=_targets,
    references=_references,
    reports=lazy("leercyclus.methods.nationalday.reports", "emit"),
    guard=_guard,
)
