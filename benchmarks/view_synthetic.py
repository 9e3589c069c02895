"""A synthetic built graph shaped like ours, for the view benchmark: N entities, ~2 relations each.

Companies in every role, battery products, lines, vehicles, policies and places, plus the real
chemistry scheme; relations of every group, each with one or two claims pointing at one of 50
articles (some undated); figures and dated steps on a third of the entities. Written as the
Turtle `kg build` would leave in exports/ (the real ontology included), so `kg view` reads it
exactly as it reads the real graph. Output is a pure function of N and the seed.

    python benchmarks/view_synthetic.py OUT.ttl [-n 5000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kg import namespaces as ns  # noqa: E402
from kg.namespaces import CHEM, ID, MILESTONE, PUBLISHER, QUANTITY, SOURCE, SSB  # noqa: E402

RDF, RDFS, SKOS = str(ns.RDF), str(ns.RDFS), str(ns.SKOS)
PROV, DCT, XSD, QUDT = str(ns.PROV), str(ns.DCTERMS), str(ns.XSD), str(ns.QUDT)

# class -> share of the entities
MIX = {
    "Automaker": 0.12,
    "BatteryMaker": 0.12,
    "MaterialSupplier": 0.05,
    "MiningCompany": 0.04,
    "EquipmentMaker": 0.05,
    "ResearchInstitute": 0.05,
    "GovernmentBody": 0.03,
    "Consortium": 0.02,
    "BatteryProduct": 0.16,
    "ProductionLine": 0.1,
    "Vehicle": 0.12,
    "Policy": 0.06,
    "ProcessTechnology": 0.04,
    "Place": 0.04,
}
COMPANIES = (
    "Automaker",
    "BatteryMaker",
    "MaterialSupplier",
    "MiningCompany",
    "EquipmentMaker",
    "ResearchInstitute",
)
ROUTES = ("sulfide", "oxide", "polymer", "halide", "llzo", "all-solid-state", "semi-solid", "solid-state")
MATERIALS = ("lithium", "sulfur", "silicon", "zirconium")
# relation -> (subject classes, object classes or "chem"/"material")
RELATIONS = {
    "partnersWith": (COMPANIES, COMPANIES),
    "coDevelopsWith": (COMPANIES, COMPANIES),
    "investsIn": (COMPANIES, ("ProductionLine",)),
    "suppliesTo": (
        ("BatteryMaker", "MaterialSupplier", "MiningCompany", "EquipmentMaker"),
        ("Automaker", "BatteryMaker"),
    ),
    "supplies": (("MaterialSupplier", "MiningCompany"), "material"),
    "pursuesRoute": (COMPANIES, "chem"),
    "develops": (("BatteryMaker", "Automaker"), ("BatteryProduct",)),
    "usesChemistry": (("BatteryProduct",), "chem"),
    "operates": (("BatteryMaker", "Automaker"), ("ProductionLine",)),
    "produces": (("ProductionLine",), ("BatteryProduct",)),
    "locatedIn": (("ProductionLine",), ("Place",)),
    "manufactures": (("Automaker",), ("Vehicle",)),
    "poweredBy": (("Vehicle",), ("BatteryProduct",)),
    "issuedBy": (("Policy",), ("GovernmentBody",)),
    "supports": (("Policy",), "chem"),
}
ARTICLES = 50


def iri(term: str) -> str:
    return f"<{term}>"


def literal(text: str, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"^^<{datatype}>" if datatype else "")


def generate(n: int, seed: int = 7) -> str:
    """N-Triples of the synthetic instance data (without the ontology)."""
    rng = random.Random(seed)
    lines: list[str] = []

    def add(s: str, p: str, o: str) -> None:
        lines.append(f"{s} {p} {o} .")

    for a in range(ARTICLES):
        art = iri(f"{SOURCE}{a:03d}")
        add(art, iri(RDF + "type"), iri(str(SSB.Article)))
        add(art, iri(DCT + "title"), literal(f"Synthetic article {a}"))
        add(art, iri(DCT + "publisher"), iri(f"{PUBLISHER}wire-{a % 5}"))
        if a % 4:
            add(art, iri(DCT + "date"), literal(f"{2018 + a % 8}-0{1 + a % 9}-15", XSD + "date"))
    for p in range(5):
        add(iri(f"{PUBLISHER}wire-{p}"), iri(RDFS + "label"), literal(f"Wire {p}"))

    by_class: dict[str, list[str]] = {c: [] for c in MIX}
    classes = list(MIX)
    weights = list(MIX.values())
    countries = [f"{ID}country-{c}" for c in range(12)]
    for c, country in enumerate(countries):
        add(iri(country), iri(RDF + "type"), iri(str(SSB.Place)))
        add(iri(country), iri(RDFS + "label"), literal(f"Country {c}"))
        add(iri(country), iri(SKOS + "notation"), literal(f"C{c}"))
    for i in range(n - len(countries)):
        cls = rng.choices(classes, weights)[0]
        node = f"{ID}{cls.lower()}-{i}"
        by_class[cls].append(node)
        add(iri(node), iri(RDF + "type"), iri(str(SSB[cls])))
        add(iri(node), iri(RDFS + "label"), literal(f"{cls} {i}"))
        if rng.random() < 0.3:
            add(iri(node), iri(SKOS + "altLabel"), literal(f"{cls[:3].upper()}{i}"))
        if cls in COMPANIES or cls in ("GovernmentBody", "Consortium"):
            add(iri(node), iri(str(SSB.country)), iri(rng.choice(countries)))
    by_class["Place"].extend(countries)

    claim_no = 0

    def claim(s: str, p: str, o: str) -> None:
        nonlocal claim_no
        for _ in range(1 + (rng.random() < 0.3)):
            node = iri(f"{BASE_CLAIM}{claim_no}")
            claim_no += 1
            add(node, iri(RDF + "type"), iri(str(SSB.Claim)))
            add(node, iri(RDF + "subject"), s)
            add(node, iri(RDF + "predicate"), p)
            add(node, iri(RDF + "object"), o)
            add(node, iri(PROV + "wasDerivedFrom"), iri(f"{SOURCE}{rng.randrange(ARTICLES):03d}"))
            add(node, iri(str(SSB.sentenceIndex)), literal(str(rng.randrange(40)), XSD + "integer"))
            add(node, iri(str(SSB.modality)), iri(str(SSB.Implied if rng.random() < 0.3 else SSB.Explicit)))

    names = list(RELATIONS)
    total = 0
    while total < 2 * n:
        relation = rng.choice(names)
        subjects, objects = RELATIONS[relation]
        pool = [x for c in subjects for x in by_class[c]]
        if not pool:
            continue
        subject = rng.choice(pool)
        if objects == "chem":
            obj = f"{CHEM}{rng.choice(ROUTES)}"
        elif objects == "material":
            obj = f"{CHEM}{rng.choice(MATERIALS)}"
        else:
            targets = [x for c in objects for x in by_class[c]]
            if not targets:
                continue
            obj = rng.choice(targets)
        if obj == subject:
            continue
        s, p, o = iri(subject), iri(str(SSB[relation])), iri(obj)
        add(s, p, o)
        claim(s, p, o)
        total += 1

    for k, node in enumerate(x for c in classes for x in by_class[c] if rng.random() < 0.33):
        if k % 2:
            q = iri(f"{QUANTITY}q{k}")
            add(iri(node), iri(str(SSB.hasQuantity)), q)
            add(q, iri(RDF + "type"), iri(str(SSB.Quantity)))
            add(q, iri(str(SSB.quantityKind)), iri(str(SSB.DrivingRange)))
            add(q, iri(QUDT + "numericValue"), literal(str(500 + k % 1000), XSD + "decimal"))
            add(q, iri(RDFS + "label"), literal(f"{500 + k % 1000} km"))
            claim(iri(node), iri(str(SSB.hasQuantity)), q)
        else:
            m = iri(f"{MILESTONE}m{k}")
            add(iri(node), iri(str(SSB.hasMilestone)), m)
            add(m, iri(RDF + "type"), iri(str(SSB.Milestone)))
            add(m, iri(str(SSB.milestoneKind)), iri(str(SSB.MassProduction)))
            add(m, iri(str(SSB.status)), iri(str(SSB.Planned)))
            add(m, iri(str(SSB.startYear)), literal(str(2025 + k % 6), XSD + "integer"))
            add(m, iri(RDFS + "label"), literal(f"mass production {2025 + k % 6} (planned)"))
            claim(iri(node), iri(str(SSB.hasMilestone)), m)
    return "\n".join(lines) + "\n"


BASE_CLAIM = f"{ns.CLAIM}synthetic-"


def write_built_graph(path: Path, n: int, seed: int = 7) -> None:
    """The ontology and N synthetic entities as one Turtle file, like `kg build` writes."""
    import pyoxigraph as ox

    store = ox.Store()
    for name in ("ssb.ttl", "chemistry.ttl", "units.ttl"):
        with (REPO / "ontology" / name).open("rb") as handle:
            store.bulk_load(handle, format=ox.RdfFormat.TURTLE)
    store.bulk_load(generate(n, seed).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        store.dump(handle, format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_built_graph(args.out, args.n, args.seed)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
