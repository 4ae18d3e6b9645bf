"""Models of the list_batches_response family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel
from .batch_object import BatchObject

__all__ = ["ListBatchesResponse"]


class ListBatchesResponse(BaseModel):
    object: Literal["list"]

    data: list[BatchObject]

    has_more: bool

    first_id: str | None = None

    last_id: str | None = None
