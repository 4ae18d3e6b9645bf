"""The `[tool.sdkforge]` table of pyproject.toml: which clients to generate, and how."""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .bindings import runtime_dependencies
from .diagnostics import FatalError, Location
from .naming import pascal, snake


@dataclass(frozen=True)
class OperationName:
    """Where an operation lives: `("chat", "completions")` and `create`."""

    resource: tuple[str, ...]
    method: str


@dataclass(frozen=True)
class WaitConfig:
    """`client.<resource>.wait(id)`: which operation to poll, which field, which values end it."""

    operation: OperationName
    field: str
    terminal: tuple[str, ...]


@dataclass(frozen=True)
class Envelope:
    """A success body `{"code": 0, "message": "ok", "data": {...}}`: the methods return
    what is in `data`."""

    data: str
    around: tuple[str, ...]
    """The other fields an envelope may have; a body with any field else is no envelope."""


@dataclass(frozen=True)
class ClientConfig:
    package: str
    spec: Path
    output: Path
    class_name: str
    env_prefix: str
    path_prefix: str = ""
    operations: dict[str, OperationName] = field(default_factory=dict)
    """Overrides keyed by `"METHOD /path"`."""
    wait: WaitConfig | None = None
    ref_root: Path | None = None
    """The folder the spec's `$ref`s may reach into: the project's (the folder holding
    pyproject.toml), else the spec's own folder."""
    config_file: Path | None = None
    """The pyproject.toml this configuration comes from, if any: where warnings about it
    point."""
    templates: Path | None = None
    """A folder whose templates replace ours of the same name (`templates/package/`)."""
    packaging: bool = False
    """Also write a pyproject.toml, so that the package builds as a wheel."""
    url: str | None = None
    """Where `sdkforge update` fetches the spec from."""
    base_path: str = ""
    """What of every path the provider's documentation puts in the base URL (`/v1`)."""
    overlays: tuple[Path, ...] = ()
    """OpenAPI Overlay documents applied to the spec, in order, before anything else."""
    request_id_header: str | None = None
    """The provider's own request-id header, read before the usual ones."""
    models: dict[str, str] = field(default_factory=dict)
    """Model names that differ from the spec's: `{schema name: class name}`, so that the
    same concept has the same name in every package."""
    envelope: Envelope | None = None
    """How the provider wraps its success responses, if it does."""
    batch: dict[str, Any] = field(default_factory=dict)
    """`[...batch]`: `max_lines`, `max_bytes`, `one_model`, what the provider refuses in
    a batch input file."""
    retries: dict[str, Any] = field(default_factory=dict)
    """`[...retries]`: `statuses`, `never`, `budget`, `connection_errors`, `backoff`; each
    one set wins over the spec's `x-speakeasy-retries`."""

    def config_location(self, *keys: str) -> Location:
        """Where `[tool.sdkforge.clients.<package>]` sets `keys` (a table, then a key of
        it): the file, the line of the last key found, and the TOML path as a pointer."""
        table = ["tool", "sdkforge", "clients", self.package]
        pointer = "/" + "/".join(
            part.replace("~", "~0").replace("/", "~1") for part in (*table, *keys)
        )
        if self.config_file is None:
            return Location(f"[tool.sdkforge.clients.{self.package}]", pointer)
        line = _toml_line(self.config_file, ".".join(table), keys)
        return Location(str(self.config_file), pointer, line)

    @classmethod
    def default(
        cls,
        spec: Path,
        output: Path,
        package: str | None = None,
        ref_root: Path | None = None,
    ) -> ClientConfig:
        name = snake(package or output.name)
        check_package_name(name, None)
        return cls(
            package=name,
            spec=spec,
            output=output,
            class_name=pascal(name),
            env_prefix=name.upper(),
            ref_root=ref_root or project_root(spec),
        )


