"""Build stage: a loaded spec and its client config in, the frozen IR out.

Every naming and typing decision is taken here; templates only read the result.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from typing import Any, NamedTuple

from ..bindings import reserved
from ..config import ClientConfig, OperationName
from ..diagnostics import (
    Diagnostic,
    FatalError,
    InputError,
    Warn,
    join_pointer,
)
from ..ir import (
    DEFAULT_REQUEST_ID_HEADERS,
    AliasType,
    Api,
    Auth,
    BatchLimits,
    BatchWorkflow,
    Nullable,
    ObjectType,
    Operation,
    Parameter,
    Ref,
    Resource,
    RetryPolicy,
    Skipped,
    TypeExpr,
    Waiter,
    enum_values,
)
from ..load import Document, DocumentSet
from ..naming import NameRegistry, pascal, shortened, singular
from ..openapi import HTTP_METHODS
from .modules import group_modules
from .operation_names import alternative_names, item_collections, operation_name
from .operations import OperationBuilder, PathItem, stripped_text, taking_mappings
from .schemas import SchemaBuilder


def build(documents: DocumentSet, config: ClientConfig, warn: Warn) -> Api:
    spec = documents.root.data
    version = str(spec.get("openapi", spec.get("swagger", "")))
    if not version.startswith("3."):
        version_at = documents.root.location(
            "/openapi" if "openapi" in spec else "/swagger"
        )
        raise FatalError(
            version_at,
            f"OpenAPI version {version!r} is not supported (3.0 and 3.1 are)",
        )
    taken = set(reserved().model) | {config.class_name, "Async" + config.class_name}
    renamed = _renamed_models(documents, config, taken, warn)
    names = NameRegistry(taken | set(renamed.values()))
    schemas = SchemaBuilder(documents, names, warn, renamed)
    schemas.build_components()
    builder = OperationBuilder(schemas, _auth(spec), config.envelope)

    planned, skipped = _plan_operations(documents, config, builder, warn)
    built: list[tuple[OperationName, Operation]] = []
    for (
        where,
        path,
        method,
        item,
        operation_value,
        document,
        pointer,
        placement,
    ) in planned:
        base = pascal(
            "_".join(
                (
                    *placement.resource[:-1],
                    singular(placement.resource[-1]),
                    placement.method,
                )
            )
        )
        try:
            operation = builder.build(
                placement.method,
                base,
                method,
                path,
                item,
                operation_value,
                document,
                pointer,
            )
        except InputError as problem:
            # A broken operation drops only itself, and says so.
            skipped.append(_skipped(warn, problem, method, path, where))
            continue
        built.append((placement, operation))
    failed = schemas.drop_dependents()
    schemas.break_alias_cycles()
    kept = []
    for placement, operation in built:
        needed = next((n for n in operation.model_names() if n in failed), None)
        if needed is None:
            kept.append((placement, operation))
            continue
        where = join_pointer("/paths", operation.path, operation.method)
        missing = InputError(
            documents.root.location(where),
            f"needs schema {needed}, which cannot be generated",
        )
        skipped.append(_skipped(warn, missing, operation.method, operation.path, where))
    built = [
        (placement, taking_mappings(operation, schemas.definitions))
        for placement, operation in kept
    ]
    skipped += [
        Skipped("SCHEMA", name, problem.location.pointer, problem.reason)
        for name, problem in failed.items()
    ]

    client_headers = _client_headers([op for _, op in built])
    waiter = _waiter(config, built, schemas, warn)
    info = spec.get("info") if isinstance(spec.get("info"), dict) else {}
    return Api(
        package=config.package,
        class_name=config.class_name,
        env_prefix=config.env_prefix,
        title=str(info.get("title") or config.class_name),
        description=stripped_text(info.get("description")),
        version=str(info.get("version") or ""),
        base_url=_base_url(spec),
        auth=_auth(spec),
        client_headers=client_headers,
        modules=group_modules(schemas.definitions, schemas.family),
        resources=_resources(
            built,
            client_headers,
            waiter,
            _batch_workflow(waiter, built, schemas),
            set(schemas.definitions),
        ),
        batch_limits=BatchLimits(**config.batch),
        skipped=tuple(skipped),
        retry=_retry_policy(spec, config, documents.root, warn),
        base_path=config.base_path,
        request_id_headers=tuple(
            dict.fromkeys(
                (*filter(None, [config.request_id_header]), *DEFAULT_REQUEST_ID_HEADERS)
            )
        ),
        source=documents.root.path.name,
        spec_sha256=hashlib.sha256(documents.root.path.read_bytes()).hexdigest(),
    )


class _Planned(NamedTuple):
    where: str
    """The operation's pointer in the root document (manifest, diagnostics)."""
    path: str
    method: str
    path_item: PathItem
    operation: dict[str, Any]
    document: Document
    """Where the operation is defined: a `$ref`ed operation's refs are relative to it."""
    pointer: str
    name: OperationName


