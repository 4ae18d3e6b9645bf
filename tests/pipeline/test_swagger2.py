"""Swagger 2.0 input: converted to OpenAPI 3.0.3 on load, then generated like any spec."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator

from generator.config import ClientConfig
from generator.diagnostics import FatalError
from generator.ir_builder import build
from generator.load import load
from generator.pipeline import Generated
from generator.swagger2 import is_swagger2, source_pointer, to_openapi3
from tests.pipeline.helpers import generate_package

CORPUS = Path(__file__).parents[3] / "shared" / "corpus"
PETSTORE = CORPUS / "readme-oas-examples" / "2.0" / "json" / "petstore.json"
PETSTORE_SIMPLE = (
    CORPUS / "oai-spec" / "examples" / "v2.0" / "json" / "petstore-simple.json"
)

INFO = {"title": "T", "version": "1"}


def swagger(**sections: Any) -> dict[str, Any]:
    return {"swagger": "2.0", "info": dict(INFO), "paths": {}, **sections}


def operation(**fields: Any) -> dict[str, Any]:
    """A 2.0 document with one `POST /things` operation made of `fields`."""
    return swagger(
        paths={
            "/things": {"post": {**fields, "responses": {"204": {"description": "ok"}}}}
        }
    )


def converted_operation(**fields: Any) -> dict[str, Any]:
    op = to_openapi3(operation(**fields))["paths"]["/things"]["post"]
    assert op.pop("responses") == {"204": {"description": "ok"}}
    return op


# -- the document -------------------------------------------------------------------


def test_a_new_document_and_the_input_untouched():
    document = swagger(
        definitions={"Pet": {"type": "object", "x-nullable": True}},
        parameters={"Body": {"name": "b", "in": "body", "schema": {"type": "object"}}},
        paths={"/p": {"get": {"responses": {"200": {"description": "ok"}}}}},
    )
    before = copy.deepcopy(document)
    converted = to_openapi3(document)
    assert document == before
    converted["components"]["schemas"]["Pet"]["type"] = "string"
    converted["info"]["title"] = "changed"
    assert document == before
    assert to_openapi3(document) == to_openapi3(before)
    assert list(to_openapi3(document)) == list(to_openapi3(before))


def test_info_tags_external_docs_and_extensions_are_copied_in_order():
    document = {
        "swagger": "2.0",
        "info": {"title": "T", "version": "1", "x-logo": {"url": "l.png"}},
        "host": "api.example.com",
        "tags": [{"name": "pets", "externalDocs": {"url": "https://d"}}],
        "externalDocs": {"description": "More", "url": "https://docs"},
        "consumes": ["application/json"],
        "security": [{"key": []}],
        "x-root": {"$ref": "#/definitions/Pet"},
        "paths": {},
        "definitions": {"Pet": {"type": "object"}},
    }
    converted = to_openapi3(document)
    assert list(converted) == [
        "openapi", "info", "servers", "tags", "externalDocs", "security", "x-root",
        "paths", "components",
    ]  # fmt: skip
    assert converted["openapi"] == "3.0.3"
    assert converted["info"] == document["info"]
    assert converted["tags"] == document["tags"]
    assert converted["externalDocs"] == document["externalDocs"]
    assert converted["security"] == [{"key": []}]
    # Extensions stay, and a `$ref` anywhere in the root still resolves.
    assert converted["x-root"] == {"$ref": "#/components/schemas/Pet"}


@pytest.mark.parametrize(
    ("sections", "servers"),
    [
        (
            {
                "host": "api.example.com",
                "basePath": "/v2",
                "schemes": ["http", "https"],
            },
            [
                {"url": "https://api.example.com/v2"},
                {"url": "http://api.example.com/v2"},
            ],
        ),
        (
            {"host": "api.example.com", "basePath": "/v2", "schemes": ["http"]},
            [{"url": "http://api.example.com/v2"}],
        ),
        ({"host": "api.example.com"}, [{"url": "https://api.example.com"}]),
        (
            {"host": "api.example.com", "basePath": "/"},
            [{"url": "https://api.example.com"}],
        ),
        (
            {"host": "ex.com:8080", "schemes": ["wss", "https", "ws"]},
            [{"url": "https://ex.com:8080"}],
        ),
        ({"basePath": "/api/v1", "schemes": ["https"]}, [{"url": "/api/v1"}]),
    ],
)
def test_host_base_path_and_schemes_become_servers(sections, servers):
    converted = to_openapi3(swagger(**sections))
    assert converted["servers"] == servers
    assert not {"host", "basePath", "schemes"} & set(converted)


def test_no_host_and_no_base_path_means_no_servers():
    converted = to_openapi3(swagger(schemes=["https"]))
    assert "servers" not in converted


def test_definitions_become_component_schemas():
    converted = to_openapi3(
        swagger(
            definitions={
                "Pet": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string"},
                        "owner": {"$ref": "#/definitions/Person"},
                        "tags": {
                            "type": "array",
                            "items": {"$ref": "#/definitions/Tag"},
                        },
                    },
                },
                "Person": {"type": "object", "properties": {}},
                "Tag": {"type": "string"},
            }
        )
    )
    assert converted["components"] == {
        "schemas": {
            "Pet": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "owner": {"$ref": "#/components/schemas/Person"},
                    "tags": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Tag"},
                    },
                },
            },
            "Person": {"type": "object", "properties": {}},
            "Tag": {"type": "string"},
        }
    }


def test_global_parameters_become_parameters_or_request_bodies():
    converted = to_openapi3(
        swagger(
            consumes=["application/json", "application/xml"],
            parameters={
                "limit": {"name": "limit", "in": "query", "type": "integer"},
                "Pet": {
                    "name": "pet",
                    "in": "body",
                    "required": True,
                    "schema": {"$ref": "#/definitions/Pet"},
                },
                "Upload": {"name": "file", "in": "formData", "type": "file"},
            },
        )
    )
    assert converted["components"] == {
        "parameters": {
            "limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}}
        },
        "requestBodies": {
            "Pet": {
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/Pet"}
                    },
                    "application/xml": {"schema": {"$ref": "#/components/schemas/Pet"}},
                },
                "required": True,
            },
            "Upload": {
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "file": {"type": "string", "format": "binary"}
                            },
                        }
                    }
                }
            },
        },
    }


def test_global_responses_become_component_responses():
    converted = to_openapi3(
        swagger(
            produces=["application/json"],
            responses={
                "NotFound": {
                    "description": "missing",
                    "schema": {"$ref": "#/definitions/Error"},
                }
            },
        )
    )
    assert converted["components"] == {
        "responses": {
            "NotFound": {
                "description": "missing",
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/Error"}
                    }
                },
            }
        }
    }


def test_security_definitions_become_security_schemes():
    converted = to_openapi3(
        swagger(
            securityDefinitions={
                "basic": {"type": "basic", "description": "user and password"},
                "key": {"type": "apiKey", "name": "X-Key", "in": "header"},
                "implicit": {
                    "type": "oauth2",
                    "flow": "implicit",
                    "authorizationUrl": "https://a/auth",
                    "scopes": {"read": "read things"},
                },
                "password": {
                    "type": "oauth2",
                    "flow": "password",
                    "tokenUrl": "https://a/t",
                },
                "application": {
                    "type": "oauth2",
                    "flow": "application",
                    "tokenUrl": "https://a/t",
                    "scopes": {},
                    "x-audience": "api",
                },
                "accessCode": {
                    "type": "oauth2",
                    "flow": "accessCode",
                    "authorizationUrl": "https://a/auth",
                    "tokenUrl": "https://a/t",
                    "scopes": {"write": "w"},
                },
            }
        )
    )
    assert converted["components"]["securitySchemes"] == {
        "basic": {
            "type": "http",
            "scheme": "basic",
            "description": "user and password",
        },
        "key": {"type": "apiKey", "name": "X-Key", "in": "header"},
        "implicit": {
            "type": "oauth2",
            "flows": {
                "implicit": {
                    "authorizationUrl": "https://a/auth",
                    "scopes": {"read": "read things"},
                }
            },
        },
        "password": {
            "type": "oauth2",
            "flows": {"password": {"tokenUrl": "https://a/t", "scopes": {}}},
        },
        "application": {
            "type": "oauth2",
            "flows": {"clientCredentials": {"tokenUrl": "https://a/t", "scopes": {}}},
            "x-audience": "api",
        },
        "accessCode": {
            "type": "oauth2",
            "flows": {
                "authorizationCode": {
                    "authorizationUrl": "https://a/auth",
                    "tokenUrl": "https://a/t",
                    "scopes": {"write": "w"},
                }
            },
        },
    }


# -- request bodies -----------------------------------------------------------------


BODY = {
    "name": "pet",
    "in": "body",
    "description": "The pet",
    "required": True,
    "schema": {"$ref": "#/definitions/Pet"},
    "x-body": 1,
}


def test_body_parameter_becomes_request_body_with_the_operation_consumes():
    op = converted_operation(
        consumes=["application/json", "application/xml"], parameters=[BODY]
    )
    pet = {"schema": {"$ref": "#/components/schemas/Pet"}}
    assert op == {
        "requestBody": {
            "description": "The pet",
            "content": {"application/json": pet, "application/xml": pet},
            "required": True,
            "x-body": 1,
        }
    }


def test_body_media_types_fall_back_to_global_consumes_then_json():
    document = operation(parameters=[{"name": "b", "in": "body", "schema": {}}])
    default = to_openapi3(document)["paths"]["/things"]["post"]["requestBody"]
    assert default == {"content": {"application/json": {"schema": {}}}}
    document["consumes"] = ["application/vnd.api+json"]
    body = to_openapi3(document)["paths"]["/things"]["post"]["requestBody"]
    assert body == {"content": {"application/vnd.api+json": {"schema": {}}}}


def test_form_data_with_a_file_becomes_one_multipart_object():
    op = converted_operation(
        consumes=["application/x-www-form-urlencoded"],
        parameters=[
            {"name": "id", "in": "path", "required": True, "type": "integer"},
            {
                "name": "note",
                "in": "formData",
                "type": "string",
                "description": "A note",
            },
            {"name": "file", "in": "formData", "type": "file", "required": True},
            {
                "name": "tags",
                "in": "formData",
                "type": "array",
                "items": {"type": "string"},
                "collectionFormat": "multi",
            },
        ],
    )
    assert op == {
        "parameters": [
            {
                "name": "id",
                "in": "path",
                "required": True,
                "schema": {"type": "integer"},
            }
        ],
        "requestBody": {
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "note": {"description": "A note", "type": "string"},
                            "file": {"type": "string", "format": "binary"},
                            "tags": {"type": "array", "items": {"type": "string"}},
                        },
                        "required": ["file"],
                    }
                }
            },
            "required": True,
        },
    }


def test_form_data_without_a_file_is_url_encoded_unless_consumes_says_multipart():
    fields = [
        {"name": "name", "in": "formData", "type": "string", "required": True},
        {
            "name": "ids",
            "in": "formData",
            "type": "array",
            "items": {"type": "integer"},
            "collectionFormat": "csv",
        },
    ]
    schema = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "ids": {"type": "array", "items": {"type": "integer"}},
        },
        "required": ["name"],
    }
    encoded = converted_operation(parameters=fields)["requestBody"]
    assert encoded == {
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": schema,
                "encoding": {"ids": {"style": "form", "explode": False}},
            }
        },
        "required": True,
    }
    multipart = converted_operation(
        consumes=["multipart/form-data"], parameters=fields
    )["requestBody"]
    assert multipart == {
        "content": {"multipart/form-data": {"schema": schema}},
        "required": True,
    }


def test_a_body_parameter_reference_becomes_a_request_body_reference():
    document = swagger(
        parameters={
            "Body": BODY,
            "limit": {"name": "limit", "in": "query", "type": "integer"},
        },
        paths={
            "/things": {
                "post": {
                    "parameters": [
                        {"$ref": "#/parameters/limit"},
                        {"$ref": "#/parameters/Body"},
                    ],
                    "responses": {"204": {"description": "ok"}},
                },
                "put": {
                    "consumes": ["application/xml"],
                    "parameters": [{"$ref": "#/parameters/Body"}],
                    "responses": {"204": {"description": "ok"}},
                },
            }
        },
    )
    paths = to_openapi3(document)["paths"]["/things"]
    assert paths["post"] == {
        "parameters": [{"$ref": "#/components/parameters/limit"}],
        "requestBody": {"$ref": "#/components/requestBodies/Body"},
        "responses": {"204": {"description": "ok"}},
    }
    # Its own media types: the shared body is inlined with them.
    assert paths["put"]["requestBody"] == {
        "description": "The pet",
        "content": {
            "application/xml": {"schema": {"$ref": "#/components/schemas/Pet"}}
        },
        "required": True,
        "x-body": 1,
    }


def test_form_data_parameter_references_are_merged_into_the_form():
    document = swagger(
        parameters={"File": {"name": "file", "in": "formData", "type": "file"}},
        paths={
            "/things": {
                "post": {
                    "parameters": [
                        {"$ref": "#/parameters/File"},
                        {"name": "note", "in": "formData", "type": "string"},
                    ],
                    "responses": {"204": {"description": "ok"}},
                }
            }
        },
    )
    op = to_openapi3(document)["paths"]["/things"]["post"]
    assert op["requestBody"] == {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "note": {"type": "string"},
                    },
                }
            }
        }
    }
    assert "parameters" not in op


# -- parameters ---------------------------------------------------------------------


def test_parameter_type_keywords_move_into_schema():
    op = converted_operation(
        parameters=[
            {
                "name": "limit",
                "in": "query",
                "description": "How many",
                "required": False,
                "type": "integer",
                "format": "int32",
                "minimum": 1,
                "maximum": 100,
                "exclusiveMaximum": True,
                "default": 20,
                "multipleOf": 5,
                "allowEmptyValue": True,
                "x-example": 40,
            },
            {
                "name": "q",
                "in": "query",
                "type": "string",
                "minLength": 1,
                "maxLength": 9,
                "pattern": "^[a-z]+$",
                "enum": ["a", "b"],
                "x-nullable": True,
            },
            {"name": "X-Trace", "in": "header", "type": "string"},
            {"name": "id", "in": "path", "type": "string", "format": "uuid"},
        ]
    )
    assert op["parameters"] == [
        {
            "name": "limit",
            "in": "query",
            "description": "How many",
            "required": False,
            "schema": {
                "type": "integer",
                "format": "int32",
                "minimum": 1,
                "maximum": 100,
                "exclusiveMaximum": True,
                "default": 20,
                "multipleOf": 5,
            },
            "allowEmptyValue": True,
            "x-example": 40,
        },
        {
            "name": "q",
            "in": "query",
            "schema": {
                "type": "string",
                "minLength": 1,
                "maxLength": 9,
                "pattern": "^[a-z]+$",
                "enum": ["a", "b"],
                "nullable": True,
            },
        },
        {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
        # 3.0 requires `required: true` on a path parameter.
        {
            "name": "id",
            "in": "path",
            "schema": {"type": "string", "format": "uuid"},
            "required": True,
        },
    ]


@pytest.mark.parametrize(
    ("location", "collection_format", "expected"),
    [
        ("query", None, {"style": "form", "explode": False}),
        ("query", "csv", {"style": "form", "explode": False}),
        ("query", "ssv", {"style": "spaceDelimited", "explode": False}),
        ("query", "pipes", {"style": "pipeDelimited", "explode": False}),
        ("query", "multi", {"style": "form", "explode": True}),
        ("path", "csv", {"style": "simple", "explode": False}),
        ("header", None, {"style": "simple", "explode": False}),
        ("query", "tsv", {"x-collectionFormat": "tsv"}),
        ("header", "pipes", {"x-collectionFormat": "pipes"}),
    ],
)
def test_collection_format_becomes_style_and_explode(
    location, collection_format, expected
):
    parameter = {
        "name": "ids",
        "in": location,
        "required": True,
        "type": "array",
        "items": {"type": "integer", "collectionFormat": "csv"},
    }
    if collection_format:
        parameter["collectionFormat"] = collection_format
    [converted] = converted_operation(parameters=[parameter])["parameters"]
    assert converted == {
        "name": "ids",
        "in": location,
        "required": True,
        **expected,
        "schema": {"type": "array", "items": {"type": "integer"}},
    }


def test_path_level_parameters_stay_and_a_path_level_body_moves_to_each_operation():
    document = swagger(
        paths={
            "/things/{id}": {
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "type": "string"},
                    {"name": "thing", "in": "body", "schema": {"type": "object"}},
                ],
                "put": {"responses": {"204": {"description": "ok"}}},
                "patch": {
                    "consumes": ["application/merge-patch+json"],
                    "parameters": [
                        {"name": "patch", "in": "body", "schema": {"type": "array"}}
                    ],
                    "responses": {"204": {"description": "ok"}},
                },
                "x-owner": "team",
            }
        }
    )
    item = to_openapi3(document)["paths"]["/things/{id}"]
    assert item == {
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "put": {
            "requestBody": {
                "content": {"application/json": {"schema": {"type": "object"}}}
            },
            "responses": {"204": {"description": "ok"}},
        },
        "patch": {
            "requestBody": {
                "content": {
                    "application/merge-patch+json": {"schema": {"type": "array"}}
                }
            },
            "responses": {"204": {"description": "ok"}},
        },
        "x-owner": "team",
    }


def test_operation_schemes_become_servers_only_when_they_differ():
    document = swagger(
        host="api.example.com",
        schemes=["https"],
        paths={
            "/a": {"get": {"schemes": ["https"], "responses": {}}},
            "/b": {"get": {"schemes": ["http"], "responses": {}}},
        },
    )
    paths = to_openapi3(document)["paths"]
    assert paths["/a"]["get"] == {"responses": {}}
    assert paths["/b"]["get"] == {
        "servers": [{"url": "http://api.example.com"}],
        "responses": {},
    }


# -- responses ----------------------------------------------------------------------


def test_response_schema_becomes_content_per_produces_media_type():
    document = swagger(
        produces=["application/json"],
        paths={
            "/things": {
                "get": {
                    "produces": ["application/json", "application/xml"],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "schema": {"$ref": "#/definitions/Thing"},
                            "x-cache": True,
                        },
                        "default": {"$ref": "#/responses/Error"},
                        "x-note": "kept",
                    },
                },
                "delete": {"responses": {"204": {"description": "gone"}}},
                "put": {
                    "responses": {
                        "200": {"description": "ok", "schema": {"type": "string"}}
                    }
                },
            }
        },
    )
    item = to_openapi3(document)["paths"]["/things"]
    thing = {"schema": {"$ref": "#/components/schemas/Thing"}}
    assert item["get"]["responses"] == {
        "200": {
            "description": "ok",
            "content": {"application/json": thing, "application/xml": thing},
            "x-cache": True,
        },
        "default": {"$ref": "#/components/responses/Error"},
        "x-note": "kept",
    }
    assert item["delete"]["responses"] == {"204": {"description": "gone"}}
    assert item["put"]["responses"]["200"]["content"] == {
        "application/json": {"schema": {"type": "string"}}
    }
    document.pop("produces")
    default = to_openapi3(document)["paths"]["/things"]["put"]["responses"]
    assert default["200"]["content"] == {
        "application/json": {"schema": {"type": "string"}}
    }


def test_file_responses_are_binary_content():
    document = swagger(
        produces=["application/json"],
        definitions={"Download": {"type": "file"}},
        paths={
            "/file": {
                "get": {
                    "responses": {
                        "200": {"description": "the file", "schema": {"type": "file"}}
                    }
                }
            },
            "/image": {
                "get": {
                    "produces": ["application/json", "image/png"],
                    "responses": {
                        "200": {
                            "description": "a picture",
                            "schema": {"$ref": "#/definitions/Download"},
                        }
                    },
                }
            },
        },
    )
    paths = to_openapi3(document)["paths"]
    binary = {"type": "string", "format": "binary"}
    assert paths["/file"]["get"]["responses"]["200"] == {
        "description": "the file",
        "content": {"application/octet-stream": {"schema": binary}},
    }
    assert paths["/image"]["get"]["responses"]["200"]["content"] == {
        "image/png": {"schema": {"$ref": "#/components/schemas/Download"}}
    }


def test_response_headers_and_examples_are_converted():
    document = swagger(
        paths={
            "/things": {
                "get": {
                    "produces": ["application/json"],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "headers": {
                                "X-Rate-Limit": {
                                    "type": "integer",
                                    "format": "int32",
                                    "description": "calls left",
                                    "x-unit": "calls",
                                },
                                "X-Ids": {"type": "array", "items": {"type": "string"}},
                            },
                            "schema": {"type": "object"},
                            "examples": {
                                "application/json": {"id": 1},
                                "text/csv": "id\n1\n",
                            },
                        }
                    },
                }
            }
        }
    )
    response = to_openapi3(document)["paths"]["/things"]["get"]["responses"]["200"]
    assert response == {
        "description": "ok",
        "headers": {
            "X-Rate-Limit": {
                "schema": {"type": "integer", "format": "int32"},
                "description": "calls left",
                "x-unit": "calls",
            },
            "X-Ids": {"schema": {"type": "array", "items": {"type": "string"}}},
        },
        "content": {
            "application/json": {"schema": {"type": "object"}, "example": {"id": 1}},
            "text/csv": {"schema": {"type": "object"}, "example": "id\n1\n"},
        },
    }


# -- schemas and references ---------------------------------------------------------


def test_schema_keywords_are_converted_at_every_depth():
    converted = to_openapi3(
        swagger(
            definitions={
                "Animal": {
                    "type": "object",
                    "discriminator": "kind",
                    "required": ["kind"],
                    "properties": {
                        "kind": {"type": "string"},
                        "nickname": {"type": "string", "x-nullable": True},
                        "photo": {"type": "file", "format": "ignored"},
                        "children": {
                            "type": "array",
                            "items": {
                                "$ref": "#/definitions/Animal",
                                "x-nullable": True,
                            },
                        },
                        "extra": {
                            "type": "object",
                            "additionalProperties": {"type": "file"},
                        },
                        "discriminator": {"type": "string"},
                        "x-nullable": {"type": "boolean"},
                    },
                    "x-generic": {"x-nullable": True},
                },
                "Dog": {
                    "allOf": [
                        {"$ref": "#/definitions/Animal"},
                        {"type": "object", "x-nullable": False},
                    ]
                },
            }
        )
    )
    assert converted["components"]["schemas"] == {
        "Animal": {
            "type": "object",
            "discriminator": {"propertyName": "kind"},
            "required": ["kind"],
            "properties": {
                "kind": {"type": "string"},
                "nickname": {"type": "string", "nullable": True},
                "photo": {"type": "string", "format": "binary"},
                "children": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/Animal", "nullable": True},
                },
                "extra": {
                    "type": "object",
                    "additionalProperties": {"type": "string", "format": "binary"},
                },
                # Property names are names, not keywords.
                "discriminator": {"type": "string"},
                "x-nullable": {"type": "boolean"},
            },
            "x-generic": {"x-nullable": True},
        },
        "Dog": {
            "allOf": [
                {"$ref": "#/components/schemas/Animal"},
                {"type": "object", "nullable": False},
            ]
        },
    }


def test_local_refs_are_rewritten_and_other_files_refs_kept():
    document = swagger(
        parameters={
            "limit": {"name": "limit", "in": "query", "type": "integer"},
            "Alias": {"$ref": "#/parameters/Body"},
            "Body": {"name": "b", "in": "body", "schema": {"type": "object"}},
        },
        definitions={
            "Pet": {
                "properties": {
                    "name": {"$ref": "#/definitions/Name/properties/first"},
                    "shared": {"$ref": "common.yaml#/definitions/Shared"},
                    "weird~name": {"$ref": "#/definitions/a~1b"},
                }
            }
        },
        paths={
            "/things": {
                "get": {
                    "parameters": [
                        {"$ref": "#/parameters/limit"},
                        {"$ref": "common.yaml#/parameters/page"},
                    ],
                    "responses": {
                        "200": {"$ref": "#/responses/Ok"},
                        "404": {"$ref": "errors.yaml#/responses/NotFound"},
                    },
                },
                "post": {
                    "parameters": [{"$ref": "#/parameters/Alias"}],
                    "responses": {"201": {"$ref": "#/responses/Ok"}},
                },
            }
        },
    )
    converted = to_openapi3(document)
    assert converted["components"]["requestBodies"] == {
        "Alias": {"content": {"application/json": {"schema": {"type": "object"}}}},
        "Body": {"content": {"application/json": {"schema": {"type": "object"}}}},
    }
    assert converted["components"]["schemas"]["Pet"]["properties"] == {
        "name": {"$ref": "#/components/schemas/Name/properties/first"},
        "shared": {"$ref": "common.yaml#/definitions/Shared"},
        "weird~name": {"$ref": "#/components/schemas/a~1b"},
    }
    item = converted["paths"]["/things"]
    assert item["get"] == {
        "parameters": [
            {"$ref": "#/components/parameters/limit"},
            {"$ref": "common.yaml#/parameters/page"},
        ],
        "responses": {
            "200": {"$ref": "#/components/responses/Ok"},
            "404": {"$ref": "errors.yaml#/responses/NotFound"},
        },
    }
    assert item["post"] == {
        "requestBody": {"$ref": "#/components/requestBodies/Alias"},
        "responses": {"201": {"$ref": "#/components/responses/Ok"}},
    }


def test_source_pointer_finds_the_2_0_node():
    assert source_pointer("/components/schemas/Pet/properties/id") == (
        "/definitions/Pet/properties/id"
    )
    assert source_pointer("/components/requestBodies/Body/content/a~1b/schema") == (
        "/parameters/Body"
    )
    assert source_pointer("/paths/~1p/get/responses/200/content/a~1b/schema/type") == (
        "/paths/~1p/get/responses/200/schema/type"
    )
    assert source_pointer("/paths/~1p/get/parameters/1/schema/type") == (
        "/paths/~1p/get/parameters/1"
    )
    assert source_pointer("/paths/~1p/post/requestBody/content/a~1b/schema") == (
        "/paths/~1p/post/parameters"
    )
    # A property named `content` is a name, kept.
    assert source_pointer("/components/schemas/M/properties/content/type") == (
        "/definitions/M/properties/content/type"
    )
    assert source_pointer("/servers/0/url") == "/host"


# -- the pipeline -------------------------------------------------------------------


def test_load_converts_a_swagger_root_and_locates_lines_in_its_text(write_spec):
    spec = write_spec(
        """
        swagger: "2.0"
        info: {title: T, version: "1"}
        host: api.example.com
        paths:
          /pets:
            get:
              responses:
                "200":
                  description: ok
                  schema:
                    $ref: "#/definitions/Pet"
        definitions:
          Pet:
            type: object
            properties:
              id: {type: integer}
        """
    )
    root = load(spec).root
    assert root.data["openapi"] == "3.0.3"
    assert "swagger" not in root.data
    assert root.text.startswith('swagger: "2.0"')
    assert root.line_of("/components/schemas/Pet/properties/id") == 16
    response = "/paths/~1pets/get/responses/200/content/application~1json/schema"
    assert root.line_of(response) == 10  # `schema:`, where the 2.0 response held it


def test_other_versions_are_still_rejected(write_spec):
    assert not is_swagger2({"swagger": "1.2"})
    assert not is_swagger2({"openapi": "3.0.0", "swagger": "2.0"})
    assert is_swagger2({"swagger": 2.0})
    spec = write_spec('swagger: "1.2"\ninfo: {title: T, version: "1"}\npaths: {}\n')
    config = ClientConfig.default(spec, spec.parent / "out", "demo")
    with pytest.raises(FatalError, match=r"OpenAPI version '1\.2' is not supported"):
        build(load(spec), config, lambda _: None)


@pytest.mark.parametrize("spec", [PETSTORE, PETSTORE_SIMPLE], ids=lambda p: p.name)
def test_corpus_petstores_convert_to_valid_openapi_3(spec):
    converted = to_openapi3(json.loads(spec.read_text(encoding="utf-8")))
    assert [e.message for e in OpenAPIV30SpecValidator(converted).iter_errors()] == []


@pytest.fixture(scope="module")
def petstore(tmp_path_factory: pytest.TempPathFactory) -> tuple[Generated, ModuleType]:
    """The corpus petstore generated once for this module's client tests."""
    return generate_package(PETSTORE, tmp_path_factory.mktemp("swagger2"), "petstore2")


