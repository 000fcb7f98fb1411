"""The errors leercyclus raises; the CLI's one error boundary turns them into exit codes."""

from __future__ import annotations

import errno
import os


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


class Interrupted(BaseException):
    """Ctrl-C, as the CLI raises it instead of KeyboardInterrupt: past every `except Exception`
    and past the command-line library (which would print "Aborted!"), to the error boundary.
    A command may raise it again with a message saying what the interruption left behind."""

    exit_code = 130

    def __init__(self, message: str = "interrupted") -> None:
        super().__init__(message)
        self.message = message


_OS_ERRORS = {
    errno.ENOSPC: (
        "the disk is full: {name} could not be written",
        "free some space, or write elsewhere (report --out DIR); nothing was left half-written",
    ),
    errno.EDQUOT: (
        "the disk quota is used up: {name} could not be written",
        "free some space, or write elsewhere (report --out DIR); nothing was left half-written",
    ),
    errno.ENAMETOOLONG: (
        "a file name is too long for the file system: {name}",
        "use a shorter id or name (ids become file and folder names)",
    ),
    errno.EACCES: ("permission denied: {name}", "check the folder's permissions"),
    errno.EPERM: ("permission denied: {name}", "check the folder's permissions"),
    errno.EROFS: ("the file system is read-only: {name}", "write elsewhere (report --out DIR)"),
}
"""What the system refuses for reasons in the user's hands, as a message and a hint."""


def from_environment(exc: BaseException) -> LeercyclusError | None:
    """The expected error an exception from the environment stands for (a full disk, a name
    too long or not UTF-8), or None for a bug."""
    if isinstance(exc, OSError) and exc.errno in _OS_ERRORS:
        message, hint = _OS_ERRORS[exc.errno]
        return OutputError(message.format(name=_shown(exc.filename)), hint)
    if isinstance(exc, UnicodeError) and "surrogates not allowed" in str(exc):
        return UsageError(
            "a file or folder name is not UTF-8 text",
            "rename it with letters, digits and '-' (it was saved by a system with another "
            "character set)",
        )
    return None


def _shown(name: object) -> str:
    """A file name for a message: at most 80 characters, never unprintable."""
    if name is None:
        return "a file"
    text = os.fsdecode(name) if isinstance(name, bytes) else str(name)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= 80 else f"{text[:40]}…{text[-35:]}"
