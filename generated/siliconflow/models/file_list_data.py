"""Models of the file_list_data family."""

from __future__ import annotations

from .._models import BaseModel
from .file_object import FileObject

__all__ = ["FileListData"]


class FileListData(BaseModel):
    """The inner list object. Its `object` is "file" (not "list"); there is no cursor/has_more."""

    data: list[FileObject] | None = None

    object: str | None = None
