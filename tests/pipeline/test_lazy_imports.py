"""Generated packages import lazily: `import pkg` costs the same whatever the API's size.

The package and `models/` export every name through a PEP 562 `__getattr__` driven by a
name -> module table; the client creates each resource on first use, and a resource
module imports only the models it names (and those, only the models they refer to).
Each check runs in a fresh interpreter, since what counts is what `sys.modules` holds.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import GENERATED
from tests.pipeline.helpers import generate_package

PACKAGES = ["mka1", "moonshot", "siliconflow"]


def run_python(code: str, path: Path = GENERATED) -> object:
    """Run `code` in a fresh interpreter with `path` importable; it prints one JSON value."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env={**os.environ, "PYTHONPATH": str(path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def loaded(package: str) -> str:
    """Python source: the package's own modules now in sys.modules, as a sorted list."""
    return f"sorted(m for m in sys.modules if m.startswith({package + '.'!r}))"


def model_modules_used_by(package_dir: Path, resource: str) -> set[str]:
    """The `models/` modules a resource needs: those of the models it imports, and the
    modules those import in turn, read from the generated source."""

    def imports(path: Path, level: int, source: str) -> list[str]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        return [
            alias.name if source == "models" else node.module or ""
            for node in tree.body
            if isinstance(node, ast.ImportFrom)
            and node.level == level
            and (node.module == source if source == "models" else node.module)
            for alias in node.names
        ]

    table = ast.parse((package_dir / "models" / "__init__.py").read_text())
    [modules] = [
        ast.literal_eval(node.value)
        for node in table.body
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == "_MODULES"
    ]
    names = imports(package_dir / "resources" / f"{resource}.py", 2, "models")
    pending = {modules[name].lstrip(".") for name in names}
    found: set[str] = set()
    while pending:
        module = pending.pop()
        found.add(module)
        siblings = imports(package_dir / "models" / f"{module}.py", 1, "sibling")
        pending |= set(siblings) - found
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_import_and_client_load_no_model_or_resource_module(package: str):
    found = run_python(
        f"""
        import json, sys
        import {package}
        on_import = {loaded(package)}
        [client_class] = [name for name, module in {package}._EXPORTS.items()
                          if module == "._client" and not name.startswith("Async")]
        client = getattr({package}, client_class)(api_key="test-key")
        print(json.dumps([on_import, {loaded(package)}]))
        """
    )
    assert isinstance(found, list)
    on_import, after_client = found
    assert on_import == []
    assert not [
        m
        for m in after_client
        if m.startswith((f"{package}.models", f"{package}.resources"))
    ]


def test_one_call_imports_only_its_resource_and_models():
    found = run_python(
        """
        import json, sys
        import httpx
        from moonshot import Moonshot

        def reply(request):
            return httpx.Response(200, json={"object": "list", "has_more": False, "data": [{
                "id": "batch_1", "object": "batch", "endpoint": "/v1/chat/completions",
                "input_file_id": "file_1", "completion_window": "24h",
                "status": "completed", "created_at": 1,
            }]})

        http_client = httpx.Client(transport=httpx.MockTransport(reply))
        client = Moonshot(api_key="test-key", http_client=http_client)
        batches = list(client.batches.list())
        assert [batch.id for batch in batches] == ["batch_1"], batches
        assert type(batches[0]).__name__ == "BatchObject"
        print(json.dumps(sorted(m for m in sys.modules if m.startswith("moonshot."))))
        """
    )
    assert isinstance(found, list)
    models = {
        m.removeprefix("moonshot.models.")
        for m in found
        if m.startswith("moonshot.models.")
    }
    resources = [m for m in found if m.startswith("moonshot.resources.")]
    assert resources == ["moonshot.resources.batches"]
    expected = model_modules_used_by(GENERATED / "moonshot", "batches")
    assert models == expected
    assert len(models) < len(list((GENERATED / "moonshot" / "models").glob("*.py"))) - 1


