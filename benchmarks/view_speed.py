"""Benchmark `kg view`: writing the page for 500, 5,000 and 20,000 entities, and (with --browser)
how the page behaves in headless Chromium.

    python benchmarks/view_speed.py [--sizes 500,5000,20000] [--repeat 3] [--browser [--browser-sizes ...]]

For each size it writes a synthetic built graph (benchmarks/view_synthetic.py) into a scratch
project and times, best of --repeat: reading the Turtle into the projection (pyoxigraph + the
.rq queries + networkx), rendering the page (pyvis, our template), and the whole `kg view`
(write included). The baseline, timed in the same run on the same projection, is pyvis's stock
path: `Network.from_nx` on the projection and `generate_html` with vis-network inlined; the
ratio is our rendering / the baseline (both start from the same projection).

With --browser each page is opened in headless Chromium (network blocked) and the script
measures the time until the layout has settled and physics stopped, the time to draw one
frame after a zoom, and the time from unticking a relation filter to the next drawn frame.
A page counts as responsive when a frame after a zoom takes under 100 ms (ten frames a second)
and a filter under 500 ms.
Nothing in the repository changes.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.view_synthetic import write_built_graph  # noqa: E402
from kg.project import Project  # noqa: E402
from kg.projection import load_projection  # noqa: E402
from kg.selection import Selection, select  # noqa: E402
from kg.view import render_view, write_view  # noqa: E402

FRAME_MS = 100
FILTER_MS = 500


def best(repeat: int, work) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def pyvis_baseline(graph) -> str:
    """pyvis's own way: from_nx on a simple graph with labels and a text title, inlined."""
    import networkx as nx
    from pyvis.network import Network

    simple = nx.DiGraph()
    for node, data in graph.nodes(data=True):
        simple.add_node(node, label=data["label"], title=f"{data['kind']} {data['country'] or ''}")
    for subject, obj, relation in graph.edges(keys=True):
        simple.add_edge(subject, obj, title=relation)
    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(simple)
    return net.generate_html()


def writing(sizes: list[int], repeat: int, scratch: Path) -> list[dict]:
    rows = []
    for n in sizes:
        home = scratch / f"n{n}"
        turtle = home / "exports" / "ssb-kg.ttl"
        write_built_graph(turtle, n)
        project = Project(home)
        t_project, graph = best(repeat, lambda t=turtle: select(load_projection(t), Selection()))
        t_render, html = best(repeat, lambda g=graph: render_view(g))
        t_total, result = best(repeat, lambda p=project: write_view(p))
        t_pyvis, _ = best(repeat, lambda g=graph: pyvis_baseline(g))
        rows.append(
            {
                "n": n,
                "nodes": graph.number_of_nodes(),
                "edges": graph.number_of_edges(),
                "project": t_project,
                "render": t_render,
                "total": t_total,
                "pyvis": t_pyvis,
                "mb": len(html.encode("utf-8")) / 1e6,
                "page": result.path,
            }
        )
        print(
            f"{n:>6} entities: {graph.number_of_nodes():>6} nodes {graph.number_of_edges():>6} edges | "
            f"projection {t_project:6.2f} s, render {t_render:6.2f} s, kg view {t_total:6.2f} s | "
            f"pyvis from_nx {t_pyvis:6.2f} s | ratio {t_render / t_pyvis:5.2f} | {rows[-1]['mb']:.1f} MB",
            flush=True,
        )
    return rows


MEASURE = """async () => {
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const zooms = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    network.moveTo({scale: network.getScale() * (i % 2 ? 1.25 : 0.8)});
    await frame();
    zooms.push(performance.now() - t);
  }
  const box = document.querySelector('input[data-facet="relation"]');
  let t = performance.now();
  box.click();
  await frame();
  const filter = performance.now() - t;
  t = performance.now();
  box.click();
  await frame();
  const unfilter = performance.now() - t;
  zooms.sort((a, b) => a - b);
  return {settle: kgView.state.stabilizationSeconds, zoom: zooms[2], filter: Math.max(filter, unfilter)};
}"""


def in_browser(pages: list[tuple[int, Path]]) -> None:
    from kg.browser import missing, offline_browser, open_page

    reason = missing()
    if reason:
        print(f"browser measurements skipped: {reason}")
        return
    with offline_browser() as browser:
        for n, page in pages:
            start = time.perf_counter()
            loaded = open_page(browser, page)
            loaded.wait_ready()
            opened = time.perf_counter() - start
            m = loaded.page.evaluate(MEASURE)
            drawn = loaded.page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
            ok = m["zoom"] < FRAME_MS and m["filter"] < FILTER_MS
            print(
                f"{n:>6} entities ({drawn[0]} nodes, {drawn[1]} edges): open + settle {opened:6.1f} s "
                f"(physics {m['settle']:5.1f} s) | frame after zoom {m['zoom']:7.1f} ms | "
                f"filter {m['filter']:7.1f} ms | {'responsive' if ok else 'NOT responsive'}"
                f"{' | blocked ' + str(loaded.blocked) if loaded.blocked else ''}",
                flush=True,
            )
            loaded.page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000,20000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--browser", action="store_true", help="also measure the pages in Chromium")
    parser.add_argument("--browser-sizes", default="500,2000,5000,10000,20000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    scratch = Path(tempfile.mkdtemp(prefix="kg-view-bench-"))
    try:
        print(f"writing the view (best of {args.repeat}); ratio = our render / pyvis from_nx + generate_html")
        rows = writing(sizes, args.repeat, scratch)
        if args.browser:
            wanted = [int(s) for s in args.browser_sizes.split(",")]
            have = {r["n"]: r["page"] for r in rows}
            extra = [n for n in wanted if n not in have]
            for row in writing(extra, 1, scratch) if extra else []:
                have[row["n"]] = row["page"]
            print("in headless Chromium (software rendering, network blocked)")
            in_browser([(n, have[n]) for n in wanted])
        print(f"median ratio: {statistics.median(r['render'] / r['pyvis'] for r in rows):.2f}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
