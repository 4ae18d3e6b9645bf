"""Schemas to IR types: `$ref`s resolved once, every model named once, cycles allowed."""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, InputError, Location, Warn, join_pointer
from ..ir import (
    AliasType,
    AnyType,
    Definition,
    EnumType,
    Field,
    FileType,
    ListType,
    LiteralType,
    MapType,
    Nullable,
    ObjectType,
    Primitive,
    Ref,
    TypeExpr,
    UnionType,
    accepts,
)
from ..load import Document, DocumentSet, Target
from ..naming import (
    MAX_MODULE_NAME,
    NameRegistry,
    field_name,
    module_name,
    pascal,
    snake,
)
from ..openapi import discriminator_ref

_PRIMITIVES = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "None",
}
_STRING_FORMATS = {"date-time": "datetime.datetime", "date": "datetime.date"}


# Keys that annotate a schema without constraining its shape.
_ANNOTATION_KEYS = frozenset(
    {
        "nullable",
        "description",
        "title",
        "default",
        "example",
        "examples",
        "readOnly",
        "writeOnly",
        "deprecated",
        "externalDocs",
    }
)


def _is_annotation(part: Any) -> bool:
    """An `allOf` part such as `{nullable: true}` that adds no shape of its own."""
    return isinstance(part, dict) and all(
        key in _ANNOTATION_KEYS or key.startswith("x-") for key in part
    )


def _shape_parts(schema: dict[str, Any]) -> list[Any]:
    """The `allOf` parts that contribute a shape (annotation-only parts left out)."""
    all_of = schema.get("allOf")
    if not isinstance(all_of, list):
        return []
    return [part for part in all_of if not _is_annotation(part)]


def _is_nullable(schema: Any) -> bool:
    """3.0 `nullable: true` (also inside an annotation-only `allOf` part) or 3.1 `null`."""
    if not isinstance(schema, dict):
        return False
    declared = schema.get("type")
    if schema.get("nullable") is True or (
        isinstance(declared, list) and "null" in declared
    ):
        return True
    all_of = schema.get("allOf")
    return isinstance(all_of, list) and any(
        _is_annotation(part) and part.get("nullable") is True for part in all_of
    )


def is_object_schema(schema: Any) -> bool:
    """An object with named properties, or `allOf` merging several parts: a model class.

    `allOf` with a single shape (`[{$ref: X}, {nullable: true}]`) is that shape itself.
    """
    return (
        isinstance(schema, dict)
        and ("properties" in schema or len(_shape_parts(schema)) > 1)
        and not ("oneOf" in schema or "anyOf" in schema)
    )


def _is_empty_object(schema: Any) -> bool:
    """`type: object` and nothing else: a model with no declared fields that keeps every key."""
    return (
        isinstance(schema, dict)
        and schema.get("type") == "object"
        and not any(
            k in schema
            for k in ("additionalProperties", "oneOf", "anyOf", "enum", "const")
        )
    )


@dataclass(frozen=True)
class Site:
    """Where a schema is built: its document and pointer, the name an inline model there
    takes (`hint`), the models/ module it joins (`family`), and whether a binary string
    there is an uploaded file (multipart bodies)."""

    document: Document
    pointer: str
    hint: str
    family: str
    files: bool = False

    @classmethod
    def of(cls, target: Target, hint: str, family: str) -> Site:
        return cls(target.document, target.pointer, hint, family)

    @property
    def location(self) -> Location:
        return self.document.location(self.pointer)

    def at(self, *tokens: str | int, hint: str = "", files: bool | None = None) -> Site:
        """The site of a sub-schema: the pointer goes down `tokens`, the hint takes the
        suffix `hint`."""
        return replace(
            self,
            pointer=join_pointer(self.pointer, *tokens),
            hint=self.hint + hint,
            files=self.files if files is None else files,
        )


MAX_SCHEMA_NESTING = 100
"""Deepest chain of schemas (inline or through `$ref`s) built in one go: ten times what real
specs use (Stripe's deepest JSON nesting is 25), well inside Python's recursion limit and
the 200 brackets its parser allows in one annotation."""


