"""`kg ingest`: extract articles and keep what they propose until a reviewer decides.

For each article file: find it in the sources manifest (by content hash, then by file name) or
register it; extract it (pipeline.py) unless this exact content was extracted before; and sort
what it states into

    confirmed   facts the project already has for this article (curated or accepted): counted,
                not proposed again (ingesting a curated article proposes only what curators
                have not recorded)
    suppressed  facts a reviewer rejected before: never proposed again
    proposed    everything else: data/pending/claims/<source>.yaml, for `kg review`

An article whose text changed is re-extracted: its pending claims are replaced, its accepted
claims that the new text still states move to their new sentences, and the others are retired
to data/retired/. Every file is written at the end, all or nothing (kg/atomic.py), so a failed
or interrupted ingest leaves the project as it was.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.claims import Claim
from kg.errors import DataError
from kg.extraction.articles import ArticleFile, Refused, collect
from kg.extraction.facts import fact_key
from kg.extraction.lexicon import build_lexicon, name_key, slug
from kg.extraction.manifest import has_entries, manifest_entry, replace_sha
from kg.extraction.pipeline import ArticleExtraction, Extractor
from kg.extraction.store import Store, claims_of, dump_candidates, dump_claims, dump_ingested
from kg.project import Project


@dataclass
class ArticleOutcome:
    """What ingesting one article did."""

    file: str
    source: str
    status: str  # new, registered (in the manifest, first extraction), changed, unchanged, duplicate
    proposed: int = 0
    confirmed: int = 0
    suppressed: int = 0
    kept: int = 0
    retired: int = 0
    candidates: list[str] = field(default_factory=list)


@dataclass
class IngestReport:
    outcomes: list[ArticleOutcome]
    refused: list[Refused]
    new_candidates: list[dict[str, Any]]

    @property
    def extracted(self) -> list[ArticleOutcome]:
        return [o for o in self.outcomes if o.status in ("new", "registered", "changed")]

    def total(self, name: str) -> int:
        return sum(getattr(o, name) for o in self.outcomes)


def ingest(project: Project, paths: list[Path], jobs: int = 1) -> IngestReport:
    """Ingest the articles at `paths`; raises DataError when none could be ingested."""
    from kg.claims import load_claims
    from kg.registry import load_registry
    from kg.sources import load_sources

    articles, refused = collect(paths)
    sources = load_sources(project.sources_file)
    registry = load_registry(project.entities_file)
    store = Store(project)
    decisions = store.decisions()
    ingested = store.ingested()
    accepted: dict[str, list[Claim]] = {}  # source -> its accepted claims (grouped once, not per article)
    for claim in load_claims(project.claims_dir):
        accepted.setdefault(claim.locator.source, []).append(claim)
    curated_sources = {s for s, claims in accepted.items() if any(c.method == "Curated" for c in claims)}

    plan, outcomes = _plan(articles, sources, ingested, curated_sources, refused)
    candidates = [c for c in store.candidates() if name_key(c["name"]) not in decisions.rejected_entities]
    lexicon = build_lexicon(registry, project.ontology, decisions.merges, candidates)
    extractions = _extract_all(
        lexicon, [(a.raw, a.name, _date_of(a, sources.get(sid))) for a, sid, _ in plan], jobs
    )

    files: dict[Path, str] = {}
    index = _candidate_index(candidates)
    by_id = {c["id"]: c for c in candidates}
    pending_ids = set(by_id)
    taken_ids = set(by_id) | set(registry)
    pending_documents = store.pending_documents()
    new_candidates: list[dict[str, Any]] = []
    new_ids: set[str] = set()  # ids of new_candidates
    manifest_text = project.sources_file.read_text(encoding="utf-8")
    if not sources:  # an empty manifest ("[]"): entries are appended to its comments only
        manifest_text = re.sub(r"^\[\]\s*$", "", manifest_text, flags=re.M).rstrip("\n") + "\n"
    for (article, source_id, status), extraction in zip(plan, extractions, strict=True):
        if not extraction.entities and not extraction.candidates:
            refused.append(
                Refused(
                    article.path,
                    "no entity the registry knows and no new organisation in it; nothing to extract",
                )
            )
            continue
        outcome = ArticleOutcome(article.name, source_id, status)
        placed = len(new_candidates)
        local_ids = _place_candidates(extraction, source_id, index, new_candidates, taken_ids, decisions)
        new_ids.update(c["id"] for c in new_candidates[placed:])
        for entity in extraction.entities & pending_ids:  # candidates of earlier articles met again
            record = by_id[entity]
            if source_id not in record.setdefault("sources", []):
                record["sources"] = sorted([*record["sources"], source_id])
        sentences = _sentences(extraction, local_ids)
        by_source = accepted.get(source_id, [])
        known = {fact_key(c.fact) for c in by_source if c.method == "Curated" or status != "changed"}
        previously_accepted = store.accepted_document(source_id) if status == "changed" else None
        old_accepted = {fact_key(c.fact) for c in claims_of(previously_accepted, "accepted")}
        proposed, carried = [], []
        if not (decisions.rejected_claims or known or old_accepted):
            proposed, sentences = sentences, []  # nothing to compare with: everything is proposed as is
        for entry in sentences:
            keep, carry = [], []
            for raw_claim, claim in zip(entry["claims"], _parse(source_id, entry), strict=True):
                key = fact_key(claim.fact)
                if decisions.rejects(claim):
                    outcome.suppressed += 1
                elif key in old_accepted:
                    carry.append(raw_claim)
                elif key in known:
                    outcome.confirmed += 1
                else:
                    keep.append(raw_claim)
            if keep:
                proposed.append({**entry, "claims": keep})
            if carry:
                carried.append({**entry, "claims": carry})
        outcome.proposed = sum(len(e["claims"]) for e in proposed)
        outcome.kept = sum(len(e["claims"]) for e in carried)
        outcome.candidates = sorted(set(local_ids.values()) & new_ids)
        pending_documents.pop(source_id, None)
        files[store.pending_file(source_id)] = dump_claims(source_id, proposed)
        if status == "changed":
            outcome.retired = len(old_accepted) - len(
                {fact_key(c.fact) for e in carried for c in _parse(source_id, e)}
            )
            files.update(_retire(store, source_id, previously_accepted, carried))
            manifest_text = replace_sha(manifest_text, source_id, article.sha256)
        elif status == "new":
            manifest_text += manifest_entry(source_id, article)
        ingested[source_id] = article.sha256
        outcomes.append(outcome)

    if not any(o.status != "duplicate" for o in outcomes):
        raise DataError(_nothing_ingested(refused))
    candidates.extend(new_candidates)
    files[store.candidates_file] = dump_candidates(candidates)
    files[store.ingested_file] = dump_ingested(ingested)
    if manifest_text != project.sources_file.read_text(encoding="utf-8") and has_entries(manifest_text):
        files[project.sources_file] = manifest_text
    from kg.atomic import write_all_atomic

    write_all_atomic(files)
    return IngestReport(sorted(outcomes, key=lambda o: o.file), refused, new_candidates)


def _plan(articles, sources, ingested, curated_sources, refused):
    """(article, source id, status) for each article to extract; outcomes of those skipped."""
    by_sha = {s.sha256: s for s in sources.values()}
    by_file = {s.file: s for s in sources.values()}
    taken = set(sources)
    plan: list[tuple[ArticleFile, str, str]] = []
    outcomes: list[ArticleOutcome] = []
    seen: dict[str, str] = {}
    for article in articles:
        if article.sha256 in seen:
            outcomes.append(ArticleOutcome(article.name, seen[article.sha256], "duplicate"))
            continue
        known = by_sha.get(article.sha256)
        if known is not None:
            seen[article.sha256] = known.id
            if ingested.get(known.id) == article.sha256:
                outcomes.append(ArticleOutcome(article.name, known.id, "unchanged"))
            else:
                plan.append((article, known.id, "registered"))
            continue
        previous = by_file.get(article.name)
        if previous is not None:
            if previous.id in curated_sources:
                refused.append(
                    Refused(
                        article.path,
                        f"source {previous.id} has curated claims and its text changed; "
                        "update them first (kg locate), nothing was ingested from it",
                    )
                )
                continue
            seen[article.sha256] = previous.id
            plan.append((article, previous.id, "changed"))
            continue
        source_id = _new_id(Path(article.name).stem, taken)
        taken.add(source_id)
        seen[article.sha256] = source_id
        plan.append((article, source_id, "new"))
    return plan, outcomes


def _new_id(stem: str, taken: set[str]) -> str:
    base = slug(stem)[:60].strip("-") or "article"
    identifier, n = base, 2
    while identifier in taken:
        identifier, n = f"{base}-{n}", n + 1
    return identifier


def _date_of(article: ArticleFile, source) -> Any:
    if source is not None and source.date is not None:
        return source.date
    return article.citation.get("date")


# --- extraction, in one process or several

_WORKER: Extractor | None = None


def _init_worker(lexicon) -> None:
    global _WORKER
    _WORKER = Extractor(lexicon)


def _extract_one(task: tuple) -> ArticleExtraction:
    assert _WORKER is not None
    return _WORKER.extract(*task)


def _extract_all(lexicon, tasks: list[tuple], jobs: int) -> Iterator[ArticleExtraction]:
    """Extractions in the order of `tasks`, as they are ready (so the caller works meanwhile)."""
    if jobs <= 1 or len(tasks) < 2:
        extractor = Extractor(lexicon)
        for task in tasks:
            yield extractor.extract(*task)
        return
    from concurrent.futures import ProcessPoolExecutor

    # why: a process per core at most (each holds the lexicon); `-j 100000` started hundreds of
    # them and took 14 GB before the first article
    jobs = min(jobs, os.cpu_count() or 1, len(tasks))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(lexicon,)) as pool:
        yield from pool.map(_extract_one, tasks, chunksize=max(1, min(16, len(tasks) // (jobs * 4))))


# --- candidates and claims


def _candidate_index(records: list[dict]) -> dict[str, dict]:
    """name key -> candidate record, for names and aliases."""
    index: dict[str, dict] = {}
    for record in records:
        for name in [record["name"], *(record.get("aliases") or ())]:
            index.setdefault(name_key(name), record)
    return index


def _place_candidates(
    extraction: ArticleExtraction,
    source_id: str,
    index: dict[str, dict],
    new: list[dict],
    taken: set[str],
    decisions,
) -> dict[str, str]:
    """Map the article's candidates onto known ones (same name) or new ones; "" if rejected."""
    ids: dict[str, str] = {}
    for candidate in extraction.candidates:
        key = name_key(candidate.name)
        if key in decisions.rejected_entities:
            ids[candidate.id] = ""
            continue
        record = index.get(key)
        if record is None:
            identifier, n = candidate.id, 2
            while identifier in taken:
                identifier, n = f"{candidate.id}-{n}", n + 1
            taken.add(identifier)
            record = {
                "id": identifier,
                "name": candidate.name,
                "types": list(candidate.types),
                "aliases": list(candidate.aliases),
                "cues": sorted(set(candidate.cues)),
                "confidence": round(candidate.confidence, 2),
                "sources": [],
            }
            new.append(record)
            for name in [record["name"], *record["aliases"]]:
                index.setdefault(name_key(name), record)
        if source_id not in record["sources"]:
            record["sources"] = sorted([*record["sources"], source_id])
        ids[candidate.id] = record["id"]
    return ids


