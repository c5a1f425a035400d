// Shared by the console and the entity pages: the data IRI base and links to entity pages.
"use strict";
const vnkg = {
  base: null,
  async init() {
    if (this.base === null) {
      const meta = await (await fetch("/api/meta")).json();
      this.base = meta.base.replace(/\/$/, "") + "/";
    }
  },
  // The console's link for an IRI: our entity page for data IRIs, the IRI itself otherwise.
  link(iri) {
    if (this.base && iri.startsWith(this.base)) return "/entity/" + iri.slice(this.base.length);
    return iri;
  },
  short(iri) {
    if (this.base && iri.startsWith(this.base)) return iri.slice(this.base.length);
    const cut = Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/"));
    return cut >= 0 && cut < iri.length - 1 ? iri.slice(cut + 1) : iri;
  },
  el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    }
    for (const child of children) node.append(child);
    return node;
  },
  async errorText(response) {
    const text = await response.text();
    try { const body = JSON.parse(text); return `${response.status}: ${body.message || text}`; }
    catch (e) { return `${response.status}: ${text}`; }
  },
};
