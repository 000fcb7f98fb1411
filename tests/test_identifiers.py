"""Each class of identifier the scrubber must find, in the forms it takes in free text.

No deduce here: what is tested is what the repository knows (terms and their forms) and what is
found by its form (patterns.py), through the one normalisation scrubber and guard share.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leercyclus.privacy.anonymize import Scrubber, safe_beside
from leercyclus.privacy.claims import OMITTED, claims, drop_claims
from leercyclus.privacy.match import Matcher, Term
from leercyclus.privacy.normalize import _fold_each, fold, key, normalize
from leercyclus.privacy.patterns import contact_data, scrub_forms
from leercyclus.privacy.variants import abbreviations, name_terms, person_terms, place_terms

PEOPLE = [
    *person_terms("Anne de Vries", "team[0].name"),
    *person_terms("Özlem Yıldız", "team[1].name"),
    *person_terms("Ilse Kok", "team[2].name"),
    *person_terms("Ingrid van der Meulen", "team[3].name"),
    *person_terms("Jan van der Meer", "team[4].name"),
]
INSTITUTIONS = [
    *name_terms(["Zorggroep De Linde", "De Linde", "ZGL"], "de-linde"),
    *name_terms(["Forensisch Centrum Bosrand"], "bosrand"),
    *place_terms("Den Helder", "zeezicht (city)"),
    *place_terms("'s-Hertogenbosch", "kempenhof (city)"),
    *place_terms("Zwolle", "de-linde (city)"),
    *name_terms(["Dommeldal", "Villa De Meander"], "kempenhof (location)", "location"),
]
SCRUBBER = Scrubber([*PEOPLE, *INSTITUTIONS])


def scrub(text: str) -> str:
    return SCRUBBER.scrub(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # possessives and inflections of a known first name
        ("Annes aanpak", "[persoon] aanpak"),
        ("Anne's aanpak", "[persoon] aanpak"),
        ("Anne’s en Anne´s aanpak", "[persoon] en [persoon] aanpak"),
        # capitals
        ("ANNE DE VRIES belde", "[persoon] belde"),
        ("ANNES idee en DE VRIES", "[persoon] idee en [persoon]"),
        ("KOK en Kok, maar de kok kookt", "[persoon] en [persoon], maar de kok kookt"),
        # letters that fold differently: the dotless ı, and Cyrillic look-alikes
        ("Ozlem Yildiz, ÖZLEM YILDIZ en Yıldız", "[persoon], [persoon] en [persoon]"),
        ("Yıldız en Anne", "[persoon] en [persoon]"),
        ("Zwоlle en Аnne", "[plaats] en [persoon]"),  # Cyrillic о and А
        ("Zorg\u00adgroep De Lin\u200bde", "[instelling]"),
        # initials
        ("A. de Vries, A.de Vries, A de Vries", "[persoon], [persoon], [persoon]"),
        ("AdV en A.d.V. en IvdM", "[persoon] en [persoon] en [persoon]"),
        ("Anne V. zei het", "[persoon] zei het"),
        ("I. Kok en I.K.", "[persoon] en [persoon]"),
        # a surname whose last word is an ordinary word: the name, and the word as written only
        ("J. van der Meer en Van der Meer", "[persoon] en [persoon]"),
        ("De helft wil meer tijd, en meer dan dat.", "De helft wil meer tijd, en meer dan dat."),
        # a surname after mevrouw / meneer, known or not
        ("mevrouw De Vries en meneer Kok", "mevrouw [persoon] en meneer [persoon]"),
        ("mevrouw Pietersen en dhr. P. van Dam", "mevrouw [persoon] en dhr. [persoon]"),
        # dotted forms of a registered acronym, and abbreviations nobody registered
        ("Z.G.L. en Z. G. L. en ZGL", "[instelling] en [instelling] en [instelling]"),
        ("bij FCB en ZDL", "bij [instelling] en [instelling]"),
        # adjective forms of a city
        ("de Helderse en Bossche aanpak", "de [plaats] en [plaats] aanpak"),
        ("Zwolse en Zwollenaren", "[plaats] en [plaats]"),
        ("in Den Bosch en 's-Hertogenbosch", "in [plaats] en [plaats]"),
        # locations and compounds
        ("op Dommeldal en in De Meander", "op [locatie] en in [locatie]"),
        ("het Lindeteam en de Bosrandaanpak", "het [instelling] en de [instelling]"),
        ("afdeling Zonnebloem en team IPS", "afdeling [locatie] en team IPS"),
    ],
)
def test_known_names_in_every_form(text: str, expected: str) -> None:
    assert scrub(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "het heldere verhaal",  # not Den Helder
        "een lindeboom en de Lindeboom",  # not Linde
        "de kok en het bos",
        "Wij willen, zoals de GGZ, het MT en de RvT, het UWV betrekken.",
        "in maart 2025 en sinds 2019, met 1,5 fte",
        "Ben je er? Als eerste stap kijken we naar de enige manier.",
    ],
)
def test_ordinary_text_stays(text: str) -> None:
    assert scrub(text) == text


def test_a_non_term_never_hides_a_shorter_term_beside_it() -> None:
    """A candidate the matcher cannot place (here: a folded form) must not swallow a name."""
    matcher = Matcher([Term("Özlem", "person", "t"), Term("Özlem Yıldız Kaya", "person", "t")])
    hits = list(matcher.finditer("Özlem Yıldız Kaan"))
    assert [(h.term.text, h.start, h.end) for h in hits] == [("Özlem", 0, 5)]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("mail k.deboer@example.org", "an e-mail address"),
        ("mail naam (at) domein.nl", "an e-mail address written out"),
        ("mail naam [at] zorg-linde [punt] nl", "an e-mail address written out"),
        ("mail naam at zorglinde dot nl", "an e-mail address written out"),
        ("mail naam apenstaartje zorglinde punt nl", "an e-mail address written out"),
        ("mail naam＠domein.nl", "an e-mail address"),  # a full-width @
        ("bel 06-12345678", "a phone number"),
        ("bel 06 - 12 34 56 78", "a phone number"),
        ("bel +31 (0)6 1234 5678", "a phone number"),
        ("bel (038) 421 5566", "a phone number"),
        ("zie www.zorggroep-delinde.nl/parels", "a web address"),
        ("zie zorggroep-delinde.nl", "a web address"),
        ("volg @zorggroep_linde", "a social-media account"),
        ("instagram: zorggroep.linde", "a social-media account"),
        ("cliëntnummer 12.345", "a client or record number"),
        ("dossiernr. A-2024.0015", "a client or record number"),
        ("BSN 123.456.782", "a client or record number"),
        ("nummer 123.456.782", "a long number"),
        ("geboren op 3 mei 1961", "a birth date"),
        ("geb. 03-05-1961", "a birth date"),
        ("geboortejaar: 1961", "a birth date"),
    ],
)
def test_contact_data_is_found_and_replaced(text: str, what: str) -> None:
    assert what in [w for w, _ in contact_data(text)]
    scrubbed = scrub_forms(text)
    assert list(contact_data(scrubbed)) == [], scrubbed
    assert scrubbed.split()[0] == text.split()[0]  # the word before it stays


@pytest.mark.parametrize(
    "text",
    [
        "we keken at the data. Daarna",
        "een budget van 1.250.000 euro",
        "van 2019-2025 en 2025/2026",
        "in 2025 lukte dat bij twee derde van de opnames",
        "het team belde om 14.30 uur",
        "cliënten met ms en de @-toets",
    ],
)
def test_ordinary_numbers_and_words_are_no_contact_data(text: str) -> None:
    assert list(contact_data(text)) == []


def test_days_are_replaced_months_and_years_kept() -> None:
    text = "Op 14 april 2026 was de reviewdag; op 3-5-2025 ook; in maart 2026 en sinds 2019 niet."
    assert scrub_forms(text) == (
        "Op [datum] was de reviewdag; op [datum] ook; in maart 2026 en sinds 2019 niet."
    )


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("We voldoen aan 11 van de 14 standaarden.", "its own scores"),
        ("Wij voldeden aan elf van de veertien normen.", "its own scores"),
        ("We meet 11 of the 14 standards.", "its own scores"),
        ("Bij ons is 80% van de standaarden volledig voldaan.", "its own scores"),
        ("Als enige instelling in het netwerk doen wij dit.", "a claim only its writer fits"),
        ("Wij zijn de enige kliniek in het netwerk met een afbouwpoli.", ""),
        ("Als nieuwe deelnemer merkten we veel.", ""),
        ("Als nieuwkomer in het netwerk leren we.", ""),
        ("As the only clinic in the network we do this.", ""),
        ("No other institution does this.", ""),
    ],
)
def test_claims_are_found_and_their_sentence_left_out(text: str, what: str) -> None:
    found = list(claims(text, wide=False))
    assert found, text
    assert not what or found[0][0] == what
    assert drop_claims(f"Eerst dit. {text} Dan dat.") == f"Eerst dit. {OMITTED} Dan dat."


@pytest.mark.parametrize(
    "text",
    [
        "Een van de twee ervaringsdeskundigen belt eerst.",
        "Twee van hen hebben zich aangemeld.",
        "Zorg voor nieuwkomers en statushouders.",
        "Als eerste stap kijken we naar de enige manier die werkt.",
    ],
)
def test_ordinary_sentences_are_no_claims(text: str) -> None:
    assert drop_claims(text) == text


def test_one_normalisation() -> None:
    assert normalize("Of\ufb01ce  De\u00a0Lin\u00adde\n") == "Office De Linde"
    assert normalize("ÖZTÜRK Yıldız Straße Zwоlle") == "OZTURK Yildiz Strasse Zwolle"
    assert key("P. Jansen") == key("p.jansen") == "p.jansen"
    folded = fold("a\u00adb ﬁ c")
    assert folded.text == "ab fi c"
    assert folded.span(3, 5) == (4, 5)  # "fi" came from the one ligature


def test_abbreviations_of_a_name() -> None:
    assert abbreviations("Zorggroep De Linde") == ["ZDL", "ZGDL", "ZGL", "ZGdL", "ZdL"]
    assert abbreviations("Kliniek Zeezicht") == []  # two letters say too little
    assert "GGZ" not in abbreviations("Geestelijke Gezondheids Zorg")


def test_a_figure_may_stand_beside_another_only_over_groups_that_differ_much() -> None:
    eight = set("abcdefgh")
    assert safe_beside(eight, [eight], 5)
    assert not safe_beside(eight, [set("abcdef")], 5)  # two joined
    assert not safe_beside(set("abcdef"), [set("abcdefg")], 5)  # one left
    assert safe_beside(set("abcdefghijklm"), [set("abcdefgh")], 5)  # five joined
    assert not safe_beside(set("abcdefghijklm"), [set("abcdefghn")], 5)  # five joined, one left
    assert not safe_beside(set("abcd"), [], 5)  # too few on its own


@given(st.text(alphabet="ab Zë\n\t\u00a0ßﬁ\u00ad\u200bé'’-`´ıО", max_size=24))
def test_the_fast_fold_is_the_character_by_character_fold(text: str) -> None:
    fast, slow = fold(text), _fold_each(text)
    assert (fast.text, list(fast.origins)) == (slow.text, list(slow.origins))
