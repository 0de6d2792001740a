"""Routes of the web UI; every page has a JSON twin under /api/ with the CLI's fields."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, make_server

from storyline.store import Store
from storyline.web import jobs, pages

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
_STORY = re.compile(r"^/(api/)?story/([\w.-]+)$")
_ENTITY = re.compile(r"^/(api/)?entity/([\w.-]+)$")
App = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def make_app(db_path: str, wait: float = jobs.WAIT_SECONDS) -> App:
    """A WSGI app over the store at `db_path`; each request opens the store for its own work. A
    story page whose analysis is not ready after `wait` seconds says how far it got (`jobs`)."""

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO") or "/"
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        try:
            page = _STORY.match(path)
            job = jobs.analysis_in_progress(db_path, page.group(2), wait) if page and not page.group(1) else None
            if job is not None and job.error:
                status, kind, body = "500 Internal Server Error", "text/plain", f"storyline: {job.error}"
            elif job is not None:
                status, kind, body = "200 OK", "text/html", pages.analysing(job)
            else:
                status, kind, body = _route(db_path, path, query)
        except Exception as exc:  # one bad page must not stop the server; the reason is shown
            status, kind, body = "500 Internal Server Error", "text/plain", f"storyline: {exc}"
        data = body.encode("utf-8")
        start_response(status, [("Content-Type", f"{kind}; charset=utf-8"), ("Content-Length", str(len(data)))])
        return [data]

    return app


def _route(db_path: str, path: str, query: dict[str, str]) -> tuple[str, str, str]:
    from storyline.story_store import iter_stories
    from storyline.views import entity_detail, story_articles, story_detail, story_record

    with Store(db_path, create=False) as store:
        if path in ("/", "/api/stories"):
            search = query.get("q", "").strip().lower()
            records = [story_record(store, row) for row in iter_stories(store)]
            if search:
                records = [r for r in records if search in _haystack(r)]
            if path.startswith("/api/"):
                return "200 OK", "application/json", json.dumps(records, ensure_ascii=False)
            return "200 OK", "text/html", pages.story_list(records, search)
        match = _STORY.match(path)
        if match:
            record = story_detail(store, match.group(2))
            if record is None:
                return "404 Not Found", "text/html", pages.not_found(match.group(2))
            if match.group(1):
                return "200 OK", "application/json", json.dumps(record, ensure_ascii=False)
            texts = {a.source: a.text for a in story_articles(store, record["story_id"])}
            return "200 OK", "text/html", pages.story_page(record, query.get("a"), query.get("b"), texts)
        match = _ENTITY.match(path)
        if match:  # what is analysed so far: `storyline entity` analyses the rest
            entity = entity_detail(store, match.group(2))
            if entity is None:
                return "404 Not Found", "text/html", pages.not_found(match.group(2))
            if match.group(1):
                return "200 OK", "application/json", json.dumps(entity, ensure_ascii=False)
            return "200 OK", "text/html", pages.entity_page(entity)
    return "404 Not Found", "text/html", pages.not_found(path)


def _haystack(record: dict[str, Any]) -> str:
    parts = [record.get("title") or ""] + [a.get("title") or "" for a in record["articles"]] + record["outlets"]
    return " ".join(parts).lower()


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve until Ctrl-C. Binds to localhost by default: the store may hold unpublished work."""
    with make_server(host, port, make_app(db_path), handler_class=_QuietHandler) as server:
        print(f"storyline: serving {db_path} on http://{host}:{port}/ (Ctrl-C stops)")
        server.serve_forever()
