// An entity's profile, drawn from /api/profiles/{id}: an official's positions and dated timeline,
// a province's leaders, visitors, gates, zones and merger, a body's people and units.
"use strict";
const profile = (() => {
  const el = (...args) => vnkg.el(...args);
  const KINDS = { WorkingSession: "làm việc (working session)", Visit: "thăm (visit)", Event: "sự kiện (event)" };

  // ISO days as Vietnamese write them: 30/8/2024, 7/8/2024 – 9/8/2024, 8/2024.
  function day(iso) {
    if (!iso) return "";
    const [y, m, d] = iso.split("-").map((part) => String(Number(part)));
    return d ? `${d}/${m}/${y}` : m ? `${m}/${y}` : y;
  }
  function when(text) {
    if (!text) return "không rõ ngày (undated)";
    const [start, end] = text.split("/");
    return end && end !== start ? `${day(start)} – ${day(end)}` : day(start);
  }
  const entity = (iri, label) => el("a", { href: vnkg.link(iri), title: iri, text: label || vnkg.short(iri) });
  function article(row) {
    const id = row.articleId || (row.article ? row.article.split("/").pop() : "");
    const href = row.url || `/api/articles/${encodeURIComponent(id)}`;
    return el("a", { href, class: "article", title: row.title ? `${row.title} (${row.url || id})` : id, text: row.title || id });
  }

  function section(id, title, ...content) {
    return el("section", { id }, el("h3", { text: title }), ...content);
  }
  function table(id, headers, rows) {
    if (!rows.length) return el("p", { class: "muted", text: "không có (none)" });
    const body = el("tbody");
    for (const cells of rows) {
      body.append(el("tr", {}, ...cells.map((c) => el("td", {}, typeof c === "string" ? document.createTextNode(c) : c))));
    }
    return el("table", { id }, el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { text: h })))), body);
  }
  function names(id, items) {
    if (!items.length) return el("p", { class: "muted", text: "không có (none)" });
    return el("ul", { id, class: "names" }, ...items.map((p) => el("li", {}, entity(p.place || p.iri, p.label))));
  }

  function positions(rows) {
    return section("positions", "Chức vụ (positions)", table("positions-table",
      ["Chức vụ (role)", "Cơ quan (body)", "Lần đầu (first seen)", "Lần cuối (last seen)", "Nguồn (sources)"],
      rows.map((p) => [p.role, entity(p.organization, p.organizationLabel), day(p.first), day(p.date),
        el("span", {}, `${p.articles} bài · mới nhất: `, article(p))])));
  }

  // One line per event, newest first: when, what, with whom and where, the sentence, the article.
  function timeline(events, self) {
    const list = el("ol", { class: "timeline", id: "timeline-list" });
    for (const e of events) {
      const seen = new Set([self]);
      const others = (roles) => e.members.filter((m) => roles.includes(m.role) && !seen.has(m.iri) && seen.add(m.iri));
      const where = others(["host", "place"]), who = others(["participant", "organizer"]);
      const line = el("div", {}, el("span", { class: "when", text: when(e.date) }), el("span", { class: "kind", text: KINDS[e.kind] || e.kind }));
      if (e.label) line.append(" ", entity(e.event, e.label));
      const item = el("li", { "data-event": e.event }, line);
      if (where.length) item.append(el("div", { class: "where" }, "tại / với (host, place): ", ...join(where)));
      if (who.length) item.append(el("div", { class: "who" }, "cùng (with): ", ...join(who)));
      if (e.evidence) item.append(el("blockquote", { text: e.evidence }));
      item.append(el("div", { class: "source" }, "Nguồn (source): ", article(e)));
      list.append(item);
    }
    return section("timeline", "Dòng thời gian (timeline)", events.length ? list : el("p", { class: "muted", text: "không có (none)" }));
  }
  function join(members) {
    return members.flatMap((m, i) => (i ? [", ", entity(m.iri, m.label)] : [entity(m.iri, m.label)]));
  }

  function merger(m, era) {
    if (!m || (!m.into && !m.from.length)) return "";
    const on = m.on ? ` (${day(m.on)})` : "";
    if (!m.into) return `Hợp nhất từ (merged from): ${m.from.map((p) => p.label).join(", ")}${on}`;
    if (m.unchanged) return `Giữ nguyên sau sáp nhập 2025 (unchanged in 2025)${on}`;
    const also = m.from.length ? `, cùng (with) ${m.from.map((p) => p.label).join(", ")}` : "";
    return `Sáp nhập vào (merged into) ${m.into.label} (2025)${also}${on}`;
  }

  function official(p) {
    return [positions(p.positions || []), timeline(p.timeline || [], p.iri)];
  }
  function province(p) {
    const visitors = table("visitors-table", ["Ngày (date)", "Người (official)", "Hoạt động (what)", "Nguồn (source)"],
      (p.visitors || []).map((v) => [when(v.date), entity(v.person, v.personLabel), KINDS[v.kind] || v.kind, article(v)]));
    const leaders = table("leaders-table", ["Người (person)", "Chức vụ (role)", "Cơ quan (body)", "Ngày (attested)", "Nguồn (source)"],
      (p.leaders || []).map((l) => [entity(l.person, l.personLabel), l.role, entity(l.organization, l.organizationLabel), day(l.date), article(l)]));
    return [section("leaders", "Lãnh đạo (leaders)", leaders), section("visitors", "Quan chức đến làm việc (visiting officials)", visitors),
      section("border-gates", "Cửa khẩu (border gates)", names("border-gates-list", p.border_gates || [])),
      section("zones", "Khu kinh tế, khu công nghiệp (zones)", names("zones-list", p.zones || [])),
      section("places", "Địa danh khác (other places)", names("places-list", p.places || [])),
      timeline(p.timeline || [], p.iri)];
  }
  function body(p) {
    const people = table("people-table", ["Người (person)", "Chức vụ (role)", "Lần đầu (first seen)", "Lần cuối (last seen)"],
      (p.people || []).map((r) => [entity(r.person, r.personLabel), r.role, day(r.first), day(r.last)]));
    return [section("people", "Nhân sự (people)", people),
      section("parents", "Trực thuộc (part of)", names("parents-list", p.parents || [])),
      section("units", "Đơn vị (units)", names("units-list", p.units || []))];
  }

  function summary(p) {
    const parts = [p.type || ""];
    if (p.code) parts.push(`mã (code) ${p.code}`);
    if (p.era) parts.push(p.era === "2025" ? "đơn vị từ 1/7/2025 (2025 unit)" : "đơn vị trước 1/7/2025 (legacy unit)");
    const merged = merger(p.merger, p.era);
    if (merged) parts.push(merged);
    return parts.filter(Boolean).join(" · ");
  }

  function sections(p) {
    const build = { PERSON: official, PROVINCE: province, ORGANIZATION: body }[p.type];
    if (build) return build(p);
    return p.timeline ? [timeline(p.timeline, p.iri)] : [el("p", { class: "muted", text: "Xem dữ liệu (see the data tab)." })];
  }

  return { sections, summary, day, when };
})();
