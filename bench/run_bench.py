"""`make bench`: sdkforge side by side with its peers, written to bench/RESULTS.md.

Rows 1 to 6 time whole generator runs, each one a fresh subprocess: CPU is user+sys of
the child and everything it waited for (os.wait4), peak RSS is the largest of those
processes. The tools of one row take turns within each round (ours, peer, ours, peer),
and each row reports medians over the rounds. Rows 7 to 9 run bench/import_probe.py
(a fresh process per import) and bench/workloads.py (many calls in one process) with the
peers' venv python, so the generated client and the OpenAI SDK share one interpreter,
httpx and pydantic.

    python bench/run_bench.py [--rounds 3] [--sample 20 | --full] [--rows 1,4,8]
    python bench/run_bench.py --smoke      # one round of every row, fewer repetitions

The peers live in .bench-venv/ (bench/requirements-peers.txt, made by `make bench`).
Only the standard library is used here.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench" / "RESULTS.md"
WORKLOADS = ROOT / "bench" / "workloads.py"
IMPORT_PROBE = ROOT / "bench" / "import_probe.py"
OUR_BIN = ROOT / ".venv" / "bin"
PEER_BIN = ROOT / ".bench-venv" / "bin"
TIMEOUT = 1800

OPENAI_YAML = CORPUS / "openai" / "openapi.yaml"
OPENAI_JSON = CORPUS / "openai" / "openapi.json"
BIG_SPECS = {
    "GitHub api.github.com.json": CORPUS
    / "github"
    / "generated"
    / "api.github.com.json",
    "Stripe spec3.json": CORPUS / "stripe" / "openapi" / "spec3.json",
    "Kubernetes kubernetes.yaml": CORPUS
    / "openapi-spec-validator"
    / "tests"
    / "bench"
    / "specs"
    / "kubernetes.yaml",
}
PROVIDER_SPECS = ("moonshot.yaml", "siliconflow.yaml", "mka1.yaml")

OURS = "sdkforge"
OPC = "openapi-python-client"
DMCG = "datamodel-codegen"
FLOOR = "floor"

# ---------------------------------------------------------------------------------------
# Measuring subprocesses


@dataclass
class Job:
    """One command to time, and the scratch folder it writes (removed after it ran)."""

    command: list[str | Path]
    env: dict[str, str]
    cwd: Path | None = None
    scratch: Path | None = None
    output: Path | None = None


@dataclass
class Run:
    """One measured process: CPU and wall seconds, peak RSS in KiB, exit status."""

    cpu: float
    wall: float
    rss_kb: int
    exit: int | str = 0
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.exit == 0


def measure(job: Job) -> Run:
    """Run the job once; its rusage, children included, comes from os.wait4."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(
            [str(part) for part in job.command],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=job.env,
            cwd=job.cwd,
            start_new_session=True,
        )
        timer = threading.Timer(TIMEOUT, os.killpg, (process.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(status)
        log.seek(0)
        lines = log.read().decode(errors="replace").strip().splitlines()
    return Run(
        cpu=usage.ru_utime + usage.ru_stime,
        wall=wall,
        rss_kb=usage.ru_maxrss,
        exit="timeout" if code == -signal.SIGKILL and wall >= TIMEOUT else code,
        reason=reason(lines),
    )


EXCEPTION = re.compile(r"^[A-Za-z_.]*(Error|Exception): ")


def reason(lines: list[str]) -> str:
    """Why a tool failed, from its output: the exception raised, the line after OPC's
    "Error(s) encountered" header, or else the last line."""
    lines = [line.strip() for line in lines if line.strip()]
    for index, line in enumerate(lines):
        if EXCEPTION.match(line):
            return line[:200]
        if line.startswith("Error(s) encountered while generating"):
            return " ".join(lines[index + 1 : index + 3])[:200]
    return lines[-1][:200] if lines else ""


def measure_all(jobs: Job | list[Job]) -> Run:
    """Several jobs one after the other count as one run: times added, the largest RSS."""
    runs = [measure(job) for job in (jobs if isinstance(jobs, list) else [jobs])]
    failed = [run for run in runs if not run.ok]
    return Run(
        cpu=sum(run.cpu for run in runs),
        wall=sum(run.wall for run in runs),
        rss_kb=max(run.rss_kb for run in runs),
        exit=failed[0].exit if failed else 0,
        reason=failed[0].reason if failed else "",
    )


def scratch_of(jobs: Job | list[Job]) -> list[Path]:
    return [
        job.scratch
        for job in (jobs if isinstance(jobs, list) else [jobs])
        if job.scratch
    ]


@dataclass
class Line:
    """One tool on one input: its runs, and the medians the report shows."""

    row: str
    input: str
    tool: str
    runs: list[Run] = field(default_factory=list)
    note: str = ""
    unit: str = "s"

    @property
    def good(self) -> list[Run]:
        return [run for run in self.runs if run.ok]

    @property
    def cpu(self) -> float | None:
        return statistics.median(run.cpu for run in self.good) if self.good else None

    @property
    def wall(self) -> float | None:
        return statistics.median(run.wall for run in self.good) if self.good else None

    @property
    def rss_mb(self) -> float | None:
        good = [run.rss_kb for run in self.good if run.rss_kb]
        return statistics.median(good) / 1024 if good else None

    @property
    def status(self) -> str:
        failed = [run for run in self.runs if not run.ok]
        if not self.runs:
            return self.note or "not run"
        if not failed:
            return f"ok ({self.note})" if self.note else "ok"
        first = failed[0]
        why = "timeout" if first.exit == "timeout" else f"fails (exit {first.exit})"
        return f"{why}: {first.reason}" if first.reason else why


@dataclass
class Figure:
    """One number of the ratio table, with its target when the issue sets one."""

    row: str
    what: str
    value: float | None
    target: float | None = None
    target_text: str = ""
    unit: str = ""
    shown: str = ""
    """Shown instead of the value (a peer that fails has no number)."""

    @property
    def verdict(self) -> str:
        if self.target is None:
            return "—"
        if self.value is None:
            return "not measured"
        return "met" if self.value <= self.target else "not met"


def ratio(
    row: str,
    what: str,
    ours: Line,
    other: Line,
    *,
    metric: str = "cpu",
    target: float | None = None,
    target_text: str = "",
) -> Figure:
    """ours / other on one metric (cpu or wall); none when either has no good run."""
    top, bottom = getattr(ours, metric), getattr(other, metric)
    value = top / bottom if top is not None and bottom else None
    text = target_text or (f"≤ {target}" if target is not None else "")
    return Figure(row, what, value, target, text)


@dataclass
class Bench:
    """Options, scratch space, and everything measured so far."""

    rounds: int
    sample: int | None
    smoke: bool
    tmp: Path
    lines: list[Line] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, list[str]] = field(default_factory=dict)
    our_flags: list[str] = field(default_factory=list)
    opc_cold_yaml: Line | None = None
    kept_client: Path | None = None
    counter: int = 0

    def fresh(self, name: str) -> Path:
        """A new empty folder in the scratch space."""
        self.counter += 1
        path = self.tmp / f"{self.counter:04d}-{name}"
        path.mkdir(parents=True)
        return path

    def line(self, row: str, input: str, tool: str, note: str = "") -> Line:
        line = Line(row, input, tool, note=note)
        self.lines.append(line)
        return line


Contender = tuple[Line, Callable[[], Job | list[Job]]]


def timed(
    bench: Bench,
    contenders: Sequence[Contender],
    *,
    check: Callable[[Line, Job | list[Job], Run], None] | None = None,
    keep: Line | None = None,
) -> None:
    """Interleave the contenders round by round; a tool that failed is not run again.

    The scratch of each run is removed, except the last good one of `keep`.
    """
    for round_ in range(bench.rounds):
        for line, make in contenders:
            if line.runs and not line.runs[-1].ok:
                continue
            jobs = make()
            run = measure_all(jobs)
            line.runs.append(run)
            print(
                f"  row {line.row} {line.tool:<22} {line.input[:44]:<44} {show(run)}",
                flush=True,
            )
            if check is not None and round_ == 0:
                check(line, jobs, run)
            scratch = scratch_of(jobs)
            if line is keep and run.ok:
                if bench.kept_client is not None:
                    shutil.rmtree(bench.kept_client, ignore_errors=True)
                bench.kept_client, scratch = scratch[0], scratch[1:]
            for folder in scratch:
                shutil.rmtree(folder, ignore_errors=True)


def show(run: Run) -> str:
    if not run.ok:
        return f"exit {run.exit} after {run.wall:.2f}s: {run.reason[:100]}"
    return (
        f"cpu {run.cpu:7.2f}s  wall {run.wall:7.2f}s  rss {run.rss_kb / 1024:5.0f} MB"
    )


# ---------------------------------------------------------------------------------------
# The commands


def env_with(bin_dir: Path, **extra: str) -> dict[str, str]:
    """The environment with `bin_dir` first on PATH (OPC's ruff hooks find ruff there)."""
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env.pop("PYTHONPATH", None)
    env.update(extra)
    return env


def ours_cold(bench: Bench, spec: Path, package: str) -> Job:
    """A cold run: empty output folder, empty cache (and --no-cache when sdkforge has it)."""
    scratch = bench.fresh("ours")
    output = scratch / package
    env = env_with(OUR_BIN, SDKFORGE_CACHE_DIR=str(scratch / "cache"))
    command = [
        OUR_BIN / "sdkforge",
        "generate",
        spec,
        "--output",
        output,
        *bench.our_flags,
    ]
    return Job(command, env, scratch=scratch, output=output)


def opc(bench: Bench, spec: Path) -> Job:
    scratch = bench.fresh("opc")
    output = scratch / "client"
    command = [
        PEER_BIN / "openapi-python-client",
        "generate",
        "--path",
        spec,
        "--output-path",
        output,
        "--overwrite",
    ]
    return Job(command, env_with(PEER_BIN), scratch=scratch, output=output)


def dmcg(bench: Bench, spec: Path) -> Job:
    scratch = bench.fresh("dmcg")
    output = scratch / "models.py"
    command = [
        PEER_BIN / "datamodel-codegen",
        "--input",
        spec,
        "--input-file-type",
        "openapi",
        "--output",
        output,
        "--output-model-type",
        "pydantic_v2.BaseModel",
    ]
    return Job(command, env_with(PEER_BIN), scratch=scratch, output=output)


def floor(spec: Path) -> Job:
    """Only parsing the document, in a fresh process of our venv's python."""
    if spec.suffix == ".json":
        code = "import json, sys; json.loads(open(sys.argv[1], 'rb').read())"
    else:
        code = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"
    return Job([OUR_BIN / "python", "-c", code, spec], env_with(OUR_BIN))


# ---------------------------------------------------------------------------------------
# The rows


def check_hooks(bench: Bench) -> Callable[[Line, Job | list[Job], Run], None]:
    """After OPC's first run: its ruff hooks ran, so its output is formatted."""

    def check(line: Line, jobs: Job | list[Job], run: Run) -> None:
        if (
            line.tool != OPC
            or not run.ok
            or not isinstance(jobs, Job)
            or jobs.output is None
        ):
            return
        formatted = subprocess.run(
            [PEER_BIN / "ruff", "format", "--check", "--quiet", jobs.output],
            capture_output=True,
            check=False,
        )
        verdict = "passes" if formatted.returncode == 0 else "FAILS"
        bench.notes.append(
            f"Row {line.row}: {OPC} exited 0 on {line.input} and its output {verdict} "
            f"`ruff format --check`: its ruff post-hooks ran (.bench-venv/bin first on PATH)."
        )

    return check


def cold_row(bench: Bench, row: str, spec: Path, label: str) -> None:
    """Rows 1 and 2: ours vs openapi-python-client vs datamodel-codegen vs parse only."""
    ours = bench.line(row, label, OURS)
    peer = bench.line(row, label, OPC)
    models = bench.line(row, label, DMCG)
    parse = bench.line(row, label, FLOOR, note=floor_name(spec))
    timed(
        bench,
        [
            (ours, lambda: ours_cold(bench, spec, "openai_client")),
            (peer, lambda: opc(bench, spec)),
            (models, lambda: dmcg(bench, spec)),
            (parse, lambda: floor(spec)),
        ],
        check=check_hooks(bench),
        keep=ours,
    )
    # The targets: OpenAI yaml ≤ 0.2× openapi-python-client, json ≤ 0.15×, and a
    # peak RSS no higher than openapi-python-client's on the same spec.
    target = 0.2 if spec.suffix == ".yaml" else 0.15
    bench.figures += [
        ratio(row, f"{OURS} / {OPC}, {label} cold", ours, peer, target=target),
        ratio(
            row,
            f"{OURS} / {OPC}, {label} cold, peak RSS",
            ours,
            peer,
            metric="rss_mb",
            target=1.0,
        ),
        ratio(row, f"{OURS} / {DMCG}, {label} cold", ours, models),
        ratio(row, f"{OURS} / floor ({floor_name(spec)}), {label}", ours, parse),
    ]
    if spec == OPENAI_YAML:
        bench.opc_cold_yaml = peer


def floor_name(spec: Path) -> str:
    return "json.loads" if spec.suffix == ".json" else "yaml.load, CSafeLoader"


def row_openai_yaml(bench: Bench) -> None:
    cold_row(bench, "1", OPENAI_YAML, "OpenAI openapi.yaml")


def row_openai_json(bench: Bench) -> None:
    cold_row(bench, "2", OPENAI_JSON, "OpenAI openapi.json")


def opc_reference(bench: Bench) -> Line:
    """OPC cold on the OpenAI YAML (row 1), measured here when row 1 was not run."""
    if bench.opc_cold_yaml is None:
        peer = bench.line(
            "1", "OpenAI openapi.yaml", OPC, note="reference for rows 3 and 4"
        )
        timed(bench, [(peer, lambda: opc(bench, OPENAI_YAML))])
        bench.opc_cold_yaml = peer
    return bench.opc_cold_yaml


def row_big_specs(bench: Bench) -> None:
    """Row 3: GitHub, Stripe, Kubernetes cold; OPC is expected to fail on all three."""
    reference = opc_reference(bench)
    for label, spec in BIG_SPECS.items():
        package = label.split()[0].lower() + "_client"
        ours = bench.line("3", label, OURS)
        peer = bench.line("3", label, OPC)
        timed(
            bench,
            [
                (
                    ours,
                    lambda spec=spec, package=package: ours_cold(bench, spec, package),
                ),
                (peer, lambda spec=spec: opc(bench, spec)),
            ],
        )
        bench.figures.append(
            ratio(
                "3",
                f"{OURS} {label} cold / {OPC} OpenAI openapi.yaml cold",
                ours,
                reference,
                target=0.3,
            )
        )
        figure = ratio("3", f"{OURS} / {OPC}, {label} cold", ours, peer)
        if not peer.good:
            figure.shown = f"{OPC} fails (exit {peer.runs[-1].exit})"
        bench.figures.append(figure)


def change_description(spec: Path) -> str:
    """Change the text of one schema's description in `spec`, in place, as a provider's
    update would; returns where."""
    text = spec.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(text) if line.rstrip() == "  schemas:")
    plain = re.compile(r"^(\s+description: )([A-Za-z][^'\"#:]*?)\s*$")
    index = next(i for i in range(start, len(text)) if plain.match(text[i]))
    match = plain.match(text[index])
    assert match is not None
    text[index] = f"{match.group(1)}{match.group(2)} (changed for the benchmark)\n"
    spec.write_text("".join(text), encoding="utf-8")
    return f"line {index + 1} ({match.group(2)[:50]!r})"


