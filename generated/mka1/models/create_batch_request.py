"""Models of the create_batch_request family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel
from .batch_endpoint import BatchEndpoint

__all__ = ["CreateBatchRequest"]


class CreateBatchRequest(BaseModel):
    input_file_id: str

    endpoint: BatchEndpoint

    completion_window: Literal["24h"]

    metadata: dict[str, str] | None = None

    max_concurrency: int | None = None
    """How many lines may be in flight at once, up to the gateway's ceiling (BATCH_MAX_LINE_CONCURRENCY). Defaults to the gateway's BATCH_DEFAULT_LINE_CONCURRENCY. A model's rate limits are respected before this: a line waits for its model's window rather than exceeding it."""
