"""Models of the batch_list_item family."""

from __future__ import annotations

from typing import Any

from .._models import BaseModel
from .batch_metadata import BatchMetadata

__all__ = ["BatchListItem"]


class BatchListItem(BaseModel):
    """A batch as listed by GET /batches; same fields as BatchObject plus `file_name`."""

    id: str | None = None

    object: str | None = None

    endpoint: str | None = None

    errors: list[str] | None = None

    input_file_id: str | None = None

    completion_window: str | None = None

    status: str | None = None
    """Batch status (no enum is published). The batch guide lists in_queue, in_progress, finalizing, completed, expired, cancelling, cancelled; its sample object shows validating."""

    output_file_id: str | None = None

    error_file_id: str | None = None

    created_at: int | None = None

    in_progress_at: int | None = None

    expires_at: int | None = None

    finalizing_at: int | None = None

    completed_at: int | None = None

    failed_at: int | None = None

    expired_at: int | None = None

    cancelling_at: int | None = None

    cancelled_at: int | None = None

    request_counts: dict[str, Any] | None = None
    """Empty Object"""

    metadata: BatchMetadata | None = None

    file_name: str | None = None
