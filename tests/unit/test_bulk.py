"""graph.bulk.write_batches: every batch written once, never more than `in_flight` at a time, the
next batch built meanwhile, and an error reported only after the writes in flight have ended."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from graph_service.graph import bulk


class FakeGraph:
    def __init__(self, fail_on: int | None = None) -> None:
        self.written: list[int] = []
        self.active = 0
        self.most = 0
        self.fail_on = fail_on

    async def write(self, name: str, /, **params: Any) -> list[dict[str, Any]]:
        self.active += 1
        self.most = max(self.most, self.active)
        await asyncio.sleep(0.01)
        self.active -= 1
        if params["n"] == self.fail_on:
            raise RuntimeError("boom")
        self.written.append(params["n"])
        return []


def batches(count: int, built: list[int]) -> Iterator[dict[str, Any]]:
    for n in range(count):
        built.append(n)
        yield {"n": n}


@pytest.mark.parametrize("in_flight", [1, 2, 3])
async def test_every_batch_once_and_at_most_in_flight_at_a_time(in_flight: int) -> None:
    graph, built, done = FakeGraph(), [], []
    await bulk.write_batches(graph, "q", batches(7, built), on_done=lambda p: done.append(p["n"]),  # type: ignore[arg-type]
                             in_flight=in_flight)
    assert sorted(graph.written) == list(range(7)) and sorted(done) == list(range(7))
    assert graph.most == in_flight


async def test_an_error_is_raised_after_the_writes_in_flight_end() -> None:
    graph, built = FakeGraph(fail_on=2), []
    with pytest.raises(RuntimeError, match="boom"):
        await bulk.write_batches(graph, "q", batches(10, built), in_flight=2)  # type: ignore[arg-type]
    assert graph.active == 0
    assert len(built) < 10  # stopped building once a batch failed


def test_import_batches_keep_a_village_in_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two household batches in flight must not share a village (a dense node both would lock)."""
    from graph_service.graph import importer

    monkeypatch.setattr(importer, "BATCH", 5)
    villages = list("aaabbcccccccdd") + ["a"]
    batches = [list(b) for b in importer._batches(villages, key=lambda v: v)]
    assert sorted(v for b in batches for v in b) == sorted(villages)
    owners = {v: {i for i, b in enumerate(batches) if v in b} for v in villages}
    assert all(len(found) == 1 for found in owners.values())
    assert all(len(b) <= 5 or len(set(b)) == 1 for b in batches)  # only a single big village exceeds BATCH
    assert [sorted(set(b)) for b in importer._batches(list("aabbcc"), key=lambda v: v)] == [["a", "b"], ["c"]]
    assert [len(b) for b in importer._batches(list(range(12)))] == [5, 5, 2]
