"""Models of the batch_object family."""

from __future__ import annotations

from typing import Dict, List, Literal

from pydantic import Field

from .._runtime import BaseModel
from .batch_error_data import BatchErrorData
from .request_counts import RequestCounts

__all__ = [
    "BatchObjectErrors",
    "BatchObject",
]


class BatchObjectErrors(BaseModel):
    """BatchObjectErrors"""

    object_: Literal["list"] = Field(alias="object")

    data: List[BatchErrorData]


class BatchObject(BaseModel):
    """BatchObject"""

    id_: str = Field(alias="id")

    object_: Literal["batch"] = Field(alias="object")

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

    metadata: Dict[str, str] | None = None
