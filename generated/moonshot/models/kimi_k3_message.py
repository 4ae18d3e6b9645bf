"""Models of the kimi_k3_message family."""

from __future__ import annotations

from typing import TypeAlias

from .kimi_k3_dynamic_tool_message import KimiK3DynamicToolMessage
from .message import Message

__all__ = ["KimiK3Message"]


KimiK3Message: TypeAlias = Message | KimiK3DynamicToolMessage
"""A Kimi K3 conversation message. Supports both standard messages and system messages that omit content and declare dynamically loaded tools through tools."""