def _plan_operations(
    documents: DocumentSet, config: ClientConfig, builder: OperationBuilder, warn: Warn
) -> tuple[list[_Planned], list[Skipped]]:
    """Name every operation before any is built: inline models are named after them."""
    root = documents.root
    paths = root.data.get("paths") or {}
    found = []
    skipped = []
    for path, raw_item in paths.items():
        item_pointer = join_pointer("/paths", path)
        path_item, item_document, defined_at = builder.deref(
            raw_item, root, item_pointer
        )
        if not isinstance(path_item, dict):
            continue
        item = PathItem(path_item, item_document, defined_at)
        for method in HTTP_METHODS:
            if method not in path_item:
                continue
            where = join_pointer(item_pointer, method)
            try:
                # An operation may be a `$ref` (to another file, in some large specs).
                operation, document, pointer = builder.deref(
                    path_item[method], item_document, join_pointer(defined_at, method)
                )
            except InputError as problem:
                skipped.append(_skipped(warn, problem, method, path, where))
                continue
            if not isinstance(operation, dict):
                continue
            found.append((where, path, method, item, operation, document, pointer))
            if operation.get("callbacks"):
                skipped.append(
                    Skipped(
                        "CALLBACK",
                        path,
                        join_pointer(where, "callbacks"),
                        "callbacks are not generated",
                    )
                )
    for name in root.data.get("webhooks") or {}:
        skipped.append(
            Skipped(
                "WEBHOOK",
                name,
                join_pointer("/webhooks", name),
                "webhooks are not generated",
            )
        )

    spec_operations = {f"{entry[2].upper()} {entry[1]}" for entry in found}
    for key in sorted(set(config.operations) - spec_operations):
        warn(
            Diagnostic(
                config.config_location("operations", key),
                f"operation override {key!r} names no operation of the spec",
            )
        )
    operation_ids = Counter(found_at[4].get("operationId") for found_at in found)
    collections = item_collections(paths, config.path_prefix)
    placed = []
    for where, path, method, item, operation, document, pointer in found:
        unique_id = operation_ids[operation.get("operationId")] == 1
        try:
            lists = builder.returns_list(operation, document, pointer)
        except InputError as problem:
            skipped.append(_skipped(warn, problem, method, path, where))
            continue
        named = operation_name(
            config, method, path, operation, lists, unique_id, collections
        )
        placement = _unreserved(named)
        if shortened(named.resource[0]) != named.resource[0]:
            warn(
                Diagnostic(
                    root.location(where),
                    f"resource name is {len(named.resource[0])} characters long: "
                    f"shortened to {placement.resource[0]}",
                )
            )
        placed.append(
            (where, path, method, item, operation, document, pointer, placement)
        )
    # A nested resource is an attribute of its parent: no method of the parent may
    # take its name (`executions.terminate` beside `executions.terminate.batch`).
    taken: set[tuple[tuple[str, ...], str]] = {
        (entry[-1].resource[:depth], entry[-1].resource[depth])
        for entry in placed
        for depth in range(1, len(entry[-1].resource))
    }
    planned: list[_Planned] = []
    for where, path, method, item, operation, document, pointer, placement in placed:
        method_name = next(
            (
                candidate
                for candidate in (
                    _unreserved(OperationName(placement.resource, name)).method
                    for name in alternative_names(
                        placement.method, method, path, operation
                    )
                )
                if (placement.resource, candidate) not in taken
            ),
            None,
        )
        if method_name is None:
            reason = f"name {'.'.join(placement.resource)}.{placement.method} is taken by another operation"
            warn(
                Diagnostic(
                    root.location(where),
                    reason + "; set a name under [tool.sdkforge] operations",
                )
            )
            skipped.append(Skipped(method.upper(), path, where, reason))
            continue
        taken.add((placement.resource, method_name))
        planned.append(
            _Planned(
                where,
                path,
                method,
                item,
                operation,
                document,
                pointer,
                OperationName(placement.resource, method_name),
            )
        )
    return planned, skipped


