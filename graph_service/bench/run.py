"""`graph-service bench --households N --json FILE` (issue 9).

1. Its own Neo4j (port 7710, var/neo4j-bench, wiped first) unless `--neo4j-uri` names one to wipe.
2. `graph-service generate` and `graph-service import --reset` as child processes (timed; their
   memory is theirs, not the service's).
3. The service's figures through the GraphQL app in-process, then the naive baseline on the same
   data, then issueLoan last (it writes). A part that is not implemented yet is a null figure with
   the reason, never a crash.
4. The JSON: figures, ratios, goals, missing reasons, details (samples, round trips, machine).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import resource
import secrets
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from graph_service import PROJECT_ROOT
from graph_service.app import create_app
from graph_service.bench import naive, server
from graph_service.bench.measure import Figures, Missing, series
from graph_service.bench.operations import (
    CONTAGION,
    COUNTY_RISK,
    HIERARCHY,
    HOUSEHOLD,
    ISSUE_LOAN,
    RECOMPUTE,
    STRESS,
    Client,
)
from graph_service.dataset import shangcai
from graph_service.graph.db import Graph
from graph_service.settings import Settings

TODAY = dt.date(2026, 6, 30)  # the generator's "as of" date; fixes publicity and ageing
LOAN_YUAN = 1000
#: Goals of issue 9 at 400,000 households: figure -> (limit, "max" or "min").
GOALS: dict[str, tuple[float, str]] = {
    "import_seconds": (180, "max"),
    "recompute_seconds": (5, "max"),
    "hierarchy_p50_ms": (50, "max"),
    "household_p50_ms": (10, "max"),
    "issue_loan_p50_ms": (30, "max"),
    "contagion_p50_ms": (100, "max"),
    "stress_county_seconds": (5, "max"),
    "hierarchy_speedup_vs_naive": (10, "min"),
}


ALL_FIGURES = (
    "generate_seconds", "import_seconds", "recompute_seconds", "hierarchy_p50_ms", "county_risk_p50_ms",
    "naive_hierarchy_p50_ms", "naive_county_risk_p50_ms", "household_p50_ms", "contagion_p50_ms",
    "stress_county_seconds", "issue_loan_p50_ms", "service_peak_rss_mb", "neo4j_peak_rss_mb", "store_size_mb",
)


def _child(argv: list[str], env: dict[str, str], timeout: float) -> tuple[float, int, str, int]:
    """Runs a child process; returns (seconds, exit code, stdout + stderr tail, peak RSS bytes).
    A child still running after `timeout` seconds is killed (by its own pid)."""
    with tempfile.TemporaryFile("w+") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=PROJECT_ROOT)
        while True:
            done, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if done:
                break
            if time.perf_counter() - started > timeout:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.2)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        text = out.read()[-4000:]
    return seconds, proc.returncode, text, usage.ru_maxrss * 1024


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "graph_service.cli", *args]


def _machine() -> dict[str, Any]:
    mem = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(mem / 2**30, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def _mb(value: int | None) -> float | None:
    return None if value is None else round(value / 2**20, 1)


def _goals(figures: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, (limit, kind) in GOALS.items():
        value = figures.get(name)
        met = None if value is None else (value <= limit if kind == "max" else value >= limit)
        out[name] = {"goal": limit, "kind": kind, "value": value, "met": met}
    return out


class Bench:
    def __init__(self, graph: Graph, client: Client, figures: Figures, samples: int, households: int) -> None:
        self.graph = graph
        self.client = client
        self.f = figures
        self.samples = samples
        self.households = households
        self.county = shangcai.COUNTY_CODE

    async def recompute(self) -> None:
        async def via_graphql() -> None:
            await self.client.call("recomputeRollups", RECOMPUTE)

        try:
            runs = await series([via_graphql] * 3, warmup=0, max_seconds=30)
            self.f.details["recompute_via"] = "GraphQL recomputeRollups"
        except Missing as exc:
            from graph_service.graph import rollups

            async def direct() -> None:
                await rollups.recompute(self.graph, today=TODAY)

            runs = await series([direct] * 3, warmup=0, max_seconds=30)
            self.f.details["recompute_via"] = f"graph_service.graph.rollups.recompute ({exc})"
        self.f.details["recompute"] = runs.summary()
        self.f.put("recompute_seconds", runs.p50 / 1000, 3)

    async def hierarchy(self) -> None:
        expected = self.f.details["dataset"].get("villages")

        async def run() -> None:
            data = await self.client.call("hierarchy", HIERARCHY, {"code": self.county})
            towns = [e["node"] for e in data["county"]["towns"]["edges"]]
            seen = sum(len(t["villages"]["edges"]) for t in towns)
            if expected is not None and seen != expected:
                raise Missing(f"hierarchy: {seen} villages returned, {expected} in the county")

        runs = await series([run] * self.samples)
        self.f.details["hierarchy"] = runs.summary()
        self.f.put("hierarchy_p50_ms", runs.p50)

    async def county_risk(self) -> None:
        async def run() -> None:
            await self.client.call("countyRisk", COUNTY_RISK, {"code": self.county})

        runs = await series([run] * self.samples)
        self.f.details["county_risk"] = runs.summary()
        self.f.put("county_risk_p50_ms", runs.p50)

    async def naive(self) -> None:
        n = max(3, self.samples // 5)

        async def tree() -> None:
            await naive.hierarchy(self.graph, self.county)

        async def county() -> None:
            await naive.county_risk(self.graph, self.county)

        runs = await series([tree] * n)
        self.f.details["naive_hierarchy"] = runs.summary()
        self.f.put("naive_hierarchy_p50_ms", runs.p50)
        runs = await series([county] * n)
        self.f.details["naive_county_risk"] = runs.summary()
        self.f.put("naive_county_risk_p50_ms", runs.p50)
        towns = self.f.details["dataset"].get("towns", 0)
        villages = self.f.details["dataset"].get("villages", 0)
        self.f.details["naive_hierarchy_round_trips"] = 3 + 2 * towns + villages

    async def household(self) -> None:
        rows = await self.graph.read(
            "bench_sample_households", step=max(1, self.households // self.samples), limit=self.samples
        )
        codes = [row["code"] for row in rows]
        if not codes:
            raise Missing("no household in the database")

        def run_for(code: str) -> Any:
            async def run() -> None:
                data = await self.client.call("household", HOUSEHOLD, {"code": code})
                if data["household"] is None:
                    raise Missing(f"household {code} not found")

            return run

        runs = await series([run_for(code) for code in codes])
        self.f.details["household"] = runs.summary()
        self.f.put("household_p50_ms", runs.p50)

    async def contagion(self) -> None:
        rows = await self.graph.read("bench_exposed_villages", limit=self.samples)
        codes = [row["code"] for row in rows]
        if not codes:
            raise Missing("no cross-village guarantee in the dataset")
        reached: list[int] = []

        def run_for(code: str) -> Any:
            async def run() -> None:
                data = await self.client.call("contagion", CONTAGION, {"code": code})
                reached.append(len(data["contagion"]["reached"]))

            return run

        runs = await series([run_for(code) for code in codes])
        self.f.details["contagion"] = {**runs.summary(), "villages_reached_median": sorted(reached)[len(reached) // 2]}
        self.f.put("contagion_p50_ms", runs.p50)

    async def stress(self) -> None:
        worst = [row["code"] for row in await self.graph.read("bench_worst_villages", limit=5)]
        result: dict[str, Any] = {}

        async def run() -> None:
            result.update(await self.client.call("stressTest", STRESS, {"codes": worst}))

        runs = await series([run] * 3, max_seconds=30)
        report = result.get("stressTest") or {}
        self.f.details["stress"] = {
            **runs.summary(),
            "defaulted_villages": worst,
            "rounds_run": report.get("roundsRun"),
            "defaulted_loans": report.get("defaultedLoanCount"),
            "distressed_households": report.get("distressedHouseholdCount"),
            "newly_frozen_villages": len(report.get("newlyFrozenVillages") or []),
            "newly_frozen_towns": len(report.get("newlyFrozenTowns") or []),
        }
        self.f.put("stress_county_seconds", runs.p50 / 1000, 3)

    async def issue_loan(self) -> None:
        rows = await self.graph.read("bench_loan_candidates", amountFen=LOAN_YUAN * 100, limit=self.samples + 1)
        codes = [row["code"] for row in rows]
        if len(codes) < 2:
            raise Missing("no household may borrow: no effective certificate in the database (assessments)")
        refused: list[str] = []

        def run_for(i: int, code: str) -> Any:
            async def run() -> None:
                data = await self.client.call("issueLoan", ISSUE_LOAN, {"input": {
                    "code": f"BENCH-{i:05d}", "householdCode": code, "bankCode": shangcai.BANKS[0][0],
                    "principal": f"{LOAN_YUAN}.00", "purpose": "SPECIALTY_FARMING",
                    "issuedOn": TODAY.isoformat(), "dueOn": (TODAY + dt.timedelta(days=365)).isoformat(),
                }})
                errors = data["issueLoan"]["userErrors"]
                if errors:
                    refused.append(f"{errors[0]['code']}: {errors[0]['message']}")

            return run

        # The first (warm-up) loan also checks propagation: its village's stored balance moves (R6).
        village = codes[0][1:-4]
        before = await self.graph.read_one("bench_village_balance", code=village)
        await run_for(0, codes[0])()
        after = await self.graph.read_one("bench_village_balance", code=village)
        runs = await series([run_for(i, code) for i, code in enumerate(codes[1:], start=1)], warmup=0)
        if len(refused) >= len(codes):
            raise Missing(f"every issueLoan was refused, e.g. {refused[0]}")
        self.f.details["issue_loan"] = {
            **runs.summary(),
            "refused": len(refused),
            "refusal_example": refused[0] if refused else None,
            "village_balance_propagated": bool(before and after and after["loanBalanceFen"] - before["loanBalanceFen"] == LOAN_YUAN * 100),
        }
        self.f.put("issue_loan_p50_ms", runs.p50)


def _sign_in(secret: str) -> dict[str, str]:
    """A county-centre token (A2: it sees everything) signed with the bench's own secret."""
    try:
        from graph_service.auth.tokens import issue
    except ImportError:  # a tree without tokens: anonymous requests
        return {}
    return {"Authorization": f"Bearer {issue(secret, 'COUNTY_ADMIN', subject='bench', days=1)}"}


