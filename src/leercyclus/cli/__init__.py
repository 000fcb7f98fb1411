"""The command line: typer commands (one small module each, in `app`), a warm `check` answered
before typer is imported (`warm`), and the one error boundary around both."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return the exit code: 0 ok, 1 data errors, 2 usage, 3 bug, 130 Ctrl-C."""
    from leercyclus.errors import Interrupted, LeercyclusError

    _tolerant_output()
    previous = _catch_ctrl_c()
    try:
        args = sys.argv[1:] if argv is None else argv
        if args[:1] == ["check"]:  # the only command answered before typer starts
            from leercyclus.cli import warm

            code = warm.answer(args)
            if code is not None:
                return code
        from leercyclus.cli.app import command

        command().main(args=argv, prog_name="leercyclus", standalone_mode=True)
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
        if "leercyclus.cli.warm" in sys.modules:
            sys.modules["leercyclus.cli.warm"].forget()
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
