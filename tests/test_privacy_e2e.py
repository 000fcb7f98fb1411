"""The national report is anonymous end to end: planted names reach no public output format.

Every text the report prints goes through the scrubber, the network's own texts too (standards,
the cycle's title, theme and domains, the network's name): no field is trusted because it is
"fixed". The leak guard then reads every public byte, metadata included, as a second line that
does not rely on the scrubber: see `test_the_guard_stops_what_the_scrubber_lets_through`.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pydantic
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from leercyclus.cli import run
from leercyclus.methods.peerreview.national_privacy import National
from leercyclus.privacy import anonymize
from leercyclus.privacy.leakguard import extract_text, normalize
from leercyclus.publishing.render import packaged_templates
from privacy_helpers import (
    CONFIDENTIAL,
    EXTRA_TERMS,
    IDENTITIES,
    NUMERALS,
    PLANTED,
    PLANTED_PARTICIPANTS,
    REACHING,
    SHARED,
    UNSHARED,
    Spy,
    copy_example,
    cycle_file,
    planted_files,
    register_file,
    report,
    report_files,
    report_told,
    settings_file,
    standard_file,
    team,
    write,
    yaml,
)

pytestmark = pytest.mark.deduce

NATIONAL = Path("2025", "public", "national-report")
GUARD = (
    "the national report would name an institution or a person, or print contact data, so "
    "nothing was written"
)


def public_text(out: Path, fmt: str, cycle: str = "2025") -> str:
    """The national report's text as the leak guard reads it, lowercased."""
    path = out / cycle / "public" / f"national-report.{fmt}"
    return normalize(extract_text(path)).lower()


def parel_of(text: str, needle: str) -> str:
    """The numeral of the parel under whose title `needle` first appears."""
    at = text.index(needle.lower())
    titles = [m for m in re.finditer(r"parelkop (\w+):", text) if m.start() < at]
    assert titles, f"{needle!r} appears before any parel"
    return titles[-1].group(1)


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_planted_strings_reach_no_public_output(tmp_path: Path, fmt: str) -> None:
    repo = write(tmp_path / "net", planted_files())
    assert report(repo, tmp_path / "out", fmt, "--institution", "de-linde") == 0
    text = public_text(tmp_path / "out", fmt)
    assert [s for s in PLANTED if s.lower() in text] == []
    assert [m for m in CONFIDENTIAL if m in text] == []  # explanations, notes, unshared parels
    # The scrubbed texts are there (so the test above is not passed by an empty report) ...
    assert [m for m in REACHING if m not in text] == []
    placeholders = ("[instelling]", "[plaats]", "[persoon]", "[telefoonnummer]", "[e-mailadres]")
    assert [p for p in (*placeholders, "[naam]") if p not in text] == []
    # ... and so is every shared parel's contact, with its own parel.
    for slot, contact in enumerate(SHARED):
        for value in contact:
            assert parel_of(text, value) == NUMERALS[slot], (value, fmt)


def walk(
    value: Any, path: str = "n", *, skip: frozenset[str] = frozenset()
) -> Iterator[tuple[str, str]]:
    """Every text in `value`, with where: dataclasses, pydantic models, mappings, sequences."""
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in skip:
                yield from walk(getattr(value, f.name), f"{path}.{f.name}", skip=skip)
    elif isinstance(value, pydantic.BaseModel):
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), f"{path}.{name}", skip=skip)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(key, f"{path} key", skip=skip)
            yield from walk(item, f"{path}[{key!r}]", skip=skip)
    elif isinstance(value, list | tuple | set | frozenset):
        for n, item in enumerate(value):
            yield from walk(item, f"{path}[{n}]", skip=skip)
    elif value is not None and not isinstance(value, int | float | bool):
        yield path, str(value)  # dates and the like


def identities_in(national: National, skip: frozenset[str]) -> list[str]:
    texts = [*walk(national.report, skip=skip), *walk(national.context["svg"], "svg")]
    assert any("themacitaat" in text for _, text in texts)  # the walk sees the free texts
    return [
        f"{where}: {identity}"
        for where, text in texts
        for identity in IDENTITIES
        if identity.lower() in text.lower()
    ]


