"""Provinces as reference data: the 63 units before and the 34 after the merger of 2025-07-01.

Read from ingest/data/provinces.json, which ingest/data/build_gazetteers.py generates from the
`vietnamadminunits` package data (its SQLite dataset and the 2025 converter table), so the package
is parsed once, at build time. TODO: read it through ingest/gazetteer.py once that loader exists.

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

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from graph.vocab import RDF, RDFS, SCHEMA, SKOS, VNKG, XSD
from ingest.text import fold, nfc_vi

__all__ = ["MERGED_ON", "REFERENCE_GRAPH", "load_provinces", "province_slugs", "reference_quads"]

REFERENCE_GRAPH = "{base}/graph/reference"
MERGED_ON = "2025-07-01"
_ERA_SUFFIX = "-2025"


@lru_cache(maxsize=1)
def load_provinces() -> tuple[dict[str, Any], ...]:
    """The province records of ingest/data/provinces.json (both eras), in file order."""
    path = resources.files("ingest") / "data" / "provinces.json"
    return tuple(json.loads(path.read_text(encoding="utf-8"))["provinces"])


def _slug(record: dict[str, Any]) -> str:
    key = record["key"]
    return key[: -len(_ERA_SUFFIX)] if key.endswith(_ERA_SUFFIX) else key


def _names(record: dict[str, Any]) -> list[str]:
    return [record["name"], record["full_name"], *record.get("aliases", [])]


@lru_cache(maxsize=2)
def province_slugs(era: str = "legacy") -> dict[str, str]:
    """Folded name, full name or alias → slug of the units of one era ("legacy" or "2025").

    Legacy names win; a 2025-only alias (e.g. of Huế) is kept when no legacy unit claims it.

    >>> province_slugs()["bac kan"], province_slugs("2025")["tp.hcm"]
    ('bac-kan', 'ho-chi-minh')
    """
    out: dict[str, str] = {}
    order = [r for r in load_provinces() if r["era"] == era]
    if era == "legacy":
        order += [r for r in load_provinces() if r["era"] != era]
    for record in order:
        for name in _names(record):
            out.setdefault(fold(name), _slug(record))
    return out


def _iri(base: str, record: dict[str, Any]) -> NamedNode:
    base = base.rstrip("/")
    if record["era"] == "2025":
        return NamedNode(f"{base}/province/2025/{_slug(record)}")
    return NamedNode(f"{base}/province/{_slug(record)}")


def reference_quads(base: str) -> list[Quad]:
    """Every province of both eras, with codes, names, coordinates and the merger links."""
    graph = NamedNode(REFERENCE_GRAPH.format(base=base.rstrip("/")))
    by_key = {(r["era"], r["key"]): r for r in load_provinces()}
    triples: set[tuple[Any, Any, Any]] = set()
    for record in load_provinces():
        node = _iri(base, record)
        name = nfc_vi(record["name"])
        triples |= {
            (node, RDF.type, VNKG.Province),
            (node, VNKG.entityType, Literal("PROVINCE")),
            (node, RDFS.label, Literal(name, language="vi")),
            (node, VNKG.shortName, Literal(name, language="vi")),
            (node, VNKG.fullName, Literal(nfc_vi(record["full_name"]), language="vi")),
            (node, VNKG.provinceCode, Literal(record["code"])),
            (node, VNKG.era, Literal(record["era"])),
        }
        for alias in record.get("aliases", []):
            triples.add((node, SKOS.altLabel, Literal(nfc_vi(alias), language="vi")))
        for label in _names(record):
            triples.add((node, VNKG.searchKey, Literal(fold(label))))
        if record.get("lat") is not None and record.get("lon") is not None:
            triples.add((node, SCHEMA.latitude, Literal(f"{record['lat']}", datatype=XSD.decimal)))
            triples.add((node, SCHEMA.longitude, Literal(f"{record['lon']}", datatype=XSD.decimal)))
        if record["era"] == "legacy":
            successor = by_key[("2025", record["successor"])]
            triples.add((node, VNKG.mergedInto, _iri(base, successor)))
            triples.add((node, VNKG.mergedOn, Literal(MERGED_ON, datatype=XSD.date)))
    return [Quad(s, p, o, graph) for s, p, o in sorted(triples, key=lambda t: tuple(map(str, t)))]
