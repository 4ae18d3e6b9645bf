"""Models of the batch_list_response family."""

from __future__ import annotations

from .._models import BaseModel
from .batch_list_item import BatchListItem

__all__ = ["BatchListResponse"]


class BatchListResponse(BaseModel):
    object: str | None = None

    data: list[BatchListItem] | None = None

    first_id: str | None = None

    last_id: str | None = None

    has_more: bool | None = None
