"""The loaded repository: every valid file's model, grouped by cycle, and what failed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from leercyclus.errors import UsageError
from leercyclus.models.kinds import file_kinds
from leercyclus.repository.cache import file_digest
from leercyclus.repository.findings import Finding, error, suggest
from leercyclus.repository.listing import Listing, SourceFile, list_files

if TYPE_CHECKING:  # imported where used: loading starts its workers before pydantic is loaded
    from pydantic import BaseModel

    from leercyclus.models import (
        ActionPlan,
        Cycle,
        Evaluation,
        InstitutionRegister,
        SelfReview,
        Settings,
        Standard,
        Visit,
    )

M = TypeVar("M", bound="BaseModel")


@dataclass(frozen=True, slots=True)
class Loaded(Generic[M]):
    """A valid file: where it came from, and its model."""

    source: SourceFile
    model: M

    @property
    def rel(self) -> str:
        return self.source.rel


@dataclass
class CycleData:
    """One cycle's files. `failed` holds the stems of files that did not validate."""

    id: str
    cycle: Loaded[Cycle] | None = None
    standards: dict[str, Loaded[Standard]] = field(default_factory=dict)
    self_reviews: dict[str, Loaded[SelfReview]] = field(default_factory=dict)
    visits: dict[str, Loaded[Visit]] = field(default_factory=dict)
    actions: dict[str, Loaded[ActionPlan]] = field(default_factory=dict)
    evaluation: Loaded[Evaluation] | None = None
    failed: dict[str, set[str]] = field(default_factory=dict)
    files: dict[str, dict[str, Loaded[Any]]] = field(default_factory=dict)
    """The cycle's files of the other learning methods: kind -> key -> file (models/kinds.py)."""
    tables: dict[str, dict[str, SourceFile]] = field(default_factory=dict)
    """The cycle's CSV files: kind -> key -> file, read by the method they belong to."""
    memo: dict[tuple[object, ...], Any] = field(default_factory=dict, repr=False, compare=False)
    """Figures computed once per cycle (the network's picture per standard)."""

    def typed_kinds(self) -> set[str]:
        """The kinds of the valid files kept in the typed fields (the peer-review cycle's)."""
        typed = {
            "cycle": self.cycle,
            "standard": self.standards,
            "self-review": self.self_reviews,
            "visit": self.visits,
            "actions": self.actions,
            "evaluation": self.evaluation,
        }
        return {kind for kind, found in typed.items() if found}

    def standard_ids(self) -> set[str]:
        """Ids a reference may name: valid standards, and files too broken to read their id."""
        return set(self.standards) | self.failed.get("standard", set())

    @property
    def complete(self) -> bool:
        return self.cycle is not None


@dataclass
class Network:
    """The whole repository as loaded; `findings` are those of the files themselves."""

    root: Path
    settings: Loaded[Settings] | None
    register: Loaded[InstitutionRegister] | None
    cycles: dict[str, CycleData]
    findings: list[Finding]
    file_count: int
    contents: dict[str, str | None] = field(default_factory=dict)
    """Each file's content hash as it was read (None: unreadable), by path from the root."""
    listing: list[Finding] = field(default_factory=list)
    """What listing the files found: missing, misplaced and unknown files."""
    files: dict[str, dict[str, Loaded[Any]]] = field(default_factory=dict)
    """Files outside cycles/ of the learning methods: kind -> key -> file (models/kinds.py)."""
    tables: dict[str, dict[str, SourceFile]] = field(default_factory=dict)
    """CSV files outside cycles/: kind -> key -> file, read by the method they belong to."""
    failed: dict[str, set[str]] = field(default_factory=dict)
    """Keys of the files outside cycles/ that did not validate, by kind."""

    def cycle_order(self) -> list[str]:
        """Cycle ids from oldest to newest (numbers inside ids compare as numbers)."""
        return sorted(self.cycles, key=natural_key)

    def cycles_up_to(self, cycle: str) -> list[str]:
        """Cycle ids from oldest to `cycle` itself; none for a cycle the network does not hold."""
        order = self.cycle_order()
        return order[: order.index(cycle) + 1] if cycle in order else []

    def holds(self, method: str) -> bool:
        """Whether the repository has a file of one of `method`'s kinds (models/kinds.py):
        valid, failed or a table, in a cycle or outside."""
        kinds = {kind.name for kind in file_kinds().values() if kind.method == method}
        places: list[Iterable[str]] = [self.files, self.failed, self.tables]
        for data in self.cycles.values():
            places += [data.files, data.failed, data.tables, data.typed_kinds()]
        return any(not kinds.isdisjoint(place) for place in places)

    def institution_ids(self) -> set[str] | None:
        """The registered ids, or None when institutions.yaml could not be read."""
        if self.register is None:
            return None
        return {i.id for i in self.register.model.institutions}


