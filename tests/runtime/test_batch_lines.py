"""The batch-file runtime (`_batch.py`) of a generated package: BatchWriter's checks of
what the provider refuses, and the result reader's typing and classification of lines,
from a file or from chunks cut anywhere, in constant memory on a 1 GB file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from moonshot import BatchFailure, BatchLimitError, BatchResult, BatchWriter
from moonshot import read_batch_results as read_moonshot_results
from moonshot._constants import BATCH_MAX_BYTES, BATCH_ONE_MODEL
from moonshot.models import ChatCompletionResponse, Message
from siliconflow import BatchWriter as SiliconFlowWriter
from siliconflow import aread_batch_results

GENERATED = Path(__file__).resolve().parents[2] / "generated"
URL = "/v1/chat/completions"


def answer(custom_id: str, content: str = "hi") -> dict[str, object]:
    return {
        "id": f"batch_req_{custom_id}",
        "custom_id": custom_id,
        "response": {
            "status_code": 200,
            "request_id": f"req-{custom_id}",
            "body": {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "created": 1,
                "model": "kimi-k2",
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content},
                        "finish_reason": "stop",
                    }
                ],
            },
        },
        "error": None,
    }


REFUSED = {
    "id": "batch_req_2",
    "custom_id": "too-long",
    "response": {
        "status_code": 400,
        "request_id": "req-2",
        "body": {
            "error": {"message": "prompt too long", "type": "invalid_request_error"}
        },
    },
    "error": None,
}
EXPIRED = {
    "id": "batch_req_3",
    "custom_id": "late",
    "response": None,
    "error": {"code": "batch_expired", "message": "not run before the window ended"},
}


def jsonl(*lines: object) -> bytes:
    return b"".join(json.dumps(line).encode() + b"\n" for line in lines)


# ----------------------------------------------------------------------------- writer


def test_the_writer_writes_request_lines_from_models_and_dicts(tmp_path: Path) -> None:
    path = tmp_path / "requests.jsonl"
    with BatchWriter(path, url=URL) as writer:
        writer.add(
            "a",
            {"model": "kimi-k2", "messages": [{"role": "user", "content": "Hi"}]},
        )
        writer.add(
            "b",
            {
                "model": "kimi-k2",
                "messages": [Message(role="user", content="Yo").to_dict()],
            },
        )
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert lines == [
        {
            "custom_id": "a",
            "method": "POST",
            "url": URL,
            "body": {
                "model": "kimi-k2",
                "messages": [{"role": "user", "content": "Hi"}],
            },
        },
        {
            "custom_id": "b",
            "method": "POST",
            "url": URL,
            "body": {
                "model": "kimi-k2",
                "messages": [{"role": "user", "content": "Yo"}],
            },
        },
    ]
    assert (writer.lines, writer.bytes_written) == (2, path.stat().st_size)


def test_the_writer_takes_a_request_model(tmp_path: Path) -> None:
    path = tmp_path / "requests.jsonl"
    with BatchWriter(path, url=URL) as writer:
        writer.add("a", Message(role="user", content="Hi"))
    [line] = path.read_text().splitlines()
    assert json.loads(line)["body"] == {"role": "user", "content": "Hi"}


def test_the_providers_limits_come_from_its_configuration() -> None:
    # pyproject.toml: Moonshot's guide says 100 MB and one model per file.
    assert (BATCH_MAX_BYTES, BATCH_ONE_MODEL) == (104857600, True)
    assert SiliconFlowWriter(Path("/dev/null"), url=URL).max_lines == 5000


@pytest.mark.parametrize(
    ("options", "lines", "message"),
    [
        ({}, [("a", "m"), ("a", "m")], "line 2 (a): custom_id is already used"),
        ({"max_lines": 2}, [("a", "m"), ("b", "m"), ("c", "m")], "at most 2 lines"),
        ({"one_model": True}, [("a", "m"), ("b", "other")], "model 'other'"),
        ({"max_bytes": 150}, [("a", "m"), ("b", "m")], "at most 150 bytes"),
    ],
)
def test_a_line_the_provider_would_refuse_is_not_written(
    tmp_path: Path,
    options: dict[str, object],
    lines: list[tuple[str, str]],
    message: str,
) -> None:
    path = tmp_path / "requests.jsonl"
    with (
        BatchWriter(path, url=URL, **options) as writer,  # type: ignore[arg-type]
        pytest.raises(BatchLimitError, match=re.escape(message)) as raised,
    ):
        for custom_id, model in lines:
            writer.add(custom_id, {"model": model, "messages": []})
    assert raised.value.line == len(lines)
    assert len(path.read_text().splitlines()) == len(lines) - 1


# ----------------------------------------------------------------------------- reader


def test_results_are_typed_and_failures_told_apart(tmp_path: Path) -> None:
    path = tmp_path / "output.jsonl"
    path.write_bytes(jsonl(answer("ok"), REFUSED, EXPIRED) + b"\n{not json\n")

    lines = list(read_moonshot_results(path, ChatCompletionResponse))

    ok, refused, expired, broken = lines
    assert isinstance(ok, BatchResult) and isinstance(ok.body, ChatCompletionResponse)
    assert (ok.custom_id, ok.status_code, ok.request_id, ok.line) == (
        "ok",
        200,
        "req-ok",
        1,
    )
    assert ok.body.choices[0].message.content == "hi"
    # A 4xx inside a line is a failure, with the provider's error.
    assert isinstance(refused, BatchFailure)
    assert (refused.custom_id, refused.status_code, refused.code) == (
        "too-long",
        400,
        "invalid_request_error",
    )
    assert refused.message == "prompt too long"
    assert refused.body == REFUSED["response"]["body"]  # type: ignore[index]
    assert isinstance(expired, BatchFailure)
    assert (expired.code, expired.status_code, expired.line) == (
        "batch_expired",
        None,
        3,
    )
    # A line that is not JSON does not end the reading.
    assert isinstance(broken, BatchFailure) and broken.line == 5
    assert broken.custom_id is None and "not JSON" in broken.message


def test_without_a_model_the_body_is_a_dict() -> None:
    [line] = read_moonshot_results([jsonl(answer("ok"))])
    assert isinstance(line, BatchResult)
    assert line.body["choices"][0]["message"]["content"] == "hi"


def chunked(data: bytes, size: int) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


@pytest.mark.parametrize("size", [1, 7, 64, 10_000])
def test_chunks_may_end_anywhere(size: int) -> None:
    data = jsonl(answer("a", "x" * 100), REFUSED, answer("b", "y")).rstrip(b"\n")
    lines = list(read_moonshot_results(chunked(data, size), ChatCompletionResponse))
    assert [line.custom_id for line in lines] == ["a", "too-long", "b"]
    assert [type(line).__name__ for line in lines] == [
        "BatchResult",
        "BatchFailure",
        "BatchResult",
    ]


async def test_the_async_reader_reads_chunks_as_they_come() -> None:
    data = jsonl(answer("a"), EXPIRED, answer("b"))

    async def download() -> AsyncIterator[bytes]:
        for chunk in chunked(data, 5):
            yield chunk

    lines = [line async for line in aread_batch_results(download())]
    assert [(type(line).__name__, line.custom_id) for line in lines] == [
        ("BatchResult", "a"),
        ("BatchFailure", "late"),
        ("BatchResult", "b"),
    ]


READ_IN_A_FRESH_PROCESS = textwrap.dedent(
    """
    import resource, sys, time
    from moonshot import BatchFailure, read_batch_results
    from moonshot.models import ChatCompletionResponse

    def peak_mib():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

    def read(path):
        answers = failures = 0
        for line in read_batch_results(path, ChatCompletionResponse):
            if isinstance(line, BatchFailure):
                failures += 1
            else:
                answers += 1
                assert len(line.body.choices[0].message.content) == int(sys.argv[3])
        return answers, failures

    read(sys.argv[1])  # a few lines: imports, validators built, buffers sized
    before = peak_mib()
    started = time.monotonic()
    answers, failures = read(sys.argv[2])
    print(answers, failures, before, peak_mib(), round(time.monotonic() - started, 1))
    """
)


def test_a_1_gb_result_file_is_read_in_constant_memory(tmp_path: Path) -> None:
    """1 GiB of answers (every 10th line a 400) read in a fresh process that first read
    the same kind of file of 20 lines: reading the 1 GiB raises its peak memory by
    little, nowhere near the file's size."""
    content = 60_000

    def write(path: Path, size: int) -> int:
        lines = 0
        with path.open("wb") as out:
            while out.tell() < size:
                lines += 1
                line = (
                    REFUSED if lines % 10 == 0 else answer(f"r{lines}", "x" * content)
                )
                out.write(json.dumps(line).encode() + b"\n")
        return lines

    small, large = tmp_path / "small.jsonl", tmp_path / "output.jsonl"
    write(small, 20 * content)
    lines = write(large, 1 << 30)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            READ_IN_A_FRESH_PROCESS,
            str(small),
            str(large),
            str(content),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(GENERATED), "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=300,
    )
    answers, failures, before_mib, peak_mib, seconds = result.stdout.split()
    assert (int(answers), int(failures)) == (lines - lines // 10, lines // 10)
    assert large.stat().st_size >= 1 << 30
    # Some lines are alive at once (a chunk, a line, its parse): megabytes, not a GiB.
    assert int(peak_mib) - int(before_mib) < 32, result.stdout
    print(f"1 GiB, {lines} lines: peak {before_mib} -> {peak_mib} MiB in {seconds} s")
