"""Models of the batch_list_response family."""

from __future__ import annotations

from .._models import BaseModel
from .batch_object import BatchObject

__all__ = ["BatchListResponse"]


class BatchListResponse(BaseModel):
    object: str

    data: list[BatchObject]

    has_more: bool | None = None
    """Whether there are more results"""
