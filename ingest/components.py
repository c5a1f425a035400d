"""Our spaCy components, registered as factories so a config can name them."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

import ingest.context  # noqa: F401  (registers vnkg_context and the extensions)

# Numbered documents: "866/QĐ-TTg", "111/2015/NĐ-CP", "3360/BCT-KTC".
DOCUMENT_NUMBER = re.compile(
    r"(?<![\w/])\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)+(?![\w/])"
)


@Language.component("vnkg_documents")
def documents(doc: Doc) -> Doc:
    """Mark numbered legal and administrative documents as DOCUMENT entities."""
    spans = []
    for match in DOCUMENT_NUMBER.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), label="DOCUMENT",
                             alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.ents = filter_spans([*doc.ents, *spans])
    return doc
