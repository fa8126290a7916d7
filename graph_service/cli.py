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
    if sys.stderr.isatty():
        width = 30
        filled = width * done // max(total, 1)
        print(f"\r  {name:<12} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end="", file=sys.stderr)
        if done >= total:
            print(file=sys.stderr)


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


def cmd_generate(args: argparse.Namespace) -> int:
    from graph_service.dataset.generator import generate

    document = generate(households=args.households, seed=args.seed, villages=args.villages)
    Path(args.output).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    counts = {key: len(value) for key, value in document.items() if isinstance(value, list)}
    print(json.dumps({"written": args.output, **counts}, ensure_ascii=False))
    return 0


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

    await _with_graph(settings, work)


def cmd_serve(_: argparse.Namespace) -> int:
    import uvicorn

    from graph_service.app import create_app

    settings = _settings()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    asyncio.run(prepare(settings))
    print(f"GraphQL (GraphiQL in a browser): http://{settings.host}:{settings.port}/graphql", flush=True)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")
    return 0


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
    sub.add_parser("export-schema", help="print the GraphQL SDL").set_defaults(run=cmd_export_schema)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
