"""Improvement cycles: indicators with run and control charts, PDSA projects, client experience
and coded complaint registers, linked to the peer review through references."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from leercyclus.loading.method import Method

if TYPE_CHECKING:  # registering the method imports none of its parts (start-up stays fast)
    from leercyclus.loading.method import Fact, ReportRun
    from leercyclus.loading.network import Network
    from leercyclus.repository.findings import Finding
    from leercyclus.rules.actions import TrackedAction
    from leercyclus.rules.references import FoundReference


def _check(net: Network, today: dt.date) -> list[Finding]:
    from leercyclus.methods.improvement.gather import check

    return check(net, today)


def _actions(net: Network) -> Iterator[TrackedAction]:
    from leercyclus.rules.actions import TrackedAction

    for kind in ("project", "analysis"):
        for key, loaded in sorted(net.files.get(kind, {}).items()):
            for n, action in enumerate(loaded.model.actions):
                yield TrackedAction(loaded.rel, ("actions", n), action, key.split("/")[0])


def _targets(net: Network) -> dict[str, set[str]]:
    return {
        "indicator": set(net.files.get("indicator", {})) | net.failed.get("indicator", set()),
        "project": set(net.files.get("project", {})) | net.failed.get("project", set()),
        "analysis": set(net.files.get("analysis", {})) | net.failed.get("analysis", set()),
    }


def _references(net: Network) -> Iterator[FoundReference]:
    from leercyclus.rules.references import FoundReference

    for loaded in net.files.get("indicator", {}).values():
        for k, ref in enumerate(loaded.model.standards):
            yield FoundReference(loaded.rel, ("standards", k), ref)
    for loaded in net.files.get("project", {}).values():
        project = loaded.model
        for name in ("triggers", "standards"):
            for k, ref in enumerate(getattr(project, name)):
                yield FoundReference(loaded.rel, (name, k), ref)
        for name in ("outcome", "process", "balancing"):
            for k, ref in enumerate(getattr(project.measures, name)):
                yield FoundReference(loaded.rel, ("measures", name, k), ref)
    for loaded in net.files.get("documents", {}).values():
        for n, document in enumerate(loaded.model.documents):
            for k, ref in enumerate(document.standards):
                yield FoundReference(loaded.rel, ("documents", n, "standards", k), ref)
    for kind in ("project", "analysis"):
        for loaded in net.files.get(kind, {}).values():
            for n, action in enumerate(loaded.model.actions):
                if action.source is not None:
                    yield FoundReference(loaded.rel, ("actions", n, "source"), action.source)


def _reports(run: ReportRun) -> None:
    from leercyclus.methods.improvement.reports import emit

    emit(run)


def _facts(net: Network, cycle: str, language: str) -> Iterator[Fact]:
    from leercyclus.methods.improvement.facts import improvement_facts

    return improvement_facts(net, cycle, language)


def _guard(run: ReportRun) -> None:
    from leercyclus.methods.improvement.reports import guard

    guard(run)


METHOD = Method(
    name="improvement",
    title="verbetercycli",
    codes="LC5",
    check=_check,
    actions=_actions,
    targets=_targets,
    references=_references,
    reports=_reports,
    guard=_guard,
    facts=_facts,
)
