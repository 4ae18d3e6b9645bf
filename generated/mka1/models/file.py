"""Models of the file family."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .._models import BaseModel
from .file_purpose import FilePurpose

__all__ = ["File"]


class File(BaseModel):
    id: str
    """The file identifier"""

    bytes_: int = Field(alias="bytes")
    """The size of the file in bytes"""

    created_at: int
    """Unix timestamp when the file was created"""

    filename: str
    """The name of the file"""

    purpose: FilePurpose

    object: Literal["file"] | None = "file"

    expires_at: int | None = None
    """Unix timestamp when the file expires"""

    status: Literal["uploaded", "processed", "error"] | str | None = None
    """DEPRECATED: File processing status"""

    status_details: str | None = None
    """DEPRECATED: Details about file status"""

    sha256: str | None = None
    """SHA-256 of the file's bytes, lowercase hex. Two files with the same value hold the same content; a vector store refuses a second one. Null for files uploaded before hashing, until they are attached to a store or backfilled."""
