"""Models of the batch_replace family."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["BatchReplace"]


class BatchReplace(BaseModel):
    """Overrides applied to every request of the input file; if `model` differs from the model in the input file, the batch uses this one (batch guide: extra_body={"replace":{"model": ...}})."""

    model: str | None = None
