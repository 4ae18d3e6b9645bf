"""Models of the error_body family."""

from __future__ import annotations

from typing import Any

from .._models import BaseModel

__all__ = ["ErrorBody"]


class ErrorBody(BaseModel):
    """Error body of 400 and 503 responses."""

    code: int | None = None

    message: str | None = None

    data: Any = None
    """Untyped. The reference pages' examples show the placeholder "string"; the error-code FAQ shows a real response with `"data": null`."""
