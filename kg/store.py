"""The query store: the built graph in an on-disk pyoxigraph store, opened instead of re-parsed.

`kg build` writes `exports/ssb-kg.ttl` and loads the same triples into a pyoxigraph (RocksDB)
store under `.store/` in the project folder (ignored by git, beside `exports/`). Every reader of
the built graph (`kg query`, `kg sparql`, `kg stats`, `kg serve`, `kg view`, `kg export
--format graphml|gexf|csv`) calls `open_store(project)`, which opens it read-only in
milliseconds, where parsing a million triples of Turtle takes seconds.

The Turtle export stays the source of truth and the store is a cache of it:

    .store/current.json        which folder holds the graph, and the SHA-256, size and mtime of
                               the exports/ssb-kg.ttl it was loaded from
    .store/<sha256[:16]>/      a store, complete before it is named and never written again

`open_store` checks the export's size and mtime against the manifest (no reading), and only
when they differ its SHA-256. If the export changed (written by an older `kg build`, copied in,
edited), the store is loaded again from it, and a line on stderr says so. A store folder is
never modified after it is complete, so readers in other processes (the endpoint's workers) are
never disturbed: pyoxigraph's read-only mode must not see another process writing. A folder is
removed two builds after it stopped being current.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KGError, invalid_turtle
from kg.project import Project

MANIFEST = "current.json"
KEEP = 2  # store folders kept: the current one and the one before (a running `kg serve` may hold it)


@dataclass(frozen=True)
class StagedStore:
    """A complete store in a temporary folder, waiting for `publish_store` to name it."""

    folder: Path

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def open_store(project: Project, announce: Callable[[str], None] | None = None) -> Any:
    """The built graph as a read-only pyoxigraph store; loaded again only if the export changed.

    The one way every reader gets the built graph. If the project folder cannot be written (a
    store cannot be made), the export is read into memory instead, and stderr says so.
    """
    import pyoxigraph as ox

    try:
        store = ox.Store.read_only(str(ensure_store(project, announce)))
    except OSError as exc:
        (announce or _to_stderr)(
            f"cannot use the query store in {store_root(project)} ({exc}); reading the export instead"
        )
        from kg.engine import open_graph

        store = open_graph(built_graph_file(project))
    mismatch = ontology_mismatch(project, store)
    if mismatch:
        (announce or _to_stderr)(mismatch)
    return store


def ontology_mismatch(project: Project, store: Any) -> str | None:
    """A warning if the graph was built with another version of the ontology than ontology/ holds.

    A new version can add what questions read: the link counts `most-connected` ranks by came
    with 0.2.0, the rank it pages by with 0.3.0. A graph built before would answer it with no
    rows, silently, until `kg build`.
    The version is the ontology's owl:versionInfo, which every build copies into the graph.
    """
    import pyoxigraph as ox
    from rdflib.namespace import OWL

    from kg.namespaces import ONTOLOGY

    subject, predicate = ox.NamedNode(str(ONTOLOGY)), ox.NamedNode(str(OWL.versionInfo))
    try:
        here = next(
            (
                t.object.value
                for t in ox.parse(path=str(project.ontology / "ssb.ttl"), format=ox.RdfFormat.TURTLE)
                if t.subject == subject and t.predicate == predicate
            ),
            None,
        )
    except (OSError, SyntaxError):  # no readable ontology: `kg build` is the one to say so
        return None
    built = next((q.object.value for q in store.quads_for_pattern(subject, predicate, None)), None)
    if here is None or built == here:
        return None
    return (
        f"the graph was built with version {built or '(none)'} of the ontology and ontology/ holds "
        f"version {here}: run `kg build`, or some questions may miss what the new version adds"
    )


def ensure_store(project: Project, announce: Callable[[str], None] | None = None) -> Path:
    """The folder of a store holding the built graph, loaded again first if the export changed.

    Raises KGError when nothing is built yet, OSError when no store can be written.
    """
    graph_file = built_graph_file(project)
    if not graph_file.is_file():
        raise KGError(f"no built graph at {graph_file}; run `kg build` first")
    folder = current_folder(project, graph_file)
    if folder is not None:
        return folder
    (announce or _to_stderr)(
        f"the query store does not match {graph_file} (written since the last `kg build`): loading it again"
    )
    return _reload(project, graph_file)


def built_graph_file(project: Project) -> Path:
    from kg.exports import BASENAME

    return project.exports / f"{BASENAME}.ttl"


def store_root(project: Project) -> Path:
    return project.root / ".store"


def current_folder(project: Project, graph_file: Path) -> Path | None:
    """The store folder that holds `graph_file`'s triples, or None if there is none yet."""
    manifest = _read_manifest(project)
    if manifest is None:
        return None
    folder = store_root(project) / manifest.get("folder", "")
    if not manifest.get("folder") or not folder.is_dir():
        return None
    stat = graph_file.stat()
    if (manifest.get("size"), manifest.get("mtime_ns")) == (stat.st_size, stat.st_mtime_ns):
        return folder
    if manifest.get("sha256") != _sha256_file(graph_file):
        return None
    _write_manifest(project, manifest["folder"], manifest["sha256"], graph_file, manifest.get("triples"))
    return folder


