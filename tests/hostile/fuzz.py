"""Random OpenAPI documents, generated and checked: every run ends in a package that parses,
imports and passes `ruff check` and `mypy --strict`, or in a located error (exit 2).

The documents mix what breaks generators: names from a wide unicode range and Python's
own words, enums of mixed types, recursion, 3.1 type arrays and boolean schemas,
`prefixItems`, `not`, wrong defaults. `tests/hostile/test_fuzz.py` runs a short round in
`make test`; `make fuzz` runs a long one and writes `tests/hostile/REPORT.md`.
"""

from __future__ import annotations

import argparse
import ast
import json
import multiprocessing
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ruff import find_ruff_bin

from generator.config import ClientConfig
from generator.diagnostics import FatalError
from generator.pipeline import generate
from generator.write import write_package

# Names that collide with something: keywords, builtins, pydantic and runtime members.
TRICKY = [
    "class", "None", "True", "from", "type", "id", "self", "model_dump", "model_config",
    "schema", "json", "copy", "validate", "base_url", "api_key", "close", "with_options",
    "SyncAPIClient", "BaseModel", "Field", "Literal", "typing", "pydantic", "cast", "timeout",
    "extra_headers", "body", "stream", "with_raw_response", "wait", "_private", "__dunder__",
    "1st", "2024", "+1", "-1", "a b", "a-b", "a.b", "a/b", "x-id", "ÄÖÜ", "名前", "имя",
    "🙂", "ǅ", "\u200b", "$ref", "#", "~0", "",
]  # fmt: skip
ALPHABETS = [
    (0x61, 0x7A), (0x41, 0x5A), (0x30, 0x39), (0xC0, 0x17F), (0x391, 0x3C9), (0x410, 0x44F),
    (0x4E00, 0x4E40), (0x1F600, 0x1F610), (0x20, 0x2F), (0x5F, 0x5F),
]  # fmt: skip


