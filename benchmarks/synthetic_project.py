"""A synthetic project at any size: data/ in our YAML format, shaped like the curated graph.

    python benchmarks/synthetic_project.py OUT_DIR [--triples 100000] [--seed 7]

The project starts from the real curated data (registry, five sources, their claims), so every
named question's example (toyota, sulfide, article 004 ...) still finds its node, and adds
synthetic articles, entities and claims until the built graph holds about `--triples` triples:

- entities in every class, in about the proportions of the registry (companies in eight roles,
  products, lines, vehicles, policies, places inside countries, people quoted);
- about twenty facts per article, grouped by sentence, each with a full locator; six in ten
  are relations, a quarter figures with units, the rest dated milestones; a fifth restate a fact
  an earlier article stated (so facts have several claims), and some figures and milestones
  contradict earlier ones (so the disagreement questions have work);
- fan-out like the registry's: a few hubs (the real companies and big makers) take many
  relations, most entities a handful, except where a subject has one or two of a relation
  (FEW_PER_SUBJECT); every line has an operator and every vehicle a maker, as the shapes
  require.

The output is a pure function of the size and the seed. No corpus exists for these articles:
the locators are well-formed but match no text (build without --corpus).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# Measured on this generator's output (vocabulary and inferred triples included): the built
# graph grows by about this many triples per synthetic claim.
TRIPLES_PER_CLAIM = 18.8
CLAIMS_PER_ARTICLE = 20
CLAIMS_PER_ENTITY = 4

# class -> share of the synthetic entities (about the registry's mix)
MIX = {
    "Automaker": 0.08,
    "BatteryMaker": 0.10,
    "MaterialSupplier": 0.07,
    "MiningCompany": 0.03,
    "EquipmentMaker": 0.04,
    "ResearchInstitute": 0.05,
    "GovernmentBody": 0.03,
    "Consortium": 0.02,
    "Person": 0.10,
    "BatteryProduct": 0.14,
    "ProcessTechnology": 0.06,
    "ProductionLine": 0.10,
    "Vehicle": 0.08,
    "Policy": 0.06,
    "Place": 0.04,
}
COMPANY_ROLES = (
    "Automaker",
    "BatteryMaker",
    "MaterialSupplier",
    "MiningCompany",
    "EquipmentMaker",
    "ResearchInstitute",
    "GovernmentBody",
    "Consortium",
)
MAKERS = ("Automaker", "BatteryMaker")
CHEM = "chem"  # stands for "a chemistry concept" in the relation table

# relation -> (weight, subject classes, object classes)
RELATIONS: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]] = {
    "partnersWith": (10, MAKERS + ("MaterialSupplier", "ResearchInstitute"), COMPANY_ROLES[:6]),
    "coDevelopsWith": (5, MAKERS + ("ResearchInstitute",), MAKERS + ("ResearchInstitute",)),
    "jointVentureOf": (2, MAKERS, MAKERS),
    "investsIn": (5, MAKERS + ("MaterialSupplier",), MAKERS + ("ProductionLine",)),
    "licensesTo": (1, ("BatteryMaker", "ResearchInstitute"), MAKERS),
    "subsidiaryOf": (2, COMPANY_ROLES[:5], MAKERS),
    "memberOf": (2, COMPANY_ROLES[:6], ("Consortium",)),
    "participatesIn": (2, COMPANY_ROLES[:6], ("ProductionLine", "Policy")),
    "suppliesTo": (8, ("MaterialSupplier", "MiningCompany", "BatteryMaker", "EquipmentMaker"), MAKERS),
    "supplies": (4, ("MaterialSupplier", "MiningCompany", "BatteryMaker"), (CHEM, "BatteryProduct")),
    "pursuesRoute": (8, MAKERS + ("MaterialSupplier", "ResearchInstitute"), (CHEM,)),
    "usesChemistry": (5, ("BatteryProduct", "ProductionLine", "Vehicle"), (CHEM,)),
    "usesProcess": (3, ("ProductionLine", "BatteryProduct") + MAKERS, ("ProcessTechnology",)),
    "develops": (7, MAKERS + ("ResearchInstitute",), ("BatteryProduct", "ProcessTechnology", "Vehicle")),
    "produces": (4, ("ProductionLine",), ("BatteryProduct", CHEM)),
    "locatedIn": (4, ("ProductionLine",) + COMPANY_ROLES[:6], ("Place",)),
    "manufactures": (2, ("Automaker",), ("Vehicle",)),
    "poweredBy": (4, ("Vehicle",), ("BatteryProduct", CHEM)),
    "issuedBy": (3, ("Policy",), ("GovernmentBody",)),
    "appliesIn": (3, ("Policy",), ("Place",)),
    "supports": (3, ("Policy",), (CHEM, "BatteryProduct", "ProcessTechnology") + MAKERS),
    "affiliatedWith": (3, ("Person",), COMPANY_ROLES[:6]),
}
# Relations a subject has one or two of in the curated data (a policy's issuer and place, a
# company's parent, a line's site): their subject is drawn without the hub preference, or the
# biggest policy would be issued by twenty ministries at a million triples.
FEW_PER_SUBJECT = frozenset({"issuedBy", "appliesIn", "subsidiaryOf", "locatedIn"})
# quantity kind -> units it is stated in
QUANTITIES: dict[str, tuple[str, ...]] = {
    "GravimetricEnergyDensity": ("Wh/kg",),
    "VolumetricEnergyDensity": ("Wh/L",),
    "DrivingRange": ("km", "mi"),
    "CellCapacity": ("Ah",),
    "ProductionCapacity": ("GWh",),
    "ChargeTime": ("min",),
    "IonicConductivity": ("S/cm",),
    "ProductionCost": ("CNY/Wh",),
    "FundingAmount": ("CNY", "EUR", "USD"),
    "InvestmentVolume": ("CNY", "USD"),
    "MarketShare": ("%",),
    "CapacityRetention": ("%",),
    "TestTemperature": ("°C",),
    "SalesVolume": ("count",),
}
QUANTITY_SUBJECTS = (
    "BatteryProduct",
    "ProductionLine",
    "Vehicle",
    "Policy",
    "BatteryMaker",
    "Automaker",
    CHEM,
)
MILESTONES = (
    "ResearchStart",
    "PrototypeVehicle",
    "VehicleTest",
    "PilotProduction",
    "LineCompletion",
    "ProductionStart",
    "MassProduction",
    "ProductLaunch",
    "VehicleLaunch",
    "DemonstrationProject",
    "Commercialisation",
    "PolicyLaunch",
)
MILESTONE_SUBJECTS = ("Automaker", "BatteryMaker", "ProductionLine", "BatteryProduct", "Vehicle", "Policy")
STATUSES = ("Announced", "Planned", "UnderConstruction", "TrialProduction", "Operational", "Achieved")
PUBLISHERS = tuple(
    f"Wire {n}" for n in ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta")
)
SYLLABLES = ("vol", "tra", "ne", "cor", "li", "mar", "ka", "zen", "dor", "qi", "sol", "ith", "ra", "on", "be")
SUFFIX = {
    "Automaker": "Motors",
    "BatteryMaker": "Energy",
    "MaterialSupplier": "Materials",
    "MiningCompany": "Mining",
    "EquipmentMaker": "Equipment",
    "ResearchInstitute": "Institute",
    "GovernmentBody": "Ministry",
    "Consortium": "Alliance",
    "Person": "",
    "BatteryProduct": "cell",
    "ProcessTechnology": "process",
    "ProductionLine": "line",
    "Vehicle": "EV",
    "Policy": "programme",
    "Place": "",
}


@dataclass(frozen=True)
class Generated:
    root: Path
    sources: int
    entities: int
    claims: int


def generate_project(root: Path, triples: int, seed: int = 7) -> Generated:
    """Write a project (data/ and a copy of ontology/) of about `triples` triples into `root`."""
    import yaml

    from kg.claims import load_claims
    from kg.registry import load_registry
    from kg.yamlio import read_yaml

    rng = random.Random(seed)
    (root / "data" / "claims").mkdir(parents=True, exist_ok=True)
    if (root / "ontology").exists():
        shutil.rmtree(root / "ontology")
    shutil.copytree(REPO / "ontology", root / "ontology")
    for path in (REPO / "data" / "claims").glob("*.yaml"):
        shutil.copy(path, root / "data" / "claims" / path.name)
    real_sources = read_yaml(REPO / "data" / "sources.yaml")
    real_entities = read_yaml(REPO / "data" / "entities.yaml")
    registry = load_registry(REPO / "data" / "entities.yaml")
    real_claims = len(load_claims(REPO / "data" / "claims"))

    wanted = max(0, int((triples - 7400) / TRIPLES_PER_CLAIM))
    articles = max(1, wanted // CLAIMS_PER_ARTICLE) if wanted else 0
    world = _World(rng, registry, max(40, wanted // CLAIMS_PER_ENTITY) if wanted else 0)
    sources = list(real_sources)
    written = 0
    for n in range(articles):
        source_id = f"s{n:05d}"
        sources.append(_source(rng, source_id, n))
        document = {
            "source": source_id,
            "method": "Curated",
            "sentences": world.sentences(CLAIMS_PER_ARTICLE),
        }
        written += sum(len(s["claims"]) for s in document["sentences"])
        _dump(yaml, root / "data" / "claims" / f"{source_id}.yaml", document)
    _dump(yaml, root / "data" / "sources.yaml", sources)
    _dump(yaml, root / "data" / "entities.yaml", real_entities + world.registry_entries())
    return Generated(root, len(sources), len(real_entities) + len(world.entities), real_claims + written)


def _dump(yaml, path: Path, document) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(document, handle, Dumper=dumper, sort_keys=False, allow_unicode=True, width=200)


def _source(rng: random.Random, source_id: str, n: int) -> dict:
    undated = rng.random() < 0.05
    year = 2018 + n % 8
    return {
        "id": source_id,
        "file": f"{source_id}.txt",
        "sha256": hashlib.sha256(source_id.encode()).hexdigest(),
        "title": f"Synthetic article {n}",
        "publisher": rng.choice(PUBLISHERS),
        "author": None,
        "date": None if undated else date(year, 1 + n % 12, 1 + n % 28),
        "date_note": "synthetic article without a dateline" if undated else None,
        "url": None,
    }


class _World:
    """The synthetic entities, and the facts stated about them (so later articles can restate them)."""

    def __init__(self, rng: random.Random, registry: dict, count: int) -> None:
        self.rng = rng
        self.by_class: dict[str, list[str]] = {}
        self.entities: list[dict] = []
        for entity in registry.values():
            for rdf_type in entity.types:
                self.by_class.setdefault(rdf_type, []).append(entity.id)
        self.countries = [e.id for e in registry.values() if e.code]
        self.chemistry = [
            "sulfide",
            "oxide",
            "polymer",
            "halide",
            "llzo",
            "all-solid-state",
            "semi-solid",
            "solid-state",
            "lithium-metal-anode",
            "lithium",
            "sulfur",
            "silicon",
        ]
        self.stated: list[dict] = []
        classes, weights = zip(*MIX.items(), strict=True)
        for n in range(count):
            self._add_entity(n, rng.choices(classes, weights)[0])
        self.pending = self._required_facts()

    def _add_entity(self, n: int, rdf_type: str) -> None:
        name = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3))).capitalize()
        label = f"{name} {SUFFIX[rdf_type]}".strip() + f" {n}"
        entity_id = f"{name.lower()}-{rdf_type.lower()}-{n}"
        entry = {"id": entity_id, "name": label, "types": [rdf_type]}
        if rdf_type in COMPANY_ROLES or rdf_type == "Person":
            entry["country"] = self.rng.choice(self.countries)
        if rdf_type == "Place":
            entry["part_of"] = self.rng.choice(self.countries)
        if self.rng.random() < 0.3:
            entry["aliases"] = [name]
        self.entities.append(entry)
        self.by_class.setdefault(rdf_type, []).append(entity_id)

    def registry_entries(self) -> list[dict]:
        return self.entities

    def _required_facts(self) -> list[dict]:
        """What the shapes demand: an operator for every line, a maker for every vehicle."""
        facts = []
        for entry in self.entities:
            if entry["types"] == ["ProductionLine"]:
                facts.append({"s": self._pick(MAKERS), "p": "operates", "o": entry["id"]})
            elif entry["types"] == ["Vehicle"]:
                facts.append({"s": self._pick(("Automaker",)), "p": "manufactures", "o": entry["id"]})
        self.rng.shuffle(facts)
        return facts

    def _pick(self, classes: tuple[str, ...], hubs: bool = True) -> str:
        """An entity of one of `classes`, hubs preferred: a few take many facts, most a handful."""
        rdf_type = self.rng.choice(classes)
        if rdf_type == CHEM:
            return self.rng.choice(self.chemistry)
        members = self.by_class.get(rdf_type) or self.by_class["BatteryMaker"]
        if not hubs:
            return self.rng.choice(members)
        # a Pareto-like draw: index ~ len * u^2 favours the first (oldest, real) entities
        return members[int(len(members) * self.rng.random() ** 2)]

    def sentences(self, claims: int) -> list[dict]:
        entries, index, offset = [], 0, 0
        while claims > 0:
            index += self.rng.randint(0, 3)
            length = self.rng.randint(60, 240)
            facts = [self._fact() for _ in range(min(claims, self.rng.choice((1, 1, 1, 2, 2, 3))))]
            facts = list({_key(f): f for f in facts}.values())  # a sentence states a fact once
            claims -= len(facts)
            digest = hashlib.sha256(f"{index}-{offset}-{facts}".encode()).hexdigest()
            entries.append(
                {"sentence": index, "span": [offset, offset + length], "sha256": digest, "claims": facts}
            )
            offset += length + 1
            index += 1
        return entries

    def _fact(self) -> dict:
        rng = self.rng
        if self.pending:
            fact = self.pending.pop()
        elif self.stated and rng.random() < 0.2:
            fact = dict(rng.choice(self.stated))  # another article states the same fact
        else:
            fact = self._new_fact()
        if rng.random() < 0.25:
            fact["modality"] = "Implied"
        if rng.random() < 0.05 and self.by_class.get("Person"):
            fact["by"] = self._pick(("Person",))
        self.stated.append({k: v for k, v in fact.items() if k not in ("modality", "by")})
        if len(self.stated) > 5000:
            del self.stated[: len(self.stated) - 5000]
        return fact

    def _new_fact(self) -> dict:
        rng = self.rng
        draw = rng.random()
        if draw < 0.6:
            names = list(RELATIONS)
            predicate = rng.choices(names, [RELATIONS[n][0] for n in names])[0]
            _, subjects, objects = RELATIONS[predicate]
            subject = self._pick(subjects, hubs=predicate not in FEW_PER_SUBJECT)
            obj = self._pick(objects)
            if subject == obj:
                obj = self._pick(objects)
            return {"s": subject, "p": predicate, "o": obj}
        if draw < 0.87:
            kind = rng.choice(list(QUANTITIES))
            fact = {
                "s": self._pick(QUANTITY_SUBJECTS),
                "quantity": kind,
                "unit": rng.choice(QUANTITIES[kind]),
            }
            if rng.random() < 0.15:
                low = rng.randint(1, 500)
                fact.update({"min": low, "max": low + rng.randint(1, 200)})
            else:
                fact["value"] = rng.randint(1, 1000) if rng.random() < 0.8 else round(rng.uniform(0.1, 99), 1)
                fact["comparator"] = rng.choice(("=", "=", "=", ">", "~", "<="))
            if rng.random() < 0.3:
                fact["year"] = rng.randint(2018, 2032)
            return fact
        start = rng.randint(2018, 2032)
        fact = {"s": self._pick(MILESTONE_SUBJECTS), "milestone": rng.choice(MILESTONES)}
        if rng.random() < 0.25:
            fact.update({"from": start, "to": start + rng.randint(1, 4)})
        else:
            fact["year"] = start
        fact["status"] = rng.choice(STATUSES)
        if rng.random() < 0.3:
            fact["about"] = self._pick(("BatteryProduct", "Vehicle", "ProductionLine"))
        return fact


def _key(fact: dict) -> str:
    return repr(sorted((k, v) for k, v in fact.items() if k not in ("modality", "by")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    made = generate_project(args.out, args.triples, args.seed)
    print(f"wrote {made.root}: {made.sources} sources, {made.entities} entities, {made.claims} claims")


if __name__ == "__main__":
    main()
