"""The forms a known name takes in free text: parts, initials, abbreviations, city adjectives."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable

from leercyclus.privacy.match import KEY_SEP, Kind, Term
from leercyclus.privacy.normalize import key

PARTICLES = frozenset(
    "van de der den het 't ter ten te in op aan bij uit voor tot d' la le du da di del von "
    "el al bin ibn abu dos das".split()
)
ARTICLES = frozenset({"de", "het", "'t", "den", "'s"})
GENERIC = frozenset(
    """stichting zorggroep zorgcentrum zorg groep kliniek centrum herstelcentrum woonzorg ggz
    forensisch forensische instelling huis praktijk ziekenhuis umc psychiatrisch psychiatrische
    verpleeghuis behandelcentrum expertisecentrum fpc fpk fpa tbs locatie vestiging afdeling
    polikliniek jeugdzorg verslavingszorg beschermd wonen mevrouw meneer villa paviljoen gebouw
    team unit woonvorm woongroep""".split()
)
COMMON = frozenset(
    """anker baken horizon bakker boer visser smit kok koster mulder molenaar dekker timmerman
    schipper brouwer kuiper kramer meester koning prins graaf vos haan wolf haas valk mees merel
    beer hoek post hoorn best veen berg bos dijk brink hof kamp beek water zee zon licht hoop vrede
    bron brug haven poort toren kern kompas stroom wind groen wit zwart bruin rood lang lange klein
    kleine groot jong oud schaap eik beuk wilg berk roos bloem boom tuin veld akker heide duin dal
    heuvel weide hoeve molen burcht kasteel eiland oever lente zomer herfst winter morgen ster maan
    parel oester koers pad weg route sleutel deur thuis nest haard kring cirkel spiegel hart hand
    stap sprong start basis kracht moed geluk herstel balans evenwicht regenboog vlinder frank mark
    lot jet lieve fleur meer vaart laan wal zand geest steen poel plas horst broek hout wijk
    velde linden""".split()
)
"""Names that are also ordinary Dutch words: matched only as written (or in capitals)."""

SHORT_WORDS = frozenset("ben wil kan job dat die dan als met een het van mag las zag bas".split())
"""Three-letter names that are also words a sentence often starts with: not matched alone."""

SECTOR_ACRONYMS = frozenset(
    """GGZ GGD UWV IPS WMO WLZ ZVW BOPZ WVGGZ WZD FACT HIC ACT ART AVG BSN AGB BIG HKZ ISO NZA
    RVB RVT MDO SMART ROM PDF CEO CFO MT OR CR""".split()
)
"""Abbreviations every network uses: never taken for an institution's own."""

_COMPOUND_PARTS = (
    "zorg groep centrum herstel woon behandel expertise verpleeg huis kliniek jeugd verslavings "
    "psychiatrisch forensisch dienst"
).split()

IRREGULAR_PLACES: dict[str, tuple[str, ...]] = {
    "'s-hertogenbosch": ("Den Bosch", "Bossche", "Bosschenaar", "Bosschenaren"),
    "den bosch": ("'s-Hertogenbosch", "Bossche", "Bosschenaar", "Bosschenaren"),
    "'s-gravenhage": ("Den Haag", "Haagse", "Haags", "Hagenaar", "Hagenaars"),
    "den haag": ("Haagse", "Haags", "Hagenaar", "Hagenaars"),
    "nijmegen": ("Nijmeegse", "Nijmeegs", "Nijmegenaar", "Nijmegenaren"),
    "dordrecht": ("Dordt", "Dordtse", "Dordts", "Dordtenaar"),
    "maastricht": ("Maastrichtse", "Maastrichtenaar", "Maastrichtenaren"),
    "enschede": ("Enschedese", "Enschedees", "Enschedeer", "Enschedeers"),
    "leiden": ("Leidse", "Leids", "Leidenaar", "Leidenaren"),
    "breda": ("Bredase", "Bredaas", "Bredanaar", "Bredanaars"),
    "den helder": ("Helderse", "Heldersche", "Heldernaar", "Heldernaars"),
    "hengelo": ("Hengelose", "Hengeloer", "Hengeloers"),
    "venlo": ("Venlose", "Venlonaar"),
    "delft": ("Delftse", "Delfts", "Delftenaar"),
    "gouda": ("Goudse", "Gouds", "Gouwenaar"),
    "zaandam": ("Zaanse", "Zaankanter"),
    "zaanstad": ("Zaanse", "Zaankanter"),
    "groningen": ("Stadjer", "Stadjers", "Groningse", "Gronings"),
    "amersfoort": ("Amersfoortse", "Amersfoorter"),
    "almere": ("Almeerse", "Almeerder"),
    "bergen op zoom": ("Bergse", "Bergenaar"),
    "emmen": ("Emmense", "Emmenaar"),
    "assen": ("Asser", "Assense"),
    "utrecht": ("Utrechtse", "Utrechts", "Utrechter"),
    "deventer": ("Deventenaar", "Deventenaren"),
    "zwolle": ("Zwollenaar", "Zwollenaren"),
    "eindhoven": ("Eindhovense", "Eindhovenaar", "Eindhovenaren"),
    "tilburg": ("Tilburgse", "Tilburger", "Tilburgers"),
    "heerlen": ("Heerlense", "Heerlenaar"),
    "vlissingen": ("Vlissingse", "Vlissinger"),
    "leeuwarden": ("Leeuwarder", "Leeuwarders", "Leewarder"),
}
"""Cities whose adjective or inhabitants' name no rule derives."""


