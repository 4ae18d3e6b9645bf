"""Each generated package's README examples run, in order, against the fake provider.

The README says its ids (`batch_abc123`, `file_abc123`) stand for the reader's own; the
fake is seeded with a batch and a file of those ids before the examples run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fake_provider import FAKES, StoredBatch, StoredFile
from workflow_helpers import CASES

GENERATED = Path(__file__).resolve().parents[2] / "generated"
INPUT = b'{"custom_id": "r1", "method": "POST", "url": "/v1/chat/completions", "body": {}}\n'


def code_blocks(package: str) -> list[str]:
    readme = (GENERATED / package / "README.md").read_text()
    return re.findall(r"```python\n(.*?)```", readme, re.DOTALL)


@pytest.mark.parametrize("package", sorted(CASES))
def test_readme_examples_run(
    package: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    case = CASES[package]
    fake = FAKES[package](case.api_key).start()
    try:
        fake.files["file_abc123"] = StoredFile(
            "file_abc123", "input.jsonl", "batch", INPUT, 1_700_000_000
        )
        fake.batches["batch_abc123"] = StoredBatch(
            "batch_abc123", "file_abc123", "/v1/chat/completions", case.completion_window,
            case.initial_status, 1_700_000_000, None,
        )  # fmt: skip
        prefix = package.upper()
        monkeypatch.setenv(f"{prefix}_API_KEY", case.api_key)
        monkeypatch.setenv(f"{prefix}_BASE_URL", fake.base_url)
        monkeypatch.chdir(tmp_path)
        blocks = code_blocks(package)
        namespace: dict[str, object] = {}
        for number, block in enumerate(blocks, 1):
            code = compile(block, f"{package}/README.md block {number}", "exec")
            exec(code, namespace)  # noqa: S102 - running the documented examples is the test
    finally:
        fake.stop()
    headings = (GENERATED / package / "README.md").read_text()
    for section in (
        "## Errors", "## Retries", "## Timeouts", "## Pagination", "## Raw responses",
        "## Streaming responses", "## Waiting", "## Logging",
    ):  # fmt: skip
        assert section in headings
    waited = namespace["finished"] if "## Waiting" in headings else None
    assert waited is None or waited.status == "completed"
    downloaded = (tmp_path / "downloaded.bin").read_bytes()
    if 'content("file_abc123")' in headings:
        assert downloaded == INPUT
    else:  # no download operation: the example streams a list response instead
        assert json.loads(downloaded)["data"]
    assert len(blocks) >= 6
    # The errors example asked for an unknown id and got the 404 it prints.
    assert any(r.path.endswith("/does-not-exist") for r in fake.requests)


@pytest.mark.parametrize("package", sorted(CASES))
def test_readme_examples_type_check_as_one_script(package: str, tmp_path: Path):
    """Read top to bottom, the examples are one script that `mypy --strict` accepts: no
    name rebound to another type (a `wait` result, a streamed response)."""
    script = tmp_path / "readme_examples.py"
    script.write_text("\n".join(code_blocks(package)))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MYPYPATH": str(GENERATED)},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout
