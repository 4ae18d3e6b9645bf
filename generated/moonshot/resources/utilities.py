"""`client.utilities`: POST /v1/tokenizers/estimate-token-count."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Literal, cast

from .._runtime import (
    NOT_GIVEN,
    AsyncAPIClient,
    NotGiven,
    SyncAPIClient,
    Timeout,
)
from ..models import ErrorResponse, EstimateTokenResponse, Message

__all__ = ["AsyncUtilities", "Utilities"]


class Utilities:
    """Operations on utilities: estimate_token_count."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def estimate_token_count(
        self,
        *,
        model: (
            Literal[
                "kimi-k3",
                "kimi-k2.7-code",
                "kimi-k2.7-code-highspeed",
                "kimi-k2.6",
                "kimi-k2.5",
                "moonshot-v1-8k",
                "moonshot-v1-32k",
                "moonshot-v1-128k",
                "moonshot-v1-auto",
                "moonshot-v1-8k-vision-preview",
                "moonshot-v1-32k-vision-preview",
                "moonshot-v1-128k-vision-preview",
            ]
            | str
        ),
        messages: builtins.list[Message],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> EstimateTokenResponse:
        """Estimate Token Count

        Estimates the number of tokens that would be used for a given set of messages and model. The input structure is almost identical to that of chat completion.

        Args:
          model: Model ID
          messages: A list of messages in the conversation so far. Each element has the format {"role": "user", "content": "Hello"}. role supports system, user, assistant, or tool. content must not be empty
        """
        return cast(
            EstimateTokenResponse,
            self._client.request(
                "post",
                "/v1/tokenizers/estimate-token-count",
                json_body={
                    "model": model,
                    "messages": messages,
                },
                response_type=EstimateTokenResponse,
                error_types={
                    "400": ErrorResponse,
                    "401": ErrorResponse,
                    "500": ErrorResponse,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncUtilities:
    """Operations on utilities: estimate_token_count."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def estimate_token_count(
        self,
        *,
        model: (
            Literal[
                "kimi-k3",
                "kimi-k2.7-code",
                "kimi-k2.7-code-highspeed",
                "kimi-k2.6",
                "kimi-k2.5",
                "moonshot-v1-8k",
                "moonshot-v1-32k",
                "moonshot-v1-128k",
                "moonshot-v1-auto",
                "moonshot-v1-8k-vision-preview",
                "moonshot-v1-32k-vision-preview",
                "moonshot-v1-128k-vision-preview",
            ]
            | str
        ),
        messages: builtins.list[Message],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> EstimateTokenResponse:
        """Estimate Token Count

        Estimates the number of tokens that would be used for a given set of messages and model. The input structure is almost identical to that of chat completion.

        Args:
          model: Model ID
          messages: A list of messages in the conversation so far. Each element has the format {"role": "user", "content": "Hello"}. role supports system, user, assistant, or tool. content must not be empty
        """
        return cast(
            EstimateTokenResponse,
            await self._client.request(
                "post",
                "/v1/tokenizers/estimate-token-count",
                json_body={
                    "model": model,
                    "messages": messages,
                },
                response_type=EstimateTokenResponse,
                error_types={
                    "400": ErrorResponse,
                    "401": ErrorResponse,
                    "500": ErrorResponse,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
