"""Stage 6, dates: years, days and relative expressions, and milestones with a status."""

from datetime import date

from kg.extraction.dates import find_dates
from kg.extraction.milestones import find_milestones

from .extraction_helpers import lexicon, matcher

TODAY = date(2025, 3, 4)


def years(text: str, today=TODAY) -> list[tuple]:
    return [(w.start_year, w.end_year, w.on_date) for w in find_dates(text, today)]


def test_years_ranges_and_days():
    assert years("between 2027 and 2030") == [(2027, 2030, None)]
    assert years("in 2027 or 2028") == [(2027, 2028, None)]
    assert years("on July 30, 2020") == [(2020, 2020, date(2020, 7, 30))]
    assert years("after 2030") == [(2031, None, None)]


def test_relative_expressions_are_resolved_against_the_article_date():
    assert years("by the end of next year") == [(2026, 2026, None)]
    assert years("sales fell last year") == [(2024, 2024, None)]
    assert years("by the end of the decade") == [(2030, 2030, None)]
    assert years("founded four years ago") == [(2021, 2021, None)]
    assert years("On April 10 it said") == [(2025, 2025, date(2025, 4, 10))]


def test_an_undated_article_leaves_relative_expressions_without_a_year():
    assert years("later this year", today=None) == [(None, None, None)]


def milestones(text: str, today=TODAY) -> set[tuple]:
    found = find_milestones(text, matcher().find(text), lexicon().entities, today)
    return {(m.subject, m.kind, m.status, m.start_year, m.end_year, m.concerns) for m in found}


def test_a_planned_milestone_in_the_future():
    assert ("honda", "MassProduction", "Planned", 2028, 2028, None) in milestones(
        "Honda plans mass production in 2028."
    )


def test_an_achieved_milestone_in_the_past():
    found = milestones("Skarven Cells was founded in 2019.")
    assert ("skarven-cells", "Founding", "Achieved", 2019, 2019, None) in found


def test_the_milestone_concerns_the_product_or_line_named():
    found = milestones("Nissan expects mass production of the Kestrel cell by the end of the decade.")
    assert ("nissan", "MassProduction", "Planned", 2030, 2030, "kestrel-cell") in found


def test_a_status_from_the_wording():
    found = milestones("Honda's line in Sakura is in trial production this month.")
    assert any(m[1] == "PilotProduction" and m[2] == "TrialProduction" and m[3] == 2025 for m in found)
