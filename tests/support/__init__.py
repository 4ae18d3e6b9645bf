"""What the client, fault, Prism and workflow tests share: the three providers' generated
clients and a recorder for the waits a client asks for."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import mka1
import moonshot
import siliconflow


@dataclass(frozen=True)
class Provider:
    """One provider's generated package and how the tests reach it."""

    name: str
    package: ModuleType
    sync_class: type
    async_class: type
    env_prefix: str
    base_url: str
    """The client's default base URL (its spec's first server)."""
    test_key: str
    base_path: str
    """Appended to a test server's URL to make base_url (SiliconFlow's ends in /v1)."""
    batches_path: str
    """Where the batches endpoints live on a server."""

    def error(self, name: str) -> type[Exception]:
        """An error class of this provider's package, by name."""
        error_class: type[Exception] = getattr(self.package, name)
        return error_class

    def __str__(self) -> str:
        return self.name


PROVIDERS: dict[str, Provider] = {
    "moonshot": Provider(
        name="moonshot",
        package=moonshot,
        sync_class=moonshot.Moonshot,
        async_class=moonshot.AsyncMoonshot,
        env_prefix="MOONSHOT",
        base_url="https://api.moonshot.ai",
        test_key="sk-moonshot-test-0123456789",
        base_path="",
        batches_path="/v1/batches",
    ),
    "siliconflow": Provider(
        name="siliconflow",
        package=siliconflow,
        sync_class=siliconflow.SiliconFlow,
        async_class=siliconflow.AsyncSiliconFlow,
        env_prefix="SILICONFLOW",
        base_url="https://api.siliconflow.cn/v1",
        test_key="sk-siliconflow-test-0123456789",
        base_path="/v1",
        batches_path="/v1/batches",
    ),
    "mka1": Provider(
        name="mka1",
        package=mka1,
        sync_class=mka1.MKA1,
        async_class=mka1.AsyncMKA1,
        env_prefix="MKA1",
        base_url="https://apigw.mka1.com",
        test_key="mk-test-0123456789",
        base_path="",
        batches_path="/api/v1/llm/batches",
    ),
}
ALL_PROVIDERS = list(PROVIDERS.values())


@dataclass
class SleepRecorder:
    """Records the waits a client asks for (retries, polling) instead of waiting: set
    through the client's documented `sleep` hook."""

    sleeps: list[float] = field(default_factory=list)

    def install(self, client: Any, mode: str) -> None:
        client.sleep = self.record if mode == "sync" else self.record_async

    def record(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    async def record_async(self, seconds: float) -> None:
        self.record(seconds)


def refuse_sleep(mode: str) -> Callable[[float], Any]:
    """A `sleep` hook that fails the test: for clients that must never retry nor wait."""

    def refuse(seconds: float) -> None:
        raise AssertionError(f"the client asked to sleep {seconds} s")

    async def refuse_async(seconds: float) -> None:
        refuse(seconds)

    hook: Callable[[float], None] | Callable[[float], Awaitable[None]] = (
        refuse if mode == "sync" else refuse_async
    )
    return hook
