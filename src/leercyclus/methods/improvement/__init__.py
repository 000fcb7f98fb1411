"""Improvement cycles: indicators with run and control charts, PDSA projects, client experience
and coded complaint registers, linked to the peer review through references."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from leercyclus.loading.method import Method, lazy

if TYPE_CHECKING:  # registering the method imports none of its parts (start-up stays fast)
    from leercyclus.loading.network import Network
    from leercyclus.rules.actions import TrackedAction
    from leercyclus.rules.references import FoundReference


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


METHOD = Method(
    name="improvement",
    title="verbetercycli",
    codes="LC5",
    check=lazy("leercyclus.methods.improvement.gather", "check"),
    actions=_actions,
    targets=_targets,
    references=_references,
    reports=lazy("leercyclus.methods.improvement.reports", "emit"),
    guard=lazy("leercyclus.methods.improvement.reports", "guard"),
    facts=lazy("leercyclus.methods.improvement.facts", "improvement_facts"),
)
