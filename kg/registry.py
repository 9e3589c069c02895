"""The entity registry: one entry per real-world thing the graph has a node for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import DataError

# The ssb classes an entity may have; the one list the rest of the code and the tests import.
# Company roles are subclasses of ssb:Company (ontology/ssb.ttl).
COMPANY_ROLES = (
    "Automaker",
    "BatteryMaker",
    "MaterialSupplier",
    "EquipmentMaker",
    "MiningCompany",
    "ResearchInstitute",
    "GovernmentBody",
    "Consortium",
)
ORGANISATION_TYPES = ("Company", *COMPANY_ROLES)
ENTITY_TYPES = (
    *ORGANISATION_TYPES,
    "Person",
    "BatteryProduct",
    "ProcessTechnology",
    "ProductionLine",
    "Vehicle",
    "Policy",
    "Place",
)
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = {"id", "name", "types", "aliases", "country", "part_of", "code"}


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    types: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    country: str | None = None
    part_of: str | None = None
    code: str | None = None


def load_registry(path: Path) -> dict[str, Entity]:
    """Read the registry, checking ids, types and the places entries point to."""
    from kg.yamlio import read_yaml

    records = read_yaml(path) or []
    if not isinstance(records, list):
        raise DataError(f"{path}: expected a list of entities")
    entities: dict[str, Entity] = {}
    for n, record in enumerate(records, start=1):
        entity = _entity(record, f"{path}: entity #{n}")
        if entity.id in entities:
            raise DataError(f"{path}: entity id {entity.id!r} appears twice")
        entities[entity.id] = entity
    for entity in entities.values():
        for field_name in ("country", "part_of"):
            target = getattr(entity, field_name)
            if target is not None and "Place" not in getattr(entities.get(target), "types", ()):
                raise DataError(
                    f"{path}: {entity.id}: {field_name} {target!r} is not a Place in the registry"
                )
    _check_no_circle(entities, path)
    return entities


def _check_no_circle(entities: dict[str, Entity], path: Path) -> None:
    """No place is within itself (lyon in france, france in lyon): it would have no country to give
    its lines. Each chain is walked once: a walk stops at a place already known to lead out."""
    leads_out: set[str] = set()
    for entity in entities.values():
        chain: dict[str, None] = {}  # the walk so far, in order
        place: str | None = entity.id
        while place is not None and place not in leads_out:
            if place in chain:
                circle = [*list(chain)[list(chain).index(place) :], place]
                raise DataError(f"{path}: {place}: part_of goes round in a circle: {' -> '.join(circle)}")
            chain[place] = None
            place = entities[place].part_of
        leads_out.update(chain)


def _entity(record: object, where: str) -> Entity:
    if not isinstance(record, dict) or not {"id", "name", "types"} <= record.keys():
        raise DataError(f"{where}: needs id, name and types")
    where = f"{where} ({record['id']})"
    unknown = set(record) - _FIELDS
    if unknown:
        raise DataError(f"{where}: unknown field(s) {sorted(unknown)}")
    if not isinstance(record["id"], str) or not _ID.match(record["id"]):
        raise DataError(f"{where}: id must be lower-case words joined by hyphens")
    types = tuple(record["types"] or ())
    bad = [t for t in types if t not in ENTITY_TYPES]
    if not types or bad:
        raise DataError(f"{where}: types must be among {', '.join(ENTITY_TYPES)}; got {list(types)}")
    if not isinstance(record["name"], str) or not record["name"].strip():
        raise DataError(f"{where}: name is text, not {record['name']!r}")
    aliases = record.get("aliases") or ()
    if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str) for a in aliases):
        raise DataError(f"{where}: aliases is a list of names")
    for field_name in ("country", "part_of", "code"):  # ids (and a code) are text; a list was a TypeError
        if record.get(field_name) is not None and not isinstance(record[field_name], str):
            raise DataError(f"{where}: {field_name} is one id, not {record[field_name]!r}")
    return Entity(
        id=record["id"],
        name=record["name"],
        types=types,
        aliases=tuple(aliases),
        country=record.get("country"),
        part_of=record.get("part_of"),
        code=record.get("code"),
    )
