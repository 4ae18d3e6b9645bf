"""Models of the create_batch_request family."""

from __future__ import annotations

from .._models import BaseModel
from .batch_metadata import BatchMetadata
from .batch_replace import BatchReplace

__all__ = ["CreateBatchRequest"]


class CreateBatchRequest(BaseModel):
    input_file_id: str
    """The ID of an uploaded file that contains requests for the new batch."""

    endpoint: str
    """The endpoint to be used for all requests in the batch. Currently /v1/chat/completions is supported."""

    completion_window: str
    """The time frame within which the batch should be processed. The maximum value is 24 hours, and the minimum value is 336 hours."""

    metadata: BatchMetadata | None = None

    replace: BatchReplace | None = None
