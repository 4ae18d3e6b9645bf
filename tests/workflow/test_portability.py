"""One user script (portable/batch_job.py), written for Moonshot, run against each
provider's fake with only its import line changed: all ten steps work, and the three
versions pass `mypy --strict` and `pyright --strict`."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from fake_provider import FAKES
from workflow_helpers import CASES

from tests.gates import PYRIGHT

SCRIPT = Path(__file__).parent / "portable" / "batch_job.py"
GENERATED = Path(__file__).resolve().parents[2] / "generated"
IMPORTS = {
    "moonshot": ("moonshot", "Moonshot"),
    "siliconflow": ("siliconflow", "SiliconFlow"),
    "mka1": ("mka1", "MKA1"),
}


def for_provider(name: str) -> str:
    """The script with its import line, and nothing else, changed."""
    text = SCRIPT.read_text()
    package, client = IMPORTS[name]
    ported = text.replace("from moonshot import", f"from {package} import").replace(
        "Moonshot as Client", f"{client} as Client"
    )
    changed = [
        line
        for line, original in zip(ported.splitlines(), text.splitlines(), strict=True)
        if line != original
    ]
    assert len(changed) == (0 if name == "moonshot" else 2), changed
    assert all(line.startswith("from ") for line in changed)
    return ported


def load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"batch_job_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(IMPORTS))
def test_the_same_script_runs_all_ten_steps(name: str, tmp_path: Path) -> None:
    script = tmp_path / "batch_job.py"
    script.write_text(for_provider(name))
    job = load(name, script)
    case = CASES[name]
    fake = FAKES[name](case.api_key).start()
    done: list[str] = []
    try:
        with job.Client(api_key=case.api_key, base_url=fake.base_url) as client:
            job.run_job(client, tmp_path, done)
    finally:
        fake.stop()
    assert len(done) == 10, done


@pytest.mark.parametrize("name", sorted(IMPORTS))
def test_the_script_runs_on_each_packages_own_in_memory_fake(
    name: str, tmp_path: Path
) -> None:
    """The fake a user gets with the package (`<package>.testing`), no server at all."""
    script = tmp_path / "batch_job.py"
    script.write_text(for_provider(name))
    job = load(name, script)
    package, client_class = IMPORTS[name]
    testing = importlib.import_module(f"{package}.testing")
    fake = getattr(testing, f"Fake{client_class}")()
    done: list[str] = []
    with fake.client() as client:
        job.run_job(client, tmp_path, done)
    assert len(done) == 10, done
    assert [r.method for r in fake.requests].count(
        "POST"
    ) == 4  # upload, 2 creates, cancel
    assert len(fake.batches) == 2


def test_each_version_passes_strict_type_checking(tmp_path: Path) -> None:
    for name in IMPORTS:
        (tmp_path / f"batch_job_{name}.py").write_text(for_provider(name))
    scripts = sorted(str(path) for path in tmp_path.glob("batch_job_*.py"))
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *scripts],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MYPYPATH": str(GENERATED)},
        cwd=tmp_path,
    )
    assert mypy.returncode == 0, mypy.stdout
    (tmp_path / "pyrightconfig.json").write_text(
        json.dumps({"typeCheckingMode": "strict", "extraPaths": [str(GENERATED)]})
    )
    pyright = subprocess.run(
        [str(PYRIGHT), "--pythonpath", sys.executable, *scripts],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert pyright.returncode == 0, pyright.stdout
    assert "0 errors" in pyright.stdout
