"""The names the generated code binds, read from the templates and the runtime themselves,
and from them the names a spec's names must avoid: one source for every reserved set.

A template's module-level imports are its Python `import` lines; a class's members are
the `def`s of the template or the runtime module that writes it; a model's are pydantic's
`BaseModel` namespace, read from pydantic, and the runtime `BaseModel`'s own. Nothing here
is a list kept by hand, so a template that imports one more name reserves it too.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

from .ir import ANNOTATION_BUILTINS, MODEL_MODULE_IMPORTS
from .runtime import OPTIONAL_MODULES, module_assignments, runtime_dir, templates_dir

RESOURCE_TEMPLATE = "resources/resource.py.jinja"
CLIENT_TEMPLATE = "_client.py.jinja"
# Templates whose modules import the models by name, next to their own imports.
_MODEL_IMPORTING = (
    RESOURCE_TEMPLATE,
    CLIENT_TEMPLATE,
    "__init__.py.jinja",
    "models/__init__.py.jinja",
)
_IMPORT = re.compile(
    r"^[ \t]*(?:from [\w.]+ import (?:\([^)]*\)|[^\n]*)|import [^\n]*)", re.MULTILINE
)
_DEF = re.compile(r"\bdef (\w+)\(")
_SIGNATURE = re.compile(r"{%-? macro signature\(.*?{%-? endmacro", re.DOTALL)
_PARAMETER = re.compile(
    r"^\s+(\w+)(?::[^\n{]*)?,$|\"(\w+)\" \| parameter", re.MULTILINE
)


def _template(name: str) -> str:
    return (templates_dir() / "package" / name).read_text(encoding="utf-8")


def template_imports(name: str) -> frozenset[str]:
    """The names a template's import statements bind (those with no Jinja in them)."""
    names: set[str] = set()
    for match in _IMPORT.finditer(_template(name)):
        statement = match.group(0).strip()
        if "{" not in statement:
            names |= _bound(ast.parse(statement).body[0])
    return frozenset(names)


def _bound(statement: ast.stmt) -> set[str]:
    if isinstance(statement, ast.Import):
        return {a.asname or a.name.split(".")[0] for a in statement.names}
    if isinstance(statement, ast.ImportFrom) and statement.module != "__future__":
        return {a.asname or a.name for a in statement.names}
    return set()


def template_methods(name: str) -> frozenset[str]:
    """The method names a template spells out (`def with_options(`)."""
    return frozenset(_DEF.findall(_template(name)))


def signature_parameters(name: str) -> frozenset[str]:
    """The parameters every method of the template's `signature` macro has."""
    block = _SIGNATURE.search(_template(name))
    if block is None:
        raise ValueError(f"{name} has no signature macro")
    return frozenset(a or b for a, b in _PARAMETER.findall(block.group(0)))


def runtime_members(module: str, *classes: str) -> frozenset[str]:
    """The methods and `self.` attributes of runtime classes."""
    tree = ast.parse((runtime_dir() / module).read_text(encoding="utf-8"))
    members: set[str] = set()
    for node in tree.body:
        if not (isinstance(node, ast.ClassDef) and node.name in classes):
            continue
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                members.add(item.name)
                members |= {
                    target.attr
                    for statement in ast.walk(item)
                    for target in _targets(statement)
                    if isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                }
            else:
                members |= {t.id for t in _targets(item) if isinstance(t, ast.Name)}
    if not members:
        raise ValueError(f"{module} defines none of {classes}")
    return frozenset(members)


def _targets(statement: ast.AST) -> list[ast.expr]:
    if isinstance(statement, ast.AnnAssign):
        return [statement.target]
    if isinstance(statement, ast.Assign):
        return statement.targets
    return []


def runtime_exports(optional: frozenset[str] | None = None) -> dict[str, str]:
    """What a generated package exports next to its clients and models: the `__all__`
    of each runtime module it has (by that convention, the names the package exports
    from it), with the module, relative to the package, that defines each.  Without
    `optional`, of every module: the names no model may take."""
    exports: dict[str, str] = {}
    for path in sorted(runtime_dir().glob("*.py")):
        if optional is not None and path.name in OPTIONAL_MODULES - optional:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, value in module_assignments(tree):
            if name == "__all__":
                exports.update(dict.fromkeys(ast.literal_eval(value), "." + path.stem))
    return exports


@cache
def runtime_dependencies() -> frozenset[str]:
    """The third-party packages generated code imports (`httpx`, `pydantic`...)."""
    found = {
        module
        for key, names in MODEL_MODULE_IMPORTS.items()
        for module in (names if key == "" else (key,))
        if not module.startswith(".")
    }
    for path in runtime_dir().glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return frozenset(found - sys.stdlib_module_names - {"__future__"})


@cache
def runtime_constant(module: str, name: str) -> Any:
    """A literal constant of a runtime module (`DEFAULT_STYLES`), as the runtime has it."""
    tree = ast.parse((runtime_dir() / module).read_text(encoding="utf-8"))
    for assigned, value in module_assignments(tree):
        if assigned == name:
            return ast.literal_eval(value)
    raise KeyError(f"{module} defines no {name}")


@dataclass(frozen=True)
class Reserved:
    """Names a spec's name may not take, by what the spec's name becomes."""

    model: frozenset[str]
    """Model classes: imported by name next to each importing module's own imports."""
    field: frozenset[str]
    """Model fields: the model's namespace and the names its annotations use."""
    client_attribute: frozenset[str]
    """Top-level resources, attributes of the client."""
    resource_member: frozenset[str]
    """Methods and sub-resources, members of a resource class."""
    resource_class: frozenset[str]
    """Resource classes, defined in modules that import the runtime's names."""
    argument: frozenset[str]
    """Method arguments: the method's own parameters and the module names it reads."""


@cache
def reserved() -> Reserved:
    # pydantic comes with openapi-spec-validator; imported only when names are made.
    import pydantic

    model_module = frozenset(
        name for names in MODEL_MODULE_IMPORTS.values() for name in names
    )
    runtime = frozenset(runtime_exports())
    imported_with_models = frozenset().union(
        *(template_imports(t) for t in _MODEL_IMPORTING)
    )
    resource_imports = template_imports(RESOURCE_TEMPLATE)
    return Reserved(
        model=imported_with_models | model_module | runtime,
        field=frozenset(n for n in dir(pydantic.BaseModel) if not n.startswith("_"))
        | runtime_members("_models.py", "BaseModel")
        | model_module
        | ANNOTATION_BUILTINS,
        client_attribute=runtime_members(
            "_base_client.py", "_BaseClient", "SyncAPIClient", "AsyncAPIClient"
        )
        | template_methods(CLIENT_TEMPLATE),
        resource_member=template_methods(RESOURCE_TEMPLATE),
        resource_class=imported_with_models | runtime,
        argument=signature_parameters(RESOURCE_TEMPLATE) | resource_imports,
    )


# What a generated package's pyproject.toml requires for each package its code imports
# (`runtime_dependencies`; tests/pipeline/test_packaging.py keeps the two in step): the
# versions the generated code is tested with, as lower bounds.
RUNTIME_REQUIREMENTS = {
    "httpcore": "httpcore>=1.0",
    "httpx": "httpx>=0.28",
    "pydantic": "pydantic>=2.14",
    "typing_extensions": "typing-extensions>=4.12",
}
