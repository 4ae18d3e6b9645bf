"""`client.files`: GET /files, POST /files."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Literal, cast

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._files import FileInput
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, NotGiven, Timeout
from ..models import (
    ErrorBody,
    FileListResponse,
    RateLimitErrorModel,
    StringError,
    UploadFileResponse,
)

__all__ = ["AsyncFiles", "Files"]


class Files:
    """Operations on files: list, create."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> FilesWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return FilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> FilesWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return FilesWithStreamingResponse(self)

    def list(
        self,
        *,
        purpose: Literal["batch"] | str,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FileListResponse:
        """Returns a list of files.

        Args:
          purpose: Filter files by their purpose
          limit: Maximum number of files to return (default 10)
        """
        return cast(
            FileListResponse,
            self._client.request(
                "get",
                "/files",
                query={
                    "purpose": purpose,
                    "limit": limit,
                },
                response_type=FileListResponse,
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
        purpose: Literal["batch"] | str,
        file: FileInput,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> UploadFileResponse:
        """Upload Files

        Upload files

        Args:
          file: File to upload
        """
        return cast(
            UploadFileResponse,
            self._client.request(
                "post",
                "/files",
                files={
                    "file": file,
                },
                form={
                    "purpose": purpose,
                },
                response_type=UploadFileResponse,
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


class AsyncFiles:
    """Operations on files: list, create."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return AsyncFilesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncFilesWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return AsyncFilesWithStreamingResponse(self)

    async def list(
        self,
        *,
        purpose: Literal["batch"] | str,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FileListResponse:
        """Returns a list of files.

        Args:
          purpose: Filter files by their purpose
          limit: Maximum number of files to return (default 10)
        """
        return cast(
            FileListResponse,
            await self._client.request(
                "get",
                "/files",
                query={
                    "purpose": purpose,
                    "limit": limit,
                },
                response_type=FileListResponse,
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
        purpose: Literal["batch"] | str,
        file: FileInput,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> UploadFileResponse:
        """Upload Files

        Upload files

        Args:
          file: File to upload
        """
        return cast(
            UploadFileResponse,
            await self._client.request(
                "post",
                "/files",
                files={
                    "file": file,
                },
                form={
                    "purpose": purpose,
                },
                response_type=UploadFileResponse,
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


class FilesWithRawResponse:
    def __init__(self, resource: Files) -> None:
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)


class AsyncFilesWithRawResponse:
    def __init__(self, resource: AsyncFiles) -> None:
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)


class FilesWithStreamingResponse:
    def __init__(self, resource: Files) -> None:
        self.list = to_streamed_response_wrapper(resource.list)
        self.create = to_streamed_response_wrapper(resource.create)


class AsyncFilesWithStreamingResponse:
    def __init__(self, resource: AsyncFiles) -> None:
        self.list = async_to_streamed_response_wrapper(resource.list)
        self.create = async_to_streamed_response_wrapper(resource.create)
