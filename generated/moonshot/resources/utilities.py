"""`client.utilities`: POST /v1/tokenizers/estimate-token-count."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from functools import cached_property
from typing import Literal, cast

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, NotGiven, Timeout
from ..models import ErrorResponse, EstimateTokenResponse, Message

__all__ = ["AsyncUtilities", "Utilities"]


class Utilities:
    """Operations on utilities: estimate_token_count."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> UtilitiesWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return UtilitiesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> UtilitiesWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return UtilitiesWithStreamingResponse(self)

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

    @cached_property
    def with_raw_response(self) -> AsyncUtilitiesWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return AsyncUtilitiesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncUtilitiesWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return AsyncUtilitiesWithStreamingResponse(self)

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


class UtilitiesWithRawResponse:
    def __init__(self, resource: Utilities) -> None:
        self.estimate_token_count = to_raw_response_wrapper(
            resource.estimate_token_count
        )


class AsyncUtilitiesWithRawResponse:
    def __init__(self, resource: AsyncUtilities) -> None:
        self.estimate_token_count = async_to_raw_response_wrapper(
            resource.estimate_token_count
        )


class UtilitiesWithStreamingResponse:
    def __init__(self, resource: Utilities) -> None:
        self.estimate_token_count = to_streamed_response_wrapper(
            resource.estimate_token_count
        )


class AsyncUtilitiesWithStreamingResponse:
    def __init__(self, resource: AsyncUtilities) -> None:
        self.estimate_token_count = async_to_streamed_response_wrapper(
            resource.estimate_token_count
        )
