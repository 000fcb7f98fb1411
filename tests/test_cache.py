"""The parse cache and the parallel loader give exactly what a fresh, one-process load gives."""

from __future__ import annotations

import json
import multiprocessing
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from helpers import SCENARIOS, SELF_REVIEW, STANDARD_A1, TODAY, build_tree, found, network
from leercyclus import parallel
from leercyclus.commands.pipeline import Summary, check_summary
from leercyclus.loading.network import load_network
from leercyclus.repository import parse
from leercyclus.repository.cache import (
    MAX_PACKS,
    PackWriter,
    ParseCache,
    cache_folder,
    file_digest,
    repository_cache,
)
from leercyclus.repository.listing import list_files
from leercyclus.rules import validate

BROKEN = {
    **SCENARIOS["duplicate_key"],
    **SCENARIOS["misspelt_key"],
    **SCENARIOS["missing_title"],
    **SCENARIOS["unclosed_quote"],
}
"""A network with a syntax error, a duplicate key, a misspelt key and a missing field."""


def packs(root: Path) -> list[Path]:
    return sorted(cache_folder(root).glob("pack-*.json"))


def leftovers(root: Path) -> list[Path]:
    return sorted(cache_folder(root).glob(".tmp-*"))


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    return network(tmp_path / "net", BROKEN)


