"""Models of the gateway_rate_limit_error family."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["GatewayRateLimitError"]


class GatewayRateLimitError(BaseModel):
    """Body of the gateway's 429 response; `error` is a plain string."""

    error: str
