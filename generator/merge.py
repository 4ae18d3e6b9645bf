"""Hand edits survive regeneration: a generated file the user changed is three-way merged.

The base is the text sdkforge generated last time, kept in the package at
`.sdkforge/base.json` (marked `-diff` for git, so reviews show only the package); "yours" is
the file as the user left it; "generated" is the new output. Where only one side changed a
region, that side wins; where both changed it differently, the file gets standard conflict
markers and the run exits 1. The manifest keeps the hash of the generated text, so the next
run still knows the file is edited and merges again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from .write import MANIFEST, sha256

BASE = ".sdkforge/base.json"
BASE_ATTRIBUTES = ".sdkforge/.gitattributes"
# Files the merge never applies to: its own records.
_RECORDS = frozenset({MANIFEST, BASE, BASE_ATTRIBUTES})
OURS_LABEL = "yours (hand edit)"
BASE_LABEL = "generated before"
THEIRS_LABEL = "generated now"


@dataclass(frozen=True)
class Merged:
    files: dict[str, str]
    """What to write: the new output, with each hand-edited file merged."""
    kept: tuple[str, ...]
    """Hand-edited files whose edits merged cleanly into the new output."""
    conflicts: tuple[str, ...]
    """Hand-edited files written with conflict markers."""


def base_files(files: dict[str, str]) -> dict[str, str]:
    """The records a generation adds so that the next one can merge: the generated text of
    every file, and a .gitattributes that keeps it out of diffs."""
    texts = {p: t for p, t in sorted(files.items()) if p not in _RECORDS}
    return {
        BASE: json.dumps(texts, indent=0, sort_keys=True) + "\n",
        BASE_ATTRIBUTES: "base.json -diff linguist-generated=true\n",
    }


def hand_edited(output: Path) -> dict[str, str]:
    """`{path: text on disk}` of the files the last run wrote that no longer have the hash
    its manifest records. Only paths the manifest lists and that are plain files inside
    the package are read."""
    try:
        manifest = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
        hashes = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    edited = {}
    root = output.resolve()
    for path, recorded in sorted(hashes.items()) if isinstance(hashes, dict) else ():
        if path in _RECORDS or not isinstance(path, str):
            continue
        target = output / path
        try:
            if target.is_symlink() or root not in target.resolve().parents:
                continue
            data = target.read_bytes()
        except OSError:
            continue
        if sha256(data) != recorded:
            edited[path] = data.decode("utf-8", errors="replace")
    return edited


def previous_base(output: Path) -> dict[str, str]:
    try:
        base = json.loads((output / BASE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(base, dict):
        return {}
    return {str(p): t for p, t in base.items() if isinstance(t, str)}


def merge_edits(output: Path, files: dict[str, str], base: dict[str, str]) -> Merged:
    """The new output with the user's edits carried into it; `base` is what the last run
    generated (`previous_base`)."""
    edited = hand_edited(output)
    merged = dict(files)
    kept: list[str] = []
    conflicts: list[str] = []
    for path, yours in edited.items():
        generated = files.get(path)
        if generated is None:
            continue  # no longer generated: write_package removes it as stale
        if path not in base:
            # Nothing to merge against: both versions, for the user to choose.
            merged[path] = _conflict_block(
                yours.splitlines(True), [], generated.splitlines(True)
            )
            conflicts.append(path)
            continue
        text, clean = merge3(base[path], yours, generated)
        merged[path] = text
        (kept if clean else conflicts).append(path)
    return Merged(merged, tuple(kept), tuple(conflicts))


def merge3(base: str, yours: str, generated: str) -> tuple[str, bool]:
    """diff3: the merged text, and whether it merged without a conflict."""
    base_lines = base.splitlines(True)
    your_lines = yours.splitlines(True)
    new_lines = generated.splitlines(True)
    in_yours = _matches(base_lines, your_lines)
    in_new = _matches(base_lines, new_lines)
    out: list[str] = []
    clean = True
    i = j = k = 0
    while True:
        # The next base line both sides kept: everything before it is one region.
        stable = next(
            (
                line
                for line in range(i, len(base_lines))
                if line in in_yours
                and line in in_new
                and in_yours[line] >= j
                and in_new[line] >= k
            ),
            None,
        )
        end_yours = len(your_lines) if stable is None else in_yours[stable]
        end_new = len(new_lines) if stable is None else in_new[stable]
        end_base = len(base_lines) if stable is None else stable
        was, mine, theirs = (
            base_lines[i:end_base],
            your_lines[j:end_yours],
            new_lines[k:end_new],
        )
        if mine == was or mine == theirs:
            out += theirs
        elif theirs == was:
            out += mine
        else:
            out.append(_conflict_block(mine, was, theirs))
            clean = False
        if stable is None:
            return "".join(out), clean
        out.append(base_lines[stable])
        i, j, k = stable + 1, in_yours[stable] + 1, in_new[stable] + 1


def _matches(base: list[str], other: list[str]) -> dict[int, int]:
    """`{base line: other line}` for the lines the two have in common, in order."""
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return {
        block.a + offset: block.b + offset
        for block in matcher.get_matching_blocks()
        for offset in range(block.size)
    }


def _conflict_block(yours: list[str], base: list[str], generated: list[str]) -> str:
    def block(lines: list[str]) -> str:
        text = "".join(lines)
        return text if not text or text.endswith("\n") else text + "\n"

    return (
        f"<<<<<<< {OURS_LABEL}\n{block(yours)}"
        f"||||||| {BASE_LABEL}\n{block(base)}"
        f"=======\n{block(generated)}"
        f">>>>>>> {THEIRS_LABEL}\n"
    )
