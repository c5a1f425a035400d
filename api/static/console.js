// The SPARQL console: named queries as a menu (one click loads and runs one with its example
// parameters), an editor, a results table whose IRIs link to entity pages, CSV/JSON downloads.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const editor = $("editor");
  let queries = {};
  let selected = null;   // the named query shown in the editor, if any
  let last = null;       // the last SPARQL JSON result, for the downloads

  function setStatus(text) { $("status").textContent = text; }
  function showError(text) { $("error").textContent = text || ""; }

  function renderMenu(list) {
    const box = $("query-list");
    box.replaceChildren();
    for (const q of list) queries[q.name] = q;  // internal ones too: a link to #label still opens it
    // Internal queries (parts of pages and exports) stay out of the menu. Queries whose
    // parameters all have example values run in one click: list them first.
    const ready = (q) => q.params.every((p) => !p.required || p.example);
    const sorted = list.filter((q) => !q.internal).sort((a, b) =>
      (ready(b) && b.params.length > 0) - (ready(a) && a.params.length > 0) || a.title.localeCompare(b.title));
    for (const q of sorted) {
      const button = vnkg.el("button", { id: "q-" + q.name, "data-name": q.name, title: q.description },
        q.title, vnkg.el("small", { text: q.name + (q.params.length ? " (" + q.params.map((p) => p.name).join(", ") + ")" : "") }));
      button.addEventListener("click", () => { select(q.name); run(); });
      box.append(button);
    }
  }

  // An IRI parameter that names an entity gets the picker (articles are not in the search index).
  function takesEntity(p) { return p.kind === "iri" && (p.entity_type || p.name === "entity"); }

  function select(name) {
    selected = queries[name];
    document.querySelectorAll("#query-list button").forEach((b) => b.classList.toggle("active", b.dataset.name === name));
    $("query-title").textContent = selected.title;
    $("query-description").textContent = selected.description;
    editor.value = selected.text;
    const params = $("params");
    params.replaceChildren();
    for (const p of selected.params) {
      const input = vnkg.el("input", { id: "param-" + p.name, name: p.name, placeholder: p.kind + (p.required ? " (required)" : "") });
      input.value = p.example || p.default || "";
      params.append(vnkg.el("label", { title: p.description }, p.name + (p.required ? " *" : ""), input));
      if (takesEntity(p)) vnkg.picker(input, p.entity_type);
    }
    history.replaceState(null, "", "#" + name);
  }

  async function run() {
    showError("");
    setStatus("running…");
    $("results").replaceChildren();
    const started = performance.now();
    let response;
    try {
      if (selected && editor.value === selected.text) {
        const params = new URLSearchParams();
        for (const p of selected.params) {
          const value = $("param-" + p.name).value.trim();
          if (value) params.set(p.name, value);
        }
        response = await fetch(`/api/queries/${selected.name}/results?` + params,
          { headers: { Accept: "application/sparql-results+json" } });
      } else {
        response = await fetch("/sparql", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded",
                     Accept: "application/sparql-results+json, text/turtle;q=0.9" },
          body: new URLSearchParams({ query: editor.value }),
        });
      }
    } catch (err) {
      setStatus(""); showError("network error: " + err); return;
    }
    const took = Math.round(performance.now() - started);
    if (!response.ok) { setStatus(""); showError(await vnkg.errorText(response)); return; }
    const type = response.headers.get("content-type") || "";
    const truncated = response.headers.get("x-vnkg-truncated");
    if (type.includes("json")) {
      last = await response.json();
      render(last);
      const rows = last.results ? last.results.bindings.length : 1;
      setStatus(`${rows} row${rows === 1 ? "" : "s"} in ${took} ms` + (truncated ? ` (${truncated})` : ""));
    } else {
      last = null;
      $("results").append(vnkg.el("pre", { text: await response.text() }));
      setStatus(`graph in ${took} ms`);
    }
    $("download-csv").disabled = $("download-json").disabled = !(last && last.results);
  }

  // A cell: an IRI as a link to its entity page, named by its label (the row's `<var>Label`
  // column, else looked up once the table is drawn), its IRI as the link's title.
  function cell(term, label) {
    const td = vnkg.el("td");
    if (!term) return td;
    if (term.type === "uri") {
      const a = vnkg.el("a", { href: vnkg.link(term.value), title: term.value,
        text: label && label.value ? label.value : vnkg.short(term.value) });
      if (!(label && label.value)) a.dataset.iri = term.value;
      td.append(a);
    } else {
      td.textContent = term.value;
      if (term["xml:lang"]) td.title = "@" + term["xml:lang"];
      else if (term.datatype) td.title = term.datatype;
    }
    if (/\S{16,}/.test(td.textContent)) td.classList.add("long");
    return td;
  }

  function render(result) {
    const box = $("results");
    box.replaceChildren();
    if ("boolean" in result) { box.append(vnkg.el("p", { id: "ask-result", text: "ASK → " + result.boolean })); return; }
    const vars = result.head.vars;
    const table = vnkg.el("table", { id: "results-table" });
    table.append(vnkg.el("thead", {}, vnkg.el("tr", {}, ...vars.map((v) => vnkg.el("th", { text: v })))));
    const body = vnkg.el("tbody");
    for (const row of result.results.bindings) body.append(vnkg.el("tr", {}, ...vars.map((v) => cell(row[v], row[v + "Label"]))));
    table.append(body);
    box.append(table);
    nameLinks(table);
  }

  // The labels of the table's data IRIs that no column names, in one SPARQL query.
  async function nameLinks(table) {
    const links = [...table.querySelectorAll("a[data-iri]")].filter((a) => a.dataset.iri.startsWith(vnkg.base || "\0"));
    const iris = [...new Set(links.map((a) => a.dataset.iri))].filter((iri) => !/[<>"\s{}|^`\\]/.test(iri)).slice(0, 500);
    if (!iris.length) return;
    const query = "SELECT ?node (SAMPLE(?name) AS ?label) WHERE { VALUES ?node { "
      + iris.map((iri) => "<" + iri + ">").join(" ")
      + " } ?node <http://www.w3.org/2000/01/rdf-schema#label> ?name } GROUP BY ?node";
    try {
      const response = await fetch("/sparql", { method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" },
        body: new URLSearchParams({ query }) });
      if (!response.ok) return;
      const names = new Map((await response.json()).results.bindings.map((b) => [b.node.value, b.label.value]));
      for (const a of links) if (names.has(a.dataset.iri)) a.textContent = names.get(a.dataset.iri);
    } catch (err) { /* the links keep their ids */ }
  }

  function csv(result) {
    const quote = (s) => /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    const vars = result.head.vars;
    const lines = [vars.join(",")];
    for (const row of result.results.bindings) lines.push(vars.map((v) => quote(row[v] ? row[v].value : "")).join(","));
    return lines.join("\r\n") + "\r\n";
  }

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = vnkg.el("a", { href: url, download: name });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  $("run").addEventListener("click", run);
  editor.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } });
  $("download-csv").addEventListener("click", () => last && download((selected ? selected.name : "results") + ".csv", "text/csv", csv(last)));
  $("download-json").addEventListener("click", () => last && download((selected ? selected.name : "results") + ".json", "application/sparql-results+json", JSON.stringify(last, null, 2)));

  (async () => {
    try {
      await vnkg.init();
      const response = await fetch("/api/queries");
      if (!response.ok) throw new Error(await vnkg.errorText(response));
      renderMenu(await response.json());
      selectFromHash();
      window.addEventListener("hashchange", selectFromHash);
    } catch (err) { showError("could not load the named queries: " + err.message); }
  })();

  // `/#official_worked_with` opens that query (on load, and when the hash changes);
  // `/#official_worked_with?official=...&from=...` also fills in its parameters and runs it
  // (the question box links to the query it ran this way).
  function selectFromHash() {
    const [name, params] = location.hash.slice(1).split("?");
    const wanted = decodeURIComponent(name);
    if (!wanted || !queries[wanted]) return;
    if (params === undefined) {
      if (!(selected && selected.name === wanted)) select(wanted);
      return;
    }
    select(wanted);
    for (const [key, value] of new URLSearchParams(params)) {
      const input = $("param-" + key);
      if (input) input.value = value;
    }
    run();
  }
})();
