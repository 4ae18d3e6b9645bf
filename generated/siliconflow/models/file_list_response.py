"""Models of the file_list_response family."""

from __future__ import annotations

from .._models import BaseModel
from .file_list_data import FileListData

__all__ = ["FileListResponse"]


class FileListResponse(BaseModel):
    """Envelope {code, message, status, data} whose `data` is itself an object with a `data` array."""

    code: int

    message: str

    status: bool

    data: FileListData
