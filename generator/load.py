"""Load stage: read YAML or JSON spec files and every file their `$ref`s reach.

Values stay JSON-compatible: YAML timestamps stay strings and only `true`/`false` are
booleans, so `2023-11-07` or `on` mean what a JSON reader would see. Line numbers are
found lazily, only when a diagnostic needs one.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from .diagnostics import (
    Diagnostic,
    FatalError,
    InputError,
    Location,
    escape_pointer_token,
    join_pointer,
    unescape_pointer_token,
)
from .json_lines import JsonLocator
from .openapi import HTTP_METHODS
from .swagger2 import is_swagger2, source_pointer, to_openapi3

_YamlBase: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _JsonCompatibleLoader(_YamlBase):  # type: ignore[misc]
    """Safe loader with YAML 1.2 core-schema scalars: no timestamps, no `yes`/`no`
    booleans, no sexagesimal numbers, and `1e-08` is a float as in JSON. What JSON cannot
    say is read as JSON and noted (`notes`: 0-based line, message): a duplicate key (the
    last one wins), a value tagged `!!timestamp` or `!!binary` (its text), `!!set` (its
    members), `!!omap` or `!!pairs` (a mapping)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.notes: list[tuple[int, str]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        merges = any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value)
        mapping = super().construct_mapping(node, deep=deep)
        if not merges and len(mapping) < len(node.value):
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node)
                if key in seen:
                    self.notes.append(
                        (
                            key_node.start_mark.line,
                            f"duplicate key {key!r}: the last one is used",
                        )
                    )
                seen.add(key)
        return mapping

    def _as_text(self, node: yaml.Node) -> Any:
        tag = node.tag.rsplit(":", 1)[-1]
        note = f"a value tagged {tag!r}, which JSON has no type for, read as its text"
        self.notes.append((node.start_mark.line, note))
        if isinstance(node, yaml.ScalarNode):
            return str(node.value)
        if isinstance(node, yaml.MappingNode):  # !!set
            return [self.construct_object(key) for key, _ in node.value]
        # !!omap, !!pairs: a sequence of one-key mappings
        return {
            self.construct_object(key): self.construct_object(value)
            for item in node.value
            for key, value in getattr(item, "value", ())
        }


for _non_json in ("timestamp", "binary", "set", "omap", "pairs"):
    _JsonCompatibleLoader.add_constructor(
        f"tag:yaml.org,2002:{_non_json}", _JsonCompatibleLoader._as_text
    )


# YAML 1.1's implicit types JSON does not have, or has in fewer spellings; `=` (the "value
# key" type, which no loader constructs) is the text "=".
_REPLACED_TAGS = {
    f"tag:yaml.org,2002:{kind}"
    for kind in ("timestamp", "bool", "int", "float", "value")
}
_JsonCompatibleLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _pattern, _first in (
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    (
        "float",
        (
            r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        ),
        "-+.0123456789",
    ),
):
    _JsonCompatibleLoader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(f"^(?:{_pattern})$"), list(_first)
    )


