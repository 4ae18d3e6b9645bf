"""Generate a package from a spec into a temp folder and import it."""

from __future__ import annotations

import importlib
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from generator.config import ClientConfig
from generator.pipeline import Generated, generate
from generator.write import write_package


def generate_package(
    spec: Path, out_root: Path, package: str, **config: object
) -> tuple[Generated, ModuleType]:
    """Generate `package` under out_root, import it fresh, return the result and the module."""
    base = ClientConfig.default(spec, out_root / package, package)
    client_config = replace(base, **config)
    result = generate(client_config, spec.name)
    write_package(client_config.output, result.files)
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]
    sys.path.insert(0, str(out_root))
    try:
        module = importlib.import_module(package)
    finally:
        sys.path.remove(str(out_root))
    return result, module
