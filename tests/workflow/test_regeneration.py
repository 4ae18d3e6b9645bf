"""The users' loop on a copy of specs/moonshot.yaml: the provider changes its spec, `sdkforge
generate` says what changed in the API and whether it breaks callers, and hand edits to the
generated package survive (merged), or end in conflict markers in that one file."""

from __future__ import annotations

import copy
import functools
import hashlib
import http.server
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import moonshot
import yaml

from tests.conftest import ROOT
from tests.gates import failed_gates

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
    # A client by name; a name that is neither a client nor a file is refused.
    assert sdkforge("generate", "moonshot", "--no-cache", cwd=tmp_path).returncode == 0
    unknown = sdkforge("generate", "kimi", cwd=tmp_path)
    assert unknown.returncode == 2
    assert "no client or spec file 'kimi' (configured clients: moonshot)" in (
        unknown.stderr
    )
    version = sdkforge("--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("sdkforge ")
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


def test_every_generated_file_says_where_it_comes_from():
    """A header naming the spec and how to regenerate, and `__version__` from the spec's
    `info.version` and hash; deterministic (no dates)."""
    package = ROOT / "generated" / "moonshot"
    header = (
        "Generated by sdkforge from moonshot.yaml: edit the spec and run"
        " `sdkforge generate` (hand edits are merged)."
    )
    records = {".sdkforge.json", ".sdkforge/base.json", ".sdkforge/.gitattributes"}
    checked = 0
    for path, data in files_of(package).items():
        if path in records or path == "py.typed":
            continue
        first = data.decode().splitlines()[0]
        expected = f"# {header}" if path.endswith(".py") else f"<!-- {header} -->"
        assert first == expected, path
        checked += 1
    assert checked > 40
    digest = hashlib.sha256((ROOT / "specs" / "moonshot.yaml").read_bytes()).hexdigest()
    assert moonshot.__version__ == f"1.0.0+spec.{digest[:12]}"


def test_the_configuration_is_checked_against_the_spec(tmp_path: Path):
    """A wait terminal value the spec dropped and an override naming no operation: located
    warnings (pyproject.toml, line, TOML path), fatal under --strict."""
    (tmp_path / "specs").mkdir()
    spec = yaml.safe_load((ROOT / "specs" / "moonshot.yaml").read_text())
    status = spec["components"]["schemas"]["BatchObject"]["properties"]["status"]
    status["enum"].remove("expired")
    write_spec(tmp_path / "specs" / "moonshot.yaml", spec)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        "[tool.sdkforge]\n"
        'output = "generated"\n'
        "\n"
        "[tool.sdkforge.clients.moonshot]\n"
        'spec = "specs/moonshot.yaml"\n'
        "\n"
        "[tool.sdkforge.clients.moonshot.operations]\n"
        '"GET /v1/nowhere" = "nowhere.list"\n'
        "\n"
        "[tool.sdkforge.clients.moonshot.wait]\n"
        'operation = "batches.retrieve"\n'
        'field = "status"\n'
        'terminal = ["completed", "failed", "expired", "cancelled"]\n'
    )
    generated = sdkforge("generate", "--no-cache", cwd=tmp_path)
    assert generated.returncode == 0, generated.stderr
    assert (
        f"warning: {pyproject}:8: /tool/sdkforge/clients/moonshot/operations/"
        "GET ~1v1~1nowhere: operation override 'GET /v1/nowhere' names no operation"
    ) in generated.stderr
    assert (
        f"warning: {pyproject}:13: /tool/sdkforge/clients/moonshot/wait/terminal:"
        " wait terminal value 'expired' is not one of the values the spec gives status"
    ) in generated.stderr
    strict = sdkforge("generate", "--no-cache", "--strict", cwd=tmp_path)
    assert strict.returncode == 2 and "warning(s) are fatal" in strict.stderr
    assert strict.stderr.startswith(f"sdkforge: error: {pyproject}:8: ")


