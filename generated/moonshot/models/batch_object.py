"""Models of the batch_object family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel
from .batch_request_counts import BatchRequestCounts

__all__ = ["BatchObject"]


class BatchObject(BaseModel):
    id: str
    """Unique identifier for the batch task"""

    object: str
    """Object type, always batch"""

    endpoint: str
    """Request endpoint"""

    input_file_id: str
    """Input file ID"""

    completion_window: str
    """Processing time window"""

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
    """Current status: validating, failed, in_progress, finalizing, completed, expired, cancelling, cancelled"""

    output_file_id: str | None = None
    """Output file ID for successful results"""

    error_file_id: str | None = None
    """Error file ID for failed results"""

    created_at: int
    """Creation timestamp (Unix)"""

    in_progress_at: int | None = None
    """Execution start timestamp (Unix)"""

    expires_at: int | None = None
    """Expiration timestamp (Unix)"""

    finalizing_at: int | None = None
    """Result preparation start timestamp (Unix)"""

    completed_at: int | None = None
    """Completion timestamp (Unix)"""

    failed_at: int | None = None
    """Validation failure timestamp (Unix)"""

    cancelling_at: int | None = None
    """Cancellation request timestamp (Unix)"""

    cancelled_at: int | None = None
    """Cancellation completion timestamp (Unix)"""

    request_counts: BatchRequestCounts

    metadata: dict[str, str] | None = None
    """Custom metadata"""
