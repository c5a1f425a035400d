"""The `vnkg` command line: a thin door onto graph.service.KnowledgeGraph.

Settings come from flags, then `VNKG_…` environment variables, then defaults. Every vnkg error
becomes a one-line message and a non-zero exit code; a batch with unreadable articles exits 1
after doing the rest.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from graph.errors import VnkgError

app = typer.Typer(
    help="vnkg: a knowledge graph of Vietnamese officials, agencies, provinces and events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

StoreOpt = Annotated[
    str | None,
    typer.Option("--store", help="store folder, or the http(s) URL of a SPARQL 1.1 server "
                 "(oxigraph serve) (default: the VNKG_STORE setting, var/store)"),
]
F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int = 2) -> None:
    typer.secho(f"vnkg: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def handles_errors(func: F) -> F:
    """Every vnkg error, and a bad setting, as one line on stderr and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from pydantic import ValidationError

        try:
            return func(*args, **kwargs)
        except VnkgError as err:
            _fail(_one_line(err.message), 2)
        except ValidationError as err:  # settings: a misspelt VNKG_ variable, a bad value
            _fail(_one_line(settings_problem(err)), 2)
        except ValueError as err:
            _fail(_one_line(str(err) or repr(err)), 2)

    return wrapper  # type: ignore[return-value]


def settings_problem(err: Any) -> str:
    """What is wrong with the settings, without pydantic's headings and links.

    >>> from graph.settings import Settings
    >>> try:
    ...     Settings(port="eighty")
    ... except ValueError as err:
    ...     print(settings_problem(err))
    bad setting port (VNKG_PORT): Input should be a valid integer, unable to parse string as an \
integer
    """
    problems = []
    for error in err.errors():
        message = str(error["msg"]).removeprefix("Value error, ")
        if error["loc"]:
            name = str(error["loc"][0])
            message = f"bad setting {name} (VNKG_{name.upper()}): {message}"
        problems.append(message)
    return "; ".join(problems)


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _settings(store: str | None = None, **overrides: Any):
    from graph.settings import Settings

    values = {k: v for k, v in overrides.items() if v is not None}
    if store is not None:
        values["store"] = store
    return Settings(**values)


def _kg(store: str | None = None, **overrides: Any):
    from graph.service import KnowledgeGraph

    return KnowledgeGraph(_settings(store, **overrides))


def _reader(store: str | None = None):
    """The graph opened read-only, so that `query`, `export` and `stats` work while `vnkg serve`
    holds the store (Oxigraph lets one process write and others read a snapshot)."""
    from graph.service import KnowledgeGraph

    settings = _settings(store)
    if isinstance(settings.store, Path) and not (settings.store / "CURRENT").exists():
        _fail(f"no store at {settings.store}: run `vnkg ingest PATH...` first")
    return KnowledgeGraph(settings, read_only=True)


@app.command()
@handles_errors
def extract(
    inputs: Annotated[list[str], typer.Argument(help="article files, folders or globs")],
    out: Annotated[Path, typer.Option("-o", "--out", help="folder for <article id>.json")],
) -> None:
    """Extract the facts of articles (../shared/FACTS.md JSON), one file per article."""
    from graph.service import KnowledgeGraph
    from graph.store import GraphStore

    _make_folder(out)
    kg = KnowledgeGraph(_settings(None), store=GraphStore(None), read_only=True)
    written = failed = 0
    for item in kg.extract(inputs):
        if isinstance(item, Exception):
            typer.secho(f"skipped {item}", fg=typer.colors.YELLOW, err=True)
            failed += 1
            continue
        _write_facts(out, item)
        written += 1
    skipped = f"; {failed} skipped" if failed else ""
    typer.echo(f"wrote {written} facts file(s) to {out}{skipped}")
    if failed:
        raise typer.Exit(1)


