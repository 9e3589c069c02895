/* The page of `kg view`: the network, its tooltips and details, search, filters and reset.
 *
 * Every string from the data is put into the page with textContent (never innerHTML), so a
 * name full of markup shows as that markup and runs nothing. Filters hide nodes and edges by
 * setting `hidden` in the data sets, so nothing is removed and the layout stays where it is.
 */
(function () {
  "use strict";

  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  const data = json("kg-details");
  const nodes = new vis.DataSet(json("kg-nodes"));
  const edges = new vis.DataSet(json("kg-edges"));
  const options = json("kg-options");
  const container = document.getElementById("network");
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  const state = { ready: false, stabilizationSeconds: null };
  const started = performance.now();

  // ---- small DOM helpers: text only

  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  function badge(text, className) { return el("span", "badge " + (className || ""), text); }
  function nodeLabel(id) { return data.nodes[id] ? data.nodes[id].label : id; }
  function nodeLink(id) {
    if (!data.nodes[id]) return el("span", null, id);
    const link = el("a", "node-link", data.nodes[id].label);
    link.addEventListener("click", function () { focusNode(id); });
    return link;
  }

  // ---- sources

  function articleText(id) {
    const a = data.articles[id] || { id: id };
    const title = a.title ? "\u201c" + a.title + "\u201d" : "untitled article";
    return [a.publisher || "publisher unknown", title, a.date || "undated", "article " + id].join(" \u00b7 ");
  }
  function claimItem(claim, full) {
    const where = "sentence " + claim.sentence +
      (claim.start !== null && claim.start !== undefined ? " (characters " + claim.start + "\u2013" + claim.end + ")" : "");
    const item = el("li", null, articleText(claim.article), " \u00b7 ", where);
    if (claim.modality === "Implied") item.append(badge("implied", "implied"));
    if (claim.method && claim.method !== "Curated") item.append(badge(claim.method.toLowerCase()));
    if (claim.by) item.append(" \u00b7 according to ", claim.by);
    if (full && claim.note) item.append(el("div", "note", "note: ", claim.note));
    const a = data.articles[claim.article];
    if (full && a && a.url && /^https?:\/\//i.test(a.url)) {
      const link = el("a", null, "open article");
      link.href = a.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      item.append(" \u00b7 ", link);
    }
    return item;
  }
  function sourceList(claims, full) {
    return el("ul", "sources", ...claims.map(function (c) { return claimItem(c, full); }));
  }

  // ---- cards: what a tooltip (short) or the details panel (full) shows

  function factItem(fact, text, full) {
    const item = el("li", fact.differs ? "differs-fact" : null, text);
    if (fact.differs) item.append(badge("statements differ", "differs"));
    if (full) item.append(sourceList(fact.claims, true));
    else item.append(el("span", "note", " (" + fact.claims.map(function (c) { return "article " + c.article + " s" + c.sentence; }).join(", ") + ")"));
    return item;
  }
  function milestoneText(m) {
    let text = m.label;
    if (m.concerns_label && text.indexOf(m.concerns_label) < 0) text += " \u2014 about " + m.concerns_label;
    return text;
  }
  function nodeCard(id, full) {
    const d = data.nodes[id];
    const card = el("div", "card");
    card.append(el("h3", null, d.label));
    const kinds = d.roles.map(function (r) { return data.kinds[r] || r; }).join(", ");
    card.append(el("p", "kind", kinds, d.country ? " \u00b7 " + d.country : ""));
    if (d.differs) card.append(el("p", null, badge("statements differ", "differs"), " sources give different figures or dates"));
    if (d.aliases.length) card.append(el("p", null, "also called: ", d.aliases.join(", ")));
    if (d.routes.length) card.append(el("p", null, "chemistry routes: ", d.routes.join(", ")));
    const limit = full ? Infinity : 6;
    if (d.quantities.length) {
      card.append(el("h4", null, "Figures"));
      card.append(el("ul", null, ...d.quantities.slice(0, limit).map(function (q) { return factItem(q, q.kind_label + ": " + q.label, full); })));
    }
    if (d.milestones.length) {
      card.append(el("h4", null, "Dated steps"));
      card.append(el("ul", null, ...d.milestones.slice(0, limit).map(function (m) { return factItem(m, milestoneText(m), full); })));
    }
    if (!full && (d.quantities.length > limit || d.milestones.length > limit)) card.append(el("p", "note", "\u2026 click for all facts"));
    if (full) {
      const related = [];
      for (const [eid, e] of Object.entries(data.edges)) {
        if (e.from === id || e.to === id) related.push([eid, e]);
      }
      if (related.length) {
        card.append(el("h4", null, "Relations"));
        card.append(el("ul", null, ...related.map(function ([eid, e]) {
          const label = data.relations[e.relation].label;
          const other = e.from === id ? e.to : e.from;
          const item = el("li", null, e.from === id ? label + " " : "(" + label + ") \u2190 ", nodeLink(other), " ");
          const why = el("a", "node-link", "sources");
          why.addEventListener("click", function () { showEdge(eid); });
          item.append(el("span", "note", "[", why, "]"));
          return item;
        })));
      }
    } else {
      card.append(el("p", "note", "click for sources"));
    }
    return card;
  }
  function edgeCard(eid, full) {
    const e = data.edges[eid];
    const r = data.relations[e.relation];
    const card = el("div", "card");
    card.append(el("h3", null, nodeLabel(e.from), " \u2014 ", r.label, " \u2192 ", nodeLabel(e.to)));
    if (full && r.definition) card.append(el("p", "note", r.definition));
    card.append(el("h4", null, "Stated in " + e.claims.length + (e.claims.length === 1 ? " sentence" : " sentences")));
    card.append(sourceList(e.claims, full));
    const steps = [];
    for (const end of [e.from, e.to]) {
      const other = end === e.from ? e.to : e.from;
      for (const m of (data.nodes[end] ? data.nodes[end].milestones : [])) {
        if (m.concerns === other) steps.push(m);
      }
    }
    if (steps.length) {
      card.append(el("h4", null, "Dated steps about this pair"));
      card.append(el("ul", null, ...steps.map(function (m) { return factItem(m, milestoneText(m), full); })));
    }
    return card;
  }

  // ---- tooltip and details panel

  const tip = document.getElementById("tooltip");
  const panel = document.getElementById("details");
  function showTip(card, pointer) {
    tip.replaceChildren(card);
    tip.hidden = false;
    const box = container.getBoundingClientRect();
    const x = Math.min(pointer.x + 14, box.width - tip.offsetWidth - 4);
    const y = Math.min(pointer.y + 14, box.height - tip.offsetHeight - 4);
    tip.style.left = Math.max(0, x) + "px";
    tip.style.top = Math.max(0, y) + "px";
  }
  function hideTip() { tip.hidden = true; }
  function showPanel(card) { panel.replaceChildren(card); panel.scrollTop = 0; }
  function clearPanel() {
    panel.replaceChildren(el("p", "placeholder", "Click a node or an edge to see its facts and the sentences they come from."));
  }
  function showEdge(eid) {
    network.selectEdges([eid]);
    showPanel(edgeCard(eid, true));
  }

  network.on("hoverNode", function (p) { showTip(nodeCard(p.node, false), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeCard(p.edge, false), p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) showPanel(nodeCard(p.nodes[0], true));
    else if (p.edges.length) showPanel(edgeCard(p.edges[0], true));
    else clearPanel();
  });

  // ---- layout: physics runs until the layout settles, then stops for good

  const progress = document.getElementById("progress");
  const bar = document.getElementById("progress-bar");
  function markReady() {
    if (state.ready) return;
    state.ready = true;
    state.stabilizationSeconds = (performance.now() - started) / 1000;
    progress.classList.add("done");
    document.body.dataset.ready = "true";
  }
  if (options.physics && options.physics.enabled) {
    network.on("stabilizationProgress", function (p) { bar.value = p.iterations / p.total; });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      markReady();
    });
  }
  network.once("afterDrawing", function () {
    if (!(options.physics && options.physics.enabled) || nodes.length === 0) markReady();
  });

  // ---- filters

  const nodeIds = nodes.getIds();
  const edgeIds = edges.getIds();
  function ticked(facet) {
    const values = new Set();
    document.querySelectorAll('input[data-facet="' + facet + '"]').forEach(function (input) {
      if (input.checked) values.add(input.value);
    });
    return values;
  }
  function yearBound(id, fallback) {
    const input = document.getElementById(id);
    const value = input ? parseInt(input.value, 10) : NaN;
    return Number.isNaN(value) ? fallback : value;
  }
  function applyFilters() {
    const relations = ticked("relation");
    const roles = ticked("role");
    const routes = ticked("route");
    const countries = ticked("country");
    const from = yearBound("year-from", -Infinity);
    const to = yearBound("year-to", Infinity);
    const undated = document.getElementById("year-undated").checked;
    const hideOrphans = document.getElementById("hide-orphans").checked;

    const nodeOk = new Map();
    for (const id of nodeIds) {
      const d = data.nodes[id];
      const ok = d.roles.some(function (r) { return roles.has(r); }) &&
        (d.routes.length ? d.routes.some(function (r) { return routes.has(r); }) : routes.has("")) &&
        countries.has(d.country || "");
      nodeOk.set(id, ok);
    }
    const hadEdge = new Set();
    const hasEdge = new Set();
    const edgeChanges = [];
    let shownEdges = 0;
    for (const id of edgeIds) {
      const e = data.edges[id];
      hadEdge.add(e.from);
      hadEdge.add(e.to);
      const inYears = e.claims.some(function (c) {
        return c.year === null || c.year === undefined ? undated : c.year >= from && c.year <= to;
      });
      const show = relations.has(e.relation) && inYears && nodeOk.get(e.from) && nodeOk.get(e.to);
      if (show) { hasEdge.add(e.from); hasEdge.add(e.to); shownEdges++; }
      if (Boolean(edges.get(id).hidden) === show) edgeChanges.push({ id: id, hidden: !show });
    }
    const nodeChanges = [];
    let shownNodes = 0;
    for (const id of nodeIds) {
      const show = nodeOk.get(id) && !(hideOrphans && hadEdge.has(id) && !hasEdge.has(id));
      if (show) shownNodes++;
      if (Boolean(nodes.get(id).hidden) === show) nodeChanges.push({ id: id, hidden: !show });
    }
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    document.getElementById("counts").textContent =
      "showing " + shownNodes + " of " + nodeIds.length + " nodes, " + shownEdges + " of " + edgeIds.length + " edges";
    state.shown = { nodes: shownNodes, edges: shownEdges };
  }
  document.querySelectorAll("#controls input[data-facet], #year-from, #year-to, #year-undated, #hide-orphans")
    .forEach(function (input) { input.addEventListener("change", applyFilters); });
  document.querySelectorAll("#controls input[data-group]").forEach(function (groupBox) {
    groupBox.addEventListener("change", function () {
      document.querySelectorAll('input[data-group-member="' + groupBox.dataset.group + '"]').forEach(function (input) {
        input.checked = groupBox.checked;
      });
      applyFilters();
    });
  });

  // ---- search: names and aliases, exact match first, then prefix, then anywhere

  const status = document.getElementById("search-status");
  function say(text, warn) { status.textContent = text; status.classList.toggle("warn", Boolean(warn)); }
  function findNode(text) {
    const wanted = text.trim().toLowerCase();
    if (!wanted) return null;
    const names = function (id) { return [data.nodes[id].label].concat(data.nodes[id].aliases).map(function (n) { return n.toLowerCase(); }); };
    const tests = [
      function (n) { return n === wanted; },
      function (n) { return n.startsWith(wanted); },
      function (n) { return n.indexOf(wanted) >= 0; },
    ];
    for (const test of tests) {
      const found = nodeIds.filter(function (id) { return names(id).some(test); });
      if (found.length) return found.sort(function (a, b) { return data.nodes[b].degree - data.nodes[a].degree; })[0];
    }
    return null;
  }
  // A focus is locked on its node only while it animates: vis-network 9.1.2 forgets an unlocked
  // animation that a second one replaces before its first frame, and that forgotten one pulls the
  // view back towards where it began at every later redraw. A locked one is released properly.
  network.on("animationFinished", function () { network.releaseNode(); });
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), locked: true,
      animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showPanel(nodeCard(id, true));
    if (nodes.get(id).hidden) say(data.nodes[id].label + " is hidden by the filters: reset to show it", true);
    else say("found " + data.nodes[id].label);
  }
  function search(text) {
    const id = findNode(text);
    if (id === null) { say("no name or alias matches \u201c" + text.trim() + "\u201d", true); return null; }
    focusNode(id);
    return id;
  }
  const box = document.getElementById("search");
  // Enter searches, and so does picking a name from the list, which fires only "change". Enter
  // fires "change" as well, right after its keydown: that one is the same search, so it is skipped.
  let searchedByEnter = null;
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { searchedByEnter = box.value; search(box.value); }
  });
  box.addEventListener("change", function () {
    if (box.value.trim() && box.value !== searchedByEnter) search(box.value);
    searchedByEnter = null;
  });
  document.getElementById("search-go").addEventListener("click", function () { search(box.value); });

  // ---- reset: every filter open, selection and search cleared, whole graph in view

  function reset() {
    document.querySelectorAll("#controls input[type=checkbox]").forEach(function (input) { input.checked = true; });
    for (const id of ["year-from", "year-to"]) {
      const input = document.getElementById(id);
      if (input) input.value = id === "year-from" ? input.min : input.max;
    }
    box.value = "";
    say("");
    network.unselectAll();
    clearPanel();
    hideTip();
    applyFilters();
    network.fit();
  }
  document.getElementById("reset").addEventListener("click", reset);

  applyFilters();
  window.network = network;
  window.kgView = { network: network, nodes: nodes, edges: edges, data: data, state: state,
    applyFilters: applyFilters, search: search, focusNode: focusNode, showEdge: showEdge, reset: reset };
})();