async def _service_figures(uri: str, figures: Figures, samples: int, households: int) -> None:
    secret = secrets.token_hex(32)  # this run's own: the bench's app and token only
    settings = Settings.from_env({"NEO4J_URI": uri, "GRAPH_SERVICE_TODAY": TODAY.isoformat(), "GRAPH_SERVICE_SECRET": secret})
    graph = Graph.connect(settings)
    try:
        app = create_app(settings, graph=graph)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench", timeout=600) as http:
            client = Client(http, _sign_in(secret))
            bench = Bench(graph, client, figures, samples, households)
            # Reads first, on the imported data; the naive baseline on the same data; writes last.
            await figures.measure(["recompute_seconds"], bench.recompute)
            await figures.measure(["hierarchy_p50_ms"], bench.hierarchy)
            await figures.measure(["county_risk_p50_ms"], bench.county_risk)
            await figures.measure(["naive_hierarchy_p50_ms", "naive_county_risk_p50_ms"], bench.naive, budget=600)
            await figures.measure(["household_p50_ms"], bench.household)
            await figures.measure(["contagion_p50_ms"], bench.contagion)
            await figures.measure(["stress_county_seconds"], bench.stress)
            await figures.measure(["issue_loan_p50_ms"], bench.issue_loan)
            figures.details["round_trips"] = client.round_trips
            figures.details["db_milliseconds_p50"] = {
                name: statistics.median(values) for name, values in client.db_ms.items()
            }
    finally:
        await graph.close()