@pytest.fixture
def national(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> National:
    """The planted network's national report data, as its build made it."""
    spy = Spy(monkeypatch)
    repo = write(tmp_path / "net", planted_files())
    assert report(repo, tmp_path / "out", "md", "--institution", "de-linde") == 0
    [built] = spy.built
    return built


def test_the_national_report_data_holds_no_institution_identity(national: National) -> None:
    assert identities_in(national, skip=frozenset({"sources"})) == []


def test_not_even_the_leak_guards_sources_are_in_the_report_data(national: National) -> None:
    assert identities_in(national, skip=frozenset()) == []


REVERSED = tuple(reversed(range(len(PLANTED_PARTICIPANTS))))


def national_md(root: Path, slots: tuple[int, ...], *, tied_titles: bool = False) -> str:
    repo = write(root / "net", planted_files(slots, tied_titles=tied_titles))
    assert report(repo, root / "out", "md", "--institution", "de-linde") == 0
    return (root / "out" / NATIONAL).with_suffix(".md").read_text(encoding="utf-8")


def test_the_order_of_texts_does_not_follow_the_institutions(tmp_path: Path) -> None:
    """The same texts written by other institutions give the same report, in the same order.

    Were theme findings, parels or oesters listed by institution (alphabetically, by file or by
    participant), giving institution i the texts of institution n-1-i would reverse them.
    """
    forward = national_md(tmp_path / "forward", tuple(range(len(PLANTED_PARTICIPANTS))))
    backward = national_md(tmp_path / "backward", REVERSED)
    assert forward.count("themacitaat") == len(PLANTED_PARTICIPANTS)
    assert forward == backward


def test_parels_with_the_same_title_are_not_listed_by_institution(tmp_path: Path) -> None:
    forward = national_md(
        tmp_path / "forward", tuple(range(len(PLANTED_PARTICIPANTS))), tied_titles=True
    )
    backward = national_md(tmp_path / "backward", REVERSED, tied_titles=True)
    assert forward.count("## Herstelwerkplaats") == len(PLANTED_PARTICIPANTS)
    assert forward == backward


class Verbatim(NamedTuple):
    """A network-level text with an identifying term in it, and the formats to read."""

    term: str
    formats: str
    files: dict[str, str]


def _cycle(**changes: Any) -> dict[str, str]:
    return {
        "cycles/2025/cycle.yaml": cycle_file("2025", PLANTED_PARTICIPANTS, ["A", "B"], **changes)
    }


def _standard(**texts: str) -> dict[str, str]:
    return {"cycles/2025/standards/A2.yaml": standard_file("A2", **texts)}


ALL = "md,html,docx,pdf"
VERBATIM = {
    "network name": Verbatim(
        "Zwolle",
        ALL,
        {"leercyclus.yaml": settings_file(extra_terms=EXTRA_TERMS, network="Netwerk Zwolle")},
    ),
    "cycle title": Verbatim("De Linde", ALL, _cycle(title="Cyclus 2025 bij De Linde")),
    "theme title": Verbatim("Kempenhof", "md,html", _cycle(theme=("Naasten in Kempenhof", "Hoe?"))),
    "theme question": Verbatim(
        "Petra Jansen", "md,html", _cycle(theme=("Naasten", "Wat zegt Petra Jansen?"))
    ),
    "domain title": Verbatim(
        "Project Noorderlicht",
        "md,html",
        _cycle(domain_titles={"B": "Regie (Project Noorderlicht)"}),
    ),
    "standard title": Verbatim("Bosrand", "md,html", _standard(title="Het Bosrand-model")),
    "standard text": Verbatim("Deventer", "md,html", _standard(text="Zoals in Deventer.")),
    "standard guidance": Verbatim(
        "r.hendriks@example.org", "md,html", _standard(guidance="Vraag r.hendriks@example.org.")
    ),
}
"""A name in each text the network writes: scrubbed there like anywhere else."""


@pytest.fixture(scope="module", params=list(VERBATIM))
def network_text(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Verbatim, Path]:
    """The planted network with one network text naming someone, built."""
    case = VERBATIM[request.param]
    root = tmp_path_factory.mktemp("verbatim")
    repo = write(root / "net", {**planted_files(), **case.files})
    code, message = report_told(repo, root / "out", case.formats, "--institution", "de-linde")
    assert code == 0, message
    return case, root / "out"


def test_a_name_in_a_network_text_is_scrubbed_in_every_format(
    network_text: tuple[Verbatim, Path],
) -> None:
    """Its title reaches the HTML title, the DOCX properties and the PDF metadata: scrubbed."""
    case, out = network_text
    for fmt in case.formats.split(","):
        text = public_text(out, fmt)
        assert case.term.lower() not in text, fmt
        assert "[" in text


class Refused(NamedTuple):
    code: int
    out: Path
    message: str


def test_the_guard_stops_what_the_scrubber_lets_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scrubber that does nothing (a bug) is caught by the guard, which names the field."""
    monkeypatch.setattr(anonymize.Scrubber, "scrub", lambda _, text, **__: text)
    repo = write(tmp_path / "net", planted_files())
    code, message = report_told(repo, tmp_path / "out", "md,html")
    assert code == 1
    assert report_files(tmp_path / "out") == []  # neither public/ nor confidential/
    assert f"error: {GUARD}" in message
    assert re.search(r"appears in national-report\.(md|html)", message), message
    sources = re.findall(r"It comes from (cycles/2025/[\w/-]+\.yaml: [\w.\[\]]+)", message)
    assert sources, message
    fields = {"theme_quote", "parels[0].title", "parels[0].text", "oesters[0].title"}
    assert {source.split(": ")[1] for source in sources} <= fields | {"process"} | {
        "standards.A1.note"
    }


def test_the_guard_names_a_repository_template_that_leaks(tmp_path: Path) -> None:
    own = (packaged_templates() / "national-report.md.j2").read_text(encoding="utf-8")
    cover = "{% block cover %}\n"
    assert cover in own
    own = own.replace(cover, cover + "Met dank aan Zwolle en info@netwerk-zwolle.nl.\n\n", 1)
    repo = write(tmp_path / "net", {**planted_files(), "templates/national-report.md.j2": own})
    code, message = report_told(repo, tmp_path / "out", "md")
    assert code == 1
    assert "'Zwolle' (institutions.yaml: de-linde (city)) appears in national-report.md" in message
    assert "It comes from the template templates/national-report.md.j2" in message
    assert "'info@netwerk-zwolle.nl' (an e-mail address)" in message


def test_the_example_national_report_is_deterministic(tmp_path: Path) -> None:
    """Two copies, two fresh de-identifier caches, another hash seed: the same bytes."""
    outputs = []
    for n in (1, 2):
        repo = copy_example(tmp_path / f"copy{n}" / "herstelnetwerk")
        out = tmp_path / f"out{n}"
        args = ["report", str(repo), "--format", "md,html", "--out", str(out)]
        args += ["--institution", "de-linde"]
        if n == 1:
            assert run(args) == 0
        else:
            seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
            env = {**os.environ, "PYTHONHASHSEED": seed}
            done = subprocess.run(
                [sys.executable, "-m", "leercyclus", *args], env=env, capture_output=True
            )
            assert done.returncode == 0, done.stderr.decode()
        outputs.append(out / "2026" / "public")
    for ext in ("md", "html"):
        first, second = (o / f"national-report.{ext}" for o in outputs)
        assert first.read_bytes() == second.read_bytes(), ext


# The property: random Dutch-looking names, placed in the files as team members and contacts
# of unshared parels, and planted in random free texts, are scrubbed or stop the build.

FIRST = ("Petra", "Sanne", "Joost", "Anne-Marie", "Youssef", "Ingrid", "Bram", "Fleur",
         "Mohamed", "Wouter", "Lieke", "Thijs", "Özlem", "Dewi", "Jan", "Eva")  # fmt: skip
PARTICLES = ("", "", "", "de", "van", "van der", "van den", "ter", "in 't", "van 't", "El")
SURNAMES = ("Jansen", "Bakker", "Visser", "Öztürk", "Dijkstra", "Smit", "Meijer", "Mulder",
            "Groot", "Bos", "Peters", "Kaya", "Wijaya", "Brouwer", "Post", "Vries")  # fmt: skip
FILLER = "het team werkt goed samen met cliënten en naasten in de kliniek op de afdeling".split()


class Name(NamedTuple):
    first: str
    particle: str
    surname: str

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.first, self.particle, self.surname) if p)

    @property
    def family(self) -> str:
        return f"{self.particle} {self.surname}".strip()

    def forms(self) -> list[str]:
        """The forms docs/privacy.md promises to find: the name, its initial, its parts."""
        forms = [self.full, f"{self.full}'s", f"{self.full}-team", f"({self.full})"]
        forms.append(f"{self.first[0]}. {self.family}")
        forms += [part for part in (self.family, self.surname, self.first) if len(part) >= 4]
        return forms


@st.composite
def dutch_names(draw: st.DrawFn) -> Name:
    """A first name, maybe a tussenvoegsel, a surname."""
    return Name(
        draw(st.sampled_from(FIRST)),
        draw(st.sampled_from(PARTICLES)),
        draw(st.sampled_from(SURNAMES)),
    )


FIELDS: dict[str, tuple[str, tuple[str | int, ...]]] = {
    "theme reflection": ("self-reviews", ("theme",)),
    "explanation": ("self-reviews", ("standards", "A1", "explanation")),
    "shared parel title": ("visits", ("parels", 0, "title")),
    "shared parel text": ("visits", ("parels", 0, "text")),
    "unshared parel text": ("visits", ("parels", 1, "text")),
    "oester title": ("visits", ("oesters", 0, "title")),
    "oester text": ("visits", ("oesters", 0, "text")),
    "team note": ("visits", ("standards", "A1", "note")),
    "evaluation note": ("evaluation", ("standards", "A1", "note")),
    "evaluation process": ("evaluation", ("process",)),
}
"""Free-text fields, reaching the national report or not: (folder, path in the file)."""


class Plant(NamedTuple):
    name: int
    form: int
    field: str
    institution: int
    position: int


class Scenario(NamedTuple):
    names: list[Name]
    places: list[tuple[str, int, int]]
    """Per name: ("team", visit, member) or ("contact", visit, 1): the unshared parel's."""
    plants: list[Plant]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    names = draw(st.lists(dutch_names(), min_size=1, max_size=3, unique_by=lambda n: n.full))
    place = st.one_of(
        st.tuples(st.just("team"), st.integers(0, 4), st.integers(0, 1)),
        st.tuples(st.just("contact"), st.integers(0, 4), st.just(1)),
    )
    places = draw(st.lists(place, min_size=len(names), max_size=len(names), unique=True))
    plant = st.builds(
        Plant,
        st.integers(0, len(names) - 1),
        st.integers(0, 20),
        st.sampled_from(sorted(FIELDS)),
        st.integers(0, 4),
        st.integers(0, len(FILLER)),
    )
    return Scenario(names, places, draw(st.lists(plant, min_size=1, max_size=6)))


def scenario_files(scenario: Scenario) -> dict[str, str]:
    """A network of 5 participants with the scenario's names placed and planted."""
    participants = PLANTED_PARTICIPANTS[:5]
    data: dict[str, Any] = {}
    for n, inst in enumerate(participants):
        data[f"self-reviews/{inst}"] = {
            "institution": inst,
            "standards": {"A1": {"outcome": "partly_met", "explanation": "Zo doen wij dat."}},
            "theme": f"reflectie {NUMERALS[n]}.",
        }
        data[f"visits/{inst}"] = {
            "institution": inst,
            "date": "2025-04-01",
            "team": team(n, participants),
            "standards": {"A1": {"outcome": "partly_met", "note": "Goed."}},
            "parels": [
                {"title": f"werkplaats {NUMERALS[n]}", "text": "Goed.", "standards": ["A1"],
                 "share": True, "contact": {"name": SHARED[n][0], "email": SHARED[n][1]}},
                {"title": f"binnen {NUMERALS[n]}", "text": "Goed.",
                 "contact": dict(zip(("name", "email", "phone"), UNSHARED[n], strict=True))},
            ],
            "oesters": [{"title": f"oester {NUMERALS[n]}", "text": "Beter.", "standards": ["A1"]}],
        }  # fmt: skip
    data["evaluation"] = {
        "standards": {"A1": {"verdict": "keep", "note": "Goed."}},
        "process": "Goed.",
    }
    for name, (kind, visit, member) in zip(scenario.names, scenario.places, strict=True):
        placed = data[f"visits/{participants[visit]}"]
        if kind == "team":
            placed["team"][member]["name"] = name.full
        else:
            placed["parels"][1]["contact"]["name"] = name.full
    texts: dict[tuple[str, int], list[str]] = {}
    for p in scenario.plants:
        words = texts.setdefault((p.field, p.institution), list(FILLER))
        forms = scenario.names[p.name].forms()
        words.insert(min(p.position, len(words)), forms[p.form % len(forms)])
    for (field, n), words in texts.items():
        folder, path = FIELDS[field]
        node = data["evaluation" if folder == "evaluation" else f"{folder}/{participants[n]}"]
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = " ".join(words) + "."
    files = {
        "leercyclus.yaml": settings_file(),
        "institutions.yaml": register_file(),
        "cycles/2025/cycle.yaml": cycle_file("2025", participants, ["A"]),
        "cycles/2025/standards/A1.yaml": standard_file("A1"),
    }
    files.update({f"cycles/2025/{rel}.yaml": yaml(value) for rel, value in data.items()})
    return files


def found_names(text: str, names: list[Name]) -> list[str]:
    """The names, or their parts of 4 letters or more, that appear whole-word in `text`."""
    text = text.lower().replace("’", "'")
    parts = {s for n in names for s in (n.full, n.family, n.surname, n.first) if len(s) >= 4}
    parts |= {f"{n.first[0]}. {n.family}" for n in names}
    return sorted(p for p in parts if re.search(rf"(?<!\w){re.escape(p.lower())}(?!\w)", text))


def test_the_scenarios_base_network_names_none_of_the_names(tmp_path: Path) -> None:
    """So that a name found in a report can only have come from a plant."""
    names = [Name(first, "", surname) for first in FIRST for surname in SURNAMES[:1]]
    names += [Name("Jan", "", surname) for surname in SURNAMES]
    repo = write(tmp_path / "net", scenario_files(Scenario([], [], [])))
    assert report(repo, tmp_path / "out", "md,html", "--institution", "de-linde") == 0
    text = " ".join(public_text(tmp_path / "out", fmt) for fmt in ("md", "html"))
    assert "werkplaats een" in text
    assert found_names(text, names) == []


@given(scenario=scenarios())
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_random_names_are_scrubbed_or_stop_the_build(tmp_path: Path, scenario: Scenario) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        root = Path(folder)
        repo = write(root / "net", scenario_files(scenario))
        code, told = report_told(repo, root / "out", "md,html", "--institution", "de-linde")
        if code == 1:
            event("the leak guard stopped the build")
            assert GUARD in told
            assert report_files(root / "out") == []
            return
        assert code == 0, told
        for fmt in ("md", "html"):
            assert found_names(public_text(root / "out", fmt), scenario.names) == [], fmt


@pytest.mark.parametrize(
    "name",
    [
        Name("Petra", "", "Jansen"),
        Name("Fleur", "", "Bakker"),
    ],
)
def test_a_team_members_name_in_capitals(tmp_path: Path, name: Name) -> None:
    files = scenario_files(Scenario([name], [("team", 0, 0)], []))
    process = f"Het gesprek met {name.full.upper()} was goed."
    verdicts = {"A1": {"verdict": "keep"}}
    files["cycles/2025/evaluation.yaml"] = yaml({"standards": verdicts, "process": process})
    repo = write(tmp_path / "net", files)
    code, told = report_told(repo, tmp_path / "out", "md", "--institution", "de-linde")
    if code == 1:  # the guard may stop the build; nothing else may
        assert GUARD in told
        return
    assert code == 0, told
    text = public_text(tmp_path / "out", "md")
    assert "het gesprek met" in text
    assert found_names(text, [name]) == []


def test_public_holds_only_the_report_and_no_bookkeeping_is_beside_it(tmp_path: Path) -> None:
    repo = write(tmp_path / "net", planted_files())
    out = tmp_path / "out"
    old = out / "2025" / ".manifest.json"  # where an older leercyclus kept it
    old.parent.mkdir(parents=True)
    old.write_text("{}", encoding="utf-8")
    assert report(repo, out, "md,html", "--institution", "de-linde") == 0
    assert sorted(p.name for p in (out / "2025").iterdir()) == ["confidential", "public"]
    public = sorted(p.name for p in (out / "2025" / "public").iterdir())
    assert public == ["national-report.html", "national-report.md"]
    assert not (out / ".leercyclus").exists()  # the manifest is in the user's cache folder
