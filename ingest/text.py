"""Vietnamese text normalisation shared by matching, keys and search.

Vietnamese has composed and decomposed Unicode and two tone-mark placements ("hoà"/"hòa",
"uỷ"/"ủy"). Everything that compares names goes through `nfc_vi` first, so one spelling wins.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "name_key", "nfc_vi", "slugify"]

_TONES = set("\u0300\u0301\u0303\u0309\u0323")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def _place_tone(match: re.Match[str]) -> str:
    """Move a tone mark of an open "oa", "oe", "uy" syllable onto its first vowel ("hoà"→"hòa").

    Vietnamese news mostly writes the traditional placement (hòa, thủy, ủy), so that one wins.
    """
    word = unicodedata.normalize("NFD", match.group(0))
    tones = [ch for ch in word if ch in _TONES]
    if len(tones) != 1:
        return match.group(0)
    base = "".join(ch for ch in word if ch not in _TONES)
    tail = base[-2:].lower()
    if tail not in ("oa", "oe", "uy") or (tail == "uy" and base[-3:-2].lower() == "q"):
        return match.group(0)
    return unicodedata.normalize("NFC", base[:-1] + tones[0] + base[-1:])


def _toneless(base: str) -> str:
    """The letters whose NFC form, tone marks removed, is one of `base` (any case)."""
    out = []
    for code in range(0x41, 0x1EFA):
        ch = chr(code)
        bare = "".join(c for c in unicodedata.normalize("NFD", ch) if c not in _TONES)
        if bare.lower() in base and ch.isalpha():
            out.append(ch)
    return "".join(out)


# Only a word ending in an open "oa", "oe" or "uy" can need its tone moved: the others skip
# `_place_tone` (a tenth of an article's words instead of all of them).
_OPEN_SYLLABLE = re.compile(
    rf"\w*[{_toneless('ou')}][{_toneless('aey')}](?!\w)")


def nfc_vi(text: str) -> str:
    """NFC with one tone placement and ASCII dashes.

    >>> nfc_vi("Hoà Bình") == nfc_vi("Hòa Bình") == "Hòa Bình"
    True
    >>> nfc_vi("Uỷ ban"), nfc_vi("thuỷ điện"), nfc_vi("quý")
    ('Ủy ban', 'thủy điện', 'quý')
    """
    text = unicodedata.normalize("NFC", text or "")
    return _DASHES.sub("-", _OPEN_SYLLABLE.sub(_place_tone, text))


def fold(text: str) -> str:
    """Lowercase without diacritics (đ→d), single-spaced: the accent-insensitive search key.

    >>> fold("Nguyễn Hồng Diên")
    'nguyen hong dien'
    >>> fold("  Lào   Cai ")
    'lao cai'
    """
    text = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().lower()


def slugify(text: str) -> str:
    """A readable IRI path segment.

    >>> slugify("Bộ Công Thương")
    'bo-cong-thuong'
    >>> slugify("866/QĐ-TTg")
    '866-qd-ttg'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def name_key(text: str) -> str:
    """A comparison key that keeps diacritics but ignores case, spacing and tone placement.

    >>> name_key("Bộ Công thương") == name_key("Bộ  Công Thương")
    True
    """
    return re.sub(r"\s+", " ", nfc_vi(text)).strip().lower()
