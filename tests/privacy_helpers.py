"""Networks for the privacy tests: a register of 8 institutions, outcome grids, planted texts."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable, Mapping, Sequence
from contextlib import redirect_stderr
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from helpers import build_tree
from leercyclus.cli import run
from leercyclus.methods.peerreview import national_privacy as privacy


@dataclass(frozen=True)
class Institution:
    """One entry of institutions.yaml."""

    id: str
    name: str
    aliases: tuple[str, ...]
    city: str


REGISTER = (
    Institution("de-linde", "Zorggroep De Linde", ("De Linde", "ZGL"), "Zwolle"),
    Institution("het-anker", "Stichting Het Anker", ("Het Anker",), "Deventer"),
    Institution("de-waterlelie", "GGZ De Waterlelie", ("Waterlelie",), "Leeuwarden"),
    Institution("bosrand", "Forensisch Centrum Bosrand", ("FC Bosrand", "Bosrand"), "Apeldoorn"),
    Institution("kempenhof", "Zorgcentrum Kempenhof", ("Kempenhof",), "Den Helder"),
    Institution("zeezicht", "Kliniek Zeezicht", ("Zeezicht",), "Groningen"),
    Institution("het-baken", "Woonzorg Het Baken", ("Het Baken",), "Tilburg"),
    Institution("de-horizon", "Herstelcentrum De Horizon", ("De Horizon",), "Eindhoven"),
)
"""Alphabetical by id this is: bosrand, de-horizon, de-linde, ...: not the order above."""

IDS = tuple(i.id for i in REGISTER)

IDENTITIES = tuple(
    sorted({s for i in REGISTER for s in (i.id, i.name, *i.aliases, i.city)}, key=str.lower)
)
"""Every id, name, alias and city of the register."""

OUTCOME_CODES = {"M": "met", "P": "partly_met", "N": "not_met", "X": "not_applicable"}
"""Outcome grids: one letter per participant; "-" (or "." for teams) means no outcome."""


def yaml(data: Any) -> str:
    """`data` as a YAML file: JSON is YAML 1.2, and quotes every text safely."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def register_file() -> str:
    """institutions.yaml with the 8 institutions of REGISTER."""
    return yaml(
        {
            "institutions": [
                {"id": i.id, "name": i.name, "aliases": list(i.aliases), "city": i.city}
                for i in REGISTER
            ]
        }
    )


def settings_file(
    min_group: int = 5, extra_terms: Sequence[str] = (), network: str = "Kwaliteitsnetwerk Herstel"
) -> str:
    """leercyclus.yaml."""
    national = {"min_group": min_group, "extra_terms": list(extra_terms)}
    return yaml({"network": network, "language": "nl", "formats": ["md"], "national": national})


def cycle_file(
    cycle: str,
    participants: Sequence[str],
    domains: Sequence[str],
    *,
    previous: str | None = None,
    title: str | None = None,
    theme: tuple[str, str] | None = ("Naasten betrekken", "Hoe betrekken jullie naasten?"),
    domain_titles: Mapping[str, str] | None = None,
) -> str:
    """cycles/<cycle>/cycle.yaml; `theme` is (title, the one question)."""
    titles = {"A": "Bejegening", "B": "Regie", "C": "Naasten", **(domain_titles or {})}
    data: dict[str, Any] = {"id": cycle, "title": title or f"Cyclus {cycle}"}
    if previous is not None:
        data["previous"] = previous
    if theme is not None:
        data["theme"] = {"title": theme[0], "questions": [theme[1]]}
    data["domains"] = [{"id": d, "title": titles.get(d, f"Domein {d}")} for d in domains]
    data["participants"] = list(participants)
    return yaml(data)


def standard_file(sid: str, *, continues: bool = False, **texts: str) -> str:
    """A standard whose domain is the first letter of its id."""
    data: dict[str, Any] = {
        "id": sid,
        "domain": sid[0],
        "title": texts.get("title", f"Standaard {sid}"),
        "text": texts.get("text", f"Cliënten ervaren wat standaard {sid} vraagt."),
    }
    if "guidance" in texts:
        data["guidance"] = texts["guidance"]
    if continues:
        data["continues"] = sid
    return yaml(data)