def mock_client(module: ModuleType, handler: Any) -> Any:
    transport = httpx.MockTransport(handler)
    return module.Petstore2(api_key="k", http_client=httpx.Client(transport=transport))


def test_petstore_generates_an_importable_client(petstore):
    result, module = petstore
    manifest = json.loads(result.files[".sdkforge.json"])
    assert {
        op["name"]: (op["method"], op["path"]) for op in manifest["operations"]
    } == {
        "pet.create": ("POST", "/pet"),
        "pet.update": ("PUT", "/pet"),
        "pet.find_by_status": ("GET", "/pet/findByStatus"),
        "pet.find_by_tags": ("GET", "/pet/findByTags"),
        "pet.retrieve": ("GET", "/pet/{petId}"),
        "pet.update_with_form": ("POST", "/pet/{petId}"),
        "pet.delete": ("DELETE", "/pet/{petId}"),
        "pet.upload_image": ("POST", "/pet/{petId}/uploadImage"),
        "store.inventory.retrieve": ("GET", "/store/inventory"),
        "store.order.create": ("POST", "/store/order"),
        "store.order.retrieve": ("GET", "/store/order/{orderId}"),
        "store.order.delete": ("DELETE", "/store/order/{orderId}"),
        "user.create": ("POST", "/user"),
        "user.create_with_array": ("POST", "/user/createWithArray"),
        "user.create_with_list": ("POST", "/user/createWithList"),
        "user.login": ("GET", "/user/login"),
        "user.logout": ("GET", "/user/logout"),
        "user.retrieve": ("GET", "/user/{username}"),
        "user.update": ("PUT", "/user/{username}"),
        "user.delete": ("DELETE", "/user/{username}"),
    }
    assert result.operations == 20
    assert manifest["skipped"] == []
    models = module.models
    assert {"Pet", "Category", "Tag", "Order", "User", "ApiResponse"} <= set(
        dir(models)
    )
    assert set(models.Pet.model_fields) == {
        "id", "category", "name", "photo_urls", "tags", "status",
    }  # fmt: skip

    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.url.path.endswith("/uploadImage"):
            return httpx.Response(200, json={"code": 200, "message": "stored"})
        return httpx.Response(200, json=[{"id": 1, "name": "Rex", "photoUrls": []}])

    client = mock_client(module, handler)
    assert str(client.base_url).rstrip("/") == "http://petstore.swagger.io/v2"

    # A body parameter: the Pet's fields are keyword arguments sent as JSON.
    client.pet.with_raw_response.create(name="Rex", photo_urls=["u"], status="sold")
    assert sent[-1].method == "POST"
    assert sent[-1].headers["content-type"] == "application/json"
    assert json.loads(sent[-1].content) == {
        "name": "Rex",
        "photoUrls": ["u"],
        "status": "sold",
    }
    # A query array (collectionFormat: multi).
    client.pet.with_raw_response.find_by_status(status=["available", "sold"])
    assert sent[-1].url.query == b"status=available&status=sold"
    # A formData file upload: multipart with the file and the other field.
    uploaded = client.pet.upload_image(7, additional_metadata="front", file=b"PNG")
    assert uploaded == models.ApiResponse(code=200, message="stored")
    upload = sent[-1]
    assert upload.url.path == "/v2/pet/7/uploadImage"
    assert upload.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="additionalMetadata"\r\n\r\nfront' in upload.content
    assert b'name="file"' in upload.content and b"PNG" in upload.content


def test_petstore_responses_named_like_their_resource_parse(petstore):
    _, module = petstore

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[{"id": 1, "name": "Rex", "photoUrls": []}])

    client = mock_client(module, handler)
    [pet] = client.pet.find_by_status(status=["available"])
    assert pet == module.models.Pet(id=1, name="Rex", photo_urls=[])
