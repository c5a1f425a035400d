"""api: the HTTP app and the `vnkg` CLI, two thin doors onto graph.service.KnowledgeGraph."""

from api.app import create_app

__all__ = ["create_app"]
