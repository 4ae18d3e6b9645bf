"""In-process workloads of `make bench` (rows 8 and 9), run by the peers' venv python.

The generated OpenAI client (package `openai_client`) is found on PYTHONPATH; the OpenAI
SDK, httpx and pydantic come from the venv. Each command prints one JSON object:

    python bench/workloads.py decode REPS    # list a page of 1,000 batches, per call
    python bench/workloads.py request REPS   # retrieve one batch, per call
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

BASE_URL = "https://api.openai.com/v1"
OUR_PACKAGE = "openai_client"
STATUSES = (
    "validating",
    "in_progress",
    "finalizing",
    "completed",
    "completed",
    "completed",
    "failed",
    "expired",
    "cancelling",
    "cancelled",
)


def our_client_class(package: Any) -> Any:
    """The generated sync client class: `OpenaiClient`, or the one `_client` defines."""
    named = getattr(package, "OpenaiClient", None)
    if named is not None:
        return named
    module = sys.modules[f"{package.__name__}._client"]
    for name, value in vars(module).items():
        if (
            isinstance(value, type)
            and value.__module__ == module.__name__
            and not name.startswith("Async")
            and hasattr(value, "__init__")
            and "http_client" in value.__init__.__code__.co_varnames
        ):
            return value
    raise LookupError("no sync client class in the generated package")


def batch(rng: random.Random, index: int) -> dict[str, Any]:
    """One realistic Batch object, its timestamps consistent with its status."""
    status = STATUSES[index % len(STATUSES)]
    created = 1_730_000_000 + index * 37
    total = rng.randint(1, 50_000)
    failed = rng.randint(0, total // 50) if status != "failed" else total
    done = total - failed if status in ("completed", "finalizing") else total // 3

    def at(flag: bool, offset: int) -> int | None:
        return created + offset if flag else None

    started = status not in ("validating", "failed")
    return {
        "id": f"batch_{rng.getrandbits(96):024x}",
        "object": "batch",
        "endpoint": rng.choice(
            ("/v1/chat/completions", "/v1/embeddings", "/v1/responses")
        ),
        "errors": (
            {
                "object": "list",
                "data": [
                    {
                        "code": "invalid_json_line",
                        "message": f"Line {line} is not valid JSON.",
                        "param": None,
                        "line": line,
                    }
                    for line in (rng.randint(1, total), rng.randint(1, total))
                ],
            }
            if status == "failed"
            else None
        ),
        "input_file_id": f"file-{rng.getrandbits(96):024x}",
        "completion_window": "24h",
        "status": status,
        "output_file_id": f"file-{rng.getrandbits(96):024x}"
        if status == "completed"
        else None,
        "error_file_id": f"file-{rng.getrandbits(96):024x}" if failed else None,
        "created_at": created,
        "in_progress_at": at(started, 12),
        "expires_at": created + 86_400,
        "finalizing_at": at(status in ("finalizing", "completed"), 3_600),
        "completed_at": at(status == "completed", 3_900),
        "failed_at": at(status == "failed", 8),
        "expired_at": at(status == "expired", 86_400),
        "cancelling_at": at(status in ("cancelling", "cancelled"), 600),
        "cancelled_at": at(status == "cancelled", 700),
        "request_counts": {"total": total, "completed": done, "failed": failed},
        "metadata": (
            {
                "customer_id": f"user_{rng.randint(1, 9999)}",
                "batch_description": "nightly eval job",
            }
            if index % 3
            else None
        ),
    }


def bodies() -> tuple[bytes, bytes]:
    """A list-batches page of 1,000 batches, and one batch."""
    rng = random.Random(10)
    data = [batch(rng, index) for index in range(1000)]
    page = {
        "object": "list",
        "data": data,
        "first_id": data[0]["id"],
        "last_id": data[-1]["id"],
        "has_more": False,
    }
    return json.dumps(page).encode(), json.dumps(data[3]).encode()


def clients(page: bytes, one: bytes) -> tuple[Any, Any, Any]:
    """Ours, the OpenAI SDK and a raw httpx.Client, all on the same MockTransport."""
    import httpx
    import openai

    package = __import__(OUR_PACKAGE)

    def handler(request: httpx.Request) -> httpx.Response:
        body = page if request.url.path.endswith("/batches") else one
        return httpx.Response(
            200, content=body, headers={"content-type": "application/json"}
        )

    def http() -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(handler))

    ours = our_client_class(package)(api_key="x", base_url=BASE_URL, http_client=http())
    sdk = openai.OpenAI(api_key="x", base_url=BASE_URL, http_client=http())
    return ours, sdk, http()


def per_call(calls: dict[str, Callable[[], object]], reps: int) -> dict[str, Any]:
    """Median seconds per call of each callable, interleaved call by call, after a warm-up."""
    for call in calls.values():
        for _ in range(3):
            call()
    times: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(reps):
        for name, call in calls.items():
            start = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - start)
    return {
        name: {"median": statistics.median(values), "reps": len(values)}
        for name, values in times.items()
    }


def decode(reps: int) -> dict[str, Any]:
    page, one = bodies()
    ours, sdk, _ = clients(page, one)
    for result in (ours.batches.list(), sdk.batches.list()):
        assert len(result.data) == 1000 and result.data[-1].request_counts.total > 0
    timings = per_call(
        {
            "ours": lambda: ours.batches.list().data,
            "openai": lambda: sdk.batches.list().data,
            "floor": lambda: json.loads(page),
        },
        reps,
    )
    return {"bytes": len(page), **timings}


def request(reps: int) -> dict[str, Any]:
    page, one = bodies()
    ours, sdk, raw = clients(page, one)
    batch_id = json.loads(one)["id"]
    url = f"{BASE_URL}/batches/{batch_id}"
    headers = {"Authorization": "Bearer x"}
    assert ours.batches.retrieve(batch_id).id == batch_id
    timings = per_call(
        {
            "ours": lambda: ours.batches.retrieve(batch_id),
            "raw": lambda: raw.get(url, headers=headers).json(),
            "openai": lambda: sdk.batches.retrieve(batch_id),
        },
        reps,
    )
    return {"bytes": len(one), **timings}


def main(argv: list[str]) -> None:
    command, argument = argv
    if command == "decode":
        result = decode(int(argument))
    elif command == "request":
        result = request(int(argument))
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
