"""`client.batches`: 4 operations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from .._runtime import (
    NOT_GIVEN,
    AsyncAPIClient,
    NotGiven,
    SyncAPIClient,
    Timeout,
)
from ..models import (
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
    ) -> BatchListResponse:
        """List your organization's batches.

        Args:
          limit: A limit on the number of objects to be returned.
          after: A cursor for use in pagination. after is an object ID that defines your place in the list. For instance, if you make a list request and receive 100 objects, ending with obj_foo, your subsequent call can include after=obj_foo in order to fetch the next page of the list.
        """
        return cast(
            BatchListResponse,
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


class AsyncBatches:
    """Operations on batches: list, create, retrieve, cancel."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        after: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchListResponse:
        """List your organization's batches.

        Args:
          limit: A limit on the number of objects to be returned.
          after: A cursor for use in pagination. after is an object ID that defines your place in the list. For instance, if you make a list request and receive 100 objects, ending with obj_foo, your subsequent call can include after=obj_foo in order to fetch the next page of the list.
        """
        return cast(
            BatchListResponse,
            await self._client.request(
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
