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
