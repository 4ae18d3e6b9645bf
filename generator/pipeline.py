"""The stages in order: load, validate, build, render, format; writing is the caller's choice."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .cache import NO_CACHE, Cache, digest
from .config import ClientConfig
from .diagnostics import Diagnostic, FatalError, Location
from .format import format_files
from .ir_builder import build
from .load import DocumentSet, load, too_deep
from .overlay import apply_overlays
from .progress import Progress, silent
from .render import render, unknown_overrides
from .spec_validator import Finding
from .surface import surface
from .validate import findings_key, reusable, spec_findings, validate
from .write import MANIFEST, manifest_text, sha256


@dataclass(frozen=True)
class Generated:
    files: dict[str, str]
    """Relative path -> text, the manifest included."""
    warnings: tuple[Diagnostic, ...]
    operations: int


def generate(
    config: ClientConfig,
    spec_name: str,
    *,
    strict: bool = False,
    black: bool = False,
    cache: Cache = NO_CACHE,
    progress: Progress = silent,
) -> Generated:
    """Everything but writing; raises FatalError on input we cannot generate from.

    With a cache, an unchanged spec costs reading and hashing it: the previous result is
    returned as it was. A changed spec is loaded and built again, but the validator's
    findings are reused if only prose changed, and only the files whose rendered text is
    new are formatted."""
    # One entry per output folder: a spec moved or edited still finds what it can reuse.
    key = digest("generate", str(config.output.resolve()), config.package)
    settings = digest(
        repr(config), spec_name, str(black), _overrides_digest(config.templates)
    )
    entry = cache.load(key) or {}
    cached = _cached_result(entry, settings)
    if cached is not None:
        _check_strict(cached.warnings, strict)
        return cached
    progress("load", 0)
    with _collector_paused():
        documents = load_with_overlays(config, spec_name)
    with _frozen_heap(), _recursion_located(documents):
        # What was read, as it was read: a later edit must not match this run's output.
        inputs = (
            {
                str(p.resolve()): digest(p.read_bytes())
                for p in (*documents.documents, *config.overlays)
            }
            if cache.enabled
            else {}
        )
        # Diagnostics name documents by their display name, not where they are.
        findings_at = (
            digest(spec_name, findings_key(documents)) if cache.enabled else ""
        )
        findings = _cached_findings(entry, findings_at) if cache.enabled else None
        if findings is None:
            progress("validate", 0)
            findings = spec_findings(documents)
        validation = validate(documents, findings)
        warnings: dict[str, Diagnostic] = {}

        def warn(diagnostic: Diagnostic) -> None:
            warnings.setdefault(str(diagnostic), diagnostic)

        for diagnostic in validation:
            warn(diagnostic)
        for unknown in unknown_overrides(config.templates):
            warn(
                Diagnostic(
                    Location(str(unknown), "/"),
                    "this template replaces none of sdkforge's (see templates/package/"
                    " for their names): it is not used",
                )
            )
        progress("build", 0)
        api = build(documents, config, warn)
        found = _in_reading_order(warnings.values())
        _check_strict(found, strict)
        progress("render", 0)
        rendered = render(api, config.templates, config.packaging)
        progress("format", len(rendered))
        intact = _intact_files(entry)
        known = {
            raw: intact[path]
            for raw, path in entry.get("formatted", {}).items()
            if path in intact
        }
        files, formatted = format_files(rendered, black=black, known=known)
        manifest = {
            "generator": f"sdkforge {__version__}",
            "spec": {
                "file": config.spec.name,
                "version": api.version,
                "sha256": sha256(config.spec.read_bytes()),
            },
            "package": api.package,
            "operations": [
                {
                    "method": op.method.upper(),
                    "path": op.path,
                    "name": ".".join((*path, op.name)),
                    **({"incomplete": list(op.incomplete)} if op.incomplete else {}),
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
            "surface": surface(api),
        }
        files[MANIFEST] = manifest_text(manifest)
        result = Generated(files, found, len(manifest["operations"]))
        if not cache.enabled:
            return result
        paths_by_text = {text: path for path, text in files.items()}
        cache.store(
            key,
            {
                "settings": settings,
                "inputs": inputs,
                "findings": {"key": findings_at, "found": [list(f) for f in findings]},
                "files": files,
                "warnings": [_record(d) for d in result.warnings],
                "operations": result.operations,
                "formatted": {
                    raw: paths_by_text[text] for raw, text in formatted.items()
                },
            },
        )
        return result


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cycle collection while a spec is parsed: its hundreds of thousands of new
    containers would each time be walked again, for no garbage (a third of loading)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def _recursion_located(documents: DocumentSet) -> Iterator[None]:
    """Nesting deep enough to exhaust Python's recursion (the walks of the documents are
    recursive) is the input's limit: a located error, not a crash."""
    try:
        yield
    except RecursionError:
        raise too_deep(documents) from None


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """The loaded documents live until the run ends: kept out of the collector's full
    passes (gc.freeze) for the later stages, handed back to it afterwards."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _in_reading_order(warnings: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """Warnings by file, then line: the order a reader of the spec meets them."""
    return tuple(
        sorted(
            warnings,
            key=lambda warning: (
                warning.location.file,
                warning.location.line or 0,
                warning.location.pointer,
            ),
        )
    )


def _check_strict(warnings: tuple[Diagnostic, ...], strict: bool) -> None:
    if strict and warnings:
        first, *others = warnings
        raise FatalError(
            first.location,
            f"{first.message} (--strict: {len(warnings)} warning(s) are fatal)"
            + "".join(f"\n{other}" for other in others),
        )


def load_with_overlays(config: ClientConfig, spec_name: str) -> DocumentSet:
    """The spec and the files it refers to, with the client's overlays applied."""
    documents = load(config.spec, spec_name, config.ref_root)
    if config.overlays:
        names = [display_path(path, Path.cwd()) for path in config.overlays]
        apply_overlays(documents.root, config.overlays, names)
    return documents


