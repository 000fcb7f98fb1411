"""The Samen-Audit: observations on location, scores that start conversations at every level of
the organisation, and the agreements that come of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from leercyclus.loading.method import Method

if TYPE_CHECKING:  # registering the method imports none of its parts (start-up stays fast)
    from leercyclus.loading.method import Fact, ReportRun
    from leercyclus.loading.network import Network
    from leercyclus.repository.findings import Finding
    from leercyclus.rules.actions import TrackedAction
    from leercyclus.rules.references import FoundReference


def _check(net: Network, today: dt.date) -> list[Finding]:
    from leercyclus.methods.audit.check import check_audits

    return check_audits(net, today)


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


def _references(net: Network) -> Iterable[FoundReference]:
    from leercyclus.rules.references import FoundReference

    return (
        FoundReference(item.file, (*item.path, "source"), item.action.source)
        for item in _actions(net)
        if item.action.source is not None
    )


def _reports(run: ReportRun) -> None:
    from leercyclus.methods.audit.reports import emit_reports

    emit_reports(run)


def _facts(net: Network, cycle: str, language: str) -> Iterable[Fact]:
    from leercyclus.methods.audit.facts import audit_facts

    return audit_facts(net, cycle, language)


def _guard(run: ReportRun) -> None:
    from leercyclus.methods.audit.reports import guard_public

    guard_public(run)


METHOD = Method(
    name="audit",
    title="Samen-Audit",
    codes="LC3",
    check=_check,
    actions=_actions,
    targets=_targets,
    references=_references,
    reports=_reports,
    guard=_guard,
    facts=_facts,
)
