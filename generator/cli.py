"""`sdkforge generate | check | diff | update | validate`.

Exit status: 0 success (warnings on stderr); 1 `check` found stale output, a hand edit
conflicts with the new output (written with conflict markers), or a breaking change under
`--fail-on-breaking`; 2 fatal input error reported as one line naming file, line and JSON
pointer; nothing is written then.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from . import __version__
from .api_diff import diff, report_json, report_text
from .cache import NO_CACHE, Cache, default_root
from .changes import finish
from .config import (
    ClientConfig,
    ProjectConfig,
    find_pyproject,
    load_project,
    project_root,
)
from .diagnostics import Diagnostic, FatalError
from .ir_builder import build
from .load import load
from .merge import hand_edited
from .pipeline import Generated, display_path, generate, load_with_overlays
from .progress import ProgressLine, silent
from .surface import surface
from .update import fetch_spec
from .validate import validate
from .write import compare, write_package

EXIT_OK, EXIT_STALE, EXIT_FATAL = 0, 1, 2
MAX_DIFF_LINES = 200


REF_ROOT_HELP = (
    "the folder the spec's $refs may reach into (default: the folder holding "
    "pyproject.toml, else the spec's folder)"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sdkforge", description="OpenAPI documents in, typed Python clients out."
    )
    parser.add_argument(
        "--version", action="version", version=f"sdkforge {__version__}"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser(
        "generate",
        help="generate the clients of [tool.sdkforge] (all, or those named), or one spec",
    )
    gen.add_argument(
        "targets",
        nargs="*",
        metavar="NAME | SPEC",
        help="clients of [tool.sdkforge] by name (default: all), or one OpenAPI document",
    )
    gen.add_argument(
        "--output",
        type=Path,
        help="the package folder to write, e.g. generated/moonshot",
    )
    gen.add_argument(
        "--package", help="package name (default: the output folder's name)"
    )
    gen.add_argument(
        "--ref-root",
        type=Path,
        help=REF_ROOT_HELP,
    )
    gen.add_argument(
        "--force",
        action="store_true",
        help="overwrite files in the output folder that sdkforge did not write",
    )
    gen.add_argument(
        "--discard-edits",
        action="store_true",
        help="overwrite hand-edited generated files instead of merging the edits",
    )
    gen.add_argument(
        "--fail-on-breaking",
        action="store_true",
        help="exit 1 when the API changed in a way that breaks callers",
    )
    gen.add_argument(
        "--black",
        action="store_true",
        help="also run Black (slow): the output is already what Black would write",
    )
    check = commands.add_parser(
        "check", help="exit 1 when generated/ is not what the specs produce"
    )
    update = commands.add_parser(
        "update",
        help="fetch each client's spec from its `url` into specs/, regenerate, report",
    )
    update.add_argument(
        "targets", nargs="*", metavar="NAME", help="clients by name (default: all)"
    )
    # What `generate` asks of its options, as `update` generates too.
    update.set_defaults(
        output=None,
        package=None,
        force=False,
        discard_edits=False,
        fail_on_breaking=False,
    )
    for command in (gen, check, update):
        command.add_argument(
            "--strict", action="store_true", help="treat warnings as fatal"
        )
        command.add_argument(
            "--no-cache",
            action="store_true",
            help="neither read nor write the generation cache "
            "($SDKFORGE_CACHE_DIR, else ~/.cache/sdkforge)",
        )
        command.add_argument(
            "--quiet", action="store_true", help="no progress line on a terminal"
        )
    changes = commands.add_parser(
        "diff", help="what changed in the generated API between two versions of a spec"
    )
    changes.add_argument("old", type=Path, help="the spec before")
    changes.add_argument("new", type=Path, help="the spec after")
    changes.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text"
    )
    changes.add_argument(
        "--fail-on-breaking",
        action="store_true",
        help="exit 1 when a change breaks callers",
    )
    changes.add_argument("--ref-root", type=Path, help=REF_ROOT_HELP)
    val = commands.add_parser("validate", help="report what is wrong with a spec")
    val.add_argument("spec", type=Path)
    val.add_argument("--ref-root", type=Path, help=REF_ROOT_HELP)
    val.add_argument(
        "--strict", action="store_true", help="exit 2 when there is any warning"
    )
    return parser


def _project() -> ProjectConfig:
    pyproject = find_pyproject(Path.cwd())
    if pyproject is None:
        raise FatalError(
            None, "no pyproject.toml with [tool.sdkforge] found here or above"
        )
    project = load_project(pyproject)
    if not project.clients:
        raise FatalError(None, f"{pyproject}: [tool.sdkforge.clients] lists no client")
    return project


def _optional_project() -> ProjectConfig | None:
    pyproject = find_pyproject(Path.cwd())
    return load_project(pyproject) if pyproject else None


def _report(warnings: Sequence[Diagnostic]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _generate(config: ClientConfig, args: argparse.Namespace) -> Generated:
    output = display_path(config.output, Path.cwd())
    progress = silent if args.quiet else ProgressLine.for_stderr(output)
    try:
        return generate(
            config,
            display_path(config.spec, Path.cwd()),
            strict=args.strict,
            black=getattr(args, "black", False),
            cache=NO_CACHE if args.no_cache else Cache(default_root()),
            progress=progress,
        )
    finally:
        progress("", 0)


def _generate_one(config: ClientConfig, args: argparse.Namespace) -> int:
    """Generate, merge the user's edits, write; the exit status."""
    result = _generate(config, args)
    _report(result.warnings)
    finished = finish(config.output, result.files, discard_edits=args.discard_edits)
    changed = write_package(config.output, finished.files, force=args.force)
    output = display_path(config.output, Path.cwd())
    print(f"{output}: {result.operations} operations, {len(changed)} file(s) updated")
    if finished.changes:
        print(f"{output}: API changes: " + report_text(finished.changes), end="")
    for path in finished.kept:
        print(f"{output}: kept your edits to {path} (merged into the new output)")
    for path in finished.conflicts:
        print(
            f"{output}/{path}: your edits conflict with the new output: resolve the"
            " conflict markers (or run again with --discard-edits)",
            file=sys.stderr,
        )
    if finished.conflicts:
        return EXIT_STALE
    breaking = any(change.breaking for change in finished.changes or ())
    return EXIT_STALE if breaking and args.fail_on_breaking else EXIT_OK


