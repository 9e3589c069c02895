"""Stage 5: figures with units, normalised, attached to the entity they describe.

A figure is a number or a range ("330-400", "10,000 to 40,000", "up to 30 million") with a
unit, which is normalised to the symbols of ontology/units.ttl (see data/README.md): "watt-hours
per kilogram" is Wh/kg, "kilometres" km, "tonnes a year" t/yr, "euros annually" EUR/yr, "mS/cm"
S/cm (scaled). The quantity kind comes from the unit and the words around it (a range in km is
a DrivingRange unless the text speaks of road tests), and the subject is the closest mention of
a category that can have that kind of figure (a capacity belongs to a line, a grant to a policy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.extraction.entities import Mention
from kg.extraction.lexicon import EntityInfo
from kg.extraction.units import CURRENCY_BEFORE, NUMBER_WORDS, UNIT_RE, figure_kind

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# fmt: off
_SCALES = {
    "thousand": Decimal(1000), "million": Decimal(10 ** 6), "billion": Decimal(10 ** 9),
    "trillion": Decimal(10 ** 12), "m": Decimal(10 ** 6), "bn": Decimal(10 ** 9), "k": Decimal(1000),
}
# fmt: on
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

_AMOUNT = re.compile(
    rf"(?P<cur>US\$|\$|€|¥|RMB ?|CNY ?|EUR ?|USD ?)?(?P<a>{_NUMBER}|{'|'.join(NUMBER_WORDS)})"
    r"(?:\s?(?P<scale_a>thousand|million|billion|trillion|bn|m|k)\b)?"
    rf"(?:\s?(?:-|–|to|and)\s?(?P=cur)?(?P<b>{_NUMBER})(?:\s?(?P<scale_b>thousand|million|billion|"
    rf"trillion|bn|m|k)\b)?)?"
    r"(?P<plus>\+|-plus)?(?P<space>\s?)"
)
_EXPONENT = re.compile(r"10⁻(?P<exp>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s?")
_RELATIVE = re.compile(
    r"\b(?P<word>twice|double|doubles|doubled|triple|tripled|threefold|fourfold|half)\b", re.I
)
# fmt: off
_RELATIVE_VALUE = {
    "twice": 2, "double": 2, "doubles": 2, "doubled": 2, "triple": 3, "tripled": 3, "threefold": 3,
    "fourfold": 4, "half": Decimal("0.5"),
}
# fmt: on

_COMPARATORS = [
    (
        re.compile(
            r"\b(?:more than|over|above|exceed\w*|surpass\w*|beyond|in excess of|upwards of|greater than)\s*$"
        ),
        ">",
    ),
    (re.compile(r"\b(?:at least|no less than|a minimum of)\s*$"), ">="),
    (
        re.compile(
            r"\b(?:up to|as much as|as many as|within|no more than|at most|a maximum of|to within)\s*$"
        ),
        "<=",
    ),
    (re.compile(r"\b(?:below|under|less than|fewer than|lower than)\s*$"), "<"),
    (
        re.compile(
            r"\b(?:about|around|approximately|roughly|nearly|almost|close to|some|an estimated|circa|~)\s*$"
        ),
        "~",
    ),
]


@dataclass(frozen=True)
class Figure:
    """A figure found in a sentence, before it is given a subject."""

    start: int
    end: int
    unit: str
    value: Decimal | None
    lower: Decimal | None
    upper: Decimal | None
    comparator: str
    kind: str | None


@dataclass(frozen=True)
class FoundQuantity:
    subject: str
    kind: str
    unit: str
    value: Decimal | None
    lower: Decimal | None
    upper: Decimal | None
    comparator: str
    rule: str
    confidence: float


# which categories may carry a kind of figure, most likely first
SUBJECTS: dict[str, tuple[str, ...]] = {
    "GravimetricEnergyDensity": ("product", "chem", "vehicle", "org"),
    "VolumetricEnergyDensity": ("product", "chem", "vehicle", "org"),
    "RelativeEnergyDensity": ("product", "chem", "org"),
    "DrivingRange": ("vehicle", "product", "chem", "org"),
    "RoadTestDistance": ("vehicle", "product", "org"),
    "CellCapacity": ("product", "chem", "line", "org"),
    "ProductionCapacity": ("line", "org"),
    "ChargeTime": ("product", "vehicle", "chem", "org"),
    "IonicConductivity": ("chem", "product"),
    "InterfaceResistance": ("process", "chem", "product"),
    "TestTemperature": ("product", "vehicle", "chem"),
    "CapacityRetention": ("product", "vehicle", "chem"),
    "RangeLoss": ("vehicle", "product", "chem"),
    "ProductionCost": ("chem", "product", "line"),
    "CostRatio": ("chem", "product"),
    "MaterialCost": ("chem", "product"),
    "VehiclePrice": ("vehicle", "chem"),
    "FundingAmount": ("policy", "org"),
    "InvestmentVolume": ("line", "org", "chem"),
    "InvestmentShare": ("chem", "policy", "org"),
    "MarketShare": ("org",),
    "SalesVolume": ("org", "vehicle"),
    "SalesChange": ("org",),
    "EnergySaving": ("process", "line"),
    "RiskReduction": ("org", "product", "chem"),
    "DevelopmentTime": ("process", "org", "product"),
    "SystemVoltage": ("vehicle", "chem", "product"),
    "PackEnergy": ("product", "vehicle", "chem"),
    "ConsumerShare": ("chem",),
}


def find_figures(text: str) -> list[Figure]:
    """Every figure with a recognisable unit in `text`."""
    figures: list[Figure] = []
    taken_until = -1
    for match in _EXPONENT.finditer(text):
        rest = text[match.end() :]
        for pattern, symbol, factor in UNIT_RE:
            unit = pattern.match(rest)
            if unit:
                value = Decimal(10) ** -int(match.group("exp").translate(_SUPERSCRIPT)) * factor
                end = match.end() + unit.end()
                figures.append(
                    Figure(
                        match.start(),
                        end,
                        symbol,
                        value,
                        None,
                        None,
                        _comparator(text, match.start()),
                        figure_kind(text, match.start(), end, symbol),
                    )
                )
                taken_until = end
                break
    for match in _AMOUNT.finditer(text) if _may_hold_amount(text) else ():
        if match.start() < taken_until or not match.group("a"):
            continue
        if match.start() > 0 and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "⁻"):
            continue
        figure = _figure(text, match)
        if figure is not None:
            figures.append(figure)
            taken_until = figure.end
    for match in _RELATIVE.finditer(text):
        kind = figure_kind(text, match.start(), match.end(), "times")
        if kind:
            value = Decimal(_RELATIVE_VALUE[match.group("word").lower()])
            comparator = (
                "~"
                if re.search(r"(?:nearly|almost|about|roughly|around)\s*$", text[: match.start()])
                else "="
            )
            figures.append(Figure(match.start(), match.end(), "times", value, None, None, comparator, kind))
    return sorted(figures, key=lambda f: f.start)


_DIGIT = re.compile(r"\d")  # the digits _NUMBER's \d matches (any script's)


def _may_hold_amount(text: str) -> bool:
    """False for a text _AMOUNT cannot match: one without a digit or a number word (two sentences
    in five); testing that is several times faster than the pattern, tried at every position."""
    return _DIGIT.search(text) is not None or any(word in text for word in NUMBER_WORDS)


def _figure(text: str, match: re.Match[str]) -> Figure | None:
    rest = text[match.end() :]
    currency = CURRENCY_BEFORE.get((match.group("cur") or "").strip())
    symbol, factor, unit_end = None, Decimal(1), match.end()
    for pattern, candidate, candidate_factor in UNIT_RE:
        unit = pattern.match(rest)
        if unit and not (match.group("space") and candidate in ("V",) and not unit.group().strip()):
            symbol, factor, unit_end = candidate, candidate_factor, match.end() + unit.end()
            break
    if currency and (symbol is None or symbol == "count"):
        symbol, factor, unit_end = currency, Decimal(1), match.end()
        tail = re.match(r"\s?(?:a|per|each) year|\s?annually", rest)
        if currency == "EUR" and tail:
            symbol, unit_end = "EUR/yr", match.end() + tail.end()
    if symbol is None:
        return None
    if symbol == "count" and not re.search(
        r"\b(?:sold|sales|deliver\w*|shipped|orders)\b", text[: match.start()][-60:]
    ):
        return None
    a = _number(match.group("a"), match.group("scale_a") or match.group("scale_b"))
    b = _number(match.group("b"), match.group("scale_b")) if match.group("b") else None
    if a is None:
        return None
    if symbol in ("%",) and a > 1000:
        return None
    if b is None and symbol not in ("°C", "%") and 1900 <= a <= 2100 and "," not in match.group("a"):
        return None  # a year, not a figure
    comparator = _comparator(text, match.start())
    if match.group("plus"):
        comparator = ">"
    if re.match(r"\s?(?:and above|or more|and up|or higher)", text[unit_end:]):
        comparator = ">="
    value = lower = upper = None
    if b is not None and b > a:
        lower, upper = a * factor, b * factor
    else:
        value = a * factor
    if symbol == "°C" and text[max(0, match.start() - 1) : match.start()] == "-":
        value = -value if value is not None else None
    kind = figure_kind(text, match.start(), unit_end, symbol)
    return Figure(match.start(), unit_end, symbol, value, lower, upper, comparator, kind)


def _number(text: str | None, scale: str | None) -> Decimal | None:
    if text is None:
        return None
    value = Decimal(NUMBER_WORDS[text]) if text in NUMBER_WORDS else Decimal(text.replace(",", ""))
    return value * _SCALES[scale] if scale else value


def _comparator(text: str, start: int) -> str:
    before = text[max(0, start - 25) : start].lower()
    before = re.sub(r"\s*[-]?$", " ", before).rstrip() + " "
    for pattern, comparator in _COMPARATORS:
        if pattern.search(before.rstrip()):
            return comparator
    return "="


def find_quantities(
    text: str, mentions: list[Mention], entities: dict[str, EntityInfo], subject_hint: str | None = None
) -> list[FoundQuantity]:
    """Figures of `text` attached to the entity each describes.

    The subject is the entity named right after a figure by "by" or "of" ("51% owned by Hanul"),
    else the sentence's subject when an organisation is wanted, else the closest mention of the
    most likely category before the figure.
    """
    found = []
    for figure in find_figures(text):
        if figure.kind is None:
            continue
        subject = _named_after(text, figure, mentions, entities) or _subject(
            figure, mentions, entities, subject_hint, text
        )
        if subject is None:
            continue
        found.append(
            FoundQuantity(
                subject,
                figure.kind,
                figure.unit,
                figure.value,
                figure.lower,
                figure.upper,
                figure.comparator,
                f"figure-{figure.unit}",
                0.7,
            )
        )
    return found


_AFTER = re.compile(r"^\s?(?:owned |held |put in |invested |pledged )?by $")


def _named_after(
    text: str, figure: Figure, mentions: list[Mention], entities: dict[str, EntityInfo]
) -> str | None:
    allowed = SUBJECTS.get(figure.kind or "", ())
    for m in mentions:
        if m.start >= figure.end and _AFTER.match(text[figure.end : m.start]) and m.category in allowed:
            return m.entity if "+" not in m.entity else None
    return None


_BASELINE = re.compile(
    r"(?:\bthan|\bthat of|\bthose of|\bcompared (?:to|with)|\bversus|\bvs\.?|\bagainst)\s*(?:the |today's "
    r"|traditional |existing |current )*$"
)


def _subject(
    figure: Figure,
    mentions: list[Mention],
    entities: dict[str, EntityInfo],
    hint: str | None = None,
    text: str = "",
) -> str | None:
    """The closest mention before the figure of the likeliest category (else the closest after it).

    A product or vehicle named in the sentence comes first; then the organisation the sentence is
    about, when the kind of figure can be an organisation's; a baseline ("than liquid cells", "that of
    existing batteries") is never the subject.
    """
    preferred = SUBJECTS.get(figure.kind or "", ())
    order = [c for c in preferred if c in ("product", "vehicle", "line", "policy", "process")]
    order += [c for c in preferred if c not in order]
    for category in order:
        if category == "org" and hint and any(m.entity == hint for m in mentions):
            return hint
        near = [
            m
            for m in mentions
            if m.category == category
            and "+" not in m.entity
            and _fits(m, figure, entities)
            and not _BASELINE.search(text[max(0, m.start - 40) : m.start])
        ]
        if near:
            before = [m for m in near if m.end <= figure.start]
            chosen = before[-1] if before else min(near, key=lambda m: m.start - figure.end)
            return chosen.entity
        if (
            category in ("product", "vehicle")
            and hint
            and "org" in preferred
            and any(m.entity == hint for m in mentions)
        ):
            continue
    return None


def _fits(mention: Mention, figure: Figure, entities: dict[str, EntityInfo]) -> bool:
    info = entities.get(mention.entity)
    if info is None:
        return False
    return not (info.category == "chem" and info.chem_group == "material" and figure.kind != "ProductionCost")
