"""The read-only guard of /sparql: SERVICE, LOAD and updates refused from one lexer pass.

Why not regexes over the text: a regex that removes strings before comments (or comments before
strings) reads some queries differently from the SPARQL parser, and every such query is a way
around the guard (a `SERVICE <http://...>` between two comment lines that each hold `\"\"\"`
looked like the inside of a string). Why not a second parser (rdflib): pyoxigraph exposes no
algebra, and any parser that is not oxigraph's own reads some texts differently.

So this lexer follows oxigraph's grammar (spargebra's PEG rules, pyoxigraph 0.5) where it decides
what is code and what is data:

- `#` opens a comment up to the next `\\n` or `\\r`, outside IRIs and strings;
- strings are tried in oxigraph's order (`'''`, `\"\"\"`, `'`, `"`) with its escapes, and do not
  backtrack: an unclosed `\"\"\"` is the empty string `""` and then `"` opens another;
- a keyword is matched without a word boundary (`SERVICE<x>{}`, `SERVICEex:x{}` and
  `SERVICESILENT:x{}` are all federated) and a prefixed name ends at its second dot
  (`ex:a.b.SERVICE <x> {}` is a name, `.`, then SERVICE): so SERVICE is refused anywhere in a
  run of name characters, a variable's name excepted (`?service` is fine);
- `<` opens an IRI only when what follows, up to `>`, is a valid IRI; otherwise it is
  less-than, and in `FILTER(1<1#> \"\"\"` the `#` opens a comment. Where an IRI-shaped `<...>`
  holds `#` or `'`, both readings are lexed and a keyword met in either refuses the query.

Every query form runs through `Store.query`, which parses queries only (an update there is a
syntax error and LOAD is an update), so SERVICE is the one door to the network; the update words
are refused too, so that an update gets the endpoint's 403 whichever way it is sent.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from graph.errors import BadQuery, Forbidden

__all__ = ["UPDATE_WORDS", "Scan", "guard", "may_hold_a_keyword", "scan"]

UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE",
                          "COPY", "WITH"})

_ESCAPE = r"""\\[tbnrf"'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"""
# Possessive and atomic, as PEG rules are: what matched is never given back.
_STRINGS = {
    "'": (re.compile(rf"'''(?>(?>''|')?+(?>[^'\\]|{_ESCAPE}))*+'''"),
          re.compile(rf"'(?>[^'\\\n\r]|{_ESCAPE})*+'")),
    '"': (re.compile(rf'"""(?>(?>""|")?+(?>[^"\\]|{_ESCAPE}))*+"""'),
          re.compile(rf'"(?>[^"\\\n\r]|{_ESCAPE})*+"')),
}
# Everything oxigraph could take for an IRI (it checks the IRI after unescaping): a superset.
_IRI = re.compile(r"<((?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)>")
_PN_CHARS_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
                  "\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf"
                  "\ufdf0-\ufffd\U00010000-\U000effff")
_VARIABLE = re.compile(rf"[?$][0-9_{_PN_CHARS_BASE}][0-9_\u00b7\u0300-\u036f\u203f\u2040"
                       rf"{_PN_CHARS_BASE}]*")
# A run of name characters (keywords, prefixed names, numbers, blank nodes): a superset of any
# one token of them, with a prefixed name's escapes (`ex:a\#b`, `ex:a\'b`).
_RUN = re.compile(r"(?:[\w.:%\-\u00b7\u0300-\u036f\u203f\u2040]|[^\x00-\x7f]"
                  r"|\\[_~.\-!$&'()*+,;=/?#@%])+")
_END_OF_LINE = re.compile(r"[\n\r]")

# What the next token may be, from the ones before it: an IRI for sure after `BASE` or
# `PREFIX p:` (where `<` cannot be less-than), else either.
ANY, AFTER_PREFIX, IRI_NEXT = 0, 1, 2


@dataclass
class Scan:
    """What a query holds as code, in any reading oxigraph could give it."""

    service: bool = False
    updates: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _State:
    pos: int
    context: int = ANY
    quiet_until: int = -1  # inside an IRI read as code: a SERVICE there is no clause

    def at(self, pos: int, context: int = ANY) -> _State:
        """The state at `pos` (past the quiet IRI, the readings are the same again)."""
        return _State(pos, context, self.quiet_until if pos < self.quiet_until else -1)