def _skipped(
    warn: Warn, problem: InputError, method: str, path: str, where: str
) -> Skipped:
    """An operation dropped for `problem`: warned about where the problem is."""
    warn(Diagnostic(problem.location, f"operation skipped: {problem.reason}"))
    return Skipped(method.upper(), path, where, problem.reason)


def _renamed_models(
    documents: DocumentSet, config: ClientConfig, taken: set[str], warn: Warn
) -> dict[str, str]:
    """`[...models]` as `{schema pointer: class name}`: a name the runtime or the client
    needs, or given twice, is an error; a schema the spec lacks is warned about."""
    schemas = documents.root.data.get("components", {}).get("schemas", {})
    renamed: dict[str, str] = {}
    for schema, name in sorted(config.models.items()):
        where = config.config_location("models", schema)
        if not isinstance(schemas, dict) or schema not in schemas:
            warn(Diagnostic(where, f"models: the spec has no schema {schema!r}"))
            continue
        if name in taken or name in renamed.values():
            raise FatalError(where, f"models: the name {name!r} is taken")
        renamed[join_pointer("/components/schemas", schema)] = name
    return renamed


def _unreserved(name: OperationName) -> OperationName:
    """A resource or method named like a member its class already has (`client.close`,
    `with_raw_response`) gets a trailing underscore, as a keyword does; a top-level
    resource, also a file name, is kept to a length file systems take."""
    names = reserved()
    resource = tuple(
        segment + "_"
        if segment in (names.client_attribute if depth == 0 else names.resource_member)
        else shortened(segment)
        if depth == 0
        else segment
        for depth, segment in enumerate(name.resource)
    )
    method = name.method + "_" if name.method in names.resource_member else name.method
    return OperationName(resource, method)


def _waiter(
    config: ClientConfig,
    built: list[tuple[OperationName, Operation]],
    schemas: SchemaBuilder,
    warn: Warn,
) -> tuple[tuple[str, ...], Waiter] | None:
    """The configured `wait`: the operation it polls must exist and return the field; a
    terminal value the field's enum does not list is warned about (the spec may have
    dropped it: the wait would then never see it)."""
    if config.wait is None:
        return None
    wanted = config.wait.operation
    operation = next((op for placement, op in built if placement == wanted), None)
    if operation is None:
        raise FatalError(
            config.config_location("wait", "operation"),
            f"no operation {'.'.join((*wanted.resource, wanted.method))} to wait with",
        )
    model = (
        schemas.definitions.get(operation.response.type.name)
        if isinstance(operation.response.type, Ref)
        else None
    )
    fields = {f.wire_name: f for f in getattr(model, "fields", ())}
    if config.wait.field not in fields:
        raise FatalError(
            config.config_location("wait", "field"),
            f"{operation.method.upper()} {operation.path} returns no field {config.wait.field!r}",
        )
    field = fields[config.wait.field]
    status = field.type.inner if isinstance(field.type, Nullable) else field.type
    alias = schemas.definitions.get(status.name) if isinstance(status, Ref) else None
    values, _ = enum_values(alias.target if isinstance(alias, AliasType) else status)
    for value in config.wait.terminal:
        if values and value not in values:
            warn(
                Diagnostic(
                    config.config_location("wait", "terminal"),
                    f"wait terminal value {value!r} is not one of the values the spec"
                    f" gives {config.wait.field} ({', '.join(map(str, values))})",
                )
            )
    return wanted.resource, Waiter(operation, field.name, config.wait.terminal)


_BATCH_FIELDS = frozenset({"input_file_id", "endpoint", "completion_window"})