def _ratios(values: dict[str, Any]) -> dict[str, float | None]:
    def ratio(slow: str, fast: str) -> float | None:
        a, b = values.get(slow), values.get(fast)
        return round(a / b, 1) if a is not None and b else None

    return {
        "hierarchy_speedup_vs_naive": ratio("naive_hierarchy_p50_ms", "hierarchy_p50_ms"),
        "county_risk_speedup_vs_naive": ratio("naive_county_risk_p50_ms", "county_risk_p50_ms"),
    }


def run(
    households: int,
    seed: int,
    json_file: Path,
    *,
    neo4j_uri: str | None = None,
    neo4j_data: Path | None = None,
    samples: int = 30,
    work_dir: Path | None = None,
) -> dict[str, Any]:
    started = time.perf_counter()
    figures = Figures()
    report: dict[str, Any] = {
        "households": households,
        "seed": seed,
        "command": "graph-service " + shlex.join(sys.argv[1:]) if sys.argv[1:2] == ["bench"] else None,
        "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
    }
    work = work_dir or PROJECT_ROOT / "var" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    dataset = work / f"county-{households}-seed{seed}.json"
    srv = server.Server(neo4j_uri, neo4j_data, owned=False) if neo4j_uri else server.start_own()
    report["neo4j"] = {"uri": srv.uri, "data": str(srv.data) if srv.data else None, "own": srv.owned,
                       "heap": server.HEAP if srv.owned else None, "pagecache": server.PAGECACHE if srv.owned else None}
    env = {**os.environ, "NEO4J_URI": srv.uri, "GRAPH_SERVICE_TODAY": TODAY.isoformat()}
    try:
        seconds, code, out, rss = _child(_cli("generate", "--households", str(households), "--seed", str(seed), "-o", str(dataset)), env, timeout=900)
        if code != 0:
            raise RuntimeError(f"generate failed: {out[-1000:]}")
        figures.put("generate_seconds", seconds)
        figures.put("generate_peak_rss_mb", _mb(rss))
        figures.details["dataset_bytes"] = dataset.stat().st_size

        seconds, code, out, rss = _child(_cli("import", "--reset", str(dataset)), env, timeout=1200)
        if code != 0:
            raise RuntimeError(f"import failed: {out[-1000:]}")
        figures.put("import_seconds", seconds)
        figures.put("import_peak_rss_mb", _mb(rss))
        imported = json.loads(out.strip().splitlines()[-1])
        figures.details["dataset"] = imported.get("imported", {})
        figures.details["import_recompute"] = imported.get("recompute", {})

        asyncio.run(_service_figures(srv.uri, figures, samples, households))
        figures.put("service_peak_rss_mb", _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024))
        figures.put("neo4j_peak_rss_mb", _mb(server.peak_rss_bytes(server.pid(srv.data))))
        sizes = server.store_bytes(srv.data)
        figures.put("store_size_mb", _mb(sizes["store"]) if sizes else None)
        if sizes:
            figures.details["transaction_logs_mb"] = _mb(sizes["transaction_logs"])
        for name in ("neo4j_peak_rss_mb", "store_size_mb"):
            if figures.values.get(name) is None:
                figures.miss(name, "the server's data folder is unknown (pass --neo4j-data)")
    except RuntimeError as exc:  # generate or import failed: the JSON says so instead of a traceback
        figures.details["error"] = str(exc)[-2000:]
    finally:
        server.stop(srv)
    for name in ALL_FIGURES:
        if name not in figures.values:
            figures.miss(name, figures.details.get("error", "not measured")[:300])
    report["figures"] = figures.values
    report["ratios"] = _ratios(figures.values)
    report["goals"] = _goals({**figures.values, **report["ratios"]})
    report["missing"] = figures.missing
    report["details"] = figures.details
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    report["elapsed_seconds"] = round(time.perf_counter() - started, 1)
    json_file.parent.mkdir(parents=True, exist_ok=True)
    json_file.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return report


def main(args: argparse.Namespace) -> int:
    report = run(
        args.households, args.seed, Path(args.json_file),
        neo4j_uri=args.neo4j_uri, neo4j_data=Path(args.neo4j_data) if args.neo4j_data else None,
        samples=args.samples,
    )
    print(json.dumps({"json": args.json_file, "figures": report["figures"], "ratios": report["ratios"],
                      "missing": sorted(report["missing"])}, ensure_ascii=False))
    return 0
