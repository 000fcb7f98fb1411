"""What a learning method declares, once, so that every command covers it without knowing it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from pathlib import Path

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
    reports: Callable[[ReportRun], None] | None = None
    """Emit the method's outputs for one cycle into `run.build`, each in its scope."""
    guard: Callable[[ReportRun], None] | None = None
    """After conversion: read every output of the method in a guarded scope with the leak guard
    and mark it read (`run.build.mark_guarded`); the build publishes no guarded output unread."""
    facts: Callable[[Network, str, str], Iterable[Fact]] | None = None
    """What the method knows, in a cycle (second argument) and a language (third), that another
    method's confidential report of the same institution may show (see `Fact`)."""
    checks_without_files: bool = False
    """Whether `check` runs the method's `check`, `actions`, `targets` and `references` on a
    repository that has no file of the method's kinds (models/kinds.py). Most methods' rules
    read only their own files, so a repository without them skips the method (and never
    imports its parts); the peer-review cycle's rules also read every cycle.yaml."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing a method knows about an institution that another method's report may show,
    without the two methods importing each other: an improvement project's result for an oester,
    an audit score that surprised. The report run gathers every method's facts before reports
    are built (`ReportRun.facts`); a fact belongs to its institution's confidential scope and
    must never reach an output that leaves it.
    """

    method: str
    """The method that knows it (its package name)."""
    institution: str
    """Whose fact it is."""
    topic: str
    """What sort of fact, e.g. `project` or `audit-score`: a report chooses the topics it shows."""
    text: str
    """One or two sentences in the run's language, plain text, ready to show (reports escape)."""
    about: str = ""
    """The reference (`kind:path[#part]`) of what it is about, e.g. `oester:2025/de-linde/x`,
    or "" when it is about the institution as a whole."""
    open: bool = False
    """Something is still missing (a project without a result, an agreement not yet kept):
    a dialogue guide asks about it."""


def lazy(module: str, name: str) -> Callable[..., Any]:
    """`module`'s function `name`, imported when first called: what a method registers costs
    nothing at start-up (`reports=lazy("leercyclus.methods.audit.reports", "emit_reports")`)."""

    def call(*args: Any) -> Any:
        return getattr(import_module(module), name)(*args)

    call.__qualname__ = f"{module}.{name}"
    return call


class Progress(Protocol):
    """What a report run tells the user while it works."""

    def advance(self, what: str) -> None: ...


class Outputs(Protocol):
    """What a method writes its outputs into: the build of publishing/build.py."""

    out: Path
    """The output folder (outputs of earlier builds, e.g. earlier cycles' reports, lie there)."""

    def emit(self, rel: Path, template: str, scope: str, inst: str | None, **context: Any) -> None:
        """Render one output in every requested format; `rel` lies in its scope's folder."""

    def emit_file(self, rel: Path, scope: str, inst: str | None, text: str | bytes) -> None:
        """Write one output as it is (a CSV, a calendar, slides made elsewhere); its suffix is
        its format, whatever formats were asked for."""

    def emit_slides(self, rel: Path, scope: str, inst: str | None, markdown: str) -> None:
        """A slide deck (`rel`.pptx) from pandoc Markdown, converted with the other documents."""

    def guarded_files(self) -> dict[str, list[Path]]:
        """Per scope that leaves an institution, its outputs as they will be after this build."""

    def mark_guarded(self, files: list[Path]) -> None:
        """Record that a leak guard has read `files`."""


@dataclass(slots=True)
class ReportRun:
    """One cycle's report run, as every method's report builder and guard see it."""

    network: Network
    cycle: str
    language: str
    build: Outputs
    today: dt.date
    institutions: list[str] | None
    """The institutions asked for (`--institution`), or None for all."""
    formats: list[str]
    tell: Progress
    facts: list[Fact] = field(default_factory=list)
    """Every method's facts about the institutions of this run (see `Fact`)."""
