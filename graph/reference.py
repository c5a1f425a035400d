"""Provinces as reference data: the 63 units before and the 34 after the merger of 2025-07-01.

Read through ingest.gazetteer (ingest/data/provinces.json, generated at build time from the
`vietnamadminunits` package data: its SQLite dataset and the 2025 converter table), so the
package is parsed once, and the extractor and the graph agree on every province and alias.

IRI scheme (ontology/MODEL.md): `{base}/province/<slug>` is the legacy unit, which articles
before July 2025 name; `{base}/province/2025/<slug>` the unit from 2025-07-01. Every legacy unit
has `vnkg:mergedInto` its successor (the same-named unit when it was left unchanged), so a question
about Bắc Kạn can follow it to today's Thái Nguyên.

>>> quads = reference_quads("https://vnkg.org/id")
>>> old = "https://vnkg.org/id/province/bac-kan"
>>> [q.object.value for q in quads if q.subject.value == old and q.predicate == VNKG.mergedInto]
['https://vnkg.org/id/province/2025/thai-nguyen']
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from graph.names import name_triples
from graph.vocab import RDF, RDFS, SCHEMA, SKOS, VNKG, XSD
from ingest.gazetteer import MERGER_DATE, Province, load_gazetteer
from ingest.text import nfc_vi

__all__ = ["MERGED_ON", "MODEL_VERSION", "REFERENCE_GRAPH", "find_province", "provinces_named",
           "reference_quads"]

REFERENCE_GRAPH = "{base}/graph/reference"
# The RDF model's version, on the reference graph's node: 2 is the shared entity graph (entities,
# shortcut edges, times and roles written once; articles hold mentions and statements).
MODEL_VERSION = "3"
MERGED_ON = MERGER_DATE.isoformat()
_ERA_SUFFIX = "-2025"


def _slug(record: Province) -> str:
    """The IRI slug: the gazetteer key without its "-2025" (the era is in the IRI path)."""
    return record.key.removesuffix(_ERA_SUFFIX)


def find_province(name_or_key: str, on: date | None = None) -> tuple[str, str] | None:
    """(slug, era) of the unit a name or key means on a date; None for an unknown name.

    A "-2025" key is the 2025 unit. Otherwise, before the merger (or with no date) the legacy
    unit; from 2025-07-01 the 2025 unit of that name if there is one, else the legacy one (an
    article of 2025 that still names Bắc Kạn means the old province).

    >>> find_province("province:lao-cai-2025"), find_province("tỉnh Lào Cai")
    (('lao-cai', '2025'), ('lao-cai', 'legacy'))
    >>> find_province("Thái Nguyên", date(2025, 9, 1)), find_province("TP.HCM")
    (('thai-nguyen', '2025'), ('ho-chi-minh', 'legacy'))
    >>> find_province("Bắc Kạn", date(2025, 9, 1)), find_province("Atlantis") is None
    (('bac-kan', 'legacy'), True)
    """
    gaz = load_gazetteer()
    text = name_or_key.strip()
    later = on is not None and on >= MERGER_DATE
    record = None
    if text.startswith("province:"):
        key = text.removeprefix("province:")
        era = "2025" if key.endswith(_ERA_SUFFIX) else None
        record = (gaz.province(key, "2025") if era is None and later else None) \
            or gaz.province(key, era)
    if record is None:
        record = (gaz.province_by_name(text, era="2025") if later else None) \
            or gaz.province_by_name(text, era="legacy") or gaz.province_by_name(text)
    return (_slug(record), record.era) if record is not None else None


def _iri(base: str, record: Province) -> NamedNode:
    base = base.rstrip("/")
    if record.era == "2025":
        return NamedNode(f"{base}/province/2025/{_slug(record)}")
    return NamedNode(f"{base}/province/{_slug(record)}")


def provinces_named(name: str, base: str) -> list[NamedNode]:
    """Every province node, of either era, that a name means (a body named for "Lào Cai"
    belongs to the legacy unit and to the 2025 one, whichever the article's date).

    >>> [n.value for n in provinces_named("Lào Cai", "https://vnkg.org/id")]
    ['https://vnkg.org/id/province/2025/lao-cai', 'https://vnkg.org/id/province/lao-cai']
    """
    gaz = load_gazetteer()
    records = [r for era in ("legacy", "2025") if (r := gaz.province_by_name(name, era=era))]
    return sorted({_iri(base, r) for r in records}, key=lambda n: n.value)


def reference_quads(base: str) -> list[Quad]:
    """Every province of both eras, with codes, names, coordinates and the merger links."""
    graph = NamedNode(REFERENCE_GRAPH.format(base=base.rstrip("/")))
    gaz = load_gazetteer()
    triples: set[tuple[Any, Any, Any]] = set()
    for record in gaz.provinces:
        node = _iri(base, record)
        name = nfc_vi(record.name)
        triples |= {
            (node, RDF.type, VNKG.Province),
            (node, VNKG.entityType, Literal("PROVINCE")),
            (node, RDFS.label, Literal(name, language="vi")),
            (node, VNKG.shortName, Literal(name, language="vi")),
            (node, VNKG.fullName, Literal(nfc_vi(record.full_name), language="vi")),
            (node, VNKG.era, Literal(record.era)),
        }
        if record.code:
            triples.add((node, VNKG.provinceCode, Literal(record.code)))
        for alias in record.aliases:
            triples.add((node, SKOS.altLabel, Literal(nfc_vi(alias), language="vi")))
        triples |= set(name_triples(node, [record.name, record.full_name, *record.aliases]))
        if record.lat is not None and record.lon is not None:
            triples.add((node, SCHEMA.latitude, Literal(f"{record.lat}", datatype=XSD.decimal)))
            triples.add((node, SCHEMA.longitude, Literal(f"{record.lon}", datatype=XSD.decimal)))
        if record.era == "legacy":
            successor = gaz.successor(record.key)
            if successor is not None:
                triples.add((node, VNKG.mergedInto, _iri(base, successor)))
                triples.add((node, VNKG.mergedOn, Literal(MERGED_ON, datatype=XSD.date)))
    triples.add((graph, VNKG.modelVersion, Literal(MODEL_VERSION)))
    return [Quad(s, p, o, graph) for s, p, o in sorted(triples, key=lambda t: tuple(map(str, t)))]
