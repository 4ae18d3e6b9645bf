"""Models of the file_list_response family."""

from __future__ import annotations

from typing import List

from pydantic import Field

from .._runtime import BaseModel
from .file_object import FileObject

__all__ = [
    "FileListResponse",
]


class FileListResponse(BaseModel):
    """FileListResponse"""

    object_: str = Field(alias="object")

    data: List[FileObject]
