"""Shared fixtures: the repository root and a way to write small specs; and the check
that no test writes or deletes a file outside its own temporary folders."""

from __future__ import annotations

import os
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
SPECS = ROOT / "specs"

# The CLI's generation cache: one per test run, never the user's.
os.environ["SDKFORGE_CACHE_DIR"] = tempfile.mkdtemp(prefix="sdkforge-test-cache-")

# What a test may never touch: the checkout (its tools' caches and venvs aside) and the
# shared corpus beside it. Every test writes inside its tmp_path or the cache above.
GUARDED = (ROOT, ROOT.parent / "shared")
_TOOL_FOLDERS = frozenset(
    {".git", ".venv", ".bench-venv", "node_modules", "__pycache__", ".pytest_cache"}
    | {".mypy_cache", ".ruff_cache", ".hypothesis"}
)


def _guarded_files() -> dict[str, tuple[int, int]]:
    """(size, mtime) of every file under GUARDED, tool folders left out."""
    found = {}
    for top in GUARDED:
        for folder, folders, files in os.walk(top):
            folders[:] = [name for name in folders if name not in _TOOL_FOLDERS]
            for name in files:
                path = os.path.join(folder, name)
                stat = os.lstat(path)
                found[path] = (stat.st_size, stat.st_mtime_ns)
    return found


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_BEFORE] = _guarded_files()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before = session.config.stash.get(_BEFORE, None)
    if before is None:
        return
    after = _guarded_files()
    changed = sorted(
        path
        for path in before.keys() | after.keys()
        if before.get(path) != after.get(path)
    )
    if changed:
        listed = "\n  ".join(changed[:20])
        print(
            f"\n{len(changed)} file(s) outside the tests' folders changed:\n  {listed}"
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_BEFORE = pytest.StashKey[dict[str, tuple[int, int]]]()

if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))


@pytest.fixture
def write_spec(tmp_path: Path) -> Callable[..., Path]:
    """Write a spec (dedented) under tmp_path and return its path."""

    def write(text: str, name: str = "spec.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    return write
