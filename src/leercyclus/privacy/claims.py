"""Claims: a sentence that says which institution wrote it, without a name.

Own scores ("we meet 11 of the 14 standards") and claims that only the writer fits ("als enige
in het netwerk", "as a newcomer"): the scrubber leaves such sentences out of the national
report, and `check` warns about them (LC220, LC221).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from leercyclus.privacy.normalize import fold

_NUMBER = (
    r"(?:\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|"
    r"vijftien|zestien|zeventien|achttien|negentien|twintig|alle|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|all)"
)
_FIGURE = re.compile(
    rf"(?i)(?<!\w)(?:{_NUMBER}\s*(?:van\s+de|van|uit|op|/|of\s+the|out\s+of|of)\s*{_NUMBER}"
    rf"|\d+(?:[.,]\d+)?\s*(?:%|procent|percent)|{_NUMBER}\s+(?:standaarden|normen|criteria|"
    r"standards|domeinen|domains))(?!\w)"
)
_SCORE_WORDS = (
    "standaard", "norm", "criteri", "voldo", "voldaan", "voldeed", "behaald", "scoor", "score",
    "standard", "fully met", "partly met", "not met", "we meet", "meets",
)  # fmt: skip
"""Words of judging: beside a count or share, they make it a score."""
_UNIQUE = re.compile(
    r"(?i)(?<!\w)(?:als\s+enige|de\s+enige\s+(?:\w+\s+){0,3}?(?:in|van|binnen|uit)\s+(?:het|ons|"
    r"de|dit)\s+(?:netwerk|regio|provincie|land|sector)|(?:uniek|enig)\s+(?:in|binnen)\s+"
    r"(?:het|ons|de)\s+(?:netwerk|regio|land|sector)|geen\s+(?:enkele\s+)?andere\s+(?:instelling|"
    r"organisatie|kliniek|deelnemer|aanbieder)|als\s+eerste\s+(?:instelling|organisatie|kliniek|"
    r"(?:in|van|binnen)\s+(?:het|ons)\s+netwerk)|(?:als\s+)?nieuwe\s+deelnemers?|"
    r"als\s+nieuwkomer|nieuwkomers?\s+in\s+het\s+netwerk|nieuw\s+in\s+het\s+netwerk|"
    r"voor\s+het\s+eerst\s+(?:mee|deel)|as\s+the\s+(?:only|first)|the\s+only\s+(?:\w+\s+){0,3}?"
    r"(?:in|of|within)\s+(?:the|our)\s+(?:network|region|country|sector)|unique\s+in\s+(?:the|"
    r"our)\s+(?:network|region|country|sector)|no\s+other\s+(?:institution|organi[sz]ation|clinic|"
    r"participant|provider)|new\s+(?:participant|member)s?|newcomers?\s+(?:to|in)\s+the\s+network|"
    r"new\s+to\s+the\s+network|(?:the\s+)?first\s+time\s+(?:in|taking\s+part))(?!\w)"
)
_UNIQUE_WIDE = re.compile(
    r"(?i)(?<!\w)(?:als\s+enige|de\s+enige|enige\s+(?:instelling|organisatie|kliniek|deelnemer)|"
    r"uniek\s+(?:in|binnen)|als\s+eerste\s+(?:instelling|organisatie|kliniek|in|van|binnen)|"
    r"nieuwe\s+deelnemers?|nieuwkomers?|voor\s+het\s+eerst\s+mee|(?:the|as\s+the)\s+only|"
    r"only\s+(?:one|institution|organi[sz]ation|clinic|provider)|unique\s+in|newcomers?|"
    r"new\s+(?:participant|member)s?)(?!\w)"
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def own_figures(sentence: str) -> bool:
    """Whether a sentence reports scores: a count or share beside a word of judging."""
    text = fold(sentence).text
    return _scores(text, text.lower())


def _scores(text: str, lowered: str) -> bool:
    return any(map(lowered.__contains__, _SCORE_WORDS)) and _FIGURE.search(text) is not None


def claims(
    text: str, *, wide: bool = True, normalized: str | None = None
) -> Iterator[tuple[str, str]]:
    """(what, the sentence) of each sentence that says which institution wrote it.

    `wide` also finds what may be innocent ("de enige manier", "the only way"): for warnings.
    `normalized` is `text` normalised, where the caller has it.
    """
    unique = _UNIQUE_WIDE if wide else _UNIQUE
    whole = fold(text).text if normalized is None else normalized
    if unique.search(whole) is None and not _scores(whole, whole.lower()):
        return  # most texts claim nothing: one look at the whole first
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        if not sentence:
            continue
        if own_figures(sentence):
            yield "its own scores", sentence
        if unique.search(fold(sentence).text):
            yield "a claim only its writer fits", sentence


OMITTED = "[zin weggelaten]"
"""What stands where a sentence with a claim was."""


def drop_claims(text: str, *, figures: bool = True) -> str:
    """`text` without the sentences that claim to be the only one (or a newcomer), and, with
    `figures`, those that report own scores."""

    def kept(match: re.Match[str]) -> str:
        sentence = match.group()
        found = [what for what, _ in claims(sentence, wide=False)]
        if not found or (found == ["its own scores"] and not figures):
            return sentence
        body = sentence.strip()
        start = sentence.index(body)
        return sentence[:start] + OMITTED + sentence[start + len(body) :]

    return _SENTENCE.sub(kept, text)
