"""A wheel built from the repository generates a client in a fresh venv: templates ship."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_installs_and_generates(tmp_path: Path):
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("sdkforge-*.whl"))
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "work"
    work.mkdir()
    result = subprocess.run(
        [
            environment / "bin" / "sdkforge",
            "generate",
            str(ROOT / "specs" / "mka1.yaml"),
            "--output",
            "out/mka1",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (work / "out" / "mka1" / "_client.py").read_text().count(
        "class Mka1(SyncAPIClient)"
    ) == 1
    location = subprocess.run(
        [python, "-c", "import generator.runtime as r; print(r.templates_dir())"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(location.stdout.strip()).is_relative_to(environment)
