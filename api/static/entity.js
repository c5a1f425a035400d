// An entity page: its statements out and in, and an SVG drawing of its neighbourhood.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const id = decodeURIComponent(location.pathname.replace(/^\/entity\//, ""));
  const COLORS = { PERSON: "#b3261e", ORGANIZATION: "#1a56a8", PROVINCE: "#2e7d32", LOCATION: "#6d4c41",
                   BORDER_GATE: "#ef6c00", ZONE: "#8e24aa", DOCUMENT: "#546e7a", EVENT: "#00838f" };

  function valueNode(s) {
    if (s.kind === "iri") {
      const text = s.ref && s.ref.label ? s.ref.label : vnkg.short(s.value);
      return vnkg.el("a", { href: vnkg.link(s.value), title: s.value, text });
    }
    return document.createTextNode(s.value + (s.lang ? " @" + s.lang : ""));
  }

  function table(statements, id) {
    if (!statements.length) return vnkg.el("p", { class: "muted", text: "none" });
    const body = vnkg.el("tbody");
    for (const s of statements) {
      body.append(vnkg.el("tr", {},
        vnkg.el("td", { title: s.property, text: vnkg.short(s.property) }),
        vnkg.el("td", {}, valueNode(s)),
        vnkg.el("td", { class: "muted" }, s.graph ? vnkg.el("a", { href: vnkg.link(s.graph), text: vnkg.short(s.graph) }) : "")));
    }
    return vnkg.el("table", { id }, vnkg.el("thead", {}, vnkg.el("tr", {},
      vnkg.el("th", { text: "property" }), vnkg.el("th", { text: "value" }), vnkg.el("th", { text: "source" }))), body);
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Neighbours are the entities (typed IRIs) linked either way; drawn on a circle around it.
  function draw(entity) {
    const box = $("graph");
    const width = box.clientWidth || 900, height = box.clientHeight || 540;
    box.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const edges = new Map();
    for (const [list, dir] of [[entity.outgoing, "out"], [entity.incoming, "in"]]) {
      for (const s of list) {
        if (s.kind !== "iri" || !s.ref || !s.ref.type || s.value === entity.iri) continue;
        const key = s.value;
        if (!edges.has(key)) edges.set(key, { ref: s.ref, labels: new Set(), dir });
        edges.get(key).labels.add(vnkg.short(s.property));
      }
    }
    const nodes = [...edges.values()].slice(0, 40);
    const cx = width / 2, cy = height / 2, r = Math.min(width, height) / 2 - 60;
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1) - Math.PI / 2;
      n.x = cx + r * Math.cos(angle); n.y = cy + r * Math.sin(angle);
      box.append(svg("line", { class: "edge", x1: cx, y1: cy, x2: n.x, y2: n.y }));
      box.append(svg("text", { class: "edge-label", x: (cx + n.x) / 2, y: (cy + n.y) / 2, "text-anchor": "middle" },
        (n.dir === "in" ? "← " : "") + [...n.labels].join(", ")));
    });
    for (const n of nodes) {
      const link = svg("a", { href: vnkg.link(n.ref.iri), class: "node" });
      link.append(svg("circle", { cx: n.x, cy: n.y, r: 7, fill: COLORS[n.ref.type] || "#777" }));
      link.append(svg("text", { x: n.x, y: n.y - 11, "text-anchor": "middle" }, n.ref.label || vnkg.short(n.ref.iri)));
      box.append(link);
    }
    box.append(svg("circle", { cx, cy, r: 11, fill: COLORS[entity.type] || "#333" }));
    box.append(svg("text", { x: cx, y: cy + 26, "text-anchor": "middle", "font-weight": "bold" }, entity.label || vnkg.short(entity.iri)));
    if (!nodes.length) box.append(svg("text", { x: 12, y: 20 }, "no linked entities"));
  }

  (async () => {
    await vnkg.init();
    const url = "/api/entities/" + id.split("/").map(encodeURIComponent).join("/");
    $("as-json").href = url;
    $("as-jsonld").href = url;
    $("as-jsonld").addEventListener("click", async (e) => {
      e.preventDefault();
      const response = await fetch(url, { headers: { Accept: "application/ld+json" } });
      const blob = new Blob([await response.text()], { type: "application/ld+json" });
      location.href = URL.createObjectURL(blob);
    });
    const response = await fetch(url);
    if (!response.ok) { $("entity-label").textContent = id; $("error").textContent = await vnkg.errorText(response); return; }
    const entity = await response.json();
    document.title = "vnkg — " + (entity.label || id);
    $("entity-label").textContent = entity.label || id;
    $("entity-type").textContent = entity.type || "";
    $("entity-iri").textContent = entity.iri;
    $("outgoing").append(table(entity.outgoing, "outgoing-table"));
    $("incoming").append(table(entity.incoming, "incoming-table"));
    draw(entity);
  })();
})();