@dataclass
class Document:
    """One parsed file; `name` is how diagnostics refer to it.

    `data` of a converted Swagger 2.0 root is its OpenAPI 3 form while `text` stays the
    file's; `source_pointer` maps a pointer of the one to the nearest node of the other.
    """

    path: Path
    name: str
    text: str
    data: Any
    source_pointer: Callable[[str], str] | None = field(default=None, repr=False)
    repairs: list[Diagnostic] = field(default_factory=list)
    """What was mended to read or resolve the file; the validate stage reports it."""
    is_json: bool = False
    """Read as JSON: lines are found in the text, not in a YAML node tree."""
    _nodes: yaml.Node | None = field(default=None, repr=False)
    _json: JsonLocator | None = field(default=None, repr=False)

    def location(self, pointer: str) -> Location:
        return Location(self.name, pointer, self.line_of(pointer))

    def line_of(self, pointer: str) -> int | None:
        """1-based line of the node at `pointer` (the line of its key), or of its nearest
        existing parent."""
        if self.source_pointer is not None:
            pointer = self.source_pointer(pointer)
        if self.is_json:
            self._json = self._json or JsonLocator(self.text)
            line = self._json.line_of(_pointer_tokens(pointer))
            if line is not None:
                return line
        node: yaml.Node | None = self._composed()
        if node is None:
            # JSON that YAML cannot read (keys over 1024 characters): find the keys.
            return _searched_line(self.text, _pointer_tokens(pointer))
        line = node.start_mark.line + 1
        for token in _pointer_tokens(pointer):
            found = _child_node(node, token)
            if found is None:
                break
            node, line = found
        return line

    def _composed(self) -> yaml.Node | None:
        """The text's node tree, built once, on the first diagnostic that needs a line."""
        if self._nodes is None:
            try:
                self._nodes = yaml.compose(self.text, Loader=_JsonCompatibleLoader)
            except yaml.YAMLError:
                return None
        return self._nodes

    def pointer_at(self, line: int) -> str:
        """The pointer of the innermost node whose text spans 1-based `line`."""
        node = self._composed()
        pointer = ""
        while node is not None:
            children = (
                [(str(k.value), v) for k, v in node.value]
                if isinstance(node, yaml.MappingNode)
                else list(enumerate(node.value))
                if isinstance(node, yaml.SequenceNode)
                else []
            )
            node = None
            for token, child in children:
                if child.start_mark.line < line <= child.end_mark.line + 1:
                    pointer, node = join_pointer(pointer, token), child
                    break
        return pointer


YAML_LOADER: type = _JsonCompatibleLoader
"""The loader specs are read with, for stages that look at the YAML events themselves."""


def _searched_line(text: str, tokens: list[str]) -> int:
    """The line of the last of `tokens` found as a JSON key, each after the one before."""
    position = 0
    for token in tokens:
        if token.isdigit():  # an array index is not written in the text
            continue
        found = text.find(json.dumps(token), position)
        if found < 0:
            break
        position = found
    return text.count("\n", 0, position) + 1