class SchemaBuilder:
    """Builds `TypeExpr`s; named definitions accumulate in `definitions` with their family."""

    def __init__(
        self,
        documents: DocumentSet,
        names: NameRegistry,
        warn: Warn,
        renamed: Mapping[str, str] | None = None,
    ) -> None:
        self.documents = documents
        self.names = names
        self.warn = warn
        self.renamed = dict(renamed or {})
        """Pointer of a root-document schema -> the class name the configuration gives it
        (already reserved in `names`)."""
        self.definitions: dict[str, Definition] = {}
        self.family: dict[str, str] = {}
        """Definition name -> the models/ module it belongs in before cycles are merged."""
        self._named: dict[tuple[Path, str], str] = {}
        self._targets: dict[str, Target] = {}
        """Where each named schema is defined."""
        self.failed: dict[str, InputError] = {}
        """Named schemas that cannot be generated, and why; whatever needs one is dropped."""
        self._depth = 0

    # -- named schemas -------------------------------------------------------------

    def build_components(self) -> None:
        schemas = self.documents.root.data.get("components", {}).get("schemas", {})
        if not isinstance(schemas, dict):
            return
        for key in schemas:
            target = Target(
                self.documents.root, join_pointer("/components/schemas", key)
            )
            try:
                self.named_ref(target)
            except InputError:
                continue  # warned about where it failed (named_ref)

    def break_alias_cycles(self) -> None:
        """`A = B | str` with `B = A | int`: an alias that is a member of its own union,
        through other aliases, is refused by type checkers; that member is left out."""
        for name in sorted(self.definitions):
            definition = self.definitions[name]
            if not isinstance(definition, AliasType):
                continue
            cyclic = {
                member
                for member in _direct_members(definition.target)
                if name in self._alias_closure(member)
            }
            if not cyclic:
                continue
            target = definition.target
            for member in sorted(cyclic):
                target = _without_member(target, member)
            self.definitions[name] = replace(definition, target=target)
            where = self._targets[name]
            self.warn(
                Diagnostic(
                    where.document.location(where.pointer),
                    f"{name} is among its own alternatives through "
                    f"{', '.join(sorted(cyclic))}; left out there",
                )
            )

    def _alias_closure(self, name: str) -> set[str]:
        """`name` and every alias reachable from it through union members."""
        seen: set[str] = set()
        pending = [name]
        while pending:
            current = pending.pop()
            definition = self.definitions.get(current)
            if current in seen or not isinstance(definition, AliasType):
                continue
            seen.add(current)
            pending += _direct_members(definition.target)
        return seen

    def drop_dependents(self) -> dict[str, InputError]:
        """Drop the definitions that refer to a failed one (built before it failed, through
        a cycle), until none does; returns every failed name with its problem."""
        changed = True
        while changed:
            changed = False
            for name, definition in list(self.definitions.items()):
                needed = next(
                    (ref for ref in definition.model_names() if ref in self.failed),
                    None,
                )
                if needed is None:
                    continue
                del self.definitions[name]
                self.failed[name] = InputError(
                    self.failed[needed].location,
                    f"needs schema {needed}, which cannot be generated",
                )
                self.warn(
                    Diagnostic(
                        self.failed[name].location,
                        f"schema {name} skipped: {self.failed[name].reason}",
                    )
                )
                changed = True
        return self.failed

    def named_ref(self, target: Target) -> Ref:
        key = (target.document.path, target.pointer)
        if key in self._named:
            name = self._named[key]
            if name in self.failed:
                raise self._needs(name, target)
            return Ref(name)
        # A whole file is a schema (`$ref: pet.yaml`): named after the file.
        token = (
            _name_token(target.pointer) if target.pointer else target.document.path.stem
        )
        # Python reads identifiers in NFKC form (`Ĳ` is `IJ`): a name used as written
        # must be in that form already, or `__all__` would name something else.
        token = unicodedata.normalize("NFKC", token)
        wanted = token if token.isidentifier() and token[0].isupper() else pascal(token)
        if keyword.iskeyword(wanted):  # a schema called `None` or `True`
            wanted += "Model"
        elif wanted.startswith("_"):  # `2024`, `1st`: a class name starts with a word
            wanted = "Model" + wanted.lstrip("_")
        renamed = (
            self.renamed.get(target.pointer)
            if target.document is self.documents.root
            else None
        )
        name = renamed or self.names.claim(wanted)
        self._named[key] = name
        self._targets[name] = target
        self.family[name] = module_name(name)
        if len(snake(name)) > MAX_MODULE_NAME:
            self.warn(
                Diagnostic(
                    target.document.location(target.pointer),
                    f"schema name is {len(name)} characters long: its module is "
                    f"models/{self.family[name]}.py",
                )
            )
        try:
            self.definitions[name] = self._definition(name, target)
        except InputError as problem:
            self.failed[name] = problem
            self.warn(
                Diagnostic(problem.location, f"schema {name} skipped: {problem.reason}")
            )
            raise self._needs(name, target) from None
        return Ref(name)

    def _needs(self, name: str, target: Target) -> InputError:
        return InputError(
            target.document.location(target.pointer),
            f"needs schema {name}, which cannot be generated",
        )

    def _definition(self, name: str, target: Target) -> Definition:
        schema = target.value
        if is_object_schema(schema) or _is_empty_object(schema):
            return self._object(name, schema, Site.of(target, name, self.family[name]))
        if self._refers_only_to_itself(target):
            self.warn(
                Diagnostic(
                    target.document.location(target.pointer),
                    "$refs that lead only back to this schema define no type; typed as Any",
                )
            )
            return AliasType(name, _description(schema), AnyType())
        inner = self.type_of(schema, Site.of(target, name, self.family[name]))
        if name in _direct_members(inner):
            # `A = A | str` says no more than `A = str`, and type checkers refuse it.
            self.warn(
                Diagnostic(
                    target.document.location(target.pointer),
                    f"{name} lists itself among its own alternatives; that one is left out",
                )
            )
            inner = _without_member(inner, name)
        return AliasType(name, _description(schema), inner)

    def _refers_only_to_itself(self, target: Target) -> bool:
        """`A: {$ref: B}`, `B: {$ref: A}`: a chain of bare `$ref`s that comes back."""
        try:
            self.documents.follow(target.value, target.document, target.pointer)
        except InputError:
            return True
        return False

    # -- any schema ----------------------------------------------------------------

    def type_of(self, schema: Any, site: Site) -> TypeExpr:
        """The type of `schema` at `site`; inline objects there become models named
        after its hint."""
        if self._depth == MAX_SCHEMA_NESTING:
            raise InputError(
                site.location,
                f"schemas nest more than {MAX_SCHEMA_NESTING} levels deep here "
                "(inline schemas and $refs), deeper than generated code can",
            )
        self._depth += 1
        try:
            return self._type_of(schema, site)
        finally:
            self._depth -= 1

    def _type_of(self, schema: Any, site: Site) -> TypeExpr:
        if schema is True or schema == {} or schema is None:
            return AnyType()
        if not isinstance(schema, dict):
            self.warn(
                Diagnostic(site.location, "schema is not an object; typed as Any")
            )
            return AnyType()
        nullable = _is_nullable(schema)
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = self.documents.resolve(ref, site.document)
            base: TypeExpr = self.named_ref(target)
            # A nullable model component: its class cannot carry the None, the reference can.
            nullable = nullable or (
                _is_nullable(target.value)
                and (is_object_schema(target.value) or _is_empty_object(target.value))
            )
        else:
            base = self._base_type(schema, site)
        if nullable and not isinstance(base, (Nullable, AnyType)):
            return Nullable(base)
        return base

    def _base_type(self, schema: dict[str, Any], site: Site) -> TypeExpr:
        if "const" in schema:
            return (
                LiteralType((schema["const"],))
                if _is_scalar(schema["const"])
                else AnyType()
            )
        if isinstance(schema.get("enum"), list):
            return _enum(schema)
        for union_keyword in ("oneOf", "anyOf"):
            if isinstance(schema.get(union_keyword), list) and not schema.get(
                "properties"
            ):
                return self._union(
                    schema[union_keyword],
                    site.at(union_keyword),
                    schema.get("discriminator"),
                )
        shape_parts = _shape_parts(schema)
        if len(shape_parts) == 1 and not schema.get("properties"):
            index = schema["allOf"].index(shape_parts[0])
            return self.type_of(shape_parts[0], site.at("allOf", index))
        if is_object_schema(schema):
            return self._inline_object(schema, site)
        types = schema.get("type")
        if isinstance(types, list):
            non_null = [t for t in types if t != "null"]
            variants = [self._typed(dict(schema, type=t), site) for t in non_null]
            inner: TypeExpr = _union_of(variants) if variants else Primitive("None")
            return Nullable(inner) if "null" in types and non_null else inner
        return self._typed(schema, site)

    def _typed(self, schema: dict[str, Any], site: Site) -> TypeExpr:
        kind = schema.get("type")
        if kind == "array" or (kind is None and "items" in schema):
            items = schema.get("items")
            if items is None:
                return ListType(AnyType())
            return ListType(self.type_of(items, site.at("items", hint="Item")))
        if kind == "object" or (kind is None and "additionalProperties" in schema):
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                value_site = site.at("additionalProperties", hint="Value", files=False)
                return MapType(self.type_of(extra, value_site))
            return MapType(AnyType())
        if kind == "string":
            if schema.get("format") == "binary":
                return FileType() if site.files else Primitive("bytes")
            return Primitive(_STRING_FORMATS.get(schema.get("format", ""), "str"))
        if kind in _PRIMITIVES:
            return Primitive(_PRIMITIVES[kind])
        return AnyType()

    def _union(
        self, variants: list[Any], site: Site, discriminator: Any = None
    ) -> TypeExpr:
        built: list[TypeExpr] = []
        members: list[tuple[Any, TypeExpr]] = []
        nullable = False
        suffixes = _variant_suffixes(variants)
        for index, variant in enumerate(variants):
            if isinstance(variant, dict) and variant.get("type") == "null":
                nullable = True
                continue
            built.append(self.type_of(variant, site.at(index, hint=suffixes[index])))
            members.append((variant, built[-1]))
        inner = _union_of(built) if built else AnyType()
        tagged = self._tags(discriminator, members, site.document)
        if isinstance(inner, UnionType) and tagged is not None:
            inner = replace(inner, tag_property=tagged[0], tags=tagged[1])
        return (
            Nullable(inner)
            if nullable and not isinstance(inner, (AnyType, Nullable))
            else inner
        )

    def _tags(
        self,
        discriminator: Any,
        members: list[tuple[Any, TypeExpr]],
        document: Document,
    ) -> tuple[str, tuple[tuple[str, str], ...]] | None:
        """(property, (tag value, model) pairs) of a `discriminator` whose every member is
        a model that requires the tag and has one of its own; None leaves the union to
        plain validation.

        A tag comes from the `mapping`, else from the member's `const` or one-value `enum`
        for the property, else (as OpenAPI says) from the member schema's name."""
        if not isinstance(discriminator, dict):
            return None
        tag_property = discriminator.get("propertyName")
        mapping = discriminator.get("mapping")
        mapping = mapping if isinstance(mapping, dict) else {}
        if not isinstance(tag_property, str):
            return None
        tags: list[tuple[str, str]] = []
        for schema, member in members:
            if not (isinstance(member, Ref) and isinstance(schema, dict)):
                return None
            ref = schema.get("$ref")
            if not isinstance(ref, str):
                return None
            target = self.documents.resolve(ref, document)
            if not (is_object_schema(target.value) or _is_empty_object(target.value)):
                return None
            # A member that may leave the tag out can only be told apart by its shape.
            required: set[str] = set()
            self._collect(
                target.value, target.document, target.pointer, {}, required, set()
            )
            if tag_property not in required:
                return None
            values = (
                [
                    str(value)
                    for value, mapped in mapping.items()
                    if isinstance(mapped, str)
                    and self._mapped_target(mapped, document)
                    == (target.document.path, target.pointer)
                ]
                or _declared_tags(target.value, tag_property)
                or [target.pointer.rsplit("/", 1)[-1]]
            )
            tags += [(value, member.name) for value in values]
        if len({value for value, _ in tags}) != len(tags):
            return None
        return tag_property, tuple(tags)

    def _mapped_target(
        self, mapped: str, document: Document
    ) -> tuple[Path, str] | None:
        """A mapping value: a `$ref` (`#/components/schemas/Cat`) or a bare schema name."""
        try:
            target = self.documents.resolve(discriminator_ref(mapped), document)
        except (KeyError, ValueError):
            return None
        return target.document.path, target.pointer

    # -- objects -------------------------------------------------------------------

    def _inline_object(self, schema: dict[str, Any], site: Site) -> Ref:
        key = (site.document.path, site.pointer)
        if key in self._named:
            return Ref(self._named[key])
        name = self.names.claim(site.hint)
        self._named[key] = name
        self.family[name] = site.family
        self.definitions[name] = self._object(
            name, schema, replace(site, hint=name, files=False)
        )
        return Ref(name)

    def _object(self, name: str, schema: dict[str, Any], site: Site) -> ObjectType:
        return ObjectType(name, _description(schema), self.object_fields(schema, site))

    def object_fields(self, schema: dict[str, Any], site: Site) -> tuple[Field, ...]:
        """Fields of an object schema, `allOf` parts merged in order; each field's inline
        models are named after the site's hint and the field."""
        properties: dict[str, tuple[Any, Document, str]] = {}
        required: set[str] = set()
        self._collect(
            schema, site.document, site.pointer, properties, required, seen=set()
        )
        fields = []
        taken: set[str] = set()
        for wire_name, (prop, prop_document, prop_pointer) in properties.items():
            python_name = field_name(wire_name)
            while python_name in taken:
                python_name += "_"
            taken.add(python_name)
            prop_site = replace(
                site,
                document=prop_document,
                pointer=prop_pointer,
                hint=site.hint + pascal(wire_name),
            )
            prop_type = self.type_of(prop, prop_site)
            fields.append(
                Field(
                    python_name,
                    wire_name,
                    prop_type,
                    wire_name in required,
                    _description(prop),
                    self._checked_default(prop, prop_type, prop_site),
                )
            )
        return tuple(fields)

    def _checked_default(
        self, schema: Any, type_: TypeExpr, site: Site
    ) -> str | float | None:
        """The schema's scalar default, if the field's type holds it; a default of another
        type (`rank: int = "8"`) would be the field's value as it is: left out, warned."""
        default = _default(schema)
        if default is None or accepts(type_, default):
            return default
        exact = _exact_conversion(default)
        if exact is not None and accepts(type_, exact):
            self.warn(
                Diagnostic(
                    site.at("default").location,
                    f"default {default!r} is text; {exact!r}, the same value in the"
                    " field's type, is used",
                )
            )
            return exact
        self.warn(
            Diagnostic(
                site.at("default").location,
                f"default {default!r} is not a value of the field's type; left out",
            )
        )
        return None

    def _collect(
        self,
        schema: Any,
        document: Document,
        pointer: str,
        properties: dict[str, tuple[Any, Document, str]],
        required: set[str],
        seen: set[tuple[Path, str]],
    ) -> None:
        if not isinstance(schema, dict) or (document.path, pointer) in seen:
            return
        seen.add((document.path, pointer))
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = self.documents.resolve(ref, document)
            self._collect(
                target.value,
                target.document,
                target.pointer,
                properties,
                required,
                seen,
            )
        for index, part in enumerate(schema.get("allOf") or []):
            self._collect(
                part,
                document,
                join_pointer(pointer, "allOf", index),
                properties,
                required,
                seen,
            )
        props = schema.get("properties")
        if isinstance(props, dict):
            for wire_name, prop in props.items():
                properties[wire_name] = (
                    prop,
                    document,
                    join_pointer(pointer, "properties", wire_name),
                )
        if isinstance(schema.get("required"), list):
            required.update(r for r in schema["required"] if isinstance(r, str))


