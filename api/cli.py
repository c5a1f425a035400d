"""The `vnkg` command line: a thin door onto graph.service.KnowledgeGraph.

Settings come from flags, then `VNKG_…` environment variables, then defaults. Every vnkg error
becomes a one-line message and a non-zero exit code; a batch with unreadable articles exits 1
after doing the rest.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
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
    Path | None,
    typer.Option("--store", help="store folder (default: the VNKG_STORE setting, var/store)"),
]
F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int = 2) -> None:
    typer.secho(f"vnkg: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def handles_errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except VnkgError as err:
            _fail(err.message, 2)
        except ValueError as err:  # settings validation
            _fail(str(err).splitlines()[0] if str(err) else repr(err), 2)

    return wrapper  # type: ignore[return-value]


def _settings(store: Path | None = None, **overrides: Any):
    from graph.settings import Settings

    values = {k: v for k, v in overrides.items() if v is not None}
    if store is not None:
        values["store"] = store
    return Settings(**values)


def _kg(store: Path | None = None, **overrides: Any):
    from graph.service import KnowledgeGraph

    return KnowledgeGraph(_settings(store, **overrides))


@app.command()
@handles_errors
def extract(
    inputs: Annotated[list[str], typer.Argument(help="article files, folders or globs")],
    out: Annotated[Path, typer.Option("-o", "--out", help="folder for <article id>.json")],
) -> None:
    """Extract the facts of articles (../shared/FACTS.md JSON), one file per article."""
    from graph.service import KnowledgeGraph
    from graph.store import GraphStore

    out.mkdir(parents=True, exist_ok=True)
    kg = KnowledgeGraph(_settings(None), store=GraphStore(None), read_only=True)
    written = failed = 0
    for item in kg.extract(inputs):
        if isinstance(item, Exception):
            typer.secho(f"skipped {item}", fg=typer.colors.YELLOW, err=True)
            failed += 1
            continue
        (out / f"{item.article}.json").write_text(
            item.model_dump_json(indent=2, exclude_none=True), encoding="utf-8")
        written += 1
    skipped = f"; {failed} skipped" if failed else ""
    typer.echo(f"wrote {written} facts file(s) to {out}{skipped}")
    if failed:
        raise typer.Exit(1)


@app.command()
@handles_errors
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="article files, folders or globs")],
    store: StoreOpt = None,
) -> None:
    """Extract articles and write them into the store, one named graph per article."""
    from tqdm import tqdm

    kg = _kg(store)
    with tqdm(desc="ingest", unit="article", disable=not sys.stderr.isatty()) as bar:
        report = kg.ingest(inputs, progress=lambda _id: bar.update())
    kg.close()
    for error in report.errors:
        typer.secho(f"skipped {error}", fg=typer.colors.YELLOW, err=True)
    typer.echo(f"ingested {len(report.ingested)}, unchanged {len(report.unchanged)}, "
               f"failed {len(report.errors)} into {kg.settings.store or 'memory'}")
    if report.errors:
        raise typer.Exit(1)


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
) -> None:
    """Serve the SPARQL endpoint, the REST API and the console."""
    import uvicorn

    from api.app import create_app

    settings = _settings(store, host=host, port=port)
    address = f"http://{settings.host}:{settings.port}"
    typer.echo(f"vnkg serving {settings.store or 'an in-memory graph'} at {address}/\n"
               f"  console:  {address}/   API docs: {address}/docs\n"
               f"  try:      curl '{address}/api/officials/nguyen-hong-dien/worked-with"
               f"?from=2024-08-01&to=2024-08-31'\n"
               f"            curl '{address}/api/search?q=lao+cai'\n"
               f"  SPARQL:   curl '{address}/sparql' --data-urlencode "
               f"'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 5'")
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")


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
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="k=v")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv")] = "table",
    store: StoreOpt = None,
) -> None:
    """Run a named query of queries/ (with --param k=v) or a SPARQL file; print its rows."""
    kg = _kg(store)
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
def export(
    fmt: Annotated[str, typer.Argument(help="nquads, turtle, trig, ntriples, jsonld, graphml, "
                                            "gexf, cytoscape, dot or html")],
    out: Annotated[Path, typer.Option("-o", "--out", help="file to write")],
    store: StoreOpt = None,
) -> None:
    """Export the graph (RDF, or a network for Gephi, Cytoscape, Graphviz, a browser)."""
    kg = _kg(store)
    path = kg.export(fmt, out)
    typer.echo(f"wrote {path}")


@app.command()
@handles_errors
def stats(
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Counts and analytics of what the store holds."""
    figures = _kg(store).stats()
    if as_json:
        typer.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    for key, value in figures.items():
        if isinstance(value, dict):
            typer.echo(f"{key}:")
            for sub, count in value.items():
                typer.echo(f"  {sub:<24} {count}")
        else:
            typer.echo(f"{key:<26} {value}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
