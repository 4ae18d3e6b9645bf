"""Shared fixtures of the generated-client tests.

The generated packages are not installed: `generated/` is put on sys.path so that
`import moonshot`, `import siliconflow` and `import mka1` load the generated code.
"""

from __future__ import annotations

import sys
from pathlib import Path

GENERATED = Path(__file__).resolve().parents[2] / "generated"
if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))

import httpx
import pytest
from client_harness import ENV_VARIABLES, Harness, Recorder, Reply

from tests.support import PROVIDERS


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys, base URLs or log levels from the developer's shell must not leak into a test."""
    for name in ENV_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    """Every test that takes `mode` runs once with the sync and once with the async client."""
    return str(request.param)


@pytest.fixture
async def make_client():  # type: ignore[no-untyped-def]
    """make_client(provider, mode, *replies, **client_kwargs) -> Harness.

    Builds the provider's sync or async client on an httpx.MockTransport that records every
    request and answers with `replies` in order (the last one repeats). `api_key` defaults
    to a test key. The client's `sleep` hook is replaced by a recorder, so a retry never sleeps.
    """
    http_clients: list[httpx.Client | httpx.AsyncClient] = []

    def factory(
        provider: str, mode: str, *replies: Reply, **client_kwargs: object
    ) -> Harness:
        spec = PROVIDERS[provider]
        recorder = Recorder(list(replies))
        transport = httpx.MockTransport(recorder)
        http_client: httpx.Client | httpx.AsyncClient
        if mode == "sync":
            http_client = httpx.Client(transport=transport)
            client_class = spec.sync_class
        else:
            http_client = httpx.AsyncClient(transport=transport)
            client_class = spec.async_class
        http_clients.append(http_client)
        client_kwargs.setdefault("api_key", spec.test_key)
        client = client_class(http_client=http_client, **client_kwargs)
        return Harness(client=client, recorder=recorder, mode=mode)

    yield factory

    for http_client in http_clients:
        if isinstance(http_client, httpx.AsyncClient):
            await http_client.aclose()
        else:
            http_client.close()
