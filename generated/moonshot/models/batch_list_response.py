"""Models of the batch_list_response family."""

from __future__ import annotations

from typing import List

from pydantic import Field

from .._runtime import BaseModel
from .batch_object import BatchObject

__all__ = [
    "BatchListResponse",
]


class BatchListResponse(BaseModel):
    """BatchListResponse"""

    object_: str = Field(alias="object")

    data: List[BatchObject]

    has_more: bool | None = None
    """Whether there are more results"""
