"""Models of the batch_metadata family."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["BatchMetadata"]


class BatchMetadata(BaseModel):
    """Set of 16 key-value pairs that can be attached to an object. This can be useful for storing additional information about the object in a structured format, and querying for objects via API or the dashboard.<\\br>Keys are strings with a maximum length of 64 characters. Values are strings with a maximum length of 512 characters."""

    description: str | None = None
