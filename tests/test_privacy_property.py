"""The property: an identifier of any class, planted in any field the national report prints,
never reaches a public byte, or the build is refused with a message naming it.

The classes are those docs/privacy.md lists: known names in the forms they take (possessives,
capitals, other scripts' look-alike letters, the dotless ı, initials, a name after "mevrouw"),
contact data (e-mail addresses written out, accounts, record numbers, birth dates), an
institution's identity (abbreviations, city adjectives, its locations, compounds), and claims
(own scores, "als enige"). Claims are about an institution: they are planted where one writes,
or where the network writes about them.
"""

from __future__ import annotations

import random
import re
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from leercyclus.privacy.leakguard import extract_text, normalize
from leercyclus.privacy.variants import abbreviations
from privacy_helpers import (
    NUMERALS,
    PLANTED_PARTICIPANTS,
    REGISTER,
    SHARED,
    report_files,
    report_told,
    settings_file,
    standard_file,
    team,
    write,
    yaml,
)

pytestmark = pytest.mark.deduce

PARTICIPANTS = PLANTED_PARTICIPANTS[:5]
PEOPLE = (  # (first, particle, surname): review team members and unshared contacts
    ("Özlem", "", "Yıldız"), ("Anne", "de", "Vries"), ("Sam", "", "Brouwers"),
    ("Ingrid", "van der", "Meulen"), ("Wouter", "", "Dijkstra"), ("Eva", "", "Mulder"),
    ("Thijs", "van", "Dongen"), ("Lieke", "", "Hermans"), ("Joost", "ter", "Horst"),
    ("Fatima", "", "Benali"), ("Ruud", "", "Hendriks"), ("Mirjam", "", "Oosterhuis"),
    ("Koen", "", "Lammers"), ("Wendy", "", "Schouten"), ("Erik", "", "Nijhuis"),
)  # fmt: skip
LOCATIONS = {"kempenhof": ["Dommeldal", "Genneper"], "de-linde": ["Villa De Meander"]}
CITY_FORMS = ("Zwolse", "Zwollenaren", "Deventenaar", "Leeuwarder", "Apeldoornse", "Helderse",
              "Groningse", "Stadjers", "Tilburgse", "Eindhovense")  # fmt: skip
MONTHS = ("januari", "maart", "mei", "juli", "oktober", "december")
CYRILLIC = str.maketrans("aeoiAEOI", "аеоіАЕОІ")

BY_INSTITUTION = ("theme_quote", "parel title", "parel text", "oester title")
ABOUT_INSTITUTIONS = ("evaluation note", "evaluation process", "theme synthesis")
NETWORK = ("cycle title", "theme title", "theme question", "domain title", "standard title",
           "standard text", "standard guidance", "network name")  # fmt: skip
FIELDS = (*BY_INSTITUTION, *ABOUT_INSTITUTIONS, *NETWORK)


class Plant(NamedTuple):
    """What is written into a field, and what of it must never reach a public byte."""

    kind: str
    text: str
    probes: tuple[str, ...]


def full(person: tuple[str, str, str]) -> str:
    return " ".join(p for p in person if p)


@st.composite
def names(draw: st.DrawFn) -> Plant:
    first, particle, surname = person = draw(st.sampled_from(PEOPLE))
    family = f"{particle} {surname}".strip()
    letters = [first[0], *(w[0].lower() for w in particle.split()), surname[0]]
    forms = {
        "possessive": (f"{first}s", (first,)),
        "apostrophe": (f"{first}'s", (first,)),
        "capitals": (full(person).upper(), (surname,)),
        "look-alike letters": (full(person).translate(CYRILLIC), (surname,)),
        "dotless i": (full(person).replace("i", "ı"), (surname,)),
        "initial": (f"{first[0]}. {family}", (surname,)),
        "initials": (".".join(letters) + ".", (".".join(letters) + ".",)),
        "first name, surname's initial": (f"{first} {surname[0]}.", (first,)),
        "after mevrouw": (f"mevrouw {family}", (surname,)),
    }
    kind = draw(st.sampled_from(sorted(forms)))
    text, probes = forms[kind]
    return Plant(f"name: {kind}", text, probes)


@st.composite
def unknown_people(draw: st.DrawFn) -> Plant:
    surname = draw(st.sampled_from(("Vlas", "Kroon", "Baar", "Stee"))) + draw(
        st.sampled_from(("kamp", "wijk", "dorp", "veld"))
    )
    title = draw(st.sampled_from(("mevrouw", "meneer", "dhr.", "mw.", "dokter")))
    return Plant("unknown name after a title", f"{title} {surname}", (surname,))


def token(draw: st.DrawFn) -> str:
    return draw(st.text("bdfgkmprstvz", min_size=3, max_size=4)) + draw(
        st.sampled_from(("linde", "horst", "zorg", "hof"))
    )


