"""Models of the estimate_token_response family."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["EstimateTokenResponse", "EstimateTokenResponseData"]


class EstimateTokenResponseData(BaseModel):
    total_tokens: int
    """Estimated total number of tokens"""


class EstimateTokenResponse(BaseModel):
    data: EstimateTokenResponseData