def row_regenerate(bench: Bench) -> None:
    """Row 4: the same spec again into the same output, cache kept; one description changed."""
    reference = opc_reference(bench)
    steps = [
        bench.line("4", "OpenAI openapi.yaml cold, cache on", OURS, "fills the cache"),
        bench.line("4", "OpenAI openapi.yaml again (warm)", OURS),
        bench.line("4", "one description changed (warm)", OURS),
    ]
    where = ""
    for _ in range(bench.rounds):
        scratch = bench.fresh("regen")
        env = env_with(OUR_BIN, SDKFORGE_CACHE_DIR=str(scratch / "cache"))
        # The user's spec file, edited in place between the second and third run.
        spec = scratch / "openapi.yaml"
        shutil.copy(OPENAI_YAML, spec)
        for line in steps:
            if line is steps[2]:
                where = change_description(spec)
            command = [
                OUR_BIN / "sdkforge",
                "generate",
                spec,
                "--output",
                scratch / "openai_client",
            ]
            line.runs.append(measure(Job(command, env)))
            print(f"  row 4 {line.input:<45} {show(line.runs[-1])}", flush=True)
        shutil.rmtree(scratch, ignore_errors=True)
    bench.notes.append(f"Row 4: the description changed is at {where} of openapi.yaml.")
    first, warm, edit = steps
    bench.figures += [
        ratio(
            "4",
            f"{OURS} warm regeneration / {OPC} cold, OpenAI yaml",
            warm,
            reference,
            target=0.05,
        ),
        ratio(
            "4",
            f"{OURS} one description changed / {OPC} cold, OpenAI yaml",
            edit,
            reference,
            target=0.15,
        ),
        ratio(
            "4",
            f"{OURS} cold with the cache on / {OPC} cold, OpenAI yaml",
            first,
            reference,
        ),
    ]


