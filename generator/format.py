"""Format stage: ruff's import fixes, then Black and ruff format, so that `ruff check`,
`ruff format --check` and `black --check` all accept the generated files unchanged."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import black as black_formatter
from black.parsing import InvalidInput
from ruff import find_ruff_bin  # type: ignore[import-untyped]

from .diagnostics import FatalError

# Unused imports, import order and `__all__` order: templates import generously, ruff trims and sorts.
_RUFF_FIXES = ("F401", "I001", "RUF022")


def _ruff(*arguments: str) -> None:
    result = subprocess.run(
        [find_ruff_bin(), *arguments], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise FatalError(
            None,
            f"ruff {arguments[0]} failed on generated code (a generator bug): {result.stdout}{result.stderr}",
        )


def format_files(files: dict[str, str], *, black: bool = True) -> dict[str, str]:
    """`black=False` skips the Black pass, most of the time spent here: the code is the
    same (formatters keep the AST), but Black would wrap some long lines differently."""
    python = {path: text for path, text in files.items() if path.endswith(".py")}
    with tempfile.TemporaryDirectory(prefix="sdkforge-format-") as folder:
        root = Path(folder)
        for path, text in python.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")
        _ruff(
            "check",
            "--isolated",
            "--quiet",
            "--fix",
            "--select",
            ",".join(_RUFF_FIXES),
            "--exit-zero",
            str(root),
        )
        for path in python if black else ():
            source = (root / path).read_text(encoding="utf-8")
            try:
                formatted = black_formatter.format_str(
                    source, mode=black_formatter.Mode()
                )
            except InvalidInput as exc:
                raise FatalError(
                    None,
                    f"generated {path} is not valid Python (a generator bug): {exc}",
                ) from None
            (root / path).write_text(formatted, encoding="utf-8")
        _ruff("format", "--isolated", "--quiet", str(root))
        formatted_files = dict(files)
        for path in python:
            formatted_files[path] = (root / path).read_text(encoding="utf-8")
    return formatted_files
