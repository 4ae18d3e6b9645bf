"""The users' loop on a copy of specs/moonshot.yaml: the provider changes its spec, `sdkforge
generate` says what changed in the API and whether it breaks callers, and hand edits to the
generated package survive (merged), or end in conflict markers in that one file."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT

MODEL = "models/batch_object.py"
# A hand edit: a docstring made more precise.
GENERATED_LINE = '"""Processing time window"""'
EDITED_LINE = '"""Processing time window: "24h", or up to "7d" (checked by hand)"""'


def sdkforge(*arguments: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, arguments)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def write_spec(path: Path, spec: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def generate(spec: Path, output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return sdkforge(
        "generate", spec, "--output", output, "--no-cache", *extra, cwd=spec.parent
    )


def files_of(package: Path) -> dict[str, bytes]:
    return {
        p.relative_to(package).as_posix(): p.read_bytes()
        for p in sorted(package.rglob("*"))
        if p.is_file()
    }


def added_field_and_status(spec: dict[str, Any]) -> dict[str, Any]:
    """An optional field and an enum value in a response model: 2 non-breaking changes."""
    spec = copy.deepcopy(spec)
    batch = spec["components"]["schemas"]["BatchObject"]
    batch["properties"]["priority"] = {
        "type": "string",
        "description": "Scheduling priority",
    }
    batch["properties"]["status"]["enum"].append("paused")
    return spec


def narrowed_requests(spec: dict[str, Any]) -> dict[str, Any]:
    """An enum value gone from a request argument, a new required argument: breaking."""
    spec = copy.deepcopy(spec)
    upload = spec["paths"]["/v1/files"]["post"]["requestBody"]["content"]
    upload["multipart/form-data"]["schema"]["properties"]["purpose"]["enum"].remove(
        "video"
    )
    create = spec["components"]["schemas"]["BatchCreateRequest"]
    create["properties"]["project"] = {"type": "string", "description": "Project ID"}
    create["required"].append("project")
    return spec


def test_the_regeneration_loop(tmp_path: Path):
    original = yaml.safe_load((ROOT / "specs" / "moonshot.yaml").read_text())
    specs = tmp_path / "specs"
    specs.mkdir()
    package = tmp_path / "generated" / "moonshot"
    # A twin package regenerated from the same specs with nobody editing it.
    untouched = tmp_path / "untouched" / "moonshot"
    spec = write_spec(specs / "moonshot.yaml", original)
    for output in (package, untouched):
        assert generate(spec, output).returncode == 0

    # A hand edit, then a spec change that touches the same model elsewhere.
    model = package / MODEL
    model.write_text(model.read_text().replace(GENERATED_LINE, EDITED_LINE))
    checked = sdkforge("diff", spec, spec, cwd=specs)
    assert checked.returncode == 0 and checked.stdout.startswith("0 breaking, 0 non")
    before = spec.read_text()
    write_spec(spec, added_field_and_status(original))
    diffed = sdkforge(
        "diff", write_spec(tmp_path / "old.yaml", original), spec, "--format", "json",
        cwd=specs,
    )  # fmt: skip
    report = json.loads(diffed.stdout)
    assert (report["breaking"], report["non_breaking"]) == (0, 2), report
    assert {c["oasdiff"] for c in report["changes"]} == {
        "response-optional-property-added",
        "response-property-enum-value-added",
    }
    assert report["suggested_bump"] == "minor"
    regenerated = generate(spec, package)
    assert regenerated.returncode == 0, regenerated.stderr
    assert "0 breaking, 2 non-breaking" in regenerated.stdout
    assert f"kept your edits to {MODEL}" in regenerated.stdout
    merged = model.read_text()
    assert EDITED_LINE in merged and "priority: str | None = None" in merged
    assert '"paused"' in merged
    changelog = (package / "CHANGELOG.md").read_text()
    assert changelog.count("\n## ") == 2 and "`BatchObject.priority`" in changelog
    assert generate(spec, untouched).returncode == 0
    # Every file but the edited one is what an unedited package gets.
    ours, theirs = files_of(package), files_of(untouched)
    assert {p for p in ours if ours[p] != theirs.get(p)} == {MODEL}

    # Breaking changes: reported, and --fail-on-breaking exits 1.
    old = write_spec(tmp_path / "old.yaml", added_field_and_status(original))
    write_spec(spec, narrowed_requests(added_field_and_status(original)))
    diffed = sdkforge("diff", old, spec, "--fail-on-breaking", cwd=specs)
    assert diffed.returncode == 1, diffed.stdout + diffed.stderr
    assert diffed.stdout.startswith("2 breaking, 0 non-breaking"), diffed.stdout
    assert "client.files.create(purpose=...): request-enum-value-removed" in (
        diffed.stdout
    )
    assert "client.batches.create(project=...): request-field-added-required" in (
        diffed.stdout
    )
    regenerated = generate(spec, package, "--fail-on-breaking")
    assert regenerated.returncode == 1 and "2 breaking" in regenerated.stdout
    assert EDITED_LINE in model.read_text()
    assert generate(spec, untouched).returncode == 0

    # A hand edit on the very lines the next spec changes: markers in that file only.
    model.write_text(
        model.read_text().replace(
            '"""Scheduling priority"""', '"""Scheduling priority (edited)"""'
        )
    )
    changed = narrowed_requests(added_field_and_status(original))
    changed["components"]["schemas"]["BatchObject"]["properties"]["priority"][
        "description"
    ] = "Scheduling priority, low or high"
    write_spec(spec, changed)
    conflicted = generate(spec, package)
    assert conflicted.returncode == 1
    assert f"{MODEL}: your edits conflict" in conflicted.stderr
    text = model.read_text()
    assert text.count("<<<<<<< yours (hand edit)") == 1
    assert "Scheduling priority (edited)" in text
    assert "Scheduling priority, low or high" in text
    assert EDITED_LINE in text  # the edit that does not conflict is kept too
    assert generate(spec, untouched).returncode == 0
    ours, theirs = files_of(package), files_of(untouched)
    assert {p for p in ours if ours[p] != theirs.get(p)} == {MODEL}
    # --discard-edits is the explicit way back to the generated file.
    assert generate(spec, package, "--discard-edits").returncode == 0
    assert files_of(package) == files_of(untouched)
    assert before != spec.read_text()


def test_check_tells_a_hand_edit_from_stale_output(tmp_path: Path):
    (tmp_path / "specs").mkdir()
    shutil.copy(ROOT / "specs" / "moonshot.yaml", tmp_path / "specs")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkforge]\noutput = "generated"\n\n'
        '[tool.sdkforge.clients.moonshot]\nspec = "specs/moonshot.yaml"\n'
    )
    assert sdkforge("generate", "--no-cache", cwd=tmp_path).returncode == 0
    model = tmp_path / "generated" / "moonshot" / MODEL
    model.write_text(model.read_text().replace(GENERATED_LINE, EDITED_LINE))
    checked = sdkforge("check", "--no-cache", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    assert f"generated/moonshot/{MODEL}: hand-edited" in checked.stdout
    assert "generated/moonshot: up to date" in checked.stdout
    spec = tmp_path / "specs" / "moonshot.yaml"
    write_spec(spec, added_field_and_status(yaml.safe_load(spec.read_text())))
    checked = sdkforge("check", "--no-cache", cwd=tmp_path)
    assert checked.returncode == 1
    assert "generated/moonshot: stale" in checked.stdout
    assert "0 breaking, 2 non-breaking" in checked.stdout
