"""Run the tests on the lowest versions pyproject.toml allows (constraints/lowest.txt).

Usage: python scripts/test_lowest.py [--venv DIR] [PYTEST ARGS...]

Makes (or reuses) a virtual environment, default .venv-lowest/ beside pyproject.toml, installs
leercyclus with its test tools there, every runtime dependency pinned to its lower bound, and
runs pytest in it (default: `-n 2`, every test; the first run of the de-identifier builds its
lookup tables there, 2-3 minutes). Works on Linux, macOS and Windows with Python only.
Exit code: pytest's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints" / "lowest.txt"


def python_of(folder: Path) -> Path:
    """The interpreter of a virtual environment, on Windows and elsewhere."""
    windows = folder / "Scripts" / "python.exe"
    return windows if windows.exists() else folder / "bin" / "python"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv-lowest")
    args, pytest_args = parser.parse_known_args(argv)
    if not python_of(args.venv).exists():
        print(f"making {args.venv}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(args.venv)
    python = str(python_of(args.venv))
    print(f"installing leercyclus with {CONSTRAINTS.relative_to(ROOT)}", flush=True)
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "-c", str(CONSTRAINTS), "-e", ".[test]"],
        cwd=ROOT,
        check=True,
    )
    wrong = _not_pinned(python)
    if wrong:
        print(f"not at their lower bound: {', '.join(wrong)}", file=sys.stderr)
        return 1
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(ROOT / "src")  # this checkout's code, whatever else is installed
    command = [python, "-m", "pytest", "-p", "no:cacheprovider"]
    command += pytest_args or ["-n", "2"]
    print(" ".join(command[2:]), flush=True)
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def _not_pinned(python: str) -> list[str]:
    """The constrained packages installed at another version than the constraint says."""
    pins = dict(
        line.split("==", 1)
        for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    )
    probe = (
        "import importlib.metadata as m, json, sys\n"
        "print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))"
    )
    done = subprocess.run([python, "-c", probe, *pins], capture_output=True, text=True, check=True)
    import json

    installed = json.loads(done.stdout)
    return [f"{name} {installed[name]} (wanted {pin})" for name, pin in pins.items()
            if installed[name] != pin]  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
