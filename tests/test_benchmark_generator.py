"""The benchmark generator writes valid networks, and plants exactly the errors it is asked for."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from leercyclus.commands.pipeline import check

TODAY = dt.date(2026, 11, 22)
GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_generated_network_has_no_findings(generator: ModuleType, tmp_path: Path) -> None:
    made = generator.generate(tmp_path / "net", 8, 12, cycles=2, seed=3)
    result = check(made.root, today=TODAY)
    assert [f.message for f in result.findings] == []
    assert made.planted == {}
    # 2 root files; per cycle: cycle.yaml, evaluation, 12 standards, a self-review and visit per
    # participant, and an action plan for most of them.
    assert made.files == result.network.file_count
    assert len(result.network.cycles["2026"].self_reviews) == 8
    assert len(result.network.cycles["2026"].standards) == 12
    assert "2025" in result.network.cycles


def test_errors_land_in_exactly_the_planted_files(generator: ModuleType, tmp_path: Path) -> None:
    made = generator.generate(tmp_path / "net", 8, 12, errors=3, seed=3)
    result = check(made.root, today=TODAY)
    assert len(made.planted) == 3
    assert {f.file for f in result.errors} == set(made.planted)


def test_every_kind_of_planted_error_is_found(generator: ModuleType, tmp_path: Path) -> None:
    kinds = len(generator.PLANTS)
    made = generator.generate(tmp_path / "net", 30, 12, errors=kinds, seed=5)
    result = check(made.root, today=TODAY)
    assert {f.file for f in result.errors} == set(made.planted)
    assert sorted(made.planted.values()) == sorted(what for _, what, _ in generator.PLANTS)


def test_same_seed_same_bytes(generator: ModuleType, tmp_path: Path) -> None:
    first = generator.generate(tmp_path / "a", 6, 8, errors=2, seed=11)
    second = generator.generate(tmp_path / "b", 6, 8, errors=2, seed=11)
    files = sorted(p.relative_to(first.root) for p in first.root.rglob("*.yaml"))
    assert files == sorted(p.relative_to(second.root) for p in second.root.rglob("*.yaml"))
    assert all((first.root / f).read_bytes() == (second.root / f).read_bytes() for f in files)


def test_explanations_differ(generator: ModuleType, tmp_path: Path) -> None:
    made = generator.generate(tmp_path / "net", 6, 20, seed=2)
    result = check(made.root, today=TODAY)
    texts = [
        item.explanation
        for review in result.network.cycles["2026"].self_reviews.values()
        for item in review.model.standards.values()
    ]
    assert len(texts) == 120
    assert len(set(texts)) == len(texts)


def test_refuses_a_folder_that_is_not_empty(generator: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="is not empty"):
        generator.generate(tmp_path, 6, 8)


def test_a_dense_network_is_valid_with_many_small_values(
    generator: ModuleType, tmp_path: Path
) -> None:
    plain = generator.generate(tmp_path / "plain", 6, 10, seed=3)
    dense = generator.generate(tmp_path / "dense", 6, 10, seed=3, dense=True)
    result = check(dense.root, today=TODAY)
    assert [f.message for f in result.findings] == []
    review = next(iter(result.network.cycles["2026"].self_reviews.values()))
    answers = review.model.standards
    assert all(len(a.evidence) == generator.DENSE for a in answers.values())
    assert all(len(a.explanation or "") <= 61 for a in answers.values())
    assert dense.files == plain.files


def test_indicator_series_are_valid_and_leave_the_rest_unchanged(
    generator: ModuleType, tmp_path: Path
) -> None:
    plain = generator.generate(tmp_path / "plain", 6, 8, seed=4)
    made = generator.generate(tmp_path / "net", 6, 8, seed=4, indicators=3, periods=14)
    result = check(made.root, today=TODAY)
    assert [f.message for f in result.findings] == []
    assert made.files == plain.files + 6
    table = (made.root / "indicators/data/indicator-001.csv").read_text(encoding="utf-8")
    assert len(table.splitlines()) == 1 + 6 * 14
    for path in plain.root.rglob("*.yaml"):
        assert (made.root / path.relative_to(plain.root)).read_bytes() == path.read_bytes()


def test_generated_audits_have_no_findings(generator: ModuleType, tmp_path: Path) -> None:
    made = generator.generate(tmp_path / "net", 6, 5, cycles=2, seed=4, audits=2)
    result = check(made.root, today=TODAY)
    assert [f.message for f in result.findings] == []
    assert made.files == result.network.file_count
    latest = result.network.cycles["2026"].files
    assert len(latest["audit"]) == 6 * 2
    assert len(latest["audit-conversation"]) == 6 * 2 + 6  # a team's per location, management's
    assert "audit-framework" in latest


def test_without_audits_the_network_is_as_before(generator: ModuleType, tmp_path: Path) -> None:
    plain = generator.generate(tmp_path / "a", 6, 5, seed=4)
    audited = generator.generate(tmp_path / "b", 6, 5, seed=4, audits=1)
    same = [p.relative_to(plain.root) for p in plain.root.rglob("*.yaml")]
    changed = [
        rel for rel in same if (plain.root / rel).read_bytes() != (audited.root / rel).read_bytes()
    ]
    assert changed == [Path("institutions.yaml")]  # only the locations are added


def test_every_method_generated_together_has_no_findings(
    generator: ModuleType, tmp_path: Path
) -> None:
    made = generator.generate(
        tmp_path / "net", 12, 6, cycles=2, seed=6, audits=2, indicators=2, periods=14,
        people=30, national_day=True,
    )  # fmt: skip
    result = check(made.root, today=TODAY)
    assert [f.message for f in result.findings] == []
    latest = result.network.cycles["2026"].files
    assert len(latest["group"]) == 30 // generator.GROUP_SIZE
    assert len(result.network.files["people"][""].model.people) == 30
    day = latest["national-day"][""].model
    assert day.parels and len(day.tables) == 6  # every shared parel it shows exists (LC030)
    assert "national-day" not in result.network.cycles["2025"].files
    assert len(latest["audit"]) == 12 * 2
    assert len(result.network.files["indicator"]) == 2


def test_the_same_arguments_give_the_same_bytes_with_every_method(
    generator: ModuleType, tmp_path: Path
) -> None:
    options = {"audits": 1, "indicators": 1, "periods": 13, "people": 17, "national_day": True}
    first = generator.generate(tmp_path / "a", 6, 5, errors=1, seed=8, **options)
    second = generator.generate(tmp_path / "b", 6, 5, errors=1, seed=8, **options)
    files = sorted(p.relative_to(first.root) for p in first.root.rglob("*") if p.is_file())
    assert files == sorted(
        p.relative_to(second.root) for p in second.root.rglob("*") if p.is_file()
    )
    assert all((first.root / f).read_bytes() == (second.root / f).read_bytes() for f in files)
    assert first.planted == second.planted


def test_groups_and_the_national_day_leave_the_rest_unchanged(
    generator: ModuleType, tmp_path: Path
) -> None:
    plain = generator.generate(tmp_path / "a", 6, 5, seed=4)
    more = generator.generate(tmp_path / "b", 6, 5, seed=4, people=16, national_day=True)
    for path in plain.root.rglob("*.yaml"):
        assert (more.root / path.relative_to(plain.root)).read_bytes() == path.read_bytes()
    added = {p.relative_to(more.root).as_posix() for p in more.root.rglob("*.yaml")}
    added -= {p.relative_to(plain.root).as_posix() for p in plain.root.rglob("*.yaml")}
    assert added == {
        "people.yaml",
        "cycles/2026/national-day.yaml",
        "cycles/2026/groups/intervisie-001.yaml",
        "cycles/2026/groups/intervisie-002.yaml",
    }
    assert more.files == plain.files + 4