def _direct_members(type_: TypeExpr) -> set[str]:
    """The model names a type is made of at its top level (its union's members)."""
    if isinstance(type_, Ref):
        return {type_.name}
    if isinstance(type_, Nullable):
        return _direct_members(type_.inner)
    if isinstance(type_, UnionType):
        return set().union(*(_direct_members(v) for v in type_.variants))
    return set()


def _without_member(type_: TypeExpr, name: str) -> TypeExpr:
    if isinstance(type_, Nullable):
        return Nullable(_without_member(type_.inner, name))
    if isinstance(type_, UnionType):
        kept = [
            _without_member(v, name)
            for v in type_.variants
            if not (isinstance(v, Ref) and v.name == name)
        ]
        return _union_of(kept) if kept else AnyType()
    return AnyType() if isinstance(type_, Ref) and type_.name == name else type_


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool))


def _description(schema: Any) -> str | None:
    if isinstance(schema, dict):
        text = schema.get("description") or schema.get("title")
        if isinstance(text, str) and text.strip():
            return text.strip()
    return None


def _exact_conversion(value: str | float) -> bool | int | float | None:
    """The number or boolean a text default spells exactly (`"8"`, `"0.5"`, `"true"`), as
    the spec meant it; None for any other text (`"08"`, `"8 items"`)."""
    if not isinstance(value, str):
        return None
    if value in ("true", "false"):
        return value == "true"
    if re.fullmatch(r"-?(?:0|[1-9]\d*)", value):
        return int(value)
    if re.fullmatch(r"-?(?:0|[1-9]\d*)\.\d+", value):
        return float(value)
    return None


