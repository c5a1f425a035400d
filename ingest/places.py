"""Places: provinces, other locations, border gates and zones.

A name is read by the word in front of it: "tỉnh X" is a province, "huyện X" a district,
"thành phố X" a province only for the five centrally governed cities and a LOCATION otherwise;
a bare name is whatever the gazetteer says. Border gates and zones are read by their own
generic words ("cửa khẩu quốc tế đường bộ số II - X", "cặp cửa khẩu X - Y", "Khu công nghiệp X")
and named by their own name, which is what FACTS.md wants ("Kim Thành", "Lào Cai - Hà Khẩu").
"""

from __future__ import annotations

import re
from functools import cache

from ingest.lexicon import LOWER, UPPER, Lexicon, squash
from ingest.spans import Candidate
from ingest.text import name_key, slugify

__all__ = ["find_facilities", "find_gates", "find_places", "find_zones"]

# a capitalised word; a hyphen and lowercase syllables continue a transcribed name
# ("huyện Mường-khoa"), a hyphen and a capital do not ("Tỉnh ủy-Chủ tịch")
_CAP = rf"[{UPPER}][{LOWER}{UPPER}]*(?:-[{LOWER}]+)*"
_CAPRUN = rf"{_CAP}(?:[ ]{_CAP}){{0,3}}"
_WATER = re.compile(rf"(?<!\w)(?P<kind>sông|vịnh|đảo|quần đảo|đèo)[ ]+(?P<name>{_CAPRUN})(?!\w)")
_CAP_NEXT = re.compile(rf"[ ][{UPPER}]")
_CAP_PREV = re.compile(rf"[{UPPER}][{LOWER}]*[ ]$")
_LOCAL = {"huyện", "quận", "thị xã", "tx", "thị trấn", "xã", "phường"}


def _province(lex: Lexicon, name: str, start: int, end: int, after_merger: bool) -> Candidate:
    key = lex.province_key(name, after_merger) or slugify(name)
    return Candidate(start, end, "PROVINCE", lex.provinces[key]["name"] if key in lex.provinces
                     else name, f"province:{key}", 2)


# A transcribed foreign name written with hyphens: "Sa-vằn-na-khệt", "Chăm-pa-xắc".
_HYPHENATED = re.compile(rf"(?<![\w-])[{UPPER}]\w*(?:-\w+)+(?![\w-])")


# A province named after a person: bare, it is the person ("Tư tưởng Hồ Chí Minh", "Đoàn TNCS
# Hồ Chí Minh"); the city is written with its kind word ("TP. Hồ Chí Minh", "thành phố ...").
_PERSON_NAMED = {"Hồ Chí Minh"}
_CITY_BEFORE = re.compile(r"(?:[Tt]hành phố|TP\.?)[ ]?$")


def names_the_province(text: str, start: int, name: str) -> bool:
    """Does this province name, written bare at `start`, mean the province?

    >>> names_the_province("Đoàn TNCS Hồ Chí Minh", 10, "Hồ Chí Minh")
    False
    >>> names_the_province("tại TP. Hồ Chí Minh", 8, "Hồ Chí Minh")
    True
    """
    return name not in _PERSON_NAMED or bool(_CITY_BEFORE.search(text, max(0, start - 12), start))


# A leader's title before a country: "Thủ tướng Lào Sonexay Siphandone", "Tổng thống Pháp":
# the one-word name between the title and the leader's name is the country, not a given name.
_LEADER_TITLE = re.compile(r"(?<!\w)(?:Thủ tướng|Tổng thống|Chủ tịch(?: nước)?|Quốc vương|"
                           r"Nhà vua|Ngoại trưởng|Tổng Bí thư|Thủ tướng Chính phủ)[ ]$")


