"""Between generating a package and writing it: what changed in its API since the package
on disk was generated (from the surface its manifest keeps), the CHANGELOG.md entry that
says so, the base the next run merges hand edits against, and the user's edits merged in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .api_diff import Change, diff, report_text
from .ir import generated_header
from .merge import base_files, merge_edits, previous_base
from .write import MANIFEST, manifest_text, sha256

CHANGELOG = "CHANGELOG.md"
_TITLE = "# Changelog"
_INTRO = (
    "Written by sdkforge at each generation that changes this client's API, newest first;"
    " each entry is keyed by the spec's `info.version` and the first 12 digits of its"
    " SHA-256."
)


@dataclass(frozen=True)
class Finished:
    files: dict[str, str]
    changes: list[Change] | None
    """The API changes since the package on disk; None when there was none (or it kept no
    surface)."""
    kept: tuple[str, ...]
    conflicts: tuple[str, ...]


def finish(
    output: Path, files: dict[str, str], *, discard_edits: bool = False
) -> Finished:
    files = dict(files)
    manifest = json.loads(files[MANIFEST])
    previous_manifest = _previous_manifest(output)
    old_surface = previous_manifest.get("surface")
    changes = (
        diff(old_surface, manifest["surface"])
        if isinstance(old_surface, dict)
        else None
    )
    base = previous_base(output)
    previous = base.get(CHANGELOG) or _on_disk_changelog(output, previous_manifest)
    if changes is None or changes or previous:
        files[CHANGELOG] = _changelog(previous, manifest, changes)
    files.update(base_files(files))
    manifest["files"] = {
        path: sha256(text) for path, text in sorted(files.items()) if path != MANIFEST
    }
    files[MANIFEST] = manifest_text(manifest)
    if discard_edits:
        return Finished(files, changes, (), ())
    merged = merge_edits(output, files, base)
    return Finished(merged.files, changes, merged.kept, merged.conflicts)


def _previous_manifest(output: Path) -> dict[str, Any]:
    """The manifest of the package on disk; empty when there is none (or it is damaged)."""
    try:
        manifest = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _on_disk_changelog(output: Path, manifest: dict[str, Any]) -> str:
    """The changelog on disk, if the last run wrote it (never a file of the user's)."""
    written = manifest.get("files")
    if not isinstance(written, dict) or CHANGELOG not in written:
        return ""
    try:
        return (output / CHANGELOG).read_text(encoding="utf-8")
    except OSError:
        return ""


def _changelog(
    previous: str, manifest: dict[str, Any], changes: list[Change] | None
) -> str:
    """The changelog: a new entry on top when the API changed (or was first recorded),
    then the entries before (less one for this same spec: a regeneration after an edit)."""
    entries = [
        entry.rstrip("\n") + "\n" for entry in re.split(r"(?m)^(?=## )", previous)[1:]
    ]
    if changes is None or changes:
        version = manifest["spec"].get("version") or "unversioned"
        heading = f"## {version} (spec {manifest['spec']['sha256'][:12]})"
        body = (
            "The API as sdkforge first recorded it; later entries say what changed.\n"
            if changes is None
            else report_text(changes, markdown=True)
        )
        entries = [
            f"{heading}\n\n{body}",
            *(entry for entry in entries if not entry.startswith(heading + "\n")),
        ]
    header = f"<!-- {generated_header(manifest['spec']['file'])} -->\n{_TITLE}\n"
    return "\n".join([header, f"{_INTRO}\n", *entries])
