"""Models of the batch_request_counts family."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["BatchRequestCounts"]


class BatchRequestCounts(BaseModel):
    completed: int
    """Number of completed requests"""

    failed: int
    """Number of failed requests"""

    total: int
    """Total number of requests"""
