"""Generate a synthetic corpus of solid-state battery news articles for the ingest benchmark.

Each article is plain text: a headline, a dateline (a few are undated), and paragraphs built
from sentence templates with slots for companies, routes, figures, dates and places. The slots
mix entities of the registry (data/entities.yaml) with invented names, so an ingest sees both
known players and candidates to discover, about 60/40. Output is a pure function of the seed
and the registry: the same seed gives byte-identical files.

    python benchmarks/generate_articles.py OUT_DIR [-n 1000] [--seed 7] [--registry FILE]
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script from anywhere: the kg package is next door
    sys.path.insert(0, str(REPO))

from kg.registry import Entity, load_registry  # noqa: E402

KNOWN_SHARE = 0.6  # how often a slot is filled with a registry entity rather than a new name
UNDATED_SHARE = 0.05
GLUED_SHARE = 0.04  # sentences joined without a space after the full stop ("line.The")

ROUTES = ("sulfide", "oxide", "polymer", "halide", "semi-solid", "LLZO", "lithium-metal")
ELECTROLYTES = ("sulfide", "oxide", "halide", "polymer", "argyrodite", "garnet")
CURRENCIES = (("million euros", 1), ("million dollars", 1), ("million yuan", 8))

_STEMS = ("Arven", "Baltor", "Celest", "Dravo", "Eskar", "Fenwa", "Gorran", "Halvik", "Istra", "Jorun")
_STEMS += ("Kaltor", "Lumera", "Marden", "Norvik", "Orsa", "Pellin", "Quorra", "Rastad", "Solvane")
_STEMS += ("Torvik", "Ulmar", "Vantor", "Wexa", "Yarrow", "Zenlo", "Amsel", "Brisca", "Corvane")
_MAKER_SUFFIXES = ("Energy", "Power", "Cells", "Battery", "New Energy", "Battery Technology Co., Ltd.")
_SUPPLIER_SUFFIXES = ("Lithium", "Materials", "Chemical", "Advanced Materials", "Lithium Group")
_AUTOMAKER_SUFFIXES = ("Motor", "Motors", "Auto", "Automotive", "Motor Group")
_INVESTOR_SUFFIXES = ("Capital", "Ventures", "Partners", "Holdings", "Group")
_MODELS = ("S5", "Aero", "Vela", "GT", "X7", "Nova", "Crest", "E9", "Lynx", "Tern", "Pulse", "Ridge")
_FIRST = ("Lena", "Marco", "Aiko", "Tomas", "Priya", "Chen", "Ines", "Jonas", "Sara", "Kenji", "Ola")
_LAST = ("Hartmann", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Rossi", "Park", "Novak", "Silva")
_CITIES = ("Gdansk", "Valencia", "Ostrava", "Pune", "Tampere", "Graz", "Kyoto", "Busan", "Hefei")


@dataclass(frozen=True)
class Cast:
    """The names one article uses, drawn once so its sentences agree with each other."""

    maker: str
    partner: str
    supplier: str
    automaker: str
    investor: str
    government: str
    vehicle: str
    known_vehicle: str
    person: str
    city: str
    route: str
    other_route: str
    electrolyte: str
    joint_venture: str


class Names:
    """Registry names by role, and a source of invented ones."""

    def __init__(self, registry: dict[str, Entity], rng: random.Random) -> None:
        def named(*types: str) -> list[str]:
            return [e.name for e in registry.values() if set(e.types) & set(types)]

        self.rng = rng
        self.makers = named("BatteryMaker")
        self.suppliers = named("MaterialSupplier", "MiningCompany")
        self.automakers = named("Automaker")
        self.governments = named("GovernmentBody")
        self.vehicles = named("Vehicle")
        self.places = [e.name for e in registry.values() if "Place" in e.types and e.part_of]

    def pick(self, known: list[str], invent: str) -> str:
        """A registry name (most of the time) or an invented one of the same kind."""
        if known and self.rng.random() < KNOWN_SHARE:
            return self.rng.choice(known)
        return self.invent(invent)

    def invent(self, kind: str) -> str:
        stem = self.rng.choice(_STEMS) + self.rng.choice(("", "a", "is", "on", "ex"))
        suffixes = {
            "maker": _MAKER_SUFFIXES,
            "supplier": _SUPPLIER_SUFFIXES,
            "automaker": _AUTOMAKER_SUFFIXES,
            "investor": _INVESTOR_SUFFIXES,
        }[kind]
        return f"{stem} {self.rng.choice(suffixes)}"

    def cast(self) -> Cast:
        rng = self.rng
        maker = self.pick(self.makers, "maker")
        automaker = self.pick(self.automakers, "automaker")
        automaker_short = automaker.split()[0]  # model names follow the maker's short name
        route, other_route = rng.sample(ROUTES, 2)
        return Cast(
            maker=maker,
            partner=self.pick(self.makers, "maker"),
            supplier=self.pick(self.suppliers, "supplier"),
            automaker=automaker,
            investor=self.pick(self.automakers + self.suppliers, "investor"),
            government=rng.choice(self.governments) if self.governments else "The government",
            vehicle=f"{automaker_short} {rng.choice(_MODELS)}",
            known_vehicle=rng.choice(self.vehicles) if self.vehicles else "new model",
            person=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
            city=rng.choice(self.places + list(_CITIES)),
            route=route,
            other_route=other_route,
            electrolyte=rng.choice(ELECTROLYTES),
            joint_venture=f"{rng.choice(_STEMS)}{rng.choice(('tek', 'cell', 'volt'))} Solid Power",
        )


# Story types: a headline and the sentences that tell the story, in order. Slots in braces are
# filled per article; {year+k} is k years after the dateline's year.
STORIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "licence": (
        "{maker} licenses its {route} cell design to {partner}",
        (
            "{maker} has licensed its {route} battery technology to {partner}, which will build the cells"
            " under its own name.",
            "Under the licence, {partner} may produce up to {gwh} GWh a year of cells of the {maker} design.",
            "{maker} will collect royalties on every cell instead of building plants of its own.",
            "{partner} expects to start pilot production next year.",
        ),
    ),
    "pilot-plant": (
        "{investor}-backed {maker} opens a pilot plant in {city}",
        (
            "The {investor}-backed startup {maker} has opened a pilot plant in {city} that can make"
            " {tonnes} tonnes a year of {electrolyte} electrolyte.",
            "{maker} raised {money} in its latest funding round, led by {investor}.",
            "A second line with a capacity of {gwh} GWh a year is planned for {year+2}.",
        ),
    ),
    "vehicle": (
        "{automaker} fits a semi-solid pack to the {vehicle}",
        (
            "{automaker} has started taking orders for the {vehicle}, which carries a {kwh} kWh"
            " semi-solid battery pack from {maker}.",
            "The car is rated at {km} km on the CLTC cycle.",
            "In road tests, prototypes of the {vehicle} covered {miles} miles on a single charge.",
            "Prices start at {price} yuan, and deliveries are due to begin next month.",
        ),
    ),
    "grant": (
        "{government} funds {maker}'s {route} research",
        (
            "{government} awarded {maker} a grant of {money} in {year} to scale up its {route} cells.",
            "The grant covers about {pct}% of the cost of the project.",
            "{city}-based {maker} plans to use the money for a line of {gwh} GWh a year, due in {year+2}.",
        ),
    ),
    "joint-venture": (
        "{maker} and {partner} form a solid-state joint venture",
        (
            "{maker} and {partner} agreed to set up a joint venture, {joint_venture}, to make"
            " solid-state cells.",
            "{joint_venture} will be {stake}% owned by {maker}, with {partner} holding the rest.",
            "The partners will invest a combined {money} over three years in a plant in {city}.",
            "Most of the output will go to {automaker}.",
        ),
    ),
    "supply": (
        "{supplier} to supply {electrolyte} electrolyte to {maker}",
        (
            "{supplier} will supply {electrolyte} electrolyte to {maker} from {year+1} under a"
            " five-year contract.",
            "{maker}'s {electrolyte} supplier {supplier} is expanding its plant in {city} to"
            " {tonnes} tonnes a year to keep up.",
            "{maker} in turn supplies cells to {automaker}.",
        ),
    ),
    "route": (
        "{maker} adds {other_route} cells to its {route} plans",
        (
            "{maker}, which had focused on {route} electrolytes, said it would also develop"
            " {other_route} cells.",
            "Its engineers expect the new cells to reach {lo}-{hi} Wh/kg at cell level.",
            "The company aims for mass production by the end of the decade.",
        ),
    ),
    "road-test": (
        "{automaker} road-tests solid-state cells from {maker}",
        (
            "{automaker} said prototypes fitted with {route} cells from {maker} covered {miles} miles"
            " on one charge.",
            "In cold-weather tests at -{cold}°C the cars lost less than {loss}% of their range.",
            "{automaker} plans to launch its first car with the cells in {year+3}, {person} said.",
        ),
    ),
}

# Sentences that stand on their own, added to any story.
EXTRAS = (
    "The cells store about {whkg} Wh/kg and can be charged from 10% to 80% in {minutes} minutes.",
    "{person}, chief executive of {maker}, said costs would fall as output grows.",
    "{investor} invested {money} in {maker} last year.",
    "{automaker} is working with {maker} on {route} cells for its next platform.",
    "Mass production is planned for {year+2}.",
    "The plant in {city} is expected to employ about {staff} people.",
    "The {known_vehicle} is among the models expected to get solid-state cells later.",
    "{maker} has been working on {route} electrolytes since {year-3}.",
)

FILLERS = (
    "Analysts expect prices to fall as more plants come on line.",
    "The company did not say how much the project would cost.",
    "Neither side disclosed the financial terms of the agreement.",
    "Several rivals are chasing similar targets with different chemistries.",
    "Shares in the company rose after the announcement.",
    "Industry groups have called for common safety standards for the new cells.",
)


def render(template: str, cast: Cast, year: int, rng: random.Random) -> str:
    """Fill one template's slots for this article."""
    values = {
        "maker": cast.maker,
        "partner": cast.partner,
        "supplier": cast.supplier,
        "automaker": cast.automaker,
        "investor": cast.investor,
        "government": cast.government,
        "vehicle": cast.vehicle,
        "known_vehicle": cast.known_vehicle,
        "person": cast.person,
        "city": cast.city,
        "route": cast.route,
        "other_route": cast.other_route,
        "electrolyte": cast.electrolyte,
        "joint_venture": cast.joint_venture,
        "year": str(year),
        "year-3": str(year - 3),
        "year+1": str(year + 1),
        "year+2": str(year + 2),
        "year+3": str(year + 3),
        "gwh": str(rng.choice((0.2, 0.5, 1, 2, 4, 8, 10, 20, 40))),
        "tonnes": f"{rng.randrange(10, 2001, 10):,}",
        "money": _money(rng),
        "price": f"{rng.randrange(120, 600) * 1000 - 100:,}",
        "pct": str(rng.randrange(15, 65, 5)),
        "kwh": str(rng.randrange(60, 151, 5)),
        "km": f"{rng.randrange(500, 1201, 10):,}",
        "miles": f"{rng.randrange(300, 801, 10):,}",
        "stake": str(rng.randrange(30, 71)),
        "lo": str(rng.randrange(300, 380, 10)),
        "hi": str(rng.randrange(400, 520, 10)),
        "whkg": str(rng.randrange(260, 501, 10)),
        "minutes": str(rng.randrange(8, 31)),
        "cold": str(rng.choice((10, 20, 30))),
        "loss": str(rng.randrange(5, 31)),
        "staff": str(rng.randrange(50, 2001, 50)),
    }
    return template.format_map(values)