def _kind_regex(lex: Lexicon) -> re.Pattern[str]:
    """"<unit word> <Name>" for every unit word of ingest/data/admin_units.json."""
    alts = []
    for unit in lex.admin_units:
        word = re.escape(unit["word"]).replace(r"\ ", "[ ]")
        if word[0].islower():
            word = f"[{word[0].upper()}{word[0]}]{word[1:]}"
        if word.endswith(r"\."):
            word += "?"
        guard = "".join(f"(?<!(?i:{re.escape(w)}) )" for w in unit.get("not_after", []))
        alts.append(guard + word)
    alts.sort(key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?P<kind>{'|'.join(alts)})[ ]+"
                      rf"(?P<name>{_CAPRUN}(?:[ ]\d{{1,2}})?)(?!\w)")


_KINDS: dict[int, re.Pattern[str]] = {}
_VILLAGE_END = re.compile(r"\s*(?:[,;.()]|$)")


def _unit_places(text: str, lex: Lexicon, after_merger: bool) -> list[Candidate]:
    """Provinces and LOCATIONs written with their unit word ("tỉnh X", "xã Y", "bản Z")."""
    if id(lex) not in _KINDS:
        _KINDS[id(lex)] = _kind_regex(lex)
    in_name = {u["word"].lower().rstrip(".") for u in lex.admin_units if u.get("in_name")}
    local = {u["word"].lower().rstrip(".") for u in lex.admin_units if u["level"] < 2} | _LOCAL
    out: list[Candidate] = []
    for m in _KINDS[id(lex)].finditer(text):
        kind = m.group("kind").lower().rstrip(".")
        name = m.group("name")
        # the longest known name inside the capitalised run ("tỉnh Lào Cai Nguyễn ...")
        words = name.split(" ")
        for n in range(len(words), 0, -1):
            part = " ".join(words[:n])
            end = m.start("name") + len(part)
            if kind in ("tỉnh", "thành phố", "tp") and part in lex.province_by_name:
                key = lex.province_by_name[part]
                city = lex.provinces[key]["kind"] == "thành phố"
                if kind == "tỉnh" or city:
                    out.append(_province(lex, part, m.start(), end, after_merger))
                    break
            # a transcribed foreign name ("tỉnh Xiêng-khoảng") is a foreign unit, any kind
            foreign = "-" in part and n == 1 and squash(part) not in lex.places_squashed
            if kind in in_name and not _VILLAGE_END.match(text, end):
                break  # "bản Quy hoạch": a village is named before a comma or a bracket
            if part in lex.districts or (kind in local and n == len(words) and n <= 3) \
                    or foreign:
                label = f"{m.group('kind')} {part}" if kind in in_name else part
                out.append(Candidate(m.start(), end, "LOCATION", label,
                                     f"location:{slugify(label)}", 2))
                break
            if kind in ("tỉnh", "thành phố", "huyện") and part in lex.places:
                rec = lex.places[part]
                out.append(Candidate(m.start(), end, "LOCATION", rec["name"],
                                     f"location:{rec['key']}", 2))
                break
    return out


# Countries named as languages: "tiếng Anh", "3 ngoại ngữ Anh, Nga và Séc".
_LANGUAGE_BEFORE = re.compile(
    rf"(?<!\w)(?:tiếng|ngoại ngữ|ngôn ngữ)[ ]+(?:[{UPPER}]\w*[ ]*(?:,|và)[ ]*)*$", re.IGNORECASE)


def _not_a_place(text: str, start: int, end: int, compounds: set[int]) -> bool:
    """A gazetteer name that is a word's first syllables ("Pháp" in "Pháp luật", one pyvi
    word) or a language ("tiếng Anh")."""
    nxt = re.match(r"[ ]+(\w+)", text[end:end + 12])
    joined = nxt is not None and end + nxt.start(1) in compounds and \
        f"{text[start:end].split()[-1]} {nxt.group(1)}".lower() in _bigrams()
    return joined or bool(_LANGUAGE_BEFORE.search(text, max(0, start - 60), start))


@cache
def _bigrams() -> set[str]:
    """pyvi's dictionary of two-syllable words ("pháp luật")."""
    from pyvi import ViTokenizer

    return ViTokenizer.ViTokenizer.bi_grams


