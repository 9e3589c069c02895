"""Stage 5, quantities: numbers with units, normalised, attached to what they describe."""

from decimal import Decimal

import pytest

from kg.extraction.quantities import find_figures, find_quantities

from .extraction_helpers import lexicon, matcher


def figures(text: str) -> list[tuple]:
    return [(f.unit, f.value, f.lower, f.upper, f.comparator, f.kind) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "cells of 410 watt-hours per kilogram",
            ("Wh/kg", Decimal(410), None, None, "=", "GravimetricEnergyDensity"),
        ),
        ("more than 800 Wh/L", ("Wh/L", Decimal(800), None, None, ">", "VolumetricEnergyDensity")),
        ("a range of 1,050 kilometres", ("km", Decimal(1050), None, None, "=", "DrivingRange")),
        ("road tests over 150,000 miles", ("mi", Decimal(150000), None, None, ">", "RoadTestDistance")),
        ("up to 40 GWh a year", ("GWh", Decimal(40), None, None, "<=", "ProductionCapacity")),
        (
            "1,200 tonnes of electrolyte a year",
            ("t/yr", Decimal(1200), None, None, "=", "ProductionCapacity"),
        ),
        ("cells of 4,500 mAh", ("Ah", Decimal("4.5"), None, None, "=", "CellCapacity")),
        ("tested at -20°C", ("°C", Decimal(-20), None, None, "=", "TestTemperature")),
        ("a grant of 38 million euros", ("EUR", Decimal(38000000), None, None, "=", "FundingAmount")),
        ("costs 1.9 to 6.2 yuan/Wh", ("CNY/Wh", None, Decimal("1.9"), Decimal("6.2"), "=", "ProductionCost")),
        ("charged in roughly 15 minutes", ("min", Decimal(15), None, None, "~", "ChargeTime")),
        ("conductivity of 12 mS/cm", ("S/cm", Decimal("0.012"), None, None, "=", "IonicConductivity")),
        ("an 800-volt platform", ("V", Decimal(800), None, None, "=", "SystemVoltage")),
        ("it sold 41,000 cars", ("count", Decimal(41000), None, None, "=", "SalesVolume")),
        ("hold twice as much energy", ("times", Decimal(2), None, None, "=", "RelativeEnergyDensity")),
        # no digit at all: a number word, or digits of another script, are figures too
        ("it sold two million cars", ("count", Decimal(2000000), None, None, "=", "SalesVolume")),
        ("a grant of five million euros", ("EUR", Decimal(5000000), None, None, "=", "FundingAmount")),
        ("a range of ٥٠٠ kilometres", ("km", Decimal(500), None, None, "=", "DrivingRange")),
    ],
)
def test_units_are_normalised_and_kinds_recognised(text, expected):
    assert expected in figures(text)


def test_a_year_is_not_a_figure():
    assert figures("Production starts in 2027 and 2028.") == []


def test_a_figure_goes_to_the_entity_it_describes():
    text = (
        "Skarven Cells says the Kestrel cell stores 410 Wh/kg, and its Trondheim plant makes 0.5 GWh a year."
    )
    found = {(q.subject, q.kind) for q in find_quantities(text, matcher().find(text), lexicon().entities)}
    assert ("kestrel-cell", "GravimetricEnergyDensity") in found
    assert ("skarven-cells", "ProductionCapacity") in found
