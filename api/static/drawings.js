// The profile's drawings: Vietnam's provinces as points on an SVG map (from the reference
// coordinates, offline) and the neighbourhood graph (cytoscape.js, served from node_modules).
"use strict";
const drawings = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  const COLOURS = { PERSON: "#e4572e", ORGANIZATION: "#2e86ab", PROVINCE: "#3bb273", LOCATION: "#7fb800",
                    BORDER_GATE: "#f3a712", ZONE: "#a05195", DOCUMENT: "#6c757d", EVENT: "#d45087" };
  const colour = (type) => COLOURS[type] || "#999";

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A label beside its point: right, else left, else nudged down, so that labels do not overlap.
  function placeLabel(placed, x, y, width, limit) {
    const tries = [[x + 7, y + 4, "start"], [x - 7, y + 4, "end"], [x + 7, y + 16, "start"], [x - 7, y + 16, "end"], [x + 7, y - 8, "start"]];
    for (const [lx, ly, anchor] of tries) {
      const left = anchor === "start" ? lx : lx - width;
      const box = { left, right: left + width, top: ly - 10, bottom: ly + 2 };
      if (left < 2 || box.right > limit - 2) continue;
      if (!placed.some((b) => b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom)) {
        placed.push(box);
        return { x: lx, y: ly, anchor };
      }
    }
    return { x: x + 7, y: y + 4, anchor: "start" };
  }

  // Equirectangular, longitude shrunk by cos(16°) (the country's middle latitude).
  function map(box, data, era) {
    const points = data.provinces.filter((p) => p.era === era);
    const all = points.concat(data.marked);
    if (!all.length) return;
    const width = box.clientWidth || 300, height = box.clientHeight || 540, pad = 14, room = 78;
    const shrink = Math.cos(16 * Math.PI / 180);
    const lons = all.map((p) => p.lon), lats = all.map((p) => p.lat);
    const west = Math.min(...lons), east = Math.max(...lons), south = Math.min(...lats), north = Math.max(...lats);
    const k = Math.min((width - 2 * pad - room) / ((east - west) * shrink), (height - 2 * pad) / (north - south));
    const left = (width - (east - west) * shrink * k) / 2;  // room for labels on either side
    const at = (p) => [left + (p.lon - west) * shrink * k, pad + (north - p.lat) * k];
    const tall = Math.ceil((north - south) * k + 2 * pad);  // as tall as the country, no more
    box.style.height = tall + "px";
    box.setAttribute("viewBox", `0 0 ${width} ${tall}`);
    box.textContent = "";
    for (const p of points) {
      const [x, y] = at(p);
      const dot = svg("circle", { class: "backdrop", cx: x, cy: y, r: 3 });
      dot.append(svg("title", {}, p.label));
      box.append(dot);
    }
    // Labels keep clear of the marked points and of each other.
    const placed = data.marked.map((p) => {
      const [x, y] = at(p);
      return { left: x - 6, right: x + 6, top: y - 6, bottom: y + 6 };
    });
    for (const p of data.marked.slice().sort((a, b) => b.lat - a.lat)) {
      const [x, y] = at(p);
      const link = svg("a", { href: vnkg.link(p.iri), class: "marked", "data-iri": p.iri });
      const dot = svg("circle", { class: "marked", cx: x, cy: y, r: 5.5 });
      dot.append(svg("title", {}, p.label + (p.dates.length ? " — " + p.dates.join(", ") : "")));
      const spot = placeLabel(placed, x, y, 6.2 * p.label.length, width);
      link.append(dot, svg("text", { x: spot.x, y: spot.y, "text-anchor": spot.anchor }, p.label));
      box.append(link);
    }
  }

  function graph(container, elements, centre) {
    if (typeof cytoscape !== "function") {
      container.textContent = "cytoscape.js is missing: run `npm ci` (make run does).";
      return null;
    }
    const cy = cytoscape({
      container,
      elements: { nodes: elements.nodes.map((n) => ({ data: n })), edges: elements.edges.map((e) => ({ data: e })) },
      minZoom: 0.2, maxZoom: 4,
      style: [
        { selector: "node", style: { "background-color": (n) => colour(n.data("type")), label: "data(label)",
          width: 16, height: 16, "font-size": 11, color: "#1d2430", "text-valign": "bottom", "text-margin-y": 3,
          "text-wrap": "wrap", "text-max-width": 140, "text-outline-color": "#fff", "text-outline-width": 2 } },
        { selector: `node[id = ${JSON.stringify(centre)}]`, style: { width: 26, height: 26, "font-weight": "bold", "font-size": 13 } },
        { selector: "edge", style: { width: 1.3, "line-color": "#a9b2c0", "target-arrow-color": "#a9b2c0",
          "target-arrow-shape": "triangle", "arrow-scale": 0.8, "curve-style": "bezier", label: "data(label)",
          "font-size": 9, color: "#5b6575", "text-rotation": "autorotate", "text-outline-color": "#fff", "text-outline-width": 2 } },
      ],
      // Rings around the entity: what it links to directly, then what those link to (a leader
      // through their body), each ring spaced so that labels do not overlap.
      // Rings around the entity (what it links to, then what those link to), which a force
      // layout then loosens: a start with nothing piled on the centre, and fewer crossings.
      layout: { name: "breadthfirst", circle: true, roots: [centre], directed: false, animate: false,
                avoidOverlap: true, nodeDimensionsIncludeLabels: true, spacingFactor: 0.9, padding: 20 },
    });
    cy.layout({ name: "cose", animate: false, randomize: false, numIter: 1000, gravity: 4, padding: 20,
                // a hub's spokes grow with their number, so that its ring of neighbours has room
                idealEdgeLength: (e) => 40 + 6 * Math.max(e.source().degree(), e.target().degree()),
                nodeRepulsion: () => 200000, nodeOverlap: 60 }).run();
    cy.on("tap", "node", (ev) => { if (ev.target.id() !== centre) location.href = vnkg.link(ev.target.id()); });
    return cy;
  }

  return { map, graph, colour };
})();
