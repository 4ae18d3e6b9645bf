"""Faults below HTTP: a connection reset in the middle of the body, a body shorter than
its Content-Length, a connection closed without an answer, a read that stalls past the
timeout. They are retried like a 5xx and, when the retries run out, end in
APIConnectionError (APITimeoutError for the stall)."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass

import httpx
import pytest
from fault_harness import (
    BACKOFF_1,
    BACKOFF_2,
    CREATE,
    OPS,
    RETRIEVE,
    VALID_BATCH,
    Delay,
    MakeClient,
    Op,
    assert_attempts,
    assert_delays,
    assert_no_connection_left_open,
)
from fault_server import (
    Action,
    FaultServer,
    close_without_response,
    reply_json,
    reset_mid_body,
    stall,
    truncated,
)

from tests.support import ALL_PROVIDERS, PROVIDERS, Provider

STALL_TIMEOUT = httpx.Timeout(0.3)
"""Read timeout of the stall cases; the server stalls far longer (until the client
gives up and closes)."""

BATCH_JSON = json.dumps(VALID_BATCH)


def ok() -> Action:
    return reply_json(200, VALID_BATCH)


def short_body(status: int = 200) -> Action:
    """Half of the JSON body, a Content-Length for all of it, then the end of the
    connection: a protocol error, not a response with invalid JSON."""
    half = BATCH_JSON[: len(BATCH_JSON) // 2]
    return truncated(status, half, content_length=len(BATCH_JSON))


@dataclass(frozen=True)
class Case:
    id: str
    script: list[Action]
    error: str | None
    """Name of the error class the call raises (exactly), None when it succeeds."""
    attempts: int
    delays: list[Delay]


CASES = [
    Case(
        "reset-mid-body-exhausts-retries",
        [reset_mid_body()] * 3,
        "APIConnectionError",
        3,
        [BACKOFF_1, BACKOFF_2],
    ),
    Case("reset-mid-body-then-200", [reset_mid_body(), ok()], None, 2, [BACKOFF_1]),
    Case(
        "reset-mid-error-body-exhausts-retries",
        [reset_mid_body(503)] * 3,
        "APIConnectionError",
        3,
        [BACKOFF_1, BACKOFF_2],
    ),
    Case(
        "body-shorter-than-content-length-exhausts-retries",
        [short_body()] * 3,
        "APIConnectionError",
        3,
        [BACKOFF_1, BACKOFF_2],
    ),
    Case(
        "body-shorter-than-content-length-then-200",
        [short_body(), ok()],
        None,
        2,
        [BACKOFF_1],
    ),
    Case(
        "error-body-shorter-than-content-length-exhausts-retries",
        [short_body(500)] * 3,
        "APIConnectionError",
        3,
        [BACKOFF_1, BACKOFF_2],
    ),
    Case(
        "closed-without-response-exhausts-retries",
        [close_without_response()] * 3,
        "APIConnectionError",
        3,
        [BACKOFF_1, BACKOFF_2],
    ),
    Case(
        "closed-without-response-then-200",
        [close_without_response(), ok()],
        None,
        2,
        [BACKOFF_1],
    ),
]

# The same template code in every package: the cases take turns among the providers.
CASE_PARAMS = [
    pytest.param(case, provider, id=f"{case.id}-{provider}")
    for case, provider in zip(CASES, itertools.cycle(ALL_PROVIDERS), strict=False)
]


@pytest.mark.parametrize(("case", "provider"), CASE_PARAMS)
@pytest.mark.parametrize("op", OPS, ids=str)
async def test_transport_fault(
    case: Case,
    op: Op,
    provider: Provider,
    mode: str,
    server: FaultServer,
    make_client: MakeClient,
) -> None:
    server.script(*case.script)
    client = make_client(provider, mode)

    if case.error is None:
        result = await client.call(op)
        assert isinstance(result, provider.package.models.BatchObject)
        assert result.id == VALID_BATCH["id"]
    else:
        with pytest.raises(provider.error(case.error)) as raised:
            await client.call(op)
        # Exactly the connection error: not a timeout, not a status error.
        assert type(raised.value) is provider.error(case.error)

    assert_attempts(server, provider, op, case.attempts)
    assert_delays(client.sleeps, case.delays)
    await assert_no_connection_left_open(client, server)


# 3 x 0.3 s of real waiting per run: one provider is enough.
@pytest.mark.parametrize("provider", [PROVIDERS["moonshot"]], ids=str)
async def test_stall_past_read_timeout_exhausts_retries(
    provider: Provider, mode: str, server: FaultServer, make_client: MakeClient
) -> None:
    server.script(stall(), stall(), stall())
    client = make_client(provider, mode, timeout=STALL_TIMEOUT)

    with pytest.raises(provider.error("APITimeoutError")):
        await client.call(CREATE)

    assert_attempts(server, provider, CREATE, 3)
    assert_delays(client.sleeps, [BACKOFF_1, BACKOFF_2])
    await assert_no_connection_left_open(client, server)


@pytest.mark.parametrize("provider", ALL_PROVIDERS, ids=str)
async def test_stall_then_200_with_per_call_timeout(
    provider: Provider, mode: str, server: FaultServer, make_client: MakeClient
) -> None:
    """The client's timeout is long; the call's own timeout= cuts the stall short."""
    server.script(stall(), ok())
    client = make_client(provider, mode)

    result = await client.call(RETRIEVE, timeout=STALL_TIMEOUT)

    assert result.id == VALID_BATCH["id"]
    assert_attempts(server, provider, RETRIEVE, 2)
    assert_delays(client.sleeps, [BACKOFF_1])
    await assert_no_connection_left_open(client, server)
