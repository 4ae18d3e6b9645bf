"""`make corpus`: generate a client from every document of ../shared/corpus and report.

For each document of INDEX.tsv (roles real-world, example, test-fixture, negative-fixture)
this runs `sdkforge generate` in a subprocess, then imports every generated module in
another, runs the gates of tests/gates.py (ruff check, ruff format --check, black
--check, mypy --strict, pyright --strict) on every package it generates, and writes tests/corpus/REPORT.md:
totals first, then one row per document.

    python tests/corpus/run_corpus.py [--jobs 2] [--only SUBSTRING] [--report PATH]
"""

from __future__ import annotations

import argparse
import ast
import csv
import dataclasses
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.corpus.name_quality import HTTP_WORDS, name_flags
from tests.corpus.official.sdk_calls import sdk_call_table
from tests.gates import failed_gates, gate_commands

CORPUS = ROOT.parent / "shared" / "corpus"
REPORT = ROOT / "tests" / "corpus" / "REPORT.md"
# Outcomes are appended here as they complete, keyed by document and generator source,
# so an interrupted `make corpus` resumes where it stopped.
CACHE = ROOT / "tests" / "corpus" / ".cache" / "outcomes.jsonl"
ROLES = ("real-world", "example", "test-fixture", "negative-fixture")
TIMEOUT = 900
NAMED = (
    "openai/openapi.yaml",
    "stripe/openapi/spec3.json",
    "github/generated/api.github.com.json",
    "github/cache/api.github.com.json",
)
# A fatal error: one line naming file, line and JSON pointer.
# A pointer may hold spaces (a path key), so only its leading `/` is matched.
LOCATED_ERROR = re.compile(r"^sdkforge: error: .+?:\d+: /.*: .+")
LOCATED_WARNING = re.compile(r"^warning: .+?:\d+: /.*: .+")

# sdkforge's CLI, then its CPU seconds (its own and its children's: ruff) on stderr.
TIMED_CLI = """
import resource, sys
from generator.cli import main
code = main(sys.argv[1:])
usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print(f"cpu-seconds: {sum(u.ru_utime + u.ru_stime for u in usage):.3f}", file=sys.stderr)
sys.exit(code)
"""
CPU_LINE = "cpu-seconds: "

IMPORT_ALL = """
import importlib, pkgutil, sys
sys.path.insert(0, sys.argv[1])
package = importlib.import_module("corpus_client")
names = ["corpus_client"] + [m.name for m in pkgutil.walk_packages(package.__path__, "corpus_client.")]
failed = []
import pydantic
for name in names:
    try:
        module = importlib.import_module(name)
        # Models build their validators on first use (defer_build): build each one here.
        for value in list(vars(module).values()):
            if isinstance(value, type) and issubclass(value, pydantic.BaseModel) and value.__module__ == name:
                value.model_rebuild()
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print(len(names))
print("\\n".join(failed))
"""


@dataclass
class Outcome:
    path: str
    role: str
    version: str
    operations_in_spec: int
    exit_code: int | str = ""
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    gates: dict[str, str] | None = None
    """The gates the generated package fails (tests/gates.py), each with the end of what it
    said: `{}` when it passes them all; None when they did not run."""
    operations: int = 0
    skipped: list[str] = field(default_factory=list)
    modules: int = 0
    import_failures: list[str] = field(default_factory=list)
    warnings: int = 0
    located_warnings: int = 0
    error: str = ""
    traceback: bool = False
    numbered_names: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    """`METHOD path client.call.path` of every generated operation."""
    incomplete: int = 0
    """Generated operations the spec left something out of (the manifest's `incomplete`)."""
    official: list[str] = field(default_factory=list)
    """`METHOD path official.call.path`, where the spec's Python examples show one."""

    @property
    def generated(self) -> bool:
        return self.exit_code == 0

    @property
    def imports(self) -> bool:
        return self.generated and self.modules > 0 and not self.import_failures

    @property
    def negative_ok(self) -> bool:
        """A rejected input: a located one-line error, or generation with a located warning."""
        if self.traceback:
            return False
        if self.exit_code == 2:
            return bool(LOCATED_ERROR.match(self.error))
        return self.generated and self.located_warnings > 0