def _child_node(node: yaml.Node, token: str) -> tuple[yaml.Node, int] | None:
    """The child at `token` and the 1-based line that names it: a member's key (a block
    mapping value starts on the line after `key:`), an item's start."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == token:
                return value, key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode) and token.isdigit():
        items = node.value
        if int(token) < len(items):
            item = items[int(token)]
            return item, item.start_mark.line + 1
    return None


def _pointer_tokens(pointer: str) -> list[str]:
    if not pointer:
        return []
    if not pointer.startswith("/"):
        raise ValueError(pointer)
    return [unescape_pointer_token(t) for t in pointer[1:].split("/")]


# Input limits, each a located error: a hundred times what the biggest real specs need
# (OpenAI's: 8 MB, 288 operations, 1,422 schemas). YAML aliases share nodes; expanded, a
# small "billion laughs" document is enormous: its size counts containers and characters.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
MAX_EXPANDED_SIZE = 64_000_000
MAX_OPERATIONS = 25_000
MAX_SCHEMAS = 50_000


def _json_compatible(value: Any, name: str) -> Any:
    """YAML allows `200:` as an int key; JSON and OpenAPI mean the string.

    Nodes shared through aliases stay shared (each is converted once), and a document whose
    aliases expand past MAX_EXPANDED_SIZE (containers and characters of text), or refer to
    themselves, is refused.
    """
    converted: dict[int, Any] = {}
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def convert(node: Any) -> Any:
        if not isinstance(node, (dict, list)):
            return node
        key = id(node)
        if key in converted:
            return converted[key]
        if key in active:
            raise FatalError(Location(name, "", 1), "a YAML alias refers to itself")
        active.add(key)
        if isinstance(node, dict):
            result: Any = {str(k): convert(v) for k, v in node.items()}
            children = list(node.values())
        else:
            result = [convert(v) for v in node]
            children = node
        active.discard(key)
        sizes[key] = 1 + sum(
            len(c) if type(c) is str else sizes.get(id(c), 1) for c in children
        )
        if sizes[key] > MAX_EXPANDED_SIZE:
            raise FatalError(
                Location(name, "", 1),
                f"YAML aliases expand to more than {MAX_EXPANDED_SIZE:,} nodes and "
                "characters",
            )
        converted[key] = result
        return result

    return convert(value)


_YAML_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]"
)


def parse_file(path: Path, name: str) -> Document:
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise FatalError(
                Location(name, ""),
                f"{size:,} bytes: sdkforge reads documents of at most "
                f"{MAX_DOCUMENT_BYTES:,} bytes",
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FatalError(Location(name, ""), "file not found") from None
    except IsADirectoryError:
        raise FatalError(
            Location(name, ""), "is a directory, not a spec file"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FatalError(Location(name, ""), f"cannot read file: {exc}") from None
    try:
        document = _parsed(path, name, text)
    except (RecursionError, ValueError) as exc:
        # Python's own limits, which hostile input reaches: nesting deeper than its parsers
        # recurse, integers longer than `int()` converts. YAML and JSON syntax errors are
        # ValueErrors too, and handled (located) where they are raised.
        raise _limit_error(text, name, exc) from None
    _repair_surrogates(document)
    return document


def _parsed(path: Path, name: str, text: str) -> Document:
    duplicates: list[tuple[dict[str, Any], str]] = []

    def object_with_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        mapping = dict(pairs)
        if len(mapping) < len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    duplicates.append((mapping, key))
                seen.add(key)
        return mapping

    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text, object_pairs_hook=object_with_duplicates)
        except json.JSONDecodeError as exc:
            raise FatalError(
                Location(name, "", exc.lineno), f"JSON syntax error: {exc.msg}"
            ) from None
    elif (
        text.lstrip().startswith("{")
        and (data := _json_or_none(text, object_with_duplicates)) is not None
    ):
        pass  # JSON in a .yaml file (Kubernetes'): JSON is YAML, read ten times faster
    else:
        line, message = 0, ""
        # YAML forbids control characters that JSON strings allow; read them as U+FFFD.
        first = _YAML_FORBIDDEN.search(text)
        if first is not None:
            line = text.count("\n", 0, first.start()) + 1
            text, count = _YAML_FORBIDDEN.subn("\ufffd", text)
            message = (
                f"{count} control character(s) YAML does not allow, the first"
                + f" U+{ord(first.group()):04X}, read as U+FFFD"
            )
        try:
            # The node tree is kept: diagnostics find their lines in it.
            loader = _JsonCompatibleLoader(text)
            try:
                nodes = loader.get_single_node()
                constructed = (
                    None if nodes is None else loader.construct_document(nodes)
                )
            finally:
                loader.dispose()
            data = _json_compatible(constructed, name)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "invalid YAML"
            raise FatalError(
                Location(name, "", mark.line + 1 if mark else None),
                f"YAML syntax error: {problem}",
            ) from None
        except yaml.YAMLError as exc:
            raise FatalError(Location(name, ""), f"YAML error: {exc}") from None
        document = Document(path=path, name=name, text=text, data=data, _nodes=nodes)
        notes = [(line, message)] if message else []
        notes += [(index + 1, note) for index, note in loader.notes]
        for note_line, note in notes:
            where = Location(name, document.pointer_at(note_line), note_line)
            document.repairs.append(Diagnostic(where, note))
        return document
    document = Document(path=path, name=name, text=text, data=data, is_json=True)
    for mapping, key in duplicates:
        pointer = next(
            p for p, node, _ in values_with_pointers(data) if node is mapping
        )
        document.repairs.append(
            Diagnostic(
                document.location(join_pointer(pointer, key)),
                f"duplicate key {key!r}: the last one is used",
            )
        )
    return document


_LONG_INTEGER = re.compile(rf"\d{{{sys.get_int_max_str_digits() + 1},}}")
_SURROGATE_ESCAPE = re.compile(r"\\[uU]0{0,4}[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _limit_error(text: str, name: str, exc: Exception) -> FatalError:
    if isinstance(exc, RecursionError):
        return FatalError(
            Location(name, "", _deepest_line(text)),
            "nested deeper than Python's parsers can read (here is the deepest point)",
        )
    long_number = _LONG_INTEGER.search(text)
    if long_number is None:
        raise exc  # not one of the limits: a bug
    return FatalError(
        Location(
            name,
            _long_integer_pointer(text),
            text.count("\n", 0, long_number.start()) + 1,
        ),
        f"a number with {len(long_number.group()):,} digits: Python reads at most "
        f"{sys.get_int_max_str_digits():,}",
    )


class _LongInteger(str):
    """An integer literal too long for `int()`, kept as its digits to be found."""


def _long_integer_pointer(text: str) -> str:
    """Where a too-long integer is, if the text is JSON (else the root)."""
    try:
        data = json.loads(
            text,
            parse_int=lambda digits: (
                _LongInteger(digits)
                if len(digits) > sys.get_int_max_str_digits()
                else int(digits)
            ),
        )
    except (ValueError, RecursionError):
        return ""
    return next(
        (
            pointer
            for pointer, node, _ in values_with_pointers(data)
            if isinstance(node, _LongInteger)
        ),
        "",
    )


def values_with_pointers(data: Any) -> Iterator[tuple[str, Any, int]]:
    """(pointer, value, depth) of every value in `data`, without recursion: for input too
    deep for the recursive walks."""
    pending: list[tuple[str, Any, int]] = [("", data, 0)]
    while pending:
        pointer, node, depth = pending.pop()
        yield pointer, node, depth
        children = (
            node.items()
            if isinstance(node, dict)
            else enumerate(node)
            if isinstance(node, list)
            else ()
        )
        pending += [
            (join_pointer(pointer, key), child, depth + 1) for key, child in children
        ]


def too_deep(documents: DocumentSet) -> FatalError:
    """The error for documents nested deeper than a recursive walk of them could go,
    located at their deepest value."""
    document, pointer, depth = max(
        (
            (document, pointer, depth)
            for document in documents.documents.values()
            for pointer, _, depth in values_with_pointers(document.data)
        ),
        key=lambda found: found[2],
    )
    return FatalError(
        document.location(pointer),
        f"nested {depth} levels deep: deeper than sdkforge can process",
    )


def _deepest_line(text: str) -> int:
    """The 1-based line where brackets (outside strings) or indentation reach deepest."""
    depth = deepest = 0
    deepest_line = line = 1
    quote = ""
    escaped = False
    widest = (0, 1)
    for character in text:
        if character == "\n":
            line += 1
        if quote:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == quote or character == "\n":
                quote = ""
        elif character in "\"'":
            quote = character
        elif character in "[{":
            depth += 1
            if depth > deepest:
                deepest, deepest_line = depth, line
        elif character in "]}":
            depth -= 1
    if deepest:
        return deepest_line
    for number, text_line in enumerate(text.splitlines(), 1):
        indent = len(text_line) - len(text_line.lstrip(" -"))
        widest = max(widest, (indent, -number))
    return -widest[1]


def _repair_surrogates(document: Document) -> None:
    """A `\\ud800` escape with no partner decodes to a lone surrogate, which no UTF-8 file
    can hold: read as U+FFFD, with a located note."""
    first = _SURROGATE_ESCAPE.search(document.text)
    if first is None:
        return
    count = 0

    def repaired(text: str) -> str:
        nonlocal count
        fixed, found = _LONE_SURROGATE.subn("\ufffd", text)
        count += found
        return fixed

    pending: list[Any] = [document.data]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            for key in list(node):
                value = node.pop(key)
                node[repaired(key)] = (
                    repaired(value) if isinstance(value, str) else value
                )
                pending.append(value)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, str):
                    node[index] = repaired(value)
                pending.append(value)
    if count:
        line = document.text.count("\n", 0, first.start()) + 1
        document.repairs.append(
            Diagnostic(
                Location(document.name, "", line),
                f"{count} lone surrogate escape(s) (no UTF-8 text can hold one), "
                "read as U+FFFD",
            )
        )


def _json_or_none(
    text: str, object_pairs_hook: Callable[[list[tuple[str, Any]]], Any]
) -> Any:
    try:
        return json.loads(text, object_pairs_hook=object_pairs_hook)
    except json.JSONDecodeError:
        return None


def resolve_pointer(data: Any, pointer: str) -> Any:
    """Value at a JSON pointer; raises KeyError when it does not exist."""
    node = data
    for token in _pointer_tokens(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(pointer)
    return node


# Maps whose keys are names chosen by the spec's author (a property may be called `x-id`).
_NAME_MAPS = frozenset(
    {"properties", "patternProperties", "schemas", "definitions", "parameters", "responses",
     "requestBodies", "headers", "examples", "securitySchemes", "links", "callbacks", "paths",
     "pathItems", "content", "mapping", "variables", "encoding", "$defs", "webhooks"}
)  # fmt: skip


# Keys whose values are instance data: a `$ref` key there is data too (GitHub's examples).
DATA_KEYS = frozenset({"example", "value", "default", "enum", "const"})


def iter_refs(
    value: Any, pointer: str = "", parent: str = ""
) -> Iterator[tuple[str, str]]:
    """(pointer of the `$ref` key, ref string) for every `$ref` a generator follows.

    Vendor extensions (`x-...` keys) are not OpenAPI: a `$ref` there (say, to a code sample
    in `x-code-samples`) is not loaded or checked; nor is one inside example or default data.
    """
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str):
            yield pointer + "/$ref", ref
        for key, child in value.items():
            # Scalars hold no `$ref`: most values, so not even a call for them.
            if not isinstance(child, (dict, list)) or (
                key == "$ref"
                or (
                    (str(key).startswith("x-") or key in DATA_KEYS)
                    and parent not in _NAME_MAPS
                )
            ):
                continue
            yield from iter_refs(
                child, f"{pointer}/{escape_pointer_token(key)}", str(key)
            )
    elif isinstance(value, list):
        for index, child in enumerate(value):
            if isinstance(child, (dict, list)):
                yield from iter_refs(child, f"{pointer}/{index}", parent)


@dataclass(frozen=True)
class Target:
    """Where a `$ref` points: the document and the pointer inside it."""

    document: Document
    pointer: str

    @property
    def value(self) -> Any:
        return resolve_pointer(self.document.data, self.pointer)


@dataclass
class DocumentSet:
    """The root spec and every file reachable through relative `$ref`s."""

    root: Document
    documents: dict[Path, Document]

    def resolve(self, ref: str, base: Document) -> Target:
        file_part, _, fragment = ref.partition("#")
        document = base
        if file_part:
            document = self.documents[(base.path.parent / unquote(file_part)).resolve()]
        pointer = unquote(fragment)
        resolve_pointer(document.data, pointer)
        return Target(document, pointer)

    def follow(
        self, value: Any, document: Document, pointer: str
    ) -> tuple[Any, Document, str]:
        """Follow a chain of `$ref`s to what it ends at; InputError if it comes back."""
        seen = set()
        while isinstance(value, dict) and isinstance(value.get("$ref"), str):
            if (document.path, pointer) in seen:
                raise InputError(
                    document.location(pointer),
                    f"$ref {value['$ref']!r} leads back to itself: it defines nothing",
                )
            seen.add((document.path, pointer))
            target = self.resolve(value["$ref"], document)
            value, document, pointer = target.value, target.document, target.pointer
        return value, document, pointer


def _check_counts(root: Document) -> None:
    paths = root.data.get("paths")
    operations = sum(
        1
        for item in (paths.values() if isinstance(paths, dict) else ())
        if isinstance(item, dict)
        for method in item
        if method in HTTP_METHODS
    )
    if operations > MAX_OPERATIONS:
        raise FatalError(
            root.location("/paths"),
            f"{operations:,} operations: sdkforge generates at most {MAX_OPERATIONS:,}",
        )
    components = root.data.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    if isinstance(schemas, dict) and len(schemas) > MAX_SCHEMAS:
        raise FatalError(
            root.location("/components/schemas"),
            f"{len(schemas):,} schemas: sdkforge generates at most {MAX_SCHEMAS:,}",
        )


def load(
    path: Path, display_name: str | None = None, ref_root: Path | None = None
) -> DocumentSet:
    """Parse `path` and every file it references, inside `ref_root` (by default the
    spec's folder); a dangling `$ref` is fatal."""
    root = parse_file(path, display_name or str(path))
    if not isinstance(root.data, dict) or not (
        "openapi" in root.data or "swagger" in root.data
    ):
        raise FatalError(
            Location(root.name, "", 1),
            "not an OpenAPI document (no 'openapi' or 'swagger' key)",
        )
    if is_swagger2(root.data):
        # One shape from here on: the 2.0 root becomes OpenAPI 3.0.3.
        root.data = to_openapi3(root.data)
        root.source_pointer = source_pointer
    # External files may only come from the project's folder tree (`ref_root`).
    boundary = (ref_root or path.parent).resolve()
    documents = {path.resolve(): root}
    pending = [root]
    refs: dict[Path, list[tuple[str, str]]] = {}
    while pending:
        document = pending.pop()
        found = refs[document.path.resolve()] = list(iter_refs(document.data))
        for ref_pointer, ref in found:
            file_part = ref.partition("#")[0]
            if not file_part:
                continue
            if "://" in file_part:
                raise FatalError(
                    document.location(ref_pointer),
                    f"remote $ref {ref!r} is not followed",
                )
            target = (document.path.parent / unquote(file_part)).resolve()
            if not target.is_relative_to(boundary):
                raise FatalError(
                    document.location(ref_pointer),
                    f"$ref {ref!r} points outside {boundary}, the folder a spec's "
                    "files may come from (the project's, or --ref-root)",
                )
            if target not in documents:
                if not target.is_file():
                    raise FatalError(
                        document.location(ref_pointer),
                        f"unresolvable $ref {ref!r}: file not found",
                    )
                # Named as the root is, from where the user stands.
                name = os.path.normpath(
                    Path(root.name).parent
                    / os.path.relpath(target, path.resolve().parent)
                )
                documents[target] = parse_file(target, name)
                pending.append(documents[target])
    _check_counts(root)
    document_set = DocumentSet(root, documents)
    for key, document in documents.items():
        for ref_pointer, ref in refs[key]:
            try:
                document_set.resolve(ref, document)
            except (KeyError, ValueError):
                if not _local_defs(document, ref_pointer, ref):
                    raise FatalError(
                        document.location(ref_pointer), f"unresolvable $ref {ref!r}"
                    ) from None
    return document_set


def _local_defs(document: Document, ref_pointer: str, ref: str) -> bool:
    """`#/$defs/X` written inside an embedded schema that holds `$defs` (pydantic output
    pasted into a spec): JSON Schema reads `#` as the document root, where X is not, but
    the meaning is plain. Point the `$ref` at the enclosing `$defs` and say so."""
    if not ref.startswith("#/$defs/"):
        return False
    name = unescape_pointer_token(ref[len("#/$defs/") :])
    holder = ref_pointer[: -len("/$ref")]
    ancestor = holder
    while ancestor:
        ancestor = ancestor.rsplit("/", 1)[0]
        node = resolve_pointer(document.data, ancestor)
        defs = node.get("$defs") if isinstance(node, dict) else None
        if isinstance(defs, dict) and name in defs:
            fixed = "#" + join_pointer(ancestor, "$defs", name)
            resolve_pointer(document.data, holder)["$ref"] = fixed
            document.repairs.append(
                Diagnostic(
                    document.location(ref_pointer),
                    f"$ref {ref!r} is not at the document root; read as the enclosing"
                    f" schema's {fixed!r}",
                )
            )
            return True
    return False
