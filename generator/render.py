"""Render stage: IR in, `{relative path: source text}` out, through the Jinja templates."""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import __version__, layout
from .bindings import RUNTIME_REQUIREMENTS, runtime_dependencies, runtime_exports
from .ir import Api, Resource, enum_values
from .naming import singular
from .python_source import UNPRINTABLE, escaped, python_string
from .runtime import runtime_modules, templates_dir


def docstring_body(text: str, indent: int) -> str:
    """Docstring text escaped for triple quotes, continuation lines indented to `indent`."""
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').replace("\t", "    ")
    text = UNPRINTABLE.sub(escaped, text)
    lines = [line.rstrip() for line in text.strip().splitlines()]
    if len(lines) <= 1:
        line = lines[0] if lines else ""
        # A closing quote the text ends with would run into the docstring's own `"""`.
        # Black and ruff agree on a space between them, except after an escaped quote
        # (the end of an escaped `\"\"\"`), which is written `\x22` instead.
        escapes = len(line[:-1]) - len(line[:-1].rstrip("\\"))
        if line.endswith('"') and escapes % 2:
            return line[:-2] + "\\x22"
        return line + " " if line.endswith('"') else line
    pad = " " * indent
    return (
        "\n".join([lines[0], *[pad + line if line else "" for line in lines[1:]]])
        + "\n"
        + pad
    )


def parameter(name: str, annotation: str, indent: int = 8) -> str:
    """A signature line `name: annotation[ = default]`; the annotation may end in its default."""
    if " = " not in annotation:
        return layout.parameter(name, annotation, indent)
    # Parsed, not split: a default string may itself hold " = ".
    source = f"def f(*, x: {annotation}): pass"
    [function] = ast.parse(source).body
    assert isinstance(function, ast.FunctionDef)
    hint, default = function.args.kwonlyargs[0].annotation, function.args.kw_defaults[0]
    assert hint is not None and default is not None
    return layout.parameter(
        name,
        str(ast.get_source_segment(source, hint)),
        indent,
        str(ast.get_source_segment(source, default)),
    )


def _compiled_templates() -> jinja2.BytecodeCache | None:
    """Compiled templates kept beside them, as Python keeps `.pyc` files: compiling the
    templates cost more than rendering a small package. Jinja checks each entry against its
    template's source and its own version; where the folder is not writable, none is kept."""
    folder = templates_dir() / "__pycache__"
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    return (
        jinja2.FileSystemBytecodeCache(str(folder))
        if os.access(folder, os.W_OK)
        else None
    )


def _environment(overrides: Path | None = None) -> jinja2.Environment:
    """Our templates, each replaced by the file of the same name in `overrides` (a
    project's templates folder) where it has one."""
    ours = jinja2.FileSystemLoader(templates_dir() / "package")
    loader: jinja2.BaseLoader = (
        jinja2.ChoiceLoader([jinja2.FileSystemLoader(overrides), ours])
        if overrides is not None
        else ours
    )
    environment = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=_compiled_templates(),
    )
    environment.filters["docstring_body"] = docstring_body
    environment.filters["py"] = python_string
    environment.filters["parameter"] = parameter
    return environment