def row_providers(bench: Bench) -> None:
    """Row 5: `sdkforge generate` of our three clients, in a copy of the repository."""
    label = "moonshot + siliconflow + mka1"
    ours = bench.line("5", label, OURS, note="sdkforge generate in a copy of the repo")
    peer = bench.line("5", label, OPC, note="the three specs one after the other")

    def ours_job() -> Job:
        copy = bench.fresh("providers")
        shutil.copy2(ROOT / "pyproject.toml", copy / "pyproject.toml")
        for folder in ("specs", "generated"):
            shutil.copytree(ROOT / folder, copy / folder)
        env = env_with(OUR_BIN, SDKFORGE_CACHE_DIR=str(copy / ".cache"))
        command: list[str | Path] = [OUR_BIN / "sdkforge", "generate", *bench.our_flags]
        return Job(command, env, cwd=copy, scratch=copy)

    timed(
        bench,
        [
            (ours, ours_job),
            (
                peer,
                lambda: [opc(bench, ROOT / "specs" / spec) for spec in PROVIDER_SPECS],
            ),
        ],
    )
    bench.figures.append(
        ratio("5", f"{OURS} / {OPC}, our three provider specs", ours, peer)
    )


def real_world_sample(count: int | None) -> list[Path]:
    """Evenly spaced documents of role real-world in INDEX.tsv (all when count is None)."""
    with (CORPUS / "INDEX.tsv").open(encoding="utf-8") as index:
        rows = [
            row["path"]
            for row in csv.DictReader(index, delimiter="\t")
            if row["role"] == "real-world"
        ]
    if count is None or count >= len(rows):
        return [CORPUS / path for path in rows]
    step = (len(rows) - 1) / max(count - 1, 1)
    return [CORPUS / rows[round(i * step)] for i in range(count)]


