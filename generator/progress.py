"""A one-line progress display on stderr, for big specs: the stage and how many files.

Only on a terminal: redirected or piped output (CI logs, `make corpus`) stays clean.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

Progress = Callable[[str, int], None]
"""Told each stage as it starts, with the number of files it handles (0: not counted)."""


def silent(stage: str, count: int) -> None:
    """The progress report of a run nobody watches."""


class ProgressLine:
    """Rewrites one terminal line; the stage "" clears it."""

    def __init__(self, label: str, stream: TextIO) -> None:
        self.label = label
        self.stream = stream
        self.started = time.monotonic()
        self.shown = False

    @classmethod
    def for_stderr(cls, label: str) -> Progress:
        return cls(label, sys.stderr) if sys.stderr.isatty() else silent

    def __call__(self, stage: str, count: int) -> None:
        if not stage:
            if self.shown:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
            self.shown = False
            return
        files = f" {count} files" if count else ""
        elapsed = time.monotonic() - self.started
        self.stream.write(f"\r\x1b[K{self.label}: {stage}{files} ({elapsed:.1f} s)")
        self.stream.flush()
        self.shown = True
