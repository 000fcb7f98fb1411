"""Time leercyclus against its floors on a generated network; print a table and write JSON.

Usage: python benchmarks/run.py [--institutions 1000 --standards 100] [--out FILE] [--quick]
Every measurement is a fresh subprocess, timed by wall clock; memory is the child's peak RSS
(wait4) and the summed PSS of its process tree, sampled from /proc. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CACHE = HERE / ".data"
EXAMPLE = REPO / "examples" / "herstelnetwerk"
CORES = os.cpu_count() or 1
_SCRIPT = Path(sys.executable).parent / "leercyclus"
LEERCYCLUS = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "leercyclus"]
"""The installed console script (not a pyenv shim: its start-up is not ours to count)."""

# =============================================================================================
# Measuring one subprocess


@dataclass
class Sample:
    """One run: wall time, the child's own peak RSS, the tree's sampled peak PSS, its output,
    and the CPU time (user + system) of the child and the worker processes it waited for."""

    seconds: float
    rss_mb: float
    tree_mb: float | None
    code: int
    stdout: str
    stderr: str
    cpu: float | None = None


def _tree_kb(root: int) -> int:
    """The summed PSS (else RSS) in kB of `root` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _pss_kb(pid)
        stack.extend(children.get(pid, []))
    return total


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


class _TreeSampler(threading.Thread):
    """Samples a process tree's memory until stopped; does nothing where /proc is missing."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.enabled = Path("/proc/self/stat").exists()
        self._done = threading.Event()

    def run(self) -> None:
        # Every 50 ms for the first second, then every 250 ms: reading /proc costs CPU too.
        start = time.perf_counter()
        while self.enabled and not self._done.wait(
            0.05 if time.perf_counter() - start < 1 else 0.25
        ):
            self.peak_kb = max(self.peak_kb, _tree_kb(self.pid))

    def finish(self) -> float | None:
        self._done.set()
        self.join()
        return self.peak_kb / 1024 if self.enabled else None


def measure(
    cmd: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Sample:
    """Run `cmd` once as a fresh subprocess and measure it."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, env=env)
        sampler = _TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        tree = sampler.finish()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Sample(
            seconds,
            usage.ru_maxrss / 1024,  # kB on Linux
            tree,
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            usage.ru_utime + usage.ru_stime,  # its waited-for children's included
        )


def median_of(runs: int, cmd: list[str], before: Callable[[], None] | None = None) -> Sample:
    """The run with the median wall time of `runs`; memory is the peak over all of them."""
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        samples.append(measure(cmd))
    return median(samples)


