"""Interrupt `leercyclus report` at random moments and count what is left behind.

Usage: python benchmarks/interrupts.py [--runs 20] [--signal INT|KILL] [--institutions 80]
[--formats md,html,docx] [--seed 1]. Linux only (it reads /proc).

Each run starts a report build in its own session, waits a random time, then sends the signal:
INT to the whole process group, as Ctrl-C in a terminal does; KILL to the main process only,
as the OOM killer or `kill -9` does. It then counts the processes of that session still alive
a second later (and five seconds later), the staging folders left in the output folder, the
exit code and the lines on stderr. After the KILL runs, one more (uninterrupted) build shows
whether stale staging is removed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def session_processes(session: int) -> list[int]:
    """The processes whose session id is `session` (the build and everything it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def one_run(net: Path, formats: str, wait: float, sig: signal.Signals) -> dict[str, object]:
    """Start a build, signal it after `wait` seconds, and see what is left."""
    command = [sys.executable, "-m", "leercyclus", "report", str(net), "--no-national"]
    command += ["--format", formats, "--force"]
    started = time.monotonic()
    build = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    time.sleep(wait)
    workers = len(session_processes(build.pid)) - 1
    if sig is signal.SIGINT:
        os.killpg(build.pid, sig)
    else:
        build.send_signal(sig)
    try:
        _, stderr = build.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        build.kill()
        _, stderr = build.communicate()
    ended = time.monotonic() - started
    time.sleep(1.0)
    left = session_processes(build.pid)
    names = sorted(_name(pid) for pid in left)
    time.sleep(4.0)
    later = session_processes(build.pid)
    for pid in later:  # never leave them running, whatever this measured
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    staging = sorted(p.name for p in (net / "build").glob(".staging-*"))
    return {
        "wait": round(wait, 2),
        "exit": build.returncode,
        "seconds": round(ended, 2),
        "workers_at_signal": workers,
        "left": len(left),
        "left_names": names,
        "left_after_5s": len(later),
        "staging": len(staging),
        "stderr": stderr.decode("utf-8", "replace").strip().splitlines(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--signal", choices=["INT", "KILL"], default="INT")
    parser.add_argument("--institutions", type=int, default=80)
    parser.add_argument("--formats", default="md,html,docx")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-wait", type=float, default=8.0)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    sig = signal.Signals[f"SIG{args.signal}"]
    with tempfile.TemporaryDirectory(prefix="leercyclus-interrupts-") as tmp:
        net = Path(tmp) / "net"
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(net)]
            + ["--institutions", str(args.institutions), "--standards", "20"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        runs = [
            one_run(net, args.formats, rng.uniform(0.5, args.max_wait), sig)
            for _ in range(args.runs)
        ]
        after = None
        if sig is signal.SIGKILL:
            subprocess.run(
                [sys.executable, "-m", "leercyclus", "report", str(net), "--no-national"]
                + ["--format", "md"],
                check=True,
                capture_output=True,
            )
            after = len(list((net / "build").glob(".staging-*")))
    summary = {
        "runs": len(runs),
        "signal": args.signal,
        "exit_codes": sorted({r["exit"] for r in runs}),  # type: ignore[type-var]
        "processes_left": sum(r["left"] for r in runs),  # type: ignore[misc]
        "processes_left_after_5s": sum(r["left_after_5s"] for r in runs),  # type: ignore[misc]
        "left_names": sorted({n for r in runs for n in r["left_names"]}),  # type: ignore[attr-defined]
        "most_stderr_lines": max(len(r["stderr"]) for r in runs),  # type: ignore[arg-type]
        "staging_left_per_run": max(r["staging"] for r in runs),  # type: ignore[type-var]
        "staging_after_next_build": after,
        "stderr_seen": sorted({line for r in runs for line in r["stderr"]}),  # type: ignore[attr-defined]
    }
    print(json.dumps({"summary": summary, "runs": runs}, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