@pytest.mark.parametrize("package", PACKAGES)
@pytest.mark.parametrize("where", ["", ".models"])
def test_every_exported_name_resolves_lazily_and_is_listed(package: str, where: str):
    module = package + where
    found = run_python(
        f"""
        import importlib, json, sys
        module = importlib.import_module({module!r})
        table = module._EXPORTS if hasattr(module, "_EXPORTS") else module._MODULES
        problems = []
        if sorted(table) != sorted(module.__all__):
            problems.append(["table and __all__ differ", sorted(set(table) ^ set(module.__all__))])
        listed = dir(module)
        for name in module.__all__:
            if name in vars(module):
                problems.append([name, "bound before first use"])
            value = getattr(module, name)
            defining = importlib.import_module(table[name], {module!r})
            if value is not getattr(defining, name) or name not in listed:
                problems.append([name, "wrong object or not in dir()"])
            if vars(module).get(name) is not value:
                problems.append([name, "not kept after first use"])
        try:
            module.NoSuchName
        except AttributeError as exc:
            problems.append(["NoSuchName", str(exc)])
        print(json.dumps(problems))
        """
    )
    assert found == [["NoSuchName", f"module {module!r} has no attribute 'NoSuchName'"]]


def test_subpackages_stay_reachable_as_attributes():
    found = run_python(
        """
        import json, moonshot
        print(json.dumps([moonshot.models.__name__, moonshot.resources.__name__,
                          "models" in dir(moonshot)]))
        """
    )
    assert found == ["moonshot.models", "moonshot.resources", True]


