"""Does deduce de-identify exactly the same with leercyclus's lookup tables as with its own?

Usage: python benchmarks/same_deduce.py [--texts N] [--network DIR]

Builds deduce's own lookup structures (its first start: 1-2 minutes) and leercyclus's
(`leercyclus.privacy.lookupbuild`) into temporary folders, compares every table (every item
of every set, every token sequence of every trie), then de-identifies a corpus with both and
compares the annotations and the text: sentences made of items sampled from every list (so
every trie is hit, nearly hit and missed), the example network's files, leercyclus's tests,
and the free text of a generated network (`--network`). Run it before adding a deduce
version to `leercyclus.privacy.lookuptables.VERIFIED`; it prints the timings as well.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def sequences(trie: Any) -> set[str]:
    """Every token sequence in a deduce LookupTrie, joined as a FlatTrie stores it."""
    from leercyclus.privacy.lookupbuild import SEPARATOR

    found: set[str] = set()
    stack: list[tuple[Any, tuple[str, ...]]] = [(trie, ())]
    while stack:
        node, prefix = stack.pop()
        if node.is_terminal and prefix:
            found.add(SEPARATOR.join(prefix))
        stack.extend((child, (*prefix, token)) for token, child in node.children.items())
    return found


def compare_tables(theirs: Any, ours: Any) -> list[str]:
    """The names of the tables that differ (empty: all the same)."""
    import docdeid as dd

    def pipeline(struct: Any) -> list[str] | None:
        steps = struct.matching_pipeline
        return None if steps is None else [type(step).__name__ for step in steps]

    differ = sorted(set(theirs) ^ set(ours))
    for name in sorted(set(theirs) & set(ours)):
        a, b = theirs[name], ours[name]
        same = pipeline(a) == pipeline(b)
        if isinstance(a, dd.ds.LookupSet):
            same = same and a.items() == b.items()
        else:
            same = (
                same
                and sequences(a) == b.sequences
                and bool(a.is_terminal) == bool(b.is_terminal)
                and set(a.children) == set(b.children)
            )
        print(f"  {name:24} {type(a).__name__:10} {'same' if same else 'DIFFERENT'}")
        if not same:
            differ.append(name)
    return differ


def corpus(theirs: Any, size: int, network: Path | None) -> list[str]:
    """Texts that exercise every list, and real texts."""
    rng = random.Random(7)
    texts = []
    tries = [name for name, struct in theirs.items() if hasattr(struct, "children")]
    for name in tries:
        found = sorted(sequences(theirs[name]))
        picks = [s.split("\x00") for s in rng.sample(found, min(size, len(found)))]
        for i in range(0, len(picks) - 5, 6):
            words = [" ".join(p) if rng.random() < 0.5 else "".join(p) for p in picks[i : i + 6]]
            texts.append(
                f"Gisteren sprak dhr. {words[0]} met {words[1]} in de {words[2]} over "
                f"{', '.join(words[3:])}; tel. 06-12345678, {rng.randint(1, 99)} jaar."
            )
    for name in ("initial", "interfix_surname", "prefix", "interfix", "common_word"):
        items = sorted(theirs[name].items())
        for _ in range(100):
            texts.append(
                " ".join(
                    f"{rng.choice(items)} {rng.choice(['Jansen', 'de Vries', 'Kerkstraat 12'])}"
                    for _ in range(6)
                )
                + "."
            )
    files = [*(REPO / "examples").rglob("*.yaml"), *(REPO / "tests").glob("*.py")]
    if network is not None:
        files += sorted(network.glob("cycles/*/*/*.yaml"))[:300]
    for path in files:
        parts = re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))
        texts += [part for part in parts if part.strip()][:200]
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=3000, help="sampled items per trie")
    parser.add_argument("--network", type=Path, help="a generated network to take texts from")
    args = parser.parse_args(argv)

    import deduce  # noqa: TID251  (benchmarks are not the package)

    from leercyclus.privacy import lookuptables

    print(f"deduce {deduce.__version__}")
    with tempfile.TemporaryDirectory(prefix="same-deduce-") as tmp:
        start = time.perf_counter()
        theirs = deduce.Deduce(cache_path=Path(tmp, "theirs"), build_lookup_structs=True)
        print(f"deduce's own build: {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        lookuptables.build(Path(tmp, "ours"))
        print(f"leercyclus's build: {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        ours = deduce.Deduce(cache_path=Path(tmp, "ours"))
        print(f"deduce started from leercyclus's tables: {time.perf_counter() - start:.1f} s")
    differ = compare_tables(theirs.lookup_structs, ours.lookup_structs)
    texts = corpus(theirs.lookup_structs, args.texts, args.network)
    different = annotations = 0
    for text in texts:
        a, b = theirs.deidentify(text), ours.deidentify(text)
        key_a = sorted((x.start_char, x.end_char, x.tag) for x in a.annotations)
        key_b = sorted((x.start_char, x.end_char, x.tag) for x in b.annotations)
        annotations += len(key_a)
        if key_a != key_b or a.deidentified_text != b.deidentified_text:
            different += 1
            if different <= 5:
                print(f"  DIFFERENT: {text[:160]!r}\n    {key_a}\n    {key_b}")
    print(
        f"{len(texts)} texts ({sum(map(len, texts))} characters, {annotations} annotations): "
        f"{different} de-identified differently"
    )
    same = not differ and not different
    print("SAME" if same else f"DIFFERENT: tables {differ}, {different} texts")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
