"""The intermediate representation between build and render: typed, resolved, named.

Every decision about a spec is taken by the builder and recorded here; templates only
read these frozen dataclasses. Each type kind knows its Python annotation and the
model names it refers to, so render never inspects a schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar
from typing import Literal as TypingLiteral

from . import layout
from .python_source import (
    export_key,
    member_key,
    module_key,
    names_used,
    python_string,
)

MODEL_MODULE_IMPORTS: dict[str, tuple[str, ...]] = {
    "": ("datetime", "typing", "pydantic"),
    "typing": ("Any", "Literal", "TypeAlias"),
    "pydantic": ("Field",),
    "typing_extensions": ("TypeAliasType",),
    ".._models": ("BaseModel", "tagged_by"),
}
"""Every name a model module may import, by module (`""`: a plain `import`)."""
ANNOTATION_BUILTINS = frozenset(
    {"str", "int", "float", "bool", "bytes", "list", "dict"}
)
"""The builtins that generated annotations name."""


@dataclass(frozen=True)
class Primitive:
    """A builtin or stdlib scalar: `str`, `int`, `float`, `bool`, `bytes`, `datetime.date`..."""

    name: str

    def annotation(self, qualified: bool = False) -> str:
        return self.name

    def model_names(self) -> Iterator[str]:
        return iter(())


@dataclass(frozen=True)
class AnyType:
    def annotation(self, qualified: bool = False) -> str:
        return "Any"

    def model_names(self) -> Iterator[str]:
        return iter(())


@dataclass(frozen=True)
class FileType:
    """An uploaded file: a path, bytes, a binary file object or a (name, content) tuple."""

    def annotation(self, qualified: bool = False) -> str:
        return "FileInput"

    def model_names(self) -> Iterator[str]:
        return iter(())


@dataclass(frozen=True)
class Ref:
    """A named model or type alias, defined once in `models/`."""

    name: str

    def annotation(self, qualified: bool = False) -> str:
        return self.name

    def model_names(self) -> Iterator[str]:
        yield self.name


@dataclass(frozen=True)
class LiteralType:
    """Fixed values (`const`, a one-value enum, or a closed set)."""

    values: tuple[str | int | float | bool, ...]

    def annotation(self, qualified: bool = False) -> str:
        return _union_annotation(self, qualified)

    def model_names(self) -> Iterator[str]:
        return iter(())


@dataclass(frozen=True)
class EnumType:
    """An open enum: the known values as a `Literal`, any other value still accepted."""

    values: tuple[str | int | float | bool, ...]
    fallback: Primitive

    def annotation(self, qualified: bool = False) -> str:
        return _union_annotation(self, qualified)

    def model_names(self) -> Iterator[str]:
        return iter(())


@dataclass(frozen=True)
class ListType:
    item: TypeExpr

    def annotation(self, qualified: bool = False) -> str:
        return f"{_builtin('list', qualified)}[{self.item.annotation(qualified)}]"

    def model_names(self) -> Iterator[str]:
        return self.item.model_names()


@dataclass(frozen=True)
class MapType:
    value: TypeExpr

    def annotation(self, qualified: bool = False) -> str:
        return f"{_builtin('dict', qualified)}[str, {self.value.annotation(qualified)}]"

    def model_names(self) -> Iterator[str]:
        return self.value.model_names()


@dataclass(frozen=True)
class UnionType:
    variants: tuple[TypeExpr, ...]
    tag_property: str | None = None
    """A `discriminator`'s property (wire name): the members are models, decoded by tag."""
    tags: tuple[tuple[str, str], ...] = ()
    """(tag value, model name) pairs."""

    def annotation(self, qualified: bool = False) -> str:
        if self.tag_property is None:
            return _union_annotation(self, qualified)
        members = " | ".join(
            f"typing.Annotated[{v.annotation(qualified)},"
            f" pydantic.Tag({json.dumps(v.annotation())})]"
            for v in self.variants
        )
        mapping = ", ".join(f"{json.dumps(t)}: {json.dumps(m)}" for t, m in self.tags)
        tag_property = json.dumps(self.tag_property)
        return f"typing.Annotated[{members}, tagged_by({tag_property}, {{{mapping}}})]"

    def model_names(self) -> Iterator[str]:
        for variant in self.variants:
            yield from variant.model_names()


