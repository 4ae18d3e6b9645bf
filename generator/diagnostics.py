"""Located messages shared by every stage: file, line and JSON pointer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    file: str
    pointer: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.pointer or '/'}"


@dataclass(frozen=True)
class Diagnostic:
    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


Warn = Callable[[Diagnostic], None]
"""Where a stage reports a warning: the pipeline collects them."""


class FatalError(Exception):
    """Input we cannot generate from; reported as one line and exit status 2."""

    def __init__(self, location: Location | None, message: str) -> None:
        super().__init__(message)
        self.location = location
        self.message = message

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class InputError(Exception):
    """A problem of the input met while building one piece (an operation, a schema): that
    piece is dropped with a located warning, and whatever needs it too. Only the builder
    raises it and only its piece boundaries catch it; any other exception is a bug."""

    def __init__(self, location: Location, reason: str) -> None:
        super().__init__(reason)
        self.location = location
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


def escape_pointer_token(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape_pointer_token(t) for t in tokens)
