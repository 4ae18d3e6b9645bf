"""Models of the batch_object family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel
from .batch_error_data import BatchErrorData
from .request_counts import RequestCounts

__all__ = ["BatchObject", "BatchObjectErrors"]


class BatchObjectErrors(BaseModel):
    object: Literal["list"]

    data: list[BatchErrorData]


class BatchObject(BaseModel):
    id: str

    object: Literal["batch"]

    endpoint: str

    errors: BatchObjectErrors | None = None

    input_file_id: str

    completion_window: str

    status: (
        Literal[
            "validating",
            "failed",
            "in_progress",
            "finalizing",
            "completed",
            "expired",
            "cancelling",
            "cancelled",
        ]
        | str
    )

    output_file_id: str | None = None

    error_file_id: str | None = None

    created_at: int

    in_progress_at: int | None = None

    expires_at: int | None = None

    finalizing_at: int | None = None

    completed_at: int | None = None

    failed_at: int | None = None

    expired_at: int | None = None

    cancelling_at: int | None = None

    cancelled_at: int | None = None

    request_counts: RequestCounts

    max_concurrency: int
    """How many of this batch's lines may be in flight at once. Each line is admitted against its model's rate limits first."""

    metadata: dict[str, str] | None = None
