"""Parameters go on the wire in their OpenAPI `style` and `explode`, as the spec's own
examples spell them (OpenAPI 3.1 §4.8.12.4, "Style Examples")."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.pipeline.helpers import generate_package

SPEC = """
openapi: 3.1.0
info: {title: Styles, version: "1"}
servers: [{url: "https://api.example.com"}]
paths:
  /items/{ids}/{label}/{matrix}/{point}:
    get:
      operationId: getItems
      parameters:
        - {name: ids, in: path, required: true, schema: {type: array, items: {type: integer}}}
        - name: label
          in: path
          required: true
          style: label
          explode: true
          schema: {type: array, items: {type: string}}
        - name: matrix
          in: path
          required: true
          style: matrix
          schema: {type: array, items: {type: string}}
        - {name: point, in: path, required: true, explode: true, schema: {$ref: '#/components/schemas/Point'}}
        - {name: tags, in: query, schema: {type: array, items: {type: string}}}
        - {name: csv, in: query, explode: false, schema: {type: array, items: {type: string}}}
        - name: space
          in: query
          style: spaceDelimited
          explode: false
          schema: {type: array, items: {type: string}}
        - name: pipes
          in: query
          style: pipeDelimited
          explode: false
          schema: {type: array, items: {type: string}}
        - name: filter
          in: query
          style: deepObject
          explode: true
          schema: {$ref: '#/components/schemas/Point'}
        - {name: near, in: query, schema: {$ref: '#/components/schemas/Point'}}
        - {name: box, in: query, explode: false, schema: {$ref: '#/components/schemas/Point'}}
        - name: where
          in: query
          content: {application/json: {schema: {type: object, additionalProperties: {type: integer}}}}
        - {name: X-Ids, in: header, schema: {type: array, items: {type: integer}}}
      responses:
        "204": {description: nothing}
components:
  schemas:
    Point:
      type: object
      properties: {x: {type: integer}, y: {type: integer}}
"""


def test_each_style_is_sent_as_the_spec_spells_it(write_spec, tmp_path: Path):
    spec = write_spec(SPEC)
    _, package = generate_package(spec, tmp_path / "out", "styles_demo")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    client = package.StylesDemo(
        api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    point = package.Point(x=1, y=2)
    client.items.retrieve(
        [3, 4],
        ["a", "b"],
        ["c", "d"],
        point,
        tags=["t1", "t2"],
        csv=["a", "b"],
        space=["a", "b"],
        pipes=["a", "b"],
        filter_=point,
        near=point,
        box=point,
        where={"a": 1},
        ids_header=[5, 6],
    )
    [request] = seen
    assert request.url.path == "/items/3,4/.a.b/;matrix=c,d/x=1,y=2"
    assert request.url.params.multi_items() == [
        ("tags", "t1"),
        ("tags", "t2"),
        ("csv", "a,b"),
        ("space", "a b"),
        ("pipes", "a|b"),
        ("filter[x]", "1"),
        ("filter[y]", "2"),
        ("x", "1"),
        ("y", "2"),
        ("box", "x,1,y,2"),
        ("where", '{"a": 1}'),
    ]
    assert request.headers["X-Ids"] == "5,6"
