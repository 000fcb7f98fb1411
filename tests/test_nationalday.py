"""Reflection and the national day: the day's rules (LC701-LC705), the seating, the dialogue
guide's question selection, the calendar invitation (parsed back strictly), the built materials
and the leak guard on them.

Every LC7xx code has a scenario here (tests/test_check_rules.py lists this file in ELSEWHERE)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from leercyclus.cli import run
from leercyclus.commands.pipeline import check
from leercyclus.loading.network import Network, load_network
from leercyclus.methods.nationalday import guide as guides
from leercyclus.methods.nationalday.day import assign, day_of
from leercyclus.methods.nationalday.ics import escape, fold, invitation, unescape, unfold
from leercyclus.models.nationalday import NationalDay, Participant, Table
from privacy_helpers import copy_example

TODAY = dt.date(2026, 12, 2)
DAY = "cycles/2026/national-day.yaml"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("nationalday") / "herstelnetwerk")


@pytest.fixture(scope="module")
def net(example: Path) -> Network:
    return load_network(example, use_cache=False)


@pytest.fixture
def edited(tmp_path: Path) -> Callable[[str, str, str], Path]:
    def make(file: str, old: str, new: str) -> Path:
        repo = copy_example(tmp_path / "herstelnetwerk")
        path = repo / file
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return repo

    return make


def mine(repo: Path) -> list[tuple[str, str, str, int]]:
    return [
        (f.code, f.severity, f.file, f.line)
        for f in check(repo, today=TODAY).findings
        if f.code.startswith("LC7") or f.file.endswith("national-day.yaml")
    ]


# Rules -------------------------------------------------------------------------------------


def test_the_example_day_is_clean(example: Path) -> None:
    assert mine(example) == []


# fmt: off
@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    (DAY, "  - parel:2026/de-horizon/naasten-leiden-hun-eigen-groep",
     "  - parel:2026/zeezicht/ontvangen-als-gast", [("LC701", "error", DAY, 49)]),
    ("leercyclus.yaml", "min_group: 5", "min_group: 9",
     [("LC702", "warning", DAY, 54), ("LC702", "warning", DAY, 60),
      ("LC702", "warning", DAY, 65)]),
    (DAY, '  - start: "14:30"', '  - start: "14:00"', [("LC703", "error", DAY, 42)]),
    (DAY, "institution: kempenhof, discipline: psycholoog",
     "institution: de-eik, discipline: psycholoog", [("LC704", "error", DAY, 84)]),
    (DAY, "    seats: 6\n    room: Zaal 3", "    seats: 4\n    room: Zaal 3",
     [("LC705", "error", DAY, 68)]),
    (DAY, "standard:2026/B5", "standard:2026/B9", [("LC030", "error", DAY, 65)]),
    (DAY, "parel:2026/de-waterlelie/herstel-in-het-dorpshuis",
     "parel:2026/de-waterlelie/bestaat-niet", [("LC030", "error", DAY, 50)]),
])
# fmt: on
def test_rules_of_the_day(
    edited: Callable[[str, str, str], Path],
    file: str,
    old: str,
    new: str,
    expected: list[tuple[str, str, str, int]],
) -> None:
    assert mine(edited(file, old, new)) == expected


def test_an_agreement_of_the_day_is_followed_up_like_every_action(
    edited: Callable[[str, str, str], Path],
) -> None:
    agreement = (
        "agreements:\n  - id: naasten-netwerk\n    what: Een landelijke leerkring naasten\n"
        "    owner: netwerkbureau\n    due: 2026-06-01\n    source: standard:2026/C3\n"
    )
    repo = edited(DAY, "participants:  #", agreement + "participants:  #")
    found = [(f.code, f.file) for f in check(repo, today=TODAY).findings if f.code == "LC212"]
    assert (("LC212", DAY)) in found


# Seating -----------------------------------------------------------------------------------


def people(*homes: str) -> list[Participant]:
    return [Participant(name=f"p{n}", institution=h) for n, h in enumerate(homes)]


def table(name: str, seats: int) -> Table:
    return Table(id=name, standard="standard:2026/B2", seats=seats)


def test_seating_spreads_institutions_before_it_fills_a_table() -> None:
    guests = people("a", "a", "a", "b", "b", "b", "c", "c", "c")
    seats = assign(guests, [table("t1", 3), table("t2", 3), table("t3", 3)])
    for t in range(3):
        homes = [g.institution for g, s in zip(guests, seats, strict=True) if s == t]
        assert sorted(homes) == ["a", "b", "c"]


def test_seating_keeps_to_the_seats_and_leaves_the_rest_unseated() -> None:
    seats = assign(people("a", "b", "c", "d", "e"), [table("t1", 2), table("t2", 2)])
    assert sorted(s for s in seats if s is not None) == [0, 0, 1, 1]
    assert seats.count(None) == 1


def test_seating_mixes_disciplines_and_is_the_same_every_time() -> None:
    guests = [
        Participant(name="x", institution="a", discipline="naaste"),
        Participant(name="y", institution="b", discipline="naaste"),
        Participant(name="z", institution="c", discipline="psychiater"),
        Participant(name="w", institution="d", discipline="psychiater"),
    ]
    tables = [table("t1", 2), table("t2", 2)]
    seats = assign(guests, tables)
    assert seats == assign(list(guests), tables)
    assert seats[0] != seats[1] and seats[2] != seats[3]


def test_the_example_tables_never_seat_two_of_one_institution(net: Network) -> None:
    loaded = day_of(net, "2026")
    assert loaded is not None
    day = loaded.model
    seats = assign(day.participants, day.tables)
    assert None not in seats
    for t in range(len(day.tables)):
        homes = [p.institution for p, s in zip(day.participants, seats, strict=True)
                 if s == t and p.institution]  # fmt: skip
        assert len(homes) == len(set(homes))


# The dialogue guide ------------------------------------------------------------------------


def test_the_guide_asks_about_gaps_declines_oesters_open_actions_then_the_ambition(
    net: Network,
) -> None:
    g = guides.guide(net, "2026", "de-linde", "nl", TODAY)
    assert [q.kind for q in g.questions] == [
        "gap", "gap", "decline", "oester", "oester", "oester", "action", "ambition",
    ]  # fmt: skip
    first, second = g.questions[0], g.questions[1]
    assert first.text.startswith("Bij B3 Inzage in het dossier zag het reviewteam minder")
    assert first.facts[:2] == ("Zelfreview: volledig", "Reviewteam: deels")
    assert second.text.startswith("Bij C4 Naasten als partner in herstel zag het reviewteam meer")
    assert g.questions[2].facts == ("Cyclus 2025 (D3): volledig", "Cyclus 2026: deels")
    assert any(f.startswith("Tip van het team: Vervang de sloten") for f in g.questions[3].facts)
    assert g.questions[6].facts[0].startswith("Eigenaar: coördinator activiteitencentrum;")
    assert g.questions[-1].text == "Waar ligt onze ambitie voor de komende periode?"
    assert g.seats == [("Anouk de Vries", "Ondersteuning van naasten"),
                       ("Jeroen Smit", "Samen beslissen over medicatie")]  # fmt: skip


def test_gaps_rank_by_size_then_standard_and_keep_the_largest(net: Network) -> None:
    data = net.cycles["2026"]
    review = data.self_reviews["de-linde"]
    visit = data.visits["de-linde"]
    standards = {s: j.model_copy(update={"outcome": "not_met"}) for s, j in
                 visit.model.standards.items()}  # fmt: skip
    own = {s: a.model_copy(update={"outcome": "met"}) for s, a in review.model.standards.items()}
    own["A2"] = own["A2"].model_copy(update={"outcome": "partly_met"})  # a smaller gap
    data.visits["de-linde"] = type(visit)(visit.source, visit.model.model_copy(
        update={"standards": standards}))  # fmt: skip
    data.self_reviews["de-linde"] = type(review)(review.source, review.model.model_copy(
        update={"standards": own}))  # fmt: skip
    try:
        found = guides.gaps(data, "de-linde", "en")
    finally:
        data.visits["de-linde"], data.self_reviews["de-linde"] = visit, review
    assert [q.text.split(" ")[1] for q in found] == ["A1", "A3", "A4"]
    assert all("saw less than you did" in q.text for q in found)


def test_declines_compare_like_with_like_only(net: Network) -> None:
    data = net.cycles["2026"]
    found = guides.declines(net, data, "de-linde", "en")
    assert [q.facts for q in found] == [("Cycle 2025 (D3): met", "Cycle 2026: partly met")]
    standard = data.standards["D3"]
    data.standards["D3"] = type(standard)(standard.source, standard.model.model_copy(
        update={"continues": None}))  # fmt: skip
    try:
        assert guides.declines(net, data, "de-linde", "en") == []
    finally:
        data.standards["D3"] = standard


def test_open_actions_put_overdue_ones_first(net: Network) -> None:
    data = net.cycles["2026"]
    late = guides.open_actions(net, data, "de-linde", "en", dt.date(2027, 6, 1))
    assert late and all(any("days overdue" in f for f in q.facts) for q in late)
    assert guides.open_actions(net, net.cycles["2025"], "de-linde", "en", TODAY) == []


# The calendar invitation --------------------------------------------------------------------


def parse_ics(data: bytes) -> list[tuple[str, dict[str, str], str]]:
    """A strict reader of RFC 5545 content lines: CRLF only, at most 75 octets a line, valid
    UTF-8 per physical line, balanced BEGIN/END; returns (name, parameters, value) unfolded."""
    assert data.endswith(b"\r\n")
    physical = data[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in physical)
    assert all(len(line) <= 75 for line in physical)
    for line in physical:
        line.decode("utf-8")  # a fold never splits a character
    logical: list[str] = []
    for line in physical:
        text = line.decode("utf-8")
        if text.startswith((" ", "\t")):
            logical[-1] += text[1:]
        else:
            logical.append(text)
    found, stack = [], []
    for line in logical:
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        assert name and name == name.upper()
        pairs = dict(p.split("=", 1) for p in params)
        if name == "BEGIN":
            stack.append(value)
        elif name == "END":
            assert stack.pop() == value
        found.append((name, pairs, value))
    assert stack == []
    return found


def test_the_invitation_parses_back_with_the_day_in_it(net: Network) -> None:
    loaded = day_of(net, "2026")
    assert loaded is not None
    text = invitation(loaded.model, "2026", "Kwaliteitsnetwerk", TODAY)
    props = {name: (params, value) for name, params, value in parse_ics(text.encode("utf-8"))}
    assert props["DTSTART"] == ({"TZID": "Europe/Amsterdam"}, "20270204T093000")
    assert props["DTEND"] == ({"TZID": "Europe/Amsterdam"}, "20270204T150000")
    assert unescape(props["SUMMARY"][1]) == "Landelijke dag 2026"
    location = unescape(props["LOCATION"][1])
    assert location == "Congrescentrum De Reehorst, Ede, Bennekomseweg 24, 6717 LM Ede"
    description = unescape(props["DESCRIPTION"][1]).split("\n")
    assert description[2] == "09:30 Inloop met koffie"
    assert description[-1] == "14:30 Afspraken en afsluiting (Grote zaal)"
    assert props["ORGANIZER"][1] == "mailto:netwerkbureau@example.org"
    assert props["DTSTAMP"][1] == "20261202T000000Z"


@pytest.mark.parametrize("value", [
    "a, b; c\\d\ne", "é" * 100, "x" * 74 + "€" * 30, "", "naïef\r\nregel",
])  # fmt: skip
def test_escaping_and_folding_round_trip(value: str) -> None:
    line = fold("DESCRIPTION:" + escape(value))
    (name, _, back), = parse_ics((line + "\r\n").encode("utf-8"))
    assert name == "DESCRIPTION"
    assert unescape(back) == value.replace("\r\n", "\n")


def test_a_day_with_blocks_out_of_order_starts_and_ends_right() -> None:
    day = NationalDay.model_validate({
        "title": "t", "date": "2027-03-28", "place": "p",
        "programme": [{"start": "13:00", "minutes": 240, "title": "b"},
                      {"start": "09:00", "minutes": 30, "title": "a"}],
    })  # fmt: skip
    props = {n: v for n, _, v in parse_ics(invitation(day, "2026", "n", TODAY).encode())}
    assert (props["DTSTART"], props["DTEND"]) == ("20270328T090000", "20270328T170000")
    assert "ORGANIZER" not in props


def test_the_organiser_and_the_email_stay_inside_their_line() -> None:
    """A line break in the organiser or the e-mail address must not add a property (an alarm,
    an attachment to fetch) to the invitation every participant opens."""
    day = NationalDay.model_validate({
        "title": "t", "date": "2027-03-28", "place": "p",
        "programme": [{"start": "09:00", "minutes": 30, "title": "a"}],
        "organiser": 'Bureau "Oost"\r\nATTACH:https://example.com/a',
        "email": "bureau@example.org\nURL:https://example.com/b",
    })  # fmt: skip
    text = invitation(day, "2026", "n", TODAY)
    names = [name for name, _, _ in parse_ics(text.encode())]
    assert "ATTACH" not in names and "URL" not in names
    assert (
        "\r\nORGANIZER;CN=\"Bureau 'Oost' ATTACH:https://example.com/a\""
        ":mailto:bureau@example.org%0AURL:https://example.com/b\r\n"
    ) in unfold(text)


def report(repo: Path) -> int:
    """A build of the markdown outputs without the (slower) national report."""
    return run(["report", str(repo), "--no-national", "--format", "md", "--out", str(repo / "out")])


# The built materials ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(example: Path) -> Path:
    assert run(["report", str(example), "--format", "md,html", "--out", str(example / "out")]) == 0
    return example / "out" / "2026"


def test_the_day_and_the_guides_are_built_in_their_scopes(built: Path) -> None:
    network = sorted(p.name for p in (built / "network").glob("landelijke-dag*"))
    assert network == [
        "landelijke-dag-programma.html", "landelijke-dag-programma.md",
        "landelijke-dag-tafel-naasten.html", "landelijke-dag-tafel-naasten.md",
        "landelijke-dag-tafel-samen-beslissen.html", "landelijke-dag-tafel-samen-beslissen.md",
        "landelijke-dag-tafel-zelfmanagement.html", "landelijke-dag-tafel-zelfmanagement.md",
        "landelijke-dag.ics",
    ]  # fmt: skip
    guides_built = sorted(p.parent.name for p in built.glob("confidential/*/gespreksleidraad.md"))
    assert len(guides_built) == 8
    assert not list(built.glob("public/landelijke-dag*"))
    assert (built / "network/landelijke-dag.ics").read_bytes().count(b"\r\n") > 20


def test_a_handout_holds_the_challenge_figures_questions_and_parels(built: Path) -> None:
    text = (built / "network/landelijke-dag-tafel-naasten.md").read_text(encoding="utf-8")
    assert "**C3 Ondersteuning van naasten**" in text
    assert "8 instellingen beoordeeld: 2 volledig, 6 deels, 0 niet." in text
    assert "Vorige cyclus (2025):" in text
    assert "1. Wat zien we in de cijfers en in onze eigen praktijk bij" in text
    assert "- **Naasten leiden hun eigen groep** · Contact: Ellen van Beek" in text
    for name in ("Anouk", "De Linde", "de-linde", "Zeezicht", "Ellen van Beek, e"):
        if name != "Ellen van Beek, e":
            assert name not in text


def test_the_guide_ends_with_the_step_to_the_action_plan(built: Path) -> None:
    text = (built / "confidential/de-linde/gespreksleidraad.md").read_text(encoding="utf-8")
    assert "**Vertrouwelijk: alleen voor de eigen instelling.**" in text
    # the method's words reach the template as values, so the one escaping shows the commands
    # with literal backticks
    assert text.rstrip().endswith("\\`leercyclus check\\` controleert het.")
    assert "\\`leercyclus new actions de-linde\\`" in text
    assert "- Anouk de Vries: tafel 'Ondersteuning van naasten'" in text


def test_few_institutions_means_no_figures(edited: Callable[[str, str, str], Path]) -> None:
    repo = edited("leercyclus.yaml", "min_group: 5", "min_group: 9")
    assert report(repo) == 0
    text = (repo / "out/2026/network/landelijke-dag-tafel-naasten.md").read_text(encoding="utf-8")
    assert "Minder dan 9 instellingen beoordeelden deze standaard: geen cijfers." in text
    assert "beoordeeld:" not in text


@pytest.mark.parametrize(("old", "new"), [
    ("    title: Samen beslissen over medicatie", "    title: Medicatie zoals bij De Linde"),
    ("    room: Zaal 2", "    room: Zaal Zeezicht"),
    ("title: Landelijke dag 2026", "title: Landelijke dag 2026 bij Het Anker"),
])  # fmt: skip
def test_a_name_in_the_day_stops_the_build(
    edited: Callable[[str, str, str], Path], capsys: pytest.CaptureFixture[str], old: str, new: str
) -> None:
    repo = edited(DAY, old, new)
    assert report(repo) != 0
    assert "goes to every participant: nothing was written" in capsys.readouterr().err
    assert not list((repo / "out").glob("2026/network/landelijke-dag*"))


# The slides ----------------------------------------------------------------------------------


def test_the_deck_reads_back_with_a_slide_per_part_and_parels_in_the_notes(net: Network) -> None:
    from leercyclus.methods.nationalday.deck import deck_markdown, slide_texts
    from leercyclus.methods.nationalday.view import day_view
    from leercyclus.publishing.convert import pptx

    loaded = day_of(net, "2026")
    assert loaded is not None
    view = day_view(net, "2026", loaded.model, "nl")
    data = pptx(deck_markdown(view, "nl", "4 februari 2027"), Path("dia.pptx"), 0)
    assert data == pptx(deck_markdown(view, "nl", "4 februari 2027"), Path("dia.pptx"), 0)
    slides = slide_texts(data)
    assert slides[0].startswith("Landelijke dag 2026 Kwaliteitsnetwerk Herstelgerichte Zorg")
    assert slides[1].startswith("Programma 09:30–10:00 Inloop met koffie")
    assert "Tafels over de gedeelde oesters (Zalen 1-3)" in slides[1]
    assert "Naasten leiden hun eigen groep · Ellen van Beek" in slides[2]
    assert slides[4].startswith(
        "Ondersteuning van naasten 8 instellingen beoordeeld: 2 volledig, 6 deels, 0 niet."
    )
    notes = slides[6:]
    assert any("Parels die kunnen helpen: Naasten leiden hun eigen groep" in n for n in notes)
    assert not any("Naasten leiden" in s for s in slides[3:6])  # on a table slide: notes only
    assert len(slides) == 6 + 3


def test_an_office_build_adds_the_deck_and_guards_it(
    edited: Callable[[str, str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = edited(DAY, "    title: Samen beslissen over medicatie\n", "")
    out = ["--no-national", "--format", "docx", "--out", str(repo / "out")]
    assert run(["report", str(repo), *out]) == 0
    assert (repo / "out/2026/network/landelijke-dag-dia.pptx").is_file()
    (repo / "out").rename(repo / "first")
    parel = repo / "cycles/2026/visits/de-horizon.yaml"  # a shared parel whose title names one
    text = parel.read_text(encoding="utf-8")
    parel.write_text(text.replace("Naasten leiden hun eigen", "Naasten bij Zeezicht"), "utf-8")
    day = repo / DAY
    text = day.read_text(encoding="utf-8")
    day.write_text(text.replace("naasten-leiden-hun-eigen", "naasten-bij-zeezicht"), "utf-8")
    assert run(["report", str(repo), *out]) != 0
    assert "nothing was written" in capsys.readouterr().err
    assert not (repo / "out/2026/network/landelijke-dag-dia.pptx").exists()


def test_a_place_with_a_comma_in_a_city_of_an_institution_goes_into_the_calendar(
    edited: Callable[[str, str, str], Path],
) -> None:
    """The calendar escapes the comma ("De Spiegel\\, Zwolle"): the guard reads it unescaped."""
    place = "place: Congrescentrum De Spiegel, Zwolle"  # de-linde's city
    repo = edited(DAY, "place: Congrescentrum De Reehorst, Ede", place)
    args = ["report", str(repo), "--no-national", "--format", "md", "--out"]
    assert run([*args, str(repo / "out")]) == 0
    ics = (repo / "out/2026/network/landelijke-dag.ics").read_text(encoding="utf-8")
    assert "De Spiegel\\, Zwolle" in ics
    text = (repo / DAY).read_text(encoding="utf-8")
    (repo / DAY).write_text(text.replace("title: ", "title: Zwolle: ", 1), encoding="utf-8")
    assert run([*args, str(repo / "again")]) != 0  # the city anywhere else is still found
