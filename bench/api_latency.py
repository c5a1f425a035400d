"""p50 / p99 latency of each REST route and each named query on the sample graph.

A benchmark, run by hand (`python bench/api_latency.py [--repeat N]`), not a test. The samples are
ingested into a fresh on-disk store, the app runs in-process (httpx through FastAPI's
TestClient, so no network noise), and /sparql-style named queries go through the worker pool as
in production. Baseline, in the same run: each named query called directly on the service
(`KnowledgeGraph.query`, no HTTP, no worker process), so the cost of the doors shows.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUTES = [
    "/api/search?q=lao%20cai",
    "/api/search?q=nguyen%20hong%20dien",
    "/api/officials",
    "/api/officials/nguyen-hong-dien",
    "/api/officials/nguyen-hong-dien/worked-with?from=2024-08-01&to=2024-08-31",
    "/api/provinces",
    "/api/provinces/lao-cai",
    "/api/provinces/2025/lao-cai",
    "/api/agencies",
    "/api/agencies/bo-cong-thuong",
    "/api/events",
    "/api/events?province=lao-cai&from=2024-08-01&to=2024-08-31",
    "/api/entities/person/nguyen-hong-dien",
    "/api/articles",
    "/api/articles/000_f580f7af15c600dc",
    "/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%20100",
]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


def time_calls(call, repeat: int) -> tuple[float, float]:
    call()  # warm up (worker start, caches)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def named_params(kg, name: str) -> dict[str, str] | None:
    """Parameters for a run: the query's own examples, else sample values; None if unknown."""
    from api.rest import _examples
    from graph.queries import load_query

    base = kg.base
    named = load_query(name)
    examples = _examples(named.text, base)
    defaults = {"official": f"{base}/person/nguyen-hong-dien", "from": "2024-08-01",
                "to": "2024-08-31", "province": f"{base}/province/lao-cai",
                "agency": f"{base}/org/bo-cong-thuong",
                "article": f"{base}/article/000_f580f7af15c600dc",
                "entity": f"{base}/province/lao-cai", "q": "lao cai"}
    params = {}
    for p in named.params:
        value = examples.get(p.name) or defaults.get(p.name)
        if value is None and p.required:
            return None
        if value is not None and (p.required or p.name in ("from", "to")):
            params[p.name] = value
    return params


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from api.app import create_app
    from graph.queries import list_queries
    from graph.service import KnowledgeGraph
    from graph.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(store=Path(tmp) / "store")
        kg = KnowledgeGraph(settings)
        report = kg.ingest([settings.samples])
        print(f"samples: {len(report.ingested)} articles, {len(kg.store)} quads; "
              f"{args.repeat} calls each; milliseconds\n")
        with TestClient(create_app(settings, kg=kg)) as client:
            print(f"{'REST route':<78} {'p50':>7} {'p99':>7}")
            for route in ROUTES:
                def call(route=route):
                    response = client.get(route)
                    assert response.status_code == 200, (route, response.text[:200])
                p50, p99 = time_calls(call, args.repeat)
                print(f"{route:<78} {p50:7.2f} {p99:7.2f}")

            print(f"\n{'named query':<28} {'HTTP p50':>9} {'HTTP p99':>9} "
                  f"{'direct p50':>11} {'direct p99':>11}")
            for name in list_queries():
                params = named_params(kg, name)
                if params is None:
                    print(f"{name:<28} (skipped: no sample value for a required parameter)")
                    continue

                def over_http(name=name, params=params):
                    response = client.get(f"/api/queries/{name}/results", params=params)
                    assert response.status_code == 200, (name, response.text[:200])

                def direct(name=name, params=params):
                    kg.query(name, params)

                h50, h99 = time_calls(over_http, args.repeat)
                d50, d99 = time_calls(direct, args.repeat)
                print(f"{name:<28} {h50:9.2f} {h99:9.2f} {d50:11.2f} {d99:11.2f}")


if __name__ == "__main__":
    main()
