"""Named Cypher queries, one `.cypher` file each under `cypher/` (the aiosql habit).

Each file opens with `//` comment lines that say what it does, its parameters and what it returns;
the query's name is the file name. Python code refers to queries by name only, never by text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from graph_service import PROJECT_ROOT


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    doc: str


class QueryNotFound(KeyError):
    pass


def _cypher_dir() -> Path:
    return Path(os.environ.get("GRAPH_SERVICE_CYPHER_DIR", PROJECT_ROOT / "cypher"))


def parse(name: str, source: str) -> Query:
    doc_lines = []
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        doc_lines.append(stripped.lstrip("/").strip())
    if not doc_lines:
        raise ValueError(f"cypher/{name}.cypher must open with a comment saying what it does")
    return Query(name=name, text=source.strip(), doc="\n".join(doc_lines))


class QueryLibrary:
    """All queries of a folder (recursively), loaded once; `library["name"]` returns a Query."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder or _cypher_dir()
        self._queries: dict[str, Query] = {}
        for path in sorted(self._folder.rglob("*.cypher")):
            name = path.stem
            if name in self._queries:
                raise ValueError(f"two queries are named {name!r}")
            self._queries[name] = parse(name, path.read_text(encoding="utf-8"))

    def __getitem__(self, name: str) -> Query:
        try:
            return self._queries[name]
        except KeyError:
            raise QueryNotFound(f"no cypher/{name}.cypher") from None

    def __contains__(self, name: object) -> bool:
        return name in self._queries

    def names(self) -> list[str]:
        return sorted(self._queries)


_library: QueryLibrary | None = None


def library() -> QueryLibrary:
    global _library
    if _library is None:
        _library = QueryLibrary()
    return _library
