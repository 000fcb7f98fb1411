"""deduce behind a cache: placeholders, what is kept, and a warm cache that never starts deduce."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from leercyclus.privacy import deidentify
from leercyclus.privacy.anonymize import Scrubber
from leercyclus.privacy.deidentify import Deidentifier
from leercyclus.privacy.match import Term


@dataclass
class Annotation:
    start_char: int
    end_char: int
    tag: str


@dataclass
class Document:
    annotations: list[Annotation]


class FakeDeduce:
    """Tags every listed substring with its tag, as deduce's annotations would."""

    def __init__(self, tags: dict[str, str]) -> None:
        self.tags = tags
        self.calls: list[str] = []

    def deidentify(self, text: str) -> Document:
        self.calls.append(text)
        found = [
            Annotation(text.index(s), text.index(s) + len(s), tag)
            for s, tag in self.tags.items()
            if s in text
        ]
        return Document(found)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeDeduce:
    engine = FakeDeduce(
        {
            "Jan": "persoon",
            "Amersfoort": "locatie",
            "Pro Persona": "zorginstelling",
            "06-12345678": "telefoonnummer",
            "jan@example.org": "emailadres",
            "www.example.org": "url",
            "123456782": "bsn",
            "7654321": "id",
            "14 april": "datum",
            "45": "leeftijd",
            "Zeist": "straat",
        }
    )
    monkeypatch.setattr(deidentify, "engine", lambda _cache=None: engine)
    return engine


@pytest.mark.usefixtures("fake")
def test_tags_become_placeholders_and_dates_and_ages_stay() -> None:
    text = (
        "Jan uit Amersfoort (Pro Persona) belt 06-12345678, mailt jan@example.org, zie "
        "www.example.org; BSN 123456782, nummer 7654321, op 14 april, 45 jaar, Zeist."
    )
    assert Deidentifier(None)(text) == (
        "[persoon] uit [plaats] ([instelling]) belt [telefoonnummer], mailt [e-mailadres], zie "
        "[website]; BSN [nummer], nummer [nummer], op 14 april, 45 jaar, [gegevens]."
    )


@pytest.mark.usefixtures("fake")
def test_the_safety_net_catches_what_deduce_leaves() -> None:
    text = "Bel +31 6 1234 5678 of 0031-20-1234567 of 020 123 45 67, mail a.b+c@zorg.example.nl."
    assert Deidentifier(None)(text) == (
        "Bel [telefoonnummer] of [telefoonnummer] of [telefoonnummer], mail [e-mailadres]."
    )


@pytest.mark.usefixtures("fake")
def test_numbers_that_are_not_phone_numbers_stay() -> None:
    text = "In 2025 deden 12 van de 20 teams mee; 0,5 fte; 01-02-2025."
    assert Deidentifier(None)(text) == text


def test_empty_text_does_not_start_deduce(fake: FakeDeduce) -> None:
    deidentifier = Deidentifier(None)
    assert deidentifier(" \n") == " \n"
    assert not deidentifier.started
    assert fake.calls == []


def test_a_warm_cache_never_starts_deduce(fake: FakeDeduce, tmp_path: Path) -> None:
    first = Deidentifier(tmp_path)
    assert first("Jan belde") == "[persoon] belde"
    assert first.started
    second = Deidentifier(tmp_path)
    assert second("Jan belde") == "[persoon] belde"
    assert not second.started
    assert fake.calls == ["Jan belde"]


@pytest.mark.usefixtures("fake")
def test_the_cache_holds_only_deidentified_text(tmp_path: Path) -> None:
    Deidentifier(tmp_path)("Jan belde")
    [entry] = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert "Jan" not in entry.read_text(encoding="utf-8")
    assert entry.suffix == ".json"


@pytest.mark.usefixtures("fake")
def test_a_damaged_entry_is_a_miss_and_is_repaired(tmp_path: Path) -> None:
    Deidentifier(tmp_path)("Jan belde")
    [entry] = [p for p in tmp_path.rglob("*") if p.is_file()]
    for damage in ('{"key": "x", "text": "Jan"}', '{"text": 1', "[1]", ""):
        entry.write_text(damage, encoding="utf-8")
        again = Deidentifier(tmp_path)
        assert again("Jan belde") == "[persoon] belde"
        assert again.started
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [entry.name]


def test_a_new_cache_version_is_a_miss(
    fake: FakeDeduce, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Deidentifier(tmp_path)("Jan belde")
    monkeypatch.setattr(deidentify, "CACHE_VERSION", "test")
    assert Deidentifier(tmp_path)("Jan belde") == "[persoon] belde"
    assert len(fake.calls) == 2


def test_an_unwritable_cache_only_costs_time(fake: FakeDeduce, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    deidentifier = Deidentifier(blocked / "cache")
    assert deidentifier("Jan belde") == "[persoon] belde"
    assert deidentifier("Jan belde") == "[persoon] belde"
    assert fake.calls == ["Jan belde"]


# The real deduce: about a second to start (10-20 s the first time on a machine, building its
# lookup tables); one instance for the whole module (the process keeps it, later modules too).


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deidentifier]:
    yield Deidentifier(tmp_path_factory.mktemp("deduce-cache"))


@pytest.mark.deduce
def test_deduce_finds_what_the_repository_does_not_know(real: Deidentifier) -> None:
    text = (
        "Dhr. De Vries uit Amersfoort belde op 06-12345678 en mailde p.devries@example.org "
        "over www.herstelwerkplaats.nl. In maart 2025 was de reviewdag; een cliënt van 45 jaar "
        "vertelde erover."
    )
    assert real(text) == (
        "[persoon] uit [plaats] belde op [telefoonnummer] en mailde [e-mailadres] "
        "over [website]. In maart 2025 was de reviewdag; een cliënt van 45 jaar "
        "vertelde erover."
    )


@pytest.mark.deduce
def test_deduce_leaves_our_placeholders_alone(real: Deidentifier) -> None:
    text = "[persoon] van [instelling] in [plaats] en het [instelling]-team ([naam])."
    assert real(text) == text


@pytest.mark.deduce
def test_scrubbing_with_deduce(real: Deidentifier) -> None:
    terms = [Term("Zorggroep De Linde", "institution", "t"), Term("De Linde", "institution", "t")]
    scrubber = Scrubber(terms, real)
    assert scrubber.scrub("Petra Jansen van De Linde en Jan Bakker belden.") == (
        "[persoon] van [instelling] en [persoon] belden."
    )


@pytest.mark.deduce
def test_a_warm_cache_never_starts_real_deduce(real: Deidentifier) -> None:
    text = "Marieke Kok uit Zeist sprak met ons."
    first = real(text)
    assert real.started
    fresh = Deidentifier(real.cache_dir)
    assert fresh(text) == first
    assert not fresh.started