def _default(schema: Any) -> str | float | None:
    """A scalar default the field's type accepts; `default: null` and objects are left out."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return None
    value = schema.get("default", schema.get("const"))
    return value if isinstance(value, (str, int, float)) else None


def _enum(schema: dict[str, Any]) -> TypeExpr:
    if not all(v is None or _is_scalar(v) for v in schema["enum"]):
        return AnyType()
    values = tuple(dict.fromkeys(v for v in schema["enum"] if v is not None))
    if not values:
        return AnyType()
    if all(isinstance(v, bool) for v in values):
        fallback = Primitive("bool")
    elif all(isinstance(v, str) for v in values):
        fallback = Primitive("str")
    elif all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        fallback = Primitive("int")
    elif all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        # `enum: [0.5, 1.0]`: a number (a float is no `Literal` member type checkers take).
        fallback = Primitive("float")
    else:
        fallback = Primitive("str | int | float | bool")
    known = EnumType(values, fallback)
    return Nullable(known) if None in schema["enum"] or _is_nullable(schema) else known


def _declared_tags(schema: dict[str, Any], tag_property: str) -> list[str]:
    """The values a member's own schema allows for the tag: a `const` or a short `enum`."""
    properties = schema.get("properties")
    declared = properties.get(tag_property) if isinstance(properties, dict) else None
    if not isinstance(declared, dict):
        return []
    if _is_scalar(declared.get("const")):
        return [str(declared["const"])]
    enum = declared.get("enum")
    if isinstance(enum, list) and enum and all(_is_scalar(v) for v in enum):
        return [str(v) for v in enum]
    return []


