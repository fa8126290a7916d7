"""The bench's own Neo4j (through neo4j-local/neo4j-local.sh) and what the bench reads off a server
process: its peak resident memory and the size of its store on disk."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from graph_service import PROJECT_ROOT

LAUNCHER = PROJECT_ROOT / "neo4j-local" / "neo4j-local.sh"
PORT = 7710
DATA = PROJECT_ROOT / "var" / "neo4j-bench"
HEAP = "4g"
PAGECACHE = "2g"


@dataclass(frozen=True)
class Server:
    uri: str
    data: Path | None  # its data folder, when known (memory and store size are read from it)
    owned: bool  # started by the bench: stopped at the end


def _launch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LAUNCHER), *args], capture_output=True, text=True, check=False)


def start_own(port: int = PORT, data: Path = DATA) -> Server:
    """Stops a previous bench server, wipes its folder, starts a fresh one."""
    _launch("stop", "--data", str(data))
    shutil.rmtree(data, ignore_errors=True)
    done = _launch("start", "--port", str(port), "--data", str(data), "--heap", HEAP, "--pagecache", PAGECACHE)
    if done.returncode != 0:
        raise RuntimeError(f"the bench's Neo4j did not start: {done.stderr.strip()[-500:]}")
    return Server(uri=f"bolt://127.0.0.1:{port}", data=data, owned=True)


def stop(server: Server) -> None:
    if server.owned and server.data is not None:
        _launch("stop", "--data", str(server.data))


def pid(data: Path | None) -> int | None:
    if data is None:
        return None
    try:
        return int((data / "neo4j-local.pid").read_text().strip())
    except (OSError, ValueError):
        return None


def peak_rss_bytes(process_id: int | None) -> int | None:
    """VmHWM: the peak resident set of a live process (Linux)."""
    if process_id is None:
        return None
    try:
        for line in Path(f"/proc/{process_id}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def store_bytes(data: Path | None) -> dict[str, int] | None:
    """The database's store files and its transaction logs (the system database left out)."""
    if data is None or not (data / "data").is_dir():
        return None
    store = data / "data" / "databases" / "neo4j"
    logs = data / "data" / "transactions" / "neo4j"
    return {
        "store": _size(store) if store.is_dir() else 0,
        "transaction_logs": _size(logs) if logs.is_dir() else 0,
    }
