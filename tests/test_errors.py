"""What an error message shows of what the user typed."""

import pytest

from kg.errors import quoted, shortened


@pytest.mark.parametrize("limit", [0, 1, 2, 3, 4, 5, 10, 60])
def test_a_shortened_text_keeps_within_its_limit_and_shows_it_was_cut(limit):
    text = "abcdefghij" * 20
    cut = shortened(text, limit)
    assert len(cut) <= max(limit, 1) and "…" in cut
    head, _, tail = cut.partition("…")
    assert text.startswith(head) and text.endswith(tail)


def test_a_short_text_is_left_whole_and_quoted():
    assert shortened("partners") == "partners" and quoted("partners") == "'partners'"
    assert shortened("x" * 60) == "x" * 60 and len(shortened("x" * 61)) == 60
