"""A small valid Samen-Audit on top of the minimal network: one framework, one audited location,
a team conversation in time; scenarios change one thing each."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path

from helpers import CYCLE, MINIMAL, REGISTER, network

FRAMEWORK = f"{CYCLE}/audit/framework.yaml"
AUDIT = f"{CYCLE}/audit/de-linde/de-horst.yaml"
TEAM = f"{CYCLE}/audit/de-linde/conversations/team-2025-10.yaml"
MANAGEMENT = f"{CYCLE}/audit/de-linde/conversations/mt-2025-11.yaml"

_FILES = {
    REGISTER: MINIMAL[REGISTER].replace(
        "    city: Zwolle\n",
        "    city: Zwolle\n"
        "    locations:\n"
        "      - id: de-horst\n"
        "        name: De Horst\n"
        "        units: [huiskamer-1, huiskamer-2]\n"
        "      - id: de-wei\n"
        "        name: De Wei\n",
    ),
    FRAMEWORK: """\
        scale:
          levels:
            - {id: "1", label: Zorgelijk}
            - {id: "2", label: Aandacht nodig}
            - {id: "3", label: Op orde}
            - {id: "4", label: Voorbeeld}
        themes:
          - id: medicatie
            kind: hard
            title: Medicatieveiligheid
          - id: zinvolle-dag
            kind: soft
            title: Zinvolle dag
            questions: [Wat maakt een dag hier goed?]
        levels:
          - {id: team, title: Teamoverleg}
          - {id: management, title: Managementteam}
        discuss_within_days: 42
        """,
    AUDIT: """\
        location: de-horst
        dates: [2025-09-09, 2025-09-10]
        observers:
          - {id: o1, role: kwaliteitsverpleegkundige, perspective: staff}
          - {id: o2, role: lid cliëntenraad, perspective: client}
        scores:
          medicatie:
            - observer: o1
              unit: huiskamer-1
              score: "3"
              observations: [Aftekenlijst compleet.]
            - {observer: o2, score: "2", observations: [Kar stond open.]}
          zinvolle-dag:
            - {observer: o1, score: "2", observations: [Middag leeg.]}
            - {observer: o2, score: not_observed}
        agreed:
          medicatie: {score: "3", note: Eens na de nabespreking.}
        """,
    TEAM: """\
        id: team-2025-10
        level: team
        date: 2025-10-01
        locations: [de-horst]
        participants: [teamleider, 6 zorgmedewerkers]
        quiz:
          - {theme: zinvolle-dag, answers: {"2": 3, "3": 4}}
        meanings:
          - {theme: zinvolle-dag, text: De middag is leeg.}
        agreements:
          - id: middag
            what: Middagprogramma maken
            owner: teamleider
            due: 2026-03-01
            themes: [zinvolle-dag]
        escalate_to: [management]
        """,
    MANAGEMENT: """\
        id: mt-2025-11
        level: management
        date: 2025-11-04
        participants: [bestuurder]
        """,
}
AUDIT_FILES: dict[str, str] = {rel: textwrap.dedent(text) for rel, text in _FILES.items()}


def audit_network(root: Path, overrides: Mapping[str, str | bytes | None] | None = None) -> Path:
    """The minimal network with the audit files, changed by `overrides`."""
    return network(root, {**AUDIT_FILES, **(overrides or {})})


def changed(rel: str, old: str, new: str) -> str:
    """AUDIT_FILES' text of `rel` with `old` (occurring once) replaced by `new`."""
    text = AUDIT_FILES[rel]
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
    return text.replace(old, new)
