"""The generated packages' runtime: the Python modules of `templates/runtime`, copied as
they are but for the values of `_constants.py`, which are each package's own."""

from __future__ import annotations

import ast
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path

CONSTANTS = "_constants.py"


def templates_dir() -> Path:
    """Templates ship inside the wheel as `generator/templates`; in a checkout they are top-level."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "templates"


def runtime_dir() -> Path:
    return templates_dir() / "runtime"


@cache
def runtime_module_names() -> frozenset[str]:
    """The file names of the runtime modules, as they are in a generated package."""
    return frozenset(path.name for path in runtime_dir().glob("*.py"))


OPTIONAL_MODULES = frozenset({"_batch.py"})
"""Runtime modules only a package that uses them gets (`_batch.py`: a batch API)."""


def runtime_modules(
    constants: Mapping[str, ConstantValue], optional: frozenset[str] = frozenset()
) -> dict[str, str]:
    """`{file name: text}` of every runtime module, `_constants.py` with `constants`; of
    the optional modules, those in `optional`."""
    modules = {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(runtime_dir().glob("*.py"))
        if path.name not in OPTIONAL_MODULES or path.name in optional
    }
    modules[CONSTANTS] = with_values(modules[CONSTANTS], constants)
    return modules


ConstantValue = str | int | float | bool | None | tuple["ConstantValue", ...]


def python_literal(value: ConstantValue) -> str:
    """A constant's value as Python source, strings in double quotes (as ruff writes them)."""
    if isinstance(value, tuple):
        items = ", ".join(python_literal(item) for item in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    if value is None or isinstance(value, bool):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def with_values(source: str, values: Mapping[str, ConstantValue]) -> str:
    """`source` with the value of each module-level `NAME = ...` replaced by `values[NAME]`.

    Every constant the module defines gets a value, and every value has its constant: a
    template and a generator that disagree are a bug, found on the first run."""
    constants = dict(module_assignments(ast.parse(source)))
    if set(constants) != set(values):
        raise KeyError(
            f"{CONSTANTS} defines {sorted(constants)}, the generator gives {sorted(values)}"
        )
    # ast offsets count UTF-8 bytes.
    text = source.encode()
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    for name, value in sorted(
        constants.items(),
        key=lambda item: (item[1].lineno, item[1].col_offset),
        reverse=True,
    ):
        literal = values[name]
        begin = starts[value.lineno - 1] + value.col_offset
        end = starts[(value.end_lineno or value.lineno) - 1] + (
            value.end_col_offset or 0
        )
        written = python_literal(literal)
        text = text[:begin] + written.encode() + text[end:]
    return text.decode()


def module_assignments(tree: ast.Module) -> list[tuple[str, ast.expr]]:
    """(name, value expression) of each module-level assignment to one name."""
    found: list[tuple[str, ast.expr]] = []
    for statement in tree.body:
        target: ast.expr | None = None
        if isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        elif isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        if isinstance(target, ast.Name):
            found.append((target.id, value))
    return found
