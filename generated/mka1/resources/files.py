"""`client.files`: 5 operations."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Literal, cast

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._files import FileInput
from .._pagination import AsyncPaginator, Pagination, SyncPage
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, NotGiven, Timeout
from ..models import (
    File,
    FileContentError,
    FileDeletionStatus,
    FileList,
    FilePurpose,
    GatewayRateLimitError,
)

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
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        order: Literal["asc", "desc"] | str | NotGiven = NOT_GIVEN,
        purpose: FilePurpose | NotGiven = NOT_GIVEN,
        sha256: str | NotGiven = NOT_GIVEN,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPage[File]:
        """List files

        Returns a list of files that have been uploaded.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            SyncPage[File],
            self._client.request(
                "get",
                "/api/v1/llm/files",
                query={
                    "after": after,
                    "limit": limit,
                    "order": order,
                    "purpose": purpose,
                    "sha256": sha256,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=FileList,
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
        file: FileInput,
        purpose: FilePurpose,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> File:
        """Upload file

        Upload a file that can be used with Assistants, Vector Stores, and other features. Files are uploaded to S3 for durable storage.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
          file: The file to upload. Multipart file parts must include a nonblank filename; the lowercase WHATWG placeholder filename "blob" is treated as missing.
        """
        return cast(
            File,
            self._client.request(
                "post",
                "/api/v1/llm/files",
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                files={
                    "file": file,
                },
                form={
                    "purpose": purpose,
                },
                response_type=File,
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
        file_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> File:
        """Retrieve file

        Returns information about a specific file.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            File,
            self._client.request(
                "get",
                "/api/v1/llm/files/{file_id}",
                path_params={
                    "file_id": file_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=File,
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

    def delete(
        self,
        file_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FileDeletionStatus:
        """Delete file

        Delete a file from storage. The file is first removed from every vector store it is attached to, embeddings included, so it no longer appears in vector store search or `file_search` results. If that cannot finish, the file is kept and the request fails; retrying completes the deletion. Returns 400 `feature_unavailable` when the file is attached to a vector store while the search service is unavailable, and 409 when the file was added to a vector store during the deletion.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            FileDeletionStatus,
            self._client.request(
                "delete",
                "/api/v1/llm/files/{file_id}",
                path_params={
                    "file_id": file_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=FileDeletionStatus,
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

    def content(
        self,
        file_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Retrieve file content

        Returns the raw binary contents of the specified file with appropriate Content-Type header. Batch output and error files are JSONL.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            bytes,
            self._client.request(
                "get",
                "/api/v1/llm/files/{file_id}/content",
                path_params={
                    "file_id": file_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                accept="application/octet-stream, application/jsonl, application/x-ndjson, text/plain",
                response_type=bytes,
                error_types={
                    "400": FileContentError,
                    "401": FileContentError,
                    "404": FileContentError,
                    "429": GatewayRateLimitError,
                    "500": FileContentError,
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

    def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        order: Literal["asc", "desc"] | str | NotGiven = NOT_GIVEN,
        purpose: FilePurpose | NotGiven = NOT_GIVEN,
        sha256: str | NotGiven = NOT_GIVEN,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[File]:
        """List files

        Returns a list of files that have been uploaded.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            AsyncPaginator[File],
            self._client.paginate(
                "get",
                "/api/v1/llm/files",
                query={
                    "after": after,
                    "limit": limit,
                    "order": order,
                    "purpose": purpose,
                    "sha256": sha256,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=FileList,
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
        file: FileInput,
        purpose: FilePurpose,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> File:
        """Upload file

        Upload a file that can be used with Assistants, Vector Stores, and other features. Files are uploaded to S3 for durable storage.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
          file: The file to upload. Multipart file parts must include a nonblank filename; the lowercase WHATWG placeholder filename "blob" is treated as missing.
        """
        return cast(
            File,
            await self._client.request(
                "post",
                "/api/v1/llm/files",
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                files={
                    "file": file,
                },
                form={
                    "purpose": purpose,
                },
                response_type=File,
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
        file_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> File:
        """Retrieve file

        Returns information about a specific file.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            File,
            await self._client.request(
                "get",
                "/api/v1/llm/files/{file_id}",
                path_params={
                    "file_id": file_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=File,
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

    async def delete(
        self,
        file_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> FileDeletionStatus:
        """Delete file

        Delete a file from storage. The file is first removed from every vector store it is attached to, embeddings included, so it no longer appears in vector store search or `file_search` results. If that cannot finish, the file is kept and the request fails; retrying completes the deletion. Returns 400 `feature_unavailable` when the file is attached to a vector store while the search service is unavailable, and 409 when the file was added to a vector store during the deletion.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            FileDeletionStatus,
            await self._client.request(
                "delete",
                "/api/v1/llm/files/{file_id}",
                path_params={
                    "file_id": file_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=FileDeletionStatus,
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

    async def content(
        self,
        file_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Retrieve file content

        Returns the raw binary contents of the specified file with appropriate Content-Type header. Batch output and error files are JSONL.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            bytes,
            await self._client.request(
                "get",
                "/api/v1/llm/files/{file_id}/content",
                path_params={
                    "file_id": file_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                accept="application/octet-stream, application/jsonl, application/x-ndjson, text/plain",
                response_type=bytes,
                error_types={
                    "400": FileContentError,
                    "401": FileContentError,
                    "404": FileContentError,
                    "429": GatewayRateLimitError,
                    "500": FileContentError,
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
