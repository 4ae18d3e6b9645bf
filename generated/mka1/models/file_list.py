"""Models of the file_list family."""

from __future__ import annotations

from typing import List, Literal

from pydantic import Field

from .._runtime import BaseModel
from .file import File

__all__ = [
    "FileList",
]


class FileList(BaseModel):
    """FileList"""

    object_: Literal["list"] = Field(alias="object")

    data: List[File]

    has_more: bool

    first_id: str | None = None

    last_id: str | None = None
