"""Models of the file_deletion_status family."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .._runtime import BaseModel

__all__ = [
    "FileDeletionStatus",
]


class FileDeletionStatus(BaseModel):
    """FileDeletionStatus"""

    id_: str = Field(alias="id")

    deleted: bool

    object_: Literal["file"] = Field(alias="object")
