"""Rebuild the generated gazetteers: provinces.json, districts.json and places.json.

Run from the repository root (needs `vietnamadminunits`, and `babel` for country names):

    .venv/bin/python -m ingest.data.build_gazetteers

Provinces and districts come from the dataset that `vietnamadminunits` ships (its SQLite
`dataset.db` and the 2025 merger table `converter_2025.json`); countries from the Unicode CLDR
Vietnamese territory names (through babel) plus the hand-written aliases and foreign places in
`sources/`. The hand-written gazetteers (bodies, titles, surnames, border gates) are read only
to check them. Nothing here runs at extraction time: the outputs are committed.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from ingest.text import fold, name_key, nfc_vi, slugify

DATA = Path(__file__).resolve().parent
SOURCES = DATA / "sources"
MERGED_ON = "2025-07-01"

# Real, common short forms and old spellings of provincial names, by short name. They apply to
# both eras' unit of that name. The generic long forms ("tỉnh X", "thành phố X", "TP. X") are
# made by the loader, so they are not listed here.
PROVINCE_ALIASES: dict[str, list[str]] = {
    "Hà Nội": ["Thủ đô Hà Nội"],
    "Hồ Chí Minh": ["TP.HCM", "TP. HCM", "TP HCM", "TPHCM", "TP.Hồ Chí Minh", "Sài Gòn",
                    "Thành phố HCM"],
    "Bà Rịa - Vũng Tàu": ["Bà Rịa Vũng Tàu", "BR-VT", "BRVT"],
    "Huế": ["Thừa Thiên Huế", "Thừa Thiên - Huế", "tỉnh Thừa Thiên Huế", "TT-Huế", "TT Huế",
            "Cố đô Huế"],
    "Bắc Kạn": ["Bắc Cạn"],
    "Đắk Lắk": ["Đăk Lăk", "Đắc Lắc", "Đắk Lăk", "Daklak"],
    "Đắk Nông": ["Đăk Nông", "Đắc Nông"],
    "Kon Tum": ["Kontum"],
}

# Middle names so frequent that a district name opening with one ("Văn Lâm", "Thanh Xuân") is
# read as the end of a personal name more often than as the district.
STRONG_MIDDLE = {"Thị", "Văn", "Đức", "Hữu", "Xuân", "Quốc", "Minh", "Thanh", "Hồng", "Ngọc",
                 "Công", "Đình", "Quang", "Mạnh", "Trọng", "Bá", "Thế", "Tiến", "Duy", "Viết",
                 "Sỹ", "Khắc", "Tấn", "Đăng", "Kim", "Hoàng", "Anh"}

# District kinds as written before a name, and the short prefixes news uses for them.
DISTRICT_KINDS = {"Huyện": "huyện", "Quận": "quận", "Thị xã": "thị xã", "Thành phố": "thành phố"}


def _dump(name: str, payload: Any) -> None:
    path = DATA / name
    text = json.dumps(payload, ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(DATA.parent.parent)}")


def _aliases(name: str, aliases: list[str]) -> list[str]:
    """NFC aliases without repeats or the name itself (compared by `name_key`)."""
    seen = {name_key(name)}
    out = []
    for alias in aliases:
        alias = nfc_vi(alias).strip()
        if alias and name_key(alias) not in seen:
            seen.add(name_key(alias))
            out.append(alias)
    return out


def _package_data() -> Path:
    return Path(str(resources.files("vietnamadminunits") / "data"))


def _clean_short(name: str) -> str:
    """'Hồng Ngự (Thành phố)' -> 'Hồng Ngự': the kind is kept in its own field."""
    return nfc_vi(re.sub(r"\s*\(.*?\)\s*$", "", name)).strip()


def _kind(full_name: str) -> str:
    return "thành phố" if full_name.startswith("Thành phố") else "tỉnh"


def build_provinces(db: sqlite3.Connection) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """63 legacy units and 34 units from 2025-07-01, linked through the merger table."""
    legacy_rows = db.execute(
        "SELECT DISTINCT province, provinceShort, provinceCode, provinceLat, provinceLon,"
        " provinceKey FROM admin_units_legacy ORDER BY provinceCode").fetchall()
    new_rows = db.execute(
        "SELECT DISTINCT province, provinceShort, provinceCode, provinceLat, provinceLon,"
        " provinceKey FROM admin_units ORDER BY provinceCode").fetchall()
    merger = json.loads((_package_data() / "converter_2025.json").read_text("utf-8"))
    merged_from_pkg: dict[str, list[str]] = merger["DICT_PROVINCE"]

    legacy: dict[str, dict[str, Any]] = {}
    legacy_by_pkg: dict[str, str] = {}
    legacy_code_by_name: dict[str, str] = {}
    for full, short, code, lat, lon, pkg_key in legacy_rows:
        name = nfc_vi(short)
        key = slugify(name)
        legacy_by_pkg[pkg_key] = key
        legacy_code_by_name[name] = code
        legacy[key] = {
            "key": key, "id": f"province:{key}", "era": "legacy", "name": name,
            "full_name": nfc_vi(full), "kind": _kind(full), "code": code,
            "lat": round(lat, 5) if lat is not None else None,
            "lon": round(lon, 5) if lon is not None else None,
            "aliases": _aliases(name, PROVINCE_ALIASES.get(name, [])),
            "merged_into": None, "merged_on": None, "successor": None,
        }

    current: dict[str, dict[str, Any]] = {}
    for full, short, code, lat, lon, pkg_key in new_rows:
        name = nfc_vi(short)
        # One key per name; a 2025 unit gets its own key only where its code differs from the
        # legacy unit of that name (Lào Cai 2025 carries Yên Bái's former code 15).
        key = slugify(name)
        if legacy_code_by_name.get(name) not in (None, code):
            key = f"{key}-2025"
        sources = [legacy_by_pkg[k] for k in merged_from_pkg[pkg_key]]
        current[pkg_key] = {
            "key": key, "id": f"province:{key}", "era": "2025", "name": name,
            "full_name": nfc_vi(full), "kind": _kind(full), "code": code,
            "lat": round(lat, 5) if lat is not None else None,
            "lon": round(lon, 5) if lon is not None else None,
            "aliases": _aliases(name, PROVINCE_ALIASES.get(name, [])),
            "merged_from": sorted(sources, key=lambda k: legacy[k]["code"]),
            "established_on": MERGED_ON,
        }
        for old in sources:
            record = legacy[old]
            record["successor"] = key
            if len(sources) > 1:
                record["merged_into"] = key
                record["merged_on"] = MERGED_ON

    records = list(legacy.values()) + sorted(current.values(), key=lambda r: r["code"])
    eras = Counter(r["era"] for r in records)
    assert eras == {"legacy": 63, "2025": 34}, eras
    assert all(r["successor"] for r in legacy.values()), "every legacy unit has a successor"
    assert len({(r["key"], r["era"]) for r in records}) == len(records)
    return records, {pkg: key for pkg, key in legacy_by_pkg.items()}


def _bare_ok(name: str, province_names: set[str], duplicated: set[str],
             middles: set[str]) -> bool:
    """May the short name stand alone as a pattern? Only if it cannot be read as something else.

    Numbered districts ("Quận 1"), names shared by several districts or a province, and names
    that open with a common middle name, so that they also end many full names ("Văn Lâm" in
    "Nguyễn Văn Lâm", "Thanh Xuân"), need their kind word ("huyện Văn Lâm") to be recognised.
    A leading surname alone is allowed ("Sa Pa", "Hạ Long"): a two-syllable district name is
    rarely a whole personal name.
    """
    words = name.split()
    return not (
        (len(words) < 2 and len(name) < 5)  # "Vinh", "Lắk"; but "Pleiku", "KBang"
        or any(ch.isdigit() for ch in name)
        or fold(name) in duplicated
        or fold(name) in province_names
        or words[0] in middles
    )


def build_districts(db: sqlite3.Connection, province_keys: dict[str, str],
                    provinces: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The district-level units in force just before 2025-07-01 (abolished then)."""
    rows = db.execute(
        "SELECT DISTINCT district, districtShort, districtType, districtCode, districtLat,"
        " districtLon, provinceKey FROM admin_units_legacy ORDER BY districtCode").fetchall()
    names = json.loads((DATA / "surnames.json").read_text("utf-8"))
    middles = {nfc_vi(s) for s in names["common_middle"]} & STRONG_MIDDLE
    province_names = {fold(p["name"]) for p in provinces}
    short_counts = Counter(fold(_clean_short(r[1])) for r in rows)
    duplicated = {name for name, n in short_counts.items() if n > 1}

    districts = []
    for full, short, kind, code, lat, lon, pkg_province in rows:
        name = _clean_short(short)
        full_name = nfc_vi(full)
        kind_vi = DISTRICT_KINDS[kind]
        province = province_keys[pkg_province]
        if name.startswith("Quận ") and name[5:].isdigit():
            name = full_name  # "Quận 1" is the name itself
        key = f"{province}-{slugify(kind_vi)}-{slugify(name)}"
        if name == full_name:
            key = f"{province}-{slugify(name)}"
        districts.append({
            "key": key, "id": f"location:{key}", "name": name, "full_name": full_name,
            "kind": kind_vi, "province": province, "code": code,
            "lat": round(lat, 5) if lat is not None else None,
            "lon": round(lon, 5) if lon is not None else None,
            "bare_ok": _bare_ok(name, province_names, duplicated, middles),
        })
    assert len({d["key"] for d in districts}) == len(districts)
    return districts


