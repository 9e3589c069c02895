/* The page of `kg view`: the network, its tooltips and details, search, filters and reset.
 *
 * Every string from the data is put into the page with textContent (never innerHTML), so a
 * name full of markup shows as that markup and runs nothing (the cards: view_cards.js). Filters
 * hide nodes and edges by setting `hidden` in the data sets, so nothing is removed and the
 * layout stays where it is.
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

  // the cards of tooltips and the details panel (view_cards.js, inlined before this script)
  // A link pressed in the panel is replaced with the panel: the keyboard's place goes to the new
  // card's heading, not back to the top of the page.
  function thenFocusPanel(action) {
    return function (id) {
      action(id);
      const heading = panel.querySelector("h3");
      if (heading) { heading.tabIndex = -1; heading.focus(); }
    };
  }
  const cards = kgCards(data, { focusNode: thenFocusPanel(focusNode), showEdge: thenFocusPanel(showEdge) });
  const el = cards.el, nodeCard = cards.nodeCard, edgeCard = cards.edgeCard;

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
  let shownInPanel = null; // { node: id } or { edge: id }: what the details panel is about
  function showPanel(card, about) { panel.replaceChildren(card); panel.scrollTop = 0; shownInPanel = about; }
  function clearPanel() {
    shownInPanel = null;
    panel.replaceChildren(el("p", "placeholder", "Click a node or an edge to see its facts and the sentences they come from."));
  }
  function showEdge(eid) {
    network.selectEdges([eid]);
    showPanel(edgeCard(eid, true), { edge: eid });
    if (edges.get(eid).hidden) sayHidden("this relation");
  }

  network.on("hoverNode", function (p) { showTip(nodeCard(p.node, false), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeCard(p.edge, false), p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  network.on("resize", hideTip);
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) showPanel(nodeCard(p.nodes[0], true), { node: p.nodes[0] });
    else if (p.edges.length) showPanel(edgeCard(p.edges[0], true), { edge: p.edges[0] });
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
    const value = input ? input.valueAsNumber : NaN;
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
    // an empty range is a slip (to typed before from), not an answer: say why dated relations went
    const yearNote = document.getElementById("year-note");
    if (yearNote) {
      yearNote.textContent = from > to ? "\u201cfrom\u201d is after \u201cto\u201d: no dated relation is shown" : "";
    }
    followFilters();
  }
  // What the filters just hid is no longer selected, pinned in the panel or in a tooltip, and a
  // status about a found node says whether it is hidden now.
  function followFilters() {
    hideTip();
    const selection = network.getSelection();
    const nodesLeft = selection.nodes.filter(function (id) { return !nodes.get(id).hidden; });
    const edgesLeft = selection.edges.filter(function (id) { return !edges.get(id).hidden; });
    if (nodesLeft.length < selection.nodes.length || edgesLeft.length < selection.edges.length) {
      network.setSelection({ nodes: nodesLeft, edges: edgesLeft }, { unselectAll: true, highlightEdges: false });
    }
    if (shownInPanel && (shownInPanel.node ? nodes.get(shownInPanel.node) : edges.get(shownInPanel.edge)).hidden) {
      clearPanel();
    }
    if (foundNode !== null) sayFound(foundNode);
  }
  function syncGroup(group) {
    const members = Array.from(document.querySelectorAll('input[data-group-member="' + group + '"]'));
    const on = members.filter(function (input) { return input.checked; }).length;
    const groupBox = document.querySelector('input[data-group="' + group + '"]');
    groupBox.checked = on === members.length;
    groupBox.indeterminate = on > 0 && on < members.length;
  }
  document.querySelectorAll("#controls input[data-facet], #year-from, #year-to, #year-undated, #hide-orphans")
    .forEach(function (input) { input.addEventListener("change", applyFilters); });
  document.querySelectorAll("#controls input[data-group]").forEach(function (groupBox) {
    groupBox.addEventListener("change", function () {
      document.querySelectorAll('input[data-group-member="' + groupBox.dataset.group + '"]').forEach(function (input) {
        input.checked = groupBox.checked;
      });
      groupBox.indeterminate = false;
      applyFilters();
    });
  });
  // a group's box follows its relations: ticked when all are, half-ticked when some are
  document.querySelectorAll("#controls input[data-group-member]").forEach(function (input) {
    input.addEventListener("change", function () { syncGroup(input.dataset.groupMember); });
  });

  // ---- search: names and aliases, exact match first, then prefix, then anywhere

  const status = document.getElementById("search-status");
  let foundNode = null; // the node the status line is about
  function say(text, warn) {
    foundNode = null;
    status.textContent = text;
    status.classList.toggle("warn", Boolean(warn));
  }
  function sayHidden(what) { say(what + " is hidden by the filters: reset to show it", true); }
  function sayFound(id) {
    if (nodes.get(id).hidden) sayHidden(data.nodes[id].label);
    else say("found " + data.nodes[id].label);
    foundNode = id;
  }
  // each entry of the list names one node (a name that several nodes share carries its label)
  const picks = new Map();
  document.querySelectorAll("#search-names option").forEach(function (option) {
    picks.set(option.value, option.dataset.node);
  });
  function findNode(text) {
    if (picks.has(text.trim())) return picks.get(text.trim());
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
  // vis-network 9.1.2 forgets an unlocked animation that a second one replaces before its first
  // frame, and the forgotten one pulls the view back towards where it began at every later
  // redraw. So a focus is locked on its node while it animates (a locked one is removed properly)
  // and released when it ends; and a running one is first ended by a move of no length, since
  // vis ends it inside the new focus call, whose lock "animationFinished" would then release.
  network.on("animationFinished", function () { network.releaseNode(); });
  function focusNode(id) {
    hideTip(); // the view moves away from whatever the pointer rests on
    network.selectNodes([id]);
    network.moveTo({ position: network.getViewPosition(), scale: network.getScale() });
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), locked: true,
      animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showPanel(nodeCard(id, true), { node: id });
    sayFound(id);
  }
  function search(text) {
    if (!text.trim()) { say(""); return null; }
    const id = findNode(text);
    if (id === null) { say("no name or alias matches \u201c" + text.trim() + "\u201d", true); return null; }
    focusNode(id);
    return id;
  }
  const box = document.getElementById("search");
  // Enter and Go search, once each; so does picking an entry of the list, which arrives as an
  // "input" that is no typing (Chromium: a plain Event; Firefox: an InputEvent replacing the text).
  // Not "change": it also comes when the box merely loses focus, and after Enter.
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.isComposing) search(box.value);
  });
  box.addEventListener("input", function (event) {
    const typed = event instanceof InputEvent && event.inputType !== "insertReplacementText";
    if (!typed && picks.has(box.value)) search(box.value);
  });
  document.getElementById("search-go").addEventListener("click", function () { search(box.value); });

  // ---- reset: every filter open, selection and search cleared, whole graph in view

  function reset() {
    document.querySelectorAll("#controls input[type=checkbox]").forEach(function (input) {
      input.checked = true;
      input.indeterminate = false;
    });
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
