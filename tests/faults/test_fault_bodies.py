"""Bodies that are not what the client hopes for: JSON that does not parse, a 200 that
breaks the schema, an HTML error page from a proxy, and each provider's own error
shapes (Moonshot's ErrorResponse, SiliconFlow's bare string, MKA1's gateway errors)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import mka1.models
import moonshot.models
import pytest
import siliconflow.models
from fault_harness import (
    BACKOFF_1,
    BACKOFF_2,
    OPS,
    VALID_BATCH,
    MakeClient,
    Op,
    assert_attempts,
    assert_delays,
    assert_no_connection_left_open,
)
from fault_server import (
    Action,
    FaultServer,
    html,
    reply,
    reply_json,
    truncated,
)

from tests.support import ALL_PROVIDERS, PROVIDERS, Provider

MOONSHOT, SILICONFLOW, MKA1 = (
    PROVIDERS["moonshot"],
    PROVIDERS["siliconflow"],
    PROVIDERS["mka1"],
)
BATCH_JSON = json.dumps(VALID_BATCH)
STRICT = [
    pytest.param({}, id="default"),
    pytest.param({"strict_response_validation": True}, id="strict"),
]


def by_turns(rows: list[Any]) -> list[Any]:
    """Pair each row with a provider, taking turns: for what all packages do alike."""
    return [
        pytest.param(row, provider, id=f"{row[0]}-{provider}")
        for row, provider in zip(rows, itertools.cycle(ALL_PROVIDERS), strict=False)
    ]


# --------------------------------------------------------------------------- 2xx bodies

INVALID_JSON = [
    # The whole message arrives (Content-Length matches), but its JSON is cut short:
    # the server's fault, not the connection's, so no retry.
    ("truncated-json", truncated(200, BATCH_JSON[: len(BATCH_JSON) // 2])),
    ("empty-body", truncated(200, "")),
    ("html-page", html(200, "<html><body>Welcome to nginx!</body></html>")),
]


@pytest.mark.parametrize(("row", "provider"), by_turns(INVALID_JSON))
@pytest.mark.parametrize("op", OPS, ids=str)
@pytest.mark.parametrize("strict", STRICT)
async def test_invalid_json_in_200_is_a_validation_error_without_retry(
    row: tuple[str, Action],
    provider: Provider,
    op: Op,
    strict: dict[str, bool],
    mode: str,
    server: FaultServer,
    make_client: MakeClient,
) -> None:
    server.script(row[1])
    client = make_client(provider, mode, **strict)

    with pytest.raises(provider.error("APIResponseValidationError")) as raised:
        await client.call(op)

    assert raised.value.status_code == 200  # type: ignore[attr-defined]
    assert_attempts(server, provider, op, 1)
    assert_delays(client.sleeps, [])
    await assert_no_connection_left_open(client, server)


SCHEMA_BREAKS: dict[str, dict[str, Any]] = {
    # Required object missing its value, an int that is a word, an unknown status.
    "moonshot": {
        "request_counts": None,
        "created_at": "yesterday",
        "status": "paused_by_operator",
    },
    # The contract's examples (request_counts null, unknown status) and a wrong type.
    "siliconflow": {
        "request_counts": None,
        "status": "paused_by_operator",
        "created_at": "yesterday",
        "errors": "none",
    },
    # A const that is not, an int that is a word.
    "mka1": {"object": "batches", "max_concurrency": "many"},
}


def broken_batch(provider: Provider) -> dict[str, Any]:
    return {**VALID_BATCH, **SCHEMA_BREAKS[provider.name]}


@pytest.mark.parametrize("provider", ALL_PROVIDERS, ids=str)
@pytest.mark.parametrize("op", OPS, ids=str)
async def test_schema_breaking_200_parses_leniently_by_default(
    provider: Provider,
    op: Op,
    mode: str,
    server: FaultServer,
    make_client: MakeClient,
) -> None:
    server.script(reply_json(200, broken_batch(provider)))
    client = make_client(provider, mode)

    result = await client.call(op)

    assert isinstance(result, provider.package.models.BatchObject)
    assert result.id == VALID_BATCH["id"]
    assert result.input_file_id == VALID_BATCH["input_file_id"]
    for name, value in SCHEMA_BREAKS[provider.name].items():
        assert getattr(result, name) == value, f"{name} not kept as received"
    assert_attempts(server, provider, op, 1)
    assert_delays(client.sleeps, [])
    await assert_no_connection_left_open(client, server)


@pytest.mark.parametrize("provider", ALL_PROVIDERS, ids=str)
@pytest.mark.parametrize("op", OPS, ids=str)
async def test_schema_breaking_200_raises_when_strict(
    provider: Provider,
    op: Op,
    mode: str,
    server: FaultServer,
    make_client: MakeClient,
) -> None:
    server.script(reply_json(200, broken_batch(provider)))
    client = make_client(provider, mode, strict_response_validation=True)

    with pytest.raises(provider.error("APIResponseValidationError")) as raised:
        await client.call(op)

    assert raised.value.status_code == 200  # type: ignore[attr-defined]
    assert_attempts(server, provider, op, 1)
    assert_delays(client.sleeps, [])
    await assert_no_connection_left_open(client, server)


@pytest.mark.parametrize("provider", ALL_PROVIDERS, ids=str)
async def test_strict_validation_accepts_a_valid_body(
    provider: Provider, mode: str, server: FaultServer, make_client: MakeClient
) -> None:
    server.script(reply_json(200, VALID_BATCH))
    client = make_client(provider, mode, strict_response_validation=True)

    result = await client.call(OPS[0])

    assert isinstance(result, provider.package.models.BatchObject)
    assert result.created_at == VALID_BATCH["created_at"]
    await assert_no_connection_left_open(client, server)


# ------------------------------------------------------------------------ error bodies

GATEWAY_TIMEOUT_PAGE = (
    "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n"
    "<center><h1>504 Gateway Time-out</h1></center>\r\n</body>\r\n</html>\r\n"
)


@pytest.mark.parametrize("provider", ALL_PROVIDERS, ids=str)
@pytest.mark.parametrize("op", OPS, ids=str)
async def test_html_504_page_is_retried_then_kept_as_text(
    provider: Provider,
    op: Op,
    mode: str,
    server: FaultServer,
    make_client: MakeClient,
) -> None:
    server.script(*[html(504, GATEWAY_TIMEOUT_PAGE)] * 3)
    client = make_client(provider, mode)

    with pytest.raises(provider.error("InternalServerError")) as raised:
        await client.call(op)

    error: Any = raised.value
    assert type(raised.value) is provider.error("InternalServerError")
    assert error.status_code == 504
    assert error.body == GATEWAY_TIMEOUT_PAGE
    assert "504 Gateway Time-out" in str(error)
    assert_attempts(server, provider, op, 3)
    assert_delays(client.sleeps, [BACKOFF_1, BACKOFF_2])
    await assert_no_connection_left_open(client, server)


@dataclass(frozen=True)
class ErrorShape:
    id: str
    provider: Provider
    reply: Action
    body: Callable[[Any], bool]
    """True for the decoded `.body` the error must carry."""
    message: str
    """Text the error's message must contain."""


