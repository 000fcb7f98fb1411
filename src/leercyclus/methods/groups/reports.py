"""The groups' outputs of one cycle: a year summary per group, and the network's view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leercyclus.methods.groups import data
from leercyclus.methods.groups.summary import group_year, network_view
from leercyclus.methods.groups.texts import KINDS, TEXTS
from leercyclus.publishing.scopes import GROUP, NETWORK

if TYPE_CHECKING:
    from leercyclus.loading.method import ReportRun

GROUP_REPORT = "group-report"
NETWORK_REPORT = "groups-network"
NAMES = frozenset({GROUP_REPORT, NETWORK_REPORT})
"""The names (without suffix) of this method's outputs, for its guard."""


def emit_reports(run: ReportRun) -> None:
    """Per group a year summary for its members (group scope); the network's view of all groups
    (network scope). Nothing when the run asks for some institutions' reports only."""
    net, cycle = run.network, run.cycle
    groups = data.groups(net, cycle)
    if run.institutions or not groups:
        return
    language = run.language if run.language in TEXTS else "nl"
    network = net.settings.model.network if net.settings is not None else ""
    common = {"g": TEXTS[language], "kinds": KINDS[language], "network": network}
    for gid in groups:
        year = group_year(net, cycle, gid, language, run.today)
        rel = GROUP.path(cycle, gid, GROUP_REPORT)
        run.build.emit(rel, "groups-group", GROUP.name, None, y=year, **common)
    view = network_view(net, cycle, language)
    rel = NETWORK.path(cycle, None, NETWORK_REPORT)
    run.build.emit(rel, "groups-network", NETWORK.name, None, v=view, **common)
    run.tell.advance("groups")
