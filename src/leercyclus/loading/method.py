"""What a learning method declares, once, so that every command covers it without knowing it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leercyclus.loading.network import Network
    from leercyclus.repository.findings import Finding
    from leercyclus.rules.actions import TrackedAction
    from leercyclus.rules.references import FoundReference


@dataclass(frozen=True, slots=True)
class Method:
    """A learning method: its name, its block of finding codes, and what it adds to the commands.

    Each callable takes the loaded network; methods import their heavy parts inside them, so that
    registering a method costs nothing at start-up.
    """

    name: str
    """The package under leercyclus.methods, e.g. `peerreview`."""
    title: str
    """What a quality officer calls it."""
    codes: str
    """The prefix of the method's own finding codes, e.g. `LC2` for LC200-LC299."""
    check: Callable[[Network, dt.date], Iterable[Finding]]
    """The method's rules across files (beyond what every model checks by itself)."""
    actions: Callable[[Network], Iterable[TrackedAction]]
    """Every action the method keeps, for the shared action rules and `status`."""
    targets: Callable[[Network], Mapping[str, Collection[str]]]
    """What references may point at: reference kind -> the paths of the items there are."""
    references: Callable[[Network], Iterable[FoundReference]]
    """Every reference the method's files make, to be checked against all methods' targets."""
