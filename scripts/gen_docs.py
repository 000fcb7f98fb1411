"""Regenerate docs/format.md and docs/rules.md from the models and the table of finding codes.

Usage: python scripts/gen_docs.py [--check]   (--check: change nothing, exit 1 when stale)
"""

from __future__ import annotations

import sys
from pathlib import Path

from leercyclus.rules.reference import generated_docs

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    """Write the generated docs that differ from the committed ones; --check only reports."""
    check = "--check" in argv
    stale = []
    for rel, text in generated_docs().items():
        path = ROOT / rel
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old == text:
            continue
        stale.append(rel)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {rel}")
    if check and stale:
        print(f"stale: {', '.join(stale)}: run python scripts/gen_docs.py")
        return 1
    if not stale:
        print("the generated docs are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
