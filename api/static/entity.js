// An entity page: its profile (/api/profiles/{id}) with a map and the neighbourhood graph, and,
// behind the "data" tab, its raw statements (/api/entities/{id}) grouped so that none repeats.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const id = decodeURIComponent(location.pathname.replace(/^\/entity\//, ""));
  const path = id.split("/").map(encodeURIComponent).join("/");
  // What the unlabelled nodes of the data are, by their IRI's segment (never their hash).
  const NODES = { statement: "fact statement", membership: "membership", session: "working session",
                  visit: "visit", mention: "mention", post: "post", article: "article" };

  function showTab(name) {
    for (const tab of document.querySelectorAll(".tabs button")) {
      const on = tab.dataset.panel === name;
      tab.setAttribute("aria-selected", String(on));
      $(tab.dataset.panel).hidden = !on;
    }
    if (name === "data") loadData();
  }

  // One row per property: its values once each; nodes known only by a hash are counted by kind,
  // and the articles stating the property are listed once.
  function grouped(statements) {
    const rows = new Map();
    for (const s of statements) {
      if (!rows.has(s.property)) rows.set(s.property, { values: new Map(), kinds: new Map(), graphs: new Set() });
      const row = rows.get(s.property);
      if (s.graph) row.graphs.add(s.graph);
      const segment = s.kind === "iri" && vnkg.base && s.value.startsWith(vnkg.base) ? vnkg.short(s.value).split("/")[0] : "";
      if (s.kind === "iri" && !(s.ref && s.ref.label) && NODES[segment] && segment !== "article") {
        row.kinds.set(segment, (row.kinds.get(segment) || 0) + 1);
      } else if (!row.values.has(s.value)) {
        row.values.set(s.value, s);
      }
    }
    return rows;
  }
  function valueNode(s) {
    if (s.kind === "iri") {
      const text = s.ref && s.ref.label ? s.ref.label : vnkg.short(s.value);
      return vnkg.el("a", { href: vnkg.link(s.value), title: s.value, text });
    }
    return document.createTextNode(s.value + (s.lang ? " @" + s.lang : ""));
  }
  function sourcesNode(graphs) {
    const articles = [...graphs].filter((g) => vnkg.short(g).startsWith("article/")).sort();
    const shared = graphs.size - articles.length;
    const span = vnkg.el("span", { class: "muted" });
    articles.forEach((g, i) => {
      if (i) span.append(", ");
      span.append(vnkg.el("a", { href: "/api/articles/" + encodeURIComponent(vnkg.short(g).slice(8)), title: g, text: vnkg.short(g).slice(8) }));
    });
    if (shared) span.append((articles.length ? ", " : "") + (shared === 1 ? "shared graph" : `${shared} shared graphs`));
    return span;
  }
  function table(statements, tableId) {
    if (!statements.length) return vnkg.el("p", { class: "muted", text: "none" });
    const body = vnkg.el("tbody");
    for (const [property, row] of grouped(statements)) {
      const values = vnkg.el("td", { class: "long" });
      [...row.values.values()].forEach((s, i) => { if (i) values.append(", "); values.append(valueNode(s)); });
      for (const [kind, count] of row.kinds) {
        if (values.childNodes.length) values.append(", ");
        values.append(vnkg.el("span", { class: "many", text: `${count} ${NODES[kind]}${count > 1 ? "s" : ""}` }));
      }
      body.append(vnkg.el("tr", {}, vnkg.el("td", { title: property, text: vnkg.short(property) }), values,
        vnkg.el("td", {}, sourcesNode(row.graphs))));
    }
    return vnkg.el("table", { id: tableId, class: "facts" }, vnkg.el("thead", {}, vnkg.el("tr", {},
      vnkg.el("th", { text: "property" }), vnkg.el("th", { text: "value" }), vnkg.el("th", { text: "source" }))), body);
  }
  let loaded = false;
  async function loadData() {
    if (loaded) return;
    loaded = true;
    const response = await fetch("/api/entities/" + path);
    if (!response.ok) { $("outgoing").textContent = await vnkg.errorText(response); return; }
    const entity = await response.json();
    $("outgoing").append(table(entity.outgoing, "outgoing-table"));
    $("incoming").append(table(entity.incoming, "incoming-table"));
  }

  function render(p) {
    document.title = "vnkg — " + (p.label || id);
    $("entity-label").textContent = p.label || id;
    $("entity-type").textContent = p.type || "";
    $("entity-summary").textContent = profile.summary(p);
    $("profile-main").append(...profile.sections(p));
    if (p.map && (p.map.marked.length || p.type === "PROVINCE")) {
      $("map-section").hidden = false;
      const era = p.era || (p.map.marked[0] && p.map.marked[0].era) || "legacy";
      $("map-title").textContent = p.type === "PROVINCE" ? "Vị trí (where)" : "Các tỉnh đã làm việc (provinces worked with)";
      drawings.map($("map"), p.map, era);
    } else {  // no map: the sections take the whole width
      $("profile-side").hidden = true;
      $("profile-side").parentElement.classList.add("wide");
    }
    window.profileGraph = drawings.graph($("graph"), p.graph, p.iri);
    if (!p.type) showTab("data");
  }

  (async () => {
    await vnkg.init();
    for (const tab of document.querySelectorAll(".tabs button")) tab.addEventListener("click", () => showTab(tab.dataset.panel));
    $("as-json").href = "/api/profiles/" + path;
    $("as-jsonld").href = "/api/entities/" + path;
    $("as-jsonld").addEventListener("click", async (e) => {
      e.preventDefault();
      const response = await fetch("/api/entities/" + path, { headers: { Accept: "application/ld+json" } });
      const blob = new Blob([await response.text()], { type: "application/ld+json" });
      location.href = URL.createObjectURL(blob);
    });
    const response = await fetch("/api/profiles/" + path);
    if (!response.ok) {
      $("entity-label").textContent = id;
      $("error").textContent = await vnkg.errorText(response);
      showTab("data");
      document.body.dataset.ready = "error";  // done, without a profile (tests wait for either)
      return;
    }
    render(await response.json());
    document.body.dataset.ready = "true";
  })();
})();
