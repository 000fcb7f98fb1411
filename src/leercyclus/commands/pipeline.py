"""The stages composed: check() and, later, build_reports()."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from leercyclus.repository.findings import Finding, locate_all, strict
from leercyclus.rules.summary import Summary

if TYPE_CHECKING:
    from leercyclus.loading.method import Fact, Method
    from leercyclus.loading.network import CycleData, Network
    from leercyclus.methods.peerreview.aggregate import Meta
    from leercyclus.methods.peerreview.reports import Progress, ReportRequest
    from leercyclus.publishing.build import Output
    from leercyclus.repository.listing import Listing


def check_summary(
    root: Path,
    *,
    strict_mode: bool = False,
    today: dt.date | None = None,
    cycle: str | None = None,
) -> Summary:
    """`check`, answered from the last run when nothing it depends on has changed; with `cycle`,
    only that cycle's findings and those of the files every cycle shares.

    The answer depends on every file's content, the list of files, the day (overdue actions),
    the git state (review flags) and the leercyclus version; all of them make up the key.
    """
    from leercyclus.rules.summary import remember, summary_key

    if cycle is not None:
        _require_cycle(root, cycle)
    day = today or dt.date.today()
    warm = _LEARNED.pop((root, day), None) or _warm(root, day)
    found = warm.answer
    if found is None:  # keyed by the content as the check read it, not as it may be by now
        result = check(root, today=day, listing=warm.listing, both_cores=True)
        _KEPT[:] = [result]
        found = Summary(result.findings, result.network.file_count)
        network = result.network
        key = summary_key(day, network.contents, network.listing, warm.outside)
        if key:
            remember(root, key, found)
    return _answered(root, found, warm.listing, strict_mode, cycle)


def remembered_summary(
    root: Path,
    *,
    strict_mode: bool = False,
    today: dt.date | None = None,
    cycle: str | None = None,
) -> Summary | None:
    """`check_summary`'s answer if it comes from the last run (nothing changed), else None.

    What was learned on the way (the listing, the git state) is kept for the `check_summary`
    of the same repository and day that follows, so a changed repository is not listed twice;
    `forget` drops it."""
    if cycle is not None:
        _require_cycle(root, cycle)
    day = today or dt.date.today()
    warm = _warm(root, day)
    if warm.answer is None:
        from leercyclus.loading.network import start_loading

        _LEARNED.clear()
        _LEARNED[(root, day)] = warm
        start_loading(root, warm.listing)  # parsing, while the command line starts
        return None
    return _answered(root, warm.answer, warm.listing, strict_mode, cycle)


def forget() -> None:
    """Drop what `remembered_summary` learned of a changed repository, and end the parsing it
    started if no check took it over."""
    _LEARNED.clear()
    load = sys.modules.get("leercyclus.loading.load")  # not imported: nothing was started
    if load is not None:
        load.cancel_early()


@dataclass(frozen=True, slots=True)
class _Warm:
    """A repository as a check finds it before reading any file: its listing, its git state,
    and the remembered answer if nothing changed since it was given (else None)."""

    listing: Listing
    outside: str
    answer: Summary | None


_LEARNED: dict[tuple[Path, dt.date], _Warm] = {}


def _warm(root: Path, day: dt.date) -> _Warm:
    from leercyclus.repository import digests
    from leercyclus.repository.cache import cache_folder
    from leercyclus.repository.listing import list_files
    from leercyclus.rules.summary import current_inputs, outside_state, remembered, summary_key

    outside = outside_state(root)
    stored = remembered(root)
    listing = list_files(root)
    if stored is None:
        return _Warm(listing, outside, None)
    digests.recall(root, cache_folder(root))
    now = summary_key(day, *current_inputs(root, listing), outside)
    return _Warm(listing, outside, stored[1] if stored[0] == now else None)


def _answered(
    root: Path, found: Summary, listing: Listing, strict_mode: bool, cycle: str | None
) -> Summary:
    """The answer as asked (one cycle's, strict); the digests learned kept for the next run."""
    from leercyclus.repository import digests
    from leercyclus.repository.cache import cache_folder

    if cycle is not None:
        found = in_cycle(found, listing, cycle)
    digests.keep(root, cache_folder(root), (source.path for source in listing[0]))
    return Summary(strict(found.findings), found.files) if strict_mode else found


def _require_cycle(root: Path, cycle: str) -> None:
    from leercyclus.errors import UsageError
    from leercyclus.repository.listing import CYCLES

    if not (root / CYCLES / cycle).is_dir():
        folders = sorted(p.name for p in (root / CYCLES).glob("*") if p.is_dir())
        raise UsageError(
            f"there is no cycle '{cycle}' (no folder {CYCLES}/{cycle})",
            f"the cycles are: {', '.join(folders)}"
            if folders
            else "start one with `leercyclus init`",
        )


_KEPT: list[object] = []
"""The last network checked, kept until the process ends: the command line ends it at once
(cli.main), so its objects are never freed one by one (a tenth of a second when large)."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What `check` found, located and sorted, and how many files it read."""

    network: Network
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def check(
    root: Path,
    *,
    strict_mode: bool = False,
    today: dt.date | None = None,
    listing: Listing | None = None,
    both_cores: bool = False,
) -> CheckResult:
    """Load and validate the repository at `root` and apply every cross-file rule.

    With `both_cores` (for `check` alone, whose caller keeps nothing of the methods' work), the
    methods that read their own tables (CSV) apply their rules in a second process while the
    others' run here, when the network is large."""
    from leercyclus.loading.network import load_network

    network = load_network(root, listing=listing)
    # Imported only now, as they import pydantic: loading does that once its workers run.
    from leercyclus.methods import registered

    day = today or dt.date.today()
    methods = [m for m in registered() if m.checks_without_files or network.holds(m.name)]
    targets: dict[str, set[str]] = {}
    for method in methods:
        for kind, paths in method.targets(network).items():
            targets.setdefault(kind, set()).update(paths)
    findings = [*network.findings]
    for found in _per_method(methods, network, day, targets, both_cores):
        findings += found
    located = locate_all(_quiet_closed(findings, network), root)
    return CheckResult(network, strict(located) if strict_mode else located)


SPLIT_FILES = 2_000
"""From this many files on, `check` applies the table-reading methods' rules in a second
process: below it, forking costs more than it saves."""


def _per_method(
    methods: list[Method],
    network: Network,
    day: dt.date,
    targets: dict[str, set[str]],
    both_cores: bool,
) -> list[list[Finding]]:
    """Each method's findings, in the methods' order."""
    from leercyclus.parallel import can_fork, cores

    away = [m for m in methods if _reads_tables(m, network)]
    if (
        not both_cores
        or not away
        or len(away) == len(methods)
        or network.file_count < SPLIT_FILES
        or cores() < 2
        or not can_fork()
    ):
        return [_method_findings(m, network, day, targets) for m in methods]
    import multiprocessing

    from leercyclus.parallel import pool, stop

    _SPLIT[:] = [(away, network, day, targets)]  # what the forked process finds
    executor = pool(1, multiprocessing.get_context("fork"))
    try:
        there = executor.submit(_away)
        found = {
            m.name: _method_findings(m, network, day, targets) for m in methods if m not in away
        }
        found.update(zip((m.name for m in away), there.result(), strict=True))
    except BaseException:
        stop(executor)
        raise
    finally:
        _SPLIT.clear()
    executor.shutdown()
    return [found[m.name] for m in methods]


_SPLIT: list[tuple[list[Method], Network, dt.date, dict[str, set[str]]]] = []
"""The forked process's work, set just before it is forked (nothing of it is pickled)."""


def _away() -> list[list[Finding]]:
    """In the forked process: the findings of the methods it was given."""
    methods, network, day, targets = _SPLIT[0]
    return [_method_findings(m, network, day, targets) for m in methods]


def _method_findings(
    method: Method, network: Network, day: dt.date, targets: dict[str, set[str]]
) -> list[Finding]:
    """One method's rules, its actions' dates and its references."""
    from leercyclus.rules.actions import overdue
    from leercyclus.rules.references import action_sources, check_references

    findings = list(method.check(network, day))
    actions = list(method.actions(network))
    findings += overdue(actions, day)
    found = [*method.references(network), *action_sources(actions)]
    findings += check_references(found, targets)
    return findings


def _reads_tables(method: Method, network: Network) -> bool:
    """Whether `method` has tables (CSV) of `network` to read: work done after loading."""
    from leercyclus.models.kinds import file_kinds

    kinds = {k.name for k in file_kinds().values() if k.method == method.name and k.csv}
    places = [network.tables, *(data.tables for data in network.cycles.values())]
    return any(kind in place for place in places for kind in kinds)


def every_action_source(net: Network) -> list[str]:
    """The `source` of every action of every method: what takes up a national day's ambition
    (a method reads no other method's files, so the pipeline gathers them)."""
    from leercyclus.methods import registered

    return [
        tracked.action.source
        for method in registered()
        for tracked in method.actions(net)
        if tracked.action.source is not None
    ]


def _quiet_closed(findings: list[Finding], network: Network) -> list[Finding]:
    """A closed cycle's files no longer warn: what was left unfinished stays as it was."""
    from leercyclus.repository.listing import CYCLES

    closed = tuple(
        f"{CYCLES}/{data.id}/"
        for data in network.cycles.values()
        if data.cycle is not None and data.cycle.model.closed
    )
    if not closed:
        return findings
    return [f for f in findings if f.severity == "error" or not f.file.startswith(closed)]


def in_cycle(summary: Summary, listing: Listing, cycle: str) -> Summary:
    """Only the findings of one cycle's files and of the files every cycle shares."""
    from leercyclus.repository.listing import CYCLES

    folder = f"{CYCLES}/{cycle}"
    files = sum(1 for source in listing[0] if source.cycle in (None, cycle))
    findings = [
        f
        for f in summary.findings
        if f.file == folder or f.file.startswith(f"{folder}/") or not f.file.startswith(CYCLES)
    ]
    return Summary(findings, files)


def prepare_reports(request: ReportRequest) -> None:
    """Start, before the check, what the reports will need that takes long on a new machine:
    deduce's lookup tables for the national report, built in the background if missing."""
    if request.national:
        from leercyclus.privacy.deidentify import prepare

        prepare()


def build_reports(
    result: CheckResult,
    request: ReportRequest,
    progress: Progress | None = None,
    *,
    force: bool = False,
) -> list[Output]:
    """Build the requested reports from checked data; nothing is written unless all succeed.

    Outputs whose content is unchanged since the last build are left as they are (`force`
    rebuilds everything); the leak guard reads every public output either way.
    """
    from leercyclus.loading.method import ReportRun
    from leercyclus.methods import registered
    from leercyclus.methods.peerreview import reports
    from leercyclus.methods.peerreview.batch import render_institutions
    from leercyclus.parallel import cores
    from leercyclus.publishing.build import Build
    from leercyclus.publishing.convert import template_folders
    from leercyclus.publishing.render import renderer
    from leercyclus.publishing.scopes import PUBLIC
    from leercyclus.repository.write import refuse_links, staging

    if not result.ok:
        raise reports.refuse(len(result.errors))
    net = result.network
    plan = reports.plan(net, request, partial(_meta, net))
    tell = progress or reports.Silent()
    tell.start(len(plan.institutions) + (1 if plan.national else 0) + 1)
    cycle = plan.data.id
    if plan.out.is_relative_to(net.root):  # the repository must not steer where reports go
        refuse_links(net.root, plan.out)
    with staging(plan.out) as stage:
        build = Build(
            out=plan.out,
            stage=stage,
            formats=plan.formats,
            render=renderer(net.root, plan.language),
            templates=template_folders(net.root),
            epoch=reports.epoch(plan.meta),
            force=force,
            volatile=reports.volatile(plan.meta),
        )
        build.load_manifest(cycle)
        facts = gather_facts(net, cycle, plan.language, plan.institutions)
        for fact in facts:
            plan.facts.setdefault(fact.institution, []).append(fact)
        pending = render_institutions(build, net, plan, tell)
        run = ReportRun(
            network=net,
            cycle=cycle,
            language=plan.language,
            build=build,
            today=dt.date.today(),
            institutions=list(request.institutions) or None,
            formats=plan.formats,
            tell=tell,
            facts=facts,
        )
        others = [m for m in registered() if m.name != "peerreview"]
        for method in others:  # while workers render the institution reports, if there are many
            if method.reports is not None:
                method.reports(run)
        national = None
        try:
            if plan.national:  # while workers render the institution reports, if there are many
                from leercyclus.methods.peerreview.national_privacy import prepare

                national = prepare(net, plan, tell)
                rel = PUBLIC.path(cycle, None, "national-report")
                build.emit(rel, "national-report", PUBLIC.name, None, **national.context)
                tell.advance("national report")
        except BaseException:  # interrupted or failed: the workers' reports are not needed
            if pending is not None:
                pending.cancel()
            raise
        if pending is not None:
            pending.wait(build, tell)
        build.convert(cores())
        tell.advance("DOCX and PDF")
        public = build.public_files(cycle)  # also refuses files in public/ that are not ours
        if national is not None:
            national.guard(public)
            build.mark_guarded(public)
        for method in others:
            if method.guard is not None:
                method.guard(run)
        return build.publish(cycle)


def gather_facts(net: Network, cycle: str, language: str, institutions: list[str]) -> list[Fact]:
    """Every method's facts (`loading.method.Fact`) about `institutions` in `cycle`."""
    from leercyclus.methods import registered

    wanted = set(institutions)
    return [
        fact
        for method in registered()
        if method.facts is not None and (method.checks_without_files or net.holds(method.name))
        for fact in method.facts(net, cycle, language)
        if fact.institution in wanted
    ]


def _meta(net: Network, data: CycleData, language: str, out: Path) -> Meta:
    from leercyclus.methods.peerreview.aggregate import Meta
    from leercyclus.publishing.provenance import provenance

    assert net.settings is not None and data.cycle is not None
    settings = net.settings.model
    return Meta(
        network=settings.network,
        language=language,
        cycle_id=data.id,
        cycle_title=data.cycle.model.title,
        min_group=settings.national.min_group,
        participants=len(data.cycle.model.participants),
        standards=len(data.standards),
        provenance=provenance(net.root, out),  # the outputs are no change of the data
    )