def test_type_checkers_see_every_name_and_no_others(tmp_path: Path):
    """The `__getattr__` is hidden from type checkers: exported names are typed through
    the `TYPE_CHECKING` imports, and a misspelt name is still an error."""
    usage = tmp_path / "usage_lazy.py"
    usage.write_text(
        textwrap.dedent(
            """
            import moonshot
            from moonshot import BatchObject, Moonshot, NotFoundError
            from moonshot.models import FileObject

            client = Moonshot(api_key="test-key")
            reveal_type(client.batches)
            reveal_type(moonshot.models.BatchListResponse.model_validate({}))
            batch: BatchObject | FileObject | NotFoundError | None = None
            moonshot.NoSuchName
            moonshot.models.NoSuchModel
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(usage)],
        env={**os.environ, "MYPYPATH": str(GENERATED)},
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [
        line.split(": ", 1)[1] for line in result.stdout.splitlines() if ": " in line
    ]
    assert lines == [
        'note: Revealed type is "moonshot.resources.batches.Batches"',
        'note: Revealed type is "moonshot.models.batch_list_response.BatchListResponse"',
        'error: Module has no attribute "NoSuchName"  [attr-defined]',
        'error: Module has no attribute "NoSuchModel"  [attr-defined]',
    ], result.stdout


CROSS_MODULE_CYCLES = """
openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /forests:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Forest'}
  /tags:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Tag'}
components:
  schemas:
    Tag:
      type: object
      required: [label]
      properties:
        label: {type: string}
    Leaf:
      type: object
      properties:
        tag: {$ref: '#/components/schemas/Tag'}
        size: {type: integer}
    Forest:
      type: object
      properties:
        trees: {type: array, items: {$ref: '#/components/schemas/Tree'}}
        biggest: {$ref: '#/components/schemas/Tree'}
    Tree:
      type: object
      properties:
        forest: {$ref: '#/components/schemas/Forest'}
        leaves: {type: array, items: {$ref: '#/components/schemas/Leaf'}}
        parent: {$ref: '#/components/schemas/Tree'}
"""


def test_cycles_and_forward_references_resolve_when_imported_lazily(
    write_spec, tmp_path: Path
):
    """Forest and Tree refer to each other (one module, one of them rebuilt at its end)
    and to Leaf and Tag in modules of their own; reached only through the lazy package,
    they validate, decode leniently and dump with every nested model typed."""
    result, _ = generate_package(
        write_spec(CROSS_MODULE_CYCLES), tmp_path / "out", "lazy_cycles"
    )
    module_of_forest = result.files["models/__init__.py"]
    assert '"Forest": ".forest"' in module_of_forest
    assert '"Tree": ".forest"' in module_of_forest
    assert "model_rebuild()" in result.files["models/forest.py"]
    found = run_python(
        """
        import json, sys
        import httpx
        import lazy_cycles
        from lazy_cycles._models import decode_json

        before = sorted(m for m in sys.modules if m.startswith("lazy_cycles.models."))
        data = {"trees": [{"leaves": [{"tag": {"label": "oak"}, "size": 3}],
                           "parent": {"forest": {"trees": []}}}]}
        forest = lazy_cycles.Forest.model_validate(data)
        leaf = forest.trees[0].leaves[0]
        typed = [type(forest.trees[0]).__name__, type(leaf).__name__, type(leaf.tag).__name__,
                 type(forest.trees[0].parent.forest).__name__]
        # Lenient: `size` breaks the schema, every other value keeps its model.
        data["trees"][0]["leaves"][0]["size"] = "three"
        lenient = decode_json(httpx.Response(200, json=data), lazy_cycles.Forest, strict=False)
        lenient_leaf = lenient.trees[0].leaves[0]
        print(json.dumps({
            "before": before,
            "after": sorted(m for m in sys.modules if m.startswith("lazy_cycles.models.")),
            "typed": typed,
            "dumped": forest.model_dump(exclude_none=True) == {
                "trees": [{"leaves": [{"tag": {"label": "oak"}, "size": 3}],
                           "parent": {"forest": {"trees": []}}}]},
            "lenient": [type(lenient_leaf).__name__, type(lenient_leaf.tag).__name__,
                        lenient_leaf.size],
            "leaf_is_exported": lazy_cycles.models.Leaf is type(leaf),
        }))
        """,
        tmp_path / "out",
    )
    assert found == {
        "before": [],
        "after": [
            "lazy_cycles.models.forest",
            "lazy_cycles.models.leaf",
            "lazy_cycles.models.tag",
        ],
        "typed": ["Tree", "Leaf", "Tag", "Forest"],
        "dumped": True,
        "lenient": ["Leaf", "Tag", "three"],
        "leaf_is_exported": True,
    }


NUMERIC_SCHEMA_NAME = """
openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /reports:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Report'}
components:
  schemas:
    '2024':
      type: object
      properties:
        total: {type: integer}
    Report:
      type: object
      properties:
        year: {$ref: '#/components/schemas/2024'}
"""


def test_a_module_never_hides_a_model_of_the_same_name(write_spec, tmp_path: Path):
    """Schema `2024` is model `Model2024` (a class name starts with a word); its module,
    once imported as Report's dependency, must not shadow the lazily exported model."""
    result, _ = generate_package(
        write_spec(NUMERIC_SCHEMA_NAME), tmp_path / "out", "numeric_names"
    )
    found = run_python(
        """
        import json
        from numeric_names import models
        report = models.Report.model_validate({"year": {"total": 3}})
        print(json.dumps([isinstance(models.Model2024, type), type(report.year) is models.Model2024]))
        """,
        tmp_path / "out",
    )
    assert found == [True, True]
    assert "models/model2024.py" in result.files


@pytest.mark.parametrize("package", PACKAGES)
def test_every_model_builds_its_validator(package: str):
    """Models build their validators at first use (`defer_build`), so importing them no
    longer proves their schemas are sound: build each one here."""
    found = run_python(
        f"""
        import json
        import pydantic
        from {package} import models

        failed, built = [], 0
        for name in models.__all__:
            model = getattr(models, name)
            if isinstance(model, type) and issubclass(model, pydantic.BaseModel):
                try:
                    model.model_rebuild()
                    built += model.__pydantic_complete__
                except Exception as exc:
                    failed.append(f"{{name}}: {{exc}}")
        print(json.dumps([built > 0, failed]))
        """
    )
    assert found == [True, []]
