"""Models of the file_content_error family."""

from __future__ import annotations

from pydantic import Field

from .._runtime import BaseModel

__all__ = [
    "FileContentErrorError",
    "FileContentError",
]


class FileContentErrorError(BaseModel):
    """FileContentErrorError"""

    message: str | None = None

    type_: str | None = Field(default=None, alias="type")

    code: int | None = None


class FileContentError(BaseModel):
    """Error body of getFileContent 400/401/404/500 responses."""

    error: FileContentErrorError | None = None
