"""The improvement reports of one cycle: an overview per institution (confidential) and the
network's picture (network scope, read back by the leak guard before it is published)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leercyclus.methods.improvement.gather import gather
from leercyclus.methods.improvement.overview import institution_overview, network_picture
from leercyclus.methods.improvement.texts import TEXTS
from leercyclus.publishing.scopes import CONFIDENTIAL, NETWORK

if TYPE_CHECKING:
    from leercyclus.loading.method import ReportRun

OVERVIEW = "improvement-overview"
PICTURE = "improvement-network"
DEFAULT_MIN_GROUP = 5


def emit(run: ReportRun) -> None:
    """Queue the method's outputs of `run.cycle` into the build."""
    from leercyclus.publishing.provenance import provenance

    net = run.network
    data = gather(net, run.today)
    if not (
        data.indicators
        or data.projects
        or data.answers
        or data.complaints
        or data.analyses
        or data.documents
    ):
        return
    meta = {"provenance": provenance(net.root)}
    words = TEXTS[run.language]
    for inst in _institutions(run):
        run.tell.advance(f"{OVERVIEW} {inst}")
        view = institution_overview(net, data, run.cycle, inst, run.language, run.today)
        if not (
            view.projects
            or view.indicators
            or view.experience
            or view.complaints
            or view.analyses
            or view.documents
        ):
            continue
        rel = CONFIDENTIAL.path(run.cycle, inst, OVERVIEW)
        run.build.emit(
            rel, OVERVIEW, CONFIDENTIAL.name, inst, o=view, w=words, meta=meta, svg=view.svg,
            charts=None,
        )  # fmt: skip
    if run.institutions is not None:  # a run for some institutions writes no network picture
        return
    picture = network_picture(net, data, run.cycle, run.language, run.today, _min_group(run))
    rel = NETWORK.path(run.cycle, None, PICTURE)
    run.build.emit(
        rel, PICTURE, NETWORK.name, None, p=picture, w=words, meta=meta, svg=picture.svg,
        charts=None,
    )  # fmt: skip


def guard(run: ReportRun) -> None:
    """Read every network output of the method back with the leak guard; mark them read."""
    from leercyclus.errors import DataError
    from leercyclus.privacy.anonymize import known_terms
    from leercyclus.privacy.leakguard import find_leaks

    mine = [
        path
        for scope, paths in run.build.guarded_files().items()
        for path in paths
        if path.stem == PICTURE and scope == NETWORK.name
    ]
    if not mine:
        return
    # Names only: the picture is tables of periods and figures, in which a row of numbers
    # reads as a phone number; its words come from indicator and questionnaire definitions.
    leaks = [leak for leak in find_leaks(mine, known_terms(run.network)) if leak.term is not None]
    if leaks:
        first = leaks[0]
        raise DataError(
            f"'{first.found}' ({first.origin}) appears in {first.output.name}, which"
            " goes to every participant: nothing was written. Rename what carries it (an"
            " indicator's or questionnaire's title, a question)."
        )
    run.build.mark_guarded(mine)


def _institutions(run: ReportRun) -> list[str]:
    data = run.network.cycles.get(run.cycle)
    participants = (
        list(data.cycle.model.participants) if data is not None and data.cycle is not None else []
    )
    return [i for i in participants if run.institutions is None or i in run.institutions]


def _min_group(run: ReportRun) -> int:
    settings = run.network.settings
    if settings is None or settings.model.national is None:
        return DEFAULT_MIN_GROUP
    return int(settings.model.national.min_group)
