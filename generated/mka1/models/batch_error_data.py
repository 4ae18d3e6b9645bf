"""Models of the batch_error_data family."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["BatchErrorData"]


class BatchErrorData(BaseModel):
    code: str

    message: str

    param: str | None = None

    line: int | None = None