def find_places(text: str, lex: Lexicon, after_merger: bool = False,
                compounds: set[int] | None = None) -> list[Candidate]:
    """Provinces and LOCATIONs (districts, communes, countries, foreign places, regions,
    rivers) with their canonical short names; after the 2025 merger a province name means
    the 2025 unit."""
    out = _unit_places(text, lex, after_merger)
    for m in _WATER.finditer(text):
        name = f"{m.group('kind')} {m.group('name')}"
        out.append(Candidate(m.start(), m.end(), "LOCATION", name, f"location:{slugify(name)}", 1))
    for start, end, name in lex.province_index.find(text):
        if not names_the_province(text, start, name):
            continue
        out.append(_province(lex, name, start, end, after_merger))
    for m in _HYPHENATED.finditer(text):
        rec = lex.places_squashed.get(squash(m.group(0)))
        if rec is not None:
            out.append(Candidate(m.start(), m.end(), "LOCATION", rec["name"],
                                 f"location:{rec['key']}", 1))
    for start, end, name in lex.place_index.find(text):
        rec = lex.places.get(name) or lex.places.get(name_key(name))
        if rec is None or _not_a_place(text, start, end, compounds or set()):
            continue
        if " " not in name and (_CAP_NEXT.match(text, end)
                                or _CAP_PREV.search(text, max(0, start - 30), start)) \
                and not (rec.get("kind") == "country"
                         and _LEADER_TITLE.search(text, max(0, start - 25), start)):
            continue  # "Đức", "Anh" next to a capitalised word are given names
        out.append(Candidate(start, end, "LOCATION", rec["name"], f"location:{rec['key']}", 1))
    for start, end, name in lex.district_index.find(text):
        out.append(Candidate(start, end, "LOCATION", name, f"location:{slugify(name)}", 0))
    return out


# A gate's head: "cửa khẩu (quốc tế/chính/phụ/song phương) (đường bộ)", or a border opening
# that is no gate by rank but a crossing all the same: "lối mở X", "lối thông quan X".
_GATE_HEAD = (r"(?<!\w)(?:(?:[Cc]ặp[ ]+)?[Cc]ửa[ ]+khẩu(?:[ ]+(?:[Qq]uốc[ ]+tế|[Cc]hính|[Pp]hụ|"
              r"[Ss]ong[ ]+phương))?(?:[ ]+(?:[Đđ]ường[ ]+(?:bộ|sắt|thủy)|[Gg]a[ ]+đường[ ]+sắt))?"
              r"|[Ll]ối[ ]+(?:mở|thông[ ]+quan))")
# A bracket after a gate's name is part of it ("Hồ Kiều (qua cầu ...)") unless it names the
# administrative unit the gate lies in: "(thị xã Tịnh Biên)", "(huyện Y)", "(TP. Z)" are
# LOCATIONs of their own, which ingest/relations reads as where the gate is.
_UNIT_IN_BRACKET = (r"(?!\s*(?:[Hh]uyện|[Tt]hị xã|[Tt]hị trấn|[Tt]hành phố|TP\.?|TX\.?|[Qq]uận|"
                    r"[Tt]ỉnh|[Xx]ã|[Pp]hường)\b)")
_GATE_NAME = rf"{_CAPRUN}(?:\s*\({_UNIT_IN_BRACKET}[^()]{{1,30}}\))?"
_GATE = re.compile(
    _GATE_HEAD
    + rf"(?:[ ]+[Ss]ố[ ]+(?P<num>[IVX]+|\d+)(?:\s*-\s*(?P<numname>{_CAPRUN})"
    rf"|\s*\(qua\s+cầu\s+(?P<bridge>{_CAPRUN})\))?"
    rf"|[ ]+(?P<a>{_GATE_NAME})(?:[ ]+[-–][ ]+(?P<b>{_GATE_NAME}))?)")  # hyphen or en dash
