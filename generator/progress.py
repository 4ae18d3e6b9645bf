"""A one-line progress display on stderr, for big specs: the stage and how many files.

Only on a terminal: redirected or piped output (CI logs, `make corpus`) stays clean.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


class ProgressLine:
    """Rewrites one terminal line; the stage "" clears it."""

    def __init__(self, label: str, stream: TextIO) -> None:
        self.label = label
        self.stream = stream
        self.started = time.monotonic()
        self.shown = False

    @classmethod
    def for_stderr(cls, label: str) -> Callable[[str, int], None]:
        if not sys.stderr.isatty():
            return lambda stage, count: None
        return cls(label, sys.stderr)

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