def row_real_world(bench: Bench) -> None:
    """Row 6: median seconds per document over the sample, ours and OPC."""
    specs = real_world_sample(bench.sample)
    pairs: list[tuple[Line, Line]] = []
    for spec in specs:
        name = str(spec.relative_to(CORPUS))
        ours, peer = Line("6", name, OURS), Line("6", name, OPC)
        timed(
            bench,
            [
                (ours, lambda spec=spec: ours_cold(bench, spec, "corpus_client")),
                (peer, lambda spec=spec: opc(bench, spec)),
            ],
        )
        pairs.append((ours, peer))
    label = f"{len(specs)} real-world documents, per document"
    ours_median = summarize(label, OURS, [ours for ours, _ in pairs])
    opc_median = summarize(label, OPC, [peer for _, peer in pairs])
    bench.lines += [ours_median, opc_median]
    each = [o.cpu / p.cpu for o, p in pairs if o.cpu is not None and p.cpu]
    bench.figures += [
        Figure(
            "6",
            f"{OURS} median CPU per document, {len(specs)} real-world documents",
            ours_median.cpu,
            0.5,
            "≤ 0.5 s",
            " s",
        ),
        ratio(
            "6",
            f"{OURS} / {OPC}, median per document (each over what it generated)",
            ours_median,
            opc_median,
        ),
        Figure(
            "6",
            f"{OURS} / {OPC}, median of the per-document ratios "
            f"({len(each)} documents both generate)",
            statistics.median(each) if each else None,
        ),
    ]
    bench.details["Row 6: each document (median CPU seconds over the rounds)"] = [
        f"| document | {OURS} | {OPC} |",
        "|---|---:|---:|",
        *(f"| {ours.input} | {cell(ours)} | {cell(peer)} |" for ours, peer in pairs),
    ]