UNAUTHORIZED = [
    ErrorShape(
        "moonshot-error-response",
        MOONSHOT,
        reply_json(
            401,
            {
                "error": {
                    "message": "Invalid Authentication",
                    "type": "invalid_authentication_error",
                }
            },
        ),
        lambda body: (
            isinstance(body, moonshot.models.ErrorResponse)
            and body.error.message == "Invalid Authentication"
            and body.error.type == "invalid_authentication_error"
        ),
        "Invalid Authentication",
    ),
    ErrorShape(
        "siliconflow-bare-json-string",
        SILICONFLOW,
        reply_json(401, "Invalid token"),
        lambda body: body == "Invalid token",
        "Invalid token",
    ),
    ErrorShape(
        "siliconflow-bare-text",
        SILICONFLOW,
        reply(401, "Invalid token"),
        lambda body: body == "Invalid token",
        "Invalid token",
    ),
    ErrorShape(
        "mka1-gateway-undocumented",
        MKA1,
        reply_json(401, {"message": "Unauthorized"}),
        lambda body: body == {"message": "Unauthorized"},
        "Unauthorized",
    ),
]


@pytest.mark.parametrize("shape", UNAUTHORIZED, ids=lambda shape: shape.id)
@pytest.mark.parametrize("op", OPS, ids=str)
async def test_401_is_an_authentication_error_without_retry(
    shape: ErrorShape,
    op: Op,
    mode: str,
    server: FaultServer,
    make_client: MakeClient,
) -> None:
    provider = shape.provider
    server.script(shape.reply)
    client = make_client(provider, mode)

    with pytest.raises(provider.error("AuthenticationError")) as raised:
        await client.call(op)

    error: Any = raised.value
    assert error.status_code == 401
    assert shape.body(error.body), f"unexpected body {error.body!r}"
    assert shape.message in str(error)
    assert_attempts(server, provider, op, 1)
    assert_delays(client.sleeps, [])
    await assert_no_connection_left_open(client, server)


