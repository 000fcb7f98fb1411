"""deduce's lookup tables built fast: each step gives what deduce's own gives, and deduce with
the flat tables de-identifies exactly as with its own tries."""

from __future__ import annotations

import random
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

deduce = pytest.importorskip("deduce")

import docdeid as dd  # noqa: E402  (after the skip: deduce brings it)
from deduce import lookup_structs, utils  # noqa: E402
from deduce.lookup_struct_loader import load_hospital_lookup, load_street_lookup  # noqa: E402

from leercyclus.privacy import lookupbuild, lookuptables  # noqa: E402
from leercyclus.privacy.lookupbuild import (  # noqa: E402
    SEPARATOR,
    FlatTrie,
    Tokens,
    apply_transform,
    raw_itemset,
)

LOOKUP = Path(deduce.__file__).parent / "data" / "lookup"
SRC = LOOKUP / "src"

pytestmark = pytest.mark.skipif(
    not lookuptables.verified(), reason="the fast build is checked for other deduce versions"
)


def sample(path: Path, size: int, seed: int = 1) -> set[str]:
    items = sorted(utils.optional_load_items(path / "items.txt") or set())
    return set(random.Random(seed).sample(items, min(size, len(items))))


@pytest.fixture(scope="module")
def tokenizer() -> Any:
    return deduce.Deduce._initialize_tokenizer(LOOKUP)


# ---------------------------------------------------------------------------------------------
# The variants of a list


@pytest.mark.parametrize(
    ("folder", "size"),
    [
        ("locations/lst_street", 4000),
        ("locations/lst_placename", 3000),
        ("institutions/lst_healthcare_institution", 3000),
        ("institutions/lst_hospital", 400),
        ("whitelist/lst_eponymous_disease", 300),
    ],
)
def test_variants_are_deduces(folder: str, size: int) -> None:
    config = utils.optional_load_json(SRC / folder / "transform.json")
    items = sample(SRC / folder, size)
    assert apply_transform(set(items), config) == utils.apply_transform(set(items), config)


def test_variants_with_patterns_that_cannot_be_combined() -> None:
    config = {"transforms": {"t": {r"(a)\1": ["aa", "A"], "b$": ["b", "B"], "(?i)c": ["c", "k"]}}}
    items = {"xaax", "ab", "cc", "none"}
    assert apply_transform(set(items), config) == utils.apply_transform(set(items), config)


@pytest.mark.parametrize(
    "folder",
    [
        "locations/lst_placename",  # sub-lists, each with its own variants
        "whitelist/lst_eponymous_disease",  # a sub-list with variants, then the list's own
        "institutions/lst_hospital",
        "names/lst_first_name",
        "names/lst_interfix",
    ],
)
def test_raw_lists_are_deduces(folder: str) -> None:
    assert raw_itemset(SRC / folder) == lookup_structs.load_raw_itemset(SRC / folder)


def test_the_parts_of_a_list_are_the_whole() -> None:
    folder = SRC / "locations" / "lst_placename"
    first, second = raw_itemset(folder, (0, 2)), raw_itemset(folder, (1, 2))
    assert first and second
    assert first | second == raw_itemset(folder)


# ---------------------------------------------------------------------------------------------
# Tokens


ODD_ITEMS = [
    "Dr. h.c. Jansenlaan",
    "Dr.h.c.Jansenlaan",
    "De la Reystraat",
    "van der Helststraat",
    "In 't Veld",
    "In  den   Hoek",
    "Mr.    Visserplein",
    "dr . jansen",
    "",
    "   ",
    "    ",
    "\t",
    "Ziekenhuis-Gelderse Vallei (Ede)",
    "Sint-Oedenrode",
    "'t Harde",
]


def deduce_tokens(tokenizer: Any, item: str) -> str:
    return SEPARATOR.join(token.text for token in tokenizer.tokenize(item))


@pytest.mark.parametrize("folder", ["locations/lst_street", "names/lst_interfix_surname"])
def test_tokens_are_deduces(tokenizer: Any, folder: str) -> None:
    items = sorted(sample(SRC / folder, 5000)) + ODD_ITEMS
    assert list(Tokens(tokenizer).sequences(items)) == [
        deduce_tokens(tokenizer, item) for item in items
    ]


