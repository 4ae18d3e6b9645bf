"""The checks every generated package passes, as the README promises: one list, run on our
three packages (tests/test_quality.py), on the corpus smoke set (tests/corpus/test_smoke.py)
and on every package `make corpus` generates: ruff check, ruff format, black, mypy --strict
and pyright --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ruff import find_ruff_bin  # type: ignore[import-untyped]

# ruff's default rules, plus the bugbear and stub-style rules users' own configurations turn
# on (duplicate set members, duplicate union members). PYI051 is left out on purpose: an
# open enum is `Literal["a", "b"] | str`, so editors complete the values the spec knows.
RUFF_RULES = ("--extend-select", "B,PYI", "--ignore", "PYI051")
# pyright, pinned in package.json (`make test` installs it with Prism), in strict mode.
ROOT = Path(__file__).resolve().parents[1]
PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"
PYRIGHT_STRICT = ROOT / "tests" / "pyright-strict.json"


def gate_commands(
    *packages: str, mypy_cache: Path | None = None
) -> dict[str, list[str]]:
    """Each gate's command line, run from the folder holding `packages`. The formatters see
    the README too: ruff format checks the Python in its code blocks."""
    cache = ["--cache-dir", str(mypy_cache)] if mypy_cache else ["--no-incremental"]
    return {
        "ruff check": [find_ruff_bin(), "check", "--isolated", *RUFF_RULES, *packages],
        "ruff format": [find_ruff_bin(), "format", "--isolated", "--check", *packages],
        "black": [sys.executable, "-m", "black", "--check", "--quiet", *packages],
        "mypy --strict": [sys.executable, "-m", "mypy", "--strict", *cache, *packages],
        "pyright --strict": [
            str(PYRIGHT),
            "--project",
            str(PYRIGHT_STRICT),
            "--pythonpath",
            sys.executable,
            *packages,
        ],
    }


def failed_gates(
    folder: Path, *packages: str, mypy_cache: Path | None = None, timeout: float = 900
) -> dict[str, str]:
    """`{gate: the end of what it printed}` for each gate the packages fail."""
    failures = {}
    for name, command in gate_commands(*packages, mypy_cache=mypy_cache).items():
        result = subprocess.run(
            command,
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )
        if result.returncode != 0:
            failures[name] = (result.stdout + result.stderr).strip()[-3000:]
    return failures
