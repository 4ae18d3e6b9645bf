"""Models of the file_content_error family."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["FileContentError", "FileContentErrorError"]


class FileContentErrorError(BaseModel):
    message: str | None = None

    type: str | None = None

    code: int | None = None


class FileContentError(BaseModel):
    """Error body of getFileContent 400/401/404/500 responses."""

    error: FileContentErrorError | None = None