def test_a_cold_run_writes_one_pack_that_a_warm_run_reads_instead_of_parsing(
    broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = found(broken)
    assert [p.name for p in packs(broken)] != [] and leftovers(broken) == []
    assert len(packs(broken)) == 1
    assert not (broken / ".leercyclus").exists()  # the cache is the user's, not the repository's

    def no_parsing(raw: bytes) -> str:  # noqa: ARG001
        raise AssertionError("a cached file was parsed again")

    monkeypatch.setattr(parse, "read_json", no_parsing)
    assert found(broken) == cold
    assert any(f.code == "LC002" for f in cold) and any(f.code == "LC004" for f in cold)


def test_the_cache_holds_an_entry_per_file_content(broken: Path) -> None:
    found(broken)
    sources, _ = list_files(broken)
    entries = ParseCache(broken).entries()
    assert {file_digest(s.path) for s in sources} == set(entries)


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_workers_give_what_one_process_gives(
    broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: str
) -> None:
    alone = found(network(tmp_path / "alone", BROKEN), strict_mode=True)
    monkeypatch.setattr(parse, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(parse, "cores", lambda: 2)
    monkeypatch.setattr(parse.Batch, "CHUNKS_PER_WORKER", 3)
    spawned: list[str] = []

    def counted(workers: int, initializer: Any = None) -> ProcessPoolExecutor:
        spawned.append(start)
        return parallel.pool(workers, multiprocessing.get_context(start), initializer)

    monkeypatch.setattr(parse, "pool", counted)
    assert found(broken, strict_mode=True) == alone
    assert spawned == [start]


def test_workers_write_the_same_pack_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = network(tmp_path / "alone", BROKEN)
    found(alone)
    parallel = network(tmp_path / "parallel", BROKEN)
    with monkeypatch.context() as patch:
        patch.setattr(parse, "PARALLEL_BYTES", 0)
        patch.setattr(parse, "cores", lambda: 2)
        found(parallel)
    [one], [other] = packs(alone), packs(parallel)
    assert one.name == other.name
    assert json.loads(one.read_bytes()) == json.loads(other.read_bytes())


def test_a_changed_file_is_parsed_alone_and_added_as_a_second_pack(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found(minimal)
    parsed: list[bytes] = []
    read_json = parse.read_json

    def counting(raw: bytes) -> str:
        parsed.append(raw)
        return read_json(raw)

    monkeypatch.setattr(parse, "read_json", counting)
    review = minimal / SELF_REVIEW
    review.write_text(review.read_text(encoding="utf-8") + "# een regel erbij\n", encoding="utf-8")
    assert found(minimal) == []
    assert parsed == [review.read_bytes()]
    assert len(packs(minimal)) == 2


def test_many_packs_are_merged_into_one_with_only_live_entries(minimal: Path) -> None:
    standard = minimal / STANDARD_A1
    text = standard.read_text(encoding="utf-8")
    for n in range(MAX_PACKS + 1):
        standard.write_text(text + f"# versie {n}\n", encoding="utf-8")
        found(minimal)
    [pack] = packs(minimal)
    sources, _ = list_files(minimal)
    assert set(json.loads(pack.read_bytes())) == {file_digest(s.path) for s in sources}


@pytest.mark.parametrize(
    "damage",
    [b"", b"{", b"[1, 2]", b'{"abc": 5, "def": {"x": 1}}', b"\xff\xfe not json", b"null"],
)
def test_a_damaged_pack_is_ignored_and_its_files_parsed_again(broken: Path, damage: bytes) -> None:
    cold = found(broken)
    for pack in packs(broken):
        pack.write_bytes(damage)
    assert found(broken) == cold


def test_a_pack_whose_entry_lies_about_its_content_is_believed_only_for_that_content(
    minimal: Path,
) -> None:
    """A pack is keyed by content hash: an entry can only ever stand for the bytes it names."""
    found(minimal)
    [pack] = packs(minimal)
    entries = json.loads(pack.read_bytes())
    key = file_digest(minimal / STANDARD_A1)
    entries[key] = {"problem": ["LC002", "planted", 1, 1]}
    pack.write_text(json.dumps(entries), encoding="utf-8")
    assert [f.message for f in found(minimal)] == ["planted"]  # trusted for its key
    (minimal / STANDARD_A1).write_text(
        (minimal / STANDARD_A1).read_text(encoding="utf-8") + "# anders\n", encoding="utf-8"
    )
    assert found(minimal) == []  # changed bytes, new key: parsed afresh


def test_an_error_while_loading_leaves_no_half_written_pack(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(source: object, parsed: object) -> object:  # noqa: ARG001
        raise RuntimeError("a bug")

    monkeypatch.setattr(validate, "validate", failing)
    with pytest.raises(RuntimeError):
        load_network(minimal)
    assert packs(minimal) == [] and leftovers(minimal) == []


def test_without_a_writable_cache_folder_check_still_works(minimal: Path) -> None:
    folder = repository_cache(minimal)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not a folder\n", encoding="utf-8")
    assert found(minimal) == []
    assert found(minimal) == []


def test_use_cache_false_neither_reads_nor_writes_the_cache(minimal: Path) -> None:
    network = load_network(minimal, use_cache=False)
    assert network.findings == [] and not repository_cache(minimal).exists()


def test_the_cache_is_kept_per_repository_in_the_users_cache_folder(
    minimal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEERCYCLUS_CACHE", str(tmp_path / "mine"))
    found(minimal)
    [pack] = packs(minimal)
    assert pack.is_relative_to(tmp_path / "mine") and not pack.is_relative_to(minimal)
    other = network(tmp_path / "other")
    assert repository_cache(other) != repository_cache(minimal)


def test_a_cache_committed_to_the_repository_is_never_read(minimal: Path) -> None:
    """A `.leercyclus/` folder in the repository (the place of older versions) is ignored."""
    found(minimal)
    [pack] = packs(minimal)
    planted = minimal / ".leercyclus" / "cache" / pack.parent.name / pack.name
    planted.parent.mkdir(parents=True)
    key = file_digest(minimal / STANDARD_A1)
    planted.write_text(json.dumps({key: {"problem": ["LC002", "planted", 1, 1]}}), "utf-8")
    shutil.rmtree(repository_cache(minimal))
    assert found(minimal) == []


def test_a_worker_names_a_file_it_cannot_read(tmp_path: Path) -> None:
    there = build_tree(tmp_path, {"a.yaml": "a: 1\n"}) / "a.yaml"
    keys, packed = parse.parse_files([there, tmp_path / "gone.yaml", there])
    assert keys[0][:2] == keys[2][:2] == (file_digest(there), None)
    assert keys[1] == (None, "No such file or directory", None)
    assert json.loads(packed) == {file_digest(there): {"data": {"a": "1"}}}


@pytest.mark.parametrize("parallel", [False, True])
def test_same_content_in_two_files_is_one_entry_for_both(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    if parallel:
        monkeypatch.setattr(parse, "PARALLEL_BYTES", 0)
        monkeypatch.setattr(parse, "cores", lambda: 2)
    copy = minimal / STANDARD_A1.replace("A1", "A9")
    copy.write_bytes((minimal / STANDARD_A1).read_bytes())
    assert {(f.file, f.code) for f in found(minimal)} == {
        (copy.relative_to(minimal).as_posix(), "LC107")
    }
    assert len(ParseCache(minimal).entries()) == len(list_files(minimal)[0]) - 1


def test_pack_writer_writes_nothing_without_pieces(tmp_path: Path) -> None:
    with PackWriter(tmp_path / "c") as writer:
        writer.add(b"{}", [])
        assert writer.finish() is None
    assert not (tmp_path / "c").exists()


def shown(summary: Summary) -> list[dict[str, Any]]:
    """What the user sees of a check's answer."""
    return [f.as_json() for f in summary.findings]


def test_the_remembered_answer_follows_content_and_day(broken: Path) -> None:
    first = shown(check_summary(broken, today=TODAY))
    assert shown(check_summary(broken, today=TODAY)) == first
    (broken / SELF_REVIEW).write_text("", encoding="utf-8")
    changed = shown(check_summary(broken, today=TODAY))
    assert sorted(f["code"] for f in changed) == sorted([f["code"] for f in first] + ["LC003"])
    stored = cache_folder(broken) / "summary.json"
    summary = json.loads(stored.read_text(encoding="utf-8"))
    summary["findings"] = []
    stored.write_text(json.dumps(summary), encoding="utf-8")
    assert shown(check_summary(broken, today=TODAY)) == []  # the stored answer is used ...
    assert shown(check_summary(broken, today=TODAY.replace(day=2))) == changed  # ... that day


def test_the_remembered_answer_follows_files_added_removed_and_misplaced(minimal: Path) -> None:
    assert shown(check_summary(minimal, today=TODAY)) == []
    stray = minimal / "cycles/2025/notes.yaml"
    stray.write_text("note: alleen voor ons\n", encoding="utf-8")
    assert [f["code"] for f in shown(check_summary(minimal, today=TODAY))] == ["LC020"]
    stray.unlink()
    (minimal / "cycles/2024/standards").mkdir(parents=True)
    (minimal / "cycles/2024/standards/A1.yaml").write_bytes((minimal / STANDARD_A1).read_bytes())
    assert "LC021" in [f["code"] for f in shown(check_summary(minimal, today=TODAY))]
    shutil.rmtree(minimal / "cycles/2024")
    assert shown(check_summary(minimal, today=TODAY)) == []


def test_an_answer_is_remembered_for_the_content_that_was_checked(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed while check runs: the answer is stored for what check read, so the next
    run checks the new content instead of trusting an answer about the old one."""
    review = minimal / SELF_REVIEW
    read_json = parse.read_json

    def edited_meanwhile(raw: bytes) -> str:
        if review.read_bytes() == raw:
            review.write_text("", encoding="utf-8")
        return read_json(raw)

    with monkeypatch.context() as patch:
        patch.setattr(parse, "read_json", edited_meanwhile)
        assert shown(check_summary(minimal, today=TODAY)) == []
    assert [f["code"] for f in shown(check_summary(minimal, today=TODAY))] == ["LC003"]


def test_a_cold_check_starts_parsing_before_the_command_line_and_only_once(
    broken: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With nothing cached, the warm path sets the workers going and typer's check takes them
    over: one pool, the same findings and pack as a check that started them itself."""
    import inspect

    from leercyclus.cli import run
    from leercyclus.loading import load

    alone = network(tmp_path / "alone", BROKEN)
    assert run(["check", str(alone), "--format", "json"]) == 1
    expected = capsys.readouterr().out
    monkeypatch.setattr(parse, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(parse, "cores", lambda: 2)
    started: list[bool] = []  # per pool: started by the warm path, before typer

    def counted(workers: int, initializer: Any = None) -> ProcessPoolExecutor:
        started.append(any(f.function == "remembered_summary" for f in inspect.stack()))
        return parallel.pool(workers, initializer=initializer)

    monkeypatch.setattr(parse, "pool", counted)
    assert run(["check", str(broken), "--format", "json"]) == 1
    assert capsys.readouterr().out == expected
    assert started == [True] and load._EARLY == []
    [one], [other] = packs(alone), packs(broken)
    assert one.name == other.name


def test_parsing_started_for_a_check_that_never_loads_is_ended_with_the_run(
    broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A check stopped between the early start and loading (here: typer refuses a spelling the
    warm path took) leaves no batch behind for a later check in the same process to take."""
    from leercyclus.cli import run
    from leercyclus.loading import load

    monkeypatch.setattr(parse, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(parse, "cores", lambda: 2)
    cancelled: list[int] = []
    real = parse.Batch.cancel
    monkeypatch.setattr(parse.Batch, "cancel", lambda self: cancelled.append(1) or real(self))

    def refused() -> object:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr("leercyclus.cli.app.command", refused)
        assert run(["check", str(broken)]) == 130
    assert cancelled == [1] and load._EARLY == []
    capsys.readouterr()
    assert run(["check", str(broken), "--format", "json"]) == 1