def median(samples: list[Sample]) -> Sample:
    """The sample with the median wall time; memory is the peak over all of them."""
    middle = sorted(samples, key=lambda s: s.seconds)[len(samples) // 2]
    middle.seconds = statistics.median(s.seconds for s in samples)
    cpus = [s.cpu for s in samples if s.cpu is not None]
    middle.cpu = statistics.median(cpus) if cpus else None
    middle.rss_mb = max(s.rss_mb for s in samples)
    trees = [s.tree_mb for s in samples if s.tree_mb is not None]
    middle.tree_mb = max(trees) if trees else None
    return middle


# =============================================================================================
# Rows of the table


@dataclass
class Row:
    """One line of the table; `passed` is None where there is no target or nothing ran."""

    step: str
    status: str = "ok"
    seconds: float | None = None
    floor: str | None = None
    ratio: float | None = None
    target: str = ""
    passed: bool | None = None
    rss_mb: float | None = None
    tree_mb: float | None = None
    note: str = ""
    cpu_seconds: float | None = None
    """CPU time (user + system, workers included): less disturbed by other work on a shared
    machine than the wall time."""
    cpu_ratio: float | None = None
    """`cpu_seconds` over the floor's CPU time."""


@dataclass(frozen=True, slots=True)
class Target:
    """What a row must reach: at most `seconds`, at most `ratio` x its floor, under `mb`."""

    seconds: float | None = None
    ratio: float | None = None
    mb: float | None = None

    def text(self) -> str:
        parts = [f"< {self.seconds:g} s"] if self.seconds else []
        parts += [f"<= {self.ratio:g}x"] if self.ratio else []
        parts += [f"< {self.mb:g} MB"] if self.mb else []
        return ", ".join(parts)


def row_from(
    step: str,
    sample: Sample,
    target: Target,
    floor: Row | None = None,
    *,
    ok_codes: tuple[int, ...] = (0,),
) -> Row:
    """A row for a measured sample, judged against its target and floor."""
    row = Row(step, seconds=sample.seconds, target=target.text(), cpu_seconds=sample.cpu)
    row.rss_mb, row.tree_mb = sample.rss_mb, sample.tree_mb
    if "No such command" in sample.stderr:
        return Row(step, status="not available", target=target.text(), note="no such command")
    if sample.code not in ok_codes:
        row.status = f"exit {sample.code}"
        row.note = _tail(sample.stderr or sample.stdout)
        row.passed = False
        return row
    if floor is not None and floor.seconds:
        row.floor, row.ratio = floor.step, sample.seconds / floor.seconds
        if floor.cpu_seconds and sample.cpu is not None:
            row.cpu_ratio = sample.cpu / floor.cpu_seconds
    checks = []
    if target.seconds is not None:
        checks.append(sample.seconds < target.seconds)
    if target.ratio is not None:
        checks.append(row.ratio is not None and row.ratio <= target.ratio)
    if target.mb is not None:
        checks.append(max(sample.rss_mb, sample.tree_mb or 0) < target.mb)
    row.passed = all(checks) if checks else None
    return row


def _tail(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return " / ".join(lines[:2] + lines[-1:])[:500]


# =============================================================================================
# The network


def methods_args(institutions: int) -> list[str]:
    """generate.py's options for a network with the data of every learning method: two audited
    locations per institution, five indicators of 60 months, three people per institution in
    intervision groups of eight, and a national day."""
    return [
        *("--audits", "2", "--indicators", "5", "--periods", "60"),
        *("--people", str(3 * institutions), "--national-day"),
    ]


def network(
    institutions: int, standards: int, cycles: int, seed: int, dense: bool, methods: bool = False
) -> Path:
    """The generated network for these parameters, from the cache or generated now."""
    version = hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()[:10]
    kind = ("-dense" if dense else "") + ("-methods" if methods else "")
    root = CACHE / f"net-{institutions}x{standards}-c{cycles}-s{seed}{kind}-{version}"
    if root.is_dir():
        return root
    partial = root.with_name(root.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    print(f"generating {institutions} x {standards} into {root.relative_to(REPO)} ...")
    args = [sys.executable, str(HERE / "generate.py"), str(partial)]
    args += ["--institutions", str(institutions), "--standards", str(standards)]
    args += ["--cycles", str(cycles), "--seed", str(seed), *(["--dense"] if dense else [])]
    args += methods_args(institutions) if methods else []
    subprocess.run(args, check=True)
    partial.rename(root)
    return root


def yaml_files(root: Path) -> list[Path]:
    """The network's data files, as `check` reads them."""
    return sorted(p for p in root.rglob("*.yaml") if ".leercyclus" not in p.parts)


def drop_cache(root: Path) -> None:
    """Delete the repository's cache folder (in the user's cache), so the next check starts
    cold."""
    try:
        from leercyclus.repository.cache import repository_cache
    except ImportError:  # a revision from before the user's cache (PYTHONPATH at an older src)
        pass
    else:
        shutil.rmtree(repository_cache(root), ignore_errors=True)
    shutil.rmtree(root / ".leercyclus", ignore_errors=True)  # where older versions kept it


COMPOSE = """
import csv, io, sys, pathlib, yaml
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    if ".leercyclus" not in path.parts:
        yaml.compose(path.read_bytes().decode("utf-8-sig"), Loader=yaml.CSafeLoader)
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.csv")):
    list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
"""
"""The cold check's floor: reading every input file with the standard parsers, in one process
(libyaml composing the YAML; csv's reader, in C, the tables of a network that has them)."""


def floor_name(root: Path) -> str:
    """The floor's row: what it reads."""
    tables = next(root.rglob("*.csv"), None) is not None
    return f"floor: libyaml compose{' + csv reader' if tables else ''}, 1 process"


COMMANDS = ["check", "report", "schema", "init", "new", "status", "diff", "export", "import"]


def bare_typer_app(folder: Path) -> Path:
    """A typer app with our command names and nothing behind them."""
    lines = ["import typer", "", "app = typer.Typer(add_completion=False)", ""]
    for name in COMMANDS:
        lines += [
            f'@app.command("{name}")',
            f"def {name}_(repo: str = typer.Argument(None, help='The repository.')) -> None:",
            f'    """The {name} command."""',
            "",
        ]
    lines += ['if __name__ == "__main__":', "    app()"]
    path = folder / "bare_typer.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class Touched:
    """One self-review with one word changed, restored on exit."""

    path: Path
    original: bytes = b""

    def __enter__(self) -> Touched:
        self.original = self.path.read_bytes()
        text = self.original.decode("utf-8")
        changed = re.sub(r"(?<=\s)de(?=\s)", "het", text.split("standards:", 1)[1], count=1)
        self.path.write_bytes((text.split("standards:", 1)[0] + "standards:" + changed).encode())
        return self

    def __exit__(self, *exc: object) -> None:
        self.path.write_bytes(self.original)


# =============================================================================================
# The steps


def floor_row(root: Path, runs: int = 1) -> Row:
    """libyaml composing every file in one process: the floor for a cold check."""
    sample = median_of(runs, [sys.executable, "-c", COMPOSE, str(root)])
    return row_from(floor_name(root), sample, Target())


def check_rows(root: Path, runs: int, codes: list[Code]) -> list[Row]:
    """The floor and check cold, taken turn about (so drift in the machine's speed hits all
    alike), then check warm (median of 3), and warm with one self-review changed; for this
    checkout and, with --baseline, the baseline's."""
    cmd = [*LEERCYCLUS, "check", str(root)]
    floors: list[Sample] = []
    colds: list[list[Sample]] = [[] for _ in codes]
    for _ in range(runs):
        floors.append(measure([sys.executable, "-c", COMPOSE, str(root)]))
        for code, samples in zip(codes, colds, strict=True):
            drop_cache(root)
            samples.append(measure(cmd, env=code.env))
    floor = row_from(floor_name(root), median(floors), Target())
    rows = [floor]
    reviews = sorted(root.glob("cycles/*/self-reviews/*.yaml"))
    for code, samples in zip(codes, colds, strict=True):
        label = f" ({code.label})" if len(codes) > 1 else ""
        rows.append(
            row_from(f"check, cold{label}", median(samples), Target(ratio=0.8, mb=1024), floor)
        )
        drop_cache(root)
        measure(cmd, env=code.env)  # this code's own cold run, so its warm runs find its caches
        warm = median([measure(cmd, env=code.env) for _ in range(3)])
        rows.append(row_from(f"check, warm{label}", warm, Target(seconds=0.3, mb=1024), floor))
        with Touched(reviews[-1]):
            sample = measure(cmd, env=code.env)
        rows.append(
            row_from(f"check, one file changed{label}", sample, Target(seconds=1.5, mb=1024))
        )
    return rows


def example_rows(runs: int) -> list[Row]:
    """check of the example network, interpreter start included: cold and warm."""
    if not (EXAMPLE / "leercyclus.yaml").is_file():
        return [Row("check example, cold", status="not available", note="no example network")]
    cmd = [*LEERCYCLUS, "check", str(EXAMPLE)]
    target = Target(seconds=0.5)
    cold = median_of(runs, cmd, before=lambda: drop_cache(EXAMPLE))
    warm = median_of(runs, cmd)
    rows = [
        row_from(f"check example, cold (median of {runs})", cold, target, ok_codes=(0, 1)),
        row_from(f"check example, warm (median of {runs})", warm, target, ok_codes=(0, 1)),
    ]
    for row, sample in zip(rows, (cold, warm), strict=True):
        if sample.code == 1:
            row.note = "exit 1: the example has errors in its data"
    return rows


FIRST_FORMATS = "md,html,docx,pdf"
"""What the README's first command builds of the example."""


@dataclass(frozen=True)
class Code:
    """The leercyclus a row runs: this checkout, or the baseline's (`--baseline REF`)."""

    label: str
    env: dict[str, str]


def baseline_code(ref: str, scratch: Path) -> Code:
    """`ref`'s src and templates, run through this environment's leercyclus script."""
    folder = scratch / "baseline"
    folder.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", ref, "src", "templates"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return Code(f"before ({ref})", {**os.environ, "PYTHONPATH": str(folder / "src")})


def deduce_own_tables() -> Path | None:
    """deduce's own lookup tables in its package folder (where deduce itself keeps them)."""
    import importlib.util

    spec = importlib.util.find_spec("deduce")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "data" / "lookup" / "cache" / "lookup_structs.pickle"


def first_rows(scratch: Path, codes: list[Code], fresh_deduce: bool, runs: int) -> list[Row]:
    """The README's first command after a fresh install: the example's reports in four
    formats, with no lookup tables for deduce yet (a new user cache folder; with
    `--fresh-deduce` deduce's own tables deleted too: only in an environment made for this),
    then with the tables built but no text de-identified yet (a second network on the same
    machine), and everything cached (the floor: the same reports, nothing to de-identify)."""
    if not (EXAMPLE / "leercyclus.yaml").is_file():
        return [Row("report of the example, first run", status="not available")]
    rows: list[Row] = []
    for number, code in enumerate(codes):
        net = scratch / f"example-{number}"
        shutil.copytree(EXAMPLE, net, ignore=shutil.ignore_patterns(".leercyclus", "build"))
        env = {**code.env, "XDG_CACHE_HOME": str(scratch / f"user-cache-{number}")}
        label = f" ({code.label})" if len(codes) > 1 else ""
        own = deduce_own_tables()
        had_own = own is not None and own.exists()
        if fresh_deduce and own is not None:
            own.unlink(missing_ok=True)
        target = Target(seconds=30, mb=2048)
        drop_cache(net)
        first = row_from(
            f"report of the example, first run: no deduce tables{label}",
            _report_example(net, env, scratch),
            target,
        )
        if had_own and not fresh_deduce and number > 0:
            first.note = "deduce's own tables existed: --fresh-deduce (in a venv of its own)"
        drop_cache(net)
        built = _report_example(net, env, scratch)
        warm = median([_report_example(net, env, scratch) for _ in range(runs)])
        floor = row_from(f"floor: the same reports, all cached{label}", warm, Target())
        floor.note = f"median of {runs}"
        if first.seconds is not None and warm.seconds:
            first.floor, first.ratio = floor.step, first.seconds / warm.seconds
        second = f"report of the example, tables built, nothing cached{label}"
        rows += [first, row_from(second, built, target, floor), floor]
    return rows


def _report_example(net: Path, env: dict[str, str], scratch: Path) -> Sample:
    """`report` of the example network in the README's four formats, into a new folder."""
    out = Path(tempfile.mkdtemp(prefix="example-out-", dir=scratch))
    cmd = [*LEERCYCLUS, "report", str(net), "--format", FIRST_FORMATS, "--out", str(out)]
    return measure(cmd, env=env)


def help_rows(runs: int, scratch: Path, codes: list[Code]) -> list[Row]:
    """`leercyclus --help` against a bare typer app with the same command names; for this
    checkout and, with --baseline, the baseline's, taken turn about."""
    bare = bare_typer_app(scratch)
    floors: list[Sample] = []
    ours: list[list[Sample]] = [[] for _ in codes]
    for _ in range(runs):
        floors.append(measure([sys.executable, str(bare), "--help"]))
        for code, samples in zip(codes, ours, strict=True):
            samples.append(measure([*LEERCYCLUS, "--help"], env=code.env))
    floor = row_from(f"floor: bare typer --help (median of {runs})", median(floors), Target())
    rows = [floor]
    for code, samples in zip(codes, ours, strict=True):
        label = f", {code.label}" if len(codes) > 1 else ""
        rows.append(
            row_from(f"--help (median of {runs}{label})", median(samples), Target(ratio=1.2), floor)
        )
    return rows


FLOOR_CONVERT = """
import concurrent.futures, pathlib, subprocess, sys
pandoc, fmt, src, dst, workers = sys.argv[1:6]
if fmt == "pdf":
    import typst
def one(item):
    n, doc = item
    target = pathlib.Path(dst) / f"{n}.{fmt}"
    if fmt == "pdf":
        typ = target.with_suffix(".typ")
        subprocess.run([pandoc, str(doc), "-s", "-t", "typst", "-o", str(typ)], check=True)
        typst.compile(str(typ), output=str(target))
    else:
        subprocess.run([pandoc, str(doc), "-s", "-o", str(target)], check=True)
docs = sorted(pathlib.Path(src).rglob("*.md"))
with concurrent.futures.ThreadPoolExecutor(int(workers)) as pool:
    list(pool.map(one, enumerate(docs)))
print(len(docs))
"""


def pandoc_path() -> str | None:
    """pandoc from pypandoc-binary, else from PATH."""
    try:
        import pypandoc  # noqa: TID251  (benchmarks are not the package)

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return shutil.which("pandoc")


def report_rows(root: Path, scratch: Path, formats: list[str]) -> list[Row]:
    """`report` per format, and pandoc (+ typst) converting the same Markdown over all cores.

    The first build starts with no cache, so it de-identifies all free text; the
    builds per format that follow find it cached, as a rebuild would. Each writes to a new
    folder, so none is an incremental no-op.
    """
    rows: list[Row] = []
    markdown: Path | None = None
    pandoc = pandoc_path()
    drop_cache(root)
    cold = [*LEERCYCLUS, "report", str(root), "--format", "md", "--out", str(scratch / "cold")]
    rows.append(
        row_from("report --format md, cold cache", measure(cold), Target(seconds=30, mb=2048))
    )
    for fmt in ["md", *(f for f in FORMATS[1:] if f in formats)]:
        out = scratch / f"report-{fmt}"
        cmd = [*LEERCYCLUS, "report", str(root), "--format", fmt, "--out", str(out)]
        sample = measure(cmd)
        floor = None
        if fmt != "md" and markdown is not None and pandoc is not None:
            converted = scratch / f"floor-{fmt}"
            converted.mkdir()
            how = "pandoc + typst" if fmt == "pdf" else "pandoc"
            floor_cmd = [sys.executable, "-c", FLOOR_CONVERT, pandoc, fmt]
            floor_sample = measure([*floor_cmd, str(markdown), str(converted), str(CORES)])
            floor = row_from(f"floor: {how} to {fmt}, {CORES} at a time", floor_sample, Target())
            floor.note = f"{floor_sample.stdout.strip()} documents"
            rows.append(floor)
        elif fmt != "md":
            rows.append(Row(f"floor: pandoc to {fmt}", status="not available", note="no md"))
        if fmt in ("md", "html"):
            target = Target(seconds=30, mb=2048)
        else:
            target = Target(ratio=1.3, mb=2048)
        row = row_from(f"report --format {fmt}", sample, target, floor)
        rows.append(row)
        if fmt == "md" and row.status == "ok" and any(out.rglob("*.md")):
            markdown = out
    return rows


def profile(root: Path, top: int = 15) -> str:
    """cProfile of a cold check (the main process only), top functions by cumulative time."""
    import pstats

    drop_cache(root)
    stats_file = CACHE / "check.prof"
    cmd = [sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "leercyclus"]
    subprocess.run([*cmd, "check", str(root)], capture_output=True, check=False)
    out = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    return out.getvalue()


# =============================================================================================
# Output


def _seconds(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def print_table(rows: list[Row], meta: dict[str, object]) -> None:
    """The table, with rich."""
    from rich.console import Console  # noqa: TID251
    from rich.table import Table  # noqa: TID251

    net = meta["network"]
    assert isinstance(net, dict)
    title = (
        f"leercyclus {meta['leercyclus']} ({meta['commit']}), {net['institutions']} x "
        f"{net['standards']}: {net['files']} files, {net['mb']:.1f} MB; {CORES} cores"
    )
    if net["csv_files"]:
        title += f"; and {net['csv_files']} CSV files, {net['csv_mb']:.1f} MB"
    if net["methods"]:
        title += "; every learning method's data"
    table = Table(title=title)
    columns = ("step", "time", "ratio", "CPU", "CPU ratio", "target", "result", "RSS MB")
    for name in (*columns, "tree MB", "note"):
        justify = "left" if name in ("step", "target", "result", "note") else "right"
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        if row.passed is None:
            result = row.status if row.status != "ok" else ""
        else:
            result = "[green]pass[/]" if row.passed else f"[red]FAIL[/] {row.status}".strip()
            result = result.replace(" ok", "")
        table.add_row(
            row.step,
            _seconds(row.seconds),
            f"{row.ratio:.2f}x" if row.ratio is not None else "",
            _seconds(row.cpu_seconds),
            f"{row.cpu_ratio:.2f}x" if row.cpu_ratio is not None else "",
            row.target,
            result,
            f"{row.rss_mb:.0f}" if row.rss_mb is not None else "",
            f"{row.tree_mb:.0f}" if row.tree_mb is not None else "",
            row.note if len(row.note) <= 60 else row.note[:59] + "…",
        )
    Console(width=None if sys.stdout.isatty() else 160).print(table)


def metadata(root: Path, args: argparse.Namespace) -> dict[str, object]:
    """Where and on what the benchmark ran."""
    from importlib.metadata import version

    commit = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    files = yaml_files(root)
    tables = sorted(p for p in root.rglob("*.csv") if ".leercyclus" not in p.parts)
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "leercyclus": version("leercyclus"),
        "commit": commit or "unknown",
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cores": CORES,
        "steps": args.steps,
        "formats": args.formats,
        "network": {
            "institutions": args.institutions,
            "standards": args.standards,
            "cycles": args.cycles,
            "seed": args.seed,
            "dense": args.dense,
            "methods": methods_args(args.institutions) if args.methods else [],
            "files": len(files),
            "mb": sum(p.stat().st_size for p in files) / 1e6,
            "csv_files": len(tables),
            "csv_mb": sum(p.stat().st_size for p in tables) / 1e6,
        },
    }


STEPS = ("check", "example", "first", "help", "report")
FORMATS = ("md", "html", "docx", "pdf")


def main(argv: list[str] | None = None) -> int:
    """Command line: run the benchmark, print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--institutions", type=int, default=1000)
    parser.add_argument("--standards", type=int, default=100)
    parser.add_argument("--cycles", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--dense", action="store_true", help="a network of many small values (generate.py)"
    )
    parser.add_argument(
        "--methods",
        action="store_true",
        help="a network with every learning method's data too (audits, indicators, groups, "
        "national day)",
    )
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--quick", action="store_true", help="100 x 50: a fast smoke run")
    parser.add_argument("--runs", type=int, default=10, help="runs for the --help medians")
    parser.add_argument(
        "--check-runs", type=int, default=3, help="runs for the cold check and floor medians"
    )
    parser.add_argument("--steps", default=",".join(STEPS), help="comma-separated subset")
    parser.add_argument(
        "--formats",
        default="md,html",
        help="report formats to time (md,html; docx and pdf take long at 1,000 x 100)",
    )
    parser.add_argument("--profile", action="store_true", help="print a cProfile of check")
    parser.add_argument(
        "--baseline",
        metavar="REF",
        help="also time the git revision REF's leercyclus, turn about with this one",
    )
    parser.add_argument(
        "--fresh-deduce",
        action="store_true",
        help="delete deduce's own lookup tables before each first run (only in a venv made "
        "for this: the baseline's first run rebuilds them there)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.institutions, args.standards = 100, 50
    steps = {s.strip() for s in args.steps.split(",") if s.strip()}
    if steps - set(STEPS):
        parser.error(f"unknown steps {sorted(steps - set(STEPS))}: use {', '.join(STEPS)}")
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    if set(formats) - set(FORMATS):
        parser.error(
            f"unknown formats {sorted(set(formats) - set(FORMATS))}: use md, html, docx, pdf"
        )
    root = network(
        args.institutions, args.standards, args.cycles, args.seed, args.dense, args.methods
    )
    for path in [*yaml_files(root), *root.rglob("*.csv")]:  # the OS file cache is warm for
        path.read_bytes()  # every measurement alike
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="leercyclus-bench-") as tmp:
        scratch = Path(tmp)
        codes = [Code("this checkout", dict(os.environ))]
        if args.baseline:
            codes.append(baseline_code(args.baseline, scratch))
        if "check" in steps:
            rows += check_rows(root, args.check_runs, codes)
        else:
            rows.append(floor_row(root))
        if "first" in steps:
            rows += first_rows(scratch, codes, args.fresh_deduce, 3)
        if "example" in steps:
            rows += example_rows(max(3, args.runs // 2))
        if "help" in steps:
            rows += help_rows(args.runs, scratch, codes)
        if "report" in steps:
            rows += report_rows(root, scratch, formats)
    meta = metadata(root, args)
    print_table(rows, meta)
    args.out.write_text(
        json.dumps({"meta": meta, "rows": [asdict(r) for r in rows]}, indent=2) + "\n",
        encoding="utf-8",
    )
    print(f"written to {args.out}")
    if args.profile:
        print(profile(root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