def _union_of(variants: list[TypeExpr]) -> TypeExpr:
    unique = tuple(dict.fromkeys(variants))
    return unique[0] if len(unique) == 1 else UnionType(unique)


# Structural words of a pointer, left out of names made from it.
_STRUCTURAL = frozenset(
    {"components", "schemas", "definitions", "properties", "items", "allOf", "anyOf",
     "oneOf", "additionalProperties", "schema", "content", "paths", "responses",
     "requestBody", "parameters", "$defs", "not"}
)  # fmt: skip


def _name_token(pointer: str) -> str:
    """A component's own name; for a `$ref` deeper into a schema (`.../Linode/properties/label`)
    the meaningful words of the path, so that many `label`s do not collide."""
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
    if len(tokens) <= 3:
        return tokens[-1] if tokens else "Model"
    words = [
        t for t in tokens if t not in _STRUCTURAL and not t.isdigit() and "/" not in t
    ]
    return " ".join(words[-3:]) if words else tokens[-1]


def _variant_suffixes(variants: list[Any]) -> list[str]:
    """A name per union member; members that would share one get the keys that set them
    apart from what all members have (`WithPriority`)."""
    suffixes = [_variant_suffix(v) for v in variants]
    keys = [_keys(v) for v in variants]
    common = set.intersection(*(set(k) for k in keys)) if keys else set()
    for index, suffix in enumerate(suffixes):
        if suffixes.count(suffix) > 1:
            extra = [k for k in keys[index] if k not in common][:3]
            if extra:
                suffixes[index] = suffix + "With" + "".join(pascal(k) for k in extra)
    return suffixes


def _keys(schema: Any) -> list[str]:
    """Property and required names a member declares itself, `allOf` parts included."""
    if not isinstance(schema, dict):
        return []
    names = list(schema.get("properties") or {}) + [
        r for r in schema.get("required") or [] if isinstance(r, str)
    ]
    for part in schema.get("allOf") or []:
        names += _keys(part)
    return list(dict.fromkeys(names))


def _variant_suffix(variant: Any) -> str:
    """A name for an inline union member, from its title or its tag value."""
    if not isinstance(variant, dict):
        return "Variant"
    if isinstance(variant.get("title"), str):
        return pascal(variant["title"])
    for prop in (variant.get("properties") or {}).values():
        if isinstance(prop, dict):
            tag = prop.get("const")
            if (
                tag is None
                and isinstance(prop.get("enum"), list)
                and len(prop["enum"]) == 1
            ):
                tag = prop["enum"][0]
            if isinstance(tag, str):
                return pascal(tag)
    kind = variant.get("type")
    return pascal(kind) if isinstance(kind, str) else "Variant"
