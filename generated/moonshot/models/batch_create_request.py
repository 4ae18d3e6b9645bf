"""Models of the batch_create_request family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel

__all__ = ["BatchCreateRequest"]


class BatchCreateRequest(BaseModel):
    input_file_id: str
    """ID of the input file, must be a .jsonl file uploaded with purpose="batch" """

    endpoint: Literal["/v1/chat/completions"] | str
    """Request endpoint, currently only /v1/chat/completions is supported"""

    completion_window: str
    """Time window for task processing, supports formats like 12h, 1d, 3d, minimum 12h, maximum 7d"""

    metadata: dict[str, str] | None = None
    """Custom metadata, up to 16 key-value pairs, key max 64 chars, value max 512 chars"""
