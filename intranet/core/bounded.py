"""Run an untrusted parser in a child process that is killed past its limits.

A valid PDF can take pypdf hours to read, and a small archive can ask for
gigabytes. Reading in the worker itself would hold the single task queue (and
Wagtail's own tasks behind it) for as long as the file wants. A forked child
reads instead, under an address-space limit; the parent waits for at most the
time limit, then kills it. The child inherits the open file and the active
language, and sends back either the text or why there is none.

Where ``fork`` does not exist (Windows), the parser runs in the calling process
without limits: development machines only, production runs on Linux.
"""

import ctypes
import ctypes.util
import math
import multiprocessing
import os
import signal
from dataclasses import dataclass

try:
    import resource
except ImportError:  # not on Windows
    resource = None

MEGABYTE = 1024 * 1024


class LimitReached(Exception):
    """The parser outlasted its time or outgrew its memory; ``kind`` says which."""

    def __init__(self, kind, limit):
        super().__init__(f"{kind} limit of {limit} reached")
        self.kind = kind
        self.limit = limit


class ChildFailed(Exception):
    """The child died without answering (killed by the system, a crash in C code)."""


@dataclass(frozen=True)
class Limits:
    seconds: float
    megabytes: int


def can_bound():
    return "fork" in multiprocessing.get_all_start_methods()


def run(function, *args, limits):
    """``function(*args)`` in a child; its result, or its exception raised again here.

    The result and any exception must be picklable. ``LimitReached`` when the
    child outlasts ``limits.seconds`` or asks for more than ``limits.megabytes``
    beyond what it started with.
    """
    if not can_bound():
        return function(*args)
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(sending, function, args, limits, os.getpid()), daemon=True
    )
    child.start()
    sending.close()  # the child holds the only sending end: its death reads as end of file
    try:
        if not receiving.poll(limits.seconds):
            raise LimitReached("time", limits.seconds)
        try:
            outcome, value = receiving.recv()
        except EOFError:
            child.join(5)
            raise ChildFailed(_death(child.exitcode)) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiving.close()
    if outcome == "memory":
        raise LimitReached("memory", limits.megabytes)
    if outcome == "raised":
        raise value
    return value


def _child(sending, function, args, limits, parent):
    # The child owns none of the parent's database connections: it must never
    # close them, so it leaves through os._exit (multiprocessing does).
    _die_with(parent)
    _limit_cpu(limits.seconds)
    _limit_memory(limits.megabytes)
    try:
        message = ("returned", function(*args))
    except MemoryError:
        message = ("memory", None)
    except Exception as error:  # sent back to the parent, which raises it
        message = ("raised", error)
    try:
        sending.send(message)
    except MemoryError:
        sending.send(("memory", None))
    sending.close()


def _die_with(parent):
    """A worker killed with SIGKILL cannot kill its child: the kernel does (Linux)."""
    library = ctypes.util.find_library("c")
    if library:
        try:
            ctypes.CDLL(library, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (AttributeError, OSError):
            pass  # not Linux: the CPU limit below still ends an orphan
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the signal was set


def _limit_cpu(seconds):
    # A second bound, independent of the parent: an orphaned child is stopped by
    # the kernel (SIGXCPU) once it has used its time on the processor.
    if resource is None:
        return
    allowed = math.ceil(seconds) + 5
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        allowed = min(allowed, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (allowed, hard))


def _limit_memory(megabytes):
    if resource is None or not megabytes:
        return
    # The child starts as a copy of the worker; the limit is what it may add.
    allowed = _address_space() + megabytes * MEGABYTE
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        allowed = min(allowed, hard)
    resource.setrlimit(resource.RLIMIT_AS, (allowed, hard))


def _address_space():
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # no /proc: count from the resident size instead
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _death(exitcode):
    if exitcode is not None and exitcode < 0:
        try:
            return f"stopped by signal {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"stopped by signal {-exitcode}"
    return f"stopped with exit code {exitcode}"
