"""Units and kinds of figures: what a unit is called in news copy, and what a figure measures.

Each spelling of a unit maps to the symbol of ontology/units.ttl (see data/README.md) and a
factor ("mAh" is Ah times 0.001, "MWh" kWh times 1000). The kind of a figure comes from its unit
and the words around it: a distance "on a single charge" is a driving range, one "covered in road
tests" a road-test distance; a sum of money near "grant" is funding, near "price" a vehicle price.
"""

from __future__ import annotations

import re
from decimal import Decimal

# numbers news copy writes as words: in figures ("two million") and in dates ("three years ago")
# fmt: off
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twelve": 12, "twenty": 20, "fifty": 50, "hundred": 100,
}
# fmt: on

# unit pattern -> (symbol, factor); tried in order, so longer spellings come first
_UNITS: list[tuple[str, str, Decimal]] = [
    (r"Wh ?/ ?kg|Wh per (?:kg|kilogram)|watt-hours? per kilogram", "Wh/kg", Decimal(1)),
    (r"Wh ?/ ?[lL]\b|Wh per (?:litre|liter|L)\b|watt-hours? per (?:litre|liter)", "Wh/L", Decimal(1)),
    (r"GWh\b(?:(?: a| per| each)? year|/yr|/year| annually)?", "GWh", Decimal(1)),
    (r"MWh\b", "kWh", Decimal(1000)),
    (r"kWh\b", "kWh", Decimal(1)),
    (r"mAh\b", "Ah", Decimal("0.001")),
    (r"Ah\b", "Ah", Decimal(1)),
    (
        r"(?:metric )?(?:tonnes|tons|tonne|ton|t)\b(?: of [\w -]{0,40}?)?,? (?:a|per|each|every) year|"
        r"(?:metric )?(?:tonnes|tons)\b(?: of [\w -]{0,40}?)? (?:annually|per annum|yearly)|t/yr|t/a\b|tpa\b",
        "t/yr",
        Decimal(1),
    ),
    (r"°C|℃|degrees? Celsius|degrees? C\b", "°C", Decimal(1)),
    (r"%|percent\b|per cent\b", "%", Decimal(1)),
    (r"minutes\b|mins?\b", "min", Decimal(1)),
    (r"months?\b", "month", Decimal(1)),
    (r"mS ?/ ?cm", "S/cm", Decimal("0.001")),
    (r"S ?/ ?cm", "S/cm", Decimal(1)),
    (r"Ω ?·? ?cm²|Ω ?·? ?cm2|ohm[- ]cm(?:2|²)", "Ω·cm²", Decimal(1)),
    (r"-?volts?\b|V\b", "V", Decimal(1)),
    (r"(?:kilomet(?:er|re)s?|km)\b", "km", Decimal(1)),
    (r"miles?\b|mi\b", "mi", Decimal(1)),
    (r"yuan ?/ ?Wh|yuan per (?:Wh|watt-hour)", "CNY/Wh", Decimal(1)),
    (r"yuan(?: per (?:kilogram|kg)| ?/ ?kg)", "CNY/kg", Decimal(1)),
    (r"euros? (?:a|per|each) year|euros? annually", "EUR/yr", Decimal(1)),
    (r"yuan|RMB\b|CNY\b|renminbi", "CNY", Decimal(1)),
    (r"euros?\b|EUR\b", "EUR", Decimal(1)),
    (r"(?:US |U\.S\. )?dollars?\b|USD\b", "USD", Decimal(1)),
    (r"times\b|-?fold\b", "times", Decimal(1)),
    (
        r"(?:new |full-electric |electric |fully electric )?(?:cars|vehicles|units|EVs|BEVs)\b",
        "count",
        Decimal(1),
    ),
]
UNIT_RE = [(re.compile(pattern), symbol, factor) for pattern, symbol, factor in _UNITS]
CURRENCY_BEFORE = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "¥": "CNY",
    "RMB": "CNY",
    "CNY": "CNY",
    "EUR": "EUR",
    "USD": "USD",
}