@functools.cache
def _irregular() -> dict[str, tuple[str, ...]]:
    return {key(city): forms for city, forms in IRREGULAR_PLACES.items()}


def words(text: str) -> list[str]:
    return [w for w in KEY_SEP.split(text.strip()) if w]


def term(text: str, kind: Kind, origin: str) -> Term:
    """A term; matched as written when its only real words are ordinary words or it is short."""
    real = [w.lower() for w in words(text) if w.lower() not in PARTICLES]
    ordinary = all(w in COMMON or w in GENERIC for w in real) or len(text.strip()) <= 3
    return Term(text.strip(), kind, origin, match_case=ordinary or acronym(text))


def acronym(text: str) -> bool:
    """'ZGL', 'SVG', 'Z.G.L': short capitals, which as lowercase are other words (css `svg`)."""
    letters = text.strip().replace(".", "").replace(" ", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters[0].isupper()):
        return False
    return letters.isupper() or (len(letters) <= 4 and sum(c.isupper() for c in letters) >= 2)


def dotted(abbreviation: str) -> tuple[str, str]:
    """'ZGL' → 'Z.G.L.' and 'Z.G.L' (found with spaces too: "Z. G. L.")."""
    return ".".join(abbreviation) + ".", ".".join(abbreviation)


def id_terms(inst_id: str, where: str) -> list[Term]:
    """An institution id, unless it is one ordinary word ("anker"): its name says more."""
    if len(words(inst_id)) == 1 and inst_id in COMMON | GENERIC:
        return []
    return [term(inst_id, "institution", f"{where} (id)")]


def name_terms(names: Iterable[str], where: str, kind: Kind = "institution") -> list[Term]:
    """A name, its part after type words and articles, and the abbreviations it makes."""
    terms = []
    for name in names:
        terms.append(term(name, kind, f"{where} ({name!r})"))
        if acronym(name) and "." not in name:
            terms += [term(d, kind, f"{where} ({name!r} with dots)") for d in dotted(name)]
        parts = words(name)
        lead = 0
        while lead < len(parts) - 1 and parts[lead].lower() in GENERIC | ARTICLES:
            lead += 1
        rest = " ".join(parts[lead:])
        if lead and len(rest) >= 4 and words(rest)[0].lower() not in GENERIC:
            terms.append(term(rest, kind, f"{where} (part of {name!r})"))
            if lead > 1 and parts[lead - 1].lower() in ARTICLES:
                article = " ".join(parts[lead - 1 :])
                terms.append(term(article, kind, f"{where} (part of {name!r})"))
        for short in abbreviations(name):
            origin = f"{where} (abbreviation {short!r} of {name!r})"
            terms += [term(form, kind, origin) for form in (short, *dotted(short))]
    return terms