def test_tokens_without_an_item_that_has_none(tokenizer: Any) -> None:
    items = [item for item in ODD_ITEMS if item.strip(" ") or len(item) > 3]
    assert list(Tokens(tokenizer).sequences(items)) == [
        deduce_tokens(tokenizer, item) for item in items
    ]


# ---------------------------------------------------------------------------------------------
# The flat trie answers as deduce's trie


def both_tries(tokenizer: Any, recipe: Any, raw: dict[str, set[str]]) -> tuple[Any, FlatTrie]:
    theirs = recipe(raw, tokenizer)
    ours = lookupbuild.flat_trie(recipe, raw, Tokens(tokenizer))
    return theirs, ours


def probes(trie: Any, tokenizer: Any) -> Iterator[list[str]]:
    """Token lists that hit, nearly hit and miss the trie's sequences, in other cases too."""
    stack: list[tuple[Any, list[str]]] = [(trie, [])]
    sequences = []
    while stack:
        node, prefix = stack.pop()
        if node.is_terminal and prefix:
            sequences.append(prefix)
        stack.extend((child, [*prefix, token]) for token, child in node.children.items())
    rng = random.Random(3)
    for sequence in rng.sample(sequences, min(1500, len(sequences))):
        yield sequence
        yield [*sequence, "12"]
        yield ["aan", "de", *sequence, "in", "Ede"]
        yield sequence[:-1]
        yield [token.upper() for token in sequence]
        yield [token.lower() for token in sequence]
    text = "Wij wonen aan de Dr. van Welylaan 3 in 's-Hertogenbosch, bij het Gelre ziekenhuis."
    yield [token.text for token in tokenizer.tokenize(text)]


@pytest.mark.parametrize("recipe", [load_street_lookup, load_hospital_lookup])
def test_the_flat_trie_answers_as_deduces(tokenizer: Any, recipe: Any) -> None:
    raw = {
        "street": sample(SRC / "locations" / "lst_street", 3000),
        "hospital": raw_itemset(SRC / "institutions" / "lst_hospital"),  # a matching pipeline
        "hospital_abbr": raw_itemset(SRC / "institutions" / "lst_hospital_abbr"),
    }
    theirs, ours = both_tries(tokenizer, recipe, raw)
    assert set(ours.children) == set(theirs.children)
    assert ours.is_terminal == theirs.is_terminal
    for tokens in probes(theirs, tokenizer):
        for start in (0, 1, 2):
            expected = theirs.longest_matching_prefix(tokens, start_i=start)
            assert ours.longest_matching_prefix(tokens, start_i=start) == expected, tokens
        assert (tokens in ours) == (tokens in theirs), tokens


def test_a_flat_trie_built_item_by_item() -> None:
    ours = FlatTrie([dd.str.LowercaseString()])
    theirs = dd.ds.LookupTrie([dd.str.LowercaseString()])
    for trie in (ours, theirs):
        trie.add_item(["Gelre", "Ziekenhuizen"])
        trie.add_item(["Gelre"])
        trie.add_item(["ede"])
    # As in deduce's trie, the pipeline applies to the first token stored and to every token
    # looked up: "Ziekenhuizen" is stored as it is, so a lookup never finds it.
    assert ours.longest_matching_prefix(["x", "GELRE", "Ziekenhuizen"], 1) == ["gelre"]
    for tokens in (["GELRE", "ziekenhuizen"], ["Gelre", "Ziekenhuizen"], ["EDE"], ["x"], []):
        for start in (0, 1):
            expected = theirs.longest_matching_prefix(tokens, start)
            assert ours.longest_matching_prefix(tokens, start) == expected
        assert (tokens in ours) == (tokens in theirs)
    assert set(ours.children) == set(theirs.children) == {"gelre", "ede"}


# ---------------------------------------------------------------------------------------------
# deduce with flat tables de-identifies as with its own, on short lists (about 10 s)