def check_package_name(name: str, where: Location | None) -> None:
    """A package named like a standard-library module or a package the client imports
    would hide it from the client itself (`import httpx` would find the client)."""
    taken = (
        "the standard library's"
        if name in sys.stdlib_module_names
        else "a dependency's"
        if name in runtime_dependencies()
        else None
    )
    if taken is not None:
        raise FatalError(
            where,
            f"package name {name!r} is {taken}: the client would import itself in its "
            "place; choose another (--package, or the client's name in [tool.sdkforge])",
        )


@dataclass(frozen=True)
class ProjectConfig:
    root: Path
    clients: tuple[ClientConfig, ...]

    def client_for_spec(self, spec: Path) -> ClientConfig | None:
        for client in self.clients:
            if client.spec.resolve() == spec.resolve():
                return client
        return None


def project_root(spec: Path) -> Path | None:
    """The folder holding the pyproject.toml at or above the spec's folder, if any."""
    pyproject = find_pyproject(spec.resolve().parent)
    return pyproject.parent if pyproject else None


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_project(pyproject: Path) -> ProjectConfig:
    where = Location(str(pyproject), "/tool/sdkforge")
    try:
        table = (
            tomllib.loads(pyproject.read_text(encoding="utf-8"))
            .get("tool", {})
            .get("sdkforge", {})
        )
    except tomllib.TOMLDecodeError as exc:
        raise FatalError(
            Location(str(pyproject), ""), f"TOML syntax error: {exc}"
        ) from None
    root = pyproject.parent
    output_root = root / table.get("output", "generated")
    clients = []
    for package, entry in sorted(table.get("clients", {}).items()):
        check_package_name(package, where)
        # Project-wide settings, unless the client sets its own.
        entry = {
            **{k: table[k] for k in ("templates", "packaging") if k in table},
            **entry,
        }
        clients.append(_client_config(root, output_root, package, entry, where))
    return ProjectConfig(root=root, clients=tuple(clients))


_CLIENT_KEYS = {
    "spec",
    "class_name",
    "env_prefix",
    "path_prefix",
    "operations",
    "wait",
    "templates",
    "packaging",
    "url",
    "retries",
    "base_path",
    "request_id_header",
    "models",
    "envelope",
    "batch",
    "overlays",
}


def _client_config(
    root: Path, output_root: Path, package: str, entry: dict[str, Any], where: Location
) -> ClientConfig:
    if "spec" not in entry:
        raise FatalError(where, f"client {package!r} has no 'spec'")
    unknown = sorted(set(entry) - _CLIENT_KEYS)
    if unknown:
        raise FatalError(
            where, f"client {package!r}: unknown key(s) {', '.join(unknown)}"
        )
    operations = {}
    for key, target in entry.get("operations", {}).items():
        method, _, path = key.partition(" ")
        parts = str(target).split(".")
        if not path.startswith("/") or len(parts) < 2:
            raise FatalError(
                where,
                f'operation override {key!r} = {target!r}: want "METHOD /path" = "resource.method"',
            )
        operations[f"{method.upper()} {path}"] = OperationName(
            tuple(parts[:-1]), parts[-1]
        )
    wait = entry.get("wait")
    wait_config = None
    if wait is not None:
        target = (
            str(wait.get("operation", "")).split(".") if isinstance(wait, dict) else []
        )
        terminal = wait.get("terminal") if isinstance(wait, dict) else None
        if (
            len(target) < 2
            or not isinstance(wait.get("field"), str)
            or not isinstance(terminal, list)
        ):
            raise FatalError(
                where,
                f'client {package!r}: wait wants operation = "resource.method", field = "...", terminal = [...]',
            )
        wait_config = WaitConfig(
            OperationName(tuple(target[:-1]), target[-1]),
            wait["field"],
            tuple(map(str, terminal)),
        )
    models = entry.get("models", {})
    if not isinstance(models, dict) or not all(
        isinstance(name, str) and name.isidentifier() and name[:1].isupper()
        for name in models.values()
    ):
        raise FatalError(
            where,
            f'client {package!r}: models wants "SchemaName" = "ClassName" (a class name)',
        )
    envelope = entry.get("envelope")
    if envelope is not None and not (
        isinstance(envelope, dict)
        and set(envelope) <= {"data", "around"}
        and isinstance(envelope.get("data"), str)
        and isinstance(envelope.get("around", []), list)
    ):
        raise FatalError(
            where,
            f'client {package!r}: envelope wants data = "field", around = ["field", ...]',
        )
    batch = entry.get("batch", {})
    if not (
        isinstance(batch, dict)
        and set(batch) <= {"max_lines", "max_bytes", "one_model"}
        and all(
            isinstance(batch.get(key, 1), int) and batch.get(key, 1) > 0
            for key in ("max_lines", "max_bytes")
        )
        and isinstance(batch.get("one_model", False), bool)
    ):
        raise FatalError(
            where,
            f"client {package!r}: batch wants max_lines = n, max_bytes = n, one_model = true|false",
        )
    return ClientConfig(
        package=package,
        batch=dict(batch),
        models={str(key): value for key, value in models.items()},
        envelope=Envelope(envelope["data"], tuple(map(str, envelope.get("around", []))))
        if envelope is not None
        else None,
        spec=root / entry["spec"],
        output=output_root / package,
        class_name=entry.get("class_name", pascal(package)),
        env_prefix=entry.get("env_prefix", package.upper()),
        path_prefix=entry.get("path_prefix", "").rstrip("/"),
        operations=operations,
        wait=wait_config,
        ref_root=root,
        config_file=root / "pyproject.toml",
        templates=root / entry["templates"] if "templates" in entry else None,
        packaging=entry.get("packaging") is True,
        url=str(entry["url"]) if "url" in entry else None,
        retries=_retries(entry.get("retries", {}), package, where),
        overlays=tuple(root / str(path) for path in entry.get("overlays", [])),
        base_path="/" + str(entry["base_path"]).strip("/")
        if "base_path" in entry
        else "",
        request_id_header=(
            str(entry["request_id_header"]).lower()
            if "request_id_header" in entry
            else None
        ),
    )


