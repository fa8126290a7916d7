"""The terminal progress bar of generate and import: its text, and silence off a terminal."""

from __future__ import annotations

import io

from graph_service.progress import bar, render


def test_render_shows_share_counts_rate_and_eta() -> None:
    text = render("households", 100_000, 400_000, elapsed=10.0)
    assert "25.0%" in text and "100,000/400,000" in text and "10,000/s" in text and "ETA 0:30" in text
    assert text.count("#") == 7  # a quarter of the 28-character bar


def test_render_when_done_shows_the_elapsed_time() -> None:
    text = render("loans", 10, 10, elapsed=75.0)
    assert "100.0%" in text and "1:15 elapsed" in text and "#" * 28 in text


def test_nothing_is_printed_when_the_stream_is_not_a_terminal() -> None:
    out = io.StringIO()
    bar("households", 1, 2, stream=out)
    bar("households", 2, 2, stream=out)
    assert out.getvalue() == ""


def test_render_before_any_rate_is_known_shows_no_eta() -> None:
    assert "ETA --:--" in render("towns", 0, 26, elapsed=0.0)
