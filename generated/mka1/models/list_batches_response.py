"""Models of the list_batches_response family."""

from __future__ import annotations

from typing import List, Literal

from pydantic import Field

from .._runtime import BaseModel
from .batch_object import BatchObject

__all__ = [
    "ListBatchesResponse",
]


class ListBatchesResponse(BaseModel):
    """ListBatchesResponse"""

    object_: Literal["list"] = Field(alias="object")

    data: List[BatchObject]

    has_more: bool

    first_id: str | None = None

    last_id: str | None = None