def _batch_workflow(
    waiter: tuple[tuple[str, ...], Waiter] | None,
    built: list[tuple[OperationName, Operation]],
    schemas: SchemaBuilder,
) -> tuple[tuple[str, ...], BatchWorkflow] | None:
    """An OpenAI-style batch API: the waited-for resource creates a batch from an
    uploaded file (`input_file_id`, `endpoint`, `completion_window`), and a top-level
    resource uploads files with a `purpose`. Its file download, if any, is the GET of
    one file id with a bytes response in that same resource."""
    if waiter is None:
        return None
    path = waiter[0]
    create = next(
        (
            op
            for placement, op in built
            if placement.resource == path
            and _BATCH_FIELDS <= {f.wire_name for f in op.body_fields}
        ),
        None,
    )
    upload = next(
        (
            (placement.resource, op)
            for placement, op in built
            if len(placement.resource) == 1
            and op.body is not None
            and op.body.encoding == "multipart"
            and {"file", "purpose"} <= {f.wire_name for f in op.body_fields}
        ),
        None,
    )
    polled = waiter[1].operation.response.type
    model = schemas.definitions.get(polled.name) if isinstance(polled, Ref) else None
    fields = (
        {f.wire_name: f.name for f in model.fields}
        if isinstance(model, ObjectType)
        else {}
    )
    result_files = tuple(
        fields[name] for name in ("output_file_id", "error_file_id") if name in fields
    )
    if create is None or upload is None or not result_files:
        return None
    download = next(
        (
            op
            for placement, op in built
            if placement.resource == upload[0]
            and op.method == "get"
            and op.response.kind == "bytes"
            and len(op.path_parameters) == 1
        ),
        None,
    )
    return path, BatchWorkflow(
        create,
        upload[1],
        upload[0][0],
        download=download,
        result_type=_batch_result_type(create, [op for _, op in built]),
        result_files=result_files,
        cancel=next(
            (
                op
                for placement, op in built
                if placement.resource == path
                and op.name == "cancel"
                and len(op.path_parameters) == 1
            ),
            None,
        ),
    )


def _batch_result_type(
    create: Operation, operations: list[Operation]
) -> TypeExpr | None:
    """The response model of the batch's endpoint, when it can take one value only and
    the spec has that operation (`/v1/chat/completions` on a server whose paths may or
    may not start with `/v1`)."""
    endpoint = next(f for f in create.body_fields if f.wire_name == "endpoint")
    values, _ = enum_values(endpoint.type)
    if len(values) != 1:
        return None
    url = str(values[0])
    for op in operations:
        if (
            op.method == "post"
            and op.response.kind == "json"
            and isinstance(
                op.response.type, Ref
            )  # a class: what the reader parses into
            and (url == op.path or url.endswith(op.path) and op.path.count("/") > 1)
        ):
            return op.response.type
    return None


def _resources(
    built: list[tuple[OperationName, Operation]],
    client_headers: tuple[Parameter, ...],
    waiter: tuple[tuple[str, ...], Waiter] | None,
    batch: tuple[tuple[str, ...], BatchWorkflow] | None,
    model_names: set[str],
) -> tuple[Resource, ...]:
    client_header_names = {p.wire_name.lower() for p in client_headers}
    tree: dict[tuple[str, ...], list[Operation]] = {}
    for placement, operation in built:
        for depth in range(1, len(placement.resource) + 1):
            tree.setdefault(placement.resource[:depth], [])
        parameters = tuple(
            replace(p, client_default=True)
            if p.location == "header" and p.wire_name.lower() in client_header_names
            else p
            for p in operation.parameters
        )
        tree[placement.resource].append(replace(operation, parameters=parameters))

    classes: set[str] = set()

    def node(path: tuple[str, ...]) -> Resource:
        children = tuple(
            node(child)
            for child in tree
            if len(child) == len(path) + 1 and child[: len(path)] == path
        )
        resource_waiter = (
            waiter[1] if waiter is not None and waiter[0] == path else None
        )
        class_name = pascal("_".join(path))
        # The module imports that model, or the runtime's name: don't hide it; nor may
        # two resources share a class (`devices.switch.ports`, `devices.switch_ports`).
        while (
            class_name in model_names
            or class_name in reserved().resource_class
            or class_name in classes
        ):
            class_name += "Resource"
        classes.add(class_name)
        class_names[path] = class_name
        return Resource(
            path[-1],
            class_name,
            tuple(tree[path]),
            children,
            resource_waiter,
            batch[1] if batch is not None and batch[0] == path else None,
        )

    class_names: dict[tuple[str, ...], str] = {}
    roots = tuple(node(path) for path in tree if len(path) == 1)
    if batch is None:
        return roots
    # The batch resource imports the uploading one's class, named once all are.
    workflow = replace(batch[1], upload_class=class_names[(batch[1].upload_resource,)])
    return tuple(_with_batch(root, workflow) for root in roots)


