"""`client.files`: GET /files, POST /files."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, cast

from .._runtime import (
    NOT_GIVEN,
    AsyncAPIClient,
    FileInput,
    NotGiven,
    SyncAPIClient,
    Timeout,
)
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
