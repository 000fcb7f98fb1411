"""The blocks every learning method shares: actions, references, output scopes, the registry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from leercyclus.errors import OutputError
from leercyclus.methods import registered
from leercyclus.models.actions import Action
from leercyclus.models.refs import REF_KINDS, slug, split_reference, unused
from leercyclus.publishing.scopes import CONFIDENTIAL, GROUP, NETWORK, PUBLIC, SCOPES
from leercyclus.repository.findings import CODE_BLOCKS, CODES
from leercyclus.rules.actions import TrackedAction, overdue
from leercyclus.rules.references import FoundReference, check_references

DAY = dt.date(2026, 3, 1)


def action(**fields: object) -> Action:
    return Action.model_validate(
        {"id": "a", "what": "iets", "owner": "teamleider", "due": "2026-02-01", **fields}
    )


@pytest.mark.parametrize(
    ("ref", "parts"),
    [
        ("standard:2026/B2", ("standard", "2026/B2", None)),
        (
            "audit:2026/samen/de-horst#zinvolle-dag",
            ("audit", "2026/samen/de-horst", "zinvolle-dag"),
        ),
        ("indicator:ntsv-sectio", ("indicator", "ntsv-sectio", None)),
    ],
)
def test_a_reference_is_kind_then_path(ref: str, parts: tuple[str, str, str | None]) -> None:
    assert action(source=ref).source == ref
    assert split_reference(ref) == parts


@pytest.mark.parametrize(
    "ref",
    [
        "B2",
        "standaard:2026/B2",
        "standard:",
        "standard:../x",
        "standard:a/../b",
        "standard:2026/B2#",
    ],
)
def test_a_malformed_reference_is_refused_by_the_model(ref: str) -> None:
    with pytest.raises(ValidationError):
        action(source=ref)


def test_every_kind_of_reference_is_checked_against_what_exists() -> None:
    targets = {"standard": {"2026/B2", "2026/C4"}, "action": {"2025/de-linde/*"}}
    found = [
        FoundReference("a.yaml", ("x", 0), "standard:2026/B2"),
        FoundReference("a.yaml", ("x", 1), "standard:2026/B9"),
        FoundReference("a.yaml", ("x", 2), "action:2025/de-linde/anything"),
        FoundReference("a.yaml", ("x", 3), "group:2026/ig-noord"),
    ]
    assert [(f.path, f.message) for f in check_references(found, targets)] == [
        (("x", 1), "there is no standard '2026/B9': did you mean 'standard:2026/B2'?"),
        (("x", 3), "there is no group '2026/ig-noord' to refer to"),
    ]


def test_overdue_covers_an_action_from_any_file() -> None:
    kept = [
        TrackedAction("cycles/2026/groups/ig-1.yaml", ("meetings", 0, "actions", 0), action()),
        TrackedAction("x.yaml", ("actions", 0), action(status="done")),
        TrackedAction("x.yaml", ("actions", 1), action(due="2026-03-01")),
    ]
    (late,) = overdue(kept, DAY)
    assert (late.file, late.path, late.code) == (
        "cycles/2026/groups/ig-1.yaml",
        ("meetings", 0, "actions", 0, "due"),
        "LC212",
    )


def test_each_scope_has_its_folder_and_only_its_folder() -> None:
    assert CONFIDENTIAL.path("2026", "de-linde", "r") == Path("2026/confidential/de-linde/r")
    assert GROUP.path("2026", "ig-1", "r") == Path("2026/groups/ig-1/r")
    assert NETWORK.path("2026", None, "r") == Path("2026/network/r")
    assert PUBLIC.path("2026", None, "r") == Path("2026/public/r")
    assert PUBLIC.holds(Path("2026/public/national-report.md"))
    assert not PUBLIC.holds(Path("2026/confidential/de-linde/institution-report.md"))
    assert not CONFIDENTIAL.holds(Path("2026/public/national-report.md"))
    assert not PUBLIC.holds(Path("2026/public"))
    assert [s.name for s in SCOPES.values() if s.guarded] == ["group", "network", "public"]


@pytest.mark.parametrize("key", ["..", "a/b", "", "."])
def test_a_scope_refuses_a_key_that_would_leave_its_folder(key: str) -> None:
    with pytest.raises(OutputError):
        CONFIDENTIAL.path("2026", key, "institution-report")


def test_every_method_keeps_to_its_block_of_codes() -> None:
    methods = registered()
    names = [m.name for m in methods]
    assert names[0] == "peerreview" and len(set(names)) == len(names)
    assert len({m.codes for m in methods}) == len(methods)  # a block of codes each
    for method in methods:
        assert method.codes in CODE_BLOCKS
    assert all(code[:3] in CODE_BLOCKS for code in CODES)


def test_slugs_name_titled_items() -> None:
    assert slug("Naasten later betrokken dan gewenst!") == "naasten-later-betrokken-dan-gewenst"
    assert set(REF_KINDS) >= {"standard", "action", "parel", "oester", "indicator", "group"}
    assert slug("!!!") == "item"


def test_an_unused_id_counts_on_from_two() -> None:
    taken = {"a", "a-2"}
    assert [unused("a", taken), unused("b", taken), unused("a", taken)] == ["a-3", "b", "a-4"]
    assert taken == {"a", "a-2", "a-3", "a-4", "b"}
