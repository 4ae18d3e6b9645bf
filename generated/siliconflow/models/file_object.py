"""Models of the file_object family."""

from __future__ import annotations

from pydantic import Field

from .._models import BaseModel

__all__ = ["FileObject"]


class FileObject(BaseModel):
    """A file as listed by GET /files (snake_case `created_at`, extra `line_count`)."""

    id: str | None = None

    object: str | None = None

    bytes_: int | None = Field(default=None, alias="bytes")

    created_at: int | None = None

    filename: str | None = None

    purpose: str | None = None

    line_count: int | None = None
