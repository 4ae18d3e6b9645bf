"""The generation cache: what a run learned, so the next run pays only for what changed.

It lives outside the output folder, in `$SDKFORGE_CACHE_DIR`, else `$XDG_CACHE_HOME/sdkforge`,
else `~/.cache/sdkforge`, one folder per generator fingerprint (the code, the templates and
the versions of the tools that shape the output), so a new sdkforge never reads an old
entry. Entries are JSON, never pickle: a cache folder may come from somewhere untrusted and
must not be able to run code. Any entry can be deleted, or be unreadable, at any time: it is
then a miss, and a miss only costs time, since every entry is keyed by the content it was
computed from and output is never read from it without that check.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from . import __version__

# Tools whose version changes what is validated or emitted.
_TOOLS = ("ruff", "black", "jinja2", "openapi-spec-validator", "pyyaml")


def digest(*parts: str | bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


@cache
def fingerprint() -> str:
    """The generator's identity: its source, its templates and its tools' versions."""
    here = Path(__file__).parent
    templates = here / "templates"
    if not templates.is_dir():
        templates = here.parent / "templates"
    sources = sorted(here.rglob("*.py")) + sorted(
        p for p in templates.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    return digest(
        __version__,
        *(f"{tool}={version(tool)}" for tool in _TOOLS),
        *(part for path in sources for part in (path.name, path.read_bytes())),
    )[:16]


def default_root() -> Path:
    configured = os.environ.get("SDKFORGE_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sdkforge"


class Cache:
    """JSON entries by key under `root/<fingerprint>/`; `Cache(None)` keeps nothing."""

    def __init__(self, root: Path | None) -> None:
        self.folder = root / fingerprint() if root is not None else None

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def load(self, key: str) -> dict[str, Any] | None:
        if self.folder is None:
            return None
        try:
            entry = json.loads((self.folder / f"{key}.json").read_bytes())
        except (OSError, ValueError):
            return None
        return entry if isinstance(entry, dict) else None

    def store(self, key: str, entry: dict[str, Any]) -> None:
        """Atomically; a cache that cannot be written is only a slower next run."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(entry, stream, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, self.folder / f"{key}.json")
        except OSError:
            Path(temporary).unlink(missing_ok=True)


NO_CACHE = Cache(None)
