"""`kg review`: list what extraction proposes, and accept, reject or merge it.

Accepting moves claims to data/claims/<source>.extracted.yaml and candidates to the registry
(appended to data/entities.yaml), so the next `kg build` has them. A claim that names a
candidate is accepted with it; a line or vehicle candidate is accepted with a claim that names
its operator or maker, because the ontology requires one. Before anything is written, the
project as it would be is built and validated in a scratch copy: an acceptance that would break
the graph is refused with the reason and changes nothing.

Rejecting records the claim ids (and candidate names) in data/decisions.yaml, so re-ingesting
never proposes them again. Merging says a candidate is another name of a registry entity: the
name goes to data/decisions.yaml (the extractor reads it as an alias) and the candidate's
pending claims are rewritten to the entity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from kg.claims import Claim
from kg.errors import DataError, KGError
from kg.extraction.lexicon import name_key
from kg.extraction.store import Store, claims_of, dump_candidates, dump_claims, dump_decisions, registry_line
from kg.project import Project

_NEEDS = {"ProductionLine": "operates", "Vehicle": "manufactures"}  # the shapes require one of these


@dataclass
class PendingClaim:
    claim: Claim
    raw: dict[str, Any]
    entry: dict[str, Any]  # its sentence entry (locator)


@dataclass
class Pending:
    claims: list[PendingClaim]
    candidates: list[dict[str, Any]]


@dataclass
class ReviewResult:
    claims: list[str] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line each: what was left pending, and why


def pending(project: Project, source: str | None = None, min_confidence: float | None = None) -> Pending:
    """What awaits review, optionally for one source or above a confidence."""
    store = Store(project)
    claims = []
    for source_id, document in sorted(store.pending_documents().items()):
        if source and source_id != source:
            continue
        for entry in document.get("sentences") or []:
            parsed = claims_of({"source": source_id, "method": "Extracted", "sentences": [entry]}, source_id)
            for raw, claim in zip(entry.get("claims") or [], parsed, strict=True):
                if min_confidence is None or (claim.confidence or Decimal(0)) >= Decimal(str(min_confidence)):
                    claims.append(PendingClaim(claim, raw, entry))
    candidates = [
        c
        for c in store.candidates()
        if (not source or source in (c.get("sources") or ()))
        and (min_confidence is None or c.get("confidence", 0) >= min_confidence)
    ]
    return Pending(claims, candidates)


def accept(
    project: Project, ids: tuple[str, ...] = (), min_confidence: float | None = None, everything: bool = False
) -> ReviewResult:
    """Accept claims and candidates by id, above a confidence, or all of them."""
    if not ids and min_confidence is None and not everything:
        raise DataError("say what to accept: claim or candidate ids, --min-confidence X, or --all")
    store = Store(project)
    items = pending(project)
    _check_ids(ids, items)
    candidates = {c["id"]: c for c in items.candidates}
    chosen_candidates = {
        i
        for i, c in candidates.items()
        if everything or i in ids or _above(c.get("confidence"), min_confidence)
    }
    chosen = [
        p
        for p in items.claims
        if everything or p.claim.id in ids or _above(p.claim.confidence, min_confidence)
    ]
    for p in chosen:  # a claim accepted by id brings the candidates it names
        if p.claim.id in ids:
            chosen_candidates |= _named(p.raw) & set(candidates)
    result = ReviewResult()
    chosen, chosen_candidates = _consistent(items, chosen, chosen_candidates, candidates, result)
    if not chosen and not chosen_candidates:
        result.skipped.append("nothing accepted")
        return result
    files = _accept_files(project, store, items, chosen, chosen_candidates, candidates)
    _validate_then_write(project, files)
    result.claims = sorted(p.claim.id for p in chosen)
    result.candidates = sorted(chosen_candidates)
    return result


def reject(
    project: Project, ids: tuple[str, ...] = (), max_confidence: float | None = None, everything: bool = False
) -> ReviewResult:
    """Reject claims and candidates by id, below a confidence, or all of them; remembered for good."""
    if not ids and max_confidence is None and not everything:
        raise DataError("say what to reject: claim or candidate ids, --max-confidence X, or --all")
    store = Store(project)
    items = pending(project)
    _check_ids(ids, items)
    decisions = store.decisions()
    gone_candidates = {
        c["id"]
        for c in items.candidates
        if everything
        or c["id"] in ids
        or (max_confidence is not None and c.get("confidence", 0) < max_confidence)
    }
    gone = [
        p
        for p in items.claims
        if everything
        or p.claim.id in ids
        or _named(p.raw) & gone_candidates
        or (max_confidence is not None and float(p.claim.confidence or 0) < max_confidence)
    ]
    for c in items.candidates:
        if c["id"] in gone_candidates:
            decisions.rejected_entities |= {name_key(n) for n in [c["name"], *(c.get("aliases") or ())]}
    decisions.rejected_claims |= {p.claim.id for p in gone}
    files = _pending_files(store, items, {id(p) for p in gone}, gone_candidates)
    files[store.decisions_file] = dump_decisions(decisions)
    from kg.atomic import write_all_atomic

    write_all_atomic(files)
    return ReviewResult(sorted(p.claim.id for p in gone), sorted(gone_candidates))


def merge(project: Project, candidate_id: str, entity_id: str) -> ReviewResult:
    """Say that a candidate is another name of a registry entity."""
    from kg.registry import load_registry

    store = Store(project)
    items = pending(project)
    candidate = next((c for c in items.candidates if c["id"] == candidate_id), None)
    if candidate is None:
        raise DataError(f"no pending candidate {candidate_id!r} (see `kg review`)")
    if entity_id not in load_registry(project.entities_file):
        raise DataError(f"{entity_id!r} is not in the registry (data/entities.yaml)")
    decisions = store.decisions()
    for name in [candidate["name"], *(candidate.get("aliases") or ())]:
        decisions.merges[name] = entity_id
    rewritten = 0
    for p in items.claims:
        for key in ("s", "o", "about", "by"):
            if p.raw.get(key) == candidate_id:
                p.raw[key] = entity_id
                rewritten += 1
    files = _pending_files(store, items, set(), {candidate_id})
    files[store.decisions_file] = dump_decisions(decisions)
    from kg.atomic import write_all_atomic

    write_all_atomic(files)
    return ReviewResult(
        candidates=[candidate_id], skipped=[f"{rewritten} pending claim(s) now name {entity_id}"]
    )


# --- helpers


def _above(confidence: Any, threshold: float | None) -> bool:
    return threshold is not None and confidence is not None and float(confidence) >= threshold


def _named(raw: dict[str, Any]) -> set[str]:
    return {str(raw[k]) for k in ("s", "o", "about", "by") if k in raw}


def _check_ids(ids: tuple[str, ...], items: Pending) -> None:
    known = {p.claim.id for p in items.claims} | {c["id"] for c in items.candidates}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise DataError(f"no pending claim or candidate {', '.join(unknown)} (see `kg review`)")


def _consistent(items: Pending, chosen, chosen_candidates: set[str], candidates: dict, result: ReviewResult):
    """Drop claims naming candidates that stay pending, and candidates the shapes would refuse."""
    pending_ids = set(candidates)
    for _ in range(3):
        for cid in sorted(chosen_candidates):
            need = _NEEDS.get(next((t for t in candidates[cid]["types"] if t in _NEEDS), ""))
            if not need:
                continue
            support = [p for p in items.claims if p.raw.get("p") == need and p.raw.get("o") == cid]
            usable = [p for p in support if not (_named(p.raw) - {cid}) & (pending_ids - chosen_candidates)]
            if not usable:
                chosen_candidates.discard(cid)
                result.skipped.append(
                    f"{cid}: left pending, no claim names its {'operator' if need == 'operates' else 'maker'}"
                )
            elif not any(p in chosen for p in usable):
                chosen.append(usable[0])
        kept = []
        for p in chosen:
            missing = _named(p.raw) & (pending_ids - chosen_candidates)
            if missing:
                result.skipped.append(
                    f"{p.claim.id}: left pending, it names candidate(s) {', '.join(sorted(missing))}"
                )
            else:
                kept.append(p)
        chosen = kept
    return chosen, chosen_candidates


def _accept_files(
    project: Project, store: Store, items: Pending, chosen, chosen_candidates, candidates
) -> dict[Path, str]:
    files = _pending_files(store, items, {id(p) for p in chosen}, chosen_candidates)
    by_source: dict[str, list[PendingClaim]] = {}
    for p in chosen:
        by_source.setdefault(p.claim.locator.source, []).append(p)
    for source, accepted in by_source.items():
        document = store.accepted_document(source) or {"sentences": []}
        entries = {e["sentence"]: {**e, "claims": list(e["claims"])} for e in document.get("sentences") or []}
        for p in accepted:
            entry = entries.setdefault(
                p.entry["sentence"], {**{k: p.entry[k] for k in ("sentence", "span", "sha256")}, "claims": []}
            )
            if p.raw not in entry["claims"]:
                entry["claims"].append(p.raw)
        files[store.accepted_file(source)] = dump_claims(source, list(entries.values()))
    if chosen_candidates:
        registry = project.entities_file.read_text(encoding="utf-8")
        if "# --- accepted from extraction" not in registry:
            registry = registry.rstrip("\n") + "\n\n# --- accepted from extraction (kg review)\n"
        for cid in sorted(chosen_candidates):
            registry += registry_line(candidates[cid])
        files[project.entities_file] = registry
    return files


def _pending_files(
    store: Store, items: Pending, drop_claims: set[int], drop_candidates: set[str]
) -> dict[Path, str]:
    """Pending claim files and the candidates file, without what was decided."""
    files: dict[Path, str] = {}
    by_source: dict[str, dict[int, dict]] = {}
    for p in items.claims:
        source = p.claim.locator.source
        entries = by_source.setdefault(source, {})
        if id(p) in drop_claims:
            continue
        entry = entries.setdefault(
            p.entry["sentence"], {**{k: p.entry[k] for k in ("sentence", "span", "sha256")}, "claims": []}
        )
        entry["claims"].append(p.raw)
    for source, entries in by_source.items():
        files[store.pending_file(source)] = dump_claims(source, list(entries.values()))
    remaining = [c for c in store.candidates() if c["id"] not in drop_candidates]
    files[store.candidates_file] = dump_candidates(remaining)
    return files


def _validate_then_write(project: Project, files: dict[Path, str]) -> None:
    """Build and validate the project as it would be, in a scratch copy; then write for real."""
    import shutil
    import tempfile

    from kg.atomic import write_all_atomic
    from kg.build import assemble, validate_assembled

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "project"
        shutil.copytree(project.data, root / "data")
        (root / "ontology").symlink_to(project.ontology.resolve())
        for path, text in files.items():
            target = root / path.resolve().relative_to(project.root.resolve())
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        trial = Project(root)
        try:
            assembled, _ = assemble(trial)
            validate_assembled(trial, assembled)
        except DataError as exc:
            raise DataError(f"not accepted, the graph would not build: {str(exc).splitlines()[0]}") from None
        except KGError as exc:  # a SHACL violation: name the first one
            lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
            raise DataError(
                f"not accepted, the graph would not validate: {lines[min(1, len(lines) - 1)]}"
            ) from None
    write_all_atomic(files)
