"""`client.batches`: 4 operations."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from functools import cached_property
from typing import Literal, cast

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._pagination import AsyncPaginator, Pagination, SyncPage
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, NotGiven, Timeout
from ..models import (
    BatchEndpoint,
    BatchObject,
    GatewayRateLimitError,
    ListBatchesResponse,
)

__all__ = ["AsyncBatches", "Batches"]


class Batches:
    """Operations on batches: list, create, retrieve, cancel."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> BatchesWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return BatchesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> BatchesWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return BatchesWithStreamingResponse(self)

    def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPage[BatchObject]:
        """List batches

        Returns a paginated list of batches owned by the authenticated user.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            SyncPage[BatchObject],
            self._client.request(
                "get",
                "/api/v1/llm/batches",
                query={
                    "after": after,
                    "limit": limit,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=ListBatchesResponse,
                error_types={
                    "429": GatewayRateLimitError,
                },
                pagination=Pagination(
                    items="data",
                    cursor_param="after",
                    has_more="has_more",
                    last_id="last_id",
                ),
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def create(
        self,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        input_file_id: str,
        endpoint: BatchEndpoint,
        completion_window: Literal["24h"],
        metadata: builtins.dict[str, str] | None | NotGiven = NOT_GIVEN,
        max_concurrency: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Create a batch

        Creates and executes a batch from an uploaded JSONL file of requests. Each line must have custom_id, method, url, and body fields. Text batches also require write:responses.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
          max_concurrency: How many lines may be in flight at once, up to the gateway's ceiling (BATCH_MAX_LINE_CONCURRENCY). Defaults to the gateway's BATCH_DEFAULT_LINE_CONCURRENCY. A model's rate limits are respected before this: a line waits for its model's window rather than exceeding it.
        """
        return cast(
            BatchObject,
            self._client.request(
                "post",
                "/api/v1/llm/batches",
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                json_body={
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                    "max_concurrency": max_concurrency,
                },
                response_type=BatchObject,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def retrieve(
        self,
        batch_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Get a batch

        Retrieves a batch by its ID.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            BatchObject,
            self._client.request(
                "get",
                "/api/v1/llm/batches/{batch_id}",
                path_params={
                    "batch_id": batch_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=BatchObject,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def cancel(
        self,
        batch_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Cancel a batch

        Cancels an in-progress batch. The batch status changes to cancelling, and remaining requests will not be processed.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            BatchObject,
            self._client.request(
                "post",
                "/api/v1/llm/batches/{batch_id}/cancel",
                path_params={
                    "batch_id": batch_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=BatchObject,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def wait(
        self,
        batch_id: str,
        *,
        poll_interval: float = 5.0,
        timeout: float = 3600.0,
    ) -> BatchObject:
        """Poll `retrieve` until `status` is terminal; return that result.

        Terminal values: completed, failed, expired, cancelled. Sleeps `poll_interval` seconds between calls and
        raises WaitTimeoutError rather than sleep past `timeout` seconds.
        """
        return self._client.poll(
            lambda: self.retrieve(batch_id),
            field="status",
            terminal=(
                "completed",
                "failed",
                "expired",
                "cancelled",
            ),
            poll_interval=poll_interval,
            timeout=timeout,
        )


class AsyncBatches:
    """Operations on batches: list, create, retrieve, cancel."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncBatchesWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return AsyncBatchesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncBatchesWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return AsyncBatchesWithStreamingResponse(self)

    def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[BatchObject]:
        """List batches

        Returns a paginated list of batches owned by the authenticated user.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            AsyncPaginator[BatchObject],
            self._client.paginate(
                "get",
                "/api/v1/llm/batches",
                query={
                    "after": after,
                    "limit": limit,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=ListBatchesResponse,
                error_types={
                    "429": GatewayRateLimitError,
                },
                pagination=Pagination(
                    items="data",
                    cursor_param="after",
                    has_more="has_more",
                    last_id="last_id",
                ),
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def create(
        self,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        input_file_id: str,
        endpoint: BatchEndpoint,
        completion_window: Literal["24h"],
        metadata: builtins.dict[str, str] | None | NotGiven = NOT_GIVEN,
        max_concurrency: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Create a batch

        Creates and executes a batch from an uploaded JSONL file of requests. Each line must have custom_id, method, url, and body fields. Text batches also require write:responses.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
          max_concurrency: How many lines may be in flight at once, up to the gateway's ceiling (BATCH_MAX_LINE_CONCURRENCY). Defaults to the gateway's BATCH_DEFAULT_LINE_CONCURRENCY. A model's rate limits are respected before this: a line waits for its model's window rather than exceeding it.
        """
        return cast(
            BatchObject,
            await self._client.request(
                "post",
                "/api/v1/llm/batches",
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                json_body={
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                    "max_concurrency": max_concurrency,
                },
                response_type=BatchObject,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def retrieve(
        self,
        batch_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Get a batch

        Retrieves a batch by its ID.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            BatchObject,
            await self._client.request(
                "get",
                "/api/v1/llm/batches/{batch_id}",
                path_params={
                    "batch_id": batch_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=BatchObject,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def cancel(
        self,
        batch_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Cancel a batch

        Cancels an in-progress batch. The batch status changes to cancelling, and remaining requests will not be processed.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            BatchObject,
            await self._client.request(
                "post",
                "/api/v1/llm/batches/{batch_id}/cancel",
                path_params={
                    "batch_id": batch_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=BatchObject,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def wait(
        self,
        batch_id: str,
        *,
        poll_interval: float = 5.0,
        timeout: float = 3600.0,
    ) -> BatchObject:
        """Poll `retrieve` until `status` is terminal; return that result.

        Terminal values: completed, failed, expired, cancelled. Sleeps `poll_interval` seconds between calls and
        raises WaitTimeoutError rather than sleep past `timeout` seconds.
        """
        return await self._client.poll(
            lambda: self.retrieve(batch_id),
            field="status",
            terminal=(
                "completed",
                "failed",
                "expired",
                "cancelled",
            ),
            poll_interval=poll_interval,
            timeout=timeout,
        )


class BatchesWithRawResponse:
    def __init__(self, resource: Batches) -> None:
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.cancel = to_raw_response_wrapper(resource.cancel)


class AsyncBatchesWithRawResponse:
    def __init__(self, resource: AsyncBatches) -> None:
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.cancel = async_to_raw_response_wrapper(resource.cancel)


class BatchesWithStreamingResponse:
    def __init__(self, resource: Batches) -> None:
        self.list = to_streamed_response_wrapper(resource.list)
        self.create = to_streamed_response_wrapper(resource.create)
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.cancel = to_streamed_response_wrapper(resource.cancel)


class AsyncBatchesWithStreamingResponse:
    def __init__(self, resource: AsyncBatches) -> None:
        self.list = async_to_streamed_response_wrapper(resource.list)
        self.create = async_to_streamed_response_wrapper(resource.create)
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.cancel = async_to_streamed_response_wrapper(resource.cancel)
