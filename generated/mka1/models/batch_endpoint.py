"""Models of the batch_endpoint family."""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["BatchEndpoint"]


BatchEndpoint: TypeAlias = (
    Literal[
        "/v1/chat/completions",
        "/v1/responses",
        "/v1/embeddings",
        "/v1/images/generations",
    ]
    | str
)
