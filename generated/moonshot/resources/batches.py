"""`client.batches`: 4 operations."""

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
from ..models import BatchListResponse, BatchObject, ErrorResponse

__all__ = ["AsyncBatches", "Batches"]


class Batches:
    """Operations on batches: list, create, retrieve, cancel."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

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
    ) -> BatchListResponse:
        """List Batches

        List batch tasks for your organization.

        Args:
          after: Pagination cursor, pass the ID of the last batch from the previous page
          limit: Number of results per page, default 20
        """
        return cast(
            BatchListResponse,
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


class AsyncBatches:
    """Operations on batches: list, create, retrieve, cancel."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchListResponse:
        """List Batches

        List batch tasks for your organization.

        Args:
          after: Pagination cursor, pass the ID of the last batch from the previous page
          limit: Number of results per page, default 20
        """
        return cast(
            BatchListResponse,
            await self._client.request(
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