def _configured(args: argparse.Namespace) -> list[ClientConfig] | None:
    """The configured clients the targets name (all when none is named), or None when the
    target is a spec."""
    if len(args.targets) == 1 and (
        args.output
        or args.package
        or Path(args.targets[0]).is_file()
        or args.targets[0].endswith((".yaml", ".yml", ".json"))
    ):
        return None  # a spec: one that is missing is reported as such
    if args.output or args.package:
        raise FatalError(None, "--output and --package need a SPEC argument")
    clients = _project().clients
    by_name = {client.package: client for client in clients}
    unknown = [name for name in args.targets if name not in by_name]
    if unknown:
        raise FatalError(
            None,
            f"no client or spec file {unknown[0]!r} (configured clients:"
            f" {', '.join(by_name)})",
        )
    return [by_name[name] for name in args.targets] or list(clients)


def _cmd_generate(args: argparse.Namespace) -> int:
    configured_clients = _configured(args)
    if configured_clients is not None:
        worst = EXIT_OK
        for config in configured_clients:
            try:
                worst = max(worst, _generate_one(config, args))
            except FatalError as error:
                print(f"sdkforge: error: {error}", file=sys.stderr)
                worst = EXIT_FATAL
        return worst
    spec = Path(args.targets[0])
    project = _optional_project()
    configured = project.client_for_spec(spec) if project else None
    if configured is not None and args.package is None:
        config = replace(configured, spec=spec, output=args.output or configured.output)
    else:
        output = args.output or (configured.output if configured else None)
        if output is None:
            raise FatalError(
                None,
                "--output DIR is required for a spec not listed in [tool.sdkforge]",
            )
        config = ClientConfig.default(spec, output, args.package, args.ref_root)
    return _generate_one(config, args)


