"""deduce's lookup tables, built the way deduce builds them, with its slow steps done faster.

deduce's own recipes (which items, which variants, which filters) run unchanged; only the slow
steps are done another way, with the same result:

- the spelling variants of a list (`transform.json`): an item is exploded only when one of a
  transform's patterns occurs in it at all (one search instead of one per pattern);
- the tokens of an item: deduce's tokenizer pattern over all items at once, then its merges of
  prefixes and interfixes ("van der", "Dr.") for the items that have one;
- a trie becomes a `FlatTrie`, which answers the one question deduce's annotators ask of it
  (the longest listed token sequence at a position) exactly as the trie does, from a set of
  joined token sequences instead of millions of trie nodes;
- the two largest tables are built half in a second process, when there is a second core.

The tests compare each step with deduce's own, and deduce with these tables with deduce with
its own; `benchmarks/same_deduce.py` compares the whole build (see `lookuptables.VERIFIED`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from docdeid.ds.ds import DsCollection
from docdeid.ds.lookup import LookupSet, LookupTrie
from docdeid.str.processor import StringModifier

SEPARATOR = "\x00"
"""Joins the tokens of a sequence; no token of deduce's lists contains it (checked)."""

HALVED = ("street", "healthcare_institution")
"""The two largest tables, nine tenths of the work. Their recipes treat each item on its own,
so with a second core a second process builds the second half of each, and they are joined."""


def tables(lookup: Path) -> DsCollection:
    """deduce's lookup structures, built from the lists under `lookup` (its `data/lookup`)."""
    import deduce
    from deduce import lookup_structs
    from deduce.data.lookup.src import all_lists

    names = {path.split("/")[-1].removeprefix("lst_"): path for path in all_lists}
    tokens = Tokens(deduce.Deduce._initialize_tokenizer(lookup))
    trie_loaders: dict[str, Callable[..., Any]] = dict(lookup_structs._LOOKUP_TRIE_LOADERS)
    set_loaders: dict[str, Callable[..., Any]] = dict(lookup_structs._LOOKUP_SET_LOADERS)
    pool = _second_process()
    halves = dict.fromkeys(HALVED, (0, 2)) if pool is not None else {}
    elsewhere = {}
    if pool is not None:
        second = RawItemsets(lookup / "src", names, dict.fromkeys(HALVED, (1, 2)))
        elsewhere = {
            name: pool.submit(flat_trie, trie_loaders[name], second, tokens) for name in HALVED
        }
    raw = RawItemsets(lookup / "src", names, halves)
    try:
        collection = DsCollection()
        for name in names.keys() - set_loaders.keys() - trie_loaders.keys():
            plain = LookupSet()
            plain.add_items_from_iterable(raw.whole(name))
            collection[name] = plain
        for name, load_set in set_loaders.items():
            collection[name] = load_set(raw)
        for name, load_trie in trie_loaders.items():
            collection[name] = flat_trie(load_trie, raw, tokens)
        for name, future in elsewhere.items():
            whole = collection[name]
            assert isinstance(whole, FlatTrie)
            whole.merge(future.result())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return collection


def _second_process() -> Any:
    """A pool of one worker process, if this machine has a second core."""
    from leercyclus.parallel import context, cores

    if cores() < 2:
        return None
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(1, mp_context=context())


class RawItemsets(dict[str, set[str]]):
    """deduce's raw itemsets (`load_raw_itemsets`), each list loaded when first asked for;
    of a list in `parts`, only part k of n (what a recipe makes of it is then that part)."""

    def __init__(
        self, source: Path, paths: dict[str, str], parts: dict[str, tuple[int, int]]
    ) -> None:
        super().__init__()
        self.source = source
        self.paths = paths
        self.parts = parts

    def __missing__(self, name: str) -> set[str]:
        items = raw_itemset(self.source / self.paths[name], self.parts.get(name))
        self[name] = items
        return items

    def whole(self, name: str) -> set[str]:
        """The whole list, whatever part this instance holds of it."""
        return raw_itemset(self.source / self.paths[name]) if name in self.parts else self[name]


def raw_itemset(path: Path, part: tuple[int, int] | None = None) -> set[str]:
    """deduce's `load_raw_itemset`: items minus exceptions, plus sub-lists, then variants.

    With `part` (k, n): the variants of every n-th item from the k-th, in sorted order. As
    every item's variants are its own, the parts of a list together are the whole.
    """
    from deduce.utils import optional_load_items, optional_load_json

    items: set[str] | None = optional_load_items(path / "items.txt")
    exceptions = optional_load_items(path / "exceptions.txt")
    sub_lists = list(path.glob("lst_*"))
    if items is None:
        if not sub_lists:
            raise RuntimeError(f"no items.txt and no sub-lists in {path}")
        items = set()
    if exceptions is not None:
        items -= exceptions
    for sub_list in sub_lists:
        items = items.union(raw_itemset(sub_list))
    if part is not None:
        items = set(sorted(items)[part[0] :: part[1]])
    transform = optional_load_json(path / "transform.json")
    if transform is not None:
        items = apply_transform(items, transform)
    return items


