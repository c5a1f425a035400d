"""Lookups the relation stage derives from the gazetteers (ingest.resources): a
district's or gate's province, a foreign place's parent, the titles whose implied body must
be written, the levels of administrative unit words.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ingest import resources
from ingest.coref import ArticleContext, fold, nfc_vi
from ingest.lexicon import lexicon
from ingest.positions import Mention


@cache
def _district_provinces() -> dict[str, str]:
    """District key (and folded name, when unambiguous) → its province's name."""
    districts = resources.districts()
    provinces = {p["key"]: p["name"] for p in resources.provinces()
                 if p.get("era", "legacy") == "legacy"}
    out: dict[str, str] = {}
    names: Counter[str] = Counter(fold(d["name"]) for d in districts)
    # folding drops the tone marks, which alone may tell two districts apart ("Phú Mỹ", "Phù Mỹ")
    exact: Counter[str] = Counter(_exact(d["name"]) for d in districts)
    for d in districts:
        prov = provinces.get(d["province"])
        if not prov:
            continue
        out[d["id"]] = prov
        if names[fold(d["name"])] == 1:
            out["name:" + fold(d["name"])] = prov
        if exact[_exact(d["name"])] == 1:
            out["exact:" + _exact(d["name"])] = prov
    return out


def _exact(name: str) -> str:
    return nfc_vi(name).lower()


@cache
def _foreign_parents() -> dict[str, tuple[str, str]]:
    """Folded foreign place name → ("LOCATION", its parent's name)."""
    places = resources.places()
    by_key = {p["key"]: p for p in places}
    out: dict[str, tuple[str, str]] = {}
    for place in places:
        parent = by_key.get(place.get("parent") or "")
        if parent is None or place.get("kind") != "foreign_province":
            continue
        for name in [place["name"], *place.get("aliases", [])]:
            out[fold(name)] = ("LOCATION", parent["name"])
    return out


@cache
def _gates() -> tuple[dict[str, str], dict[str, list[str]]]:
    """Gate key ("border_gate:thanh-thuy-ha-giang") → its province's key; folded name or
    alias → the province keys of every gate so named (one name can be two gates: "Thanh
    Thủy" is in Hà Giang and in Nghệ An)."""
    gates = resources.border_gates()
    by_key: dict[str, str] = {}
    by_name: dict[str, list[str]] = {}
    for gate in gates:
        prov = gate.get("province")
        if not prov:
            continue
        by_key[f"border_gate:{gate['key']}"] = prov
        for name in [gate["name"], *gate.get("aliases", [])]:
            by_name.setdefault(fold(name), []).append(prov)
    return by_key, by_name


def _gate_province(m: Mention, ctx: ArticleContext) -> str | None:
    """The province a gazetteer gate belongs to, by the mention's key (a name two gates share
    is read by the article's province); after the 2025 merger, its 2025 successor."""
    lex = lexicon()
    by_key, by_name = _gates()
    prov = by_key.get(m.key or "")
    if prov is None:
        name = fold(m.name)
        found = by_name.get(name) or by_name.get(name.split(" - ")[0], [])
        mine = lex.successor(lex.province_by_name.get(ctx.province or ""))
        prov = found[0] if len(set(found)) == 1 else next(
            (p for p in found if mine and lex.successor(p) == mine), None)
    if prov is None:
        return None
    if ctx.after_merger:
        prov = lex.successor(prov) or prov
    rec = lex.provinces.get(prov)
    return rec["name"] if rec else None


@cache
def _implied_only_if_written() -> frozenset[tuple[str, str]]:
    """(title, implied body), folded, of the titles whose implied body needs to be written in
    the article (titles.json "needs_written_body"); a foreign one ("Chính phủ Lào") is not it."""
    names = resources.body_names()
    return frozenset((fold(t["title"]), fold(names.get(t["default_body"], "")))
                     for t in resources.titles() if t.get("needs_written_body"))


@cache
def _attaches_to() -> dict[str, tuple[str, ...]]:
    """Folded title → the head nouns of the bodies it governs (titles.json attaches_to)."""
    return {fold(t["title"]): tuple(f"{h} " for h in t.get("attaches_to", []))
            for t in resources.titles()}


# unit words and their levels from ingest/data/admin_units.json ("xã" 1 < "huyện" 2 < "tỉnh" 3)
_UNIT_LEVELS = {fold(u["word"]).rstrip("."): u["level"] for u in lexicon().admin_units}
_UNIT_WORD = "(?:" + "|".join(
    re.escape(u["word"]).replace(r"\.", r"\.?") for u in sorted(
        lexicon().admin_units, key=lambda u: -len(u["word"]))) + ")"
_UNIT_AT = re.compile(rf"^(?:{_UNIT_WORD})(?=\s)", re.IGNORECASE)
_BRACKET_GAP = re.compile(rf"\s*\(\s*(?:{_UNIT_WORD}\s*)?", re.IGNORECASE)

# "KCN X tại thành phố Y", "Cửa khẩu X thuộc huyện Y", "KCN X, thị xã Y": where a zone or gate
# is, stated right after it (a comma needs the unit's word, in the gap or the place's text)
_AT_GAP = re.compile(rf"\s*,?\s*(?:nằm\s+|có địa chỉ\s+|đặt\s+)?(?:tại|ở|thuộc|trên địa bàn)\s+"
                     rf"(?:{_UNIT_WORD}\s+)?",
                     re.IGNORECASE)
_UNIT_ONLY_GAP = re.compile(r"\s+(?:(?:tỉnh|thành phố|huyện|khu tự trị)\s+)?", re.IGNORECASE)
_COMMA_GAP = re.compile(rf"\s*,\s*(?:{_UNIT_WORD}\s+)?", re.IGNORECASE)
_STARTS_WITH_UNIT = re.compile(rf"^{_UNIT_WORD}\s", re.IGNORECASE)


def _unit_level(m: Mention) -> int | None:
    """The level of the unit word a place is written with ("xã Y" 1), if any."""
    unit = _UNIT_AT.match(m.text)
    return _UNIT_LEVELS.get(fold(unit.group(0)).rstrip(".")) if unit else None


def _province_named_in(name: str) -> str | None:
    from ingest.coref import known_province_names

    words = nfc_vi(name).split()
    names = known_province_names()
    for size in (3, 2):
        for i in range(len(words) - size, -1, -1):
            key = fold(" ".join(words[i:i + size]))
            if key in names:
                return names[key]
    return None
