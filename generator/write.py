"""Write stage: put a rendered package in place, file by file, atomically, with a manifest.

Everything is rendered and formatted before this stage runs, so a failed generation never
reaches it. Files are replaced with `os.replace`; a file the previous manifest listed and
this run no longer produces is removed; a file no manifest lists is never touched.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".sdkforge.json"


def sha256(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


def previous_files(output: Path) -> set[str]:
    """Files the last run wrote here, from its manifest."""
    try:
        manifest = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
        return set(manifest.get("files", {}))
    except (OSError, ValueError, AttributeError):
        return set()


def _replace(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_package(output: Path, files: dict[str, str]) -> list[str]:
    """Write `files` (manifest included) under `output`; returns the paths that changed."""
    if not output.exists():
        return _write_new(output, files)
    stale = previous_files(output) - set(files)
    changed = []
    for path, text in sorted(files.items(), key=lambda item: item[0] == MANIFEST):
        target = output / path
        if target.is_file() and target.read_bytes() == text.encode():
            continue
        _replace(target, text)
        changed.append(path)
    for path in sorted(stale):
        target = output / path
        if target.is_file():
            target.unlink()
            changed.append(path)
            _remove_empty_parents(target.parent, output)
    return changed


def _write_new(output: Path, files: dict[str, str]) -> list[str]:
    """A new package is written whole in a hidden sibling folder, then renamed into place:
    it appears complete or not at all, for one file creation per file."""
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}."))
    try:
        # mkdtemp's folder is private (0700); the package gets the mode mkdir would give.
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)
        folders = {staging}
        for path, text in files.items():
            target = staging / path
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            with target.open("w", encoding="utf-8", newline="") as stream:
                stream.write(text)
        os.rename(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(files)


def _remove_empty_parents(folder: Path, output: Path) -> None:
    while folder != output and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


@dataclass(frozen=True)
class Difference:
    path: str
    kind: str
    """`changed`, `missing` (we would write it) or `stale` (we would delete it)."""
    diff: str


def compare(output: Path, files: dict[str, str]) -> list[Difference]:
    """What writing `files` would change on disk, with a unified diff of each change."""
    differences = []
    for path, text in sorted(files.items()):
        target = output / path
        if not target.is_file():
            differences.append(Difference(path, "missing", ""))
            continue
        current = target.read_text(encoding="utf-8", errors="replace")
        if current != text:
            diff = "".join(
                difflib.unified_diff(
                    current.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    fromfile=f"{output / path} (on disk)",
                    tofile=f"{output / path} (regenerated)",
                )
            )
            differences.append(Difference(path, "changed", diff))
    for path in sorted(previous_files(output) - set(files)):
        if (output / path).is_file():
            differences.append(Difference(path, "stale", ""))
    return differences
