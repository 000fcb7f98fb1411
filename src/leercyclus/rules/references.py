"""One check for references between files (`kind:path`): each must name an item that exists."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from leercyclus.models.refs import split_reference
from leercyclus.repository.findings import Finding, error, suggest
from leercyclus.repository.yamlread import Path_

if TYPE_CHECKING:
    from leercyclus.rules.actions import TrackedAction


@dataclass(frozen=True, slots=True)
class FoundReference:
    """A reference as a file writes it, and where: file (relative) and the path inside it."""

    file: str
    path: Path_
    ref: str


def action_sources(actions: Iterable[TrackedAction]) -> Iterator[FoundReference]:
    """The `source` of every action that has one: the shared action model's one reference, so
    no method lists it among its own."""
    for item in actions:
        if item.action.source is not None:
            yield FoundReference(item.file, (*item.path, "source"), item.action.source)


def check_references(
    found: Iterable[FoundReference], targets: Mapping[str, Collection[str]]
) -> list[Finding]:
    """LC030 for each reference whose item is not among `targets` (kind -> the paths there are),
    with the closest existing item of that kind as a hint."""
    out: list[Finding] = []
    for item in found:
        kind, path, _ = split_reference(item.ref)
        known = targets.get(kind, ())
        if path in known or any(
            k.endswith("/*") and path.startswith(k[:-1]) for k in known
        ):  # `a/b/*`: the items of a file that could not be read
            continue
        hint = suggest(path, sorted(k for k in known if not k.endswith("/*")))
        what = f"there is no {kind} '{path}'"
        out.append(
            error(
                item.file,
                "LC030",
                f"{what}: did you mean '{kind}:{hint}'?" if hint else f"{what} to refer to",
                item.path,
            )
        )
    return out