def random_name(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(TRICKY)
    low, high = rng.choice(ALPHABETS)
    length = rng.randint(1, 12)
    return "".join(chr(rng.randint(low, high)) for _ in range(length))


def random_text(rng: random.Random) -> str:
    pieces = [
        '"""',
        "'''",
        "\\",
        "\x00",
        "\n",
        "*/",
        "{{",
        "}}",
        "%s",
        "\u2028",
        "é",
        "`",
    ]
    return " ".join(
        rng.choice([*pieces, random_name(rng)]) for _ in range(rng.randint(0, 6))
    )


@dataclass
class SpecMaker:
    rng: random.Random
    version: str
    names: list[str] = field(default_factory=list)

    def scalar(self) -> Any:
        return self.rng.choice(
            ["a", "B c", 0, -1, 2.5, True, False, None, "", random_name(self.rng)]
        )

    def schema(self, depth: int) -> Any:
        rng = self.rng
        v31 = self.version.startswith("3.1")
        if v31 and rng.random() < 0.05:
            return rng.choice([True, False])
        if self.names and rng.random() < 0.25:
            return {"$ref": f"#/components/schemas/{rng.choice(self.names)}"}
        kinds = ["string", "integer", "number", "boolean", "enum", "const"]
        if depth > 0:
            kinds += ["array", "object", "object", "oneOf", "anyOf", "allOf", "not"]
        kind = rng.choice(kinds)
        schema: dict[str, Any]
        if kind == "enum":
            schema = {"enum": [self.scalar() for _ in range(rng.randint(1, 5))]}
        elif kind == "const":
            schema = {"const": self.scalar()}
        elif kind == "array":
            schema = {"type": "array", "items": self.schema(depth - 1)}
            if v31 and rng.random() < 0.3:
                schema["prefixItems"] = [self.schema(depth - 1) for _ in range(2)]
        elif kind == "object":
            properties = {
                random_name(rng): self.schema(depth - 1)
                for _ in range(rng.randint(0, 5))
            }
            schema = {"type": "object", "properties": properties}
            if properties and rng.random() < 0.6:
                schema["required"] = rng.sample(
                    list(properties), rng.randint(1, len(properties))
                )
            if rng.random() < 0.3:
                schema["additionalProperties"] = rng.choice(
                    [True, False, self.schema(depth - 1)]
                )
        elif kind in ("oneOf", "anyOf", "allOf"):
            schema = {kind: [self.schema(depth - 1) for _ in range(rng.randint(1, 4))]}
            if kind == "oneOf" and rng.random() < 0.3:
                schema["discriminator"] = {
                    "propertyName": random_name(rng),
                    "mapping": {random_name(rng): random_name(rng)},
                }
        elif kind == "not":
            schema = {"not": self.schema(depth - 1)}
        else:
            schema = {"type": kind}
            if kind == "string" and rng.random() < 0.4:
                schema["format"] = rng.choice(
                    ["date-time", "date", "binary", "uuid", "email", "byte", "weird"]
                )
        if v31 and "type" in schema and rng.random() < 0.2:
            schema["type"] = [schema["type"], "null"]
        if not v31 and rng.random() < 0.15:
            schema["nullable"] = True
        if rng.random() < 0.2:
            schema["default"] = self.scalar()
        if rng.random() < 0.3:
            schema["description"] = random_text(rng)
        return schema

    def operation(self) -> dict[str, Any]:
        rng = self.rng
        operation: dict[str, Any] = {"responses": {}}
        if rng.random() < 0.8:
            operation["operationId"] = random_name(rng)
        if rng.random() < 0.7:
            operation["tags"] = [random_name(rng)]
        if rng.random() < 0.5:
            operation["summary"] = random_text(rng)
        operation["parameters"] = [
            {
                "name": random_name(rng) or "p",
                "in": rng.choice(["query", "header", "cookie"]),
                "required": rng.random() < 0.3,
                "schema": self.schema(1),
            }
            for _ in range(rng.randint(0, 3))
        ]
        if rng.random() < 0.5:
            media = rng.choice(
                ["application/json", "multipart/form-data", "text/plain"]
            )
            operation["requestBody"] = {
                "required": rng.random() < 0.5,
                "content": {media: {"schema": self.schema(2)}},
            }
        for status in rng.sample(["200", "201", "204", "400", "404", "default"], 2):
            response: dict[str, Any] = {"description": random_text(rng) or "r"}
            if status != "204" and rng.random() < 0.8:
                media = rng.choice(["application/json", "application/octet-stream"])
                response["content"] = {media: {"schema": self.schema(2)}}
            operation["responses"][status] = response
        return operation

    def document(self) -> dict[str, Any]:
        rng = self.rng
        self.names = list(
            dict.fromkeys(random_name(rng) for _ in range(rng.randint(0, 8)))
        )
        schemas = {name: self.schema(3) for name in self.names}
        paths: dict[str, Any] = {}
        for _ in range(rng.randint(1, 5)):
            segment = (
                random_name(rng).replace("/", "_").replace("{", "").replace("}", "")
            )
            has_id = rng.random() < 0.5
            path = f"/{segment}" + ("/{item_id}" if has_id else "")
            item: dict[str, Any] = {}
            for method in rng.sample(["get", "post", "put", "patch", "delete"], 2):
                operation = self.operation()
                if has_id:
                    operation["parameters"].append(
                        {
                            "name": "item_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    )
                item[method] = operation
            paths[path] = item
        return {
            "openapi": self.version,
            "info": {"title": random_text(rng) or "T", "version": "1"},
            "servers": [{"url": "https://api.example.com/v1"}],
            "paths": paths,
            "components": {"schemas": schemas},
        }


@dataclass
class Outcome:
    seed: int
    kind: str
    """`generated`, `located error`, or a failure: `bug`, `unlocated error`."""
    detail: str = ""


def run_one(seed: int, folder: Path) -> Outcome:
    rng = random.Random(seed)
    version = rng.choice(["3.0.3", "3.1.0"])
    spec = folder / f"spec{seed}.json"
    spec.write_text(json.dumps(SpecMaker(rng, version).document(), ensure_ascii=False))
    package = f"fuzz{seed}"
    config = ClientConfig.default(spec, folder / "packages" / package, package)
    try:
        result = generate(config, spec.name)
    except FatalError as error:
        located = error.location is not None and (
            error.location.line is not None or error.location.pointer
        )
        return Outcome(
            seed, "located error" if located else "unlocated error", str(error)
        )
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - what the fuzz run is for
        return Outcome(seed, "bug", f"{type(exc).__name__}: {exc}")
    write_package(config.output, result.files)
    for path in config.output.rglob("*.py"):
        try:
            ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError as exc:
            return Outcome(seed, "bug", f"{path.name} does not parse: {exc}")
    return Outcome(seed, "generated")


def check_packages(folder: Path, packages: list[str]) -> list[str]:
    """ruff check, mypy --strict and an import of every package; the failures."""
    failures: list[str] = []
    if not packages:
        return failures
    ruff = subprocess.run(
        [find_ruff_bin(), "check", "--quiet", *packages],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    if ruff.returncode != 0:
        failures.append(f"ruff check:\n{ruff.stdout[-3000:]}")
    for start in range(0, len(packages), 100):
        batch = packages[start : start + 100]
        mypy = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental"]
            + [arg for name in batch for arg in ("-p", name)],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        if mypy.returncode != 0:
            failures.append(f"mypy --strict:\n{mypy.stdout[-3000:]}")
    importer = "; ".join(f"import {name}.models, {name}.resources" for name in packages)
    imported = subprocess.run(
        [sys.executable, "-c", f"import importlib, pkgutil; {importer}"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    if imported.returncode != 0:
        failures.append(f"import:\n{imported.stderr[-3000:]}")
    return failures


def fuzz(seeds: Iterable[int], folder: Path) -> tuple[list[Outcome], list[str]]:
    (folder / "packages").mkdir(parents=True, exist_ok=True)
    outcomes = [run_one(seed, folder) for seed in seeds]
    generated = [f"fuzz{o.seed}" for o in outcomes if o.kind == "generated"]
    return outcomes, check_packages(folder / "packages", generated)


def _batch(seeds: range) -> tuple[list[Outcome], list[str]]:
    with tempfile.TemporaryDirectory(prefix="sdkforge-fuzz-") as folder:
        return fuzz(seeds, Path(folder))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--report", type=Path, default=ROOT / "tests/hostile/REPORT.md")
    args = parser.parse_args()
    started = time.monotonic()
    counts: Counter[str] = Counter()
    failures: list[str] = []
    bugs: list[Outcome] = []
    end = args.first_seed + args.documents
    batches = [range(s, min(s + 250, end)) for s in range(args.first_seed, end, 250)]
    with multiprocessing.Pool(args.jobs) as pool:
        for done, (outcomes, batch_failures) in enumerate(
            pool.imap_unordered(_batch, batches), 1
        ):
            counts.update(o.kind for o in outcomes)
            bugs += [
                o for o in outcomes if o.kind not in ("generated", "located error")
            ]
            failures += batch_failures
            print(f"{done}/{len(batches)} batches: {dict(counts)}", flush=True)
    minutes = (time.monotonic() - started) / 60
    lines = [
        "# Fuzz report",
        "",
        "Written by `make fuzz` (tests/hostile/fuzz.py): random OpenAPI 3.0 and 3.1",
        "documents (names from a wide unicode range and Python's own words, mixed enums,",
        "recursion, type arrays, boolean schemas, prefixItems, not, wrong defaults), each",
        "generated; every package is parsed, imported, and checked with `ruff check` and",
        "`mypy --strict`.",
        "",
        (
            f"- documents: {args.documents:,} (seeds {args.first_seed} to "
            f"{end - 1}), {minutes:.0f} minutes"
        ),
        f"- generated a package: {counts['generated']:,}",
        f"- ended in a located error (exit 2): {counts['located error']:,}",
        f"- generator bugs (an exception, or a file that does not parse): {counts['bug']:,}",
        f"- errors without a location: {counts['unlocated error']:,}",
        f"- packages failing ruff check, mypy --strict or import: {len(failures)} batch(es)",
        "",
    ]
    lines += [f"- seed {o.seed}: {o.kind}: {o.detail[:300]}" for o in bugs[:50]]
    lines += [f"```\n{failure[:2000]}\n```" for failure in failures[:10]]
    args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {args.report}")
    return 1 if bugs or failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
