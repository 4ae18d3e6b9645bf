"""The stages in order: load, validate, build, render, format; writing is the caller's choice."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .build import build
from .config import ClientConfig
from .diagnostics import Diagnostic, FatalError
from .format import format_files
from .load import load
from .render import render
from .validate import validate
from .write import MANIFEST, sha256

Warn = Callable[[Diagnostic], None]


@dataclass(frozen=True)
class Generated:
    files: dict[str, str]
    """Relative path -> text, the manifest included."""
    warnings: tuple[Diagnostic, ...]
    operations: int


def generate(
    config: ClientConfig, spec_name: str, *, strict: bool = False, black: bool = True
) -> Generated:
    """Everything but writing; raises FatalError on input we cannot generate from."""
    documents = load(config.spec, spec_name)
    warnings: dict[str, Diagnostic] = {}

    def warn(diagnostic: Diagnostic) -> None:
        warnings.setdefault(str(diagnostic), diagnostic)

    for diagnostic in validate(documents):
        warn(diagnostic)
    api = build(documents, config, warn)
    if strict and warnings:
        first = next(iter(warnings.values()))
        raise FatalError(
            first.location,
            f"{first.message} (--strict: {len(warnings)} warning(s) are fatal)",
        )
    files = format_files(render(api), black=black)
    manifest = {
        "generator": f"sdkforge {__version__}",
        "spec": {"file": config.spec.name, "sha256": sha256(config.spec.read_bytes())},
        "package": api.package,
        "operations": [
            {
                "method": op.method.upper(),
                "path": op.path,
                "name": ".".join((*path, op.name)),
            }
            for path, op in api.operations()
        ],
        "skipped": [
            {
                "method": s.method,
                "path": s.path,
                "pointer": s.pointer,
                "reason": s.reason,
            }
            for s in api.skipped
        ],
        "files": {path: sha256(text) for path, text in sorted(files.items())},
    }
    files[MANIFEST] = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    return Generated(files, tuple(warnings.values()), len(manifest["operations"]))


def display_path(path: Path, root: Path) -> str:
    """How messages name a file: relative to `root` when it is inside it."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