def unknown_overrides(overrides: Path | None) -> list[Path]:
    """Files of a project's templates folder that replace none of ours (a misspelt name
    would otherwise be silently ignored)."""
    if overrides is None or not overrides.is_dir():
        return []
    ours = templates_dir() / "package"
    return [
        path
        for path in sorted(overrides.rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and not (ours / path.relative_to(overrides)).is_file()
    ]


def render(
    api: Api, overrides: Path | None = None, packaging: bool = False
) -> dict[str, str]:
    """The package's files; with `packaging`, a pyproject.toml too."""
    environment = _environment(overrides)
    model_modules = api.model_modules()
    model_names = list(model_modules)
    common = {"api": api, "version": __version__, "model_names": model_names}
    exports = _exports(api, model_modules)

    def emit(template: str, **context: object) -> str:
        return environment.get_template(template).render({**common, **context})

    files = {
        "__init__.py": emit(
            "__init__.py.jinja",
            exports=exports,
            # For type checkers: the models through `models/`, one statement for all.
            type_imports=_grouped(
                {
                    name: ".models" if module.startswith(".models.") else module
                    for name, module in exports.items()
                }
            ),
        ),
        "_client.py": emit(
            "_client.py.jinja",
            client_docstring=_client_docstring(api),
            init_docstring=_init_docstring(api),
            client_header_imports=_grouped(
                {
                    name: ".models." + model_modules[name]
                    for p in api.client_headers
                    for name in p.type.model_names()
                }
            ),
        ),
        **runtime_modules(
            {
                "PACKAGE": api.package,
                "USER_AGENT": f"{api.package}-python/{__version__}",
                "ENV_PREFIX": api.env_prefix,
                "AUTH_KIND": api.auth.kind if api.auth else None,
                "AUTH_NAME": api.auth.name if api.auth else "",
                "RETRY_STATUSES": api.retry.statuses,
                "RETRY_CONNECTION_ERRORS": api.retry.connection_errors,
                "RETRY_BACKOFF": api.retry.backoff,
                "RETRY_BUDGET": api.retry.budget,
                "NEVER_RETRY": api.retry.never,
                "BASE_PATH": api.base_path,
                "REQUEST_ID_HEADERS": api.request_id_headers,
                "BATCH_MAX_LINES": api.batch_limits.max_lines,
                "BATCH_MAX_BYTES": api.batch_limits.max_bytes,
                "BATCH_ONE_MODEL": api.batch_limits.one_model,
            },
            _optional_modules(api),
        ),
        "py.typed": "",
        # Apart, so that a spec edited in prose re-renders this line, not `__init__.py`.
        "_version.py": (
            '"""The spec\'s `info.version`, and the first 12 digits of its SHA-256."""\n\n'
            f'__version__ = "{api.package_version}"\n'
        ),
        # Spec text reaches the README as it is, but for the characters no text file
        # should hold raw.
        "README.md": UNPRINTABLE.sub(
            escaped,
            emit(
                "README.md.jinja",
                examples=_readme_examples(api),
                first_path=next((op.path for _, op in api.operations()), ""),
            ),
        ),
        "api.md": UNPRINTABLE.sub(
            escaped,
            emit(
                "api.md.jinja",
                model_modules=model_modules,
                resource_models=_resource_models(api),
            ),
        ),
        "models/__init__.py": emit(
            "models/__init__.py.jinja",
            model_modules={
                name: "." + module for name, module in model_modules.items()
            },
        ),
        "resources/__init__.py": emit("resources/__init__.py.jinja"),
    }
    for module in api.modules:
        files[f"models/{module.name}.py"] = emit(
            "models/module.py.jinja", module=module
        )
    for resource in api.resources:
        nodes = list(resource.nodes())
        files[f"resources/{resource.attribute}.py"] = emit(
            "resources/resource.py.jinja",
            resource=resource,
            resource_nodes=nodes,
            resource_summary=_resource_summary(resource),
            model_names=sorted(set(resource.model_names())),
            class_names=[
                prefix + node.class_name for node in nodes for prefix in ("", "Async")
            ],
        )
    files["testing.py"] = emit("testing.py.jinja", routes=_fake_routes(api))
    if packaging:
        files["pyproject.toml"] = emit(
            "pyproject.toml.jinja",
            requirements=sorted(
                RUNTIME_REQUIREMENTS[d] for d in runtime_dependencies()
            ),
            # What the wheel holds: the modules and the typing marker, not the records.
            wheel_files=sorted(
                {p.split("/")[0] for p in files if p.endswith(".py") or p == "py.typed"}
            ),
        )
    return {path: _with_header(path, text, api.header) for path, text in files.items()}


def _with_header(path: str, text: str, header: str) -> str:
    """The file with `header` as its first line, a comment in its own syntax."""
    if path.endswith(".py"):
        return f"# {header}\n{text}"
    if path.endswith(".md"):
        return f"<!-- {header} -->\n{text}"
    if path.endswith(".toml"):
        return f"# {header}\n{text}"
    return text  # py.typed: a marker, empty by PEP 561


def _resource_models(api: Api) -> dict[str, list[str]]:
    """`{"client.batches": [models its own operations use]}`, for api.md."""
    found: dict[str, list[str]] = {}

    def walk(resource: Resource, prefix: str) -> None:
        chain = f"{prefix}.{resource.attribute}"
        found[chain] = sorted(
            {name for op in resource.operations for name in op.model_names()}
        )
        for child in resource.children:
            walk(child, chain)

    for resource in api.resources:
        walk(resource, "client")
    return found


@dataclass(frozen=True)
class FakeRoute:
    """One operation as the in-memory fake (`testing.py`) answers it."""

    method: str
    path: str
    status: int
    example: str | None
    role: str
    envelope: str | None


def _fake_routes(api: Api) -> list[FakeRoute]:
    """Every operation; those of the batch workflow with their part in it (the runtime's
    `FakeAPI` keeps files and batches for them)."""
    roles: dict[tuple[str, str], str] = {}
    batch = api.batch
    if batch is not None:
        for op, role in (
            (batch.upload, "upload"),
            (batch.create, "create"),
            (batch.download, "download"),
            (batch.cancel, "cancel"),
        ):
            if op is not None:
                roles[(op.method, op.path)] = role
        batch_resource = next(
            path for path, op in api.operations() if op.path == batch.create.path
        )
        for path, op in api.operations():
            if op.method != "get" or op.response.kind != "json":
                continue
            key = (op.method, op.path)
            if path == batch_resource:
                roles.setdefault(key, "batch" if op.path_parameters else "batches")
            elif path == (batch.upload_resource,):
                roles.setdefault(key, "file" if op.path_parameters else "files")
    return [
        FakeRoute(
            op.method,
            op.path,
            op.response.status,
            op.response.example,
            roles.get((op.method, op.path), ""),
            op.response.envelope,
        )
        for _, op in api.operations()
    ]


def _optional_modules(api: Api) -> frozenset[str]:
    """The optional runtime modules this package needs."""
    return frozenset({"_batch.py"} if api.batch is not None else ())


def _exports(api: Api, model_modules: dict[str, str]) -> dict[str, str]:
    """Every name the package exports and the module (relative to it) that defines it."""
    return {
        "__version__": "._version",
        api.class_name: "._client",
        "Async" + api.class_name: "._client",
        **runtime_exports(_optional_modules(api)),
        **{name: ".models." + module for name, module in model_modules.items()},
    }


def _grouped(modules: dict[str, str]) -> list[tuple[str, list[str]]]:
    """`{name: module}` as `(module, sorted names)` pairs: one import statement each."""
    grouped: dict[str, list[str]] = {}
    for name, module in sorted(modules.items()):
        grouped.setdefault(module, []).append(name)
    return sorted(grouped.items())


def _resource_summary(resource: Resource) -> str:
    paths = sorted(
        {
            f"{op.method.upper()} {op.path}"
            for node in resource.nodes()
            for op in node.operations
        }
    )
    return ", ".join(paths) if len(paths) <= 3 else f"{len(paths)} operations"


def _client_docstring(api: Api) -> str:
    lines = [
        f"Client for the {api.title}"
        + (f" (version {api.version})." if api.version else ".")
    ]
    if api.description:
        lines += ["", api.description]
    return "\n".join(lines)


def _init_docstring(api: Api) -> str:
    lines = [
        "Create a client; arguments left out come from the environment or the spec.",
        "",
        "Args:",
        f"  api_key: defaults to the {api.env_prefix}_API_KEY environment variable.",
        f"  base_url: defaults to {api.env_prefix}_BASE_URL, then {api.base_url or 'nothing (required)'}.",
    ]
    for header in api.client_headers:
        lines.append(
            f"  {header.name}: sent as the {header.wire_name} header on every request unless a call sets it."
        )
    retried = (
        "connection errors, " if api.retry.connection_errors else ""
    ) + api.retry.retried_statuses
    lines += [
        "  timeout: seconds, or an httpx.Timeout; per call with timeout=.",
        f"  max_retries: retries of {retried}; per call with max_retries=.",
        "  default_headers: sent with every request.",
        "  http_client: your own httpx client; it is then yours to close.",
        "  max_response_size: bytes of a body read to parse it (None: no limit; downloads",
        "    and event streams have none).",
    ]
    return "\n".join(lines)


@dataclass(frozen=True)
class ReadmeExamples:
    """Calls the package README shows; ids are placeholders such as `batch_abc123`."""

    plain: tuple[str, str] | None
    """(resource path, method) of a call needing no arguments."""
    paginated: tuple[str, str] | None
    item: tuple[str, str] | None
    """(method path, id) of a retrieve-like call with one path parameter."""
    download: tuple[str, str, str] | None
    """(resource path, method, arguments) of an operation answering with bytes, else of
    the plain call: any response can be streamed."""
    waiter: tuple[str, str] | None
    """(resource path, id) of a resource with `wait`."""
    event_stream: str | None
    batch_url: str = "/v1/chat/completions"
    """The URL of a batch's request lines: the batch endpoint the spec names first."""


def example_id(resource: str) -> str:
    return f"{singular(resource)}_abc123"


def _readme_examples(api: Api) -> ReadmeExamples:
    plain: tuple[str, str] | None = None
    paginated: tuple[str, str] | None = None
    whole_list: tuple[str, str] | None = None
    event_stream = None
    item: tuple[str, str] | None = None
    download: tuple[str, str, str] | None = None
    for path, operation in api.operations():
        where = "client." + ".".join(path)
        single_id = (
            len(operation.path_parameters) == 1 and not operation.needs_more_than_path
        )
        if plain is None and not operation.needs_arguments:
            plain = (where, operation.name)
        if operation.pagination and not operation.needs_arguments:
            # A list with a cursor shows paging best; one that comes whole, iterating.
            if operation.pagination.cursor_param is None:
                whole_list = whole_list or (where, operation.name)
            else:
                paginated = paginated or (where, operation.name)
        if (
            item is None
            and single_id
            and operation.method == "get"
            and operation.response.kind == "json"
        ):
            item = (f"{where}.{operation.name}", example_id(path[-1]))
        if download is None and single_id and operation.response.kind == "bytes":
            download = (where, operation.name, f'"{example_id(path[-1])}"')
        if event_stream is None and operation.stream_event is not None:
            event_stream = f"{where}.{operation.name}"
    waiter = next(
        (
            ("client." + r.attribute, example_id(r.attribute))
            for root in api.resources
            for r in root.nodes()
            if r.waiter
        ),
        None,
    )
    # A list is the most representative first call.
    paginated = paginated or whole_list
    plain = paginated or plain
    if download is None and plain is not None:
        download = (*plain, "")
    batch_url = ReadmeExamples.batch_url
    if api.batch is not None:
        endpoint = next(
            f for f in api.batch.create.body_fields if f.wire_name == "endpoint"
        )
        values, _ = enum_values(endpoint.type)
        batch_url = str(values[0]) if values else batch_url
    return ReadmeExamples(
        plain, paginated, item, download, waiter, event_stream, batch_url
    )
