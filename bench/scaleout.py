"""Scale out (issue 14): the same corpus ingested in one process, with N extraction workers, on a
Dask LocalCluster, and through `extract` + `load`, in one run; articles per second of each and
whether their stores are the same.

A benchmark, run by hand (never a test):

    .venv/bin/python bench/scaleout.py --articles 10000 [--workers 2] [--skip dask,load]

1. The corpus of bench/scale.py (`OUT/corpus.jsonl`, made if missing, same seed and templates).
2. Each mode runs the real CLI in a child process under a pseudo-terminal (its progress bar
   timed, as bench/scale.py does), into a fresh store `OUT/store-<mode>`:
   - `1 process`: `vnkg ingest corpus` (extraction and writing in one process);
   - `N workers`: `vnkg ingest corpus --workers N`;
   - `dask local`: `vnkg ingest corpus --dask local --workers N` (a LocalCluster of N processes);
   - `extract + load`: `vnkg extract corpus -o OUT/facts` then `vnkg load OUT/facts`;
   - `load remote`: the same facts through `vnkg load OUT/facts --store http://...` into a
     fresh `oxigraph serve` (the remote store of `--store http://host:port`).
   Articles per second are counted from the first article to the last (start-up apart: loading
   the pipeline, starting the cluster), and over the whole wall time.
3. The stores are compared: each one's N-Quads, ingest timestamps (`prov:generatedAtTime`)
   aside, reduced to a multiset digest (the sum of each line's SHA-256) and a line count.

Prints a table and writes `bench/results/scaleout-N.json`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale  # bench/scale.py: the corpus and the watched CLI runs

ROOT = scale.ROOT
BIN = scale.BIN
MODES = ("1 process", "workers", "dask local", "extract + load", "load remote")
SKIP = {"dask": "dask local", "load": "extract + load", "remote": "load remote"}


def rate(points: list[tuple[float, int]], wall: float, n: int) -> dict[str, Any]:
    """Articles per second from the first article counted to the end, and over the wall time."""
    counted = [(t, c) for t, c in points if c > 0]
    steady = None
    if len(counted) >= 2 and counted[-1][0] > counted[0][0]:
        steady = (counted[-1][1] - counted[0][1]) / (counted[-1][0] - counted[0][0])
    return {"articles/s (first article to last)": round(steady, 2) if steady else None,
            "articles/s (wall)": round(n / wall, 2) if wall else None,
            "wall s": round(wall, 1),
            "start-up s": round(counted[0][0], 1) if counted else None}


def run_cli(args: argparse.Namespace, cmd: list[str], total: int, log: str) -> dict[str, Any]:
    start = time.perf_counter()
    seen = scale.run_watched(cmd, total, args.out / log, 0, 0)
    wall = time.perf_counter() - start
    if seen.returncode not in (0, 1):
        raise scale.StepError(f"{' '.join(cmd[:2])} exited {seen.returncode}: "
                              f"{' | '.join(seen.tail[-3:])}")
    return {**rate(seen.points, wall, total), "peak tree RSS MB": round(seen.peak_tree_mb),
            "span": steady_span(seen.points), "cpu s": scale.cpu_by_role(seen.cpu)}


def steady_span(points: list[tuple[float, int]]) -> tuple[int, float]:
    """(articles counted, seconds) from the first article counted to the last."""
    counted = [(t, c) for t, c in points if c > 0]
    if len(counted) < 2:
        return 0, 0.0
    return counted[-1][1] - counted[0][1], counted[-1][0] - counted[0][0]


INTERLEAVED = ("1 process", "workers", "dask local")


def mode_options(args: argparse.Namespace, mode: str) -> list[str]:
    """`vnkg ingest`'s options for an ingest mode."""
    return {"1 process": ["--workers", "0"], "workers": ["--workers", str(args.workers)],
            "dask local": ["--dask", "local", "--workers", str(args.workers)]}[mode]