@dataclass(frozen=True)
class Nullable:
    inner: TypeExpr

    def annotation(self, qualified: bool = False) -> str:
        return _union_annotation(self, qualified)

    def model_names(self) -> Iterator[str]:
        return self.inner.model_names()


@dataclass(frozen=True)
class ModelArgument:
    """An argument that takes a model, or a mapping of the model's JSON fields (a dict
    literal type-checks, as with the official SDKs)."""

    model: Ref

    def annotation(self, qualified: bool = False) -> str:
        return _union_annotation(self, qualified)

    def model_names(self) -> Iterator[str]:
        return self.model.model_names()


@dataclass(frozen=True)
class SequenceArgument:
    """An array argument whose items may be models or mappings: any sequence of them
    (a `list[Model]` is one; `list` alone would refuse it, being invariant)."""

    item: TypeExpr

    def annotation(self, qualified: bool = False) -> str:
        return f"Sequence[{self.item.annotation(qualified)}]"

    def model_names(self) -> Iterator[str]:
        return self.item.model_names()


TypeExpr = (
    Primitive
    | AnyType
    | FileType
    | Ref
    | LiteralType
    | EnumType
    | ListType
    | MapType
    | UnionType
    | Nullable
    | ModelArgument
    | SequenceArgument
)


LiteralValue = str | int | float | bool


def _union_parts(
    type_: TypeExpr, qualified: bool
) -> tuple[list[LiteralValue], list[str]]:
    """The literal values and the other members of a union, nested unions flattened."""
    if isinstance(type_, LiteralType):
        return list(type_.values), []
    if isinstance(type_, EnumType):
        return list(type_.values), type_.fallback.annotation(qualified).split(" | ")
    if isinstance(type_, Nullable):
        values, members = _union_parts(type_.inner, qualified)
        return values, [*members, "None"]
    if isinstance(type_, ModelArgument):
        return [], [type_.model.annotation(qualified), "Mapping[str, object]"]
    if isinstance(type_, UnionType) and type_.tag_property is None:
        values, members = [], []
        for variant in type_.variants:
            variant_values, variant_members = _union_parts(variant, qualified)
            values += variant_values
            members += variant_members
        return values, members
    return [], [type_.annotation(qualified)]


def _union_annotation(type_: TypeExpr, qualified: bool) -> str:
    """A union as type checkers and linters want it: one `Literal` of the values it can
    hold (a float is not one: it makes the union take `float`), each member once, `float`
    without `int`, and `None` last."""
    values, members = _union_parts(type_, qualified)
    # `True == 1` and `1 == 1.0`: values are told apart by their type too.
    literal = list(
        dict.fromkeys((type(v), v) for v in values if not isinstance(v, float))
    )
    if any(isinstance(v, float) for v in values):
        members.append("float")
    unique = list(dict.fromkeys(members))
    if "float" in unique and "int" in unique:
        unique.remove("int")
    parts = [m for m in unique if m != "None"]
    if literal:
        parts.insert(
            0, "Literal[" + ", ".join(_python_literal(v) for _, v in literal) + "]"
        )
    return " | ".join([*parts, "None"] if "None" in unique else parts)


def _builtin(name: str, qualified: bool) -> str:
    """`builtins.list` where a class body may define a method called `list`, as resources do."""
    return f"builtins.{name}" if qualified else name


def _python_literal(value: str | float) -> str:
    if isinstance(value, str):
        return python_string(value)
    return repr(value)


_SCALAR_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
}


def accepts(type_: TypeExpr, value: LiteralValue) -> bool:
    """Whether a scalar `value` is a value of `type_` (as a default must be)."""
    if isinstance(type_, AnyType):
        return True
    if isinstance(type_, Nullable):
        return accepts(type_.inner, value)
    if isinstance(type_, UnionType):
        return any(accepts(variant, value) for variant in type_.variants)
    if isinstance(type_, LiteralType):
        return any(type(value) is type(v) and value == v for v in type_.values)
    if isinstance(type_, EnumType):
        return accepts(LiteralType(type_.values), value) or accepts(
            type_.fallback, value
        )
    if isinstance(type_, Primitive):
        kinds = [
            kind
            for name in type_.name.split(" | ")
            for kind in _SCALAR_TYPES.get(name, ())
        ]
        # bool is an int to Python, not to a type checker.
        return isinstance(value, tuple(kinds)) and (
            not isinstance(value, bool) or bool in kinds
        )
    return False


