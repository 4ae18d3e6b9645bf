"""Retries driven by the status and headers of real HTTP responses: how many attempts,
which delays are asked of the (fake) sleep, one Idempotency-Key for all of them, and no
connection left open. Every case runs sync and async, for a POST and a GET."""

from __future__ import annotations

import email.utils
import importlib
import itertools
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from fault_harness import (
    BACKOFF_1,
    BACKOFF_2,
    BACKOFF_3,
    CANCEL,
    CREATE,
    OPS,
    VALID_BATCH,
    Delay,
    MakeClient,
    Op,
    assert_attempts,
    assert_delays,
    assert_no_connection_left_open,
)
from fault_server import Action, FaultServer, reply_json

from tests.support import ALL_PROVIDERS, Provider


def ok() -> Action:
    return reply_json(200, VALID_BATCH)


def failing(status: int, **headers: str) -> Action:
    body = {"error": {"message": f"scripted {status}", "type": "scripted_error"}}
    return reply_json(status, body, headers=headers)


@dataclass(frozen=True)
class Case:
    id: str
    script: list[Action]
    error: str | None
    """Name of the error class the call raises (exactly), None when it succeeds."""
    attempts: int
    delays: list[Delay]
    client_kwargs: dict[str, Any] = field(default_factory=dict)
    call_kwargs: dict[str, Any] = field(default_factory=dict)


CASES = [
    Case(
        "429-retry-after-2s-then-200",
        [failing(429, **{"Retry-After": "2"}), ok()],
        None,
        2,
        [2.0],
    ),
    Case(
        "429-retry-after-ms-150-then-200",
        [failing(429, **{"retry-after-ms": "150"}), ok()],
        None,
        2,
        [0.15],
    ),
    Case(
        "retry-after-ms-wins-over-retry-after",
        [failing(429, **{"retry-after-ms": "150", "Retry-After": "2"}), ok()],
        None,
        2,
        [0.15],
    ),
    Case(
        "retry-after-0-retries-at-once",
        [failing(429, **{"Retry-After": "0"}), ok()],
        None,
        2,
        [0.0],
    ),
    Case(
        "retry-after-above-60s-falls-back-to-backoff",
        [failing(429, **{"Retry-After": "120"}), ok()],
        None,
        2,
        [BACKOFF_1],
    ),
    Case(
        "negative-retry-after-falls-back-to-backoff",
        [failing(503, **{"Retry-After": "-3"}), ok()],
        None,
        2,
        [BACKOFF_1],
    ),
    Case(
        "unparseable-retry-after-falls-back-to-backoff",
        [failing(503, **{"Retry-After": "soon"}), ok()],
        None,
        2,
        [BACKOFF_1],
    ),
    Case(
        "429-retry-after-1s-exhausts-retries",
        [failing(429, **{"Retry-After": "1"})] * 3,
        "RateLimitError",
        3,
        [1.0, 1.0],
    ),
    Case("500-then-200", [failing(500), ok()], None, 2, [BACKOFF_1]),
    Case(
        "500-500-then-200",
        [failing(500), failing(502), ok()],
        None,
        3,
        [BACKOFF_1, BACKOFF_2],
    ),
    Case(
        "503-exhausts-default-2-retries",
        [failing(503)] * 3,
        "InternalServerError",
        3,
        [BACKOFF_1, BACKOFF_2],
    ),
    Case("408-then-200", [failing(408), ok()], None, 2, [BACKOFF_1]),
    Case("409-then-200", [failing(409), ok()], None, 2, [BACKOFF_1]),
    Case(
        "x-should-retry-false-stops-a-503",
        [failing(503, **{"x-should-retry": "false"})],
        "InternalServerError",
        1,
        [],
    ),
    Case(
        "x-should-retry-true-retries-a-400",
        [failing(400, **{"x-should-retry": "true"}), ok()],
        None,
        2,
        [BACKOFF_1],
    ),
    Case("400-is-not-retried", [failing(400)], "BadRequestError", 1, []),
    Case("404-is-not-retried", [failing(404)], "NotFoundError", 1, []),
    Case(
        "client-max-retries-0",
        [failing(503)],
        "InternalServerError",
        1,
        [],
        client_kwargs={"max_retries": 0},
    ),
    Case(
        "client-max-retries-3",
        [failing(503)] * 4,
        "InternalServerError",
        4,
        [BACKOFF_1, BACKOFF_2, BACKOFF_3],
        client_kwargs={"max_retries": 3},
    ),
    Case(
        "per-call-max-retries-1",
        [failing(503)] * 2,
        "InternalServerError",
        2,
        [BACKOFF_1],
        call_kwargs={"max_retries": 1},
    ),
    Case(
        "per-call-max-retries-overrides-client",
        [failing(503), ok()],
        None,
        2,
        [BACKOFF_1],
        client_kwargs={"max_retries": 0},
        call_kwargs={"max_retries": 2},
    ),
]