def test_a_projects_templates_replace_ours(tmp_path: Path):
    """The README's example: an extensions.jinja adding a licence header and a method;
    a misspelt template name is warned about; editing a template regenerates."""
    (tmp_path / "specs").mkdir()
    shutil.copy(ROOT / "specs" / "moonshot.yaml", tmp_path / "specs")
    shutil.copytree(
        ROOT / "tests" / "fixtures" / "template_overrides", tmp_path / "tpl"
    )
    (tmp_path / "tpl" / "_clinet.py.jinja").write_text("misspelt")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkforge]\noutput = "generated"\ntemplates = "tpl"\n\n'
        '[tool.sdkforge.clients.moonshot]\nspec = "specs/moonshot.yaml"\n'
    )
    generated = sdkforge("generate", cwd=tmp_path)
    assert generated.returncode == 0, generated.stderr
    assert "_clinet.py.jinja:" in generated.stderr and "replaces none" in (
        generated.stderr
    )
    client = (tmp_path / "generated" / "moonshot" / "_client.py").read_text()
    assert client.splitlines()[1] == (
        "# Copyright Acme Corp. Licensed under the Apache License 2.0."
    )
    assert client.count("    def describe(self) -> str:") == 2  # sync and async
    assert failed_gates(tmp_path / "generated", "moonshot") == {}
    described = subprocess.run(
        [sys.executable, "-c", "import moonshot; print(moonshot.Moonshot(api_key='k').describe())"],
        cwd=tmp_path / "generated", capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert described.stdout.startswith("Moonshot at https://"), described.stderr
    # The README shows this very example.
    example = (ROOT / "tests/fixtures/template_overrides/extensions.jinja").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "```jinja\n" + example.split("\n", 1)[1] + "```" in readme
    extensions = tmp_path / "tpl" / "extensions.jinja"
    extensions.write_text(extensions.read_text().replace("Acme Corp.", "Acme Inc."))
    assert sdkforge("generate", cwd=tmp_path).returncode == 0
    assert (
        "Acme Inc." in (tmp_path / "generated" / "moonshot" / "_client.py").read_text()
    )


def test_the_pre_commit_hook_runs_check():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [(h["id"], h["entry"], h["pass_filenames"]) for h in hooks] == [
        ("sdkforge-check", "sdkforge check", False)
    ]


def test_update_fetches_the_spec_and_reports(tmp_path: Path):
    """`sdkforge update` against a server on 127.0.0.1: the spec is replaced, the client
    regenerated and the change reported; a failed fetch or a document that does not load
    leaves the spec as it was."""
    served = tmp_path / "served"
    served.mkdir()
    original = yaml.safe_load((ROOT / "specs" / "moonshot.yaml").read_text())
    write_spec(served / "moonshot.yaml", added_field_and_status(original))
    (served / "broken.yaml").write_text("openapi: 3.1.0\npaths: [unclosed\n")
    handler = functools.partial(QuietHandler, directory=str(served))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        project = tmp_path / "project"
        (project / "specs").mkdir(parents=True)
        spec = write_spec(project / "specs" / "moonshot.yaml", original)
        pyproject = project / "pyproject.toml"

        def configure(url: str) -> None:
            pyproject.write_text(
                '[tool.sdkforge]\noutput = "generated"\n\n'
                '[tool.sdkforge.clients.moonshot]\nspec = "specs/moonshot.yaml"\n'
                f'url = "{url}"\n'
            )

        configure(f"{base}/missing.yaml")
        assert sdkforge("generate", "--no-cache", cwd=project).returncode == 0
        before = spec.read_bytes()
        failed = sdkforge("update", "--no-cache", cwd=project)
        assert failed.returncode == 2
        assert (
            f"{pyproject}:6: /tool/sdkforge/clients/moonshot/url: could not fetch"
            in (failed.stderr)
        )
        configure(f"{base}/broken.yaml")
        broken = sdkforge("update", "--no-cache", cwd=project)
        assert broken.returncode == 2 and f"{base}/broken.yaml:" in broken.stderr
        assert spec.read_bytes() == before
        assert [p.name for p in spec.parent.iterdir()] == ["moonshot.yaml"]

        configure(f"{base}/moonshot.yaml")
        updated = sdkforge("update", "moonshot", "--no-cache", cwd=project)
        server.shutdown()
    assert updated.returncode == 0, updated.stderr
    assert f"specs/moonshot.yaml: updated from {base}/moonshot.yaml" in updated.stdout
    assert "0 breaking, 2 non-breaking" in updated.stdout
    assert spec.read_bytes() == (served / "moonshot.yaml").read_bytes()
    assert "priority" in (project / "generated" / "moonshot" / MODEL).read_text()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