_GATE_LIST = re.compile(
    r"(?<!\w)(?:\d+\s+)?(?:cặp\s+)?cửa\s+khẩu[^.;:]{0,30}?\s(?:là|gồm|gồm có|như)\s*:?\s+"
    rf"(?P<items>{_GATE_NAME}\s+-\s+{_GATE_NAME}(?:\s*,\s*{_GATE_NAME}\s+-\s+{_GATE_NAME})*)")
_PAIR = re.compile(rf"(?P<a>{_GATE_NAME})\s+-\s+(?P<b>{_GATE_NAME})")
_PAREN = re.compile(r"\s*\([^()]*\)")


_GATE_NUMBER = re.compile(r"[ ]+(?:số[ ]+)?(?:[IVX]+|\d+)$")


def _gate_record(lex: Lexicon, name: str, province: str | None) -> dict | None:
    """The gazetteer gate a written name means, so that every way of writing it carries one
    key: the name or an alias, the Vietnamese side of a pair whatever the spelling of the
    foreign side ("Bản Vược - Pả Sa"), a numbered crossing of it ("Kim Thành II", "Kim Thành
    2", "Kim Thành số II")."""
    sides = [name, name.split(" - ")[0]] if " - " in name else [name]
    for side in sides:
        rec = lex.gate(side, province)
        unnumbered = _GATE_NUMBER.sub("", side)
        if rec is None and unnumbered != side:
            rec = lex.gate(unnumbered, province)
        if rec is not None:
            return rec
    return None


def _gate_name(lex: Lexicon, a: str, b: str | None, province: str | None) -> tuple[str, str]:
    a = _PAREN.sub("", a).strip()
    name = f"{a} - {_PAREN.sub('', b).strip()}" if b else a
    rec = _gate_record(lex, name, province)
    key = f"border_gate:{rec['key']}" if rec else f"border_gate:{slugify(name)}"
    return name, key


# An international railway station is a crossing point of a border gate (FACTS.md): a
# BORDER_GATE of its own, "Ga đường sắt quốc tế Lào Cai", "ga quốc tế Đồng Đăng".
_STATION = re.compile(
    r"(?<!\w)[Gg]a(?:[ ]đường[ ]sắt)?(?:[ ]liên[ ]vận)?[ ][Qq]uốc[ ]tế"
    rf"[ ]+(?P<name>{_CAPRUN})(?!\w)")
_STATION_FORMS = ("Ga đường sắt quốc tế {}", "ga đường sắt liên vận quốc tế {}", "ga {}",
                  "Ga {}", "{}")


def _station(lex: Lexicon, own: str, province: str | None) -> tuple[str, str]:
    """A station's name and key: the gazetteer's station (its own key, not the road gate's of
    the same place name), else its written name."""
    for form in _STATION_FORMS:
        rec = lex.gate(form.format(own), province)
        if rec is not None and rec.get("mode") == "rail":
            return rec["name"], f"border_gate:{rec['key']}"
    name = f"Ga đường sắt quốc tế {own}"
    return name, f"border_gate:{slugify(name)}"


# "N cửa khẩu quốc tế, gồm: A (huyện X), B (thị xã Y) và một cửa khẩu quốc gia C": gates
# named alone in a list that a gate noun opens; a bracketed unit after each says where it lies.
_GATE_LIST_OPEN = re.compile(r"(?<!\w)(?:\d+\s+)?cửa\s+khẩu(?:[^.;:]{0,40}?\s(?:là|gồm|gồm có|"
                             r"như)\s*:?|\s*:)\s+")
_GATE_ITEM = re.compile(rf"{_CAPRUN}")
_GATE_ITEM_JOIN = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:,|và|;)\s*(?:(?:một|các|\d+)\s+)?"
                             r"(?:cửa\s+khẩu(?:\s+(?:quốc\s+tế|quốc\s+gia|chính|phụ))?\s+)?")