def abbreviations(name: str) -> list[str]:
    """The initialisms a name makes: "Zorggroep De Linde" → ZDL, ZL, ZGDL, ZGL (3 to 6 letters).

    Each word gives its initial; a compound of type words gives its parts' initials too
    ("Zorggroep": Z or ZG); an article may be left out. Abbreviations every network uses (GGZ,
    UWV) are never an institution's.
    """
    parts = words(name)
    if len(parts) < 2 or acronym(name):
        return []
    options: list[set[str]] = []
    for part in parts:
        lower = part.lower()
        choices = {part[0].upper(), *([part] if acronym(part) else [])}
        split = _compound(lower)
        if split:
            choices.add("".join(p[0].upper() for p in split))
        if lower in ARTICLES or lower in PARTICLES:
            choices |= {"", part[0].lower()}
        options.append(choices)
    found = {"".join(combo) for combo in itertools.islice(itertools.product(*options), 256)}
    return sorted(a for a in found if 3 <= len(a) <= 6 and a.upper() not in SECTOR_ACRONYMS)


def _compound(word: str) -> list[str]:
    """`word` as two or more type-word parts ("zorggroep" → zorg, groep), else []."""
    for part in _COMPOUND_PARTS:
        if word.startswith(part) and len(word) > len(part):
            rest = word[len(part) :]
            if rest in _COMPOUND_PARTS:
                return [part, rest]
            deeper = _compound(rest)
            if deeper:
                return [part, *deeper]
    return []


def place_terms(city: str, origin: str) -> list[Term]:
    """A city, and the adjectives and inhabitants' names made from it."""
    terms = [term(city, "place", origin)]
    forms: list[str] = list(_irregular().get(key(city), ()))
    parts = words(city)
    if len(parts) == 1 and len(city) >= 5:
        stem = city[:-2] if city.endswith("en") else city[:-1] if city.endswith("e") else ""
        if len(stem) >= 2 and stem[-1] == stem[-2] and city.endswith("e"):
            stem = stem[:-1]  # Zwolle → Zwol(se)
        if len(stem) >= 4:
            forms.append(stem)
        if city.endswith("en"):
            forms.append(city + "aar")  # Leidenaar
        else:
            forms += [city + "naar", city + "enaar"]  # Zwollenaar, Tilburgenaar
            if city[-1] not in "aeiouy" and city[-2] in "aeiouy" and city[-3] not in "aeiouy":
                forms.append(city + city[-1] + "er")  # Amsterdam → Amsterdammer
    elif len(parts) > 1 and parts[0].lower() in ARTICLES | {"'s"}:
        rest = " ".join(parts[1:])  # Den Helder → Helderse, not "helder"
        forms += [rest + ending for ending in ("se", "sche", "naar", "enaar")]
    for form in dict.fromkeys(forms):
        terms.append(term(form, "place", f"{origin}, {form!r}"))
    return terms


def person_terms(name: str, origin: str) -> list[Term]:
    """A person's name, its parts, and the forms initials give it."""
    terms = [term(name, "person", origin)]
    parts = name.split()
    if len(parts) < 2:
        return terms
    first_particle = next(
        (i for i, w in enumerate(parts) if i and w.lower() in PARTICLES), len(parts) - 1
    )
    given, family = parts[:first_particle], parts[first_particle:]
    surname = " ".join(family)
    initials = "".join(f"{g[0]}." for w in given for g in w.split("-") if g)
    variants = {
        f"{given[0][0]}. {surname}",
        f"{given[0][0]} {surname}",
        f"{initials} {surname}",
        f"{given[0]} {family[-1][0]}.",  # Petra J.
        surname,
    }
    if surname[0].islower():
        variants.add(surname[0].upper() + surname[1:])
    letters = [initials.replace(".", "")] + [w[0].lower() for w in family[:-1]] + [family[-1][0]]
    joined = "".join(letters)  # Anne de Vries → AdV
    variants.add(".".join(joined) + ".")
    if len(joined) >= 3:
        variants.add(joined)
    for word in (w for p in parts for w in p.split("-")):
        lower = word.lower()
        if lower not in PARTICLES | GENERIC and (len(word) >= 4 or (
            len(word) == 3 and word[0].isupper() and lower not in SHORT_WORDS
        )):  # fmt: skip
            variants.add(word)
    for variant in sorted(variants):
        if len(variant.replace(".", "").replace(" ", "")) >= 2 and variant != name:
            terms.append(term(variant, "person", f"{origin} ({variant!r} of {name!r})"))
    return terms