def _with_batch(resource: Resource, workflow: BatchWorkflow) -> Resource:
    if resource.batch is not None:
        return replace(resource, batch=workflow)
    return replace(
        resource,
        children=tuple(_with_batch(child, workflow) for child in resource.children),
    )


def _client_headers(operations: list[Operation]) -> tuple[Parameter, ...]:
    """Optional headers that every operation accepts can also be set once on the client."""
    if not operations:
        return ()
    common: dict[str, Parameter] = {
        p.wire_name.lower(): p
        for p in operations[0].parameters
        if p.location == "header" and not p.required
    }
    for operation in operations[1:]:
        present = {
            p.wire_name.lower()
            for p in operation.parameters
            if p.location == "header" and not p.required
        }
        common = {k: v for k, v in common.items() if k in present}
    return tuple(common.values())


def _base_url(spec: dict[str, Any]) -> str:
    servers = spec.get("servers")
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
        return ""
    url = str(servers[0].get("url", ""))
    for name, variable in (servers[0].get("variables") or {}).items():
        if isinstance(variable, dict) and "default" in variable:
            url = url.replace("{" + name + "}", str(variable["default"]))
    return url.rstrip("/")


def _auth(spec: dict[str, Any]) -> Auth | None:
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    used = [name for requirement in spec.get("security") or [] for name in requirement]
    for path_item in (spec.get("paths") or {}).values():
        for method in HTTP_METHODS:
            operation = path_item.get(method) if isinstance(path_item, dict) else None
            if isinstance(operation, dict):
                used += [
                    name
                    for requirement in operation.get("security") or []
                    for name in requirement
                ]
    for name in dict.fromkeys(used + list(schemes)):
        scheme = schemes.get(name)
        if not isinstance(scheme, dict):
            continue
        kind = scheme.get("type")
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            return Auth("basic", "Authorization")
        if kind in ("http", "oauth2", "openIdConnect"):
            return Auth("bearer", "Authorization")
        if kind == "apiKey" and scheme.get("in") in ("header", "query"):
            return Auth(scheme["in"], str(scheme.get("name", "")))
    return None


def _retry_policy(
    spec: dict[str, Any], config: ClientConfig, root: Document, warn: Warn
) -> RetryPolicy:
    """The spec's `x-speakeasy-retries` (the policy a provider publishes for its SDKs:
    statuses, backoff in milliseconds, the longest time spent retrying), each part the
    configuration sets overridden by it."""
    found: dict[str, Any] = {}
    published = spec.get("x-speakeasy-retries")
    if isinstance(published, dict):
        try:
            found = _speakeasy_retries(published)
        except (TypeError, ValueError):
            warn(
                Diagnostic(
                    root.location("/x-speakeasy-retries"),
                    "not a retry policy sdkforge can read (statusCodes, backoff"
                    " {initialInterval, maxInterval, exponent, maxElapsedTime} in"
                    " milliseconds, retryConnectionErrors): the default one is used",
                )
            )
    return RetryPolicy(**{**found, **config.retries})


def _speakeasy_retries(published: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if "statusCodes" in published:
        found["statuses"] = tuple(
            str(code).upper() for code in published["statusCodes"]
        )
    if "retryConnectionErrors" in published:
        found["connection_errors"] = bool(published["retryConnectionErrors"])
    backoff = published.get("backoff")
    if isinstance(backoff, dict):
        first = float(backoff.get("initialInterval", 500)) / 1000
        longest = float(backoff.get("maxInterval", 60000)) / 1000
        factor = float(backoff.get("exponent", 1.5))
        if min(first, longest, factor) <= 0:
            raise ValueError(backoff)
        found["backoff"] = (first, longest, factor)
        if "maxElapsedTime" in backoff:
            found["budget"] = float(backoff["maxElapsedTime"]) / 1000
    return found
