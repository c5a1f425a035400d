"""What the entity recognisers share: candidate spans and a word index over the text.

Recognisers work on `doc.text` with compiled regexes and a light word index (words and
punctuation with their offsets), never with per-token Python loops over the spaCy doc; the
resolver in ingest/components.py maps the chosen candidates to tokens once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

__all__ = ["Candidate", "Words", "compound_starts", "doc_text", "is_cap"]

# A word, with its inner joiners; a hyphen before a letter joins the syllables of a transcribed
# foreign name into one word ("Vông-xay", "Xổm-xạ-vạt", "Oh-Sae-Hyun"). A hyphen before the
# first word of a title or of a body's head separates two items written without spaces: a name
# and its title ("Lê Văn A-Ủy viên ..."), two titles ("Phó Bí thư Tỉnh ủy-Chủ tịch UBND tỉnh").


@cache
def _word_pattern() -> re.Pattern[str]:
    from ingest.lexicon import lexicon

    lex = lexicon()
    firsts = {t.split()[0] for t in lex.titles if t[:1].isupper()}
    firsts |= {"Tỉnh", "Thành", "UBND", "HĐND", "Ủy", "Sở", "Ban", "Cục", "Bộ", "Đoàn"}
    starts = "|".join(re.escape(w) for w in sorted(firsts, key=len, reverse=True))
    return re.compile(r"\w+(?:[.&+/'’]\w+|-(?=[^\W\d_])(?!(?:" + starts + r")(?!\w))\w+)*"
                      r"|[^\w\s]")


@dataclass
class Candidate:
    """A recognised mention: offsets into doc.text, FACTS type, canonical name and key."""

    start: int
    end: int
    label: str
    name: str
    key: str = ""
    priority: int = 0
    titles: list[str] = field(default_factory=list)
    # places named inside it stay entities of their own (a list item "... các tỉnh: A, B")
    nests: bool = False


def is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


class Words:
    """The words and punctuation marks of a text with their character offsets."""

    def __init__(self, text: str, compounds: set[int] | None = None) -> None:
        self.text = text
        # start offsets of syllables that continue the previous one inside one segmented word
        # ("nghiệp" in "Công nghiệp"): pyvi's word boundaries, read once from the doc
        self.compounds = compounds or set()
        matches = list(_word_pattern().finditer(text))
        self.words = [m.group(0) for m in matches]
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.at = {s: i for i, s in enumerate(self.starts)}

    def joined(self, i: int) -> bool:
        """Is word i the continuation of word i-1 inside one segmented word?"""
        return 0 < i < len(self.words) and self.starts[i] in self.compounds

    def __len__(self) -> int:
        return len(self.words)

    def index(self, char: int) -> int | None:
        """The index of the word starting at `char`, if one does."""
        return self.at.get(char)

    def get(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def gap(self, i: int) -> str:
        """The characters between word i-1 and word i ("" when they touch)."""
        return self.text[self.ends[i - 1]:self.starts[i]] if 0 < i < len(self.words) else ""

    def phrase(self, i: int, j: int) -> str:
        """The text of words i..j-1 as written."""
        return self.text[self.starts[i]:self.ends[j - 1]] if j > i else ""

    def cap_run(self, i: int, limit: int = 4) -> int:
        """The end index of the run of capitalised words from i (same line, no punctuation)."""
        j = i
        while (j < len(self.words) and j - i < limit and is_cap(self.words[j])
               and self.words[j][0].isalpha() and (j == i or self.gap(j) == " ")):
            j += 1
        return j


def doc_text(doc) -> str:  # type: ignore[no-untyped-def]
    """`doc.text`, built once per doc: spaCy's `Doc.text` joins every token again on each call
    (a whole article's tokens for each recogniser that reads it)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def compound_starts(doc) -> set[int]:  # type: ignore[no-untyped-def]
    """Offsets of the non-first syllables of every multi-syllable token of a segmented doc
    (recorded by ingest/tokenizer.py while it segments; read from the tokens otherwise)."""
    known = doc.user_data.get(_COMPOUNDS_KEY)
    if known is not None:
        return known
    out: set[int] = set()
    for token in doc:
        text = token.text
        if " " in text:
            base = token.idx
            out.update(base + m.start() for m in _SYLLABLE.finditer(text) if m.start())
    return out


_SYLLABLE = re.compile(r"\S+")
_TEXT_KEY = "vnkg_text"
_COMPOUNDS_KEY = "vnkg_compounds"