def retry_constants(provider: Provider) -> Any:
    return importlib.import_module(provider.package.__name__ + "._constants")


# The retry loop is the same template code in every package: the cases take turns among
# the providers with the default policy rather than multiplying by them. MKA1 publishes
# its own (x-speakeasy-retries): test_published_retry_policy.
DEFAULT_POLICY = [p for p in ALL_PROVIDERS if not retry_constants(p).RETRY_STATUSES]
CASE_PARAMS = [
    pytest.param(case, provider, id=f"{case.id}-{provider}")
    for case, provider in zip(CASES, itertools.cycle(DEFAULT_POLICY), strict=False)
]


@pytest.mark.parametrize(("case", "provider"), CASE_PARAMS)
@pytest.mark.parametrize("op", OPS, ids=str)
async def test_retry_schedule(
    case: Case,
    op: Op,
    provider: Provider,
    mode: str,
    server: FaultServer,
    make_client: MakeClient,
) -> None:
    server.script(*case.script)
    client = make_client(provider, mode, **case.client_kwargs)

    if case.error is None:
        result = await client.call(op, **case.call_kwargs)
        assert isinstance(result, provider.package.models.BatchObject)
        assert result.id == VALID_BATCH["id"]
    else:
        with pytest.raises(provider.error(case.error)) as raised:
            await client.call(op, **case.call_kwargs)
        assert type(raised.value) is provider.error(case.error)
        error: Any = raised.value
        last: Any = case.script[-1]
        assert error.status_code == last.status

    assert_attempts(server, provider, op, case.attempts)
    assert_delays(client.sleeps, case.delays)
    await assert_no_connection_left_open(client, server)


@pytest.mark.parametrize("provider", ALL_PROVIDERS, ids=str)
async def test_retry_after_http_date(
    provider: Provider, mode: str, server: FaultServer, make_client: MakeClient
) -> None:
    """Retry-After as an HTTP date two seconds ahead: wait until then (the date has
    whole seconds, so a little over one to two seconds)."""
    when = email.utils.formatdate(time.time() + 2, usegmt=True)
    server.script(failing(429, **{"Retry-After": when}), ok())
    client = make_client(provider, mode)

    await client.call(CANCEL)

    assert_attempts(server, provider, CANCEL, 2)
    assert_delays(client.sleeps, [(0.5, 2.0)])
    await assert_no_connection_left_open(client, server)


@pytest.mark.parametrize("provider", ALL_PROVIDERS, ids=str)
async def test_callers_idempotency_key_is_kept_on_every_attempt(
    provider: Provider, mode: str, server: FaultServer, make_client: MakeClient
) -> None:
    server.script(failing(503), failing(500), ok())
    client = make_client(provider, mode)

    await client.call(CREATE, extra_headers={"Idempotency-Key": "caller-key-42"})

    assert_attempts(server, provider, CREATE, 3)
    assert [r.headers["idempotency-key"] for r in server.requests] == [
        "caller-key-42"
    ] * 3
    await assert_no_connection_left_open(client, server)


