"""The console script `graph-service` (CONTRACT.md "Console script")."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from graph_service import PROJECT_ROOT
from graph_service.settings import Settings, SettingsError

T = TypeVar("T")
DEMO = PROJECT_ROOT / "seed" / "demo-county.json"


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as exc:
        print(f"graph-service: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


async def _with_graph(settings: Settings, work: Callable[[Any], Awaitable[T]]) -> T:
    from graph_service.graph.db import Graph
    from graph_service.graph.setup import apply_schema

    graph = Graph.connect(settings)
    try:
        await apply_schema(graph)
        return await work(graph)
    finally:
        await graph.close()


def _progress(name: str, done: int, total: int) -> None:
    """A progress bar on stderr when it is a terminal (generate, import); silent otherwise."""
    from graph_service.progress import bar

    bar(name, done, total)


def cmd_import(args: argparse.Namespace) -> int:
    from graph_service.dataset.validate import DatasetInvalid
    from graph_service.graph.importer import import_document

    settings = _settings()
    try:
        document = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"graph-service import: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2

    async def work(graph: Any) -> Any:
        return await import_document(
            graph, document, today=settings.today(), reset_first=args.reset, progress=_progress
        )

    try:
        report = asyncio.run(_with_graph(settings, work))
    except DatasetInvalid as exc:
        print(f"graph-service import: {exc}", file=sys.stderr)
        return 1
    print(json.dumps({"imported": report.counts, "recompute": report.recompute}, ensure_ascii=False))
    return 0


def cmd_recompute(_: argparse.Namespace) -> int:
    from graph_service.graph.rollups import recompute

    settings = _settings()
    report = asyncio.run(_with_graph(settings, lambda graph: recompute(graph, today=settings.today())))
    print(json.dumps(report))
    return 0


def cmd_systemic(_: argparse.Namespace) -> int:
    """Batch: each village's systemic-risk measure (K3 engine), stored on the Village nodes."""
    from graph_service.graph.contagion import refresh_systemic

    report = asyncio.run(_with_graph(_settings(), refresh_systemic))
    print(json.dumps(report))
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from graph_service.dataset.generator import generate, write_document

    document = generate(households=args.households, seed=args.seed, villages=args.villages, progress=_progress)
    write_document(document, Path(args.output))
    counts = {key: len(value) for key, value in document.items() if isinstance(value, list)}
    print(json.dumps({"written": args.output, **counts}, ensure_ascii=False))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from graph_service.bench.run import main as bench_main

    return bench_main(args)


def cmd_export_schema(_: argparse.Namespace) -> int:
    from graph_service.api.schema import export_sdl

    sys.stdout.write(export_sdl())
    return 0


async def prepare(settings: Settings, demo: Path = DEMO) -> None:
    """Constraints and indexes; the demo county when the database is empty."""
    from graph_service.graph.importer import import_document

    async def work(graph: Any) -> None:
        row = await graph.read_one("count_nodes")
        if row and row["nodes"] == 0 and demo.exists():
            document = json.loads(demo.read_text(encoding="utf-8"))
            report = await import_document(graph, document, today=settings.today())
            logging.getLogger("graph_service").info("loaded the demo county: %s", report.counts)
        else:
            from graph_service.graph.assessments import apply_due

            # S9: assessments whose publicity ended while the service was down come into force now.
            applied = await apply_due(graph, settings.today())
            logging.getLogger("graph_service").info("assessments in force applied to %d households", applied)

    await _with_graph(settings, work)