def _sentences(extraction: ArticleExtraction, local_ids: dict[str, str]) -> list[dict[str, Any]]:
    """The extraction as claims-file sentence entries, candidates renamed, rejected ones dropped."""
    entries = []
    for sentence in extraction.sentences:
        claims = []
        for claim in sentence.claims:
            renamed = {
                k: (local_ids.get(v, v) if k in ("s", "o", "about") and isinstance(v, str) else v)
                for k, v in claim.items()
            }
            if any(renamed.get(k) == "" for k in ("s", "o", "about")):
                continue
            claims.append(renamed)
        if claims:
            entries.append(
                {
                    "sentence": sentence.index,
                    "span": [sentence.start, sentence.end],
                    "sha256": sentence.sha256,
                    "claims": claims,
                }
            )
    return entries


def _parse(source_id: str, entry: dict[str, Any]):
    from kg.claims import parse_claims_document

    return parse_claims_document(
        {"source": source_id, "method": "Extracted", "sentences": [entry]}, source_id
    )


def _retire(store: Store, source_id: str, previous: dict | None, carried: list[dict]) -> dict[Path, str]:
    """The accepted file rewritten with what the new text still states; the rest retired."""
    files: dict[Path, str] = {}
    if previous is None:
        return files
    still = {fact_key(c.fact) for e in carried for c in _parse(source_id, e)}
    gone = []
    for entry in previous.get("sentences") or []:
        stale = [
            c
            for c, claim in zip(entry["claims"], _parse(source_id, entry), strict=True)
            if fact_key(claim.fact) not in still
        ]
        if stale:
            gone.append({**entry, "claims": stale})
    files[store.accepted_file(source_id)] = dump_claims(source_id, carried)
    if gone:
        retired_path = store.retired_dir / f"{source_id}.yaml"
        earlier = (_read_document(retired_path) or {}).get("sentences") or []
        files[retired_path] = dump_claims(source_id, earlier + gone)
    return files


def _read_document(path: Path) -> dict | None:
    from kg.yamlio import read_yaml

    return read_yaml(path) if path.is_file() else None


# --- the manifest


def _nothing_ingested(refused: list[Refused]) -> str:
    if not refused:
        return "nothing to ingest"
    if len(refused) == 1:
        return str(refused[0])
    shown = "; ".join(str(r) for r in refused[:3])
    more = f"; and {len(refused) - 3} more" if len(refused) > 3 else ""
    return f"nothing ingested: {shown}{more}"
