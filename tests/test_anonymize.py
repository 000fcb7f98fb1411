"""The term matcher, the scrubber and the terms a repository knows."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leercyclus.loading.network import load_network
from leercyclus.privacy.anonymize import Scrubber, known_terms
from leercyclus.privacy.match import Matcher, Term


def institution(text: str, match_case: bool = False) -> Term:
    return Term(text, "institution", "test", match_case)


def person(text: str, match_case: bool = False) -> Term:
    return Term(text, "person", "test", match_case)


LINDE = [institution("Zorggroep De Linde"), institution("De Linde"), institution("Linde")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bij De Linde werkt het.", "Bij [instelling] werkt het."),
        ("De Linde's aanpak", "[instelling] aanpak"),
        ("De Linde’s aanpak", "[instelling] aanpak"),
        ("de Lindes aanpak", "[instelling] aanpak"),
        ("in Lindes keuken", "in [instelling] keuken"),
        ("het Linde-team en de Linde-aanpak", "het [instelling]-team en [instelling]-aanpak"),
        ("ZORGGROEP DE LINDE en zorggroep de linde", "[instelling] en [instelling]"),
        ("Zorggroep De Linde doet mee", "[instelling] doet mee"),
        ("Zorggroep  De\nLinde en De-Linde", "[instelling] en [instelling]"),
        ("de Lindeboom en de lindebloesem", "de Lindeboom en de lindebloesem"),
        ("Linden en Lindes", "Linden en [instelling]"),
        ("(De Linde)", "([instelling])"),
        ("", ""),
    ],
)
def test_institution_matching(text: str, expected: str) -> None:
    assert Scrubber(LINDE).scrub(text) == expected


def test_a_term_inside_another_word_is_not_replaced() -> None:
    scrubber = Scrubber([institution("Anker")])
    assert scrubber.scrub("Het ankerpunt en de Ankerlaan") == "Het ankerpunt en de Ankerlaan"
    assert scrubber.scrub("Het Anker-team") == "Het [instelling]-team"


def test_terms_that_are_ordinary_words_match_only_as_written() -> None:
    scrubber = Scrubber([person("Bakker", match_case=True), institution("Anker", match_case=True)])
    text = "Bakker zei dat de bakker een anker is; bij Anker ook."
    assert scrubber.scrub(text) == "[persoon] zei dat de bakker een anker is; bij [instelling] ook."


def test_the_longest_term_wins() -> None:
    scrubber = Scrubber([person("Jansen"), person("Petra Jansen"), institution("Petra")])
    assert scrubber.scrub("Petra Jansen belde") == "[persoon] belde"


def test_diacritics_and_initials() -> None:
    scrubber = Scrubber([person("Fatima Öztürk"), person("Öztürk"), person("P. Jansen")])
    assert scrubber.scrub("Ozturk, ÖZTÜRK en Fatima Ozturk") == "[persoon], [persoon] en [persoon]"
    assert scrubber.scrub("P.Jansen en p. jansen") == "[persoon] en [persoon]"


def test_contact_details() -> None:
    terms = [Term("06-12345678", "phone", "t"), Term("k.deboer@example.org", "email", "t")]
    text = "Bel 0612345678 of 06 1234 5678, mail K.deBoer@example.org."
    expected = "Bel [telefoonnummer] of [telefoonnummer], mail [e-mailadres]."
    assert Scrubber(terms).scrub(text) == expected


def test_repeated_placeholders_collapse_but_lists_stay() -> None:
    terms = [*LINDE, institution("ZGL"), person("Petra Jansen"), person("Karin de Boer")]
    scrubber = Scrubber(terms)
    assert scrubber.scrub("ZGL (De Linde) en De Linde / ZGL") == "[instelling] en [instelling]"
    assert scrubber.scrub("Petra Jansen en Karin de Boer") == "[persoon] en [persoon]"


def test_extra_terms_become_a_neutral_name() -> None:
    scrubber = Scrubber([Term("Project Noorderlicht", "extra", "t")])
    assert scrubber.scrub("Dankzij Project Noorderlicht.") == "Dankzij [naam]."


def test_deidentify_runs_after_the_known_terms() -> None:
    seen: list[str] = []

    def deidentify(text: str) -> str:
        seen.append(text)
        return text.replace("Jan", "[persoon]")

    scrubber = Scrubber(LINDE, deidentify)
    assert scrubber.scrub("Jan van De Linde") == "[persoon] van [instelling]"
    assert scrubber.scrub("  ") == "  "
    assert seen == ["Jan van [instelling]"]


def test_the_matcher_reports_where_and_what() -> None:
    hits = list(Matcher(LINDE).finditer("Bij De Linde's."))
    assert [(h.term.text, h.start, h.end) for h in hits] == [("De Linde", 4, 14)]


def test_no_terms_match_nothing() -> None:
    assert list(Matcher([]).finditer("De Linde")) == []


def test_thousands_of_terms_in_one_matcher() -> None:
    terms = [person(f"Naam{n:04d} Achternaam{n:04d}") for n in range(3000)]
    scrubber = Scrubber(terms)
    assert scrubber.scrub("Naam2999 Achternaam2999 en naam0001 achternaam0001.") == (
        "[persoon] en [persoon]."
    )


NETWORK = {
    "leercyclus.yaml": """\
        network: Testnetwerk
        national:
          extra_terms: [Project Noorderlicht]
        """,
    "institutions.yaml": """\
        institutions:
          - id: de-linde
            name: Zorggroep De Linde
            aliases: [ZGL]
            city: Zwolle
          - id: het-anker
            name: Stichting Het Anker
            city: Groningen
        """,
    "cycles/2025/cycle.yaml": """\
        id: "2025"
        title: Cyclus 2025
        domains: [{id: A, title: Bejegening}]
        participants: [de-linde, het-anker]
        """,
    "cycles/2025/visits/de-linde.yaml": """\
        institution: de-linde
        date: 2025-04-14
        team:
          - {name: Petra Jansen, role: chair, institution: het-anker}
          - {name: Sanne Bakker, role: client}
        parels:
          - title: Gedeeld
            text: Tekst.
            share: true
            contact: {name: Karin de Boer, email: k.deboer@example.org}
          - title: Niet gedeeld
            text: Tekst.
            contact: {name: Ruud Hendriks, phone: 06-12345678}
        """,
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for rel, text in NETWORK.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def test_known_terms_of_a_repository(repo: Path) -> None:
    terms = {t.text: t for t in known_terms(load_network(repo))}
    assert terms["Zorggroep De Linde"] == Term(
        "Zorggroep De Linde", "institution", "institutions.yaml: de-linde ('Zorggroep De Linde')"
    )
    assert terms["Petra Jansen"] == Term(
        "Petra Jansen", "person", "cycles/2025/visits/de-linde.yaml: team[0].name"
    )
    assert terms["06-12345678"] == Term(
        "06-12345678", "phone", "cycles/2025/visits/de-linde.yaml: parels[1].contact.phone"
    )
    assert terms["Project Noorderlicht"].kind == "extra"
    assert terms["Project Noorderlicht"].origin == "leercyclus.yaml: national.extra_terms"
    assert terms["ZdL"].origin == (
        "institutions.yaml: de-linde (abbreviation 'ZdL' of 'Zorggroep De Linde')"
    )
    expected = {  # the id "de-linde" is "De Linde" in other words: one term
        "Zorggroep De Linde", "De Linde", "Linde", "ZGL", "Z.G.L.", "Z.G.L",
        "ZDL", "ZdL", "ZGDL", "ZGdL", "Z.D.L.", "Z.D.L", "Z.d.L.", "Z.d.L", "Z.G.D.L.", "Z.G.D.L",
        "Z.G.d.L.", "Z.G.d.L", "Zwolle", "Zwol", "Zwollenaar", "Zwollenaren", "Zwolleenaar",
        "het-anker", "Stichting Het Anker", "Het Anker", "Anker", "SHA", "ShA", "S.H.A.",
        "S.H.A", "S.h.A.", "S.h.A", "Groningen", "Groning", "Groningenaar", "Groningse",
        "Gronings", "Stadjer", "Stadjers",
        "Petra Jansen", "P. Jansen", "P Jansen", "P.J.", "Petra J.", "Petra", "Jansen",
        "Sanne Bakker", "S. Bakker", "S Bakker", "S.B.", "Sanne B.", "Sanne", "Bakker",
        "Karin de Boer", "K. de Boer", "K de Boer", "K.d.B.", "KdB", "Karin B.", "Karin",
        "de Boer", "De Boer", "Boer", "k.deboer@example.org",
        "Ruud Hendriks", "R. Hendriks", "R Hendriks", "R.H.", "Ruud H.", "Ruud", "Hendriks",
        "06-12345678", "Project Noorderlicht",
    }  # fmt: skip
    assert set(terms) == expected
    ordinary = {text for text, term in terms.items() if term.match_case}
    assert ordinary == {
        "het-anker", "Stichting Het Anker", "Het Anker", "Anker", "Bakker", "Boer", "de Boer",
        "De Boer", *(t for t in expected if t.replace(".", "").isalpha() and len(t) <= 8
                     and sum(c.isupper() for c in t) >= 2),
    }  # fmt: skip


def test_a_shared_contact_is_a_term_too(repo: Path) -> None:
    """Consent covers the contact line of the parel (the leak guard allows it), not any text."""
    terms = known_terms(load_network(repo))
    origins = [t.origin for t in terms if t.text in ("Karin de Boer", "k.deboer@example.org")]
    assert origins == [
        "cycles/2025/visits/de-linde.yaml: parels[0].contact.name",
        "cycles/2025/visits/de-linde.yaml: parels[0].contact.email",
    ]


def test_known_terms_scrub_inflected_forms(repo: Path) -> None:
    scrubber = Scrubber(known_terms(load_network(repo)))
    text = (
        "Het Zwolse team van De Linde's kliniek sprak met Jansen en met de Groninger collega's "
        "van het Anker; het anker van de aanpak is ZGL's werkplaats. Bakker belde de bakker."
    )
    assert scrubber.scrub(text) == (
        "Het [plaats] team van [instelling] kliniek sprak met [persoon] en met de [plaats] "
        "collega's van het [instelling]; het anker van de aanpak is [instelling] werkplaats. "
        "[persoon] belde de bakker."
    )
    assert scrubber.scrub("zie de-linde/ en het-anker/") == "zie [instelling]/ en [instelling]/"


FIRST = ["Petra", "Karin", "Sanne", "Jan", "Anne-Marie", "Youssef", "Ingrid", "Bram", "Fleur"]
PARTICLES = ["", "de", "van", "van der", "van den", "ter", "in 't", "El"]
SURNAMES = ["Jansen", "Boer", "Bakker", "Visser", "Öztürk", "Hoekstra", "Vos", "Dijk", "Smit"]
FILLER = "de het een team cliënt naasten werkt goed samen met en in op bij zorg herstel".split()


@st.composite
def dutch_names(draw: st.DrawFn) -> str:
    particle = draw(st.sampled_from(PARTICLES))
    parts = [draw(st.sampled_from(FIRST)), particle, draw(st.sampled_from(SURNAMES))]
    return " ".join(p for p in parts if p)


@given(
    names=st.lists(dutch_names(), min_size=1, max_size=4),
    words=st.lists(st.sampled_from(FILLER), max_size=12),
    slots=st.lists(st.integers(min_value=0, max_value=12), min_size=4, max_size=4),
    forms=st.lists(st.sampled_from(["{}", "{}'s", "{}s", "{}-team", "({})", "{}."]), min_size=4),
    upper=st.booleans(),
)
@settings(max_examples=200, deadline=None)
def test_planted_names_never_survive(
    names: list[str], words: list[str], slots: list[int], forms: list[str], upper: bool
) -> None:
    text = list(words)
    for name, slot, form in zip(names, slots, forms, strict=False):
        text.insert(min(slot, len(text)), form.format(name.upper() if upper else name))
    scrubbed = Scrubber([person(n) for n in names]).scrub(" ".join(text))
    assert list(Matcher([person(n) for n in names]).finditer(scrubbed)) == []
    for name in names:
        assert name.lower() not in scrubbed.lower()
