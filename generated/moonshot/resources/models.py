"""`client.models`: GET /v1/models."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import cast

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, NotGiven, Timeout
from ..models import ErrorResponse, ModelListResponse

__all__ = ["AsyncModels", "Models"]


class Models:
    """Operations on models: list."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> ModelsWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return ModelsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ModelsWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return ModelsWithStreamingResponse(self)

    def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ModelListResponse:
        """List Models

        List all currently available models.
        """
        return cast(
            ModelListResponse,
            self._client.request(
                "get",
                "/v1/models",
                response_type=ModelListResponse,
                error_types={
                    "401": ErrorResponse,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncModels:
    """Operations on models: list."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncModelsWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return AsyncModelsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncModelsWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return AsyncModelsWithStreamingResponse(self)

    async def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ModelListResponse:
        """List Models

        List all currently available models.
        """
        return cast(
            ModelListResponse,
            await self._client.request(
                "get",
                "/v1/models",
                response_type=ModelListResponse,
                error_types={
                    "401": ErrorResponse,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class ModelsWithRawResponse:
    def __init__(self, resource: Models) -> None:
        self.list = to_raw_response_wrapper(resource.list)


class AsyncModelsWithRawResponse:
    def __init__(self, resource: AsyncModels) -> None:
        self.list = async_to_raw_response_wrapper(resource.list)


class ModelsWithStreamingResponse:
    def __init__(self, resource: Models) -> None:
        self.list = to_streamed_response_wrapper(resource.list)


class AsyncModelsWithStreamingResponse:
    def __init__(self, resource: AsyncModels) -> None:
        self.list = async_to_streamed_response_wrapper(resource.list)
