"""Models of the file_list_response family."""

from __future__ import annotations

from .._models import BaseModel
from .file_object import FileObject

__all__ = ["FileListResponse"]


class FileListResponse(BaseModel):
    object: str

    data: list[FileObject]
