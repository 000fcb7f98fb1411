"""The command line: typer commands (one small module each) and the one error boundary."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Annotated, Any

import typer

from leercyclus.cli import check, day, new, report
from leercyclus.cli import diff as diff_cmd
from leercyclus.cli import forms as forms_cmd
from leercyclus.cli import groups as groups_cmd
from leercyclus.cli import indicators as indicators_cmd
from leercyclus.cli import init as init_cmd
from leercyclus.cli import schema as schema_cmd
from leercyclus.cli import status as status_cmd
from leercyclus.cli.options import tidy_help

app = typer.Typer(
    name="leercyclus",
    help="Keep a quality network's learning cycle in git: check it and build its reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(show: bool) -> None:
    if show:
        from leercyclus import __version__

        sys.stdout.write(f"leercyclus {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _network(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Show leercyclus's version and exit.",
            callback=_version,
            is_eager=True,
            metavar="",
        ),
    ] = False,
) -> None:
    """Keep a quality network's learning cycle in git: check it and build its reports."""


app.command("check")(check.command)
app.command("report")(report.command)
app.command("schema")(schema_cmd.command)
app.command("init")(init_cmd.command)
app.add_typer(new.app, name="new")
app.command("diff")(diff_cmd.command)
app.command("status")(status_cmd.command)
app.add_typer(forms_cmd.export_app, name="export")
app.command("import")(forms_cmd.import_command)
app.add_typer(groups_cmd.app, name="groups")
app.add_typer(indicators_cmd.app, name="indicators")
app.add_typer(day.app, name="day")


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return the exit code: 0 ok, 1 data errors, 2 usage, 3 bug, 130 Ctrl-C."""
    from leercyclus.errors import Interrupted, LeercyclusError

    _tolerant_output()
    command = typer.main.get_command(app)
    tidy_help(command)
    previous = _catch_ctrl_c()
    try:
        command.main(args=argv, prog_name="leercyclus", standalone_mode=True)
    except SystemExit as exc:  # typer's own exit: usage errors (2), --help (0), commands' codes
        return exc.code if isinstance(exc.code, int) else 0
    except LeercyclusError as exc:
        from leercyclus.cli import console

        console.error(exc.message, exc.hint)
        return exc.exit_code
    except (Interrupted, KeyboardInterrupt) as exc:
        from leercyclus.cli import console

        console.interrupted(exc.message if isinstance(exc, Interrupted) else "interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the error boundary: a bug, never a traceback unless asked
        if os.environ.get("LEERCYCLUS_DEBUG"):
            raise
        from leercyclus.cli import console
        from leercyclus.errors import from_environment

        expected = from_environment(exc)
        if expected is not None:
            console.error(expected.message, expected.hint)
            return expected.exit_code
        console.bug(exc)
        return 3
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return 0


def _catch_ctrl_c() -> signal.Handlers | Callable[[int, FrameType | None], Any] | int | None:
    """Ctrl-C raises Interrupted while the command runs; the handler it replaced."""
    global _MAIN
    if threading.current_thread() is not threading.main_thread():
        return None
    _MAIN = os.getpid()
    return signal.signal(signal.SIGINT, _interrupt)


_MAIN = 0
"""The process whose Ctrl-C handler this is: a worker forked from it inherits the handler."""


def _interrupt(signum: int, frame: FrameType | None) -> None:  # noqa: ARG001
    """Ctrl-C: stop the command; in a just-forked worker, nothing (its parent ends it)."""
    from leercyclus.errors import Interrupted

    if os.getpid() == _MAIN:
        raise Interrupted


def _tolerant_output() -> None:
    """A name that is not UTF-8 (a file's, read from disk) is printed escaped, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            reconfigure(errors="backslashreplace")


def main() -> None:
    """Console-script entry point."""
    code = run(sys.argv[1:])
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # pragma: no cover - the reader went away
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    # Everything is written and flushed, every worker has ended and every temporary file is
    # gone. Tearing the interpreter down would free a loaded network's millions of objects
    # (a tenth of a second for a large network) and deduce's lookup tables (ten seconds) one by
    # one, for nothing. Under a profiler or a coverage tracer, which write their results as the
    # interpreter ends, it ends normally.
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    os._exit(code)
