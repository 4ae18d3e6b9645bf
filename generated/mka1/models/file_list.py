"""Models of the file_list family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel
from .file import File

__all__ = ["FileList"]


class FileList(BaseModel):
    object: Literal["list"]

    data: list[File]

    has_more: bool

    first_id: str | None = None

    last_id: str | None = None