def _secured(settings: Settings) -> tuple[Settings, bool]:
    """Settings with the token secret to use, and whether it is the development one (issue 8)."""
    import dataclasses

    from graph_service.auth.tokens import NoSecret, serving_secret

    try:
        secret, development = serving_secret(settings.secret, local_neo4j=settings.local_neo4j, production=settings.production)
    except NoSecret as exc:
        print(f"graph-service: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    return dataclasses.replace(settings, secret=secret), development


def cmd_token(args: argparse.Namespace) -> int:
    from graph_service.auth.principal import PrincipalError
    from graph_service.auth.tokens import issue

    settings, development = _secured(_settings())
    try:
        token = issue(settings.secret or "", args.role, town=args.town, village=args.village, bank=args.bank,
                      subject=args.subject, days=args.days)
    except PrincipalError as exc:
        print(f"graph-service token: {exc}", file=sys.stderr)
        return 2
    if development:
        print("graph-service token: signed with the development secret (GRAPH_SERVICE_SECRET unset)", file=sys.stderr)
    print(token)
    return 0


def cmd_serve(_: argparse.Namespace) -> int:
    import uvicorn

    from graph_service.app import create_app

    settings, development = _secured(_settings())
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    asyncio.run(prepare(settings))
    print(f"GraphQL (GraphiQL in a browser): http://{settings.host}:{settings.port}/graphql", flush=True)
    if development:
        from graph_service.auth.tokens import issue

        token = issue(settings.secret or "", "COUNTY_ADMIN", subject="dev-admin", days=1)
        print("DEVELOPMENT SECRET in use (GRAPH_SERVICE_SECRET unset): tokens are valid only on this machine.\n"
              f"COUNTY_ADMIN token for GraphiQL (headers tab): {{\"Authorization\": \"Bearer {token}\"}}", flush=True)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")
    return 0


def _roles() -> list[Any]:
    from graph_service.auth.principal import Role

    return list(Role)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="graph-service", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="prepare the database and serve GraphQL").set_defaults(run=cmd_serve)
    imp = sub.add_parser("import", help="load a dataset file (idempotent by code)")
    imp.add_argument("file")
    imp.add_argument("--reset", action="store_true", help="empty the database first")
    imp.set_defaults(run=cmd_import)
    gen = sub.add_parser("generate", help="write a synthetic county dataset")
    gen.add_argument("--households", type=int, required=True)
    gen.add_argument("--seed", type=int, default=1)
    gen.add_argument("--villages", type=int, default=None, help="default: about one per 870 households")
    gen.add_argument("-o", "--output", required=True)
    gen.set_defaults(run=cmd_generate)
    sub.add_parser("recompute", help="recompute every roll-up and freeze from the loans").set_defaults(run=cmd_recompute)
    sub.add_parser("systemic", help="rank villages by systemic risk (K3) and store it on them").set_defaults(run=cmd_systemic)
    bench = sub.add_parser("bench", help="benchmark a generated county against a naive baseline (issue 9)")
    bench.add_argument("--households", type=int, default=400_000)
    bench.add_argument("--seed", type=int, default=1)
    bench.add_argument("--json", dest="json_file", required=True, help="where to write the figures")
    bench.add_argument("--neo4j-uri", default=None, help="use this server (its database is wiped) instead of starting one")
    bench.add_argument("--neo4j-data", default=None, help="data folder of that server (for its memory and store size)")
    bench.add_argument("--samples", type=int, default=30, help="timed repetitions per latency figure")
    bench.set_defaults(run=cmd_bench)
    sub.add_parser("export-schema", help="print the GraphQL SDL").set_defaults(run=cmd_export_schema)
    tok = sub.add_parser("token", help="print a bearer token for a role (signed with GRAPH_SERVICE_SECRET)")
    tok.add_argument("--role", required=True, choices=[role.value for role in _roles()])
    tok.add_argument("--town", help="town code (TOWN_OFFICER)")
    tok.add_argument("--village", help="village code (VILLAGE_PANEL)")
    tok.add_argument("--bank", help="bank code (BANK_OFFICER)")
    tok.add_argument("--subject", help="who the token is for (recorded in the audit trail)")
    tok.add_argument("--days", type=float, default=30, help="validity in days (default 30)")
    tok.set_defaults(run=cmd_token)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
