"""`kill -9` at random points of a real generation's write: every time, the output folder
holds the whole old package or the whole new one, and the next run leaves no leftovers."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

TRIALS = 200
CLI_TRIALS = 10
SCHEMAS = 120


def spec(variant: int) -> dict[str, object]:
    """A spec of SCHEMAS models; each variant changes every model, so every switch
    rewrites every file."""
    schemas = {
        f"Model{i}": {
            "type": "object",
            "properties": {f"field_{variant}": {"type": "string"}},
        }
        for i in range(SCHEMAS)
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "Kill", "version": str(variant)},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Model0"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": schemas},
    }


def generate(spec_path: Path, output: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(spec_path),
            "--output",
            str(output),
            "--quiet",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def contents(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


WRITE = (
    "import json, sys; from pathlib import Path; from generator.write import write_package; "
    "write_package(Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text()))"
)


def write_stage(files_path: Path, output: Path) -> subprocess.Popen[bytes]:
    """The write stage alone in its own process, on a package the pipeline rendered."""
    return subprocess.Popen(
        [sys.executable, "-c", WRITE, str(output), str(files_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def kill_trials(
    start: Callable[[int], subprocess.Popen[bytes]],
    output: Path,
    packages: list[dict[str, bytes]],
    trials: int,
    seed: int,
) -> dict[str, int]:
    """Switch the package back and forth, killing each switch at a random instant of it;
    check after each kill that the folder holds one of the two whole packages."""
    durations = []
    for variant in (0, 1, 0):
        started = time.monotonic()
        assert start(variant).wait() == 0
        durations.append(time.monotonic() - started)
    full_run = max(durations)
    rng = random.Random(seed)
    outcomes = {"old": 0, "new": 0}
    for trial in range(trials):
        new = (trial + 1) % 2
        process = start(new)
        time.sleep(rng.uniform(0.0, 1.1) * full_run)
        process.send_signal(signal.SIGKILL)
        process.wait()
        found = contents(output)
        assert found in packages, f"trial {trial}: neither the old package nor the new"
        outcomes["new" if found == packages[new] else "old"] += 1
        if found != packages[new]:  # finish the switch: the next trial switches back
            assert start(new).wait() == 0
    assert start(0).wait() == 0
    assert [p.name for p in output.parent.iterdir()] == [output.name]
    assert contents(output) == packages[0]
    return outcomes


def rendered_packages(tmp_path: Path) -> tuple[list[Path], list[dict[str, bytes]]]:
    """The two packages the trials switch between. Each records what changed since the one
    before it (CHANGELOG.md), so they are made as the trials make them: v0, v1, v0 (where
    `kill_trials` starts), then v1; from there on each switch gives one of these two."""
    specs = []
    for variant in (0, 1):
        path = tmp_path / f"spec{variant}.json"
        path.write_text(json.dumps(spec(variant)))
        specs.append(path)
    folder = tmp_path / "rendered" / "kill"
    packages: list[dict[str, bytes]] = [{}, {}]
    for variant in (0, 1, 0, 1):
        assert generate(specs[variant], folder).wait() == 0
        packages[variant] = contents(folder)
    assert packages[0] != packages[1] and len(packages[0]) > SCHEMAS
    return specs, packages


def test_a_killed_write_stage_leaves_the_old_package_or_the_new_one(tmp_path: Path):
    _, packages = rendered_packages(tmp_path)
    files = []
    for variant, package in enumerate(packages):
        path = tmp_path / f"files{variant}.json"
        path.write_text(json.dumps({k: v.decode() for k, v in package.items()}))
        files.append(path)
    output = tmp_path / "out" / "kill"
    outcomes = kill_trials(
        lambda variant: write_stage(files[variant], output),
        output,
        packages,
        TRIALS,
        seed=20261203,
    )
    # The kills fell on both sides of the switch, and the package was always whole.
    assert outcomes["old"] > 0 and outcomes["new"] > 0, outcomes


def test_a_killed_generation_leaves_the_old_package_or_the_new_one(tmp_path: Path):
    specs, packages = rendered_packages(tmp_path)
    output = tmp_path / "out" / "kill"
    outcomes = kill_trials(
        lambda variant: generate(specs[variant], output),
        output,
        packages,
        CLI_TRIALS,
        seed=3,
    )
    assert sum(outcomes.values()) == CLI_TRIALS
