// A search-as-you-type entity picker on a parameter's input: as the user types a name (with or
// without accents), /api/search lists the entities that have it; choosing one puts its IRI in
// the input and shows its name beside it. A slug or a name typed and run as it is works too
// (the server resolves it).
"use strict";
vnkg.picker = function picker(input, type) {
  const list = vnkg.el("ul", { class: "picker", id: "picker-" + input.name, role: "listbox" });
  const picked = vnkg.el("span", { class: "picked", id: "picked-" + input.name });
  list.hidden = true;
  input.setAttribute("autocomplete", "off");
  input.setAttribute("role", "combobox");
  input.after(list, picked);
  let asked = 0;       // the latest search sent: older answers are dropped
  let timer = null;
  let active = -1;     // the highlighted hit (keyboard)

  function close() { list.hidden = true; active = -1; }

  function choose(hit) {
    input.value = hit.iri;
    picked.textContent = hit.label || hit.id || hit.iri;
    close();
    input.dispatchEvent(new Event("change"));
  }

  function show(hits) {
    list.replaceChildren();
    if (!hits.length) { list.append(vnkg.el("li", { class: "none", text: "no entity has this name" })); }
    for (const hit of hits) {
      const item = vnkg.el("li", { role: "option", "data-iri": hit.iri },
        hit.label || hit.id, vnkg.el("small", { text: " " + hit.type + " · " + (hit.id || hit.iri) }));
      item.addEventListener("mousedown", (e) => { e.preventDefault(); choose(hit); });
      list.append(item);
    }
    list.hidden = false;
  }

  async function search() {
    const text = input.value.trim();
    if (text.length < 2 || /^(https?|urn):/.test(text)) { close(); return; }
    const ask = ++asked;
    const params = new URLSearchParams({ q: text, limit: "8" });
    if (type) params.set("type", type);
    try {
      const response = await fetch("/api/search?" + params);
      if (ask !== asked || !response.ok) return;
      show((await response.json()).items);
    } catch (err) { close(); }
  }

  function move(step) {
    const items = [...list.querySelectorAll("li[role=option]")];
    if (!items.length) return;
    active = (active + step + items.length) % items.length;
    items.forEach((li, i) => li.classList.toggle("active", i === active));
  }

  input.addEventListener("input", () => {
    picked.textContent = "";
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") { e.preventDefault(); move(e.key === "ArrowDown" ? 1 : -1); }
    else if (e.key === "Escape") close();
    else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      list.querySelectorAll("li[role=option]")[active].dispatchEvent(new MouseEvent("mousedown"));
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
};
