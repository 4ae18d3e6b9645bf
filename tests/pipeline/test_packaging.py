"""`packaging = true`: the package folder also gets a pyproject.toml, and builds as a wheel
that holds the package and requires what its code imports."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

from generator.bindings import RUNTIME_REQUIREMENTS, runtime_dependencies
from generator.config import load_project
from generator.pipeline import generate
from generator.write import write_package
from tests.conftest import ROOT


def test_every_import_of_the_generated_code_has_a_requirement():
    assert set(RUNTIME_REQUIREMENTS) == set(runtime_dependencies())


def test_a_packaged_client_builds_as_a_wheel_and_imports_from_it(tmp_path: Path):
    [config] = [
        c
        for c in load_project(ROOT / "pyproject.toml").clients
        if c.package == "moonshot"
    ]
    config = replace(config, output=tmp_path / "moonshot", packaging=True)
    result = generate(config, "specs/moonshot.yaml")
    write_package(config.output, result.files)
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
         str(tmp_path / "dist"), str(config.output)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = (tmp_path / "dist").glob("moonshot-1.0.0+spec.*-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(
            next(n for n in names if n.endswith(".dist-info/METADATA"))
        ).decode()
    packaged = {
        f"moonshot/{path}"
        for path in result.files
        if path.endswith(".py") or path == "py.typed"
    }
    assert packaged <= names
    assert not [n for n in names if ".sdkforge" in n or n.endswith("pyproject.toml")]
    for requirement in RUNTIME_REQUIREMENTS.values():
        name, _, bound = requirement.partition(">=")
        assert f"Requires-Dist: {name}>={bound}" in metadata
    imported = subprocess.run(
        [sys.executable, "-c",
         (f"import sys; sys.path.insert(0, {str(wheel)!r}); import moonshot;"
         " print(moonshot.__file__, moonshot.__version__)")],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    assert str(wheel) in imported.stdout and "1.0.0+spec." in imported.stdout