@st.composite
def contact_data(draw: st.DrawFn) -> Plant:
    local, domain = token(draw), token(draw)
    digits = [draw(st.integers(10, 99)), draw(st.integers(100, 999)), draw(st.integers(100, 999))]
    day, month, year = (
        draw(st.integers(1, 28)),
        draw(st.sampled_from(MONTHS)),
        draw(st.integers(1930, 2005)),
    )
    forms = {
        "e-mail (at)": (f"{local} (at) {domain}.nl", local),
        "e-mail [at] [punt]": (f"{local} [at] {domain} [punt] nl", local),
        "e-mail at dot": (f"{local} at {domain} dot nl", local),
        "e-mail apenstaartje": (f"{local} apenstaartje {domain} punt nl", local),
        "account": (f"@{local}", local),
        "account after a platform": (f"instagram: {local}.{domain}", local),
        "record number": (f"cliëntnummer {'.'.join(map(str, digits))}", ".".join(map(str, digits))),
        "birth date": (f"geboren op {day} {month} {year}", f"{day} {month} {year}"),
        "birth date in figures": (
            f"geb. {day:02d}-{MONTHS.index(month) + 1:02d}-{year}",
            str(year),
        ),
    }
    kind = draw(st.sampled_from(sorted(forms)))
    text, probe = forms[kind]
    return Plant(f"contact: {kind}", text, (probe,))


@st.composite
def institution_identity(draw: st.DrawFn) -> Plant:
    inst = draw(st.sampled_from(REGISTER))
    shorts = abbreviations(inst.name) or ["ZGL"]
    short = draw(st.sampled_from(shorts))
    dotted = ".".join(short) + "."
    location = draw(st.sampled_from([loc for locs in LOCATIONS.values() for loc in locs]))
    forms = {
        "abbreviation": (f"bij {short}", (short,)),
        "dotted abbreviation": (f"bij {dotted}", (dotted, short)),
        "city adjective": (draw(st.sampled_from(CITY_FORMS)), ()),
        "location": (f"op {location}", (location.split()[-1],)),
        "compound": (f"het {inst.aliases[-1].split()[-1]}team", (inst.aliases[-1].split()[-1],)),
    }
    kind = draw(st.sampled_from(sorted(forms)))
    text, probes = forms[kind]
    return Plant(f"institution: {kind}", text, probes or (text,))


@st.composite
def own_scores(draw: st.DrawFn) -> Plant:
    met = draw(st.integers(10, 20))
    total = met + draw(st.integers(1, 9))
    text = draw(
        st.sampled_from(
            (
                f"We voldoen aan {met} van de {total} standaarden.",
                f"Wij voldeden volledig aan {met} van de {total} normen.",
                f"We meet {met} of the {total} standards.",
            )
        )
    )
    return Plant("claim: own scores", text, (f"{met} van de {total}", f"{met} of the {total}"))


@st.composite
def uniqueness(draw: st.DrawFn) -> Plant:
    text, probe = draw(
        st.sampled_from(
            (
                ("Als enige instelling in het netwerk doen wij dit.", "als enige"),
                ("Wij zijn de enige kliniek in het netwerk met zo'n poli.", "de enige kliniek"),
                ("Als nieuwe deelnemer leren we veel.", "nieuwe deelnemer"),
                ("Als nieuwkomer in het netwerk kijken we rond.", "nieuwkomer"),
                ("As the only clinic in the network we do this.", "the only clinic"),
            )
        )
    )
    return Plant("claim: uniqueness", text, (probe,))


IDENTIFIERS = st.one_of(names(), unknown_people(), contact_data(), institution_identity())


@st.composite
def placed(draw: st.DrawFn) -> tuple[Plant, str, int]:
    """A plant, a field it may go in, and which participant's file (where one writes it)."""
    kind = draw(st.sampled_from(("identifier", "identifier", "scores", "uniqueness")))
    if kind == "identifier":
        plant, fields = draw(IDENTIFIERS), FIELDS
    elif kind == "scores":
        plant, fields = draw(own_scores()), BY_INSTITUTION
    else:
        plant, fields = draw(uniqueness()), (*BY_INSTITUTION, *ABOUT_INSTITUTIONS)
    return plant, draw(st.sampled_from(fields)), draw(st.integers(0, len(PARTICIPANTS) - 1))