def _overrides_digest(folder: Path | None) -> str:
    """The project's own templates, as the cache must tell them apart: their contents."""
    if folder is None or not folder.is_dir():
        return ""
    return digest(
        *(
            f"{path.relative_to(folder)}:{digest(path.read_bytes())}"
            for path in sorted(folder.rglob("*"))
            if path.is_file()
        )
    )


def _unchanged(inputs: object) -> bool:
    """Whether every file a cached run read still has the content it had then."""
    if not isinstance(inputs, dict) or not inputs:
        return False
    try:
        return all(
            digest(Path(path).read_bytes()) == value for path, value in inputs.items()
        )
    except OSError:
        return False


def _record(diagnostic: Diagnostic) -> list[object]:
    location = diagnostic.location
    return [location.file, location.pointer, location.line, diagnostic.message]


def _diagnostic(record: list[Any]) -> Diagnostic:
    file, pointer, line, message = record
    return Diagnostic(Location(file, pointer, line), message)


def _intact_files(entry: dict[str, Any]) -> dict[str, str]:
    """The cached files whose text still has the hash the cached manifest gives it: an
    entry damaged on disk is not read back (a miss costs time, never correctness)."""
    files = entry.get("files")
    if not isinstance(files, dict):
        return {}
    try:
        hashes = json.loads(files[MANIFEST])["files"]
        return {
            path: text
            for path, text in files.items()
            if path == MANIFEST or hashes.get(path) == sha256(text)
        }
    except (KeyError, TypeError, ValueError, AttributeError):
        return {}


def _cached_findings(entry: dict[str, Any], key: str) -> list[Finding] | None:
    """The validator's findings of a spec that differs from the cached one in prose only."""
    cached = entry.get("findings")
    if not isinstance(cached, dict):
        return None
    try:
        if cached["key"] != key:
            return None
        findings = [
            (str(pointer), str(message)) for pointer, message in cached["found"]
        ]
    except (KeyError, TypeError, ValueError):
        return None
    return findings if reusable(findings) else None


def _cached_result(entry: dict[str, Any], settings: str) -> Generated | None:
    """The cached run, if it was made with these settings from the files as they are now."""
    if entry.get("settings") != settings or not _unchanged(entry.get("inputs")):
        return None
    if len(_intact_files(entry)) != len(entry.get("files") or ()):
        return None
    try:
        return Generated(
            dict(entry["files"]),
            tuple(_diagnostic(record) for record in entry["warnings"]),
            int(entry["operations"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def display_path(path: Path, root: Path) -> str:
    """How messages name a file: relative to `root` when it is inside it."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
