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
from ..models import BatchListResponse, BatchObject, ErrorResponse

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
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPage[BatchObject]:
        """List Batches

        List batch tasks for your organization.

        Args:
          after: Pagination cursor, pass the ID of the last batch from the previous page
          limit: Number of results per page, default 20
        """
        return cast(
            SyncPage[BatchObject],
            self._client.request(
                "get",
                "/v1/batches",
                query={
                    "after": after,
                    "limit": limit,
                },
                response_type=BatchListResponse,
                error_types={
                    "401": ErrorResponse,
                    "500": ErrorResponse,
                },
                pagination=Pagination(
                    items="data",
                    cursor_param="after",
                    has_more="has_more",
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
        input_file_id: str,
        endpoint: Literal["/v1/chat/completions"] | str,
        completion_window: str,
        metadata: builtins.dict[str, str] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Create Batch

        Create a batch task. You need to first upload a JSONL file with purpose="batch" via the Files API, then use the returned file_id to create the task.

        Args:
          input_file_id: ID of the input file, must be a .jsonl file uploaded with purpose="batch"
          endpoint: Request endpoint, currently only /v1/chat/completions is supported
          completion_window: Time window for task processing, supports formats like 12h, 1d, 3d, minimum 12h, maximum 7d
          metadata: Custom metadata, up to 16 key-value pairs, key max 64 chars, value max 512 chars
        """
        return cast(
            BatchObject,
            self._client.request(
                "post",
                "/v1/batches",
                json_body={
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                },
                response_type=BatchObject,
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

    def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Retrieve Batch

        Retrieve the status and details of a specific batch task.

        Args:
          batch_id: The ID of the batch task
        """
        return cast(
            BatchObject,
            self._client.request(
                "get",
                "/v1/batches/{batch_id}",
                path_params={
                    "batch_id": batch_id,
                },
                response_type=BatchObject,
                error_types={
                    "401": ErrorResponse,
                    "404": ErrorResponse,
                    "500": ErrorResponse,
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
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Cancel Batch

        Cancel an in-progress batch task. The status will change to cancelling and then to cancelled. Only tasks in validating, in_progress, or finalizing status can be cancelled.

        Args:
          batch_id: The ID of the batch task
        """
        return cast(
            BatchObject,
            self._client.request(
                "post",
                "/v1/batches/{batch_id}/cancel",
                path_params={
                    "batch_id": batch_id,
                },
                response_type=BatchObject,
                error_types={
                    "400": ErrorResponse,
                    "401": ErrorResponse,
                    "404": ErrorResponse,
                    "500": ErrorResponse,
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
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[BatchObject]:
        """List Batches

        List batch tasks for your organization.

        Args:
          after: Pagination cursor, pass the ID of the last batch from the previous page
          limit: Number of results per page, default 20
        """
        return cast(
            AsyncPaginator[BatchObject],
            self._client.paginate(
                "get",
                "/v1/batches",
                query={
                    "after": after,
                    "limit": limit,
                },
                response_type=BatchListResponse,
                error_types={
                    "401": ErrorResponse,
                    "500": ErrorResponse,
                },
                pagination=Pagination(
                    items="data",
                    cursor_param="after",
                    has_more="has_more",
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
        input_file_id: str,
        endpoint: Literal["/v1/chat/completions"] | str,
        completion_window: str,
        metadata: builtins.dict[str, str] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Create Batch

        Create a batch task. You need to first upload a JSONL file with purpose="batch" via the Files API, then use the returned file_id to create the task.

        Args:
          input_file_id: ID of the input file, must be a .jsonl file uploaded with purpose="batch"
          endpoint: Request endpoint, currently only /v1/chat/completions is supported
          completion_window: Time window for task processing, supports formats like 12h, 1d, 3d, minimum 12h, maximum 7d
          metadata: Custom metadata, up to 16 key-value pairs, key max 64 chars, value max 512 chars
        """
        return cast(
            BatchObject,
            await self._client.request(
                "post",
                "/v1/batches",
                json_body={
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                },
                response_type=BatchObject,
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

    async def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Retrieve Batch

        Retrieve the status and details of a specific batch task.

        Args:
          batch_id: The ID of the batch task
        """
        return cast(
            BatchObject,
            await self._client.request(
                "get",
                "/v1/batches/{batch_id}",
                path_params={
                    "batch_id": batch_id,
                },
                response_type=BatchObject,
                error_types={
                    "401": ErrorResponse,
                    "404": ErrorResponse,
                    "500": ErrorResponse,
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
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Cancel Batch

        Cancel an in-progress batch task. The status will change to cancelling and then to cancelled. Only tasks in validating, in_progress, or finalizing status can be cancelled.

        Args:
          batch_id: The ID of the batch task
        """
        return cast(
            BatchObject,
            await self._client.request(
                "post",
                "/v1/batches/{batch_id}/cancel",
                path_params={
                    "batch_id": batch_id,
                },
                response_type=BatchObject,
                error_types={
                    "400": ErrorResponse,
                    "401": ErrorResponse,
                    "404": ErrorResponse,
                    "500": ErrorResponse,
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