def apply_transform(items: set[str], config: dict[str, Any]) -> set[str]:
    """deduce's `apply_transform`: every spelling variant of every item, added to the set.

    An item that none of a transform's patterns occurs in has only itself as variant; one
    search for all patterns at once finds those, and only the rest are exploded.
    """
    for transform in config.get("transforms", {}).values():
        patterns = [Replacement(pattern, options) for pattern, options in transform.items()]
        anywhere = _any_of(list(transform))
        to_add: list[str] = []
        for item in items:
            if anywhere is None or anywhere.search(item):
                to_add += variations(item, patterns)
        items.update(to_add)
    if config.get("strip_lines", True):
        items = {item.strip() for item in items}
    return items


def _any_of(patterns: list[str]) -> re.Pattern[str] | None:
    """One pattern that occurs in a text exactly when one of `patterns` does, if one can be
    made (not with back references, whose numbers change when the patterns are combined)."""
    if any(re.search(r"\\[1-9]|\(\?P=", pattern) for pattern in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))
    except re.error:
        return None


class Replacement:
    """One pattern of a transform, compiled, with the text any match of it contains (for a
    plain word between anchors, as most are), and its replacements."""

    _PLAIN = re.compile(r"(?:\\b|\^|\(\\b\|\^\))?([\w ']+)(?:\\b|\$)?")

    def __init__(self, pattern: str, options: list[str]) -> None:
        self.pattern = re.compile(pattern)
        plain = self._PLAIN.fullmatch(pattern)
        self.needle = plain.group(1) if plain else ""
        self.options = options


def variations(text: str, patterns: Sequence[Replacement]) -> list[str]:
    """deduce's `str_variations`, with the patterns compiled once."""
    from deduce.utils import has_overlap, repl_segments

    matches = [
        (match.start(), match.end(), replacement.options)
        for replacement in patterns
        if replacement.needle in text
        for match in replacement.pattern.finditer(text)
    ]
    if not matches:
        return [text]
    if has_overlap(matches):
        raise RuntimeError(
            "Cannot explode input string, because there is overlap in the replacement mapping."
        )
    found = [""]
    for segment in repl_segments(text, matches):
        found = [prefix + choice for choice in segment for prefix in found]
    return found


class _Recorder:
    """Stands in for the tokenizer of a deduce trie recipe: keeps the recipe's final items
    and gives no tokens, so the recipe's own trie is trivial and ours is built instead."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def tokenize(self, text: str) -> tuple[()]:
        self.items.append(text)
        return ()


def flat_trie(recipe: Callable[..., Any], raw: dict[str, set[str]], tokens: Tokens) -> FlatTrie:
    """The table deduce's `recipe` makes, as a FlatTrie."""
    recorder = _Recorder()
    trie = recipe(raw, recorder)
    return FlatTrie.from_sequences(tokens.sequences(recorder.items), trie.matching_pipeline)


class Tokens:
    """The tokens deduce's tokenizer makes of each item, joined by SEPARATOR, made without
    Token objects: its pattern over all items at once, then its merges of prefixes and
    interfixes ("van der", "Dr.") for the items that have one."""

    ITEM_END = "\x01"
    """Ends each item in the joined text: a token of its own (deduce's pattern matches any
    single character but a space), found in none of deduce's lists (checked)."""

    def __init__(self, tokenizer: Any) -> None:
        self.pattern = tokenizer._pattern
        self.merges = _sequences(tokenizer._trie)
        self.longest: dict[str, int] = {}
        for sequence in self.merges:
            head, *rest = sequence.split(SEPARATOR)
            self.longest[head] = max(self.longest.get(head, 0), 1 + len(rest))
        several = sorted((m for m in self.merges if SEPARATOR in m), key=len, reverse=True)
        self.merging = re.compile(
            f"(?:^|(?<={SEPARATOR}))(?:{'|'.join(map(re.escape, several))})(?={SEPARATOR}|$)"
            if several
            else "(?!)"
        )

    def sequences(self, items: list[str]) -> Iterator[str]:
        """Each item's tokens, joined; an item without tokens gives an empty string."""
        text = self.ITEM_END.join(items)
        if SEPARATOR in text or text.count(self.ITEM_END) != len(items) - 1:
            raise ValueError("an item contains the separator or the item end")
        found = self.pattern.findall(text)
        if len(found) == len(items) - 1:  # no item has a token
            yield from ("" for _ in items)
            return
        joined = SEPARATOR.join(found).split(SEPARATOR + self.ITEM_END + SEPARATOR)
        if len(joined) != len(items):  # items without tokens: a slower way, item by item
            yield from (SEPARATOR.join(self.of(item)) for item in items)
            return
        merging = self.merging.search
        for item, sequence in zip(items, joined, strict=True):
            if merging(sequence):
                yield SEPARATOR.join(self.of(item, sequence.split(SEPARATOR)))
            else:
                yield sequence

    def of(self, item: str, found: list[str] | None = None) -> list[str]:
        """deduce's `DeduceTokenizer._split_text` of one item, as texts; `found`: the item's
        tokens before merging, if known."""
        tokens: list[str] = self.pattern.findall(item) if found is None else found
        spans: list[tuple[int, int]] | None = None
        merged: list[str] = []
        i = 0
        while i < len(tokens):  # `_merge`: the longest prefix or interfix at each token
            limit = self.longest.get(tokens[i])
            best = 0 if limit is None else _longest(tokens, i, limit, self.merges)
            if best <= 1:
                merged.append(tokens[i])
                i += 1
                continue
            if spans is None:
                spans = [match.span() for match in self.pattern.finditer(item)]
            merged.append(item[spans[i][0] : spans[i + best - 1][1]])  # spaces included
            i += best
        return merged


