"""What the fault tests share: the providers, the operations under test, a client
wrapper that records the retry delays, and the checks every scenario ends with."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
from fault_server import FaultServer

from tests.support import Provider, SleepRecorder

# --------------------------------------------------------------------------- operations

BATCH_ID = "batch_1"

VALID_BATCH: dict[str, Any] = {
    "id": BATCH_ID,
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "input_file_id": "file_1",
    "completion_window": "24h",
    "status": "in_progress",
    "created_at": 1_700_000_000,
    "request_counts": {"total": 2, "completed": 1, "failed": 0},
    "max_concurrency": 4,
}
"""A batch every provider's BatchObject accepts (unknown fields are kept as extras)."""


@dataclass(frozen=True)
class Op:
    """An operation under test: `call(client, **per_call_kwargs)`."""

    name: str
    method: str
    path: str
    """Below the provider's batches path."""
    call: Callable[..., Any]

    def __str__(self) -> str:
        return f"{self.method} {self.name}"


CREATE = Op(
    "batches.create",
    "POST",
    "",
    lambda client, **kw: client.batches.create(
        input_file_id="file_1",
        endpoint="/v1/chat/completions",
        completion_window="24h",
        **kw,
    ),
)
CANCEL = Op(
    "batches.cancel",
    "POST",
    f"/{BATCH_ID}/cancel",
    lambda client, **kw: client.batches.cancel(BATCH_ID, **kw),
)
RETRIEVE = Op(
    "batches.retrieve",
    "GET",
    f"/{BATCH_ID}",
    lambda client, **kw: client.batches.retrieve(BATCH_ID, **kw),
)
OPS = [CREATE, RETRIEVE]
"""A non-GET (the Idempotency-Key applies) and a GET."""

# --------------------------------------------------------------------------- delays


@dataclass(frozen=True)
class Backoff:
    """The wait before retry number `retry` under the package's own policy (RETRY_BACKOFF):
    its (low, high) bounds, as jitter takes up to a quarter off."""

    retry: int

    def bounds(self, provider: Provider) -> tuple[float, float]:
        constants = importlib.import_module(provider.package.__name__ + "._constants")
        first, longest, factor = constants.RETRY_BACKOFF
        delay = min(first * factor ** (self.retry - 1), longest)
        return (0.75 * delay, delay)


Delay = float | tuple[float, float] | Backoff
"""An exact delay, the (low, high) bounds of a wait with jitter, or a back-off step."""

BACKOFF_1, BACKOFF_2, BACKOFF_3 = Backoff(1), Backoff(2), Backoff(3)


class Sleeps(list[float]):
    """The delays a client asked of its sleep, and the provider whose policy they follow."""

    def __init__(self, provider: Provider) -> None:
        super().__init__()
        self.provider = provider


# --------------------------------------------------------------------------- the client


@dataclass
class FaultClient:
    """A generated client aimed at the fault server; its `sleep` records the delays."""

    client: Any
    provider: Provider
    mode: str
    sleeps: list[float] = field(init=False)
    closed: bool = False

    def __post_init__(self) -> None:
        self.sleeps = Sleeps(self.provider)
        SleepRecorder(self.sleeps).install(self.client, self.mode)

    async def call(self, op: Op, *, via: Any = None, **kwargs: Any) -> Any:
        """Run `op` on the client (or on `via`, e.g. a with_options copy of it)."""
        result = op.call(self.client if via is None else via, **kwargs)
        if inspect.isawaitable(result):
            result = await result
        return result

    async def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        result = self.client.close()
        if inspect.isawaitable(result):
            await result

    def pool_connections(self) -> list[Any]:
        """The httpcore connections of the client's own connection pool."""
        http_client = self.client._http_client
        expected = httpx.Client if self.mode == "sync" else httpx.AsyncClient
        assert isinstance(http_client, expected), f"unexpected {http_client!r}"
        transport = http_client._transport
        pool = getattr(transport, "_pool", None)
        assert pool is not None, f"transport {transport!r} has no connection pool"
        return list(pool.connections)


MakeClient = Callable[..., FaultClient]
"""The `make_client` fixture: make_client(provider, mode, **client_kwargs)."""

# --------------------------------------------------------------------------- checks


def assert_attempts(
    server: FaultServer, provider: Provider, op: Op, attempts: int
) -> None:
    """`attempts` identical requests reached the server; a non-GET carried one
    Idempotency-Key, the same on every attempt."""
    requests = server.requests
    sent = [f"{r.method} {r.target}" for r in requests]
    assert len(requests) == attempts, f"expected {attempts} attempts, got {sent}"
    for request in requests:
        assert request.method == op.method
        assert request.path == provider.batches_path + op.path
    assert len({r.body for r in requests}) == 1, "a retry changed the request body"
    keys = [r.headers.get("idempotency-key") for r in requests]
    if op.method != "GET":
        assert keys[0], f"{op} sent no Idempotency-Key"
    assert keys == [keys[0]] * attempts, f"Idempotency-Key changed: {keys}"


def assert_delays(actual: Sequence[float], expected: Sequence[Delay]) -> None:
    """The delays asked of the fake sleep, in order."""
    assert len(actual) == len(expected), (
        f"slept {list(actual)}, expected {list(expected)}"
    )
    for number, (got, want) in enumerate(zip(actual, expected, strict=True), 1):
        if isinstance(want, Backoff):
            assert isinstance(actual, Sleeps), (
                "a back-off step needs the client's sleeps"
            )
            want = want.bounds(actual.provider)
        if isinstance(want, tuple):
            low, high = want
            assert low <= got <= high, f"delay {number} is {got}, not in {want}"
        else:
            assert abs(got - want) < 1e-9, f"delay {number} is {got}, not {want}"


async def eventually(condition: Callable[[], bool], timeout: float = 2.0) -> bool:
    """Poll `condition` until it holds or `timeout` passes, letting the event loop run
    meanwhile (an async generator left early is closed by a task it schedules)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            return condition()
        await asyncio.sleep(0.002)
    return True


async def assert_no_connection_left_open(
    fault_client: FaultClient, server: FaultServer, *, settle: float = 2.0
) -> None:
    """After the call the pool has no connection in use and the server no connection
    the pool does not hold; after close() the server has no connection open at all.
    `settle`: how long to wait for closes to reach the server."""
    connections = fault_client.pool_connections()
    busy = [c for c in connections if not (c.is_idle() or c.is_closed())]
    assert not busy, f"connections still in use after the call: {busy}"
    pooled = len([c for c in connections if not c.is_closed()])
    assert await eventually(lambda: server.open_connections <= pooled, settle), (
        f"the server has {server.open_connections} connections open, "
        f"the client's pool holds {pooled}: one was abandoned without being closed"
    )
    await fault_client.close()
    assert fault_client.pool_connections() == []
    assert await eventually(lambda: server.open_connections == 0, settle), (
        f"{server.open_connections} connections still open after client.close()"
    )