def stage_store(project: Project, ntriples: bytes) -> StagedStore:
    """Load N-Triples into a new store in a temporary folder under .store/ (nothing named yet)."""
    import pyoxigraph as ox

    root = store_root(project)
    root.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=root, prefix=".loading-"))
    try:
        store = ox.Store(str(folder))
        store.bulk_load(ntriples, format=ox.RdfFormat.N_TRIPLES)
        # why: a load of over a million triples or so arrives as several overlapping batches of
        # files, and every lookup then reads each of them: at 1.02M triples (9 files, not 5) every
        # question took 1.36 times as long. Compacting costs 1.8 s there.
        store.optimize()
        store.flush()
        del store  # closes the database before anyone opens it read-only
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return StagedStore(folder)


def publish_store(project: Project, staged: StagedStore, turtle: bytes, triples: int | None = None) -> Path:
    """Name a staged store after the export it holds, make it current, and drop old folders."""
    digest = hashlib.sha256(turtle).hexdigest()
    name = digest[:16]
    folder = store_root(project) / name
    try:
        staged.folder.rename(folder)
    except OSError:  # the same graph is stored already (an unchanged rebuild, or a racing reader)
        staged.discard()
    _write_manifest(project, name, digest, built_graph_file(project), triples)
    _prune(project, keep=name)
    return folder


def _reload(project: Project, graph_file: Path) -> Path:
    import pyoxigraph as ox

    turtle = graph_file.read_bytes()
    try:
        ntriples = ox.serialize(ox.parse(turtle, format=ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:  # edited or copied in by hand: the store keeps what it held
        raise invalid_turtle(graph_file, exc) from None
    return publish_store(project, stage_store(project, ntriples), turtle)


def _read_manifest(project: Project) -> dict | None:
    try:
        manifest = json.loads((store_root(project) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def _write_manifest(
    project: Project, folder: str, digest: str, graph_file: Path, triples: int | None
) -> None:
    from kg.atomic import write_atomic

    stat = graph_file.stat()
    manifest = {
        "folder": folder,
        "graph": graph_file.name,
        "sha256": digest,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "triples": triples,
    }
    write_atomic(store_root(project) / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def _prune(project: Project, keep: str) -> None:
    """Remove all but the newest KEEP store folders (the current one always stays), and loads
    that a killed process left behind."""
    root = store_root(project)
    for stale in root.glob(".loading-*"):
        if time.time() - stale.stat().st_mtime > 3600:
            shutil.rmtree(stale, ignore_errors=True)
    folders = sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name != keep),
        key=lambda p: p.stat().st_mtime_ns,
        reverse=True,
    )
    for old in folders[KEEP - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr)
