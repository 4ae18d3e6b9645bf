"""The generation cache: an unchanged spec costs no work, a changed one only what changed,
and nothing read from the cache ever changes the output."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.cache import Cache
from generator.config import ClientConfig
from generator.pipeline import generate
from generator.progress import ProgressLine
from tests.conftest import SPECS


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    copy = tmp_path / "moonshot.yaml"
    shutil.copy(SPECS / "moonshot.yaml", copy)
    return copy


def config_for(spec: Path) -> ClientConfig:
    return ClientConfig.default(spec, spec.parent / "out" / "moonshot", "moonshot")


def test_an_unchanged_spec_is_neither_validated_nor_built_again(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    cache = Cache(tmp_path / "cache")
    first = generate(config_for(spec), "moonshot.yaml", cache=cache)
    for stage in ("load", "validate", "build", "render", "format_files"):
        monkeypatch.setattr(pipeline, stage, lambda *a, **k: pytest.fail("ran again"))
    again = generate(config_for(spec), "moonshot.yaml", cache=cache)
    assert again == first


def test_a_changed_spec_gives_what_no_cache_gives(spec: Path, tmp_path: Path):
    cache = Cache(tmp_path / "cache")
    generate(config_for(spec), "moonshot.yaml", cache=cache)
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("description:", "description: Changed.", 1))
    cached = generate(config_for(spec), "moonshot.yaml", cache=cache)
    assert cached == generate(config_for(spec), "moonshot.yaml")
    assert cached.files != generate(config_for(SPECS / "moonshot.yaml"), "x").files


def test_prose_changes_keep_the_validator_findings(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A description, summary or title changed: the validator's findings are reused (and
    located anew); any other change is validated again."""
    cache = Cache(tmp_path / "cache")
    generate(config_for(spec), "moonshot.yaml", cache=cache)
    text = spec.read_text(encoding="utf-8")
    # Two lines more above every finding: reused findings must be located anew.
    spec.write_text(
        text.replace("description:", "description: |\n    A\n    B\n   ", 1)
    )
    expected = generate(config_for(spec), "moonshot.yaml")
    real = pipeline.spec_findings
    monkeypatch.setattr(pipeline, "spec_findings", lambda d: pytest.fail("validated"))
    assert generate(config_for(spec), "moonshot.yaml", cache=cache) == expected
    default = "type: string\n          default: 5\n          enum:"
    spec.write_text(text.replace("type: string\n          enum:", default, 1))
    validated: list[object] = []
    monkeypatch.setattr(pipeline, "spec_findings", lambda d: validated.append(d) or real(d))  # fmt: skip
    result = generate(config_for(spec), "moonshot.yaml", cache=cache)
    assert validated
    assert any("/properties/role/default" in str(w) for w in result.warnings)


def test_only_new_files_are_formatted(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    cache = Cache(tmp_path / "cache")
    generate(config_for(spec), "moonshot.yaml", cache=cache)
    spec.write_text(
        spec.read_text(encoding="utf-8").replace(
            "Unique identifier for the batch task", "The batch task's identifier", 1
        )
    )
    formatted: list[list[str]] = []
    tools = pipeline.format_files.__globals__["_format_with_tools"]

    def spy(python: dict[str, str], black: bool) -> dict[str, str]:
        formatted.append(sorted(python))
        return tools(python, black)

    monkeypatch.setitem(pipeline.format_files.__globals__, "_format_with_tools", spy)
    generate(config_for(spec), "moonshot.yaml", cache=cache)
    # The changed model, and the line of `__version__` that holds the spec's hash.
    assert formatted == [["_version.py", "models/batch_object.py"]]


def test_a_damaged_or_foreign_entry_is_a_miss(spec: Path, tmp_path: Path):
    cache = Cache(tmp_path / "cache")
    expected = generate(config_for(spec), "moonshot.yaml", cache=cache)
    assert cache.folder is not None
    (entry,) = cache.folder.glob("*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["files"]["__init__.py"] = "damaged"  # no longer the manifest's hash
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert generate(config_for(spec), "moonshot.yaml", cache=cache) == expected
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["warnings"] = [["too", "short"]]
    data["findings"] = {"key": data["findings"]["key"], "found": "not a list"}
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert generate(config_for(spec), "moonshot.yaml", cache=cache) == expected
    entry.write_text("{not json", encoding="utf-8")
    assert generate(config_for(spec), "moonshot.yaml", cache=cache) == expected


def test_strict_applies_to_warnings_read_from_the_cache(spec: Path, tmp_path: Path):
    cache = Cache(tmp_path / "cache")
    assert generate(config_for(spec), "moonshot.yaml", cache=cache).warnings
    with pytest.raises(pipeline.FatalError, match="--strict"):
        generate(config_for(spec), "moonshot.yaml", cache=cache, strict=True)


def test_the_progress_line_rewrites_itself_and_clears():
    stream = io.StringIO()
    progress = ProgressLine("generated/openai", stream)
    progress("load", 0)
    progress("format", 1478)
    progress("", 0)
    shown = stream.getvalue()
    assert "\rgenerated/openai: load" not in shown  # each update clears the line first
    assert "\r\x1b[Kgenerated/openai: load (" in shown
    assert "\r\x1b[Kgenerated/openai: format 1478 files (" in shown
    assert shown.endswith("\r\x1b[K")
