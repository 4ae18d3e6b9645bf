"""Format stage: ruff's import fixes, then ruff format, so that `ruff check`,
`ruff format --check` and `black --check` all accept the generated files unchanged.

Black is not run by default: it cost two thirds of a generation (22.7 of 30 CPU seconds on
OpenAI's spec) and, after ruff format, changed only constructs the templates now emit in
the form both formatters keep (see `layout.py`). Black stays the verifier: the quality tests
and the corpus run `black --check` every generated package, and `black=True` (the CLI's
`--black`) runs it here too, before ruff format.

Formatting is a pure function of a file's text, so results are looked up by the hash of
the rendered text first (`known`), and only the files not seen before reach the formatters.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ruff import find_ruff_bin  # type: ignore[import-untyped]

from .diagnostics import FatalError
from .runtime import runtime_module_names

# Unused imports, import order and `__all__` order: templates import generously, ruff trims and sorts.
_RUFF_FIXES = ("F401", "I001", "RUF022")
# ruff format also formats the Python code blocks of Markdown (the package README).
_FORMATTED = (".py", ".md")


def has_exact_imports(path: str) -> bool:
    """Model modules are rendered with exact, sorted imports and `__all__`
    (`ir.ModelModule`), and the runtime modules are linted where they are kept: ruff's
    fixes would change nothing in them."""
    return (
        path.startswith("models/") and path != "models/__init__.py"
    ) or path in runtime_module_names()


def _ruff(*arguments: str) -> None:
    result = subprocess.run(
        [find_ruff_bin(), *arguments], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise FatalError(
            None,
            f"ruff {arguments[0]} failed on generated code (a generator bug): {result.stdout}{result.stderr}",
        )


def _black(path: str, source: str) -> str:
    # Imported here: Black's import alone costs more than formatting a small package.
    import black
    from black.parsing import InvalidInput

    try:
        return black.format_str(source, mode=black.Mode())
    except InvalidInput as exc:
        raise FatalError(
            None, f"generated {path} is not valid Python (a generator bug): {exc}"
        ) from None


def format_files(
    files: dict[str, str],
    *,
    black: bool = False,
    known: Mapping[str, str] | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """The files with every Python module (and the Python in Markdown) formatted, and
    `{rendered text hash: formatted text}` of them (for `known` next time: the caller's
    cache)."""
    known = known or {}
    python = {path: text for path, text in files.items() if path.endswith(_FORMATTED)}
    hashes = {
        path: hashlib.sha256(text.encode()).hexdigest() for path, text in python.items()
    }
    formatted_files = dict(files)
    missing = {}
    for path, text in python.items():
        cached = known.get(hashes[path])
        if cached is None:
            missing[path] = text
        else:
            formatted_files[path] = cached
    if missing:
        formatted_files.update(_format_with_tools(missing, black))
    return formatted_files, {hashes[path]: formatted_files[path] for path in python}


def _scratch_root() -> str | None:
    """Where the formatters' copies go: memory (a tmpfs) where the system offers one, since
    creating a file there costs a twentieth of doing so on disk; else the temp folder."""
    shared_memory = "/dev/shm"
    if os.path.isdir(shared_memory) and os.access(shared_memory, os.W_OK | os.X_OK):
        return shared_memory
    return None


def _format_with_tools(python: dict[str, str], black: bool) -> dict[str, str]:
    with tempfile.TemporaryDirectory(
        prefix="sdkforge-format-", dir=_scratch_root()
    ) as folder:
        root = Path(folder)
        for path, text in python.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")
        needs_fixes = [
            p for p in python if p.endswith(".py") and not has_exact_imports(p)
        ]
        if needs_fixes:
            _ruff(
                "check",
                "--isolated",
                "--quiet",
                "--fix",
                "--select",
                ",".join(_RUFF_FIXES),
                "--exit-zero",
                *(str(root / path) for path in needs_fixes),
            )
        for path in (p for p in python if p.endswith(".py")) if black else ():
            target = root / path
            target.write_text(
                _black(path, target.read_text(encoding="utf-8")), encoding="utf-8"
            )
        _ruff("format", "--isolated", "--quiet", str(root))
        return {path: (root / path).read_text(encoding="utf-8") for path in python}
