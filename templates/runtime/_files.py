"""File uploads: what a caller may pass, read once so that a retry sends the same bytes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, TypeAlias

__all__ = ["FileInput"]

FileContent: TypeAlias = bytes | IO[bytes] | os.PathLike[str] | str
FileInput: TypeAlias = (
    FileContent | tuple[str, FileContent] | tuple[str, FileContent, str]
)
"""A file to upload: a path, bytes or a binary file object, optionally as (filename, content[, content type])."""


def file_tuple(
    name: str, value: FileInput
) -> tuple[str, tuple[str | None, bytes, str | None]]:
    """Read an upload once, so a retried request sends the same bytes."""
    filename: str | None = None
    content_type: str | None = None
    content: FileContent
    if isinstance(value, tuple):
        filename, content = value[0], value[1]
        content_type = value[2] if len(value) > 2 else None
    else:
        content = value
    if isinstance(content, (str, os.PathLike)):
        path = Path(content)
        return name, (filename or path.name, path.read_bytes(), content_type)
    if isinstance(content, bytes):
        return name, (filename or name, content, content_type)
    data = content.read()
    default_name = Path(str(getattr(content, "name", name))).name
    return name, (filename or default_name, data, content_type)
