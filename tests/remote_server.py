"""A real `oxigraph serve` for the remote store tests (graph/remote.py)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _oxigraph_binary() -> str | None:
    """`oxigraph` (the dev dependency's, next to this Python, else on the PATH)."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@contextmanager
def oxigraph_serve(location: Path, *options: str) -> Iterator[str]:
    """A real `oxigraph serve` over the folder `location` on a free loopback port (with more
    `options`), stopped on exit; yields its base URL (/query, /update, /store). Skips the test
    without the binary."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("`oxigraph` is not installed (pip install oxigraph, a dev dependency)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = location.with_name(location.name + ".log")  # a file: a pipe nobody reads could fill
    with log.open("wb") as out:
        server = subprocess.Popen([binary, "serve", "--location", str(location),
                                   "--bind", f"127.0.0.1:{port}", *options],
                                  stdout=subprocess.DEVNULL, stderr=out)
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(f"oxigraph serve did not start: {log.read_text()}") from None
            time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(10)