def _cmd_update(args: argparse.Namespace) -> int:
    """Each client with a `url` (those named, else all): fetched, then regenerated."""
    clients = _configured(args) or []
    named = set(args.targets)
    worst = EXIT_OK
    for config in clients:
        if config.url is None:
            if config.package in named:
                raise FatalError(
                    config.config_location(), f"client {config.package!r} has no url"
                )
            continue
        try:
            changed = fetch_spec(config)
            spec = display_path(config.spec, Path.cwd())
            print(
                f"{spec}: {'updated from' if changed else 'unchanged at'} {config.url}"
            )
            worst = max(worst, _generate_one(config, args))
        except FatalError as error:
            print(f"sdkforge: error: {error}", file=sys.stderr)
            worst = EXIT_FATAL
    return worst


def _cmd_check(args: argparse.Namespace) -> int:
    stale = False
    for config in _project().clients:
        result = _generate(config, args)
        output = display_path(config.output, Path.cwd())
        for path in hand_edited(config.output):
            print(f"{output}/{path}: hand-edited (generate merges the edit)")
        finished = finish(config.output, result.files)
        differences = compare(config.output, finished.files)
        if not differences:
            print(f"{output}: up to date")
            continue
        stale = True
        print(f"{output}: stale, {len(differences)} file(s) differ:")
        if finished.changes:
            print(f"{output}: API changes: " + report_text(finished.changes), end="")
        for difference in differences:
            print(f"  {difference.kind:8} {difference.path}")
        diff_lines = "".join(d.diff for d in differences).splitlines()
        print("\n".join(diff_lines[:MAX_DIFF_LINES]))
        if len(diff_lines) > MAX_DIFF_LINES:
            print(f"... {len(diff_lines) - MAX_DIFF_LINES} more diff lines")
    if stale:
        print(
            "run `make generate` (or `sdkforge generate`) and commit generated/",
            file=sys.stderr,
        )
    return EXIT_STALE if stale else EXIT_OK


def _cmd_diff(args: argparse.Namespace) -> int:
    """Both specs built as the client configured for the new one (its names and prefix),
    else with the defaults."""
    project = _optional_project()
    configured = project.client_for_spec(args.new) if project else None
    surfaces = []
    for spec in (args.old, args.new):
        config = (
            replace(configured, spec=spec)
            if configured is not None
            else ClientConfig.default(spec, Path("client"), "client", args.ref_root)
        )
        documents = load_with_overlays(
            replace(config, ref_root=config.ref_root or project_root(spec)),
            display_path(spec, Path.cwd()),
        )
        surfaces.append(surface(build(documents, config, lambda _: None)))
    changes = diff(*surfaces)
    if args.format == "json":
        print(report_json(changes), end="")
    else:
        print(report_text(changes, markdown=args.format == "markdown"), end="")
    breaking = any(change.breaking for change in changes)
    return EXIT_STALE if breaking and args.fail_on_breaking else EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    documents = load(
        args.spec,
        display_path(args.spec, Path.cwd()),
        args.ref_root or project_root(args.spec),
    )
    findings = validate(documents)
    _report(findings)
    print(f"{args.spec}: {len(findings)} warning(s)")
    if args.strict and findings:
        return EXIT_FATAL
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = {
        "generate": _cmd_generate,
        "check": _cmd_check,
        "validate": _cmd_validate,
        "diff": _cmd_diff,
        "update": _cmd_update,
    }[args.command]
    try:
        return command(args)
    except FatalError as error:
        print(f"sdkforge: error: {error}", file=sys.stderr)
        return EXIT_FATAL
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug must still not dump a traceback on users
        if os.environ.get("SDKFORGE_DEBUG"):
            traceback.print_exc()
        print(
            f"sdkforge: internal error: {type(exc).__name__}: {exc} (set SDKFORGE_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_FATAL
