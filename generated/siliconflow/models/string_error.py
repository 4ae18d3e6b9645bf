"""Models of the string_error family."""

from __future__ import annotations

from typing import TypeAlias

__all__ = ["StringError"]


StringError: TypeAlias = str
"""Error body of 401/403/404/504 responses: a bare JSON string such as "Invalid token"."""
