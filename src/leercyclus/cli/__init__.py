"""The command line: typer commands (one small module each) and the one error boundary."""

from __future__ import annotations

import os
import sys

import typer

from leercyclus.cli import check, new, report
from leercyclus.cli import diff as diff_cmd
from leercyclus.cli import forms as forms_cmd
from leercyclus.cli import groups as groups_cmd
from leercyclus.cli import init as init_cmd
from leercyclus.cli import schema as schema_cmd
from leercyclus.cli import status as status_cmd

app = typer.Typer(
    name="leercyclus",
    help="Keep a quality network's learning cycle in git: check it and build its reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _network() -> None:
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


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return the exit code: 0 ok, 1 data errors, 2 usage, 3 bug."""
    from leercyclus.errors import LeercyclusError

    command = typer.main.get_command(app)
    try:
        command.main(args=argv, prog_name="leercyclus", standalone_mode=True)
    except SystemExit as exc:  # typer's own exit: usage errors (2), --help (0), commands' codes
        return exc.code if isinstance(exc.code, int) else 0
    except LeercyclusError as exc:
        from leercyclus.cli import console

        console.error(exc.message, exc.hint)
        return exc.exit_code
    except KeyboardInterrupt:
        _stderr("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the error boundary: a bug, never a traceback unless asked
        if os.environ.get("LEERCYCLUS_DEBUG"):
            raise
        from leercyclus.cli import console

        console.bug(exc)
        return 3
    return 0


def _stderr(message: str) -> None:
    sys.stderr.write(f"leercyclus: {message}\n")


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
