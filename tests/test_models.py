"""The models on their own: ids, dates, outcome aliases, strict booleans and numbers, defaults."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from helpers import MINIMAL
from leercyclus.models import (
    MODELS,
    ActionPlan,
    Cycle,
    InstitutionRegister,
    SelfReview,
    Settings,
    Standard,
    Visit,
)
from leercyclus.repository.listing import SourceFile
from leercyclus.rules.validate import parse

STANDARD = {"id": "A1", "domain": "A", "title": "Titel", "text": "Tekst."}
MEMBER = {"name": "Sam", "role": "client", "institution": "het-anker"}
VISIT = {"institution": "de-linde", "date": "2025-04-14", "team": [MEMBER]}


def error_locs(model: type[BaseModel], data: dict[str, Any]) -> list[tuple[str | int, ...]]:
    """Where validating `data` fails; [] when it passes."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [tuple(e["loc"]) for e in exc.errors()]
    return []


def test_models_cover_the_file_kinds_of_the_contract() -> None:
    assert list(MODELS) == [
        "settings",
        "institutions",
        "cycle",
        "standard",
        "self-review",
        "visit",
        "actions",
        "evaluation",
        "indicator",
        "project",
        "instrument",
        "analysis",
        "documents",
        "audit-framework",
        "audit",
        "audit-conversation",
        "people",
        "rotation",
        "group",
        "story",
        "national-day",
    ]


@pytest.mark.parametrize("model", list(MODELS.values()), ids=list(MODELS))
def test_models_forbid_unknown_keys_and_are_frozen(model: type[BaseModel]) -> None:
    assert model.model_config.get("extra") == "forbid"
    assert model.model_config.get("frozen") is True


@pytest.mark.parametrize(
    ("kind", "rel"),
    [
        ("settings", "leercyclus.yaml"),
        ("institutions", "institutions.yaml"),
        ("cycle", "cycles/2025/cycle.yaml"),
        ("standard", "cycles/2025/standards/A1.yaml"),
        ("self-review", "cycles/2025/self-reviews/de-linde.yaml"),
        ("visit", "cycles/2025/visits/de-linde.yaml"),
        ("actions", "cycles/2025/actions/de-linde.yaml"),
        ("evaluation", "cycles/2025/evaluation.yaml"),
    ],
)
def test_every_minimal_file_parses_to_its_model(tmp_path: Any, kind: str, rel: str) -> None:
    source = SourceFile(kind, tmp_path / rel, rel, "2025" if rel.startswith("cycles") else None)
    model, findings = parse(source, MINIMAL[rel].encode())
    assert findings == []
    assert isinstance(model, MODELS[kind])


# Ids ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("good", ["de-linde", "ggz-3", "123", "a"])
def test_institution_ids_accepted(good: str) -> None:
    assert error_locs(InstitutionRegister, {"institutions": [{"id": good, "name": "N"}]}) == []


@pytest.mark.parametrize("bad", ["De-Linde", "-linde", "de linde", "de_linde", "", "de.linde"])
def test_institution_ids_refused(bad: str) -> None:
    data = {"institutions": [{"id": bad, "name": "N"}]}
    assert error_locs(InstitutionRegister, data) == [("institutions", 0, "id")]


@pytest.mark.parametrize("good", ["A1", "1.10", "B_2", "x-1", "2025"])
def test_standard_ids_accepted(good: str) -> None:
    assert Standard.model_validate({**STANDARD, "id": good}).id == good


@pytest.mark.parametrize("bad", [".A", "A 1", "-1", "A/1", "A1\n"])
def test_standard_ids_refused(bad: str) -> None:
    assert error_locs(Standard, {**STANDARD, "id": bad}) == [("id",)]


@pytest.mark.parametrize("number", [1.1, 2025, True])
def test_ids_are_never_numbers(number: object) -> None:
    """The loader gives text; a number reaching the model is refused, not turned into text."""
    assert error_locs(Standard, {**STANDARD, "id": number}) == [("id",)]


def test_ids_as_mapping_keys_are_checked() -> None:
    data = {"institution": "de-linde", "standards": {"A 1": {"outcome": "met"}}}
    assert error_locs(SelfReview, data) == [("standards", "A 1", "[key]")]


# Dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("good", ["2025-04-14", " 2025-04-14 ", dt.date(2025, 4, 14)])
def test_dates_accepted(good: object) -> None:
    assert Visit.model_validate({**VISIT, "date": good}).date == dt.date(2025, 4, 14)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("2025-4-14", "'2025-4-14' is not a date: write it as YYYY-MM-DD, e.g. 2025-04-14"),
        ("14-04-2025", "'14-04-2025' is not a date: write it as YYYY-MM-DD, e.g. 2025-04-14"),
        ("2025-02-30", "'2025-02-30' is not an existing date"),
        ("20250414", "'20250414' is not a date: write it as YYYY-MM-DD, e.g. 2025-04-14"),
        (True, "'True' is not a date: write it as YYYY-MM-DD, e.g. 2025-04-14"),
    ],
)
def test_dates_refused(bad: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Visit.model_validate({**VISIT, "date": bad})
    [err] = caught.value.errors()
    assert (err["loc"], err["type"], err["msg"]) == (("date",), "invalid_date", message)


# Outcomes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "outcome"),
    [
        ("met", "met"),
        ("partly_met", "partly_met"),
        ("volledig", "met"),
        ("Deels", "partly_met"),
        (" NIET ", "not_met"),
        ("nvt", "not_applicable"),
    ],
)
def test_outcomes_and_dutch_aliases(written: str, outcome: str) -> None:
    review = SelfReview.model_validate(
        {"institution": "de-linde", "standards": {"A1": {"outcome": written}}}
    )
    assert review.standards["A1"].outcome == outcome