def _listed_gates(text: str, lex: Lexicon, province: str | None) -> list[Candidate]:
    """The gates of a list opened by a gate noun, each named alone."""
    out: list[Candidate] = []
    for m in _GATE_LIST_OPEN.finditer(text):
        pos = m.end()
        while (item := _GATE_ITEM.match(text, pos)) is not None:
            if text.startswith(" - ", item.end()):
                break  # a pair: the pair recognisers' ("A - B")
            name, key = _gate_name(lex, item.group(0), None, province)
            out.append(Candidate(item.start(), item.end(), "BORDER_GATE", name, key, 2))
            join = _GATE_ITEM_JOIN.match(text, item.end())
            if join is None or join.end() == item.end():
                break
            pos = join.end()
    return out


def find_gates(text: str, lex: Lexicon, province: str | None = None) -> list[Candidate]:
    """Border gates, named by their own name ("Lào Cai - Hà Khẩu", "Kim Thành"); a name that
    several provinces share is read by the article's province key."""
    out: list[Candidate] = []
    for m in _STATION.finditer(text):
        name, key = _station(lex, m.group("name"), province)
        out.append(Candidate(m.start(), m.end(), "BORDER_GATE", name, key, 3))
    for m in _GATE.finditer(text):
        if m.group("num"):
            own = m.group("numname") or m.group("bridge")
            name = own if own else f"cửa khẩu quốc tế đường bộ số {m.group('num')}"
            end = m.end("numname") if m.group("numname") else (
                m.end("num") if m.group("bridge") else m.end())
            rec = _gate_record(lex, own, province) if own else None
            key = f"border_gate:{rec['key']}" if rec else f"border_gate:{slugify(name)}"
            out.append(Candidate(m.start(), end, "BORDER_GATE", name, key, 3))
            continue
        name, key = _gate_name(lex, m.group("a"), m.group("b"), province)
        if name.split(" ")[0] in ("Quốc", "Đường", "Số"):
            continue
        out.append(Candidate(m.start(), m.end(), "BORDER_GATE", name, key, 3))
    for m in _GATE_LIST.finditer(text):
        base = m.start("items")
        for p in _PAIR.finditer(m.group("items")):
            name, key = _gate_name(lex, p.group("a"), p.group("b"), province)
            out.append(Candidate(base + p.start(), base + p.end(), "BORDER_GATE", name, key, 3))
    out.extend(_listed_gates(text, lex, province))
    for start, end, name in lex.gate_index.find(text):
        before = text[max(0, start - 12):start].lower()
        if "cửa khẩu" in before or "cầu" in before[-5:]:
            rec = lex.gate(name, province) or lex.gates[name]
            out.append(Candidate(start, end, "BORDER_GATE", name, f"border_gate:{rec['key']}", 1))
    return out


# A zone's head: its kind, compound kinds ("Khu kinh tế - thương mại", "Khu công nghiệp - đô
# thị - dịch vụ") and qualifiers ("ven biển", "đặc biệt"), then its own capitalised name,
# which may be a city written "TP. Hồ Chí Minh".
_ZONE_FIRST = (r"kinh\s+tế|công\s+nghiệp|công\s+nghệ\s+cao|chế\s+xuất|phức\s+hợp|"
               r"thương\s+mại\s+tự\s+do|nông\s+nghiệp\s+ứng\s+dụng\s+công\s+nghệ\s+cao|"
               r"công\s+nghệ\s+thông\s+tin\s+tập\s+trung")
_ZONE_MORE = r"đô\s+thị|dịch\s+vụ|thương\s+mại|công\s+nghiệp|du\s+lịch|logistics|kinh\s+tế"
_ZONE_QUALIFIER = (r"ven\s+biển|cửa\s+khẩu(?:\s+quốc\s+tế)?|đặc\s+biệt|quốc\s+tế|tổng\s+hợp|"
                   r"sinh\s+thái|tập\s+trung|chuyên\s+ngành|hỗ\s+trợ|đa\s+ngành|công\s+nghệ\s+cao")
