#!/usr/bin/env python3
"""Run the intranet on this machine with nothing but python3.

    python3 dev.py serve   install, migrate, load the demo commune, serve on 127.0.0.1:8000
    python3 dev.py test    install, then run the whole test suite (extra arguments go to pytest)

Dependencies go into .venv from requirements.lock; they are reinstalled only
when the lock file changes, so running either command again is fast.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".installed-lock"


def run(*args, **kwargs):
    print("$", " ".join(str(arg) for arg in args), flush=True)
    return subprocess.run([str(arg) for arg in args], cwd=ROOT, **kwargs)


def ensure_environment():
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    fingerprint = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes())
    if STAMP.exists() and STAMP.read_text() == fingerprint.hexdigest():
        return
    pip = (PYTHON, "-m", "pip", "--disable-pip-version-check", "-q", "install")
    run(*pip, "-r", LOCK, check=True)
    STAMP.write_text(fingerprint.hexdigest())


def manage(*args, check=True):
    return run(PYTHON, "manage.py", *args, check=check)


def serve(args):
    # Uploaded documents are read by a worker beside the web server, as in production.
    os.environ.setdefault("TASKS_BACKEND", "database")
    manage("migrate", "--no-input", "-v", "0")
    manage("load_demo")
    address = args[0] if args else "127.0.0.1:8000"
    worker = subprocess.Popen(
        [str(PYTHON), "manage.py", "run_worker", "--no-reload", "-v", "0"], cwd=ROOT
    )
    print(f"\nIntranet: http://{address}/  (stop with Ctrl+C)\n", flush=True)
    try:
        manage("runserver", address, check=False)
    except KeyboardInterrupt:
        pass
    finally:
        worker.terminate()
        worker.wait()


def test(args):
    result = run(PYTHON, "-m", "pytest", *args)
    sys.exit(result.returncode)


COMMANDS = {"serve": serve, "test": test}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    ensure_environment()
    COMMANDS[sys.argv[1]](sys.argv[2:])
