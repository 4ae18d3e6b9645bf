"""`client.files`: 5 operations."""

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
from ..models import ErrorResponse, FileDeleteResponse, FileListResponse, FileObject

__all__ = ["AsyncFiles", "Files"]


class Files:
    """Operations on files: list, create, retrieve, delete, content."""

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
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FileListResponse:
        """List Files

        Lists all files uploaded by the current user.
        """
        return cast(
            FileListResponse,
            self._client.request(
                "get",
                "/v1/files",
                response_type=FileListResponse,
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
        file: FileInput,
        purpose: Literal["file-extract", "image", "video", "batch"] | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FileObject:
        """Upload File

        Uploads a file for extraction, image understanding, or video understanding.

        Args:
          file: The file to upload
          purpose: Specifies how the uploaded file will be processed. file-extract: extract file contents; image: upload images for vision understanding; video: upload videos for video understanding; batch: upload JSONL files for batch processing
        """
        return cast(
            FileObject,
            self._client.request(
                "post",
                "/v1/files",
                files={
                    "file": file,
                },
                form={
                    "purpose": purpose,
                },
                response_type=FileObject,
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
        file_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FileObject:
        """Get File Information

        Retrieves metadata for a specific uploaded file.

        Args:
          file_id: The file identifier
        """
        return cast(
            FileObject,
            self._client.request(
                "get",
                "/v1/files/{file_id}",
                path_params={
                    "file_id": file_id,
                },
                response_type=FileObject,
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

    def delete(
        self,
        file_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FileDeleteResponse:
        """Delete File

        Deletes a previously uploaded file.

        Args:
          file_id: The file identifier
        """
        return cast(
            FileDeleteResponse,
            self._client.request(
                "delete",
                "/v1/files/{file_id}",
                path_params={
                    "file_id": file_id,
                },
                response_type=FileDeleteResponse,
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

    def content(
        self,
        file_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Get File Content

        Retrieves extracted text content for files uploaded with purpose `file-extract`.

        Args:
          file_id: The file identifier
        """
        return cast(
            bytes,
            self._client.request(
                "get",
                "/v1/files/{file_id}/content",
                path_params={
                    "file_id": file_id,
                },
                accept="text/plain",
                response_type=bytes,
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


class AsyncFiles:
    """Operations on files: list, create, retrieve, delete, content."""

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
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FileListResponse:
        """List Files

        Lists all files uploaded by the current user.
        """
        return cast(
            FileListResponse,
            await self._client.request(
                "get",
                "/v1/files",
                response_type=FileListResponse,
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
        file: FileInput,
        purpose: Literal["file-extract", "image", "video", "batch"] | str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FileObject:
        """Upload File

        Uploads a file for extraction, image understanding, or video understanding.

        Args:
          file: The file to upload
          purpose: Specifies how the uploaded file will be processed. file-extract: extract file contents; image: upload images for vision understanding; video: upload videos for video understanding; batch: upload JSONL files for batch processing
        """
        return cast(
            FileObject,
            await self._client.request(
                "post",
                "/v1/files",
                files={
                    "file": file,
                },
                form={
                    "purpose": purpose,
                },
                response_type=FileObject,
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
        file_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FileObject:
        """Get File Information

        Retrieves metadata for a specific uploaded file.

        Args:
          file_id: The file identifier
        """
        return cast(
            FileObject,
            await self._client.request(
                "get",
                "/v1/files/{file_id}",
                path_params={
                    "file_id": file_id,
                },
                response_type=FileObject,
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

    async def delete(
        self,
        file_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FileDeleteResponse:
        """Delete File

        Deletes a previously uploaded file.

        Args:
          file_id: The file identifier
        """
        return cast(
            FileDeleteResponse,
            await self._client.request(
                "delete",
                "/v1/files/{file_id}",
                path_params={
                    "file_id": file_id,
                },
                response_type=FileDeleteResponse,
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

    async def content(
        self,
        file_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Get File Content

        Retrieves extracted text content for files uploaded with purpose `file-extract`.

        Args:
          file_id: The file identifier
        """
        return cast(
            bytes,
            await self._client.request(
                "get",
                "/v1/files/{file_id}/content",
                path_params={
                    "file_id": file_id,
                },
                accept="text/plain",
                response_type=bytes,
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


class FilesWithRawResponse:
    def __init__(self, resource: Files) -> None:
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.delete = to_raw_response_wrapper(resource.delete)
        self.content = to_raw_response_wrapper(resource.content)


class AsyncFilesWithRawResponse:
    def __init__(self, resource: AsyncFiles) -> None:
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.delete = async_to_raw_response_wrapper(resource.delete)
        self.content = async_to_raw_response_wrapper(resource.content)


class FilesWithStreamingResponse:
    def __init__(self, resource: Files) -> None:
        self.list = to_streamed_response_wrapper(resource.list)
        self.create = to_streamed_response_wrapper(resource.create)
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.delete = to_streamed_response_wrapper(resource.delete)
        self.content = to_streamed_response_wrapper(resource.content)


class AsyncFilesWithStreamingResponse:
    def __init__(self, resource: AsyncFiles) -> None:
        self.list = async_to_streamed_response_wrapper(resource.list)
        self.create = async_to_streamed_response_wrapper(resource.create)
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.delete = async_to_streamed_response_wrapper(resource.delete)
        self.content = async_to_streamed_response_wrapper(resource.content)
