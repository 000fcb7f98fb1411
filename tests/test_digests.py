"""File digests remembered by stat: an unchanged file is not read again to learn that it is
unchanged, a changed one always is, and a file changed just now is never remembered."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpers import SELF_REVIEW, TODAY
from leercyclus.commands.pipeline import check_summary
from leercyclus.repository import cache, digests
from leercyclus.repository.cache import cache_folder


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a new process would: nothing learnt yet."""
    monkeypatch.setattr(digests, "_MEMO", {})
    monkeypatch.setattr(digests, "_FRESH", set())
    monkeypatch.setattr(digests, "_RECALLED", set())
    monkeypatch.setattr(digests, "_KEPT", {})


def new_process(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Forget what this process learnt, and list what it hashes from now on."""
    monkeypatch.setattr(digests, "_MEMO", {})
    monkeypatch.setattr(digests, "_FRESH", set())
    monkeypatch.setattr(digests, "_RECALLED", set())
    monkeypatch.setattr(digests, "_KEPT", {})
    hashed: list[bytes] = []
    real = cache.digest

    def counting(raw: bytes) -> str:
        hashed.append(raw)
        return real(raw)

    monkeypatch.setattr(cache, "digest", counting)
    return hashed


def kept(root: Path) -> dict[str, list[object]]:
    files: dict[str, list[object]] = json.loads(
        (cache_folder(root) / digests.DIGESTS).read_text(encoding="utf-8")
    )["files"]
    return files


def test_a_warm_check_reads_no_unchanged_file(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(digests, "RACY_NS", 0)  # the files were written just now
    assert check_summary(minimal, today=TODAY).ok  # cold: the workers' digests are kept
    assert SELF_REVIEW in kept(minimal)
    hashed = new_process(monkeypatch)
    assert check_summary(minimal, today=TODAY).ok
    assert hashed == []


def test_a_changed_file_is_read_again_even_with_its_old_size_and_time(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(digests, "RACY_NS", 0)
    check_summary(minimal, today=TODAY)
    review = minimal / SELF_REVIEW
    before = review.stat()
    text = review.read_text(encoding="utf-8")
    changed = text.replace("institution: de-linde", "institution: de-lindz")
    assert changed != text and len(changed) == len(text)
    review.write_text(changed, encoding="utf-8")
    os.utime(review, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` would leave it
    hashed = new_process(monkeypatch)
    summary = check_summary(minimal, today=TODAY)
    assert [raw.decode() for raw in hashed] == [changed]  # only it, seen by its change time
    assert SELF_REVIEW in {f.file for f in summary.findings}


def test_a_file_changed_just_now_is_not_remembered(minimal: Path) -> None:
    check_summary(minimal, today=TODAY)  # every file was written less than RACY_NS ago
    assert not (cache_folder(minimal) / digests.DIGESTS).exists()


def test_damaged_digests_are_ignored(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digests, "RACY_NS", 0)
    check_summary(minimal, today=TODAY)
    (cache_folder(minimal) / digests.DIGESTS).write_text('{"files": {"x": [1]}', "utf-8")
    hashed = new_process(monkeypatch)
    assert check_summary(minimal, today=TODAY).ok
    assert len(hashed) == len(kept(minimal))  # read again, and kept again


def test_digests_claimed_for_another_stat_are_not_believed(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A digests file from elsewhere (another checkout, or planted) names other inodes and
    change times: nothing in it matches, so every file is read."""
    monkeypatch.setattr(digests, "RACY_NS", 0)
    check_summary(minimal, today=TODAY)
    claimed = {rel: [size, 0, 0, 0, "0" * 64] for rel, (size, *_) in kept(minimal).items()}
    (cache_folder(minimal) / digests.DIGESTS).write_text(json.dumps({"files": claimed}), "utf-8")
    hashed = new_process(monkeypatch)
    assert check_summary(minimal, today=TODAY).ok
    assert len(hashed) == len(claimed)


def test_a_damaged_entry_costs_only_its_own_file(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kept digests are looked up one by one when asked for: a damaged entry is not believed,
    its file is read again, and the others still count."""
    monkeypatch.setattr(digests, "RACY_NS", 0)
    check_summary(minimal, today=TODAY)
    files = kept(minimal)
    files[SELF_REVIEW] = ["damaged"]
    (cache_folder(minimal) / digests.DIGESTS).write_text(json.dumps({"files": files}), "utf-8")
    hashed = new_process(monkeypatch)
    assert check_summary(minimal, today=TODAY).ok
    assert [raw.decode() for raw in hashed] == [(minimal / SELF_REVIEW).read_text("utf-8")]
    assert len(kept(minimal)[SELF_REVIEW]) == 5  # kept again, with the others
    assert kept(minimal).keys() == files.keys()
