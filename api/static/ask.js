// The console's question box: a question in Vietnamese (tone marks optional) goes to
// GET /api/ask; the answer shows what was understood (kind and slots), the named query it ran
// (a link that opens it in the console below with the same parameters), and the rows with
// their source article and evidence sentence, or what was missing.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const KINDS = {
    worked_with: "Làm việc với / Worked with", positions: "Chức vụ / Positions",
    border_gates: "Cửa khẩu / Border gates", visitors: "Đến thăm / Visitors",
    leaders: "Lãnh đạo / Leaders", events: "Sự kiện / Events",
  };
  const SLOTS = { person: "quan chức", body: "cơ quan", province: "tỉnh", title: "chức danh", period: "thời gian" };

  function entityLink(ref) {
    if (!ref) return "";
    if (!ref.iri) return ref.label || "";
    return vnkg.el("a", { href: vnkg.link(ref.iri), title: ref.iri, text: ref.label || ref.type || vnkg.short(ref.iri) });
  }

  function source(row) {
    if (!row.article) return "";
    const href = row.url || "/api/articles/" + encodeURIComponent(row.article);
    return vnkg.el("a", { href, title: row.url || row.article, text: row.article });
  }

  function summary(answer) {
    const p = vnkg.el("p", { id: "ask-summary" }, "Hiểu là / understood: ",
      vnkg.el("strong", { text: answer.kind ? (KINDS[answer.kind] || answer.kind) : "?" }));
    answer.slots.forEach((s, i) => {
      const value = s.slot === "period" || s.slot === "title" ? s.value
        : entityLink({ iri: s.value, label: s.label, type: s.type });
      p.append(i ? " · " : " — ", vnkg.el("span", { class: "slot", "data-slot": s.slot }, vnkg.el("b", { text: (SLOTS[s.slot] || s.slot) + ": " }), value));
    });
    return p;
  }

  function queryLine(query) {
    return vnkg.el("p", { id: "ask-query" }, "Truy vấn / query: ",
      vnkg.el("a", { href: query.link, title: "open in the console with these parameters", text: query.title + " (" + query.name + ")" }),
      vnkg.el("span", { class: "muted", text: " · " + query.method + "(" + Object.entries(query.params).map(([k, v]) => k + "=" + vnkg.short(v)).join(", ") + ")" }));
  }

  function detail(row) {
    const parts = [];
    if (row.role) parts.push(row.role);
    if (row.organization) parts.push(" · ", entityLink(row.organization));
    for (const m of row.members || []) parts.push(parts.length ? ", " : "", entityLink(m));
    if (row.kind && !row.role) parts.push(parts.length ? " · " : "", row.kind);
    return parts;
  }

  function table(rows) {
    const head = ["Trả lời / answer", "Chi tiết / detail", "Ngày / date", "Nguồn / source", "Bằng chứng / evidence"];
    const t = vnkg.el("table", { id: "ask-table" }, vnkg.el("thead", {}, vnkg.el("tr", {}, ...head.map((h) => vnkg.el("th", { text: h })))));
    const body = vnkg.el("tbody");
    for (const row of rows) {
      body.append(vnkg.el("tr", {},
        vnkg.el("td", { class: "answer" }, entityLink(row.entity)),
        vnkg.el("td", {}, ...detail(row)),
        vnkg.el("td", { text: row.date || "" }),
        vnkg.el("td", { class: "long" }, source(row)),
        vnkg.el("td", { class: "evidence", text: row.evidence || "" })));
    }
    t.append(body);
    return t;
  }

  function render(answer) {
    const box = $("ask-answer");
    box.replaceChildren(summary(answer));
    if (answer.query) box.append(queryLine(answer.query));
    if (answer.message) box.append(vnkg.el("p", { id: "ask-message", role: "status" }, answer.message, vnkg.el("br"), vnkg.el("span", { class: "muted", text: answer.message_en })));
    if (answer.rows.length) box.append(table(answer.rows));
  }

  async function ask(event) {
    event.preventDefault();
    const q = $("ask-q").value.trim();
    if (!q) return;
    const box = $("ask-answer");
    box.replaceChildren(vnkg.el("span", { class: "muted", text: "…" }));
    try {
      await vnkg.init();
      const response = await fetch("/api/ask?" + new URLSearchParams({ q }));
      if (!response.ok) { box.replaceChildren(vnkg.el("p", { class: "error", text: await vnkg.errorText(response) })); return; }
      render(await response.json());
    } catch (err) {
      box.replaceChildren(vnkg.el("p", { class: "error", text: "network error: " + err }));
    }
  }

  $("ask-form").addEventListener("submit", ask);
})();
