"""Write stage: put a rendered package in place whole, with a manifest, touching nothing
that is not ours.

The new package is assembled in a hidden sibling folder, then swapped with the old one in
one atomic rename (`renameat2(RENAME_EXCHANGE)` on Linux): a kill at any instant leaves the
whole old package or the whole new one. Files the previous manifest does not list (the
user's own) are carried over as hard links, untouched; a file we would write that the
manifest does not list stops the run unless `force`. Paths come from walking the folder,
never from the manifest, so a crafted manifest can name nothing outside it; a symbolic link
in the folder that leads outside it is refused.
"""

from __future__ import annotations

import ctypes
import difflib
import errno
import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import FatalError

MANIFEST = ".sdkforge.json"
# Hidden siblings of the output folder: a package being assembled, or the old one on its
# way out. Any left by a killed run is removed by the next (a `-old-` one put back first
# if the package itself is missing: the kill fell between the two renames of the fallback).
_NEW = ".sdkforge-new-"
_OLD = ".sdkforge-old-"


def sha256(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


def manifest_text(manifest: Mapping[str, object]) -> str:
    """The manifest as written: ASCII, so that no character of a spec (a control or
    invisible one) reaches the file unescaped."""
    return json.dumps(manifest, indent=2) + "\n"


def previous_files(output: Path) -> set[str]:
    """Files the last run wrote here, from its manifest (only ever compared with the paths
    found in the folder: what it lists is never opened)."""
    try:
        manifest = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
        return {str(path) for path in manifest.get("files", {})}
    except (OSError, ValueError, AttributeError, TypeError):
        return set()


def write_package(
    output: Path, files: dict[str, str], *, force: bool = False
) -> list[str]:
    """Write `files` (manifest included) as the package at `output`; returns the paths
    that changed, written or removed."""
    _recover(output)
    if not output.exists() and not output.is_symlink():
        output.parent.mkdir(parents=True, exist_ok=True)
        staging = _staging(output, None)
        try:
            _write_files(staging, files)
            os.rename(staging, output)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return sorted(files)
    if output.is_symlink() or not output.is_dir():
        raise FatalError(None, f"{output}: exists and is not a folder")
    found = _walk(output)
    ours = previous_files(output) | {MANIFEST}
    foreign = sorted(p for p in files if p in found and p not in ours)
    if foreign and not force:
        raise FatalError(
            None,
            f"{output / foreign[0]}: exists and sdkforge did not write it (not in "
            f"{MANIFEST}); move it away, or pass --force to overwrite "
            f"{len(foreign)} such file(s)",
        )
    stale = sorted(p for p in found if p in ours and p not in files)
    changed = sorted(
        path
        for path, text in files.items()
        if found.get(path) != "file" or (output / path).read_bytes() != text.encode()
    )
    if not changed and not stale:
        return []
    staging = _staging(output, output)
    try:
        # The user's files come along; folders are made for the files they hold, except
        # a folder that was empty (a folder that held only our stale files is not kept).
        parents = {
            path.rsplit("/", depth)[0]
            for path in found
            for depth in range(1, path.count("/") + 1)
        }
        for path, kind in found.items():
            keep = kind != "folder" or path not in parents
            if keep and path not in files and path not in stale:
                _carry(output / path, staging / path, kind)
        unchanged = {p: t for p, t in files.items() if p not in changed}
        for path in unchanged:
            _carry(output / path, staging / path, "file")
        _write_files(staging, {p: files[p] for p in changed})
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)  # the old package, now at staging's name
    return sorted([*changed, *stale])


def _staging(output: Path, like: Path | None) -> Path:
    """A hidden sibling folder, with the mode of `like` (else what mkdir would give)."""
    staging = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}{_NEW}"))
    if like is not None:
        mode = stat.S_IMODE(like.stat().st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o777 & ~umask
    staging.chmod(mode)
    return staging


def _write_files(root: Path, files: dict[str, str]) -> None:
    folders = {root}
    for path, text in files.items():
        target = root / path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        with target.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)


def _walk(output: Path) -> dict[str, str]:
    """`{relative path: "file" | "link" | "folder"}` of what is under `output`; a
    symbolic link that leads outside it is refused, and none is followed."""
    found: dict[str, str] = {}
    root = output.resolve()
    pending = [output]
    while pending:
        folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                path = Path(entry.path)
                relative = path.relative_to(output).as_posix()
                if entry.is_symlink():
                    target = path.resolve()
                    if target != root and root not in target.parents:
                        raise FatalError(
                            None,
                            f"{path}: a symbolic link to {os.readlink(path)}, outside "
                            f"the output folder {output}; sdkforge writes only inside it",
                        )
                    found[relative] = "link"
                elif entry.is_dir():
                    found[relative] = "folder"
                    pending.append(path)
                else:
                    found[relative] = "file"
    return found


def _carry(source: Path, target: Path, kind: str) -> None:
    """Bring what is at `source` into the new package unchanged: a hard link to a file
    (a copy where links are not possible), a folder, or a link to the same place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "folder":
        target.mkdir(exist_ok=True)
    elif kind == "link":
        os.symlink(os.readlink(source), target)
    else:
        try:
            os.link(source, target, follow_symlinks=False)
        except OSError:
            shutil.copy2(source, target)


def _swap(staging: Path, output: Path) -> None:
    """Exchange the two folders in one step where the system can; else two renames."""
    if _exchange(staging, output):
        return
    old = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}{_OLD}"))
    os.rmdir(old)
    os.rename(output, old)
    os.rename(staging, output)
    os.rename(old, staging)


def _exchange(first: Path, second: Path) -> bool:
    """`renameat2(RENAME_EXCHANGE)`: both paths swap atomically; False where unavailable."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(
        at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange
    )
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(first), None, str(second))


def _recover(output: Path) -> None:
    """Clear what a killed run left beside `output`: the old package goes back in place
    if the package is missing, and any other leftover folder of ours is removed."""
    parent = output.parent
    if not parent.is_dir():
        return
    leftovers = sorted(
        entry
        for entry in parent.iterdir()
        if entry.name.startswith(f".{output.name}{_NEW}")
        or entry.name.startswith(f".{output.name}{_OLD}")
    )
    for entry in leftovers:
        if entry.is_symlink() or not entry.is_dir():
            continue  # not a folder we made: not ours to touch
        if _OLD in entry.name and not output.exists():
            os.rename(entry, output)
        else:
            shutil.rmtree(entry)


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