def _make_folder(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        _fail(f"cannot create the output folder {out}: {err.strerror or err}")


def _write_facts(out: Path, facts: Any) -> None:
    """`out/<article id>.json`; the readers checked the id, and the file stays in `out`."""
    target = out / f"{facts.article}.json"
    if target.resolve().parent != out.resolve():
        raise VnkgError(f"article id {facts.article!r} would write outside {out}")
    try:
        target.write_text(facts.model_dump_json(indent=2, exclude_none=True), encoding="utf-8")
    except OSError as err:
        _fail(f"cannot write {target}: {err.strerror or err}")


@app.command()
@handles_errors
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="article files, folders or globs")],
    store: StoreOpt = None,
    every: Annotated[int, typer.Option(
        help="without a terminal, print a progress line every N articles")] = 1000,
    workers: Annotated[int, typer.Option(
        help="processes that extract while this one writes (0: extract here too)")] = 0,
    dask: Annotated[str | None, typer.Option(
        help="extract on a Dask cluster: its scheduler address (tcp://host:8786), or 'local' "
        "for a LocalCluster of --workers processes (2 by default); needs vnkg[dask]")] = None,
) -> None:
    """Extract articles and write them into the store, one named graph per article.

    On a terminal a progress bar shows the total, the rate and the time left; without one
    (a log, a pipe) a line is printed every `--every` articles.
    """
    from ingest.articles import count_articles

    kg = _kg(store)
    with _progress(count_articles(inputs), every) as step:
        report = kg.ingest(inputs, progress=step, workers=workers, dask=dask)
    kg.close()
    _report("ingested", report, kg)


@app.command()
@handles_errors
def load(
    inputs: Annotated[list[str], typer.Argument(help="facts files of `vnkg extract` (<id>.json), "
                                                "folders or globs")],
    store: StoreOpt = None,
    every: Annotated[int, typer.Option(
        help="without a terminal, print a progress line every N articles")] = 1000,
) -> None:
    """Write facts extracted elsewhere (`vnkg extract`, on any number of machines) into the
    store, with the same resolution and provenance as `ingest`: extract then load gives the
    store that ingest gives."""
    from ingest.articles import expand_paths

    kg = _kg(store)
    with _progress(len(expand_paths(inputs, (".json",))), every) as step:
        report = kg.load(inputs, progress=step)
    kg.close()
    _report("loaded", report, kg)


def _report(verb: str, report: Any, kg: Any) -> None:
    """The summary line of an ingest or load, the skipped items on stderr; exit 1 if any."""
    for error in report.errors:
        typer.secho(f"skipped {error}", fg=typer.colors.YELLOW, err=True)
    typer.echo(f"{verb} {len(report.ingested)}, unchanged {len(report.unchanged)}, "
               f"failed {len(report.errors)} into {kg.settings.store or 'memory'}")
    if report.errors:
        raise typer.Exit(1)


@contextmanager
def _progress(total: int, every: int) -> Iterator[Callable[[str], None]]:
    """A progress callback: tqdm on a terminal, else a summary line every `every` articles."""
    from tqdm import tqdm

    if sys.stderr.isatty():
        with tqdm(total=total, desc="ingest", unit="article", smoothing=0.05) as bar:
            yield lambda _item: bar.update()
        return
    start, done = time.monotonic(), [0]

    def step(_item: str) -> None:
        done[0] += 1
        if done[0] % max(every, 1) == 0 or done[0] == total:
            elapsed = time.monotonic() - start
            rate = done[0] / elapsed if elapsed > 0 else 0.0
            left = (total - done[0]) / rate if rate and total > done[0] else 0.0
            print(f"ingest: {done[0]}/{total} articles, {rate:.1f}/s, "
                  f"elapsed {_clock(elapsed)}, left {_clock(left)}", file=sys.stderr, flush=True)

    yield step


