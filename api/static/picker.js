// A search-as-you-type entity picker on a parameter's input: as the user types a name (with or
// without accents), /api/search lists the entities that have it; choosing one puts its IRI in
// the input and shows its name beside it. A slug or a name typed and run as it is works too
// (the server resolves it).
"use strict";
vnkg.picker = function picker(input, type) {
  const list = vnkg.el("ul", { class: "picker", id: "picker-" + input.name, role: "listbox" });
  const picked = vnkg.el("span", { class: "picked", id: "picked-" + input.name });
  const state = { list, asked: 0, timer: null, active: -1 };
  list.hidden = true;
  input.setAttribute("autocomplete", "off");
  input.setAttribute("role", "combobox");
  input.after(list, picked);
  state.close = () => { list.hidden = true; state.active = -1; };
  state.choose = (hit) => {
    input.value = hit.iri;
    picked.textContent = hit.label || hit.id || hit.iri;
    state.close();
    input.dispatchEvent(new Event("change"));
  };
  input.addEventListener("input", () => {
    picked.textContent = "";
    clearTimeout(state.timer);
    state.timer = setTimeout(() => pickerSearch(state, input.value.trim(), type), 150);
  });
  input.addEventListener("keydown", (e) => pickerKeys(state, e));
  input.addEventListener("blur", () => setTimeout(state.close, 100));
};

// Ask /api/search for `text` (only the latest answer is shown).
async function pickerSearch(state, text, type) {
  if (text.length < 2 || /^(https?|urn):/.test(text)) { state.close(); return; }
  const ask = ++state.asked;
  const params = new URLSearchParams({ q: text, limit: "8" });
  if (type) params.set("type", type);
  try {
    const response = await fetch("/api/search?" + params);
    if (ask !== state.asked || !response.ok) return;
    pickerShow(state, (await response.json()).items);
  } catch (err) { state.close(); }
}

// The hits as the list's options: the name, then the type and the id.
function pickerShow(state, hits) {
  const list = state.list;
  list.replaceChildren();
  if (!hits.length) list.append(vnkg.el("li", { class: "none", text: "no entity has this name" }));
  for (const hit of hits) {
    const item = vnkg.el("li", { role: "option", "data-iri": hit.iri },
      hit.label || hit.id, vnkg.el("small", { text: " " + hit.type + " · " + (hit.id || hit.iri) }));
    item.addEventListener("mousedown", (e) => { e.preventDefault(); state.choose(hit); });
    list.append(item);
  }
  state.active = -1;
  list.hidden = false;
}

// Arrow keys move through the options, Enter chooses one, Escape closes the list.
function pickerKeys(state, e) {
  const options = [...state.list.querySelectorAll("li[role=option]")];
  if (state.list.hidden || !options.length) return;
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    state.active = (state.active + (e.key === "ArrowDown" ? 1 : -1) + options.length) % options.length;
    options.forEach((li, i) => li.classList.toggle("active", i === state.active));
  } else if (e.key === "Escape") {
    state.close();
  } else if (e.key === "Enter" && state.active >= 0) {
    e.preventDefault();
    options[state.active].dispatchEvent(new MouseEvent("mousedown", { cancelable: true }));
  }
}
