"""Fixtures of the batch workflow tests.

`h` (a workflow_helpers.Harness) is parametrised over the three providers and over the
sync and async client: it starts a fresh fake provider on 127.0.0.1 (ephemeral port,
background thread), builds the provider's client on it (with an httpx client of ours,
see `ssl_context`), and replaces `client.sleep` with a recorder so that wait() never
really sleeps.  Everything is stopped / closed afterwards.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from fake_provider import FAKES, FakeMKA1, FakeProvider
from workflow_helpers import CASES, ON_BEHALF_OF, Case, Harness, ssl_context

from tests.support import SleepRecorder

ENV_VARIABLES = [
    f"{prefix}_{suffix}"
    for prefix in ("MOONSHOT", "SILICONFLOW", "MKA1")
    for suffix in ("API_KEY", "BASE_URL", "LOG")
]


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys, base URLs or log levels from the developer's shell must not leak in."""
    for name in ENV_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=list(CASES))
def case(request: pytest.FixtureRequest) -> Case:
    return CASES[str(request.param)]


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def start_fake(case: Case) -> FakeProvider:
    if case.name == "mka1":
        return FakeMKA1(case.api_key, on_behalf_of=ON_BEHALF_OF).start()
    return FAKES[case.name](case.api_key).start()


@pytest.fixture
def fake(case: Case) -> Iterator[FakeProvider]:
    provider = start_fake(case)
    try:
        yield provider
    finally:
        provider.stop()


@pytest.fixture
async def make_harness(case: Case, mode: str, fake: FakeProvider) -> AsyncIterator[Any]:
    """make_harness(**client_kwargs) -> Harness on the test's fake (closed at teardown)."""
    harnesses: list[Harness] = []
    http_clients: list[httpx.Client | httpx.AsyncClient] = []

    def factory(**overrides: Any) -> Harness:
        http_client = (httpx.AsyncClient if mode == "async" else httpx.Client)(
            verify=ssl_context()
        )
        http_clients.append(http_client)
        kwargs = {
            "api_key": case.api_key,
            "base_url": fake.base_url,
            "http_client": http_client,
            **case.client_kwargs,
            **overrides,
        }
        client_class = case.async_class if mode == "async" else case.sync_class
        client = client_class(**kwargs)
        sleeps = SleepRecorder()
        sleeps.install(client, mode)
        harness = Harness(case, mode, fake, client, sleeps.sleeps)
        harnesses.append(harness)
        return harness

    yield factory
    for harness in harnesses:
        await harness.call(harness.client.close())
    for http_client in http_clients:  # ours, so the generated client left it open
        if isinstance(http_client, httpx.AsyncClient):
            await http_client.aclose()
        else:
            http_client.close()


@pytest.fixture
def h(make_harness: Any) -> Harness:
    """The provider's client (sync or async) on a fresh fake, with the default options."""
    return make_harness()  # type: ignore[no-any-return]