_KIND_CUES: list[tuple[str, tuple[str, ...], str]] = [
    ("km", (r"on (?:a|one|a single) charge",), "DrivingRange"),
    ("mi", (r"on (?:a|one|a single) charge",), "DrivingRange"),
    # unit, cue pattern, kind: the first whose cue is near the figure wins; "" = default for the unit
    (
        "km",
        (r"road[- ]test|tested|covered|logged|test drive|on public roads|fleet|drove|driven",),
        "RoadTestDistance",
    ),
    (
        "mi",
        (r"road[- ]test|tested|covered|logged|test drive|on public roads|fleet|drove|driven",),
        "RoadTestDistance",
    ),
    ("km", ("",), "DrivingRange"),
    ("mi", ("",), "DrivingRange"),
    ("Wh/kg", ("",), "GravimetricEnergyDensity"),
    ("Wh/L", ("",), "VolumetricEnergyDensity"),
    ("GWh", ("",), "ProductionCapacity"),
    ("t/yr", ("",), "ProductionCapacity"),
    ("Ah", ("",), "CellCapacity"),
    ("kWh", ("",), "PackEnergy"),
    ("°C", ("",), "TestTemperature"),
    ("min", (r"charg",), "ChargeTime"),
    ("month", (r"R&D|develop|cycle|research",), "DevelopmentTime"),
    ("S/cm", ("",), "IonicConductivity"),
    ("Ω·cm²", ("",), "InterfaceResistance"),
    ("V", ("",), "SystemVoltage"),
    ("CNY/Wh", ("",), "ProductionCost"),
    ("CNY/kg", ("",), "ProductionCost"),
    ("EUR/yr", ("",), "FundingAmount"),
    ("count", (r"sold|sales|deliver",), "SalesVolume"),
    ("%", (r"market share|share of the (?:\w+ )?market|accounted for|of global|market",), "MarketShare"),
    ("%", (r"capacity retention|retention|retain",), "CapacityRetention"),
    ("%", (r"range (?:loss|degradation|drop)|of (?:its|their) range|range",), "RangeLoss"),
    ("%", (r"energy consumption|energy saving|energy use",), "EnergySaving"),
    ("%", (r"risk",), "RiskReduction"),
    ("%", (r"year-on-year|year on year|sales|plunge|fell|rose|slump|jump",), "SalesChange"),
    ("%", (r"consumers|respondents|drivers|buyers",), "ConsumerShare"),
    ("%", (r"directed|financing|funding|investment|stake|owned|cost",), "InvestmentShare"),
    ("times", (r"energy density|energy|store|hold",), "RelativeEnergyDensity"),
    ("times", (r"charg",), "ChargeTime"),
    ("times", (r"cost|price|expensive",), "CostRatio"),
    ("times", (r"impedance|resistance",), "InterfaceResistance"),
]
_MONEY_CUES = [
    (r"material cost|in material", "MaterialCost"),
    (r"funding round|investors?\b|invest|financ|raised?|raising|put in|capital", "InvestmentVolume"),
    (r"grant|subsid|award|fund(?:s|ed|ing)?\b|pledg", "FundingAmount"),
    (r"price|priced|start at|sell for", "VehiclePrice"),
    (r"cost|spend", "InvestmentVolume"),
]


def figure_kind(text: str, start: int, end: int, unit: str) -> str | None:
    window = text[max(0, start - 70) : min(len(text), end + 40)].lower()
    if re.search(r"\bshares?\b|stock|share price", text[max(0, start - 40) : start].lower()) and unit == "%":
        return None  # a share price move says nothing about the industry's figures
    if unit in ("CNY", "EUR", "USD"):
        if re.search(r"material cost", window):
            return "MaterialCost"
        for cue, kind in _MONEY_CUES:
            if re.search(cue, window):
                return kind
        return None
    for cue_unit, cues, kind in _KIND_CUES:
        if cue_unit == unit and any(re.search(c, window) if c else True for c in cues):
            return kind
    return None
