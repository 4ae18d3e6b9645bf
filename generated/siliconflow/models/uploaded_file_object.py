"""Models of the uploaded_file_object family."""

from __future__ import annotations

from pydantic import Field

from .._models import BaseModel

__all__ = ["UploadedFileObject"]


class UploadedFileObject(BaseModel):
    """The uploaded file as returned inside the upload envelope. Note the camelCase `createdAt` (the list-files items use `created_at`)."""

    id: str | None = None

    object: str | None = None

    bytes_: int | None = Field(default=None, alias="bytes")

    created_at: int | None = Field(default=None, alias="createdAt")

    filename: str | None = None

    purpose: str | None = None