RATE_LIMITED = [
    ErrorShape(
        "moonshot-undocumented-429",
        MOONSHOT,
        reply_json(
            429,
            {
                "error": {
                    "message": "Your account reached max request",
                    "type": "rate_limit_reached_error",
                }
            },
            headers={"Retry-After": "1"},
        ),
        lambda body: body["error"]["type"] == "rate_limit_reached_error",
        "Your account reached max request",
    ),
    ErrorShape(
        "siliconflow-rate-limit-model",
        SILICONFLOW,
        reply_json(
            429,
            {"message": "Request was rejected due to rate limiting.", "data": None},
            headers={"Retry-After": "1"},
        ),
        lambda body: (
            isinstance(body, siliconflow.models.RateLimitErrorModel)
            and body.message == "Request was rejected due to rate limiting."
        ),
        "rejected due to rate limiting",
    ),
    ErrorShape(
        "mka1-gateway-rate-limit",
        MKA1,
        reply_json(429, {"error": "Rate limit exceeded"}, headers={"Retry-After": "1"}),
        lambda body: (
            isinstance(body, mka1.models.GatewayRateLimitError)
            and body.error == "Rate limit exceeded"
        ),
        "Rate limit exceeded",
    ),
]


@pytest.mark.parametrize("shape", RATE_LIMITED, ids=lambda shape: shape.id)
@pytest.mark.parametrize("op", OPS, ids=str)
async def test_429_exhausting_retries_keeps_the_providers_body(
    shape: ErrorShape,
    op: Op,
    mode: str,
    server: FaultServer,
    make_client: MakeClient,
) -> None:
    provider = shape.provider
    server.script(*[shape.reply] * 3)
    client = make_client(provider, mode)

    with pytest.raises(provider.error("RateLimitError")) as raised:
        await client.call(op)

    error: Any = raised.value
    assert error.status_code == 429
    assert shape.body(error.body), f"unexpected body {error.body!r}"
    assert shape.message in str(error)
    assert_attempts(server, provider, op, 3)
    assert_delays(client.sleeps, [1.0, 1.0])
    await assert_no_connection_left_open(client, server)


SERVER_ERRORS = [
    ErrorShape(
        "moonshot-500-error-response",
        MOONSHOT,
        reply_json(
            500,
            {"error": {"message": "engine overloaded", "type": "engine_error"}},
        ),
        lambda body: (
            isinstance(body, moonshot.models.ErrorResponse)
            and body.error.message == "engine overloaded"
        ),
        "engine overloaded",
    ),
    ErrorShape(
        "siliconflow-503-error-body",
        SILICONFLOW,
        reply_json(
            503,
            {
                "code": 50505,
                "message": "Model service overloaded. Please try again later.",
                "data": None,
            },
        ),
        lambda body: (
            isinstance(body, siliconflow.models.ErrorBody) and body.code == 50505
        ),
        "Model service overloaded",
    ),
    ErrorShape(
        "mka1-502-undocumented",
        MKA1,
        reply_json(502, {"message": "An invalid response was received from upstream"}),
        lambda body: (
            body == {"message": "An invalid response was received from upstream"}
        ),
        "invalid response was received from upstream",
    ),
]


@pytest.mark.parametrize("shape", SERVER_ERRORS, ids=lambda shape: shape.id)
@pytest.mark.parametrize("op", OPS, ids=str)
async def test_5xx_exhausting_retries_keeps_the_providers_body(
    shape: ErrorShape,
    op: Op,
    mode: str,
    server: FaultServer,
    make_client: MakeClient,
) -> None:
    provider = shape.provider
    server.script(*[shape.reply] * 3)
    client = make_client(provider, mode)

    with pytest.raises(provider.error("InternalServerError")) as raised:
        await client.call(op)

    error: Any = raised.value
    assert shape.body(error.body), f"unexpected body {error.body!r}"
    assert shape.message in str(error)
    assert_attempts(server, provider, op, 3)
    assert_delays(client.sleeps, [BACKOFF_1, BACKOFF_2])
    await assert_no_connection_left_open(client, server)
