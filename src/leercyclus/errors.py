"""The errors leercyclus raises; the CLI's one error boundary turns them into exit codes."""

from __future__ import annotations


class LeercyclusError(Exception):
    """An expected failure the user can fix; `exit_code` says how the program ends."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __reduce__(self) -> tuple[type[LeercyclusError], tuple[str, str | None]]:
        """Keep the hint when the error crosses a process boundary (parallel conversions)."""
        return type(self), (self.message, self.hint)


class UsageError(LeercyclusError):
    """A wrong option or argument, or no network repository where one was expected."""

    exit_code = 2


class DataError(LeercyclusError):
    """The repository's data has errors, so the command did nothing."""


class OutputError(LeercyclusError):
    """An output could not be written (permissions, disk full); nothing was left half-written."""
