"""What the repository knows about identities, and scrubbing free text with it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from leercyclus.privacy.match import (
    KEY_SEP,
    PLACEHOLDERS,
    Kind,
    Matcher,
    Term,
    lookup_key,
    match_key,
    tidy,
)

if TYPE_CHECKING:
    from leercyclus.loading.network import Network


class Scrubber:
    """Replaces every known term by its placeholder, then lets `deidentify` find the rest."""

    def __init__(
        self, terms: Sequence[Term], deidentify: Callable[[str], str] | None = None
    ) -> None:
        self.matcher = Matcher(terms)
        self._deidentify = deidentify

    def scrub(self, text: str) -> str:
        """`text` with known terms and (with `deidentify`) other identifying data replaced."""
        scrubbed = self.matcher.sub(text, lambda term: PLACEHOLDERS[term.kind])
        if self._deidentify is not None and scrubbed.strip():
            scrubbed = self._deidentify(scrubbed)
        return tidy(scrubbed)


def known_terms(network: Network, *, keep_contacts: Iterable[str] = ()) -> list[Term]:
    """Every identifying string the repository holds, with its obvious variants.

    Institution ids, names, aliases and cities; the names of review team members and of parel
    contacts (with their e-mail and phone), except contacts named in `keep_contacts` (those of
    shared parels); `national.extra_terms`. Action owners are usually roles: deduce sees them.
    """
    keep = {match_key(name, match_case=False) for name in keep_contacts}
    terms: list[Term] = []
    if network.register is not None:
        rel = network.register.rel
        for inst in network.register.model.institutions:
            where = f"{rel}: {inst.id}"
            terms += [*_name_terms([inst.name, *inst.aliases], where), *_id_terms(inst.id, where)]
            if inst.city is not None:
                terms += _place_terms(inst.city, f"{rel}: {inst.id} (city)")
    for cycle_id in network.cycle_order():
        data = network.cycles[cycle_id]
        ids = {*data.self_reviews, *data.visits, *data.actions}
        if data.cycle is not None:
            ids.update(data.cycle.model.participants)
        for inst_id in sorted(ids):
            terms += _id_terms(inst_id, f"cycles/{cycle_id}: {inst_id}")
        for loaded in data.visits.values():
            for n, member in enumerate(loaded.model.team):
                terms += _person_terms(member.name, f"{loaded.rel}: team[{n}].name")
            for n, parel in enumerate(loaded.model.parels):
                contact = parel.contact
                if contact is None or match_key(contact.name, match_case=False) in keep:
                    continue
                where = f"{loaded.rel}: parels[{n}].contact"
                terms += _person_terms(contact.name, f"{where}.name")
                if contact.email is not None:
                    terms.append(Term(contact.email, "email", f"{where}.email"))
                if contact.phone is not None:
                    terms.append(Term(contact.phone, "phone", f"{where}.phone"))
    if network.settings is not None:
        origin = f"{network.settings.rel}: national.extra_terms"
        terms += [Term(t, "extra", origin) for t in network.settings.model.national.extra_terms]
    return _unique(terms)


_PARTICLES = frozenset(
    "van de der den het 't ter ten te in op aan bij uit voor tot d' la le du da di del von".split()
)
_ARTICLES = frozenset({"de", "het", "'t"})
_GENERIC = frozenset(
    """stichting zorggroep zorgcentrum zorg groep kliniek centrum herstelcentrum woonzorg ggz
    forensisch forensische instelling huis praktijk ziekenhuis umc psychiatrisch psychiatrische
    verpleeghuis behandelcentrum expertisecentrum fpc fpk fpa tbs locatie vestiging afdeling
    polikliniek jeugdzorg verslavingszorg beschermd wonen mevrouw meneer""".split()
)
_COMMON = frozenset(
    """anker baken horizon bakker boer visser smit kok koster mulder molenaar dekker timmerman
    schipper brouwer kuiper kramer meester koning prins graaf vos haan wolf haas valk mees merel
    beer hoek post hoorn best veen berg bos dijk brink hof kamp beek water zee zon licht hoop vrede
    bron brug haven poort toren kern kompas stroom wind groen wit zwart bruin rood lang lange klein
    kleine groot jong oud schaap eik beuk wilg berk roos bloem boom tuin veld akker heide duin dal
    heuvel weide hoeve molen burcht kasteel eiland oever lente zomer herfst winter morgen ster maan
    parel oester koers pad weg route sleutel deur thuis nest haard kring cirkel spiegel hart hand
    stap sprong start basis kracht moed geluk herstel balans evenwicht regenboog vlinder frank mark
    lot jet lieve fleur""".split()
)


def _words(text: str) -> list[str]:
    return [w for w in KEY_SEP.split(text.strip()) if w]


def _term(text: str, kind: Kind, origin: str) -> Term:
    """A term; matched as written when its only real words are ordinary Dutch words."""
    words = [w.lower() for w in _words(text) if w.lower() not in _PARTICLES]
    ordinary = all(w in _COMMON or w in _GENERIC for w in words) or len(text.strip()) <= 2
    return Term(text.strip(), kind, origin, match_case=ordinary or _acronym(text))


def _acronym(text: str) -> bool:
    """'ZGL', 'SVG': short capitals, which as lowercase are other words (css `svg`)."""
    letters = text.strip().replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _id_terms(inst_id: str, where: str) -> list[Term]:
    """An institution id, unless it is one ordinary word ("anker"): its name says more."""
    if len(_words(inst_id)) == 1 and inst_id in _COMMON | _GENERIC:
        return []
    return [_term(inst_id, "institution", f"{where} (id)")]


def _name_terms(names: Iterable[str], where: str) -> list[Term]:
    terms = []
    for name in names:
        terms.append(_term(name, "institution", f"{where} ({name!r})"))
        words = _words(name)
        lead = 0
        while lead < len(words) - 1 and words[lead].lower() in _GENERIC | _ARTICLES:
            lead += 1
        rest = " ".join(words[lead:])
        if lead and len(rest) >= 4 and _words(rest)[0].lower() not in _GENERIC:
            terms.append(_term(rest, "institution", f"{where} (part of {name!r})"))
            if lead > 1 and words[lead - 1].lower() in _ARTICLES:
                article = " ".join(words[lead - 1 :])
                terms.append(_term(article, "institution", f"{where} (part of {name!r})"))
    return terms


def _place_terms(city: str, origin: str) -> list[Term]:
    terms = [_term(city, "place", origin)]
    if len(_words(city)) == 1 and len(city) >= 5:
        stem = city[:-2] if city.endswith("en") else city[:-1] if city.endswith("e") else ""
        if len(stem) >= 2 and stem[-1] == stem[-2] and city.endswith("e"):
            stem = stem[:-1]  # Zwolle → Zwol(se)
        if len(stem) >= 4:
            terms.append(_term(stem, "place", f"{origin}, adjective"))
    return terms


def _person_terms(name: str, origin: str) -> list[Term]:
    terms = [_term(name, "person", origin)]
    words = _words(name)
    if len(words) < 2:
        return terms
    first_particle = next(
        (i for i, w in enumerate(words) if i and w.lower() in _PARTICLES), len(words) - 1
    )
    given, surname = words[:first_particle], " ".join(words[first_particle:])
    initials = "".join(f"{w[0]}." for w in given)
    variants = {f"{given[0][0]}. {surname}", f"{initials} {surname}", surname}
    if surname[0].islower():
        variants.add(surname[0].upper() + surname[1:])
    variants.update(w for w in words if len(w) >= 4 and w.lower() not in _PARTICLES | _GENERIC)
    for variant in sorted(variants):
        if len(variant) >= 4 and variant != name:
            terms.append(_term(variant, "person", f"{origin} ({variant!r} of {name!r})"))
    return terms


def _unique(terms: Iterable[Term]) -> list[Term]:
    """The first term of each text; a term matched as written yields to one matched in any case."""
    terms = list(terms)
    anycase = {lookup_key(t) for t in terms if not t.match_case}
    seen: set[tuple[bool, str]] = set()
    unique = []
    for term in terms:
        key = lookup_key(term)
        if (term.match_case and key.lower() in anycase) or (term.match_case, key) in seen:
            continue
        seen.add((term.match_case, key))
        unique.append(term)
    return unique