def cell(line: Line) -> str:
    return f"{line.cpu:.2f}" if line.cpu is not None else line.status[:90]


def summarize(label: str, tool: str, lines: list[Line]) -> Line:
    """A line whose medians are those of the documents' medians (failures left out)."""
    good = [line for line in lines if line.good]
    summary = Line("6", label, tool, note=f"generated {len(good)} of {len(lines)}")
    if good:
        summary.runs.append(
            Run(
                cpu=statistics.median(line.cpu or 0.0 for line in good),
                wall=statistics.median(line.wall or 0.0 for line in good),
                rss_kb=int(
                    statistics.median((line.rss_mb or 0.0) * 1024 for line in good)
                ),
            )
        )
    return summary


def our_openai_client(bench: Bench) -> Path | None:
    """A folder holding the package openai_client: row 1's last, or generated here."""
    if bench.kept_client is None:
        job = ours_cold(bench, OPENAI_YAML, "openai_client")
        run = measure(job)
        if not run.ok:
            bench.notes.append(
                f"Rows 7-9: sdkforge failed on openapi.yaml: {run.reason}"
            )
            return None
        bench.kept_client = job.scratch
    return bench.kept_client


def workload(bench: Bench, script: Path, *args: str) -> dict[str, Any]:
    """A script of bench/ in the peers' venv, in a fresh process; it prints one JSON line."""
    env = env_with(PEER_BIN, PYTHONPATH=str(bench.kept_client))
    result = subprocess.run(
        [PEER_BIN / "python", script, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=TIMEOUT,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{script.name} {' '.join(args)}: {result.stderr.strip()[-400:]}"
        )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


IMPORTS = {
    "ours": ("import openai_client", "openai_client"),
    "openai": ("import openai", "OpenAI SDK"),
    "floor": ("import httpx, pydantic", "floor"),
}


def row_import(bench: Bench) -> None:
    """Row 7: import the generated OpenAI client vs the OpenAI SDK vs httpx + pydantic."""
    if our_openai_client(bench) is None:
        return
    lines = {key: bench.line("7", code, tool) for key, (code, tool) in IMPORTS.items()}
    results: dict[str, list[dict[str, Any]]] = {key: [] for key in IMPORTS}
    for key in IMPORTS:
        workload(bench, IMPORT_PROBE, key)  # untimed: writes the bytecode caches
    for _ in range(max(bench.rounds, 3 if bench.smoke else 10)):
        for key, line in lines.items():
            result = workload(bench, IMPORT_PROBE, key)
            line.runs.append(Run(result["cpu"], result["wall"], result["rss_kb"]))
            results[key].append(result)
    for key, line in lines.items():
        print(
            f"  row 7 {line.input:<30} import {med(results[key], 'wall') * 1000:6.0f} ms, "
            f"with the client built {ready(results[key]) * 1000:6.0f} ms",
            flush=True,
        )
    bench.figures += [
        ratio(
            "7",
            "import openai_client / import openai (wall)",
            lines["ours"],
            lines["openai"],
            metric="wall",
            target=0.5,
        ),
        ratio(
            "7",
            "import openai_client / import httpx, pydantic (wall)",
            lines["ours"],
            lines["floor"],
            metric="wall",
            target=2.0,
        ),
        Figure(
            "7",
            "import openai_client and build the client / the same with openai (wall)",
            ready(results["ours"]) / ready(results["openai"]),
        ),
    ]
    bench.details["Row 7: each import in a fresh process (medians)"] = [
        (
            "The import is measured first, then building the client "
            "(`OpenaiClient(api_key='x')`, `openai.OpenAI(api_key='x')`, `httpx.Client()`). "
            "Modules are counted in sys.modules (about "
            f"{med(results['floor'], 'modules_at_start'):.0f} at interpreter start-up); "
            "peak RSS is taken after the client is built."
        ),
        "",
        (
            "| import | wall ms | CPU ms | then the client built, ms | modules after the "
            "import | after the client | peak RSS MB |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {code} | {med(results[key], 'wall') * 1000:.0f} "
            f"| {med(results[key], 'cpu') * 1000:.0f} "
            f"| {med(results[key], 'construct') * 1000:.0f} "
            f"| {med(results[key], 'modules_imported'):.0f} "
            f"| {med(results[key], 'modules_built'):.0f} "
            f"| {med(results[key], 'rss_kb') / 1024:.0f} |"
            for key, (code, _) in IMPORTS.items()
        ),
    ]


def ready(results: list[dict[str, Any]]) -> float:
    """Median seconds from `import` to a client object, in a fresh process."""
    return statistics.median(result["wall"] + result["construct"] for result in results)


def med(results: list[dict[str, Any]], key: str) -> float:
    return statistics.median(float(result[key]) for result in results)


def per_call_row(
    bench: Bench, row: str, command: str, reps: int, labels: dict[str, tuple[str, str]]
) -> dict[str, Line]:
    """Rows 8 and 9: median seconds per call, the contenders interleaved in one process."""
    result = workload(bench, WORKLOADS, command, str(reps))
    lines = {}
    for key, (label, tool) in labels.items():
        median, count = result[key]["median"], result[key]["reps"]
        line = bench.line(row, label, tool, note=f"median of {count} calls")
        line.unit = "ms"
        line.runs.append(Run(median, median, 0))
        lines[key] = line
        print(f"  row {row} {label:<50} {median * 1000:9.3f} ms per call", flush=True)
    bench.notes.append(f"Row {row}: the response body is {result['bytes']:,} bytes.")
    return lines


def row_decode(bench: Bench) -> None:
    """Row 8: client.batches.list() of a 1,000-batch page on httpx.MockTransport."""
    if our_openai_client(bench) is None:
        return
    lines = per_call_row(
        bench,
        "8",
        "decode",
        5 if bench.smoke else 60,
        {
            "ours": ("batches.list(), a page of 1,000 batches", "openai_client"),
            "openai": ("batches.list(), a page of 1,000 batches", "OpenAI SDK"),
            "floor": ("json.loads of the same body", "floor"),
        },
    )
    bench.figures += [
        ratio(
            "8",
            "openai_client / OpenAI SDK, batches.list() of 1,000 batches",
            lines["ours"],
            lines["openai"],
            metric="wall",
            target=0.125,
            target_text="≤ 0.125 (8× faster)",
        ),
        ratio(
            "8",
            "openai_client / json.loads, the same body",
            lines["ours"],
            lines["floor"],
            metric="wall",
        ),
    ]


def row_request(bench: Bench) -> None:
    """Row 9: one small request (retrieve a batch) vs raw httpx on the same transport."""
    if our_openai_client(bench) is None:
        return
    lines = per_call_row(
        bench,
        "9",
        "request",
        100 if bench.smoke else 3000,
        {
            "ours": ("batches.retrieve(id)", "openai_client"),
            "raw": ("client.get(url).json()", "raw httpx.Client"),
            "openai": ("batches.retrieve(id)", "OpenAI SDK"),
        },
    )
    bench.figures += [
        ratio(
            "9",
            "openai_client / raw httpx, retrieve one batch",
            lines["ours"],
            lines["raw"],
            metric="wall",
            target=2.0,
        ),
        ratio(
            "9",
            "openai_client / OpenAI SDK, retrieve one batch",
            lines["ours"],
            lines["openai"],
            metric="wall",
        ),
    ]


ROWS: dict[str, tuple[str, Callable[[Bench], None]]] = {
    "1": ("OpenAI openapi.yaml cold", row_openai_yaml),
    "2": ("OpenAI openapi.json cold", row_openai_json),
    "3": ("GitHub, Stripe, Kubernetes cold", row_big_specs),
    "4": (
        "regeneration with the cache kept, and one description changed",
        row_regenerate,
    ),
    "5": ("our three provider specs", row_providers),
    "6": ("a real-world sample of INDEX.tsv", row_real_world),
    "7": ("import of the generated OpenAI client", row_import),
    "8": ("decode a page of 1,000 batches", row_decode),
    "9": ("per-request overhead", row_request),
}


# ---------------------------------------------------------------------------------------
# The machine, and the report


def versions(python: Path, names: Sequence[str]) -> dict[str, str]:
    code = (
        "import importlib.metadata as m, json, sys\n"
        "out = {'python': sys.version.split()[0]}\n"
        "for n in sys.argv[1:]:\n"
        "    try: out[n] = m.version(n)\n"
        "    except m.PackageNotFoundError: out[n] = 'not installed'\n"
        "print(json.dumps(out))"
    )
    result = subprocess.run(
        [python, "-c", code, *names], capture_output=True, text=True, check=False
    )
    return dict(json.loads(result.stdout)) if result.returncode == 0 else {}


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()


def commit_text() -> str:
    """sdkforge's commit, and whether generator/ or templates/ had local changes."""
    head = git("rev-parse", "--short=12", "HEAD")
    dirty = git("status", "--porcelain", "--", "generator", "templates")
    return head + (
        " with uncommitted changes in generator/ or templates/" if dirty else ""
    )


def machine(start_commit: str) -> list[str]:
    cpu = "unknown"
    for text in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
        if text.startswith("model name"):
            cpu = text.split(":", 1)[1].strip()
            break
    ours = versions(
        OUR_BIN / "python",
        [
            "sdkforge",
            "ruff",
            "black",
            "httpx",
            "pydantic",
            "pyyaml",
            "openapi-spec-validator",
            "jinja2",
        ],
    )
    peers = versions(
        PEER_BIN / "python",
        [
            OPC,
            "datamodel-code-generator",
            "openai",
            "httpx",
            "pydantic",
            "pydantic-core",
            "ruff",
        ],
    )
    end_commit = commit_text()
    commit = start_commit
    if end_commit != start_commit:
        commit = f"{start_commit} at the start, {end_commit} at the end"

    def listed(found: dict[str, str]) -> str:
        return ", ".join(
            f"{name} {version}" for name, version in found.items() if name != "python"
        )

    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; {platform.system()} {platform.release()}",
        (
            f"- Python: {ours.get('python')} in .venv, {peers.get('python')} in "
            f".bench-venv (driver {platform.python_version()})"
        ),
        f"- .venv (sdkforge): {listed(ours)}",
        f"- .bench-venv (peers): {listed(peers)}",
        f"- date: {datetime.datetime.now(datetime.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- sdkforge commit: {commit}",
    ]


