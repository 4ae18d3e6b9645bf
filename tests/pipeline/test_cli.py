"""The command line: exit codes, one-line fatal errors, nothing written on failure, `check`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import ClientConfig
from generator.pipeline import generate
from tests.conftest import ROOT, SPECS


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


BROKEN = {
    "missing": (None, "missing.yaml: /: file not found"),
    "yaml-syntax": (
        "openapi: 3.1.0\ninfo:\n  title: [oops\npaths: {}\n",
        "spec.yaml:4: /: YAML syntax error",
    ),
    "dangling-ref": (
        (
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n"
            "components:\n  schemas:\n    A: {$ref: '#/components/schemas/Gone'}\n"
        ),
        "spec.yaml:6: /components/schemas/A/$ref: unresolvable $ref '#/components/schemas/Gone'",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_fatal_input_exits_2_with_one_line_and_writes_nothing(
    tmp_path: Path, case: str
):
    text, expected = BROKEN[case]
    spec = tmp_path / ("missing.yaml" if text is None else "spec.yaml")
    if text is not None:
        spec.write_text(text)
    output = tmp_path / "out" / "demo"
    output.mkdir(parents=True)
    (output / "mine.py").write_text("# the user's own file\n")
    before = snapshot(tmp_path / "out")
    result = run("generate", spec.name, "--output", "out/demo", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"sdkforge: error: {expected}")
    assert "Traceback" not in result.stderr
    assert snapshot(tmp_path / "out") == before


def test_generate_keeps_foreign_files_and_removes_its_own_stale_ones(tmp_path: Path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    A: {type: object, properties: {x: {type: string}}}\n"
        "    B: {type: object, properties: {y: {type: string}}}\n"
    )
    assert (
        run("generate", "spec.yaml", "--output", "out/demo", cwd=tmp_path).returncode
        == 0
    )
    output = tmp_path / "out" / "demo"
    assert (output / "models" / "b.py").is_file()
    (output / "notes.txt").write_text("mine")
    spec.write_text(
        spec.read_text().replace(
            "    B: {type: object, properties: {y: {type: string}}}\n", ""
        )
    )
    result = run("generate", "spec.yaml", "--output", "out/demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (output / "models" / "b.py").exists()
    assert (output / "notes.txt").read_text() == "mine"
    assert '"models/a.py"' in (output / ".sdkforge.json").read_text()


def test_warnings_go_to_stderr_and_strict_makes_them_fatal(tmp_path: Path):
    shutil.copy(ROOT / "specs" / "siliconflow.yaml", tmp_path)
    result = run(
        "generate", "siliconflow.yaml", "--output", "out/siliconflow", cwd=tmp_path
    )
    assert result.returncode == 0
    assert "warning: siliconflow.yaml:" in result.stderr
    assert "is not unique" in result.stderr
    strict = run(
        "generate",
        "siliconflow.yaml",
        "--output",
        "out/strict",
        "--strict",
        cwd=tmp_path,
    )
    assert strict.returncode == 2
    assert "--strict" in strict.stderr
    assert not (tmp_path / "out" / "strict").exists()


def test_validate_command(tmp_path: Path):
    result = run("validate", str(ROOT / "specs" / "siliconflow.yaml"), cwd=ROOT)
    assert result.returncode == 0
    assert "2 warning(s)" in result.stdout
    assert run("validate", "specs/mka1.yaml", "--strict", cwd=ROOT).returncode == 0
    assert (
        run("validate", "specs/siliconflow.yaml", "--strict", cwd=ROOT).returncode == 2
    )


def test_check_passes_then_fails_after_a_one_character_spec_change(tmp_path: Path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "pyproject.toml", project)
    shutil.copytree(ROOT / "specs", project / "specs")
    shutil.copytree(
        ROOT / "generated",
        project / "generated",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    clean = run("check", cwd=project)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    spec = project / "specs" / "mka1.yaml"
    text = spec.read_text()
    assert "Optional external end-user identifier" in text
    spec.write_text(
        text.replace(
            "Optional external end-user identifier",
            "Optional external end-user identifieR",
            1,
        )
    )
    stale = run("check", cwd=project)
    assert stale.returncode == 1
    assert "generated/mka1: stale" in stale.stdout
    assert "identifieR" in stale.stdout  # the diff shows the change


def test_black_changes_nothing(tmp_path: Path):
    """Without Black the output is what Black would write: the templates avoid the
    constructs on which Black and ruff format disagree (generator/layout.py)."""
    config = ClientConfig.default(SPECS / "moonshot.yaml", tmp_path / "m", "m")
    with_black = generate(config, "moonshot.yaml", black=True).files
    assert generate(config, "moonshot.yaml").files == with_black


def _stderr_on_a_terminal(*args: str, cwd: Path) -> bytes:
    """What `sdkforge` writes to stderr when stderr is a terminal (a pseudo-terminal)."""
    controller, terminal = os.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
    ) as process:
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            shown += chunk
        assert process.wait() == 0
    os.close(controller)
    return shown


@pytest.mark.parametrize("quiet", [False, True])
def test_progress_line_only_on_a_terminal_and_not_when_quiet(
    tmp_path: Path, quiet: bool
):
    spec = SPECS / "mka1.yaml"
    args = ["generate", str(spec), "--output", str(tmp_path / "p"), "--no-cache"]
    shown = _stderr_on_a_terminal(*args, *(["--quiet"] if quiet else []), cwd=tmp_path)
    if quiet:
        assert shown == b""
    else:
        assert b"\x1b[K" in shown and b": format " in shown and b" files (" in shown
        assert shown.endswith(b"\r\x1b[K")  # cleared before anything else is printed
    piped = run(*args, cwd=tmp_path)
    assert piped.returncode == 0 and "\r" not in piped.stderr
