"""Models of the file_delete_response family."""

from __future__ import annotations

from pydantic import Field

from .._runtime import BaseModel

__all__ = [
    "FileDeleteResponse",
]


class FileDeleteResponse(BaseModel):
    """FileDeleteResponse"""

    id_: str = Field(alias="id")
    """Deleted file identifier"""

    object_: str = Field(alias="object")

    deleted: bool
    """Whether the file was deleted successfully"""
