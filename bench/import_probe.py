"""Row 7 of `make bench`: one import in a fresh process, and then the client built.

    python bench/import_probe.py ours|openai|floor

Run by the peers' venv python, with the generated package `openai_client` on PYTHONPATH.
Nothing but `sys` and `time` is imported before the measured import (both are loaded at
interpreter start-up anyway), so the import pays for everything it needs. Prints one line
of JSON: wall and CPU seconds of the import, seconds to build the client after it, peak
RSS in KiB and the size of sys.modules after each step.
"""

import sys
import time

IMPORTS = {
    "ours": ("openai_client", "openai_client.OpenaiClient(api_key='x')"),
    "openai": ("openai", "openai.OpenAI(api_key='x')"),
    "floor": ("httpx,pydantic", "httpx.Client()"),
}


def main(which: str) -> None:
    names, build = IMPORTS[which]
    before = len(sys.modules)
    wall, cpu = time.perf_counter(), time.process_time()
    for name in names.split(","):
        globals()[name] = __import__(name)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    imported = len(sys.modules)
    ready = time.perf_counter()
    eval(build)  # one of the fixed expressions above
    ready = time.perf_counter() - ready
    built = len(sys.modules)

    import json
    import resource

    result = {
        "wall": wall,
        "cpu": cpu,
        "construct": ready,
        "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "modules_at_start": before,
        "modules_imported": imported,
        "modules_built": built,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