def natural_key(text: str) -> list[tuple[int, int | str]]:
    """Sort key in which '2025-2' < '2025-10'."""
    return [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", text) if p]


def start_loading(root: Path, listing: Listing) -> None:
    """Start parsing the YAML files of `listing` in the background when none of them is cached:
    `load_network` of the same listing then takes the work over."""
    from leercyclus.loading.load import start_early

    start_early(root, _split_tables(listing[0])[0])


def _split_tables(sources: list[SourceFile]) -> tuple[list[SourceFile], list[SourceFile]]:
    """The files the loader parses (YAML), and the tables (CSV) their methods read."""
    kinds = file_kinds()
    tables = [s for s in sources if kinds[s.kind].csv]
    return ([s for s in sources if not kinds[s.kind].csv] if tables else sources), tables


def load_network(root: Path, *, use_cache: bool = True, listing: Listing | None = None) -> Network:
    """Read and validate every file of the repository at `root` (or of `listing`, when the
    caller has just listed them)."""
    from leercyclus.loading.load import load_sources

    listed, found = listing if listing is not None else list_files(root)
    sources, tables = _split_tables(listed)  # CSV files are read by their method
    results, contents = load_sources(root, sources, use_cache=use_cache)
    network = assemble(root, results, list(found))
    network.contents, network.listing = contents, list(found)
    for table in tables:
        owner = (
            network.cycles.setdefault(table.cycle, CycleData(table.cycle)) if table.cycle else None
        )
        into = owner.tables if owner is not None else network.tables
        into.setdefault(table.kind, {})[table.key] = table
        try:  # check's remembered answer depends on the tables too
            network.contents[table.rel] = file_digest(table.path)
        except OSError:
            network.contents[table.rel] = None
    return network


def assemble(
    root: Path,
    results: Iterable[tuple[SourceFile, BaseModel | None, list[Finding]]],
    findings: list[Finding],
) -> Network:
    """Group validated files into a Network."""
    from leercyclus.models import InstitutionRegister, Settings

    settings: Loaded[Settings] | None = None
    register: Loaded[InstitutionRegister] | None = None
    cycles: dict[str, CycleData] = {}
    outside: dict[str, dict[str, Loaded[Any]]] = {}
    outside_failed: dict[str, set[str]] = {}
    count = 0
    for source, model, file_findings in results:
        count += 1
        findings.extend(file_findings)
        if source.cycle is None:
            if isinstance(model, Settings):
                settings = Loaded(source, model)
            elif isinstance(model, InstitutionRegister):
                register = Loaded(source, model)
            elif model is None:
                outside_failed.setdefault(source.kind, set()).add(source.key)
            elif source.kind not in ("settings", "institutions"):
                outside.setdefault(source.kind, {})[source.key] = Loaded(source, model)
            continue
        data = cycles.setdefault(source.cycle, CycleData(source.cycle))
        misnamed = any(f.code == "LC107" for f in file_findings) and source.kind != "cycle"
        if model is None or misnamed:  # a misnamed file is known by its name, not its id
            data.failed.setdefault(source.kind, set()).add(source.key or source.stem)
            continue
        _place(data, source, model, findings)
    network = Network(root, settings, register, cycles, findings, count)
    network.files, network.failed = outside, outside_failed
    return network


def _place(data: CycleData, source: SourceFile, model: BaseModel, findings: list[Finding]) -> None:
    from leercyclus.models.actions import ActionPlan
    from leercyclus.models.cycle import Cycle
    from leercyclus.models.evaluation import Evaluation
    from leercyclus.models.self_review import SelfReview
    from leercyclus.models.standard import Standard
    from leercyclus.models.visit import Visit

    if isinstance(model, Cycle):
        data.cycle = Loaded(source, model)
    elif isinstance(model, Evaluation):
        data.evaluation = Loaded(source, model)
    elif isinstance(model, Standard):
        _add_unique(data.standards, model.id, Loaded(source, model), findings, "standard")
    elif isinstance(model, SelfReview):
        _add_unique(
            data.self_reviews, model.institution, Loaded(source, model), findings, "self-review"
        )
    elif isinstance(model, Visit):
        _add_unique(data.visits, model.institution, Loaded(source, model), findings, "visit")
    elif isinstance(model, ActionPlan):
        _add_unique(data.actions, model.institution, Loaded(source, model), findings, "action plan")
    else:  # a file of another learning method: its key is its place, unique by itself
        data.files.setdefault(source.kind, {})[source.key] = Loaded(source, model)


def _add_unique(
    into: dict[str, Loaded[M]], key: str, item: Loaded[M], findings: list[Finding], what: str
) -> None:
    if key in into:
        id_field = "id" if what == "standard" else "institution"
        findings.append(
            error(
                item.rel,
                "LC213",
                f"there is already a {what} '{key}' in "
                f"{into[key].rel}: give each its own id, or remove one",
                (id_field,),
            )
        )
        return
    into[key] = item


def require_participant(net: Network, data: CycleData, institution: str) -> None:
    """A UsageError unless `institution` takes part in the cycle: with a did-you-mean, or, for
    a registered institution that is not listed, where to add it."""
    assert data.cycle is not None
    participants = data.cycle.model.participants
    if institution in participants:
        return
    hint = suggest(institution, participants)
    registered = institution in (net.institution_ids() or set())
    raise UsageError(
        f"'{institution}' is not a participant of cycle {data.id}"
        + (f": did you mean '{hint}'?" if hint and not registered else ""),
        f"add it to participants in {data.cycle.rel} first"
        if registered
        else f"the participants are: {', '.join(participants) or '(none)'}",
    )


def choose_cycle(net: Network, wanted: str | None) -> CycleData:
    """The cycle asked for, or the latest one; a UsageError names the cycles there are."""
    order = net.cycle_order()
    if not order:
        raise UsageError(
            "the repository has no cycle yet", "add one with `leercyclus new cycle ID`"
        )
    cycle_id = wanted or order[-1]
    if cycle_id not in net.cycles:
        hint = suggest(cycle_id, order)
        raise UsageError(
            f"there is no cycle '{cycle_id}'" + (f": did you mean '{hint}'?" if hint else ""),
            f"the cycles are: {', '.join(order)}",
        )
    return net.cycles[cycle_id]