TEAM_NAMES = (
    "Petra Jansen", "Sam de Vries", "Anna Smit", "Youssef El Amrani", "Ingrid van der Meulen",
    "Bram Dekker", "Marloes Wiersma", "Hanneke Vos", "Ruben Kuipers", "Fatima Benali",
    "Joost ter Horst", "Lieke Brouwers", "Thijs van Dongen", "Özlem Yıldız", "Gerrit Wolters",
    "Annemiek Zwart",
)  # fmt: skip
"""Review team members: two per visit, the visited institution's index picks them."""


def team(visited: int, participants: Sequence[str]) -> list[dict[str, str]]:
    """A valid review team for the `visited`-th participant: two members from elsewhere."""
    n = len(participants)
    return [
        {"name": TEAM_NAMES[2 * visited], "role": "chair",
         "institution": participants[(visited + 1) % n]},
        {"name": TEAM_NAMES[2 * visited + 1], "role": "expert_by_experience",
         "institution": participants[(visited + 2) % n]},
    ]  # fmt: skip


def grid_files(
    cycle: str,
    participants: Sequence[str],
    grid: Mapping[str, str],
    teams: Mapping[str, str] | None = None,
    *,
    previous: str | None = None,
    qualitative: bool = False,
) -> dict[str, str]:
    """A cycle whose outcomes are given per standard as one letter per participant.

    `grid["A1"] = "MMPX-..."`: the self-review outcomes (see OUTCOME_CODES); `teams` likewise
    the review teams' judgements ("." or "-": not judged). Standards continue the previous
    cycle's standard of the same id when `previous` is given. With `qualitative`, every
    participant also writes a theme reflection and has a shared parel.
    """
    domains = sorted({sid[0] for sid in grid})
    files = {
        f"cycles/{cycle}/cycle.yaml": cycle_file(cycle, participants, domains, previous=previous)
    }
    for sid in grid:
        files[f"cycles/{cycle}/standards/{sid}.yaml"] = standard_file(
            sid, continues=previous is not None
        )
    for n, inst in enumerate(participants):
        own = {
            sid: {"outcome": OUTCOME_CODES[row[n]], "explanation": f"Zo doen wij {sid}."}
            for sid, row in grid.items()
            if row[n] in OUTCOME_CODES
        }
        review: dict[str, Any] = {"institution": inst, "completed": "2025-02-01", "standards": own}
        if qualitative:
            review["theme"] = f"reflectie {NUMERALS[n]}: naasten schuiven aan."
        files[f"cycles/{cycle}/self-reviews/{inst}.yaml"] = yaml(review)
        judged = {
            sid: {"outcome": OUTCOME_CODES[row[n]]}
            for sid, row in (teams or {}).items()
            if row[n] in OUTCOME_CODES
        }
        visit: dict[str, Any] = {
            "institution": inst, "date": "2025-04-01", "team": team(n, participants)
        }  # fmt: skip
        if judged:
            visit["standards"] = judged
        if qualitative:
            name, email, _ = SHARED[n % len(SHARED)]
            visit["parels"] = [
                {"title": f"werkplaats {NUMERALS[n]}", "text": "Cliënten leiden de werkplaats.",
                 "share": True, "contact": {"name": name, "email": email}}
            ]  # fmt: skip
        files[f"cycles/{cycle}/visits/{inst}.yaml"] = yaml(visit)
    return files


def write(root: Path, files: Mapping[str, str]) -> Path:
    """Write the files (relative path → text) under `root`; returns `root`."""
    return build_tree(root, files)


def report(repo: Path, out: Path, formats: str = "md", *more: str) -> int:
    """`leercyclus report REPO --format FORMATS --out OUT [more]`; the exit code."""
    return run(["report", str(repo), "--format", formats, "--out", str(out), *more])


def report_told(repo: Path, out: Path, formats: str, *more: str) -> tuple[int, str]:
    """`report`'s exit code and what it wrote to stderr, on one line."""
    stderr = io.StringIO()
    with redirect_stderr(stderr):  # the console writes to sys.stderr as it is at the time
        code = report(repo, out, formats, *more)
    return code, " ".join(stderr.getvalue().split())


def report_files(out: Path) -> list[Path]:
    """Every file under `out` (the build's manifest aside), sorted."""
    if not out.exists():
        return []
    return sorted(p for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))