@pytest.mark.parametrize("bad", ["ja", "Met", "partly met", "", None])
def test_other_outcomes_refused(bad: object) -> None:
    data = {"institution": "de-linde", "standards": {"A1": {"outcome": bad}}}
    assert error_locs(SelfReview, data) == [("standards", "A1", "outcome")]


# Strict booleans and numbers -----------------------------------------------------------------


def parel(share: object) -> dict[str, Any]:
    return {**VISIT, "parels": [{"title": "P", "text": "T", "share": share}]}


@pytest.mark.parametrize("good", [True, False])
def test_share_takes_booleans(good: bool) -> None:
    assert Visit.model_validate(parel(good)).parels[0].share is good


@pytest.mark.parametrize("bad", ["no", "true", "yes", 1, 0, None])
def test_share_refuses_everything_else(bad: object) -> None:
    assert error_locs(Visit, parel(bad)) == [("parels", 0, "share")]


@pytest.mark.parametrize(("written", "value"), [("5", 5), (5, 5), (" 7 ", 7), ("2", 2)])
def test_min_group_is_a_whole_number(written: object, value: int) -> None:
    settings = Settings.model_validate({"network": "N", "national": {"min_group": written}})
    assert settings.national.min_group == value


@pytest.mark.parametrize("bad", ["5.0", "vijf", True, 5.5, "1", 0, "-3"])
def test_min_group_refuses_the_rest(bad: object) -> None:
    data = {"network": "N", "national": {"min_group": bad}}
    assert error_locs(Settings, data) == [("national", "min_group")]


@pytest.mark.parametrize(("written", "value"), [("1", 1), ("2", 2), (3, 3)])
def test_standard_type_is_1_2_or_3(written: object, value: int) -> None:
    assert Standard.model_validate({**STANDARD, "type": written}).type == value


@pytest.mark.parametrize(
    "bad",
    [
        "4",
        "0",
        "1.0",
        "essentieel",
        True,
    ],
)
def test_standard_type_refuses_the_rest(bad: object) -> None:
    assert error_locs(Standard, {**STANDARD, "type": bad}) == [("type",)]


# Defaults and required values -------------------------------------------------------------------


def test_settings_defaults() -> None:
    settings = Settings.model_validate({"network": "N"})
    assert (settings.language, settings.formats) == ("nl", ["html", "docx"])
    assert (settings.national.min_group, settings.national.extra_terms) == (5, [])


def test_visit_and_action_defaults() -> None:
    visit = Visit.model_validate({**VISIT, "parels": [{"title": "P", "text": "T"}]})
    assert (visit.standards, visit.oesters) == ({}, [])
    assert (visit.parels[0].share, visit.parels[0].contact, visit.parels[0].standards) == (
        False,
        None,
        [],
    )
    assert visit.team[0].discipline is None
    plan = ActionPlan.model_validate(
        {
            "institution": "de-linde",
            "actions": [{"id": "a", "what": "W", "owner": "O", "due": "2025-09-01"}],
        }
    )
    assert (plan.ambition, plan.actions[0].status, plan.actions[0].progress) == (None, "open", [])


def test_cycle_and_self_review_defaults() -> None:
    cycle = Cycle.model_validate(
        {"id": "2025", "title": "T", "domains": [{"id": "A", "title": "T"}]}
    )
    assert (cycle.previous, cycle.theme, cycle.participants) == (None, None, [])
    review = SelfReview.model_validate({"institution": "de-linde"})
    assert (review.completed, review.participants, review.standards, review.theme) == (
        None,
        [],
        {},
        None,
    )
    assert Standard.model_validate(STANDARD).type is None


@pytest.mark.parametrize(
    ("model", "data", "loc"),
    [
        (Settings, {"network": "N", "formats": []}, ("formats",)),
        (Cycle, {"id": "2025", "title": "T", "domains": []}, ("domains",)),
        (Visit, {**VISIT, "team": []}, ("team",)),
        (Standard, {**STANDARD, "title": ""}, ("title",)),
        (
            Settings,
            {"network": "N", "national": {"extra_terms": [""]}},
            ("national", "extra_terms", 0),
        ),
    ],
)
def test_required_lists_and_texts_may_not_be_empty(
    model: type[BaseModel], data: dict[str, Any], loc: tuple[str | int, ...]
) -> None:
    assert error_locs(model, data) == [loc]


def test_models_are_frozen() -> None:
    standard = Standard.model_validate(STANDARD)
    with pytest.raises(ValidationError):
        standard.title = "Anders"  # type: ignore[misc]