@pytest.mark.parametrize("provider", ALL_PROVIDERS, ids=str)
async def test_each_call_gets_its_own_idempotency_key(
    provider: Provider, mode: str, server: FaultServer, make_client: MakeClient
) -> None:
    server.script(ok(), ok())
    client = make_client(provider, mode)

    await client.call(CANCEL)
    await client.call(CANCEL)

    first, second = (r.headers.get("idempotency-key") for r in server.requests)
    assert first and second and first != second
    await assert_no_connection_left_open(client, server)


@pytest.mark.parametrize("provider", ALL_PROVIDERS, ids=str)
async def test_with_options_copy_retries_on_the_shared_pool_and_sleep(
    provider: Provider, mode: str, server: FaultServer, make_client: MakeClient
) -> None:
    """A with_options copy has its own max_retries, but sleeps with the client's
    `sleep` and sends on its pool: closing the client leaves nothing open."""
    server.script(failing(503), failing(503), failing(503))
    client = make_client(provider, mode)
    copy = client.client.with_options(max_retries=1)

    with pytest.raises(provider.error("InternalServerError")):
        await client.call(CREATE, via=copy)

    assert_attempts(server, provider, CREATE, 2)
    assert_delays(client.sleeps, [BACKOFF_1])
    await assert_no_connection_left_open(client, server)


MKA1 = next(p for p in ALL_PROVIDERS if p.package.__name__ == "mka1")
MOONSHOT = next(p for p in ALL_PROVIDERS if p.package.__name__ == "moonshot")


@pytest.mark.parametrize(
    ("status", "retried"),
    [(409, False), (501, False), (408, False), (429, True), (502, True), (504, True)],
)
async def test_published_retry_policy(
    status: int, retried: bool, mode: str, server: FaultServer, make_client: MakeClient
) -> None:
    """MKA1's x-speakeasy-retries: 429, 500, 502, 503, 504 only, 0.5 s growing by 1.5."""
    server.script(failing(status), ok())
    client = make_client(MKA1, mode)
    if retried:
        await client.call(CANCEL)
        assert_delays(client.sleeps, [(0.375, 0.5)])
    else:
        with pytest.raises(MKA1.package.APIStatusError):
            await client.call(CANCEL)
        assert client.sleeps == []
    assert_attempts(server, MKA1, CANCEL, 2 if retried else 1)
    await assert_no_connection_left_open(client, server)


async def test_the_published_budget_ends_the_retries(
    mode: str, server: FaultServer, make_client: MakeClient
) -> None:
    """MKA1 spends at most 15 s waiting (maxElapsedTime), whatever max_retries allows;
    its waits grow by 1.5 up to 5 s."""
    server.script(*[failing(503)] * 20)
    client = make_client(MKA1, mode, max_retries=19)
    with pytest.raises(MKA1.package.InternalServerError):
        await client.call(CANCEL)
    waits = [float(w) for w in client.sleeps]
    assert 6 <= len(waits) < 19 and sum(waits) <= 15.0
    assert max(waits) <= 5.0
    assert all(0.75 * 0.5 * 1.5**i <= w for i, w in enumerate(waits[:5]))


@pytest.mark.parametrize(
    ("error_type", "retried"),
    [("exceeded_current_quota_error", False), ("rate_limit_reached_error", True)],
)
async def test_an_error_code_never_retried(
    error_type: str,
    retried: bool,
    mode: str,
    server: FaultServer,
    make_client: MakeClient,
) -> None:
    """Moonshot's 429 for an exhausted balance is not retried (configured `never`); its
    429 for a rate limit is."""
    body = {"error": {"message": "scripted 429", "type": error_type}}
    server.script(reply_json(429, body), ok())
    client = make_client(MOONSHOT, mode)
    if retried:
        await client.call(CANCEL)
    else:
        with pytest.raises(MOONSHOT.error("RateLimitError")):
            await client.call(CANCEL)
    assert_attempts(server, MOONSHOT, CANCEL, 2 if retried else 1)
    await assert_no_connection_left_open(client, server)