def enum_values(type_: TypeExpr) -> tuple[list[LiteralValue], bool]:
    """The enum values written in this type (not behind a reference), and whether any of
    its enums is open."""
    values: list[LiteralValue] = []
    is_open = False
    for part in _parts(type_):
        if isinstance(part, (LiteralType, EnumType)):
            values += part.values
            is_open = is_open or isinstance(part, EnumType)
    return list(dict.fromkeys(values)), is_open


def _parts(type_: TypeExpr) -> Iterator[TypeExpr]:
    yield type_
    if isinstance(type_, Nullable):
        yield from _parts(type_.inner)
    elif isinstance(type_, ListType):
        yield from _parts(type_.item)
    elif isinstance(type_, MapType):
        yield from _parts(type_.value)
    elif isinstance(type_, UnionType):
        for variant in type_.variants:
            yield from _parts(variant)


def optional(type_: TypeExpr) -> str:
    """The annotation of a value that may also be None (`Any` already may)."""
    if isinstance(type_, AnyType):
        return type_.annotation()
    return _union_annotation(Nullable(type_), qualified=False)


def argument(type_: TypeExpr, required: bool) -> str:
    """A method argument's annotation: optional ones default to NOT_GIVEN and are then not
    sent; a required one that can take one value only defaults to it (and is sent)."""
    annotation = type_.annotation(qualified=True)
    if not required:
        return f"{annotation} | NotGiven = NOT_GIVEN"
    if isinstance(type_, (LiteralType, EnumType)) and len(type_.values) == 1:
        return f"{annotation} = {_python_literal(type_.values[0])}"
    return annotation


@dataclass(frozen=True)
class Field:
    """A model field or a keyword argument: Python name, wire name, type, docs."""

    name: str
    wire_name: str
    type: TypeExpr
    required: bool
    description: str | None = None
    default: str | float | None = None
    """The spec's scalar default, filled in when a response leaves the field out."""

    @property
    def model_annotation(self) -> str:
        return self._model_parts[0]

    @property
    def model_default(self) -> str:
        """What follows the annotation in a model: nothing, ` = None`, or a `Field(...)` with the wire name."""
        return self._model_parts[1]

    @cached_property
    def _model_parts(self) -> tuple[str, str]:
        """Computed once: the imports of a module and its text both ask for it."""
        annotation = self.type.annotation() if self.required else optional(self.type)
        default = "None" if self.default is None else _python_literal(self.default)
        if self.name == self.wire_name:
            return annotation, "" if self.required else f" = {default}"
        alias = f"alias={_python_literal(self.wire_name)}"
        if layout.alias_in_annotation(self.name, annotation):
            annotated = f"typing.Annotated[{annotation}, Field({alias})]"
            return annotated, "" if self.required else f" = {default}"
        if self.required:
            return annotation, f" = Field({alias})"
        return annotation, f" = Field(default={default}, {alias})"

    @property
    def argument_annotation(self) -> str:
        return argument(self.type, self.required)

    @property
    def is_file(self) -> bool:
        inner = self.type.inner if isinstance(self.type, Nullable) else self.type
        return isinstance(inner, FileType) or (
            isinstance(inner, ListType) and isinstance(inner.item, FileType)
        )


@dataclass(frozen=True)
class ObjectType:
    """A pydantic model class; unknown keys are kept."""

    is_model: ClassVar[bool] = True

    name: str
    description: str | None
    fields: tuple[Field, ...]

    def model_names(self) -> Iterator[str]:
        for field in self.fields:
            yield from field.type.model_names()


@dataclass(frozen=True)
class AliasType:
    """A named schema that is not an object: `KimiK3Message = Message | KimiK3DynamicToolMessage`."""

    is_model: ClassVar[bool] = False

    name: str
    description: str | None
    target: TypeExpr

    def model_names(self) -> Iterator[str]:
        return self.target.model_names()


Definition = ObjectType | AliasType


