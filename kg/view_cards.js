/* What a tooltip (short) and the details panel (full) of `kg view` show: cards built from the
 * page's data. Every string from the data is put in with textContent (never innerHTML), so a name
 * full of markup shows as that markup and runs nothing. `actions` says what a neighbour's name and
 * a "sources" link do when pressed (view_app.js: focus the node, show the relation).
 */
window.kgCards = function (data, actions) {
  "use strict";

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
  // a link that does something on the page: a button (Tab reaches it, Enter and Space press it)
  function actionLink(text, action) {
    const link = el("button", "node-link", text);
    link.type = "button";
    link.addEventListener("click", action);
    return link;
  }
  function nodeLink(id) {
    if (!data.nodes[id]) return el("span", null, id);
    return actionLink(data.nodes[id].label, function () { actions.focusNode(id); });
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
          const why = actionLink("sources", function () { actions.showEdge(eid); });
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

  return { el: el, nodeCard: nodeCard, edgeCard: edgeCard };
};
