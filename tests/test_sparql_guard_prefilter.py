"""The guard's pre-check (`may_hold_a_keyword`) never lets through what the lexer refuses: every
attack of the attack suite, and thousands of generated texts mixing keyword pieces, case
variants, characters whose case folding changes length or script (ſ, İ, ß, ﬀ, K), quotes,
comments and IRIs, are checked both ways."""

from __future__ import annotations

import random

import pytest

from api.sparql_guard import Scan, guard, may_hold_a_keyword, scan
from tests.test_sparql_attacks import HARMLESS, SERVICE_ATTACKS, UPDATES

PIECES = ["SER", "VICE", "service", "SeRvIcE", "INſERT", "İNSERT", "ſervice", "DEL", "ETE",
          "LOAD", "lo", "ad", "WITH", "wıth", "ADD", "ad\u0307d", "COPY", "MOVE", "DROP", "CREATE",
          "CLEAR", "ß", "ﬀ", "\u212a", "Σ", "<", ">", "'''", '"""', "'", '"', "#", "\n", "\r",
          " ", "{", "}", "?", "$", ":", ".", "\\", "http://x/", "urn:a", "1", "SELECT * WHERE"]


@pytest.mark.parametrize("query", [*SERVICE_ATTACKS.values(), *UPDATES.values()])
def test_every_attack_goes_through_the_lexer(query: str) -> None:
    assert may_hold_a_keyword(query.replace("{L}", "http://127.0.0.1:9/"))


def test_a_text_the_pre_check_lets_through_is_one_the_lexer_finds_clean() -> None:
    rng = random.Random(20261205)
    skipped = 0
    for _ in range(20_000):
        query = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12)))
        if may_hold_a_keyword(query):
            continue
        skipped += 1
        assert scan(query) == Scan(), query
    assert skipped > 1_000  # the generator does reach texts the pre-check skips


def test_an_everyday_lookup_skips_the_lexer_and_a_word_in_a_string_does_not() -> None:
    lookup = ('PREFIX vnkg: <https://vnkg.org/ontology#>\n'
              'SELECT ?e ?label WHERE { ?e vnkg:searchKey "lao cai" ; rdfs:label ?label }')
    assert not may_hold_a_keyword(lookup)
    guard(lookup)
    assert may_hold_a_keyword(HARMLESS["words-in-strings"])
    guard(HARMLESS["words-in-strings"])
