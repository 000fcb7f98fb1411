"""Several user files written as one step (`groups rotate --write`): nothing through a link,
and nothing at all if one of them cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from leercyclus.errors import OutputError
from leercyclus.repository.write import write_all


def test_all_files_are_written(tmp_path: Path) -> None:
    files = {Path("g/a.yaml"): "a: 1\n", Path("g/b.yaml"): "b: 2\n"}
    assert write_all(tmp_path, files) == list(files)
    assert (tmp_path / "g/a.yaml").read_text() == "a: 1\n"
    assert sorted(p.name for p in (tmp_path / "g").iterdir()) == ["a.yaml", "b.yaml"]


def test_nothing_is_written_through_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = tmp_path / "repo"
    root.mkdir()
    (root / "g").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OutputError, match="symbolic link"):
        write_all(root, {Path("a.yaml"): "a\n", Path("g/b.yaml"): "b\n"})
    assert list(elsewhere.iterdir()) == [] and not (root / "a.yaml").exists()


def test_one_file_that_cannot_be_written_stops_them_all(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("kept\n")
    (tmp_path / "blocked").write_text("a file where a folder should be\n")
    with pytest.raises(OutputError, match="nothing was written"):
        write_all(tmp_path, {Path("a.yaml"): "new\n", Path("blocked/b.yaml"): "b\n"})
    assert (tmp_path / "a.yaml").read_text() == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "blocked"]
