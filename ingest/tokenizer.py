"""pyvi word segmentation for spaCy, the same words as `spacy.blank("vi")` gives, made cheaper.

spaCy's Vietnamese tokenizer (`spacy/lang/vi/__init__.py`) runs pyvi's CRF and then rebuilds
the tokens: pyvi's features as one Python dict per syllable (converted again by crfsuite), and
`spacy.util.get_words_and_spaces`, which searches each word in the rest of the text (quadratic
on a long article). Here the same CRF gets the same features as a list of attribute strings
(a False feature has weight 0 in crfsuite, so leaving it out changes no score), and the spaces
come from the syllables' own offsets. The join rule is spaCy's, so the words are identical
(tests/test_entities.py checks it against spaCy's tokenizer), with one fix: a word never runs
across a line break (spaCy's rule can join a title's last syllable to the body's first).

The doc also records where each multi-syllable word's inner syllables start
(`doc.user_data["vnkg_compounds"]`), which the recognisers read as pyvi's word boundaries.
"""

from __future__ import annotations

import re
import string

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

__all__ = ["COMPOUNDS_KEY", "TEXT_KEY", "FastVietnameseTokenizer"]

COMPOUNDS_KEY = "vnkg_compounds"
TEXT_KEY = "vnkg_text"  # read by ingest.spans.doc_text

# spaCy's syllabifier (pyvi's, keeping whitespace): abbreviations, specials, urls, emails,
# numbers, punctuation, words; whitespace runs are skipped by finditer here.
_SYLLABLE = re.compile(
    r"[A-ZĐ]+\.|Tp\.|Mr\.|Mrs\.|Ms\.|Dr\.|ThS\.|==>|->|\.\.\.|>>|\w+://[^\s]+"
    r"|[a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+|\d+(?:[\.,_]\d+)+|[^\w\s]|\w+")
_PUNCT = string.punctuation  # spaCy tests `in` on this string


class FastVietnameseTokenizer:
    """A drop-in for spaCy's pyvi tokenizer (same words and spaces)."""

    def __init__(self, vocab: Vocab) -> None:
        from pyvi import ViTokenizer

        self.vocab = vocab
        vt = ViTokenizer.ViTokenizer
        self._tagger = vt.model.tagger_
        self._bi = vt.bi_grams
        self._tri = vt.tri_grams

    def __call__(self, text: str) -> Doc:
        spans = [m.span() for m in _SYLLABLE.finditer(text)]
        if not spans:
            doc = Doc(self.vocab, words=[text] if text else [], spaces=[False] if text else [])
            doc.user_data[COMPOUNDS_KEY] = set()
            return doc
        sylls = [text[s:e] for s, e in spans]
        labels = self._tagger.tag(self._features(sylls))
        # spaCy's join rule: an I_W syllable joins the previous one unless either is
        # punctuation or a number, or a capitalised syllable follows a lowercase one
        groups: list[tuple[int, int]] = []
        compounds: set[int] = set()
        start, end = spans[0]
        for i in range(1, len(sylls)):
            w, p = sylls[i], sylls[i - 1]
            if (labels[i] == "I_W" and w not in _PUNCT and p not in _PUNCT
                    and (spans[i][0] - spans[i - 1][1] < 2
                         or "\n" not in text[spans[i - 1][1]:spans[i][0]])
                    and not w[0].isdigit() and not p[0].isdigit()
                    and not (w[0].istitle() and not p[0].istitle())):
                end = spans[i][1]
                compounds.add(spans[i][0])
            else:
                groups.append((start, end))
                start, end = spans[i]
        groups.append((start, end))
        # spaCy's `get_words_and_spaces`: one following " " is the word's space, any other
        # whitespace is a token of its own
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        size = len(text)
        for s, e in groups:
            if s > pos:
                words.append(text[pos:s])
                spaces.append(False)
            words.append(text[s:e])
            if e < size and text[e] == " ":
                spaces.append(True)
                pos = e + 1
            else:
                spaces.append(False)
                pos = e
        if pos < size:
            words.append(text[pos:])
            spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[COMPOUNDS_KEY] = compounds
        doc.user_data[TEXT_KEY] = text  # the doc's text is exactly the input
        return doc

    def _features(self, sylls: list[str]) -> list[list[str]]:
        """pyvi's `sent2features` as crfsuite attribute strings (true booleans only)."""
        n = len(sylls)
        low = [w.lower() for w in sylls]
        title = [w.istitle() for w in sylls]
        upper = [w.isupper() for w in sylls]
        bi, tri = self._bi, self._tri
        pair = [f"{low[i]} {low[i + 1]}" in bi for i in range(n - 1)]
        triple = [f"{low[i]} {low[i + 1]} {low[i + 2]}" in tri for i in range(n - 2)]
        out: list[list[str]] = []
        for i in range(n):
            f = ["bias", "word.lower():" + low[i]]
            if upper[i]:
                f.append("word.isupper()")
            if title[i]:
                f.append("word.istitle()")
            if sylls[i].isdigit():
                f.append("word.isdigit()")
            if i > 0:
                f.append("-1:word.lower():" + low[i - 1])
                if title[i - 1]:
                    f.append("-1:word.istitle()")
                if upper[i - 1]:
                    f.append("-1:word.isupper()")
                if pair[i - 1]:
                    f.append("-1:word.bi_gram()")
                if i > 1 and triple[i - 2]:
                    f.append("-2:word.tri_gram()")
            if i < n - 1:
                f.append("+1:word.lower():" + low[i + 1])
                if title[i + 1]:
                    f.append("+1:word.istitle()")
                if upper[i + 1]:
                    f.append("+1:word.isupper()")
                if pair[i]:
                    f.append("+1:word.bi_gram()")
                if i < n - 2 and triple[i]:
                    f.append("+2:word.tri_gram()")
            out.append(f)
        return out

    # spaCy serialises a tokenizer with the pipeline; this one has no state of its own
    def to_bytes(self, **kwargs) -> bytes:  # type: ignore[no-untyped-def]
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> FastVietnameseTokenizer:  # type: ignore[no-untyped-def]
        return self

    def to_disk(self, path, **kwargs) -> None:  # type: ignore[no-untyped-def]
        return None

    def from_disk(self, path, **kwargs) -> FastVietnameseTokenizer:  # type: ignore[no-untyped-def]
        return self


@registry.tokenizers("vnkg.VietnameseTokenizer")
def create_tokenizer():  # type: ignore[no-untyped-def]
    """The factory a pipeline config names: `@tokenizers = "vnkg.VietnameseTokenizer"`."""
    return lambda nlp: FastVietnameseTokenizer(nlp.vocab)
