"""Models of the file_delete_response family."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["FileDeleteResponse"]


class FileDeleteResponse(BaseModel):
    id: str
    """Deleted file identifier"""

    object: str

    deleted: bool
    """Whether the file was deleted successfully"""
