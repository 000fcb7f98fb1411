"""What the repository knows about identities, scrubbing free text with it, and small groups."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TYPE_CHECKING

from leercyclus.privacy.claims import drop_claims
from leercyclus.privacy.match import PLACEHOLDERS, Term, lookup_key, matcher_for, tidy
from leercyclus.privacy.patterns import scrub_forms
from leercyclus.privacy.variants import id_terms, name_terms, person_terms, place_terms

if TYPE_CHECKING:
    from leercyclus.loading.network import Network


class Scrubber:
    """Replaces every known term and every identifying form, then lets `deidentify` find the rest.

    In order: sentences that claim to be the only one or report the writer's own scores are
    left out (with `claims`); known terms become placeholders; contact data, numbers, days, titled
    names and ward names found by their form (patterns.py); then deduce; then the forms again,
    for what deduce left in a new shape.
    """

    def __init__(
        self, terms: Sequence[Term], deidentify: Callable[[str], str] | None = None
    ) -> None:
        self.matcher = matcher_for(tuple(terms))
        self._deidentify = deidentify

    def scrub(self, text: str, *, claims: bool = False, figures: bool = True) -> str:
        """`text` with known terms and (with `deidentify`) other identifying data replaced.

        With `claims`, sentences that claim to be the only one are left out, and with
        `figures` too those that give own scores (not in the network's texts: its figures are
        the network's).
        """
        if claims:
            text = drop_claims(text, figures=figures)
        scrubbed = scrub_forms(self.matcher.sub(text, lambda term: PLACEHOLDERS[term.kind]))
        if self._deidentify is not None and scrubbed.strip():
            scrubbed = scrub_forms(self._deidentify(scrubbed))
        return tidy(scrubbed)


def known_terms(network: Network) -> list[Term]:
    """Every identifying string the repository holds, with the forms it takes in free text.

    Institution ids, names, aliases, abbreviations, cities and the names of their locations;
    the names of review team members and of parel contacts, with their e-mail and phone (the
    contacts of shared parels too: their consent covers the contact line of their parel, which
    the leak guard allows, not any other text); `national.extra_terms`. Action owners are
    usually roles: deduce sees them.
    """
    terms: list[Term] = []
    if network.register is not None:
        rel = network.register.rel
        for inst in network.register.model.institutions:
            where = f"{rel}: {inst.id}"
            terms += [*name_terms([inst.name, *inst.aliases], where), *id_terms(inst.id, where)]
            if inst.city is not None:
                terms += place_terms(inst.city, f"{rel}: {inst.id} (city)")
            terms += name_terms(
                [loc.name for loc in inst.locations], f"{rel}: {inst.id} (location)", "location"
            )
    for cycle_id in network.cycle_order():
        data = network.cycles[cycle_id]
        ids = {*data.self_reviews, *data.visits, *data.actions}
        if data.cycle is not None:
            ids.update(data.cycle.model.participants)
        for inst_id in sorted(ids):
            terms += id_terms(inst_id, f"cycles/{cycle_id}: {inst_id}")
        for loaded in data.visits.values():
            for n, member in enumerate(loaded.model.team):
                terms += person_terms(member.name, f"{loaded.rel}: team[{n}].name")
            for n, parel in enumerate(loaded.model.parels):
                contact = parel.contact
                if contact is None:
                    continue
                where = f"{loaded.rel}: parels[{n}].contact"
                terms += person_terms(contact.name, f"{where}.name")
                if contact.email is not None:
                    terms.append(Term(contact.email, "email", f"{where}.email"))
                if contact.phone is not None:
                    terms.append(Term(contact.phone, "phone", f"{where}.phone"))
    if network.settings is not None:
        origin = f"{network.settings.rel}: national.extra_terms"
        terms += [Term(t, "extra", origin) for t in network.settings.model.national.extra_terms]
    return _unique(terms)


def _unique(terms: Iterable[Term]) -> list[Term]:
    """The first term of each text; a term matched as written yields to one matched in any case."""
    terms = list(terms)
    anycase = {lookup_key(t) for t in terms if not t.match_case}
    seen: set[tuple[bool, str]] = set()
    unique = []
    for term in terms:
        key = lookup_key(term)
        if (term.match_case and key.casefold() in anycase) or (term.match_case, key) in seen:
            continue
        seen.add((term.match_case, key))
        unique.append(term)
    return unique


def safe_beside(
    group: Collection[str], published: Iterable[Collection[str]], min_group: int
) -> bool:
    """Whether a figure over `group` may be published beside figures over `published` groups.

    A figure describes at least `min_group` institutions. Two figures over groups that differ
    by a few institutions describe those few: their difference is their outcome (differencing).
    So the institutions only in `group`, and those only in a published group, must each be
    none or at least `min_group`. This holds for the same standard in the previous cycle (who
    joined, who left) as for two groups of one report (all participants, and those of both
    cycles).
    """
    mine = set(group)
    if len(mine) < min_group:
        return False
    for other in map(set, published):
        for apart in (mine - other, other - mine):
            if 0 < len(apart) < min_group:
                return False
    return True
