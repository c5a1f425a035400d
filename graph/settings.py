"""Settings: one typed object, from flags, the environment (`VNKG_…`) and defaults.

A misspelt `VNKG_` variable fails at start rather than being silently ignored.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VNKG_", extra="forbid")

    store: Path | str | None = Field(
        default=ROOT / "var" / "store",
        description="folder of the on-disk Oxigraph store, or the http(s) URL of a SPARQL 1.1 "
        "server (`oxigraph serve`: graph/remote.py); None keeps the graph in memory",
    )
    base_iri: str = Field(default="https://vnkg.org/id", description="base of every data IRI")
    host: str = "127.0.0.1"
    port: int = 8000
    query_timeout: float = Field(default=10.0, gt=0,
                                 description="seconds a SPARQL query or an /api request may run")
    row_limit: int = Field(default=10_000, description="rows a SPARQL result may hold")
    query_workers: int = Field(default=2, ge=1,
                               description="processes that run /sparql queries, REST lookups, "
                               "exports and stats under the time limit")
    # Address space, not memory: a worker maps 250 to 470 MB (Oxigraph's files, thread stacks)
    # while it uses some 125 MB. What the workers really use is watched by `workers_memory_mb`;
    # this cap is the backstop that stops one runaway allocation at once.
    worker_memory_mb: int = Field(
        default=2048, ge=0,
        description="address space a query worker may use (MB, RLIMIT_AS); a query that needs "
        "more fails with 503 instead of growing the server; 0 for no cap")
    workers_memory_mb: int = Field(
        default=768, ge=0,
        description="resident memory of all query workers together (MB): past it, the largest "
        "busy one is stopped (503), so the server (about 140 MB) and its workers stay under 1 GB;"
        " 0 for no watch")
    max_body_mb: float = Field(
        default=2.0, gt=0,
        description="largest request body (MB): a bigger one gets 413 before it is read")
    query_dir: Path = Field(default=ROOT / "queries",
                            description="folder of the named queries (*.rq)")
    cors_origins: list[str] = Field(default_factory=list)
    api_token: str | None = Field(default=None, description="token for POST /api/articles")
    samples: Path = ROOT / "data" / "samples"

    @field_validator("store", mode="before")
    @classmethod
    def _folder_or_url(cls, value: object) -> object:
        """A URL stays text (a Path would fold its `//`); anything else is a folder."""
        if isinstance(value, str) and not value.startswith(("http://", "https://")):
            return Path(value)
        return value

    @model_validator(mode="before")
    @classmethod
    def _reject_unknown_env(cls, values: dict) -> dict:
        known = {f"VNKG_{name.upper()}" for name in cls.model_fields}
        unknown = sorted(k for k in os.environ if k.startswith("VNKG_") and k not in known)
        if unknown:
            raise ValueError(f"unknown setting(s) {', '.join(unknown)}; the known ones are "
                             f"{', '.join(sorted(known))}")
        return values


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