def number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value * 1000:.3f} ms" if unit == "ms" else f"{value:.2f} s"


def report(bench: Bench, command: str, elapsed: float, start_commit: str) -> str:
    out = [
        "# sdkforge benchmarks",
        "",
        (
            f"Written by `{command}`, which took {elapsed / 60:.1f} minutes "
            f"({bench.rounds} round(s) of the subprocess rows). Rows 1-6 compare CPU "
            "seconds (user+sys of the process and its children, median over the rounds); "
            "rows 7-9 compare wall time in the peers' interpreter (row 7: a fresh process "
            "per import; rows 8-9: the median call of many in one process). Below 1, "
            "sdkforge is faster. Other engineers' work may run on the same machine: CPU "
            "time is the steadier measure."
        ),
        "",
        "## Ratios",
        "",
        "| row | comparison | ratio | target | verdict |",
        "|---|---|---:|---|---|",
    ]
    for figure in bench.figures:
        value = "—" if figure.value is None else f"{figure.value:.3f}{figure.unit}"
        value = figure.shown or value
        out.append(
            f"| {figure.row} | {figure.what} | {value} | {figure.target_text or '—'} "
            f"| {figure.verdict} |"
        )
    out += [
        "",
        "## Absolute numbers (medians)",
        "",
        "| row | input | tool | CPU | wall | peak RSS MB | runs | status |",
        "|---|---|---|---:|---:|---:|---:|---|",
    ]
    for line in bench.lines:
        rss = f"{line.rss_mb:.0f}" if line.rss_mb else "—"
        out.append(
            f"| {line.row} | {line.input} | {line.tool} | {number(line.cpu, line.unit)} "
            f"| {number(line.wall, line.unit)} | {rss} | {len(line.runs)} "
            f"| {line.status.replace('|', '/')} |"
        )
    for title, table in bench.details.items():
        out += ["", f"## {title}", "", *table]
    out += ["", "## Machine", "", *machine(start_commit), "", "## Notes", ""]
    flags = f", and `{' '.join(bench.our_flags)}`" if bench.our_flags else ""
    out += [f"- {note}" for note in bench.notes]
    out += [
        f"- Cold sdkforge runs get an empty output folder, an empty SDKFORGE_CACHE_DIR{flags}.",
        "- A tool that fails on an input is not run on it again in later rounds.",
        (
            "- Rows 7-9 run bench/import_probe.py and bench/workloads.py with .bench-venv's "
            "python; the generated "
            "package is found through PYTHONPATH, so both clients use the same httpx and "
            "pydantic."
        ),
    ]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--sample", type=int, default=20, help="real-world documents (row 6)"
    )
    parser.add_argument("--full", action="store_true", help="every real-world document")
    parser.add_argument("--smoke", action="store_true", help="one round, small samples")
    parser.add_argument("--rows", default=",".join(ROWS), help="e.g. 1,7,8")
    parser.add_argument("--results", type=Path, help="default bench/RESULTS.md")
    args = parser.parse_args()
    if args.smoke:
        args.rounds, args.sample = 1, min(args.sample, 4)
    default = (
        Path(tempfile.gettempdir()) / "sdkforge-bench-smoke.md"
        if args.smoke
        else RESULTS
    )
    results = args.results or default
    needed = [
        OUR_BIN / "sdkforge",
        PEER_BIN / "python",
        PEER_BIN / "ruff",
        PEER_BIN / "openapi-python-client",
        PEER_BIN / "datamodel-codegen",
    ]
    for tool in needed:
        if not tool.exists():
            sys.exit(f"run_bench: {tool} is missing: `make bench` creates both venvs")
    started, start_commit = time.perf_counter(), commit_text()
    with tempfile.TemporaryDirectory(prefix="sdkforge-bench-") as tmp:
        bench = Bench(
            args.rounds, None if args.full else args.sample, args.smoke, Path(tmp)
        )
        usage = subprocess.run(
            [OUR_BIN / "sdkforge", "generate", "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        bench.our_flags = ["--no-cache"] if "--no-cache" in usage.stdout else []
        for key in args.rows.split(","):
            title, function = ROWS[key]
            print(f"row {key}: {title}", flush=True)
            try:
                function(bench)
            except Exception as exc:  # noqa: BLE001 (a broken row is reported; the others run)
                bench.notes.append(
                    f"Row {key} could not finish: {type(exc).__name__}: {exc}"
                )
                print(f"  row {key} failed: {exc!r}", flush=True)
        command = "make bench-smoke" if args.smoke else "make bench"
        if len(sys.argv) > 1 and sys.argv[1:] != ["--smoke"]:
            command = "python bench/run_bench.py " + " ".join(sys.argv[1:])
        text = report(bench, command, time.perf_counter() - started, start_commit)
    results.write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {results}")


if __name__ == "__main__":
    main()
