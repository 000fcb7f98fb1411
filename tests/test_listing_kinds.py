"""Listing matches a file's names against the kinds' places with regular expressions
(repository/listing.py `_pattern`): the same kind and key as `FileKind.match`, for every kind's
place and for places of every shape the table may hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from leercyclus.models.kinds import FileKind, file_kinds
from leercyclus.repository.listing import _kind_of, _Kinds, _pattern

NAMES = st.sampled_from(
    [
        "a",
        "b",
        ".a",
        "x.yaml",
        ".x.yaml",
        "x.yml",
        "complaints-2024.csv",
        "complaints-.csv",
        "data",
        "audit",
        "conversations",
        "standards",
        "cycle.yaml",
        "-",
        "a.b.yaml",
        "**",
        "<x>",
        "indicators",
        "self-reviews",
        "notes.yaml",
        "framework.yaml",
        "x\ny.yaml",
        ".yaml",
    ]
)
"""File and folder names, with the hidden, the empty-valued and the odd among them."""

PLACE_PARTS = st.sampled_from(
    [
        "a",
        "data",
        "<x>",
        "**",
        "<x>.yaml",
        "complaints-<y>.csv",
        "cycle.yaml",
        "<x>",
        ".<x>.yaml",
        "<x>",
        "x<y",
        "*",
        "<a>b<c>",
        "p<x>s<y>",
        "<x>-",
        "a>b",
        "<x>.yml",
    ]
)
"""Pieces of places: the table's shapes and others it might grow."""


def both(kinds: list[FileKind], parts: tuple[str, ...]) -> None:
    table = _Kinds(kinds)
    candidates = table.by_head.get(parts[0], table.loose)
    assert table.of(parts) == _kind_of(candidates, parts)


def every_kind() -> list[list[FileKind]]:
    kinds = list(file_kinds().values())
    return [[k for k in kinds if k.in_cycle], [k for k in kinds if not k.in_cycle]]


def test_the_table_s_places_all_become_expressions() -> None:
    """No place of the table falls back to FileKind.match: the speed is had for all."""
    assert [k.place for k in file_kinds().values() if _pattern(k.parts) is None] == []


@settings(max_examples=1500, deadline=None)
@given(parts=st.lists(NAMES, min_size=1, max_size=6).map(tuple))
def test_every_kind_of_the_table_matches_as_its_place_says(parts: tuple[str, ...]) -> None:
    for kinds in every_kind():
        both(kinds, parts)


@settings(max_examples=1500, deadline=None)
@given(
    place=st.lists(PLACE_PARTS, min_size=1, max_size=4),
    parts=st.lists(NAMES | PLACE_PARTS, min_size=1, max_size=6).map(tuple),
)
def test_places_of_any_shape_match_as_file_kind_match_says(
    place: list[str], parts: tuple[str, ...]
) -> None:
    kind = FileKind("k", "/".join(place), "", "network")
    both([kind], parts)


def test_a_folder_named_as_a_kind_s_file_is_not_that_file() -> None:
    """`audit/framework.yaml/x.yaml` is an audit of the folder 'framework.yaml' (whose name
    check then refuses as an institution's), not the audit's framework."""
    cycle, _ = every_kind()
    found = _Kinds(cycle).of(("audit", "framework.yaml", "x.yaml"))
    assert found is not None and (found[0].name, found[1]) == ("audit", "framework.yaml/x")
    framework = _Kinds(cycle).of(("audit", "framework.yaml"))
    assert framework is not None and framework[0].name == "audit-framework"


def test_files_under_places_of_the_table() -> None:
    """A few real paths, each shape of place once."""
    cycle, root = every_kind()
    for parts in [
        ("standards", "A", "A1.yaml"),
        ("standards", "A1.yaml"),
        ("standards", "A", "B", ".A1.yaml"),
        ("audit", "de-linde", "conversations", "team.yaml"),
        ("audit", ".de-linde", "x.yaml"),
        ("audit", "framework.yaml"),
        ("audit", "framework.yaml", "x.yaml"),  # a folder named as a file: not that kind
        ("self-reviews", "de-linde.yaml"),
        ("self-reviews", ".yaml"),
    ]:
        both(cycle, parts)
    for parts in [
        ("safety", "de-linde", "complaints-2024.csv"),
        ("safety", "de-linde", "complaints-.csv"),
        ("indicators", "data", "i1.csv"),
        ("indicators", "i1.yaml"),
        ("experience", "i", "2024-q1.csv"),
    ]:
        both(root, parts)