def spec_operations(outcome: Outcome) -> int:
    """Operations in the document: INDEX.tsv's count, or, where INDEX.tsv counts none
    because its tool could not read the file (sendgrid's control characters), ours:
    generated plus skipped, callbacks and webhooks left out."""
    if outcome.operations_in_spec or not outcome.generated:
        return outcome.operations_in_spec
    skipped = [s for s in outcome.skipped if not s.startswith(("CALLBACK", "WEBHOOK"))]
    return outcome.operations + len(skipped)


def run_one(row: dict[str, str], work: Path) -> Outcome:
    outcome = Outcome(
        row["path"], row["role"], row["openapi_version"], int(row["n_operations"] or 0)
    )
    output = work / folder_of(row) / "corpus_client"
    started = time.monotonic()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                TIMED_CLI,
                "generate",
                str(CORPUS / row["path"]),
                "--output",
                str(output),
                "--no-cache",
            ],
            check=False,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            cwd=work,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        )
    except subprocess.TimeoutExpired:
        outcome.exit_code, outcome.error = "timeout", f"no result after {TIMEOUT} s"
        outcome.seconds = round(time.monotonic() - started, 1)
        return outcome
    outcome.seconds = round(time.monotonic() - started, 1)
    outcome.exit_code = result.returncode
    lines = [
        line for line in result.stderr.splitlines() if not line.startswith(CPU_LINE)
    ]
    cpu = [line for line in result.stderr.splitlines() if line.startswith(CPU_LINE)]
    outcome.cpu_seconds = float(cpu[-1][len(CPU_LINE) :]) if cpu else 0.0
    outcome.traceback = "Traceback" in "\n".join(lines)
    outcome.warnings = sum(1 for line in lines if line.startswith("warning: "))
    outcome.located_warnings = sum(1 for line in lines if LOCATED_WARNING.match(line))
    errors = [line for line in lines if not line.startswith("warning: ")]
    outcome.error = errors[-1] if errors else ""
    if result.returncode == 0:
        manifest = json.loads((output / ".sdkforge.json").read_text())
        outcome.operations = len(manifest["operations"])
        outcome.names = [
            f"{o['method']} {o['path']} {o['name']}" for o in manifest["operations"]
        ]
        outcome.official = official_calls(CORPUS / row["path"])
        outcome.incomplete = sum(
            bool(o.get("incomplete")) for o in manifest["operations"]
        )
        outcome.skipped = [
            f"{s['method']} {s['path']}: {s['reason']}" for s in manifest["skipped"]
        ]
        check = subprocess.run(
            [sys.executable, "-c", IMPORT_ALL, str(output.parent)],
            check=False,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        out = check.stdout.splitlines()
        outcome.modules = int(out[0]) if out and out[0].isdigit() else 0
        outcome.import_failures = [line for line in out[1:] if line] or (
            [check.stderr[-300:]] if check.returncode else []
        )
        outcome.numbered_names = numbered_names(output, CORPUS / row["path"])
    return outcome


# A Python SDK call in a spec's code samples: `client.fine_tuning.jobs.list(`.
OFFICIAL_CALL = re.compile(r"\bclient\.([a-z_][a-z0-9_.]*)\(")


def official_calls(spec: Path) -> list[str]:
    """The official SDK's call path of each operation whose Python code sample shows one
    (`x-codeSamples`, `x-code-samples`, `x-oaiMeta` examples): what our names are
    compared with in NAMES.md, never what they are made from."""
    try:
        text = spec.read_text(encoding="utf-8")
        data = json.loads(text) if spec.suffix == ".json" else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError):
        return []
    found = []
    paths = data.get("paths") if isinstance(data, dict) else None
    for path, item in (paths or {}).items() if isinstance(paths, dict) else ():
        for method, operation in (item or {}).items() if isinstance(item, dict) else ():
            if not isinstance(operation, dict):
                continue
            samples = json.dumps(
                [
                    operation.get(k)
                    for k in ("x-codeSamples", "x-code-samples", "x-oaiMeta")
                ]
            )
            python = [
                call
                for call in OFFICIAL_CALL.findall(samples.replace("\\n", "\n"))
                if "." in call
            ]
            if python:
                found.append(f"{method.upper()} {path} {python[0]}")
    return found