@dataclass(frozen=True)
class ModelModule:
    """One file under `models/`: a model family, or a cycle of them kept together."""

    name: str
    definitions: tuple[Definition, ...]
    imports: tuple[tuple[str, tuple[str, ...]], ...]
    """(sibling module, names) imported from other model modules."""
    rebuilt: tuple[str, ...]
    """Models that refer to names defined after them and need `model_rebuild()`."""
    lazy_aliases: tuple[str, ...] = ()
    """Aliases in a cycle, or referring to later names: evaluated lazily (`TypeAliasType`)."""

    @property
    def exports(self) -> list[str]:
        """`__all__`, in the order ruff's RUF022 keeps."""
        return sorted((d.name for d in self.definitions), key=export_key)

    @property
    def import_sections(self) -> list[list[str]]:
        """Exactly the imports the module's code uses, grouped and ordered as ruff's
        isort keeps them: standard library, third party, then this package."""
        used: set[str] = set()
        for definition in self.definitions:
            if isinstance(definition, ObjectType):
                used.add("BaseModel")
                for field in definition.fields:
                    used |= names_used(field.model_annotation)
                    used |= names_used(field.model_default.removeprefix(" = "))
            else:
                used |= names_used(definition.target.annotation())
                lazy = definition.name in self.lazy_aliases
                used.add("TypeAliasType" if lazy else "TypeAlias")
        imports = {
            module: used.intersection(names)
            for module, names in MODEL_MODULE_IMPORTS.items()
        }
        sections = [
            [f"import {module}" for module in ("datetime", "typing") if module in used]
            + _from_import("typing", imports["typing"]),
            (["import pydantic"] if "pydantic" in used else [])
            + _from_import("pydantic", imports["pydantic"])
            + _from_import("typing_extensions", imports["typing_extensions"]),
            _from_import(".._models", imports[".._models"])
            + [
                line
                for module, names in sorted(
                    self.imports, key=lambda i: module_key(i[0])
                )
                for line in _from_import(f".{module}", set(names))
            ],
        ]
        return [section for section in sections if section]


def _from_import(module: str, names: set[str]) -> list[str]:
    if not names:
        return []
    return [f"from {module} import {', '.join(sorted(names, key=member_key))}"]


ParameterLocation = TypingLiteral["path", "query", "header", "cookie"]
ParameterStyle = TypingLiteral[
    "form",
    "simple",
    "label",
    "matrix",
    "spaceDelimited",
    "pipeDelimited",
    "deepObject",
    "content",
]


@dataclass(frozen=True)
class Parameter:
    name: str
    wire_name: str
    location: ParameterLocation
    type: TypeExpr
    required: bool
    description: str | None = None
    client_default: bool = False
    """Also settable once on the client (a header every operation accepts)."""
    style: tuple[ParameterStyle, bool] | None = None
    """(`style`, `explode`) where they differ from the location's default: form and
    exploded for query and cookie, simple and not exploded for path and header; `content`
    for a parameter defined by a media type, sent as JSON."""

    @property
    def argument_annotation(self) -> str:
        # A path parameter is positional: a default would have to be on every later one.
        if self.location == "path":
            return self.type.annotation(qualified=True)
        return argument(self.type, self.required)

    @property
    def client_annotation(self) -> str:
        return optional(self.type)


BodyEncoding = TypingLiteral["json", "multipart", "form", "binary", "text"]


@dataclass(frozen=True)
class Body:
    """A request body: flattened into keyword `fields`, or one `body` argument of `type`."""

    content_type: str
    encoding: BodyEncoding
    required: bool
    fields: tuple[Field, ...] | None
    type: TypeExpr | None

    @property
    def argument(self) -> str:
        """The runtime's keyword for this body: `json_body`, `form` or `content`."""
        return {"json": "json_body", "multipart": "form", "form": "form"}.get(
            self.encoding, "content"
        )

    @property
    def argument_annotation(self) -> str:
        return argument(self.type or AnyType(), self.required)

    @property
    def field_groups(self) -> tuple[tuple[str, tuple[Field, ...]], ...]:
        """Flattened fields by runtime keyword; multipart files go apart from form values."""
        fields = self.fields or ()
        if self.encoding != "multipart":
            return ((self.argument, fields),)
        groups = (
            ("files", tuple(f for f in fields if f.is_file)),
            ("form", tuple(f for f in fields if not f.is_file)),
        )
        return tuple(group for group in groups if group[1])


ResponseKind = TypingLiteral["json", "bytes", "empty"]