def network(plants: list[tuple[Plant, str, int]]) -> dict[str, str]:
    """Five participants; the people of PEOPLE on teams and as unshared contacts; the plants."""
    texts: dict[tuple[str, int], list[str]] = {}
    for plant, field, slot in plants:
        texts.setdefault((field, slot if field in BY_INSTITUTION else 0), []).append(plant.text)

    def text(field: str, slot: int = 0, default: str = "Goed.") -> str:
        planted = texts.get((field, slot))
        return f"Zo gaat het hier. {' '.join(planted)} Daarna verder." if planted else default

    people = iter(PEOPLE)
    files: dict[str, str] = {}
    for n, inst in enumerate(PARTICIPANTS):
        members = team(n, PARTICIPANTS)
        for member in members:
            member["name"] = full(next(people))
        hidden = full(next(people))
        files[f"cycles/2025/self-reviews/{inst}.yaml"] = yaml(
            {
                "institution": inst,
                "standards": {"A1": {"outcome": "partly_met", "explanation": "Zo doen wij dat."}},
                "theme": f"reflectie {NUMERALS[n]}.",
                "theme_quote": text("theme_quote", n, f"citaat {NUMERALS[n]}."),
            }
        )
        files[f"cycles/2025/visits/{inst}.yaml"] = yaml(
            {
                "institution": inst,
                "date": "2025-04-01",
                "team": members,
                "standards": {"A1": {"outcome": "partly_met", "note": "Goed."}},
                "parels": [
                    {"title": text("parel title", n, f"werkplaats {NUMERALS[n]}"),
                     "text": text("parel text", n), "standards": ["A1"], "share": True,
                     "contact": {"name": SHARED[n][0], "email": SHARED[n][1]}},
                    {"title": "binnen", "text": "Goed.", "contact": {"name": hidden}},
                ],
                "oesters": [
                    {"title": text("oester title", n, f"oester {NUMERALS[n]}"), "text": "Beter.",
                     "standards": ["A1"]}
                ],
            }
        )  # fmt: skip
    files["cycles/2025/evaluation.yaml"] = yaml(
        {
            "standards": {"A1": {"verdict": "keep", "note": text("evaluation note")}},
            "process": text("evaluation process"),
        }
    )
    cycle: dict[str, Any] = {"id": "2025", "title": text("cycle title", default="Cyclus 2025")}
    cycle["theme"] = {
        "title": text("theme title", default="Naasten"),
        "questions": [text("theme question", default="Hoe?")],
        "synthesis": text("theme synthesis"),
    }
    cycle["domains"] = [{"id": "A", "title": text("domain title", default="Bejegening")}]
    cycle["participants"] = list(PARTICIPANTS)
    files["cycles/2025/cycle.yaml"] = yaml(cycle)
    files["cycles/2025/standards/A1.yaml"] = standard_file(
        "A1",
        title=text("standard title", default="Standaard A1"),
        text=text("standard text", default="Cliënten ervaren het."),
        guidance=text("standard guidance", default="Denk aan iets."),
    )
    files["leercyclus.yaml"] = settings_file(network=text("network name", default="Netwerk"))
    files["institutions.yaml"] = yaml(
        {
            "institutions": [
                {"id": i.id, "name": i.name, "aliases": list(i.aliases), "city": i.city,
                 "locations": LOCATIONS.get(i.id, [])}
                for i in REGISTER
            ]
        }
    )  # fmt: skip
    return files


def found(text: str, probe: str) -> bool:
    """Whether `probe` is in the normalised text, as a whole word, in any case."""
    wanted = re.escape(normalize(probe).casefold())
    return re.search(rf"(?<!\w){wanted}(?!\w)", text) is not None


def test_the_base_network_holds_none_of_the_probes(tmp_path: Path) -> None:
    """So that a probe found in a report can only have come from its plant."""
    repo = write(tmp_path / "net", network([]))
    code, told = report_told(repo, tmp_path / "out", "md,html", "--institution", "de-linde")
    assert code == 0, told
    public = tmp_path / "out" / "2025" / "public"
    text = " ".join(normalize(extract_text(p)).casefold() for p in sorted(public.iterdir()))
    assert "werkplaats een" in text and "citaat een" in text
    rng = random.Random(7)
    probes = [full(p) for p in PEOPLE] + [p[2] for p in PEOPLE] + [*CITY_FORMS, "Dommeldal"]
    probes += ["ZGL", "FCB", "als enige", "nieuwkomer", "van de 14"]
    rng.shuffle(probes)
    assert [p for p in probes if found(text, p)] == []


@given(plants=st.lists(placed(), min_size=1, max_size=6))
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_a_planted_identifier_never_reaches_a_public_byte(
    tmp_path: Path, plants: list[tuple[Plant, str, int]]
) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        root = Path(folder)
        repo = write(root / "net", network(plants))
        code, told = report_told(repo, root / "out", "md,html", "--institution", "de-linde")
        for plant, _, _ in plants:
            event(plant.kind)
        if code == 1:
            event("refused")
            assert report_files(root / "out") == []
            named = [p for p, _, _ in plants if any(found(told.casefold(), q) for q in p.probes)]
            assert named, told  # the refusal names what it refused
            return
        assert code == 0, told
        public = root / "out" / "2025" / "public"
        text = " ".join(normalize(extract_text(p)).casefold() for p in sorted(public.iterdir()))
        leaked = [
            (plant.kind, field, probe)
            for plant, field, _ in plants
            for probe in plant.probes
            if found(text, probe)
        ]
        assert leaked == []