def write_names_report(outcomes: list[Outcome], path: Path) -> None:
    """tests/corpus/NAMES.md: the longest names and the echoes of HTTP methods and version
    segments in every real-world document's client, and agreement with the official SDK
    where a spec's code samples show its calls."""
    rows = []
    for o in outcomes:
        if o.role != "real-world" or not o.generated:
            continue
        for entry in o.names:
            method, rest = entry.split(" ", 1)
            operation_path, name = rest.rsplit(" ", 1)
            *resource, method_name = name.split(".")
            flags = name_flags(operation_path, resource, method_name)
            rows.append((o.path, method, operation_path, name, flags))
    flagged = [r for r in rows if r[4]]
    sdk = {
        f"{method} {path}": calls for (method, path), calls in sdk_call_table().items()
    }
    lines = [
        "# Names report",
        "",
        "Written by `make corpus` beside REPORT.md: the call path of every operation of every",
        "real-world document's client (`client.<resources>.<method>`).",
        "",
        f"- operations named: {len(rows)} in {len({r[0] for r in rows})} documents",
        *(
            f"- names that {label}: {sum(any(f.startswith(prefix) for f in r[4]) for r in rows)}"
            for label, prefix in (
                ("echo an HTTP method", tuple(f"echoes {w}" for w in HTTP_WORDS)),
                ("echo a version segment", "echoes v"),
                ("echo two path segments in a row", "echoes the path"),
                ("have more than four words in the method", "more than"),
            )
        ),
        "  (a Speakeasy or Fern naming hint may ask for `get`: the official SDK's name)",
        "",
        "## Agreement with the official SDK",
        "",
        (
            "Where a spec's Python code samples show the official SDK's call for an operation:"
            " how many get the same call path as the sample, and, for OpenAI's documents, as"
            " the SDK's source (official/openai-python.tsv: some samples show the wrong call)."
        ),
        "",
        "| document | same as the sample | same as the SDK's source | operations with a sample |",
        "|---|---:|---:|---:|",
    ]
    for o in sorted(outcomes, key=lambda o: o.path):
        if not o.official or not o.generated:
            continue
        ours = {entry.rsplit(" ", 1)[0]: entry.rsplit(" ", 1)[1] for entry in o.names}
        theirs = {
            entry.rsplit(" ", 1)[0]: entry.rsplit(" ", 1)[1] for entry in o.official
        }
        same = sum(ours.get(key) == call for key, call in theirs.items())
        in_source = (
            str(sum(ours.get(key) in sdk.get(key, ()) for key in theirs))
            if o.path.startswith("openai/")
            else ""
        )
        lines.append(f"| `{o.path}` | {same} | {in_source} | {len(theirs)} |")
    lines += [
        "",
        "## The longest names",
        "",
        *(
            f"- `{r[3]}` ({r[1]} `{r[2]}`, `{r[0]}`)"
            for r in sorted(
                rows, key=lambda r: (-len(r[3].split(".")[-1].split("_")), -len(r[3]))
            )[:25]
        ),
        "",
        "## Echoes and long names",
        "",
        *(
            f"- `{r[3]}` ({r[1]} `{r[2]}`, `{r[0]}`): " + ", ".join(r[4])
            for r in flagged[:300]
        ),
    ]
    if not flagged:
        lines.append("None.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def folder_of(row: dict[str, str]) -> str:
    """A document's scratch folder, by its path: identical documents (INDEX.tsv lists some
    twice) run at the same time must not share one."""
    return hashlib.sha256(row["path"].encode()).hexdigest()[:16]


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if not ordered:
        return 0.0
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def numbered_names(package: Path, spec: Path) -> list[str]:
    """Generated names that end in a number the spec never writes after that word nor as
    a key, as `Type749` would: classes, functions, fields and aliases of every module."""
    raw = spec.read_text(encoding="utf-8", errors="replace")
    spec_text = re.sub(r"[\W_]", "", raw).lower()
    # Keys that are numbers (`"200":`, `+1:`) give names such as `field_200`, `plus_1`.
    numeric_keys = set(re.findall(r"""["']?[+-]?(\d+)["']?\s*:""", raw))
    # Path segments such as `/2.0/` name resources (`_20`).
    numeric_keys |= {s.replace(".", "") for s in re.findall(r"/(\d[\d.]*)/", raw)}
    names: set[str] = set()
    for file in package.rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                names.add(node.name)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
    numbered = []
    for name in sorted(names):
        tail = re.search(r"([A-Z]*[a-z]*)_?(\d+)_*$", name)
        if (
            tail
            and (tail[1] + tail[2]).lower() not in spec_text
            and tail[2] not in numeric_keys
        ):
            numbered.append(name)
    return numbered


def _cell(text: str) -> str:
    text = text.replace(str(CORPUS) + "/", "")
    return text.replace("|", "\\|").replace("\n", " ")[:180]


def generator_fingerprint() -> str:
    """Changes whenever the generator's code or templates change, or the gates do."""
    digest = hashlib.sha256(
        json.dumps([c[1:] for c in gate_commands("package").values()]).encode()
    )
    for folder in ("generator", "templates"):
        for file in sorted((ROOT / folder).rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(
                    file.relative_to(ROOT).as_posix().encode() + file.read_bytes()
                )
    return digest.hexdigest()[:16]


def load_cache(fingerprint: str) -> dict[str, Outcome]:
    cached: dict[str, Outcome] = {}
    if CACHE.is_file():
        for line in CACHE.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if entry.pop("fingerprint") == fingerprint:
                cached[entry["path"]] = Outcome(**entry)
    return cached


def remember(outcome: Outcome, fingerprint: str) -> None:
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    with CACHE.open("a", encoding="utf-8") as cache:
        cache.write(
            json.dumps({"fingerprint": fingerprint, **dataclasses.asdict(outcome)})
            + "\n"
        )


# Why a document yields no client, by the error it ends with. Each is the input's defect
# or a deliberate rule, not a generator limit.
EXPLANATIONS = (
    ("YAML syntax error", "the file is not valid YAML; the error names the line"),
    ("JSON syntax error", "the file is not valid JSON; the error names the line"),
    ("remote $ref", "a $ref to a URL: sdkforge never fetches from the network"),
    (
        "the folder a spec's files may come from",
        (
            "a $ref to a file outside the project's folder (the spec's, with no"
            " pyproject.toml above it), refused by design (see malicious/); --ref-root"
            " widens it"
        ),
    ),
    (
        "file not found",
        "a $ref to a file that does not exist (an unfilled template placeholder)",
    ),
    ("unresolvable $ref", "a $ref to something the document does not contain"),
    ("not an OpenAPI", "not an OpenAPI or Swagger document"),
)


def explain(outcome: Outcome) -> str:
    for marker, explanation in EXPLANATIONS:
        if marker in outcome.error:
            return explanation
    if outcome.generated and outcome.imports:
        return "operations skipped, each listed in the manifest with its reason"
    return "unexplained: a generator bug to fix"


def _misses(outcomes: list[Outcome]) -> list[str]:
    misses = [o for o in outcomes if not o.imports or o.operations < spec_operations(o)]
    lines = []
    for o in misses:
        reason = o.error or "; ".join(o.import_failures[:2]) or "; ".join(o.skipped[:3])
        lines.append(f"- `{o.path}`: {'generated' if o.generated else 'not generated'}, "
                     f"{o.operations}/{spec_operations(o)} operations. **{explain(o)}**: {_cell(reason)}")  # fmt: skip
    return lines or ["None."]


def write_report(
    outcomes: list[Outcome], path: Path, planned: int, fingerprint: str
) -> None:
    positive = [o for o in outcomes if o.role in ("real-world", "example")]
    fixtures = [o for o in outcomes if o.role == "test-fixture"]
    negative = [o for o in outcomes if o.role == "negative-fixture"]
    importing = [o for o in positive if o.imports]
    ops_in_spec = sum(spec_operations(o) for o in importing)
    ops_generated = sum(o.operations for o in importing)
    gated = [o for o in outcomes if o.gates is not None]
    real_world = [o for o in outcomes if o.role == "real-world" and o.generated]
    generated = [o for o in outcomes if o.generated]
    lines = [
        "# Corpus report",
        "",
        "Generated by `make corpus` (tests/corpus/run_corpus.py) from ../shared/corpus/INDEX.tsv.",
        "",
        (
            f"Generator fingerprint `{fingerprint}` (a hash of generator/, templates/ and the gates). Each document"
            " runs `sdkforge generate --no-cache` (timed: wall and CPU seconds), imports every"
            " generated module in a fresh interpreter, then runs the gates of"
            " tests/gates.py on the package: `ruff check` (default rules plus B and PYI),"
            " `ruff format --check` (README code blocks included), `black --check`,"
            " `mypy --strict` and `pyright --strict`."
        ),
        "",
        f"Documents run: {len(outcomes)} of {planned}"
        + (
            "."
            if len(outcomes) == planned
            else " (a partial run: `make corpus` resumes it)."
        ),
        "",
        "## Totals",
        "",
        (
            f"- real-world and example documents: {len(importing)} of {len(positive)} generate a client whose every module"
            f" imports ({100 * len(importing) / max(len(positive), 1):.1f}%)"
        ),
        (
            f"- their operations: {ops_generated} of {ops_in_spec} generated"
            f" ({100 * ops_generated / max(ops_in_spec, 1):.2f}%), of which"
            f" {sum(o.incomplete for o in importing)} incomplete (the spec leaves out a"
            " path parameter, or puts a parameter in no known place: the manifest says"
            " what, per operation)"
        ),
        f"- test fixtures: {sum(o.imports for o in fixtures)} of {len(fixtures)} generate and import",
        (
            f"- negative fixtures: {sum(o.negative_ok for o in negative)} of {len(negative)} end in a located error or"
            f" located warning; tracebacks: {sum(o.traceback for o in outcomes)} in all"
        ),
        *_gate_totals(gated),
        (
            f"- numbered names (a name ending in a number the spec never writes after that word):"
            f" {sum(len(o.numbered_names) for o in outcomes)} in all"
            + "".join(
                f"; `{o.path}`: {', '.join(o.numbered_names[:5])}"
                for o in outcomes
                if o.numbered_names
            )[:2000]
        ),
        f"- seconds: {sum(o.seconds for o in outcomes):.0f} in all, slowest {max((o.seconds for o in outcomes), default=0):.0f}",
        (
            f"- seconds per real-world document (generation, cold cache): median"
            f" {median([o.seconds for o in real_world]):.2f} wall,"
            f" {median([o.cpu_seconds for o in real_world]):.2f} CPU (sdkforge and ruff),"
            f" over {len(real_world)} documents"
        ),
        "",
        "## OpenAI, Stripe and GitHub",
        "",
        "| document | operations | numbered names | gates |",
        "|---|---|---|---|",
        *(
            f"| `{o.path}` | {o.operations}/{spec_operations(o)} | {len(o.numbered_names)} | {_gates_cell(o)} |"
            for o in sorted(outcomes, key=lambda o: o.path)
            if o.path in NAMED
        ),
        "",
        "## Misses (real-world and example)",
        "",
    ]
    lines += _misses(positive)
    lines += ["", "## Misses (test fixtures)", "", *_misses(fixtures)]
    lines += ["", "## Negative fixtures without a located error or warning", ""]
    lines += [
        f"- `{o.path}`: exit {o.exit_code}: {_cell(o.error)}"
        for o in negative
        if not o.negative_ok
    ] or ["None."]
    lines += ["", "## All documents", "", "| document | role | version | generated | operations | modules import | warnings | seconds | CPU seconds | gates | note |", "|---|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for o in sorted(outcomes, key=lambda o: o.path):
        note = (
            o.error
            if not o.generated
            else "; ".join(o.import_failures[:1] or o.skipped[:1])
        )
        generated = "yes" if o.generated else str(o.exit_code)
        ops = (
            f"{o.operations}/{spec_operations(o)}"
            if o.generated
            else f"-/{o.operations_in_spec}"
        )
        imports = f"{o.modules}" + ("" if o.imports or not o.generated else " (failed)")
        lines.append(f"| `{o.path}` | {o.role} | {o.version} | {generated} | {ops} | {imports} | {o.warnings} | {o.seconds} | {o.cpu_seconds} | {_gates_cell(o)} | {_cell(note)} |")  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _gates_cell(outcome: Outcome) -> str:
    if outcome.gates is None:
        return ""
    return "ok" if not outcome.gates else "fails " + ", ".join(outcome.gates)


def _gate_totals(gated: list[Outcome]) -> list[str]:
    """Per gate, how many packages pass, real-world and example documents first; each
    failure named with the end of what the gate said."""
    lines = []
    for roles, label in (
        (("real-world", "example"), "real-world and example packages"),
        (("test-fixture",), "test-fixture packages"),
    ):
        packages = [o for o in gated if o.role in roles]
        counts = ", ".join(
            f"{gate} {sum(gate not in (o.gates or {}) for o in packages)}"
            for gate in gate_commands()
        )
        lines.append(
            f"- gates on {label}: {sum(not o.gates for o in packages)} of {len(packages)}"
            f" pass all {len(gate_commands())} ({counts})"
        )
    lines += [
        f"  - `{o.path}` fails {gate}: {_cell(said[-300:])}"
        for o in gated
        for gate, said in (o.gates or {}).items()
    ][:60]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", help="run documents whose path contains this")
    parser.add_argument(
        "--roles", default=",".join(ROLES), help="comma-separated roles to run"
    )
    parser.add_argument("--report", type=Path, default=REPORT)
    parser.add_argument(
        "--cached-only",
        action="store_true",
        help="report what the cache holds; run nothing",
    )
    args = parser.parse_args()
    with (CORPUS / "INDEX.tsv").open(encoding="utf-8") as index:
        roles = set(args.roles.split(","))
        rows = [r for r in csv.DictReader(index, delimiter="\t") if r["role"] in roles]
    if args.only:
        rows = [r for r in rows if args.only in r["path"]]
    fingerprint = generator_fingerprint()
    cached = load_cache(fingerprint)
    pending = [] if args.cached_only else [r for r in rows if r["path"] not in cached]
    with tempfile.TemporaryDirectory(prefix="sdkforge-corpus-") as folder:
        work = Path(folder)
        by_path = {r["path"]: r for r in rows}

        def run_and_remember(row: dict[str, str]) -> Outcome:
            outcome = run_one(row, work)
            if outcome.imports:
                # One mypy cache per worker: the third-party stubs are analysed once.
                cache = work / f"mypy-cache-{threading.get_ident()}"
                outcome.gates = failed_gates(
                    work / folder_of(row),
                    "corpus_client",
                    mypy_cache=cache,
                    timeout=TIMEOUT,
                )
            shutil.rmtree(work / folder_of(row), ignore_errors=True)
            remember(outcome, fingerprint)
            return outcome

        with ThreadPoolExecutor(args.jobs) as pool:
            fresh = list(pool.map(run_and_remember, pending))
    outcomes = [*cached.values(), *fresh]
    outcomes = [o for o in outcomes if o.path in by_path]
    write_report(outcomes, args.report, len(rows), fingerprint)
    write_names_report(outcomes, args.report.with_name("NAMES.md"))
    print(args.report.read_text().split("## Misses")[0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