def copy_example(target: Path) -> Path:
    """A copy of examples/herstelnetwerk at `target`, outside git, without build outputs."""
    example = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"
    shutil.copytree(example, target, ignore=shutil.ignore_patterns("build", ".leercyclus"))
    return target


class Spy:
    """Records the privacy.National of each build (monkeypatches privacy.prepare)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.built: list[privacy.National] = []
        real: Callable[..., privacy.National] = privacy.prepare

        def prepare(*args: Any, **kwargs: Any) -> privacy.National:
            national = real(*args, **kwargs)
            self.built.append(national)
            return national

        monkeypatch.setattr(privacy, "prepare", prepare)


PLANTED_PARTICIPANTS = IDS[:6]
"""The planted network's participants; het-baken and de-horizon are registered only."""

EXTRA_TERMS = ("Project Noorderlicht", "Villa Kakelbont")

UNSHARED = (
    ("Ruud Hendriks", "r.hendriks@example.org", "06-12345678"),
    ("Mirjam Oosterhuis", "m.oosterhuis@example.org", "0570-612345"),
    ("Koen Lammers", "k.lammers@example.org", "038 421 5566"),
    ("Wendy Schouten", "w.schouten@example.org", "06 2233 4455"),
    ("Erik Nijhuis", "e.nijhuis@example.org", "050-3112233"),
    ("Saskia Veldhuis", "s.veldhuis@example.org", "0223 654321"),
)
"""(name, e-mail, phone) of each slot's parel that is not shared."""

SHARED = (
    ("Karin de Boer", "k.deboer@example.org", "06-11223344"),
    ("Naima Bouzid", "n.bouzid@example.org", "06-22334455"),
    ("Marieke Wiersema", "m.wiersema@example.org", "06-33445566"),
    ("Ilse Kok", "i.kok@example.org", "06-44556677"),
    ("Sietse Hoekstra", "s.hoekstra@example.org", "06-55667788"),
    ("Anja van Gils", "a.vangils@example.org", "06-66778899"),
)
"""(name, e-mail, phone) of each slot's shared parel: these may, and must, appear."""

INFLECTED = ("De Linde's", "Lindes", "Zwolse", "Zwolle-Zuid", "ZGL-team", "Groningse", "Deventers")
UNKNOWN_CONTACT = ("06-87654321", "+31 6 1234 5678", "info@zorgmail-oost.nl")
"""Phone numbers and an e-mail address the repository does not know: deduce's work."""

TEAM_FORMS = ("P. Jansen", "Jansen", "Petra", "van der Meulen", "Meulen", "El Amrani")

PLANTED = tuple(
    dict.fromkeys(
        [
            *IDENTITIES,
            *INFLECTED,
            *TEAM_NAMES[: 2 * len(PLANTED_PARTICIPANTS)],
            *TEAM_FORMS,
            *(value for contact in UNSHARED for value in contact),
            *UNKNOWN_CONTACT,
            *EXTRA_TERMS,
        ]
    )
)
"""Every identifying string planted in the free texts of the planted network."""

PLANT = (
    "Bij Zorggroep De Linde (ZGL, de-linde) in Zwolle-Zuid zagen we dat De Linde's aanpak werkt; "
    "het ZGL-team en de Lindes vertelden erover aan Zwolse en Groningse collega's. "
    + " ".join(
        f"Ook {i.name} ({', '.join(i.aliases)}; {i.id}) in {i.city} sprak mee." for i in REGISTER
    )
    + " De Deventers waren er ook. "
    + f"Gesprekken met {', '.join(TEAM_NAMES[: 2 * len(PLANTED_PARTICIPANTS)])}; "
    + "daarna belde P. Jansen met Jansen en Petra, en met van der Meulen (Meulen) en El Amrani. "
    + " ".join(f"Bel {name} op {phone} of mail {email}." for name, email, phone in UNSHARED)
    + " Of bel 06-87654321 of +31 6 1234 5678, of mail info@zorgmail-oost.nl. "
    + "Dit hoort bij Project Noorderlicht en Villa Kakelbont."
)
"""One text holding every planted string."""

NUMERALS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht")

