"""Models of the file_list_data family."""

from __future__ import annotations

from typing import List

from pydantic import Field

from .._runtime import BaseModel
from .file_object import FileObject

__all__ = [
    "FileListData",
]


class FileListData(BaseModel):
    """The inner list object. Its `object` is "file" (not "list"); there is no cursor/has_more."""

    data: List[FileObject] | None = None

    object_: str | None = Field(default=None, alias="object")
