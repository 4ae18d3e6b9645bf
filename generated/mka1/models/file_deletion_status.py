"""Models of the file_deletion_status family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel

__all__ = ["FileDeletionStatus"]


class FileDeletionStatus(BaseModel):
    id: str

    deleted: bool

    object: Literal["file"]