class _Text:
    """The query, its line ends (found by bisection), and a bound on the work of lexing it."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.line_ends = [m.start() for m in _END_OF_LINE.finditer(query)]
        self.budget = 50 * len(query) + 100_000  # characters the string patterns may read

    def end_of_line(self, pos: int) -> int:
        i = bisect.bisect_left(self.line_ends, pos)
        return self.line_ends[i] if i < len(self.line_ends) else len(self.query)

    def spend(self, chars: int) -> None:
        self.budget -= chars
        if self.budget < 0:
            raise BadQuery("this query is too intricate to check for SERVICE and updates; "
                           "simplify its strings and IRIs")


def scan(query: str) -> Scan:
    """Lex every reading of `query` once, from the start; readings meet again at one position.

    >>> scan("SELECT * WHERE { ?service <http://x/SERVICE> 'INSERT' } # SERVICE")
    Scan(service=False, updates=set())
    >>> scan('SELECT * { FILTER(1<1#> \"\"\"\\n) SERVICE <http://x/> {} \\n# \"\"\"\\n}').service
    True
    """
    found, text = Scan(), _Text(query)
    todo, seen = [_State(0)], set()
    while todo:
        state = todo.pop()
        if state in seen:
            continue
        seen.add(state)
        pos = _skip_space(text, state.pos)
        if pos < len(query):
            todo.extend(_token(text, state.at(pos, state.context), found))
    return found


def _skip_space(text: _Text, pos: int) -> int:
    """The position after whitespace and comments (oxigraph's spaces: ' ', \\t, \\n, \\r)."""
    query = text.query
    while pos < len(query):
        if query[pos] in " \t\n\r":
            pos += 1
        elif query[pos] == "#":
            pos = text.end_of_line(pos)
        else:
            break
    return pos


def _token(text: _Text, state: _State, found: Scan) -> list[_State]:
    """Read the token at `state.pos`; the states that may follow it (none: no valid reading)."""
    query, pos = text.query, state.pos
    char = query[pos]
    if char in _STRINGS:
        end = _string_end(text, pos)
        return [state.at(end)] if end is not None else []  # None: a syntax error here
    if char == "<":
        return _angle(query, state)
    if char in "?$":
        variable = _VARIABLE.match(query, pos)
        return [state.at(variable.end() if variable else pos + 1)]
    run = _RUN.match(query, pos)
    if run is None:
        return [state.at(pos + 1)]
    word = run.group()
    if pos >= state.quiet_until and "service" in word.lower():
        found.service = True
    if word.upper() in UPDATE_WORDS:
        found.updates.add(word.upper())
    return [state.at(run.end(), _context_after(word, state.context))]


def _string_end(text: _Text, pos: int) -> int | None:
    """The end of the string opening at `pos`: long first, then short, as oxigraph tries them."""
    query, quote = text.query, text.query[pos]
    long, short = _STRINGS[quote]
    if query.startswith(quote * 3, pos):
        match = long.match(query, pos)
        text.spend((match.end() if match else len(query)) - pos)
        if match:
            return match.end()
    match = short.match(query, pos)  # never past the end of the line
    text.spend((match.end() if match else text.end_of_line(pos)) - pos)
    return match.end() if match else None


def _context_after(word: str, context: int) -> int:
    if word.upper() == "BASE":
        return IRI_NEXT
    if word.upper() == "PREFIX":
        return AFTER_PREFIX
    if context == AFTER_PREFIX and word.endswith(":") and word.count(":") == 1:
        return IRI_NEXT
    return ANY


def _angle(query: str, state: _State) -> list[_State]:
    """`<`: an IRI, or less-than; both when the IRI's text would change the lexing as code."""
    iri = _IRI.match(query, state.pos)
    if iri is None:
        return [state.at(state.pos + 1)]
    as_iri = state.at(iri.end())
    if state.context == IRI_NEXT or not re.search(r"[#']", iri.group(1)):
        return [as_iri]
    return [as_iri, _State(state.pos + 1, quiet_until=iri.end())]


def may_hold_a_keyword(query: str) -> bool:
    """Whether `scan` could find anything in `query`, in a few C-speed passes (a query sent
    again and again, as clients do, costs microseconds instead of a lexing).

    `scan` flags a run of name characters whose lower case holds "service" or whose upper case
    is an update word, and each run is a piece of the query. `str.lower` and `str.upper` map
    one character at a time (the one exception, Greek final sigma, maps to no Latin letter), so
    a piece's case folding is a piece of the whole query's: a query whose folding holds none
    of these words has no run that does.

    >>> may_hold_a_keyword("SELECT ?label WHERE { ?e <urn:key> 'lao cai' }")
    False
    >>> may_hold_a_keyword("SELECT * { SeRvIcE <urn:x> {} }"), may_hold_a_keyword("INſERT")
    (True, True)
    """
    if "service" in query.lower():
        return True
    upper = query.upper()
    return any(word in upper for word in UPDATE_WORDS)


def guard(query: str) -> None:
    """Refuse federation and updates before anything runs.

    >>> guard("SELECT * WHERE { ?s <http://x/SERVICE> 'INSERT' }")
    >>> guard("INSERT DATA { <a> <b> <c> }")
    Traceback (most recent call last):
    ...
    graph.errors.Forbidden: this endpoint is read-only: SPARQL updates (INSERT) are refused
    >>> guard("SELECT * { SERVICE<http://127.0.0.1:8080/> {} }")
    Traceback (most recent call last):
    ...
    graph.errors.Forbidden: federated SERVICE queries are refused by this endpoint (the word \
SERVICE may appear only in strings, IRIs, comments and variable names)
    """
    if not may_hold_a_keyword(query):
        return
    found = scan(query)
    if found.service:
        raise Forbidden("federated SERVICE queries are refused by this endpoint (the word "
                        "SERVICE may appear only in strings, IRIs, comments and variable names)")
    if found.updates:
        raise Forbidden(f"this endpoint is read-only: SPARQL updates "
                        f"({', '.join(sorted(found.updates))}) are refused")
