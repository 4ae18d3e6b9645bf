"""Model modules are rendered with exact, sorted imports and `__all__`, so the format stage
skips ruff's import fixes on them (generator/python_source.py): ruff is the oracle here."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest
from ruff import find_ruff_bin

from generator import format as format_stage
from generator.config import ClientConfig
from generator.ir_builder import build
from generator.load import load
from generator.python_source import export_key, member_key, module_key, names_used
from generator.render import render
from tests.conftest import SPECS
from tests.corpus.test_smoke import CORPUS, SMOKE

FIXES = ["--select", "F401,I001,RUF022"]
# Names whose order differs between plain, case-blind and natural sorting.
NAMES = ["item10", "Item2", "ID", "Item10", "tagged_by", "BaseModel", "URL", "_2024"]
NAMES += ["A", "a", "HTTPError", "Http2", "HTTP2", "x_1", "X_1"]
# Digit runs with leading zeros compare digit by digit (the fuzz found them).
NAMES += ["Error_77", "Error_020637606322", "Schema_1St", "Schema_00526Variant"]
MODULES = ["batch10", "batch2", "_2024_models", "batch", "batch_object", "b2b"]
MODULES += ["model75", "model0070072", "model17594", "model093147474138"]


def ruff_fixed(source: str) -> str:
    return subprocess.run(
        [
            find_ruff_bin(),
            "check",
            "--isolated",
            "--fix",
            *FIXES,
            "--stdin-filename",
            "m.py",
            "-",
        ],
        input=source,
        capture_output=True,
        text=True,
        check=False,
    ).stdout


def test_sort_keys_agree_with_ruff():
    names = {m: [f"{n}{i}" if n[-1].isalpha() else n + "x" * i for n in NAMES] for i, m in enumerate(MODULES)}  # fmt: skip
    imports = "\n".join(
        f"from .{module} import {', '.join(sorted(names[module], key=member_key))}"
        for module in sorted(MODULES, key=module_key)
    )
    everything = [name for module in MODULES for name in names[module]]
    exports = ", ".join(f'"{n}"' for n in sorted(everything, key=export_key))
    used = " ".join(f"{n}," for n in everything)
    source = f"{imports}\n\n__all__ = [{exports}]\n\nprint({used})\n"
    assert import_order(ruff_fixed(source)) == import_order(source)


def import_order(source: str) -> list[object]:
    """Modules and names in the order they are imported, and `__all__`, as written."""
    order: list[object] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom):
            order.append((node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Assign):
            order.append(ast.literal_eval(node.value))
    return order


def test_names_used_skips_strings_attributes_and_keywords():
    expression = (
        'typing.Annotated[A | None, pydantic.Tag("B c"), tagged_by("x", {"a": "B"})]'
    )
    assert names_used(expression) == {"typing", "A", "None", "pydantic", "tagged_by"}
    assert names_used(' = Field(default=None, alias="x")') == {"Field", "None"}


@pytest.mark.parametrize(
    "spec", [SPECS / "moonshot.yaml", *(CORPUS / path for path in SMOKE)], ids=str
)
def test_model_modules_need_no_ruff_fix(spec: Path, tmp_path: Path):
    """Neither an unused nor a missing import (F821), nor an unsorted one or `__all__`."""
    config = ClientConfig.default(spec, Path("exact_client"), "exact_client")
    rendered = render(build(load(spec, spec.name), config, lambda _: None))
    formatted, _ = format_stage.format_files(rendered)
    models = [p for p in formatted if format_stage.has_exact_imports(p)]
    for path in models:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(formatted[path], encoding="utf-8")
    result = subprocess.run(
        [
            find_ruff_bin(),
            "check",
            "--isolated",
            "--select",
            "F401,F821,I001,RUF022",
            "--no-cache",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