REACHING = ("themacitaat", "parelkop", "pareltekst", "oesterkop", "evaluatienotitie",
            "procesverslag")  # fmt: skip
"""Marker words of the free texts that reach the national report (scrubbed)."""

CONFIDENTIAL = ("themareflectie", "zelfuitleg", "bewijsstuk", "zelfdeelnemers", "teamnotitie",
                "verborgenkop", "verborgentekst", "oestertekst", "oestertip", "ambitietekst",
                "actietekst", "actiehouder", "voortgangtekst")  # fmt: skip
"""Marker words of the free texts that never reach the national report."""


def planted(marker: str, slot: int, plant: str = PLANT) -> str:
    """A free text: its marker word, its slot's numeral, the identifying text."""
    return f"{marker} {NUMERALS[slot]}: {plant}"


def planted_files(slots: Sequence[int] = range(6), *, tied_titles: bool = False) -> dict[str, str]:
    """The planted network: 6 participants, every free text holding every planted string.

    Participant i writes the texts of slot `slots[i]` (a permutation), so that tests can give
    the same texts to other institutions. `tied_titles` gives every shared parel the same title.
    Network-level texts (standards, cycle, settings) are clean: see test_privacy_e2e.py.
    """
    participants = PLANTED_PARTICIPANTS
    files = {
        "leercyclus.yaml": settings_file(extra_terms=EXTRA_TERMS),
        "institutions.yaml": register_file(),
        "cycles/2025/cycle.yaml": cycle_file("2025", participants, ["A", "B"]),
        "cycles/2025/evaluation.yaml": yaml(
            {
                "standards": {"A1": {"verdict": "keep", "note": planted("evaluatienotitie", 0)}},
                "process": planted("procesverslag", 0),
            }
        ),
    }
    standards = ("A1", "A2", "B1")
    for sid in standards:
        files[f"cycles/2025/standards/{sid}.yaml"] = standard_file(sid)
    for n, (inst, slot) in enumerate(zip(participants, slots, strict=True)):
        base = f"cycles/2025/{{}}/{inst}.yaml"
        text = partial_planted(slot)
        files[base.format("self-reviews")] = yaml(
            {
                "institution": inst,
                "completed": "2025-02-01",
                "participants": [text("zelfdeelnemers")],
                "standards": {
                    sid: {
                        "outcome": "partly_met",
                        "explanation": text("zelfuitleg"),
                        "evidence": [text("bewijsstuk")],
                    }
                    for sid in standards
                },  # fmt: skip
                "theme": text("themareflectie"),
                "theme_quote": text("themacitaat"),
            }
        )
        name, email, phone = SHARED[slot]
        hidden, hidden_email, hidden_phone = UNSHARED[slot]
        files[base.format("visits")] = yaml(
            {
                "institution": inst,
                "date": "2025-04-01",
                "team": team(n, participants),
                "standards": {"A1": {"outcome": "partly_met", "note": text("teamnotitie")}},
                "parels": [
                    {
                        "title": "Herstelwerkplaats" if tied_titles else text("parelkop"),
                        "text": text("pareltekst"),
                        "standards": ["A1"],
                        "share": True,
                        "contact": {"name": name, "email": email, "phone": phone},
                    },
                    {
                        "title": text("verborgenkop"),
                        "text": text("verborgentekst"),
                        "share": False,
                        "contact": {"name": hidden, "email": hidden_email, "phone": hidden_phone},
                    },
                ],
                "oesters": [
                    {
                        "title": text("oesterkop"),
                        "text": text("oestertekst"),
                        "standards": ["A1"],
                        "suggestion": text("oestertip"),
                    }
                ],
            }
        )
        files[base.format("actions")] = yaml(
            {
                "institution": inst,
                "ambition": text("ambitietekst"),
                "actions": [
                    {
                        "id": "naasten",
                        "what": text("actietekst"),
                        "owner": text("actiehouder"),
                        "due": "2099-01-01",
                        "status": "open",
                        "progress": [{"date": "2025-06-01", "note": text("voortgangtekst")}],
                    }
                ],
            }
        )
    return files


def partial_planted(slot: int) -> Callable[[str], str]:
    """planted(marker, slot) as a function of the marker."""
    return lambda marker: planted(marker, slot)
