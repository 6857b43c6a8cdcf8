"""Each benchmark stage in a fresh interpreter, as a user meets it after starting the app: nothing cached in
memory, and its own peak RSS (``resource.getrusage`` of the child alone)."""

from __future__ import annotations

import json
import subprocess
import sys
import time


def in_child(script: str, *args: str) -> dict:
    """Run ``python script --child args…`` and return the JSON object the child printed last, with the
    process's whole wall time (start-up included) as ``process_s``; a failing child raises with its stderr."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, script, "--child", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:1])} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_s"] = time.perf_counter() - started
    return result
