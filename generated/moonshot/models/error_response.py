"""Models of the error_response family."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["ErrorResponse", "ErrorResponseError"]


class ErrorResponseError(BaseModel):
    message: str
    """Error message describing what went wrong"""

    type: str | None = None
    """Error type"""

    code: str | None = None
    """Error code"""


class ErrorResponse(BaseModel):
    error: ErrorResponseError
