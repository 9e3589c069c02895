"""Where extraction keeps its data in a project, and how those files are read and written.

    data/pending/claims/<source>.yaml    proposed claims of one article (claims-file schema,
                                         method: Extracted, each with rule and confidence)
    data/pending/entities.yaml           candidate entities awaiting review
    data/pending/ingested.yaml           which content (SHA-256) of each article was extracted
    data/decisions.yaml                  review decisions that outlive re-ingests: rejected
                                         claims and candidates, and merges (a name that is
                                         another name of a registry entity)
    data/claims/<source>.extracted.yaml  accepted extracted claims; `kg build` loads them with
                                         the curated ones
    data/retired/<source>.yaml           accepted claims retired when their article changed

Every file is plain YAML, sorted, so that the same decisions give byte-identical files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.claims import Claim, parse_claims_document
from kg.errors import DataError
from kg.project import Project


@dataclass
class Decisions:
    rejected_claims: set[str] = field(default_factory=set)  # claim ids
    rejected_entities: set[str] = field(default_factory=set)  # name keys of rejected candidates
    merges: dict[str, str] = field(default_factory=dict)  # name -> registry id

    def rejects(self, claim: Claim) -> bool:
        """Rejected before, by id, or the same fact of the same article at another sentence."""
        if claim.id in self.rejected_claims:
            return True
        source, digest = claim.locator.source, claim.id.rsplit("-", 1)[-1]
        return any(r.startswith(f"{source}-s") and r.endswith(f"-{digest}") for r in self.rejected_claims)


class Store:
    """The extraction files of one project."""

    def __init__(self, project: Project):
        self.project = project
        data = project.data
        self.pending_dir = data / "pending" / "claims"
        self.candidates_file = data / "pending" / "entities.yaml"
        self.ingested_file = data / "pending" / "ingested.yaml"
        self.decisions_file = data / "decisions.yaml"
        self.retired_dir = data / "retired"

    def accepted_file(self, source: str) -> Path:
        return self.project.claims_dir / f"{source}.extracted.yaml"

    def pending_file(self, source: str) -> Path:
        return self.pending_dir / f"{source}.yaml"

    # --- reading

    def decisions(self) -> Decisions:
        path = self.decisions_file
        raw = _shaped(
            _read(path) or {}, dict, path, "a mapping of rejected_claims, rejected_entities and merges"
        )

        def listed(key: str, of: str) -> list[Any]:
            return _shaped(raw.get(key) or [], list, path, f"{key}: a list{of}")

        merges = listed("merges", " of {name, into}")
        if not all(isinstance(m, dict) and {"name", "into"} <= m.keys() for m in merges):
            raise DataError(f"{path}: merges: a list of {{name, into}}")
        return Decisions(
            set(map(str, listed("rejected_claims", " of ids"))),
            set(map(str, listed("rejected_entities", ""))),
            {str(m["name"]): str(m["into"]) for m in merges},
        )

    def candidates(self) -> list[dict[str, Any]]:
        path = self.candidates_file
        candidates = _shaped(_read(path) or [], list, path, "a list of candidate entities")
        for candidate in candidates:
            if not (isinstance(candidate, dict) and {"id", "name", "types"} <= candidate.keys()):
                raise DataError(f"{path}: each candidate needs id, name and types")
            if not isinstance(candidate.get("confidence", 0), (int, float)):
                raise DataError(f"{path}: candidate {candidate['id']}: confidence is a number")
        return candidates

    def ingested(self) -> dict[str, str]:
        path = self.ingested_file
        ingested = _shaped(_read(path) or {}, dict, path, "a mapping of article file to SHA-256")
        return {str(k): str(v) for k, v in ingested.items()}

    def pending_documents(self) -> dict[str, dict[str, Any]]:
        documents = {}
        if self.pending_dir.is_dir():
            for path in sorted(self.pending_dir.glob("*.yaml")):
                document = _read(path)
                if isinstance(document, dict) and "source" in document:
                    documents[str(document["source"])] = document
        return documents

    def accepted_document(self, source: str) -> dict[str, Any] | None:
        document = _read(self.accepted_file(source))
        return document if isinstance(document, dict) else None


def claims_of(document: dict[str, Any] | None, where: str) -> list[Claim]:
    return parse_claims_document(document, where) if document else []


# --- writing (the caller writes the returned text atomically)


def dump_decisions(decisions: Decisions) -> str:

    header = (
        "# Review decisions: rejected claims and candidates are never proposed again;\n"
        "# a merge says a name is another name of a registry entity. Written by `kg review`.\n"
    )
    body = {
        "rejected_claims": sorted(decisions.rejected_claims),
        "rejected_entities": sorted(decisions.rejected_entities),
        "merges": [{"name": n, "into": e} for n, e in sorted(decisions.merges.items())],
    }
    return header + _dump(body, sort_keys=False, allow_unicode=True, width=1000)


def dump_candidates(candidates: list[dict[str, Any]]) -> str:

    header = "# Candidate entities found by `kg ingest`, awaiting review (`kg review`).\n"
    ordered = [
        {
            k: c[k]
            for k in ("id", "name", "types", "aliases", "cues", "confidence", "sources")
            if c.get(k) not in (None, [])
        }
        for c in sorted(candidates, key=lambda c: c["id"])
    ]
    return header + _dump(ordered, sort_keys=False, allow_unicode=True, width=1000)


def dump_ingested(ingested: dict[str, str]) -> str:

    header = "# The content (SHA-256) of each article that `kg ingest` extracted.\n"
    return header + _dump(dict(sorted(ingested.items())), allow_unicode=True, width=1000)


def dump_claims(source: str, sentences: list[dict[str, Any]]) -> str:
    """A claims file of extracted claims, in the canonical form of kg/claims_file.py.

    Written line by line, each key-value pair quoted by PyYAML itself (and remembered, as the same
    ids, rules and units come back in every article): the same text as `dump_claims_document`, several
    times faster, which matters when an ingest writes a file per article.
    """
    from kg.claims_file import _CLAIM_KEY_ORDER  # the canonical order of a claim's keys

    lines = [_pair("source", source, flow=False), "method: Extracted"]
    if not sentences:
        return "\n".join([*lines, "sentences: []"]) + "\n"
    lines.append("sentences:")
    for entry in sorted(sentences, key=lambda e: e["sentence"]):
        start, end = entry["span"]
        lines += [
            f"- sentence: {int(entry['sentence'])}",
            f"  span: [{int(start)}, {int(end)}]",
            f"  sha256: {_digest(entry['sha256'])}",
        ]
        claims = entry.get("claims") or []
        lines.append("  claims:" if claims else "  claims: []")
        for claim in claims:
            keys = [k for k in _CLAIM_KEY_ORDER if k in claim] + [
                k for k in claim if k not in _CLAIM_KEY_ORDER
            ]
            lines.append("  - {" + ", ".join(_pair(k, claim[k], flow=True) for k in keys) + "}")
    return "\n".join(lines) + "\n"


_PAIRS: dict[tuple[str, str, Any, str], str] = {}
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")
_NOT_A_NUMBER = frozenset("acdef")  # hex letters no YAML number can hold ("0b..." is binary)


def _digest(value: Any) -> str:
    """A sentence's SHA-256 as PyYAML writes it, without asking PyYAML (every sentence has its own).

    A hex digest holding a, c, d, e or f can only read as a string, so PyYAML leaves it plain; any
    other value (all digits, or "0b" and binary digits: an int to YAML) goes through PyYAML as before.
    """
    if isinstance(value, str) and _HEX_DIGEST.fullmatch(value) and not _NOT_A_NUMBER.isdisjoint(value):
        return value
    return _pair("x", value, flow=False)[3:]


def _pair(key: str, value: Any, flow: bool) -> str:
    """`key: value` as PyYAML writes it inside a flow mapping (`flow`) or in a block mapping."""
    cache_key = ("flow" if flow else "block", key, value, type(value).__name__)
    text = _PAIRS.get(cache_key)
    if text is None:
        text = _dump({key: value}, default_flow_style=flow, allow_unicode=True, width=1000).strip()
        text = _PAIRS[cache_key] = text[1:-1] if flow else text  # a flow mapping less its braces
    return text


def registry_line(candidate: dict[str, Any]) -> str:
    """A candidate as a line of data/entities.yaml (JSON strings are valid YAML scalars)."""
    parts = [
        f"id: {candidate['id']}",
        f"name: {json.dumps(candidate['name'], ensure_ascii=False)}",
        f"types: [{', '.join(candidate['types'])}]",
    ]
    aliases = [a for a in candidate.get("aliases") or () if a != candidate["name"]]
    if aliases:
        parts.append("aliases: [" + ", ".join(json.dumps(a, ensure_ascii=False) for a in aliases) + "]")
    return "- {" + ", ".join(parts) + "}\n"


def _dump(data: Any, **options: Any) -> str:
    import yaml

    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), **options)


def _shaped(value: Any, kind: type, path: Path, expected: str) -> Any:
    """`value` if it is a `kind`; else a DataError saying what the file should hold (a list where
    a mapping belongs was an AttributeError deep in review)."""
    if not isinstance(value, kind):
        raise DataError(f"{path}: expected {expected}")
    return value


def _read(path: Path) -> Any:
    from kg.yamlio import read_yaml

    return read_yaml(path) if path.is_file() else None