@dataclass(frozen=True)
class Response:
    kind: ResponseKind
    type: TypeExpr | None
    """The decoded type for `json`; None for `bytes` and `empty`."""
    media_types: tuple[str, ...] = ()
    """What the API documents it sends; the `Accept` header of a download."""
    envelope: str | None = None
    """The field of the body that holds the result, when the provider wraps it."""
    status: int = 200
    """The success status the API documents (200 for `2XX` or `default`)."""
    is_any: bool = False
    """Whether the decoded type is Any, through aliases (`VoidResponse = Any`): the
    method's result needs no cast."""
    example: str | None = None
    """A JSON body as the API would send it (the spec's example, or one built from the
    schema), as JSON text: what the package's in-memory fake answers with."""

    @property
    def accept(self) -> str | None:
        """An `Accept` other than the runtime's `application/json`, or None."""
        if self.kind == "bytes" and self.media_types:
            # A stored file may be of a type the spec does not list (MKA1 documents 4 and
            # serves 28): asked for last, anything else is still accepted.
            fallback = () if "*/*" in self.media_types else ("*/*;q=0.1",)
            return ", ".join((*self.media_types, *fallback))
        return None

    @property
    def annotation(self) -> str:
        if self.kind == "json" and self.type is not None:
            return self.type.annotation(qualified=True)
        return "bytes" if self.kind == "bytes" else "None"


@dataclass(frozen=True)
class ErrorResponse:
    status: str
    """`404`, a range such as `4XX`, or `default`."""
    type: TypeExpr | None
    """Schema of the JSON error body; None when undocumented or not JSON."""


@dataclass(frozen=True)
class Pagination:
    """A cursor-paginated list: where the items and the cursor are, and what an item is."""

    items: str
    """Attribute of the response model holding the page's items."""
    cursor_param: str | None
    """Query parameter (wire name) that asks for the items after a given id; None for a
    list that comes whole, in one page."""
    has_more: str | None
    last_id: str | None
    item: TypeExpr


@dataclass(frozen=True)
class Operation:
    name: str
    method: str
    path: str
    summary: str | None
    description: str | None
    deprecated: bool
    parameters: tuple[Parameter, ...]
    body: Body | None
    response: Response
    errors: tuple[ErrorResponse, ...]
    pagination: Pagination | None = None
    stream_event: TypeExpr | None = None
    """The event type when the operation can answer with server-sent events (`stream=True`)."""
    incomplete: tuple[str, ...] = ()
    """What of the operation the spec left out or got wrong, filled in or dropped (an
    undeclared path parameter, a parameter in no known place): the manifest lists it."""

    def result_annotation(self, is_async: bool) -> str:
        """What the method returns: the response, or a page of items."""
        if self.pagination is None:
            return self.response.annotation
        item = self.pagination.item.annotation(qualified=True)
        return f"AsyncPaginator[{item}]" if is_async else f"SyncPage[{item}]"

    def stream_annotation(self, is_async: bool) -> str:
        event = (
            self.stream_event.annotation(qualified=True) if self.stream_event else "Any"
        )
        return f"AsyncStream[{event}]" if is_async else f"Stream[{event}]"

    def returns_async_paginator(self, is_async: bool) -> bool:
        """An async list method returns its paginator, awaitable for the first page and
        iterable for all items: a plain method, not a coroutine."""
        return is_async and self.pagination is not None

    def is_coroutine(self, is_async: bool) -> bool:
        return is_async and not self.returns_async_paginator(is_async)

    @property
    def returns_value(self) -> bool:
        return (
            self.pagination is not None
            or self.stream_event is not None
            or self.response.kind == "bytes"
            or (self.response.kind == "json" and self.response.type is not None)
        )

    @property
    def body_fields(self) -> tuple[Field, ...]:
        """The body's fields when they are the method's keyword arguments."""
        return self.body.fields if self.body and self.body.fields is not None else ()

    @property
    def body_field_groups(self) -> tuple[tuple[str, tuple[Field, ...]], ...]:
        return (
            self.body.field_groups if self.body and self.body.fields is not None else ()
        )

    @property
    def whole_body(self) -> Body | None:
        """The body when it is one `body` argument (not an object's fields)."""
        return self.body if self.body and self.body.fields is None else None

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")

    @property
    def keyword_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location != "path")

    @property
    def needs_arguments(self) -> bool:
        return bool(self.path_parameters) or self.needs_more_than_path

    @property
    def needs_more_than_path(self) -> bool:
        """Whether a call needs arguments besides its path parameters."""
        if any(p.required and p.location != "path" for p in self.parameters):
            return True
        if self.body is None:
            return False
        if self.body.fields is None:
            return self.body.required
        return any(f.required for f in self.body.fields)

    @property
    def parameter_styles(self) -> dict[str, tuple[ParameterStyle, bool]]:
        """Wire name -> (style, explode) of the parameters not sent the default way."""
        return {p.wire_name: p.style for p in self.parameters if p.style is not None}

    @property
    def grouped_parameters(self) -> tuple[tuple[str, tuple[Parameter, ...]], ...]:
        """Query, header and cookie parameters by the runtime keyword that sends them."""
        groups = []
        for location, keyword in (
            ("query", "query"),
            ("header", "headers"),
            ("cookie", "cookies"),
        ):
            members = tuple(p for p in self.parameters if p.location == location)
            if members:
                groups.append((keyword, members))
        return tuple(groups)

    @property
    def docstring(self) -> str:
        parts = [text for text in (self.summary, self.description) if text]
        if parts[1:] and parts[1].startswith(parts[0]):
            parts = parts[1:]
        arguments: list[Parameter | Field] = [
            *self.parameters,
            *(self.body.fields or () if self.body else ()),
        ]
        documented = [(a.name, a.description) for a in arguments if a.description]
        if documented:
            # Later lines of a description are indented under their argument.
            parts.append(
                "Args:\n"
                + "\n".join(
                    f"  {name}: " + text.replace("\n", "\n    ")
                    for name, text in documented
                )
            )
        return "\n\n".join(parts) or f"{self.method.upper()} {self.path}"

    def model_names(self) -> Iterator[str]:
        for parameter in self.parameters:
            yield from parameter.type.model_names()
        if self.body is not None:
            for field in self.body.fields or ():
                yield from field.type.model_names()
            if self.body.type is not None:
                yield from self.body.type.model_names()
        if self.response.type is not None:
            yield from self.response.type.model_names()
        if self.stream_event is not None:
            yield from self.stream_event.model_names()
        if self.pagination is not None:
            yield from self.pagination.item.model_names()
        for error in self.errors:
            if error.type is not None:
                yield from error.type.model_names()


