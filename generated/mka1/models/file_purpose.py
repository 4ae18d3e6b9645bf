"""Models of the file_purpose family."""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["FilePurpose"]


FilePurpose: TypeAlias = (
    Literal["assistants", "batch", "fine-tune", "vision", "user_data", "evals"] | str
)
"""The intended purpose of the file"""
