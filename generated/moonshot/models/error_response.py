"""Models of the error_response family."""

from __future__ import annotations

from pydantic import Field

from .._runtime import BaseModel

__all__ = [
    "ErrorResponseError",
    "ErrorResponse",
]


class ErrorResponseError(BaseModel):
    """ErrorResponseError"""

    message: str
    """Error message describing what went wrong"""

    type_: str | None = Field(default=None, alias="type")
    """Error type"""

    code: str | None = None
    """Error code"""


class ErrorResponse(BaseModel):
    """ErrorResponse"""

    error: ErrorResponseError
