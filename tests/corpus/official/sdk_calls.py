"""Writes `openai-python.tsv`: each operation's call path in OpenAI's official Python SDK,
read from the SDK's source (a clone of github.com/openai/openai-python), to compare our
names with in NAMES.md and tests/pipeline/test_llm_names.py. The code samples in OpenAI's
spec are not enough: some show the wrong call (`chat.completions.list` for a retrieve).

    python tests/corpus/official/sdk_calls.py PATH/TO/openai-python > openai-python.tsv

A resource module `resources/beta/threads/runs/runs.py` (or `.../runs.py` beside its
package) is `client.beta.threads.runs`; each public method of its sync class that calls
`self._get("/path")` (or `_post`, `_get_api_list`, ...) gives `METHOD<TAB>/path<TAB>call`.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

REQUESTS = {"_get", "_post", "_put", "_patch", "_delete", "_get_api_list"}


def _path_of(argument: ast.expr) -> str | None:
    if (
        isinstance(argument, ast.Call) and argument.args
    ):  # path_template("/x/{id}", ...)
        argument = argument.args[0]
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return argument.value
    if isinstance(argument, ast.JoinedStr):  # f"/x/{id}"
        return "".join(
            part.value
            if isinstance(part, ast.Constant)
            else f"{{{ast.unparse(part.value)}}}"  # type: ignore[attr-defined]
            for part in argument.values
        )
    return None


def _http_method(call: ast.Call) -> str:
    name = call.func.attr  # type: ignore[attr-defined]
    if name != "_get_api_list":
        return str(name[1:]).upper()
    for keyword in call.keywords:
        if keyword.arg == "method" and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value).upper()
    return "GET"


def sdk_calls(resources: Path) -> set[tuple[str, str, str]]:
    rows = set()
    for module in sorted(resources.rglob("*.py")):
        parts = module.relative_to(resources).with_suffix("").parts
        if parts[-1] == "__init__":
            continue
        chain = parts[:-1] if len(parts) > 1 and parts[-1] == parts[-2] else parts
        for cls in ast.parse(module.read_text(encoding="utf-8")).body:
            if not isinstance(cls, ast.ClassDef) or "SyncAPIResource" not in {
                ast.unparse(base) for base in cls.bases
            }:
                continue
            for function in cls.body:
                if not isinstance(
                    function, ast.FunctionDef
                ) or function.name.startswith("_"):
                    continue
                for node in ast.walk(function):
                    if (
                        isinstance(node, ast.Call)
                        and isinstance(node.func, ast.Attribute)
                        and node.func.attr in REQUESTS
                        and node.args
                        and (path := _path_of(node.args[0]))
                    ):
                        call = ".".join((*chain, function.name))
                        rows.add((_http_method(node), path, call))
    return rows


TABLE = Path(__file__).with_name("openai-python.tsv")


def sdk_call_table() -> dict[tuple[str, str], set[str]]:
    """`{(METHOD, path): {call paths}}` as `openai-python.tsv` records them."""
    calls: dict[tuple[str, str], set[str]] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            method, path, call = line.split("\t")
            calls.setdefault((method, path), set()).add(call)
    return calls


if __name__ == "__main__":
    for row in sorted(sdk_calls(Path(sys.argv[1]) / "src" / "openai" / "resources")):
        print(*row, sep="\t")
