"""Models of the batch_list_response family."""

from __future__ import annotations

from typing import List

from pydantic import Field

from .._runtime import BaseModel
from .batch_list_item import BatchListItem

__all__ = [
    "BatchListResponse",
]


class BatchListResponse(BaseModel):
    """BatchListResponse"""

    object_: str | None = Field(default=None, alias="object")

    data: List[BatchListItem] | None = None

    first_id: str | None = None

    last_id: str | None = None

    has_more: bool | None = None