@pytest.fixture(scope="module")
def short_lists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """deduce's lookup lists with the long ones cut to a sample (its own build then takes
    seconds, not minutes)."""
    root = tmp_path_factory.mktemp("lookup")
    shutil.copytree(SRC, root / "src", ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("locations/lst_street", "institutions/lst_healthcare_institution"):
        items = sorted(sample(SRC / folder, 1500))
        (root / "src" / folder / "items.txt").write_text("\n".join(items) + "\n", "utf-8")
    return root


def texts(lookup: Path) -> list[str]:
    rng = random.Random(5)
    names = {
        name: sorted(raw_itemset(lookup / "src" / path))
        for name, path in [
            ("street", "locations/lst_street"),
            ("institution", "institutions/lst_healthcare_institution"),
            ("place", "locations/lst_placename"),
            ("first", "names/lst_first_name"),
            ("surname", "names/lst_surname"),
            ("hospital", "institutions/lst_hospital"),
        ]
    }
    found = []
    for _ in range(300):
        pick = {name: rng.choice(items) for name, items in names.items()}
        found.append(
            f"Mw. {pick['first']} {pick['surname']} van {pick['institution']} woont aan de "
            f"{pick['street']} {rng.randint(1, 200)} in {pick['place']}; zij werkte eerder in "
            f"het {pick['hospital']} en belde op 14-03-2025 met 06-{rng.randint(10**7, 10**8)}."
        )
        found.append(f"{pick['street']}, {pick['place']} ({pick['institution'].upper()})")
    return found


@pytest.mark.deduce
def test_deduce_with_flat_tables_deidentifies_as_with_its_own(
    short_lists: Path, tmp_path: Path
) -> None:
    theirs = deduce.Deduce(
        lookup_data_path=short_lists, cache_path=tmp_path / "theirs", build_lookup_structs=True
    )
    lookuptables.build(tmp_path / "ours", short_lists)
    ours = deduce.Deduce(lookup_data_path=short_lists, cache_path=tmp_path / "ours")
    assert isinstance(ours.lookup_structs["street"], FlatTrie)
    annotated = 0
    for text in texts(short_lists):
        expected = theirs.deidentify(text)
        got = ours.deidentify(text)
        assert got.deidentified_text == expected.deidentified_text, text
        annotated += len(expected.annotations)
    assert annotated > 1000


# ---------------------------------------------------------------------------------------------
# Where the tables are kept, and the background build


class Started:
    """Stands in for subprocess.Popen: records what would have been started."""

    calls: list[list[str]] = []

    def __init__(self, args: list[str], **_: object) -> None:
        Started.calls.append(args)


@pytest.fixture
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from leercyclus.privacy import deidentify

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(deidentify, "_BUILDER", [])
    monkeypatch.setattr(deidentify, "_ENGINE", None)
    monkeypatch.setattr(deidentify.subprocess, "Popen", Started)
    Started.calls = []
    return tmp_path


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG_CACHE_HOME is Linux's")
def test_the_tables_live_in_the_user_cache_named_by_deduce_and_its_lists(user_cache: Path) -> None:
    folder = lookuptables.folder()
    assert folder.parent == user_cache / "leercyclus"
    assert folder.name.startswith(f"deduce-{lookuptables.deduce_version()}-")
    assert folder == lookuptables.folder()  # the same lists, the same folder


@pytest.mark.usefixtures("user_cache")
def test_report_starts_one_background_build_when_the_tables_are_missing() -> None:
    from leercyclus.privacy import deidentify

    deidentify.prepare()
    deidentify.prepare()
    module = "leercyclus.privacy.lookuptables"
    assert Started.calls == [[sys.executable, "-m", module, str(lookuptables.folder())]]


@pytest.mark.usefixtures("user_cache")
def test_no_background_build_when_the_tables_are_there() -> None:
    from leercyclus.privacy import deidentify

    table = lookuptables.table_file(lookuptables.folder())
    table.parent.mkdir(parents=True)
    table.write_bytes(b"")
    deidentify.prepare()
    assert Started.calls == []
