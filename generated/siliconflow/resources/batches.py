"""`client.batches`: 4 operations."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import cast

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
    BatchListItem,
    BatchListResponse,
    BatchMetadata,
    BatchObject,
    BatchReplace,
    ErrorBody,
    RateLimitErrorModel,
    StringError,
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
        limit: int | NotGiven = NOT_GIVEN,
        after: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPage[BatchListItem]:
        """List your organization's batches.

        Args:
          limit: A limit on the number of objects to be returned.
          after: A cursor for use in pagination. after is an object ID that defines your place in the list. For instance, if you make a list request and receive 100 objects, ending with obj_foo, your subsequent call can include after=obj_foo in order to fetch the next page of the list.
        """
        return cast(
            SyncPage[BatchListItem],
            self._client.request(
                "get",
                "/batches",
                query={
                    "limit": limit,
                    "after": after,
                },
                response_type=BatchListResponse,
                error_types={
                    "400": ErrorBody,
                    "401": StringError,
                    "403": StringError,
                    "404": StringError,
                    "429": RateLimitErrorModel,
                    "503": ErrorBody,
                    "504": StringError,
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
        input_file_id: str,
        endpoint: str,
        completion_window: str,
        metadata: BatchMetadata | NotGiven = NOT_GIVEN,
        replace: BatchReplace | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Upload Files

        create a batch

        Args:
          input_file_id: The ID of an uploaded file that contains requests for the new batch.
          endpoint: The endpoint to be used for all requests in the batch. Currently /v1/chat/completions is supported.
          completion_window: The time frame within which the batch should be processed. The maximum value is 24 hours, and the minimum value is 336 hours.
        """
        return cast(
            BatchObject,
            self._client.request(
                "post",
                "/batches",
                json_body={
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                    "replace": replace,
                },
                response_type=BatchObject,
                error_types={
                    "400": ErrorBody,
                    "401": StringError,
                    "403": StringError,
                    "404": StringError,
                    "429": RateLimitErrorModel,
                    "503": ErrorBody,
                    "504": StringError,
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
        """Retrieves a batch.

        Args:
          batch_id: The ID of the batch to retrieve.
        """
        return cast(
            BatchObject,
            self._client.request(
                "get",
                "/batches/{batch_id}",
                path_params={
                    "batch_id": batch_id,
                },
                response_type=BatchObject,
                error_types={
                    "400": ErrorBody,
                    "401": StringError,
                    "403": StringError,
                    "404": StringError,
                    "429": RateLimitErrorModel,
                    "503": ErrorBody,
                    "504": StringError,
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
        """Cancel a Batch

        This endpoint cancels a batch identified by its unique ID.

        Args:
          batch_id: Unique identifier of the batch to cancel
        """
        return cast(
            BatchObject,
            self._client.request(
                "post",
                "/batches/{batch_id}/cancel",
                path_params={
                    "batch_id": batch_id,
                },
                response_type=BatchObject,
                error_types={
                    "400": ErrorBody,
                    "401": StringError,
                    "403": StringError,
                    "404": StringError,
                    "429": RateLimitErrorModel,
                    "503": ErrorBody,
                    "504": StringError,
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
        limit: int | NotGiven = NOT_GIVEN,
        after: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[BatchListItem]:
        """List your organization's batches.

        Args:
          limit: A limit on the number of objects to be returned.
          after: A cursor for use in pagination. after is an object ID that defines your place in the list. For instance, if you make a list request and receive 100 objects, ending with obj_foo, your subsequent call can include after=obj_foo in order to fetch the next page of the list.
        """
        return cast(
            AsyncPaginator[BatchListItem],
            self._client.paginate(
                "get",
                "/batches",
                query={
                    "limit": limit,
                    "after": after,
                },
                response_type=BatchListResponse,
                error_types={
                    "400": ErrorBody,
                    "401": StringError,
                    "403": StringError,
                    "404": StringError,
                    "429": RateLimitErrorModel,
                    "503": ErrorBody,
                    "504": StringError,
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
        input_file_id: str,
        endpoint: str,
        completion_window: str,
        metadata: BatchMetadata | NotGiven = NOT_GIVEN,
        replace: BatchReplace | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Upload Files

        create a batch

        Args:
          input_file_id: The ID of an uploaded file that contains requests for the new batch.
          endpoint: The endpoint to be used for all requests in the batch. Currently /v1/chat/completions is supported.
          completion_window: The time frame within which the batch should be processed. The maximum value is 24 hours, and the minimum value is 336 hours.
        """
        return cast(
            BatchObject,
            await self._client.request(
                "post",
                "/batches",
                json_body={
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                    "replace": replace,
                },
                response_type=BatchObject,
                error_types={
                    "400": ErrorBody,
                    "401": StringError,
                    "403": StringError,
                    "404": StringError,
                    "429": RateLimitErrorModel,
                    "503": ErrorBody,
                    "504": StringError,
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
        """Retrieves a batch.

        Args:
          batch_id: The ID of the batch to retrieve.
        """
        return cast(
            BatchObject,
            await self._client.request(
                "get",
                "/batches/{batch_id}",
                path_params={
                    "batch_id": batch_id,
                },
                response_type=BatchObject,
                error_types={
                    "400": ErrorBody,
                    "401": StringError,
                    "403": StringError,
                    "404": StringError,
                    "429": RateLimitErrorModel,
                    "503": ErrorBody,
                    "504": StringError,
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
        """Cancel a Batch

        This endpoint cancels a batch identified by its unique ID.

        Args:
          batch_id: Unique identifier of the batch to cancel
        """
        return cast(
            BatchObject,
            await self._client.request(
                "post",
                "/batches/{batch_id}/cancel",
                path_params={
                    "batch_id": batch_id,
                },
                response_type=BatchObject,
                error_types={
                    "400": ErrorBody,
                    "401": StringError,
                    "403": StringError,
                    "404": StringError,
                    "429": RateLimitErrorModel,
                    "503": ErrorBody,
                    "504": StringError,
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