_ZONE_KIND = (rf"(?:[Kk]hu|[Cc]ụm)\s+(?i:{_ZONE_FIRST})(?:\s*[-–]\s*(?i:{_ZONE_MORE}))*"
              rf"(?:\s+(?:{_ZONE_QUALIFIER}))*|KKT(?:\s+cửa\s+khẩu)?|KCN|CCN")
# Two places joined by a dash make one name: "Khu kinh tế Đình Vũ - Cát Hải".
# A number or a roman numeral ends the name of a later phase ("Khu công nghiệp Phú Mỹ 3", "KCN
# Quế Võ II"), but not a quantity or a date after it ("KCN X 5/9", "KCN X 3 ha").
_ZONE_NUMBER = (r"(?:[ ](?:\d{1,2}|[IVX]{1,4})(?![\w/.,%]\d|\w|[ ]?(?:ha|héc|%|tỷ|triệu|nghìn|"
                r"năm|tháng|km|m2|lô|doanh|dự)\b))?")
_ZONE = re.compile(rf"(?<!\w)(?P<kind>{_ZONE_KIND})[ ]+(?:(?:tỉnh|thành[ ]phố)[ ]+)?"
                   rf"(?P<name>(?:TP\.?[ ]?)?{_CAPRUN}{_ZONE_NUMBER})"
                   rf"(?:[ ]?[-–][ ]?(?P<more>{_CAPRUN}{_ZONE_NUMBER}))?(?!\w)")
# Words that open a title or a body, not the second place of a name ("KCN X - Phó Chủ tịch").
_NOT_PLACE = {"Phó", "Bí", "Chủ", "Giám", "Trưởng", "Thứ", "Bộ", "Ủy", "Sở", "Ban", "UBND",
              "HĐND", "Tỉnh", "Thành", "Công", "Tổng", "Cục", "Đại", "Ông", "Bà", "Đồng"}
_ZONE_LIST = re.compile(
    rf"(?<!\w)(?:\d+\s+)?(?P<kind>khu công nghiệp|cụm công nghiệp|khu kinh tế)"
    r"[^.;:]{0,30}?\s(?:là|gồm|gồm có)\s*:?\s+"
    rf"(?P<items>{_CAPRUN}(?:\s*(?:,|và)\s*{_CAPRUN})*)")
_LONG = {"kkt": "Khu kinh tế", "kkt cửa khẩu": "Khu kinh tế cửa khẩu", "kcn": "Khu công nghiệp",
         "ccn": "Cụm công nghiệp"}


def _zone_kind(kind: str) -> str:
    kind = re.sub(r"\s*[-–]\s*", " - ", re.sub(r"\s+", " ", kind))
    kind = _LONG.get(kind.lower(), kind)
    return kind[0].upper() + kind[1:].lower()


def _zone_name(name: str) -> str:
    """"TP. Hồ Chí Minh" → "thành phố Hồ Chí Minh" (the city, not an abbreviation)."""
    return re.sub(r"^TP\.?\s*", "thành phố ", name)


def find_zones(text: str, lex: Lexicon) -> list[Candidate]:
    """Industrial parks and clusters, economic and free-trade zones with a name."""
    out: list[Candidate] = []
    for m in _ZONE.finditer(text):
        name = m.group("name")
        if name.split(" ")[0] in ("Quản", "Ban", "Sở", "UBND"):
            continue
        end = m.end()
        more = m.group("more")
        if more and more.split(" ")[0] not in _NOT_PLACE:
            name = f"{name} - {more}"
        elif more:
            end = m.end("name")
        full = f"{_zone_kind(m.group('kind'))} {_zone_name(name)}"
        out.append(Candidate(m.start(), end, "ZONE", full, f"zone:{slugify(full)}", 3))
    for m in _ZONE_LIST.finditer(text):
        kind = _zone_kind(m.group("kind"))
        base = m.start("items")
        for item in re.finditer(_CAPRUN, m.group("items")):
            full = f"{kind} {item.group(0)}"
            out.append(Candidate(base + item.start(), base + item.end(), "ZONE", full,
                                 f"zone:{slugify(full)}", 3))
    return out