def _clock(seconds: float) -> str:
    """`1:02:03` or `2:03`."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@app.command()
@handles_errors
def delete(
    article_id: Annotated[str, typer.Argument(help="the article id to remove")],
    store: StoreOpt = None,
) -> None:
    """Delete an article and its named graph from the store."""
    kg = _kg(store)
    kg.delete_article(article_id)
    kg.close()
    typer.echo(f"deleted {article_id}")


@app.command()
@handles_errors
def serve(
    store: StoreOpt = None,
    host: Annotated[str | None, typer.Option(help="address to bind (default 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="port (default 8000)")] = None,
    access_log: Annotated[bool, typer.Option(
        help="log a line per request (off by default: a line costs about as much as the query hop)")
    ] = False,
) -> None:
    """Serve the SPARQL endpoint, the REST API and the console."""
    import uvicorn

    from api.app import create_app
    from graph.service import KnowledgeGraph

    settings = _settings(store, host=host, port=port)
    # Opened here rather than in the app's startup, so a locked store is one line, not a trace.
    kg = KnowledgeGraph(settings)
    address = f"http://{settings.host}:{settings.port}"
    typer.echo(f"vnkg serving {settings.store or 'an in-memory graph'} at {address}/\n"
               f"  console:  {address}/   API docs: {address}/docs\n"
               f"  try:      curl '{address}/api/officials/nguyen-hong-dien/worked-with"
               f"?from=2024-08-01&to=2024-08-31'\n"
               f"            curl '{address}/api/search?q=lao+cai'\n"
               f"  SPARQL:   curl '{address}/sparql' --data-urlencode "
               f"'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 5'")
    uvicorn.run(create_app(settings, kg=kg), host=settings.host, port=settings.port,
                log_level="info", access_log=access_log)


def _params(values: list[str]) -> dict[str, str]:
    params = {}
    for value in values:
        key, sep, val = value.partition("=")
        if not sep:
            raise typer.BadParameter(f"--param needs k=v, got {value!r}")
        params[key.strip()] = val
    return params


@app.command()
@handles_errors
def query(
    query: Annotated[str, typer.Argument(help="a .rq/.sparql file or the name of a query")],
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="k=v; an entity by IRI, slug (nguyen-hong-dien) or name "
        "(\"Nguyễn Hồng Diên\"); a date as YYYY-MM-DD, YYYY-MM or YYYY")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv")] = "table",
    store: StoreOpt = None,
) -> None:
    """Run a named query of queries/ (with --param k=v) or a SPARQL file; print its rows."""
    kg = _reader(store)
    path = Path(query)
    if path.suffix in (".rq", ".sparql") or path.is_file():
        if not path.is_file():
            _fail(f"no such query file: {path}")
        rows = kg.store.select(path.read_text(encoding="utf-8"))
    else:
        rows = kg.query(query, _params(param or []))
    _print_rows(rows, fmt)


def _print_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    columns = list(rows[0]) if rows else []
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
        return
    if not rows:
        typer.echo("(no rows)")
        return
    cells = [[str(r.get(c) if r.get(c) is not None else "") for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    typer.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in cells:
        typer.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))
    typer.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


@app.command()
@handles_errors
def ask(
    question: Annotated[str, typer.Argument(help="a question in Vietnamese, with or without "
                                            "tone marks, e.g. \"ai là Bí thư Tỉnh ủy Lào Cai?\"")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
    store: StoreOpt = None,
) -> None:
    """Ask a question in Vietnamese: who an official worked with in a month, who holds a title,
    who visited a province, a province's border gates, an official's positions, a province's
    events. Prints what was understood, the named query run and the rows with their evidence
    (or what was missing; exit code 1 when the question was not understood)."""
    answer = _reader(store).ask(question)
    if fmt == "json":
        typer.echo(json.dumps(answer, ensure_ascii=False, indent=2))
    else:
        _print_answer(answer)
    if not answer["understood"]:
        raise typer.Exit(1)


@app.command("worked-with")
@handles_errors
def worked_with(
    official: Annotated[str, typer.Argument(help="the official: a name (\"Nguyễn Hồng Diên\", "
                                            "accents optional), a slug or an IRI")],
    date_from: Annotated[str | None, typer.Option(
        "--from", help="first day of the window (YYYY-MM-DD; YYYY-MM or YYYY: its first day)")
    ] = None,
    date_to: Annotated[str | None, typer.Option(
        "--to", help="last day of the window (YYYY-MM-DD; YYYY-MM or YYYY: its last day)")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="hosts to show")] = 100,
    offset: Annotated[int, typer.Option(min=0, help="hosts to skip")] = 0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
    store: StoreOpt = None,
) -> None:
    """The provinces and bodies an official worked with in a window (the mission's lookup:
    `vnkg worked-with "Nguyễn Hồng Diên" --from 2024-08 --to 2024-08`): each host once, with
    its dates and source articles, in date order; what GET /api/officials/{id}/worked-with
    answers."""
    from graph.bounds import date_window

    start, end = date_window(date_from, date_to)
    kg = _reader(store)
    found = kg.worked_with_hosts(kg.entity(official, "PERSON"), start, end, limit=limit,
                                 offset=offset)
    if fmt == "json":
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    _print_rows([{"host": h["hostLabel"], "type": h["hostType"], "dates": "; ".join(h["dates"]),
                  "articles": ", ".join(h["articles"])} for h in found["items"]], "table")
    if found["more"]:
        typer.echo(f"(more: --offset {offset + limit})")


def _print_answer(answer: dict[str, Any]) -> None:
    """An answer as text: the kind and slots, the query, one line per row, or the message."""
    slots = "; ".join(f"{s['slot']}: {s.get('label') or s['value']}" for s in answer["slots"])
    typer.echo(f"kind: {answer['kind'] or '?'}" + (f" ({slots})" if slots else ""))
    if answer["query"]:
        params = " ".join(f"-p {k}={v}" for k, v in answer["query"]["params"].items())
        typer.echo(f"query: {answer['query']['name']} {params}")
    for row in answer["rows"]:
        cells = [(row.get("entity") or {}).get("label") or row.get("kind"), row.get("role"),
                 (row.get("organization") or {}).get("label"), row.get("date"),
                 row.get("article")]
        typer.echo("  " + " | ".join(str(c) for c in cells if c))
        if row.get("evidence"):
            typer.echo(f"      « {row['evidence']} »")
    if answer["message"]:
        typer.echo(answer["message"])
        typer.echo(answer["message_en"])


AroundOpt = Annotated[list[str] | None, typer.Option(
    "--around", help="keep what lies near this entity (a name, a slug such as "
    "nguyen-hong-dien, or an IRI; repeatable)")]
HopsOpt = Annotated[int, typer.Option("--hops", min=0, help="steps from --around (default 1)")]
FromOpt = Annotated[str | None, typer.Option(
    "--from", help="facts on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)")]
ToOpt = Annotated[str | None, typer.Option(
    "--to", help="facts on or before this date (YYYY-MM-DD; YYYY-MM or YYYY: its last day)")]
RelationOpt = Annotated[list[str] | None, typer.Option(
    "--relation", help="keep this relation, e.g. worked_with (repeatable)")]
TypeOpt = Annotated[list[str] | None, typer.Option(
    "--type", help="keep entities of this type, e.g. PERSON (repeatable)")]


def _filters(around: list[str] | None, hops: int, date_from: str | None, date_to: str | None,
             relation: list[str] | None, type_: list[str] | None) -> dict[str, Any]:
    """The export filters of graph.projection.Filters, from the CLI flags."""
    return {"around": around or None, "hops": hops, "date_from": date_from,
            "date_to": date_to, "relations": relation or None, "types": type_ or None}


@app.command()
@handles_errors
def export(
    fmt: Annotated[str, typer.Argument(help="nquads, turtle, trig, ntriples, jsonld, graphml, "
                                            "gexf, cytoscape, dot or html")],
    out: Annotated[Path, typer.Option("-o", "--out", help="file to write")],
    around: AroundOpt = None,
    hops: HopsOpt = 1,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    relation: RelationOpt = None,
    type_: TypeOpt = None,
    store: StoreOpt = None,
) -> None:
    """Export the graph (RDF, or a network for Gephi, Cytoscape, Graphviz, a browser).

    The filters apply to the network formats: e.g. `vnkg export html -o lao-cai.html
    --around "Lào Cai" --hops 2 --from 2024-08 --to 2024-08`.
    """
    kg = _reader(store)
    path = kg.export(fmt, out, **_filters(around, hops, date_from, date_to, relation, type_))
    typer.echo(f"wrote {path}")


@app.command()
@handles_errors
def stats(
    around: AroundOpt = None,
    hops: HopsOpt = 1,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    relation: RelationOpt = None,
    type_: TypeOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help="rows in each ranking")] = 10,
    chart: Annotated[Path | None, typer.Option(
        "--chart", help="also draw the activity per month as a PNG chart here")] = None,
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Counts and analytics: types, relations, the most active officials, the most visited
    provinces, centrality, activity per month (the same filters as `export`)."""
    figures = _reader(store).stats(top=top, **_filters(around, hops, date_from, date_to, relation,
                                                   type_))
    if chart is not None:
        from graph.analytics import activity_chart

        activity_chart(figures["activity_by_month"], chart)
    if as_json:
        typer.echo(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        _print_figures(figures)
    if chart is not None:
        typer.echo(f"wrote {chart}", err=as_json)


def _print_figures(value: Any, indent: int = 0) -> None:
    """Nested figures as indented text: rankings one row each, counts aligned."""
    pad = "  " * indent
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        if isinstance(item, dict) and "label" in item:  # a ranked entity
            rest = ", ".join(f"{k} {v}" for k, v in item.items() if k not in ("id", "label"))
            typer.echo(f"{pad}{key + 1 if isinstance(key, int) else key:>3}. {item['label']}"
                       f"  ({rest})")
        elif isinstance(item, dict) and item and all(
                not isinstance(v, dict | list) for v in item.values()) and indent:
            typer.echo(f"{pad}{key:<24} " + ", ".join(f"{k} {v}" for k, v in item.items()))
        elif isinstance(item, dict | list):
            typer.echo(f"{pad}{key}:" + ("" if item else " (none)"))
            _print_figures(item, indent + 1)
        else:
            typer.echo(f"{pad}{key:<{26 - 2 * indent}} {item}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
