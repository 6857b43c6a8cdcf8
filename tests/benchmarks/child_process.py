"""Each benchmark stage in a fresh interpreter, as a user meets it after starting the app: nothing cached in
memory, and its own peak RSS (:func:`peak_rss_mb`, read from /proc in the child itself)."""

from __future__ import annotations

import json
import resource
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


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (``VmRSS`` now, ``VmHWM`` its peak), in MB."""
    with open("/proc/self/status") as handle:
        line = next(line for line in handle if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024


def peak_rss_mb() -> float:
    """This process's peak RSS in MB. Not ``getrusage``'s ``ru_maxrss``: Linux keeps it across exec, and a child
    started with vfork takes over its parent's peak there, so every stage reported the peak of the parent that
    generated the data (an 800 MB parent made a 10 MB child read 810 MB). ``VmHWM`` belongs to the process's
    own memory map, which exec replaces."""
    try:
        return status_mb("VmHWM")
    except (OSError, StopIteration):  # not Linux: the best figure there is
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