@dataclass(frozen=True)
class Waiter:
    """`client.<resource>.wait(id)`: poll an operation until a field reaches a terminal value."""

    operation: Operation
    field: str
    """Attribute of the operation's result that is polled."""
    terminal: tuple[str, ...]

    @property
    def docstring(self) -> str:
        values = ", ".join(self.terminal)
        return (
            f"Poll `{self.operation.name}` until `{self.field}` is terminal; return that result.\n\n"
            f"Terminal values: {values}.\n\n"
            "Waits `poll_interval` seconds after the first call, then half as long again\n"
            "each time, up to `max_poll_interval`; `on_poll` sees every result. No deadline\n"
            "by default (a batch may take days): with `deadline` seconds, raises\n"
            "WaitTimeoutError, whose `last` is the last result, rather than sleep past it.\n"
            "The other arguments go to each call as to the method itself (`timeout` is\n"
            "each HTTP request's)."
        )


@dataclass(frozen=True)
class BatchLimits:
    """What the provider refuses in a batch input file (the runtime's BATCH_* constants)."""

    max_lines: int | None = None
    max_bytes: int | None = None
    one_model: bool = False


@dataclass(frozen=True)
class BatchWorkflow:
    """`run()`, `resume()` and `results()` of an OpenAI-style batch resource: upload the
    input file, create the batch, wait for it, read its result files typed."""

    create: Operation
    upload: Operation
    upload_resource: str
    """The top-level resource (its module) that uploads files: `files`."""
    upload_class: str = ""
    download: Operation | None = None
    """`files.content`; None when the provider puts a URL in `output_file_id`."""
    result_type: TypeExpr | None = None
    """The response model of the batch's one endpoint, when the spec has that operation."""
    result_files: tuple[str, ...] = ()
    """The batch's fields that hold its result files' ids: output, then errors."""
    cancel: Operation | None = None

    @property
    def result_annotation(self) -> str:
        body = (
            self.result_type.annotation(qualified=True)
            if self.result_type is not None
            else "builtins.dict[str, Any]"
        )
        return f"BatchResult[{body}] | BatchFailure"


@dataclass(frozen=True)
class Resource:
    """`client.<attribute>`: a group of operations, possibly with nested resources."""

    attribute: str
    class_name: str
    operations: tuple[Operation, ...]
    children: tuple[Resource, ...]
    waiter: Waiter | None = None
    batch: BatchWorkflow | None = None

    def nodes(self) -> Iterator[Resource]:
        """This resource and every nested one, parents first."""
        yield self
        for child in self.children:
            yield from child.nodes()

    def model_names(self) -> Iterator[str]:
        for node in self.nodes():
            for operation in node.operations:
                yield from operation.model_names()
            if node.batch is not None and node.batch.result_type is not None:
                yield from node.batch.result_type.model_names()

    @property
    def docstring(self) -> str:
        names = ", ".join(op.name for op in self.operations)
        return (
            f"Operations on {self.attribute}: {names}."
            if names
            else f"Groups {self.attribute} operations."
        )


