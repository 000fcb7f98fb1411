"""The leak guard of the groups' outputs: no client's name in a group's summary, no one's name
in the network's view."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from leercyclus.errors import DataError
from leercyclus.methods.groups import data
from leercyclus.methods.groups.reports import NAMES
from leercyclus.models.groups import EXPERIENCE_ROLES
from leercyclus.privacy.match import Term

if TYPE_CHECKING:
    from leercyclus.loading.method import ReportRun
    from leercyclus.models.groups import Person


def name_terms(people: list[Person]) -> list[Term]:
    """Each name, and its last word as written (a surname that may also be a word: Bos, Vos)."""
    terms: list[Term] = []
    for person in people:
        if not person.name:
            continue
        origin = f"people.yaml: {person.id}"
        terms.append(Term(person.name, "person", origin))
        surname = person.name.split()[-1]
        if len(surname) >= 3 and surname != person.name:
            terms.append(Term(surname, "person", origin, match_case=True))
    return terms


def guard_outputs(run: ReportRun) -> None:
    """Read every output of this method back; refuse the build if a name is found in it."""
    from leercyclus.privacy.leakguard import find_leaks

    known = list(data.people(run.network).values())
    scopes = {
        "group": name_terms([p for p in known if p.role in EXPERIENCE_ROLES]),
        "network": name_terms(known),
    }
    # A group's report names its professionals: a client who shares a surname with one of them
    # ("Anna Kuipers" beside the facilitator "Wouter Kuipers") is not found in that name.
    allowed = {
        "group": [p.name for p in known if p.name and p.role not in EXPERIENCE_ROLES],
        "network": [],
    }
    read: list[Path] = []
    for scope, files in run.build.guarded_files().items():
        mine = [f for f in files if f.stem in NAMES]
        if scope not in scopes or not mine:
            continue
        leaks = find_leaks(mine, scopes[scope], allowed[scope])
        if leaks:
            lines = [f"'{x.found}' ({x.origin}) in {x.output.name}: «{x.context}»"
                     for x in leaks[:10]]  # fmt: skip
            raise DataError(
                "a group or network report would name a person it may not, so nothing was"
                " written:\n  " + "\n  ".join(lines),
                "remove the name from the case, insight or story it comes from",
            )
        read += mine
    run.build.mark_guarded(read)