def _longest(tokens: Sequence[str], start: int, limit: int, sequences: set[str]) -> int:
    """How many tokens from `start` form the longest of `sequences` (0 if none)."""
    best = 0
    key = ""
    for n in range(1, min(limit, len(tokens) - start) + 1):
        key = tokens[start] if n == 1 else key + SEPARATOR + tokens[start + n - 1]
        if key in sequences:
            best = n
    return best


def _sequences(trie: LookupTrie, prefix: tuple[str, ...] = ()) -> set[str]:
    """Every token sequence in a deduce trie, joined."""
    found = {SEPARATOR.join(prefix)} if trie.is_terminal and prefix else set()
    for token, child in trie.children.items():
        found |= _sequences(child, (*prefix, token))
    return found


# =============================================================================================
# The flat trie


class FlatTrie(LookupTrie):
    """A LookupTrie's answers from a set of joined token sequences.

    As in a LookupTrie, the matching pipeline applies to the first token of each stored
    sequence (only the root trie has one) and to every token looked up. `children` has the
    first tokens as keys, as deduce's annotators read them, and one empty node as every value.
    """

    def __init__(self, matching_pipeline: list[StringModifier] | None = None) -> None:
        super().__init__(matching_pipeline=matching_pipeline)
        self.sequences: set[str] = set()
        self.longest = 0
        """The most tokens in a sequence: no lookup reads further."""

    @classmethod
    def from_sequences(
        cls,
        sequences: Iterable[str],
        matching_pipeline: list[StringModifier] | None,
    ) -> FlatTrie:
        """What deduce's `lookup_set_to_trie` makes of items with these joined tokens."""
        trie = cls(matching_pipeline)
        stored = trie.sequences
        for sequence in sequences:
            if not sequence:
                trie.is_terminal = True  # as LookupTrie.add_item([]) does
            elif matching_pipeline:
                head, separator, rest = sequence.partition(SEPARATOR)
                stored.add(trie._apply_matching_pipeline(head) + separator + rest)
            else:
                stored.add(sequence)
        trie.longest = max((sequence.count(SEPARATOR) + 1 for sequence in stored), default=0)
        heads = (sequence.partition(SEPARATOR)[0] for sequence in stored)
        trie.children = dict.fromkeys(heads, _LEAF)
        return trie

    def merge(self, other: FlatTrie) -> None:
        """Add the sequences of `other`, built from other items by the same recipe."""
        self.sequences |= other.sequences
        self.is_terminal = self.is_terminal or other.is_terminal
        self.longest = max(self.longest, other.longest)
        self.children.update(dict.fromkeys(other.children, _LEAF))

    def add_item(self, item: list[str]) -> None:
        if not item:
            self.is_terminal = True
            return
        head = self._apply_matching_pipeline(item[0])
        self.sequences.add(SEPARATOR.join([head, *item[1:]]))
        self.longest = max(self.longest, len(item))
        self.children[head] = _LEAF

    def __contains__(self, item: list[str]) -> bool:
        if not item:
            return bool(self.is_terminal)
        head = self._apply_matching_pipeline(item[0])
        return SEPARATOR.join([head, *item[1:]]) in self.sequences

    def longest_matching_prefix(self, item: list[str], start_i: int = 0) -> list[str] | None:
        if start_i >= len(item):
            return None
        head = self._apply_matching_pipeline(item[start_i])
        if head not in self.children:
            return None
        tokens = [head]
        for token in item[start_i + 1 : start_i + self.longest]:
            tokens.append(self._apply_matching_pipeline(token))
        best = _longest(tokens, 0, len(tokens), self.sequences)
        return tokens[:best] if best else None


_LEAF = LookupTrie()
"""The value of every key of a FlatTrie's `children`."""