UN_EXTRA = {"VA", "PS", "XK", "TW"}  # observer states and widely recognised non-members
TERRITORIES = {"HK", "MO"}
# ISO codes of the 193 UN member states (UN list of member states).
_UN_MEMBER_CODES = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA
CF TD CL CN CO KM CG CD CR CI HR CU CY CZ KP DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM
GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS
LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK
NO OM PK PW PA PG PY PE PH PL PT QA KR RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO
ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM
ZW
"""
UN_MEMBERS = set(_UN_MEMBER_CODES.split())


def build_places() -> list[dict[str, Any]]:
    """Countries (CLDR Vietnamese names + news aliases) and the hand-written foreign places."""
    from babel import Locale  # build-time only

    assert len(UN_MEMBERS) == 193, len(UN_MEMBERS)
    names = Locale("vi").territories
    overrides = json.loads((SOURCES / "countries.json").read_text("utf-8"))
    places: list[dict[str, Any]] = []
    for iso in sorted(UN_MEMBERS | UN_EXTRA | TERRITORIES):
        extra = overrides.get(iso, {})
        cldr = nfc_vi(re.sub(r"\s*\(.*?\)", "", names[iso]))
        name = nfc_vi(extra.get("name", cldr))
        aliases = [nfc_vi(a) for a in extra.get("aliases", [])]
        if cldr != name:
            aliases.insert(0, cldr)
        key = slugify(name)
        places.append({
            "key": key, "id": f"location:{key}", "name": name, "aliases": _aliases(name, aliases),
            "kind": "territory" if iso in TERRITORIES else "country",
            "country": iso, "parent": "trung-quoc" if iso in TERRITORIES else None,
        })
    by_iso = {p["country"]: p["key"] for p in places}
    manual = json.loads((SOURCES / "places_manual.json").read_text("utf-8"))
    by_name: dict[tuple[str | None, str], str] = {}
    for item in manual["places"]:
        name = nfc_vi(item["name"])
        country = item.get("country")
        key = slugify(name)
        if item["kind"].startswith("foreign_"):
            key = f"{key}-{country.lower()}"  # "phu-ninh-cn" is not huyện Phú Ninh
        by_name[(country, name)] = key
        parent = item.get("parent")
        parent_key = by_iso.get(parent) or by_name.get((country, nfc_vi(parent or "")))
        assert parent is None or parent_key, f"unknown parent {parent!r} of {name}"
        places.append({
            "key": key, "id": f"location:{key}", "name": name,
            "aliases": _aliases(name, item.get("aliases", [])),
            "kind": item["kind"], "country": country, "parent": parent_key,
        })
    keys = Counter(p["key"] for p in places)
    assert all(n == 1 for n in keys.values()), [k for k, n in keys.items() if n > 1]
    return places


def main() -> None:
    db = sqlite3.connect(_package_data() / "dataset.db")
    provinces, province_keys = build_provinces(db)
    districts = build_districts(db, province_keys, provinces)
    _dump("provinces.json", {"_about": "generated by build_gazetteers.py from vietnamadminunits",
                             "provinces": provinces})
    _dump("districts.json", {"_about": "generated by build_gazetteers.py from vietnamadminunits",
                             "districts": districts})
    if (SOURCES / "places_manual.json").exists():
        _dump("places.json", {"_about": "generated by build_gazetteers.py from CLDR (babel) and "
                                        "sources/*.json", "places": build_places()})


if __name__ == "__main__":
    main()