# Facilities named after their place: the place name inside is not a mention of the place
# ("Nhà máy Thủy điện Sơn La tại huyện Mường La" names a plant, not the province). A plant is
# an operating unit, an ORGANIZATION (as hospitals and schools are, ingest/bodies.py); an
# airport, a port, a station or a tourist area is a place, a LOCATION. An international
# railway station is a crossing point of a border gate ("Ga đường sắt Quốc tế Lào Cai"), left
# to the gates.
_FAC_LINK = (r"điện|măng|dầu|gió|mặt[ ]trời|khí|than|đường|thép|giấy|nước|sinh[ ]khối|"
             r"đường[ ]sắt|hàng[ ]không|quốc[ ]tế")
_FAC_NAME = (rf"{_CAP}(?:[ ](?:(?:{_FAC_LINK})[ ])?{_CAP}){{0,6}}"
             rf"(?:[ ]?[-–][ ]?{_CAP}(?:[ ]{_CAP}){{0,3}})?")
_FACILITY = re.compile(
    r"(?<!\w)(?P<kind>Nhà[ ]máy|Cảng[ ]hàng[ ]không(?:[ ]quốc[ ]tế)?|Sân[ ]bay(?:[ ]quốc[ ]tế)?|"
    r"Cảng(?:[ ](?:biển|cá|cạn|tổng[ ]hợp|container|nước[ ]sâu|quốc[ ]tế|hành[ ]khách))*|"
    r"Ga(?:[ ]đường[ ]sắt)?(?:[ ][Qq]uốc[ ]tế)?|"
    r"Khu[ ]du[ ]lịch(?:[ ](?:quốc[ ]gia|sinh[ ]thái|tâm[ ]linh))*)"
    rf"[ ]+(?P<name>{_FAC_NAME})(?!\w)")
_PLANT = "Nhà máy"
_NOT_FACILITY_NAME = {"Phó", "Bí", "Chủ", "Giám", "Trưởng", "Thứ", "Bộ", "Sở", "Ban", "UBND",
                      "HĐND", "Ông", "Bà", "Tổng", "Cục"}


# Roads: "tuyến đường Trường Sơn Đông", "Quốc lộ 3" (a road is a place, never a body).
_ROAD = re.compile(rf"(?<!\w)(?:(?P<street>đường)[ ]+(?P<own>{_CAPRUN})"
                   r"|(?P<numbered>[Qq]uốc[ ]lộ|[Tt]ỉnh[ ]lộ|[Đđ]ường[ ]tỉnh)[ ]+\d{1,3}[A-Z]?)"
                   r"(?!\w)")


def find_facilities(text: str) -> list[Candidate]:
    """Plants (ORGANIZATION), airports, ports, stations, tourist areas and roads (LOCATION)
    under their whole written name."""
    out: list[Candidate] = []
    for m in _ROAD.finditer(text):
        name = m.group(0)
        if m.group("numbered"):
            name = name[0].upper() + name[1:]
        out.append(Candidate(m.start(), m.end(), "LOCATION", name, f"location:{slugify(name)}", 3))
    for m in _FACILITY.finditer(text):
        kind, own = m.group("kind"), m.group("name")
        if own.split(" ")[0] in _NOT_FACILITY_NAME:
            continue  # "Nhà máy Bộ ...", "Cảng Phó ...": not a name
        name = re.sub(r"\s+", " ", m.group(0))
        if kind.startswith("Ga") and re.search(r"\b[Qq]uốc tế\b", m.group(0)):
            continue  # a crossing point of a gate: the gate recogniser's (find_gates)
        if kind == _PLANT:
            out.append(Candidate(m.start(), m.end(), "ORGANIZATION", name, f"org:{slugify(name)}",
                                 3))
        else:
            out.append(Candidate(m.start(), m.end(), "LOCATION", name, f"location:{slugify(name)}",
                                 3))
    return out
