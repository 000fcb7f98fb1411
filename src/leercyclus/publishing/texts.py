"""Every fixed text of the reports, one table per language (nl, en), and date formatting."""
# ruff: noqa: E501  (a table of prose: one text per line reads best)

from __future__ import annotations

import datetime as dt

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}  # fmt: skip

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "institution_report": "Instellingsrapport",
        "national_report": "Landelijk rapport",
        "confidential": "Vertrouwelijk: alleen bestemd voor de bezochte instelling.",
        "public": "Openbaar: dit rapport noemt geen instellingen en geen personen.",
        "public_contacts": (
            "Openbaar: dit rapport noemt geen instellingen, en van personen alleen de "
            "contactpersonen van gedeelde parels, die daar toestemming voor gaven."
        ),
        "cycle": "Cyclus",
        "review_day": "Reviewdag",
        "self_review": "Zelfreview",
        "completed": "afgerond op",
        "not_completed": "nog niet afgerond",
        "no_visit": "De reviewdag heeft nog niet plaatsgevonden.",
        "method": "Werkwijze",
        "method_text": (
            "In de leercyclus beschrijft elke instelling in een zelfreview per standaard hoe zij "
            "die vormgeeft, samen met cliënten. Een reviewteam van collega-instellingen, altijd met "
            "een cliënt of ervaringsdeskundige, bespreekt dat op de reviewdag en geeft zijn oordeel. "
            "De standaarden zijn ambitieus: geen minimumeisen, maar een aanleiding voor het gesprek."
        ),
        "standards_count": "standaarden in {domains} domeinen",
        "participants_count": "deelnemende instellingen",
        "theme": "Thema van dit jaar",
        "theme_questions": "Gespreksvragen",
        "theme_reflection": "Reflectie op het thema",
        "no_theme_reflection": "De zelfreview bevat geen reflectie op het thema.",
        "team": "Het reviewteam",
        "role": "Rol",
        "discipline": "Discipline",
        "home_institution": "Instelling",
        "summary": "Samenvatting",
        "summary_parels": "Parels",
        "summary_oesters": "Oesters",
        "parels_intro": "Wat de instelling uitzonderlijk goed doet.",
        "oesters_intro": "Waar ontwikkeling mogelijk is.",
        "overview": "Overzicht per domein",
        "overview_intro": (
            "Per domein het aantal standaarden per uitkomst: de zelfreview naast het oordeel van "
            "het reviewteam."
        ),
        "domain": "Domein",
        "standard": "Standaard",
        "standards": "Standaarden",
        "self": "Zelfreview",
        "team_view": "Reviewteam",
        "outcome": "Uitkomst",
        "explanation": "Hoe geven wij dit vorm?",
        "evidence": "Onderbouwing",
        "team_note": "Toelichting van het team",
        "not_judged": "niet beoordeeld",
        "not_answered": "niet ingevuld",
        "difference": "Verschil met de zelfreview: stof voor het gesprek.",
        "differences": "Verschillen tussen zelfreview en reviewteam",
        "differences_intro": (
            "Bij deze standaarden kwamen de zelfreview en het reviewteam tot een ander oordeel. "
            "Dat is geen fout, maar juist stof voor het gesprek."
        ),
        "no_differences": "Zelfreview en reviewteam kwamen bij elke standaard tot hetzelfde oordeel.",
        "previous": "Vorige cyclus",
        "network_context": "In het netwerk",
        "network_suppressed": "niet getoond, om herleidbaarheid te voorkomen (zie het landelijk rapport)",
        "network_context_note": (
            "Het netwerkbeeld telt de uitkomsten van alle deelnemende instellingen, alleen waar "
            "minstens {min_group} instellingen een oordeel hebben; het noemt geen andere instelling."
        ),
        "suggestion": "Tip",
        "contact": "Contact",
        "related": "Standaarden",
        "shared": "gedeeld in het landelijk rapport",
        "no_parels": "Het reviewteam heeft geen parels vastgelegd.",
        "no_oesters": "Het reviewteam heeft geen oesters vastgelegd.",
        "previous_actions": "Het actieplan van de vorige cyclus",
        "previous_ambition": "Ambitie",
        "action": "Actie",
        "owner": "Wie",
        "due": "Wanneer",
        "status": "Status",
        "no_previous_plan": "Er is geen actieplan van de vorige cyclus.",
        "next_steps": "Reflectie en actie",
        "next_steps_text": (
            "Dit rapport is een startpunt. Bespreek het met medewerkers, cliënten en naasten: wat "
            "herkennen jullie, waar ligt jullie ambitie, en welke acties horen daarbij (wie doet wat, "
            "wanneer)? Leg de ambitie en het actieplan vast in het actieplan van deze cyclus."
        ),
        "plan_exists": "Het actieplan van deze cyclus is al vastgelegd: {count} acties.",
        "provenance": "Gemaakt met leercyclus {version} uit de gegevens van commit {commit} ({date}).",
        "provenance_nogit": "Gemaakt met leercyclus {version}; de gegevens staan niet in git.",
        "foreword": "Voorwoord",
        "foreword_text": (
            "Dit landelijk rapport geeft het geanonimiseerde beeld van de sector in {cycle}: "
            "waar liggen de uitdagingen, wat gaat goed, en welke parels delen de instellingen met "
            "elkaar. Het rapport levert geen benchmark op en noemt geen instellingen of personen, "
            "behalve de contactpersonen van gedeelde parels."
        ),
        "sector": "Het beeld van de sector",
        "sector_intro": (
            "Per standaard het aantal instellingen per uitkomst (het oordeel van het reviewteam, "
            "anders dat van de zelfreview). Een standaard krijgt alleen cijfers als minstens "
            "{min_group} instellingen er een uitkomst voor hebben. Een aantal in zo'n rij kan klein "
            "zijn, ook 1: het zegt iets over de groep, niet welke instelling het is."
        ),
        "suppressed": "–",
        "suppressed_note": (
            "– : minder dan {min_group} instellingen hebben een uitkomst voor deze standaard; om "
            "herleidbaarheid te voorkomen niet getoond."
        ),
        "suppressed_changed": (
            "– : de instellingen met een uitkomst voor deze standaard zijn andere dan in cyclus "
            "{previous}, maar minder dan {min_group} verschillen. Naast de cijfers van toen zouden "
            "de cijfers van nu de uitkomsten laten zien van wie erbij kwam of wegging; daarom "
            "staan ze er niet."
        ),
        "domain_totals": "Totaal domein",
        "domain_totals_partial": "Totaal domein (zonder {count} niet getoonde standaarden)",
        "domain_totals_partial_one": "Totaal domein (zonder 1 niet getoonde standaard)",
        "qualitative_only": (
            "Aan deze cyclus deden minder dan {min_group} instellingen mee. Om herleidbaarheid te "
            "voorkomen bevat dit rapport daarom geen cijfers, alleen de inhoudelijke delen."
        ),
        "strengths": "Wat goed gaat",
        "strengths_intro": "De standaarden die het vaakst volledig voldaan zijn.",
        "challenges": "Waar de uitdagingen liggen",
        "challenges_intro": (
            "De standaarden die het vaakst deels of niet voldaan zijn, met de oesters die "
            "reviewteams erbij noemden."
        ),
        "met_share": "volledig voldaan",
        "challenge_share": "deels of niet voldaan",
        "oester_themes": "Oesters",
        "theme_findings": "Wat de instellingen over het thema zeggen",
        "no_theme_findings": "Er zijn geen reflecties op het thema.",
        "theme_count": (
            "{count} van de {total} instellingen schreven een reflectie op het thema. Dit rapport "
            "citeert geen reflectie in haar geheel: wie de deelnemers kent, herkent een instelling "
            "vaak aan wat zij over zichzelf vertelt."
        ),
        "theme_quotes": "Met instemming van de instellingen die ze schreven:",
        "parel_catalogue": "Catalogus van parels",
        "parel_catalogue_intro": (
            "Parels die instellingen met het netwerk willen delen. Neem gerust contact op."
        ),
        "no_shared_parels": "Er zijn geen parels gedeeld.",
        "comparison": "Vergelijking met cyclus {previous}",
        "comparison_intro": (
            "Het aandeel instellingen dat een doorlopende standaard volledig voldoet, toen en nu."
        ),
        "no_comparison": "Er zijn geen doorlopende standaarden met genoeg instellingen om te vergelijken.",
        "evaluation": "Evaluatie van de standaarden",
        "evaluation_process": "Terugblik op het proces",
        "verdict": "Oordeel",
        "note": "Toelichting",
        "no_evaluation": "De cyclus is nog niet geëvalueerd.",
        "appendix": "Bijlage: de standaarden",
        "type": "Type",
        "guidance": "Toelichting",
        "now": "nu",
        "then": "toen",
        "institutions": "instellingen",
        "total": "totaal",
        "contents": "Inhoud",
        "chart_label": "{label}: {met} volledig, {partly} deels, {not_met} niet, {na} nvt",
    },
    "en": {
        "institution_report": "Institution report",
        "national_report": "National report",
        "confidential": "Confidential: for the visited institution only.",
        "public": "Public: this report names no institution and no person.",
        "public_contacts": (
            "Public: this report names no institution, and no person except the contact persons "
            "of shared parels, who agreed to be named."
        ),
        "cycle": "Cycle",
        "review_day": "Review day",
        "self_review": "Self-review",
        "completed": "completed on",
        "not_completed": "not yet completed",
        "no_visit": "The review day has not taken place yet.",
        "method": "Method",
        "method_text": (
            "In the learning cycle, each institution describes in a self-review, together with "
            "clients, how it shapes each standard. A review team from other institutions, always "
            "with a client or expert by experience, discusses it on the review day and gives its "
            "view. The standards are ambitious: not minimum requirements, but a reason to talk."
        ),
        "standards_count": "standards in {domains} domains",
        "participants_count": "participating institutions",
        "theme": "This year's theme",
        "theme_questions": "Questions",
        "theme_reflection": "Reflection on the theme",
        "no_theme_reflection": "The self-review has no reflection on the theme.",
        "team": "The review team",
        "role": "Role",
        "discipline": "Discipline",
        "home_institution": "Institution",
        "summary": "Summary",
        "summary_parels": "Parels",
        "summary_oesters": "Oesters",
        "parels_intro": "What the institution does exceptionally well.",
        "oesters_intro": "Where the institution can grow.",
        "overview": "Overview per domain",
        "overview_intro": (
            "Per domain, the number of standards per outcome: the self-review beside the review "
            "team's view."
        ),
        "domain": "Domain",
        "standard": "Standard",
        "standards": "Standards",
        "self": "Self-review",
        "team_view": "Review team",
        "outcome": "Outcome",
        "explanation": "How do we shape this?",
        "evidence": "Evidence",
        "team_note": "The team's note",
        "not_judged": "not judged",
        "not_answered": "not answered",
        "difference": "Differs from the self-review: material for the conversation.",
        "differences": "Where self-review and review team differ",
        "differences_intro": (
            "For these standards the self-review and the review team came to a different view. "
            "That is no mistake, but material for the conversation."
        ),
        "no_differences": "The self-review and the review team agreed on every standard.",
        "previous": "Previous cycle",
        "network_context": "In the network",
        "network_suppressed": "not shown, to prevent recognition (see the national report)",
        "network_context_note": (
            "The network picture counts the outcomes of all participating institutions, only where "
            "at least {min_group} institutions have an outcome; it names no other institution."
        ),
        "suggestion": "Suggestion",
        "contact": "Contact",
        "related": "Standards",
        "shared": "shared in the national report",
        "no_parels": "The review team recorded no parels.",
        "no_oesters": "The review team recorded no oesters.",
        "previous_actions": "Last cycle's action plan",
        "previous_ambition": "Ambition",
        "action": "Action",
        "owner": "Who",
        "due": "When",
        "status": "Status",
        "no_previous_plan": "There is no action plan from the previous cycle.",
        "next_steps": "Reflection and action",
        "next_steps_text": (
            "This report is a starting point. Discuss it with staff, clients and relatives: what do "
            "you recognise, where does your ambition lie, and which actions go with it (who does "
            "what, when)? Record the ambition and the plan in this cycle's action plan."
        ),
        "plan_exists": "This cycle's action plan has been recorded: {count} actions.",
        "provenance": "Made with leercyclus {version} from the data of commit {commit} ({date}).",
        "provenance_nogit": "Made with leercyclus {version}; the data is not in git.",
        "foreword": "Foreword",
        "foreword_text": (
            "This national report gives the anonymised picture of the sector in {cycle}: "
            "where the challenges are, what goes well, and which parels institutions share with "
            "each other. It is no benchmark and names no institution or person, except the "
            "contacts of shared parels."
        ),
        "sector": "The picture of the sector",
        "sector_intro": (
            "Per standard, the number of institutions per outcome (the review team's view, else "
            "the self-review's). A standard has figures only where at least {min_group} "
            "institutions have an outcome for it. A count in such a row may be small, even 1: it "
            "describes the group, not which institution it is."
        ),
        "suppressed": "–",
        "suppressed_note": (
            "– : fewer than {min_group} institutions have an outcome for this standard; not shown "
            "to prevent recognition."
        ),
        "suppressed_changed": (
            "– : the institutions with an outcome for this standard differ from those of cycle "
            "{previous}, by fewer than {min_group}. Beside the figures of then, the figures of now "
            "would show the outcomes of whoever joined or left, so they are not shown."
        ),
        "domain_totals": "Domain total",
        "domain_totals_partial": "Domain total (without {count} standards not shown)",
        "domain_totals_partial_one": "Domain total (without 1 standard not shown)",
        "qualitative_only": (
            "Fewer than {min_group} institutions took part in this cycle. To prevent recognition, "
            "this report has no figures, only its qualitative parts."
        ),
        "strengths": "What goes well",
        "strengths_intro": "The standards most often fully met.",
        "challenges": "Where the challenges are",
        "challenges_intro": (
            "The standards most often partly or not met, with the oesters review teams noted."
        ),
        "met_share": "fully met",
        "challenge_share": "partly or not met",
        "oester_themes": "Oesters",
        "theme_findings": "What institutions say about the theme",
        "no_theme_findings": "There are no reflections on the theme.",
        "theme_count": (
            "{count} of the {total} institutions wrote a reflection on the theme. This report "
            "quotes no reflection whole: a reader who knows the participants often recognises an "
            "institution by what it tells about itself."
        ),
        "theme_quotes": "Quoted with the consent of the institutions that wrote them:",
        "parel_catalogue": "Catalogue of parels",
        "parel_catalogue_intro": "Parels institutions want to share with the network. Get in touch.",
        "no_shared_parels": "No parels were shared.",
        "comparison": "Comparison with cycle {previous}",
        "comparison_intro": "The share of institutions fully meeting a continued standard, then and now.",
        "no_comparison": "No continued standards have enough institutions to compare.",
        "evaluation": "Evaluation of the standards",
        "evaluation_process": "Looking back on the process",
        "verdict": "Verdict",
        "note": "Note",
        "no_evaluation": "The cycle has not been evaluated yet.",
        "appendix": "Appendix: the standards",
        "type": "Type",
        "guidance": "Guidance",
        "now": "now",
        "then": "then",
        "institutions": "institutions",
        "total": "total",
        "contents": "Contents",
        "chart_label": "{label}: {met} fully, {partly} partly, {not_met} not met, {na} n/a",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "met": "volledig",
        "partly_met": "deels",
        "not_met": "niet",
        "not_applicable": "nvt",
        "chair": "voorzitter",
        "professional": "professional",
        "client": "cliënt",
        "expert_by_experience": "ervaringsdeskundige",
        "network_staff": "netwerkorganisatie",
        "observer": "toehoorder",
        "open": "open",
        "in_progress": "loopt",
        "done": "afgerond",
        "dropped": "vervallen",
        "keep": "behouden",
        "adjust": "aanpassen",
        "drop": "schrappen",
        "1": "essentieel",
        "2": "verwacht",
        "3": "wenselijk",
    },
    "en": {
        "met": "met",
        "partly_met": "partly met",
        "not_met": "not met",
        "not_applicable": "n/a",
        "chair": "chair",
        "professional": "professional",
        "client": "client",
        "expert_by_experience": "expert by experience",
        "network_staff": "network staff",
        "observer": "observer",
        "open": "open",
        "in_progress": "in progress",
        "done": "done",
        "dropped": "dropped",
        "keep": "keep",
        "adjust": "adjust",
        "drop": "drop",
        "1": "essential",
        "2": "expected",
        "3": "desirable",
    },
}


def long_date(value: dt.date | None, language: str) -> str:
    """A date as a reader writes it: '14 april 2025' (nl) or '14 April 2025' (en)."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[language][value.month - 1]} {value.year}"
