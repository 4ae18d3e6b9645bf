"""Models of the rate_limit_error_model family."""

from __future__ import annotations

from typing import Any

from .._models import BaseModel

__all__ = ["RateLimitErrorModel"]


class RateLimitErrorModel(BaseModel):
    """Error body of 429 responses (message + data, no code). Not on the reference pages; from the widely quoted provider response, see specs/README.md."""

    message: str | None = None

    data: Any = None
    """Untyped; observed null."""