_RETRY_KEYS = {"statuses", "never", "budget", "connection_errors", "backoff"}


def _retries(table: Any, package: str, where: Location) -> dict[str, Any]:
    """The `retries` table, checked: lists of statuses and codes, seconds, a flag, and
    `backoff = [first, longest, factor]`."""
    wrong = (
        f"client {package!r}: retries wants statuses = [429, '5XX'], never = [codes],"
        " budget = seconds, connection_errors = true|false,"
        " backoff = [first, longest, factor]"
    )
    if not isinstance(table, dict) or set(table) - _RETRY_KEYS:
        raise FatalError(where, wrong)
    checked: dict[str, Any] = {}
    for key, value in table.items():
        if key == "statuses" and isinstance(value, list):
            checked[key] = tuple(str(item).upper() for item in value)
        elif key == "never" and isinstance(value, list):
            checked[key] = tuple(str(item) for item in value)
        elif key == "budget" and isinstance(value, (int, float)) and value >= 0:
            checked[key] = float(value)
        elif key == "connection_errors" and isinstance(value, bool):
            checked[key] = value
        elif (
            key == "backoff"
            and isinstance(value, list)
            and len(value) == 3
            and all(isinstance(v, (int, float)) and v > 0 for v in value)
        ):
            checked[key] = tuple(float(v) for v in value)
        else:
            raise FatalError(where, wrong)
    return checked


def _toml_line(path: Path, table: str, keys: tuple[str, ...]) -> int | None:
    """The line that sets `keys` under `[table]` (`[table.key]` for a sub-table), else the
    nearest line found on the way: enough to point a reader at it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    found = None
    section = table
    for key in (None, *keys):
        if key is not None:
            header = f"[{section}.{key}]"
            if any(line.strip() == header for line in lines):
                section = f"{section}.{key}"
                key = None
        start = next(
            (i for i, line in enumerate(lines) if line.strip() == f"[{section}]"), None
        )
        if start is None:
            return found
        found = start + 1
        if key is None:
            continue
        for number in range(start + 1, len(lines)):
            text = lines[number].strip()
            if text.startswith("["):
                break
            name = text.split("=", 1)[0].strip().strip("\"'")
            if name == key:
                found = number + 1
                break
    return found
