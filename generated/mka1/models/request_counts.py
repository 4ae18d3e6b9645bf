"""Models of the request_counts family."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["RequestCounts"]


class RequestCounts(BaseModel):
    total: int

    completed: int

    failed: int