@dataclass(frozen=True)
class Auth:
    """How the API key is sent: an `Authorization: Bearer` header or a named key."""

    kind: TypingLiteral["bearer", "basic", "header", "query"]
    name: str


@dataclass(frozen=True)
class Skipped:
    method: str
    path: str
    pointer: str
    reason: str


# The headers APIs commonly give a request's id in (the kept `_constants.py`'s default).
DEFAULT_REQUEST_ID_HEADERS = ("x-request-id", "request-id")


@dataclass(frozen=True)
class RetryPolicy:
    """When the client tries a request again: the runtime's RETRY_* and NEVER_RETRY
    constants. These defaults are the kept `_constants.py`'s (a test holds them equal)."""

    statuses: tuple[str, ...] = ()
    """`"429"`, `"5XX"`; empty: 408, 409, 429 and every 5xx."""
    connection_errors: bool = True
    backoff: tuple[float, float, float] = (0.5, 8.0, 2.0)
    """First wait, longest wait (seconds), factor from one to the next."""
    budget: float | None = None
    """Seconds of waiting between attempts past which no retry starts."""
    never: tuple[str, ...] = ()
    """Error codes in a body that are never retried."""

    @property
    def retried_statuses(self) -> str:
        """The statuses retried, as the docs say them."""
        return ", ".join(self.statuses) if self.statuses else "408, 409, 429 and 5xx"


def generated_header(source: str) -> str:
    """What every generated file says first (as a comment): made from which spec, and how
    to make it again."""
    return (
        f"Generated by sdkforge from {source}: edit the spec and run"
        " `sdkforge generate` (hand edits are merged)."
    )


@dataclass(frozen=True)
class Api:
    package: str
    class_name: str
    env_prefix: str
    title: str
    description: str | None
    version: str
    base_url: str
    auth: Auth | None
    client_headers: tuple[Parameter, ...]
    modules: tuple[ModelModule, ...]
    resources: tuple[Resource, ...]
    skipped: tuple[Skipped, ...]
    source: str = ""
    """The spec's file name, as the generated files' headers name it."""
    retry: RetryPolicy = RetryPolicy()
    base_path: str = ""
    """What of every path a base URL set as the provider documents it already holds."""
    request_id_headers: tuple[str, ...] = DEFAULT_REQUEST_ID_HEADERS
    """Where the API puts the id of a request, first found wins."""
    spec_sha256: str = ""
    batch_limits: BatchLimits = BatchLimits()

    @property
    def batch(self) -> BatchWorkflow | None:
        """The batch workflow, if the spec has an OpenAI-style batch API."""
        return next(
            (
                node.batch
                for root in self.resources
                for node in root.nodes()
                if node.batch is not None
            ),
            None,
        )

    @property
    def header(self) -> str:
        return generated_header(self.source)

    @property
    def package_version(self) -> str:
        """`__version__`: the spec's `info.version` as a PEP 440 release, and the spec's
        hash as the local label (`1.0.0+spec.0f07cf22cf04`), so that two builds of one
        version from different documents tell themselves apart."""
        release = ".".join(
            str(int(part))
            for part in re.findall(r"\d+", self.version.split("+")[0])[:4]
        )
        local = f"+spec.{self.spec_sha256[:12]}" if self.spec_sha256 else ""
        return (release or "0") + local

    def model_modules(self) -> dict[str, str]:
        """Every model's name and the `models/` module that defines it, sorted by name."""
        return dict(
            sorted((d.name, m.name) for m in self.modules for d in m.definitions)
        )

    def operations(self) -> Iterator[tuple[tuple[str, ...], Operation]]:
        """Every operation with the attribute path of its resource, in order."""

        def walk(
            resource: Resource, prefix: tuple[str, ...]
        ) -> Iterator[tuple[tuple[str, ...], Operation]]:
            path = (*prefix, resource.attribute)
            for operation in resource.operations:
                yield path, operation
            for child in resource.children:
                yield from walk(child, path)

        for resource in self.resources:
            yield from walk(resource, ())
