"""Errors raised by the clients: one class per kind of failure, by HTTP status where there is one."""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "MissingFieldError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "SDKError",
    "UnprocessableEntityError",
    "WaitTimeoutError",
]


class SDKError(Exception):
    """Base class of every error this package raises."""


class MissingFieldError(SDKError, AttributeError):
    """A field the spec says the API always sends was left out of the response (a lenient
    parse keeps such a response): reading it raises this, naming the model and the field.

    An AttributeError too, so `getattr(model, name, default)` and `hasattr` still work.
    """

    def __init__(self, model: str, field: str) -> None:
        super().__init__(
            f"{model}.{field}: the API's response left out this field, which the spec"
            " says it always sends"
        )
        self.model = model
        self.field = field


class APIError(SDKError):
    """A request to the API failed."""

    message: str
    request: httpx.Request
    body: Any
    """The decoded error body: a model of the documented error schema, JSON, or text."""

    def __init__(
        self, message: str, request: httpx.Request, *, body: Any = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIStatusError(APIError):
    """The API answered with a 4xx or 5xx status."""

    response: httpx.Response
    status_code: int

    def __init__(self, message: str, *, response: httpx.Response, body: Any) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code

    @property
    def request_id(self) -> str | None:
        request_id: str | None = self.response.headers.get("x-request-id")
        return request_id


class BadRequestError(APIStatusError):
    """400"""


class AuthenticationError(APIStatusError):
    """401"""


class PermissionDeniedError(APIStatusError):
    """403"""


class NotFoundError(APIStatusError):
    """404"""


class ConflictError(APIStatusError):
    """409"""


class UnprocessableEntityError(APIStatusError):
    """422"""


class RateLimitError(APIStatusError):
    """429"""


class InternalServerError(APIStatusError):
    """5xx"""


class APIConnectionError(APIError):
    """The request did not get a response: DNS, connect, TLS or a dropped connection."""

    def __init__(
        self, request: httpx.Request, message: str = "Connection error."
    ) -> None:
        super().__init__(message, request)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(request, "Request timed out.")


class APIResponseValidationError(APIError):
    """A successful response whose body does not match the documented schema."""

    response: httpx.Response
    status_code: int

    def __init__(self, response: httpx.Response, body: Any, message: str) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class ResponseTooLargeError(APIError):
    """A response body, or one server-sent event, larger than the client reads: raise the
    client's `max_response_size` (None: no limit) if such responses are expected."""

    def __init__(self, request: httpx.Request, limit: int) -> None:
        super().__init__(f"The response is larger than {limit:,} bytes.", request)
        self.limit = limit


class WaitTimeoutError(SDKError):
    """A `wait(...)` did not see a terminal state before its deadline; `last` is the last
    state it saw (the resource as the API last returned it)."""

    def __init__(self, message: str, last: object = None) -> None:
        super().__init__(message)
        self.last = last


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def connection_error(
    request: httpx.Request, exc: httpx.TransportError
) -> APIConnectionError:
    """The package's error for a transport failure, before or during a response body."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request)
    return APIConnectionError(request, f"Connection error: {exc}")


def status_error_class(status_code: int) -> type[APIStatusError]:
    if status_code >= 500:
        return InternalServerError
    return STATUS_ERRORS.get(status_code, APIStatusError)