def _money(rng: random.Random) -> str:
    words, scale = rng.choice(CURRENCIES)
    return f"{rng.randrange(5, 500) * scale:,} {words}"


def article(names: Names, rng: random.Random) -> str:
    """One article's text: headline, dateline, and paragraphs of two or three sentences."""
    cast = names.cast()
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(8 * 365))
    dateline = "" if rng.random() < UNDATED_SHARE else f"Synthetic Wire | {day:%d %B %Y}\n\n"
    headline, story = STORIES[rng.choice(sorted(STORIES))]
    templates = list(story) + rng.sample(EXTRAS, rng.randint(4, 6)) + rng.sample(FILLERS, rng.randint(1, 2))
    sentences = [render(t, cast, day.year, rng) for t in templates]
    paragraphs: list[str] = []
    while sentences:
        size = rng.randint(2, 3)
        take, sentences = sentences[:size], sentences[size:]
        glue = "." if rng.random() < GLUED_SHARE else ". "
        paragraphs.append(glue.join(s.removesuffix(".") for s in take) + ".")
    return f"{render(headline, cast, day.year, rng)}\n\n{dateline}" + "\n\n".join(paragraphs) + "\n"


def generate(out_dir: Path, count: int, seed: int, registry_path: Path) -> list[Path]:
    """Write `count` articles to `out_dir` (created if missing); returns their paths in order."""
    rng = random.Random(seed)
    names = Names(load_registry(registry_path), rng)
    out_dir.mkdir(parents=True, exist_ok=True)
    width = max(5, len(str(count)))
    written = []
    for index in range(1, count + 1):
        path = out_dir / f"synthetic_{index:0{width}d}.txt"
        path.write_text(article(names, rng), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the articles to")
    parser.add_argument("-n", "--count", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument(
        "--registry",
        type=Path,
        default=REPO / "data" / "entities.yaml",
        help="entity registry whose names are mixed in (default data/entities.yaml)",
    )
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    written = generate(args.out_dir, args.count, args.seed, args.registry)
    print(f"wrote {len(written)} articles to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
