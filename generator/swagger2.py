"""Swagger 2.0 in, OpenAPI 3.0.3 out: the load stage converts a 2.0 root document once.

Everything after loading then reads one shape. The converter is pure: it returns a new
document, never changes its input, and keeps the input's key order so that generation
stays deterministic. Only the root document is converted: a `$ref` into another file
(`other.yaml#/definitions/X`) is kept as written, and every `$ref` from the root into the
root is rewritten to where its target now lives (`#/definitions/X` becomes
`#/components/schemas/X`).

The rules, in the order of the 2.0 document:

- `host` + `basePath` + `schemes` become `servers`, https first when it is listed (https
  when none is); without a host the server is the relative `basePath`;
- `definitions`, `responses` and `securityDefinitions` become `components`; global
  `parameters` become `components/parameters`, or `components/requestBodies` for
  `in: body` and `in: formData` ones;
- an `in: body` parameter becomes the operation's `requestBody`, one media type per
  `consumes` entry; `in: formData` parameters become one object schema (multipart when a
  `type: file` is among them or `consumes` asks for it, else url-encoded);
- other parameters and headers keep their name and location and move their type keywords
  into `schema`; `collectionFormat` becomes `style` and `explode`;
- a response `schema` becomes `content`, one media type per `produces` entry; a
  response of `type: file` is binary content;
- in every schema `x-nullable` becomes `nullable`, a string `discriminator` names its
  `propertyName`, and `type: file` is a binary string.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

OPENAPI_VERSION = "3.0.3"

JSON = "application/json"
MULTIPART = "multipart/form-data"
URLENCODED = "application/x-www-form-urlencoded"
OCTET_STREAM = "application/octet-stream"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")

# Keywords a 2.0 parameter, header or items object shares with a schema.
_SCHEMA_KEYWORDS = frozenset(
    {
        "type", "format", "items", "default", "maximum", "exclusiveMaximum",
        "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
        "maxItems", "minItems", "uniqueItems", "enum", "multipleOf", "x-nullable",
    }
)  # fmt: skip

# Keywords whose value is one schema, a list of schemas, or a map of named schemas.
_SUBSCHEMA = ("items", "additionalProperties", "not")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
_SUBSCHEMA_MAPS = ("properties",)

# 2.0 prefixes of a local `$ref` and where that section lives in 3.0.
_SECTIONS = {
    "definitions": "components/schemas",
    "responses": "components/responses",
    "securityDefinitions": "components/securitySchemes",
}

_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}

# Keys of a 2.0 security scheme that its 3.0 `flows` (or `scheme: basic`) replace.
_OAUTH2_KEYS = ("type", "flow", "authorizationUrl", "tokenUrl", "scopes")


def is_swagger2(document: Any) -> bool:
    """A Swagger 2.0 root document (`swagger: "2.0"`, no `openapi` key)."""
    return (
        isinstance(document, dict)
        and "openapi" not in document
        and str(document.get("swagger", "")).strip() == "2.0"
    )


def to_openapi3(document: dict[str, Any]) -> dict[str, Any]:
    """A new OpenAPI 3.0.3 document equivalent to the Swagger 2.0 `document`."""
    return _Converter(document).convert()


def source_pointer(pointer: str) -> str:
    """Where the node at `pointer` of a converted document was in its 2.0 source.

    Approximate: a pointer into something the conversion created maps to the nearest
    2.0 node it came from, which is what a diagnostic's line number needs.
    """
    tokens = pointer.split("/")[1:] if pointer.startswith("/") else []
    if len(tokens) >= 2 and tokens[0] == "components":
        section = {
            "schemas": "definitions",
            "parameters": "parameters",
            "requestBodies": "parameters",
            "responses": "responses",
            "securitySchemes": "securityDefinitions",
        }.get(tokens[1])
        tokens = [section, *tokens[2:]] if section else tokens[:1]
    elif tokens and tokens[0] == "servers":
        tokens = ["host"]
    out: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if (
            token == "content"
            and index + 1 < len(tokens)
            and len(out) >= 2
            and (out[-2] == "responses" or (len(out) == 2 and out[0] == "parameters"))
        ):
            index += 2  # /content/<media type> was not in 2.0
            continue
        if token == "requestBody" and len(out) >= 3 and out[0] == "paths":
            out.append("parameters")
            break
        if token in ("schema", "style", "explode") and "parameters" in out[-2:-1]:
            break  # a 2.0 parameter held its schema keywords itself
        out.append(token)
        index += 1
    return "".join("/" + token for token in out)


def _media(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def _is_json(content_type: str) -> bool:
    media = _media(content_type)
    return media == JSON or media.endswith("+json")


def _unescape(token: str) -> str:
    return unquote(token).replace("~1", "/").replace("~0", "~")


def _media_types(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(v for v in value if isinstance(v, str) and v.strip()))


class _Converter:
    def __init__(self, document: dict[str, Any]) -> None:
        self.source = document
        self.consumes = _media_types(document.get("consumes")) or [JSON]
        self.produces = _media_types(document.get("produces")) or [JSON]
        parameters = document.get("parameters")
        self.parameters: dict[str, Any] = (
            parameters if isinstance(parameters, dict) else {}
        )
        self.servers = self._servers(document.get("schemes"))

    # -- document ------------------------------------------------------------------

    def convert(self) -> dict[str, Any]:
        out: dict[str, Any] = {"openapi": OPENAPI_VERSION}
        components = self._components()
        for key, value in self.source.items():
            if key in ("swagger", "openapi", "consumes", "produces"):
                continue
            if key in ("host", "basePath", "schemes"):
                self._put_servers(out)
            elif key in (
                "definitions",
                "parameters",
                "responses",
                "securityDefinitions",
            ):
                if components and "components" not in out:
                    out["components"] = components
            elif key == "paths" and isinstance(value, dict):
                out["paths"] = self._paths(value)
            else:
                out[key] = self._refs(value)
                if key == "info":
                    self._put_servers(out)
        self._put_servers(out)
        return out

    def _put_servers(self, out: dict[str, Any]) -> None:
        if self.servers and "servers" not in out:
            out["servers"] = [dict(server) for server in self.servers]

    def _servers(self, schemes: Any) -> list[dict[str, str]]:
        host = self.source.get("host")
        base = self.source.get("basePath")
        base_path = base.strip() if isinstance(base, str) else ""
        if not isinstance(host, str) or not host.strip():
            return [{"url": base_path}] if base_path else []
        listed = [
            s.strip().lower()
            for s in (schemes if isinstance(schemes, list) else [])
            if isinstance(s, str) and s.strip()
        ]
        web = [s for s in listed if s in ("https", "http")] or listed or ["https"]
        ordered = sorted(dict.fromkeys(web), key=lambda s: s != "https")
        root = host.strip().rstrip("/") + base_path.rstrip("/")
        return [{"url": f"{scheme}://{root}"} for scheme in ordered]

    def _components(self) -> dict[str, Any]:
        components: dict[str, Any] = {}
        definitions = self.source.get("definitions")
        if isinstance(definitions, dict):
            components["schemas"] = {
                name: self._schema(schema) for name, schema in definitions.items()
            }
        parameters: dict[str, Any] = {}
        bodies: dict[str, Any] = {}
        for name, raw in self.parameters.items():
            kind = self._parameter_kind(name)
            if kind == "body":
                bodies[name] = self._body(self._resolve(raw), self.consumes)
            elif kind == "formData":
                bodies[name] = self._form_body([self._resolve(raw)], self.consumes)
            else:
                parameters[name] = self._parameter(raw)
        if parameters or (self.parameters and not bodies):
            components["parameters"] = parameters
        if bodies:
            components["requestBodies"] = bodies
        responses = self.source.get("responses")
        if isinstance(responses, dict):
            components["responses"] = {
                name: self._response(response, self.produces)
                for name, response in responses.items()
            }
        schemes = self.source.get("securityDefinitions")
        if isinstance(schemes, dict):
            components["securitySchemes"] = {
                name: self._security_scheme(scheme) for name, scheme in schemes.items()
            }
        return components

    # -- references ----------------------------------------------------------------

    def _ref(self, ref: str) -> str:
        """Where a local 2.0 `$ref` points in the converted document."""
        if not ref.startswith("#/"):
            return ref
        section, slash, rest = ref[2:].partition("/")
        if section == "parameters" and slash:
            kind = self._parameter_kind(_unescape(rest.split("/")[0]))
            target = (
                "components/requestBodies"
                if kind in ("body", "formData")
                else "components/parameters"
            )
            return f"#/{target}/{rest}"
        if section in _SECTIONS and slash:
            return f"#/{_SECTIONS[section]}/{rest}"
        if section == "paths" and slash:
            return self._ref_into_paths(ref)
        return ref

    def _ref_into_paths(self, ref: str) -> str:
        """A `$ref` into an operation's response schema (`#/paths/~1word~1{id}/get/
        responses/200/schema/...`): the schema now sits under the media type the
        conversion gave the response."""
        tokens = ref[2:].split("/")
        if len(tokens) < 6 or tokens[3] != "responses" or tokens[5] != "schema":
            return ref
        path, method, code = (_unescape(unquote(t)) for t in (*tokens[1:3], tokens[4]))
        operation = (self.source.get("paths") or {}).get(path, {}).get(method)
        if not isinstance(operation, dict):
            return ref
        response = (operation.get("responses") or {}).get(code)
        produces = _media_types(operation.get("produces")) or self.produces
        content = self._response(response, produces).get("content") or {}
        if not content:
            return ref
        media = next(iter(content)).replace("~", "~0").replace("/", "~1")
        return "#/" + "/".join([*tokens[:5], "content", media, *tokens[5:]])

    def _refs(self, value: Any) -> Any:
        """A deep copy of `value` with every local `$ref` rewritten."""
        if isinstance(value, dict):
            return {
                key: self._ref(child)
                if key == "$ref" and isinstance(child, str)
                else self._refs(child)
                for key, child in value.items()
            }
        if isinstance(value, list):
            return [self._refs(child) for child in value]
        return value

    def _resolve(self, value: Any) -> Any:
        """Follow local `$ref`s of a parameter to the object they name."""
        seen: set[str] = set()
        while isinstance(value, dict) and isinstance(value.get("$ref"), str):
            ref = value["$ref"]
            if not ref.startswith("#/") or ref in seen:
                return value
            seen.add(ref)
            node: Any = self.source
            for token in ref[2:].split("/"):
                key = _unescape(token)
                if isinstance(node, dict) and key in node:
                    node = node[key]
                elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                    node = node[int(key)]
                else:
                    return value
            value = node
        return value

    def _parameter_kind(self, name: str) -> str | None:
        """The `in` of the global parameter `name`, through its `$ref`s."""
        if name not in self.parameters:
            return None
        value = self._resolve(self.parameters[name])
        kind = value.get("in") if isinstance(value, dict) else None
        return kind if isinstance(kind, str) else None

    # -- schemas -------------------------------------------------------------------

    def _schema(self, schema: Any) -> Any:
        if not isinstance(schema, dict):
            return self._refs(schema)
        out: dict[str, Any] = {}
        is_file = schema.get("type") == "file"
        for key, value in schema.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = self._ref(value)
            elif key == "x-nullable" and isinstance(value, bool):
                if "nullable" not in schema:
                    out["nullable"] = value
            elif key == "discriminator" and isinstance(value, str):
                out[key] = {"propertyName": value}
            elif key == "type" and is_file:
                out["type"] = "string"
                out["format"] = "binary"
            elif key == "format" and is_file:
                continue
            elif key in _SUBSCHEMA and isinstance(value, dict):
                out[key] = self._schema(value)
            elif key in _SUBSCHEMA_LISTS + ("items",) and isinstance(value, list):
                out[key] = [self._schema(item) for item in value]
            elif key in _SUBSCHEMA_MAPS and isinstance(value, dict):
                out[key] = {name: self._schema(item) for name, item in value.items()}
            else:
                out[key] = self._refs(value)
        return out

    def _keyword_schema(self, value: dict[str, Any]) -> dict[str, Any]:
        """The schema of a 2.0 parameter, header or items object: its type keywords."""
        schema: dict[str, Any] = {}
        for key, child in value.items():
            if key not in _SCHEMA_KEYWORDS:
                continue
            if key == "items" and isinstance(child, dict) and "$ref" not in child:
                schema[key] = self._keyword_schema(child)
            else:
                schema[key] = child
        converted = self._schema(schema)
        return converted if isinstance(converted, dict) else {}

    # -- parameters ----------------------------------------------------------------

    def _parameter(self, raw: Any) -> Any:
        """A non-body parameter (or a `$ref` to one, rewritten)."""
        if not isinstance(raw, dict) or "$ref" in raw:
            return self._refs(raw)
        location = raw.get("in")
        is_array = raw.get("type") == "array"
        style = _style(location, raw) if is_array else None
        has_keywords = any(key in _SCHEMA_KEYWORDS for key in raw)
        out: dict[str, Any] = {}
        for key, value in raw.items():
            if key == "schema":
                if not has_keywords:  # not 2.0, but meant as the schema
                    out[key] = self._schema(value)
            elif key in _SCHEMA_KEYWORDS or key == "collectionFormat":
                if has_keywords and "schema" not in out:
                    if style is not None:
                        out.update(style)
                    elif is_array and "collectionFormat" in raw:
                        out["x-collectionFormat"] = self._refs(raw["collectionFormat"])
                    out["schema"] = self._keyword_schema(raw)
            else:
                out[key] = self._refs(value)
        if location == "path":
            out["required"] = True
        return out

    def _body(self, parameter: Any, consumes: list[str]) -> dict[str, Any]:
        """An `in: body` parameter as a request body."""
        parameter = parameter if isinstance(parameter, dict) else {}
        out: dict[str, Any] = {}
        if "description" in parameter:
            out["description"] = self._refs(parameter["description"])
        schema = parameter.get("schema")
        out["content"] = {
            media: {"schema": self._schema(schema if schema is not None else {})}
            for media in consumes
        }
        if parameter.get("required") is True:
            out["required"] = True
        for key, value in parameter.items():
            if key.startswith("x-"):
                out[key] = self._refs(value)
        return out

    def _form_body(self, parameters: list[Any], consumes: list[str]) -> dict[str, Any]:
        """`in: formData` parameters as one request body with an object schema."""
        properties: dict[str, Any] = {}
        required: list[str] = []
        encoding: dict[str, Any] = {}
        has_file = False
        for parameter in parameters:
            if not isinstance(parameter, dict) or not isinstance(
                parameter.get("name"), str
            ):
                continue
            name = parameter["name"]
            has_file = has_file or parameter.get("type") == "file"
            prop: dict[str, Any] = {}
            if "description" in parameter:
                prop["description"] = self._refs(parameter["description"])
            prop.update(self._keyword_schema(parameter))
            for key, value in parameter.items():
                if key.startswith("x-") and key != "x-nullable":
                    prop[key] = self._refs(value)
            properties[name] = prop
            if parameter.get("required") is True and name not in required:
                required.append(name)
            if parameter.get("type") == "array":
                style = _style("query", parameter)
                if style is not None:
                    encoding[name] = style
        forms = [
            media for media in consumes if _media(media) in (MULTIPART, URLENCODED)
        ]
        if has_file:
            forms = [m for m in forms if _media(m) == MULTIPART] or [MULTIPART]
        forms = forms or [URLENCODED]
        content: dict[str, Any] = {}
        for media in forms:
            schema: dict[str, Any] = {"type": "object", "properties": properties}
            if required:
                schema["required"] = list(required)
            content[media] = {"schema": self._refs(schema)}
            if encoding and _media(media) == URLENCODED:
                content[media]["encoding"] = self._refs(encoding)
        out: dict[str, Any] = {"content": content}
        if required:
            out["required"] = True
        return out

    # -- paths and operations ------------------------------------------------------

    def _paths(self, paths: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for path, item in paths.items():
            if isinstance(item, dict) and not path.startswith("x-"):
                out[path] = self._path_item(item)
            else:
                out[path] = self._refs(item)
        return out

    def _path_item(self, item: dict[str, Any]) -> dict[str, Any]:
        shared = [p for p in item.get("parameters") or [] if isinstance(p, dict)]
        kept = [p for p in shared if self._kind_of(p) not in ("body", "formData")]
        moved = [p for p in shared if self._kind_of(p) in ("body", "formData")]
        out: dict[str, Any] = {}
        for key, value in item.items():
            if key == "parameters" and isinstance(value, list):
                if kept:
                    out[key] = [self._parameter(p) for p in kept]
            elif key in HTTP_METHODS and isinstance(value, dict):
                out[key] = self._operation(value, moved)
            else:
                out[key] = self._refs(value)
        return out

    def _kind_of(self, parameter: Any) -> str | None:
        value = self._resolve(parameter)
        kind = value.get("in") if isinstance(value, dict) else None
        return kind if isinstance(kind, str) else None

    def _operation(
        self, operation: dict[str, Any], inherited: list[dict[str, Any]]
    ) -> dict[str, Any]:
        consumes = _media_types(operation.get("consumes")) or self.consumes
        produces = _media_types(operation.get("produces")) or self.produces
        own = [p for p in operation.get("parameters") or [] if isinstance(p, dict)]
        own_keys = {self._key_of(p) for p in own}
        own_body = any(self._kind_of(p) == "body" for p in own)
        inherited = [
            p
            for p in inherited
            if self._key_of(p) not in own_keys
            and not (own_body and self._kind_of(p) == "body")
        ]
        parameters: list[Any] = []
        body: dict[str, Any] | None = None
        form: list[Any] = []
        for parameter in inherited + own:
            kind = self._kind_of(parameter)
            if kind == "body":
                if body is None:
                    body = self._body_ref(parameter, consumes)
            elif kind == "formData":
                form.append(self._resolve(parameter))
            else:
                parameters.append(self._parameter(parameter))
        if body is None and form:
            body = self._form_body(form, consumes)
        out: dict[str, Any] = {}
        for key, value in operation.items():
            if key in ("consumes", "produces"):
                continue
            if key == "parameters":
                if parameters:
                    out[key] = parameters
                if body is not None:
                    out["requestBody"] = body
            elif key == "responses" and isinstance(value, dict):
                if body is not None and "requestBody" not in out:
                    out["requestBody"] = body
                out[key] = self._responses(value, produces)
            elif key == "schemes":
                servers = self._servers(value)
                if servers and servers != self.servers:
                    out["servers"] = servers
            else:
                out[key] = self._refs(value)
        if body is not None and "requestBody" not in out:
            out["requestBody"] = body
        return out

    def _key_of(self, parameter: Any) -> tuple[Any, Any]:
        value = self._resolve(parameter)
        if not isinstance(value, dict):
            return (None, id(parameter))
        return (value.get("in"), value.get("name"))

    def _body_ref(self, parameter: dict[str, Any], consumes: list[str]) -> Any:
        """A body parameter's request body: a reference while `consumes` agrees."""
        ref = parameter.get("$ref")
        if (
            isinstance(ref, str)
            and ref.startswith("#/parameters/")
            and consumes == self.consumes
        ):
            return {"$ref": self._ref(ref)}
        return self._body(self._resolve(parameter), consumes)

    # -- responses -----------------------------------------------------------------

    def _responses(self, responses: dict[str, Any], produces: list[str]) -> Any:
        return {
            str(code): self._response(response, produces)
            if not str(code).startswith("x-")
            else self._refs(response)
            for code, response in responses.items()
        }

    def _response(self, response: Any, produces: list[str]) -> Any:
        if not isinstance(response, dict) or "$ref" in response:
            return self._refs(response)
        schema = response.get("schema")
        examples = response.get("examples")
        content: dict[str, Any] = {}
        if schema is not None:
            media_types = produces
            resolved = self._resolve(schema)
            if isinstance(resolved, dict) and resolved.get("type") == "file":
                media_types = [
                    m for m in produces if not _is_json(m) and _media(m) != "*/*"
                ] or [OCTET_STREAM]
            content = {m: {"schema": self._schema(schema)} for m in media_types}
        if isinstance(examples, dict):
            for media, example in examples.items():
                entry = content.get(media)
                if entry is None:
                    entry = content[media] = (
                        {"schema": self._schema(schema)} if schema is not None else {}
                    )
                entry["example"] = self._refs(example)
        out: dict[str, Any] = {}
        for key, value in response.items():
            if key in ("schema", "examples"):
                if content and "content" not in out:
                    out["content"] = content
            elif key == "headers" and isinstance(value, dict):
                out[key] = {
                    name: self._header(header) for name, header in value.items()
                }
            else:
                out[key] = self._refs(value)
        return out

    def _header(self, header: Any) -> Any:
        if not isinstance(header, dict) or "$ref" in header:
            return self._refs(header)
        out: dict[str, Any] = {}
        for key, value in header.items():
            if key in _SCHEMA_KEYWORDS or key == "collectionFormat":
                if "schema" not in out:
                    out["schema"] = self._keyword_schema(header)
            else:
                out[key] = self._refs(value)
        return out

    # -- security ------------------------------------------------------------------

    def _security_scheme(self, scheme: Any) -> Any:
        if not isinstance(scheme, dict):
            return self._refs(scheme)
        kind = scheme.get("type")
        out: dict[str, Any] = {}
        if kind == "basic":
            out = {"type": "http", "scheme": "basic"}
        elif kind == "oauth2":
            flow = str(scheme.get("flow"))
            name, urls = _FLOWS.get(flow, (flow, ("authorizationUrl", "tokenUrl")))
            settings = {url: scheme[url] for url in urls if url in scheme}
            scopes = scheme.get("scopes")
            settings["scopes"] = self._refs(scopes) if isinstance(scopes, dict) else {}
            out = {"type": "oauth2", "flows": {name: settings}}
        for key, value in scheme.items():
            if kind in ("basic", "oauth2") and key in _OAUTH2_KEYS:
                continue
            out[key] = self._refs(value)
        return out


def _style(location: Any, parameter: dict[str, Any]) -> dict[str, Any] | None:
    """`style` and `explode` of an array parameter from its `collectionFormat`.

    2.0's default is `csv`; a format 3.0 cannot say there stays as `x-collectionFormat`.
    """
    collection_format = parameter.get("collectionFormat", "csv")
    if location in ("path", "header"):
        if collection_format == "csv":
            return {"style": "simple", "explode": False}
        return None
    if location not in ("query", "formData"):
        return None
    return {
        "csv": {"style": "form", "explode": False},
        "multi": {"style": "form", "explode": True},
        "ssv": {"style": "spaceDelimited", "explode": False},
        "pipes": {"style": "pipeDelimited", "explode": False},
    }.get(collection_format)
