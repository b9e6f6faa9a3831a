"""Run an importer on hostile inputs in a child process with a CPU-time and memory budget per input.

The child sets ``RLIMIT_CPU`` afresh before each input (the kernel stops it with SIGXCPU when an
input uses more than its seconds) and ``RLIMIT_AS`` to its size after imports plus the memory
budget (an input that wants more gets a MemoryError). The budget is a limit, not a timing: an
importer that needs 20 s or 22 GB fails whatever the machine's load, a linear one passes with
plenty to spare. One child runs all inputs of a call, so the test pays Python's start-up once.
"""

from __future__ import annotations

import pickle
import signal
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

CPU_SECONDS = 5
MEMORY_BYTES = 1024**3

_CHILD = r"""
import importlib, pickle, resource, sys, traceback
sys.path[:0] = [sys.argv[1], sys.argv[2]]
target, calls, cpu_seconds, memory = pickle.load(sys.stdin.buffer)
module, name = target.split(":")
fn = getattr(importlib.import_module(module), name)
from toolkit.errors import ToolkitError

def vm_bytes():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0

resource.setrlimit(resource.RLIMIT_AS, (vm_bytes() + memory, resource.RLIM_INFINITY))
hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
for i, args in enumerate(calls):
    used = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(used.ru_utime + used.ru_stime) + 1 + cpu_seconds
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
    print(f"start {i}", flush=True)
    try:
        fn(*args)
        outcome = "ok"
    except ToolkitError as exc:
        message = str(exc).strip()
        outcome = "error" if message and "\n" not in message else "error-not-one-line " + repr(message)
    except MemoryError:
        outcome = "memory"
    except RecursionError:
        outcome = "crash RecursionError"
    except Exception as exc:
        outcome = "crash " + "".join(traceback.format_exception_only(type(exc), exc)).strip()
    print(f"done {i} {outcome}", flush=True)
"""


@dataclass(frozen=True)
class Outcome:
    label: str
    result: str  # "ok", "error", "memory", "cpu", "crash ...", "error-not-one-line ..."


def run_with_budget(
    target: str,
    calls: Sequence[tuple[Any, ...]],
    labels: Sequence[str],
    *,
    cpu_seconds: int = CPU_SECONDS,
    memory: int = MEMORY_BYTES,
) -> list[Outcome]:
    """Call ``target`` ("module:function") with each argument tuple in a budgeted child process.
    An input that exceeds the CPU budget ends the child; the inputs after it run in a new one."""
    outcomes: list[Outcome] = []
    pending = list(range(len(calls)))
    while pending:
        batch = [calls[i] for i in pending]
        payload = pickle.dumps((target, batch, cpu_seconds, memory))
        # the wall-clock timeout only guards against a child that sleeps; CPU is the budget
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD, str(ROOT), str(TESTS)],
            input=payload,
            capture_output=True,
            timeout=60 + 4 * cpu_seconds * len(batch),
            check=False,
        )
        done: dict[int, str] = {}
        started: int | None = None
        for line in proc.stdout.decode().splitlines():
            kind, _, rest = line.partition(" ")
            index, _, result = rest.partition(" ")
            if kind == "start":
                started = int(index)
            elif kind == "done":
                done[int(index)] = result
                started = None
        for j in range(len(batch)):
            if j in done:
                outcomes.append(Outcome(labels[pending[j]], done[j]))
        if len(done) == len(batch):
            break
        if started is None:
            stderr = proc.stderr.decode()[-2000:]
            raise AssertionError(f"the budget child failed before its first input: {stderr}")
        killed = "cpu" if proc.returncode == -signal.SIGXCPU else f"killed (exit {proc.returncode})"
        outcomes.append(Outcome(labels[pending[started]], killed))
        pending = pending[started + 1 :]
    return outcomes


def over_budget(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """The outcomes that are not a result or a one-line toolkit error."""
    return [o for o in outcomes if o.result not in ("ok", "error")]


# -- importers that need a project (called in the budget child; one project per child) -------------

_PROJECT: dict[str, Any] = {}


def _project() -> Any:
    if "store" not in _PROJECT:
        import tempfile

        from _factories import INTERVIEW, add_text, store_with_codebook

        store = store_with_codebook(Path(tempfile.mkdtemp(prefix="budget-")))
        add_text(store, INTERVIEW, "interview.txt")
        _PROJECT["store"] = store
    return _PROJECT["store"]


def import_taguette_csv(data: bytes) -> None:
    """The Taguette highlights importer on ``data`` as a CSV file."""
    import tempfile

    from toolkit.exchange.taguette import import_highlights

    with tempfile.NamedTemporaryFile(suffix=".csv") as fh:
        fh.write(data)
        fh.flush()
        import_highlights(_project(), fh.name, coder="tag", actor="t")


def import_qdpx(data: bytes) -> None:
    from toolkit.exchange.refi import import_project

    import_project(_project(), data, actor="t", name="fuzz.qdpx")


def import_qdc(data: bytes) -> None:
    from toolkit.exchange.refi import import_codebook

    import_codebook(_project(), data, actor="t", name="fuzz.qdc")
