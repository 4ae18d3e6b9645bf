"""Models of the file_object family."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .._models import BaseModel

__all__ = ["FileObject"]


class FileObject(BaseModel):
    id: str
    """Unique file identifier"""

    object: str
    """Object type"""

    bytes_: int = Field(alias="bytes")
    """File size in bytes"""

    created_at: int
    """Unix timestamp when the file was created"""

    filename: str
    """Original file name"""

    purpose: Literal["file-extract", "image", "video", "batch"] | str
    """Purpose used when uploading the file. file-extract: extract file contents; image: upload images for vision understanding; video: upload videos for video understanding; batch: upload JSONL files for batch processing"""

    status: str
    """Processing status of the file"""

    status_details: str | None = None
    """Additional status details when processing fails or returns warnings"""
