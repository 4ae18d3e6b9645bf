"""What the workflow tests share: the provider table, the harness, and small sync/async
helpers that spell out each contract call once for the sync and once for the async
client (so the tests read the same in both modes)."""

from __future__ import annotations

import functools
import inspect
import json
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import mka1
import moonshot
import siliconflow
from fake_provider import FakeProvider

ENDPOINT = "/v1/chat/completions"
ON_BEHALF_OF = "end-user-42"


@functools.cache
def ssl_context() -> ssl.SSLContext:
    """One TLS context for every httpx client of the tests: building one per client
    costs ~70 ms.  (The fakes speak plain HTTP; the context is only ever created.)"""
    return ssl.create_default_context()


@dataclass(frozen=True)
class Case:
    """One provider: its package, how its clients are built, what its API accepts."""

    name: str
    package: Any
    api_key: str
    completion_window: str  # valid for the provider
    invalid_window: str  # documented as out of range for the provider
    initial_status: str  # status of a new batch
    client_kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def sync_class(self) -> type:
        return {
            "moonshot": moonshot.Moonshot,
            "siliconflow": siliconflow.SiliconFlow,
        }.get(self.name, mka1.MKA1)

    @property
    def async_class(self) -> type:
        return {
            "moonshot": moonshot.AsyncMoonshot,
            "siliconflow": siliconflow.AsyncSiliconFlow,
        }.get(self.name, mka1.AsyncMKA1)


CASES: dict[str, Case] = {
    # Moonshot: completion_window is a free string from 12h to 7d.
    "moonshot": Case(
        "moonshot", moonshot, "sk-moonshot-wf-0001", "1d", "6h", "validating"
    ),
    # SiliconFlow: 24h..336h; a new batch is in_queue.
    "siliconflow": Case(
        "siliconflow", siliconflow, "sk-siliconflow-wf-0001", "48h", "12h", "in_queue"
    ),
    # MKA1: completion_window is the constant "24h"; every call carries X-On-Behalf-Of.
    "mka1": Case(
        "mka1",
        mka1,
        "mk-wf-0001",
        "24h",
        "48h",
        "validating",
        {"on_behalf_of": ON_BEHALF_OF},
    ),
}


@dataclass
class Harness:
    case: Case
    mode: str  # "sync" or "async"
    fake: FakeProvider
    client: Any
    sleeps: list[float]

    @property
    def is_async(self) -> bool:
        return self.mode == "async"

    async def call(self, value: Any) -> Any:
        """The result of a client call: awaited for the async client."""
        return await value if inspect.isawaitable(value) else value

    def polls(self, batch_id: str) -> int:
        """How many times the fake was asked for this batch (GET .../batches/{id})."""
        return len(self.fake.requests_to("GET", f"/batches/{batch_id}"))

    # ---------------------------------------------------------------- workflow steps

    async def upload(self, path: Path) -> str:
        uploaded = await self.call(self.client.files.create(file=path, purpose="batch"))
        return str(uploaded.id)

    async def create_batch(self, file_id: str) -> Any:
        return await self.call(
            self.client.batches.create(
                input_file_id=file_id,
                endpoint=ENDPOINT,
                completion_window=self.case.completion_window,
            )
        )

    async def stream_content_to_file(self, file_id: str, out: Path) -> None:
        """The contract's streaming download of GET .../files/{id}/content."""
        if self.is_async:
            async with self.client.files.with_streaming_response.content(
                file_id
            ) as response:
                await response.stream_to_file(out)
        else:
            with self.client.files.with_streaming_response.content(file_id) as response:
                response.stream_to_file(out)

    async def list_first_page(self, **params: Any) -> Any:
        return await self.call(self.client.batches.list(**params))

    async def next_page(self, page: Any) -> Any:
        return await self.call(page.get_next_page())

    async def list_all(self, resource: Any, **params: Any) -> list[Any]:
        """Every item of a paginated list, via `for` / `async for` on the returned page."""
        if self.is_async:
            return [item async for item in resource.list(**params)]
        return list(resource.list(**params))


def write_input_jsonl(path: Path, count: int = 3) -> list[str]:
    """A batch input file of `count` chat requests; returns their custom_ids."""
    custom_ids = [f"request-{n}" for n in range(1, count + 1)]
    lines = [
        {
            "custom_id": custom_id,
            "method": "POST",
            "url": ENDPOINT,
            "body": {
                "model": "test-model",
                "messages": [
                    {"role": "system", "content": "You are terse."},
                    {"role": "user", "content": f"Question {n}?"},
                ],
                "max_tokens": 64,
            },
        }
        for n, custom_id in enumerate(custom_ids, 1)
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    return custom_ids


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def request_counts(batch: Any) -> dict[str, int]:
    """request_counts as a dict (SiliconFlow types it as an untyped object)."""
    counts = batch.request_counts
    if isinstance(counts, dict):
        return {k: int(v) for k, v in counts.items()}
    return {
        "total": counts.total,
        "completed": counts.completed,
        "failed": counts.failed,
    }


async def download_url(mode: str, url: str, out: Path) -> None:
    """Stream a plain URL to a file with httpx (no API key: it is not an API call)."""
    if mode == "async":
        async with (
            httpx.AsyncClient(verify=ssl_context()) as http,
            http.stream("GET", url) as response,
        ):
            response.raise_for_status()
            with out.open("wb") as sink:
                async for chunk in response.aiter_bytes():
                    sink.write(chunk)
    else:
        with httpx.stream("GET", url, verify=ssl_context()) as response:
            response.raise_for_status()
            with out.open("wb") as sink:
                for chunk in response.iter_bytes():
                    sink.write(chunk)