def write_slices(args: argparse.Namespace) -> list[Path]:
    """The corpus in `--rounds` slices of consecutive articles (OUT/slices/slice-i.jsonl)."""
    lines = (args.out / "corpus.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    folder = fresh(args.out / "slices")
    folder.mkdir()
    size = -(-len(lines) // args.rounds)
    paths = []
    for i in range(args.rounds):
        path = folder / f"slice-{i}.jsonl"
        path.write_text("".join(lines[i * size:(i + 1) * size]), encoding="utf-8")
        paths.append(path)
    return paths


def interleaved(args: argparse.Namespace, modes: list[str]) -> dict[str, dict[str, Any]]:
    """The ingest modes in turns: slice 1 in each mode (each into its own store), then slice
    2, and so on. This machine's speed drifts by a tenth or more over minutes; in turns, the
    drift falls on every mode alike, where one mode after the other measured it with them.
    A mode's rate is the articles counted over the seconds from each slice's first article to
    its last (each CLI call's start-up and final compaction apart)."""
    stores = {mode: fresh(args.out / f"store-{mode.replace(' ', '-')}") for mode in modes}
    spans: dict[str, list[tuple[int, float]]] = {mode: [] for mode in modes}
    walls: dict[str, float] = dict.fromkeys(modes, 0.0)
    peaks: dict[str, int] = dict.fromkeys(modes, 0)
    cpu: dict[str, Counter] = {mode: Counter() for mode in modes}
    for i, part in enumerate(write_slices(args)):
        for mode in modes:
            extra = mode_options(args, mode)
            n = sum(1 for _ in part.open(encoding="utf-8"))
            got = run_cli(args, [str(BIN / "vnkg"), "ingest", str(part), "--store",
                                 str(stores[mode]), *extra], n, "ingest.log")
            spans[mode].append(got["span"])
            walls[mode] += got["wall s"]
            peaks[mode] = max(peaks[mode], got["peak tree RSS MB"])
            cpu[mode].update(got["cpu s"])
            print(f"   slice {i + 1}/{args.rounds} {mode}: "
                  f"{got['articles/s (first article to last)']} articles/s", flush=True)
    out = {}
    for mode in modes:
        counted, seconds = (sum(x) for x in zip(*spans[mode], strict=True))
        out[mode] = {"articles/s (first article to last)": round(counted / seconds, 2),
                     "articles/s (wall)": round(args.articles / walls[mode], 2),
                     "wall s": round(walls[mode], 1), "slices": args.rounds,
                     "peak tree RSS MB": peaks[mode],
                     "cpu s": {role: round(v, 1) for role, v in cpu[mode].items()},
                     "store": digest(stores[mode])}
    return out


def ingest_mode(args: argparse.Namespace, mode: str) -> dict[str, Any]:
    store = fresh(args.out / f"store-{mode.replace(' ', '-').replace('+', 'and')}")
    corpus = str(args.out / "corpus.jsonl")
    vnkg = str(BIN / "vnkg")
    if mode == "load remote":
        return load_remote(args)
    if mode == "extract + load":
        facts = fresh(args.out / "facts")
        extract = run_cli(args, [vnkg, "extract", corpus, "-o", str(facts)], args.articles,
                          "extract.log")
        load = run_cli(args, [vnkg, "load", str(facts), "--store", str(store)], args.articles,
                       "load.log")
        wall = extract["wall s"] + load["wall s"]
        both = Counter(extract["cpu s"]) + Counter(load["cpu s"])
        return {"extract": extract, "load": load, "wall s": round(wall, 1),
                "cpu s": {role: round(v, 1) for role, v in both.items()},
                "articles/s (wall)": round(args.articles / wall, 2),
                "store": digest(store)}
    extra = mode_options(args, mode)
    result = run_cli(args, [vnkg, "ingest", corpus, "--store", str(store), *extra],
                     args.articles, "ingest.log")
    return {**result, "store": digest(store)}


def load_remote(args: argparse.Namespace) -> dict[str, Any]:
    """The facts of `extract + load` (extracted again if missing) loaded into `oxigraph serve`."""
    facts = args.out / "facts"
    if not facts.is_dir() or not any(facts.iterdir()):
        run_cli(args, [str(BIN / "vnkg"), "extract", str(args.out / "corpus.jsonl"), "-o",
                       str(facts)], args.articles, "extract.log")
    location = fresh(args.out / "store-remote")
    port = scale.free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [str(BIN / "oxigraph"), "serve", "--location", str(location), "--bind",
           f"127.0.0.1:{port}"]
    with scale.server("oxigraph serve", cmd, f"{url}/query?query=ASK%7B%7D",
                      args.out / "oxigraph-remote.log"):
        result = run_cli(args, [str(BIN / "vnkg"), "load", str(facts), "--store", url],
                         args.articles, "load-remote.log")
        return {**result, "store": digest(url, args.out / "store-remote.nq")}


def fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    return path


def digest(store: Path | str, dump: Path | None = None) -> dict[str, Any]:
    """A multiset digest of the store's N-Quads (a folder or a URL), ingest timestamps aside."""
    dump = dump or Path(store).parent / f"{Path(store).name}.nq"
    subprocess.run([str(BIN / "vnkg"), "export", "nquads", "-o", str(dump), "--store",
                    str(store)], check=True, capture_output=True)
    total, lines = 0, 0
    with dump.open("rb") as handle:
        for line in handle:
            if b"generatedAtTime" in line:
                continue
            total = (total + int.from_bytes(hashlib.sha256(line).digest()[:16], "big")) \
                % (1 << 128)
            lines += 1
    dump.unlink()
    return {"quads (timestamps aside)": lines, "digest": f"{total:032x}"}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", "-n", type=int, required=True)
    p.add_argument("--out", type=Path, help="work folder (default var/scale/N)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--skip", default="", help="modes to leave out: dask, load, remote")
    p.add_argument("--rounds", type=int, default=1,
                   help="ingest modes in turns over this many slices of the corpus (see "
                        "`interleaved`); 1: each mode over the whole corpus, one after another")
    p.add_argument("--c300", type=Path, default=scale.C300)
    args = p.parse_args(argv)
    args.out = args.out or ROOT / "var" / "scale" / str(args.articles)
    args.out.mkdir(parents=True, exist_ok=True)
    args.reuse = False
    scale.corpus_step(args)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    results: dict[str, Any] = {"articles": args.articles, "workers": args.workers,
                               "rounds": args.rounds, "modes": {}}
    modes = [m for m in MODES if m not in {SKIP[name] for name in skip if name in SKIP}]
    if args.rounds > 1:
        turns = [m for m in modes if m in INTERLEAVED]
        print(f"== {', '.join(turns)}: in turns over {args.rounds} slices", flush=True)
        results["modes"] = interleaved(args, turns)
        print(json.dumps(results["modes"], indent=1), flush=True)
        modes = [m for m in modes if m not in INTERLEAVED]
    for mode in modes:
        print(f"== {mode}", flush=True)
        try:
            results["modes"][mode] = ingest_mode(args, mode)
        except (scale.StepError, subprocess.CalledProcessError) as err:
            results["modes"][mode] = {"error": str(err)}
        print(json.dumps(results["modes"][mode], indent=1), flush=True)
    report(results)
    scale.RESULTS.mkdir(parents=True, exist_ok=True)
    path = scale.RESULTS / f"scaleout-{args.articles}.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def report(results: dict[str, Any]) -> None:
    modes = results["modes"]
    base = modes.get("1 process", {}).get("articles/s (first article to last)")
    print(f"\n{'mode':16s} {'art/s':>8s} {'wall art/s':>10s} {'x 1 proc':>9s}  store digest")
    for mode, r in modes.items():
        steady = r.get("articles/s (first article to last)")
        ratio = f"{steady / base:.2f}" if steady and base else "-"
        store = r.get("store", {})
        print(f"{mode:16s} {steady or '-':>8} {r.get('articles/s (wall)', '-'):>10} "
              f"{ratio:>9s}  {store.get('digest', r.get('error', '-'))[:16]} "
              f"({store.get('quads (timestamps aside)', '-')} quads)")
    cpu_table(modes, results["articles"])
    digests = {r["store"]["digest"] for r in modes.values() if "store" in r}
    print("stores identical" if len(digests) == 1 else f"stores differ: {len(digests)} digests")


def cpu_table(modes: dict[str, Any], articles: int) -> None:
    """Where each mode's CPU went, in ms an article (start-up included): with the CPU of two
    cores all used, what one mode spends more than another is what it loses."""
    rows = {mode: r["cpu s"] for mode, r in modes.items() if "cpu s" in r}
    if not rows:
        return
    print(f"\nCPU ms an article  {'  '.join(f'{role:>15s}' for role in scale.CPU_ROLES)}"
          f"  {'total':>7s}")
    for mode, cpu in rows.items():
        cells = "  ".join(f"{cpu.get(role, 0) * 1000 / articles:15.1f}"
                          for role in scale.CPU_ROLES)
        print(f"{mode:18s} {cells}  {sum(cpu.values()) * 1000 / articles:7.1f}")


if __name__ == "__main__":
    sys.exit(main())
