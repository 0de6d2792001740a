"""A small web UI to browse stories and compare their sources side by side: `storyline serve`.

It is a plain WSGI application over the same views the CLI prints (`storyline.views`), so the page
and `storyline show --format json` never disagree. The standard library serves it; nothing to
install, nothing fetched by the browser from elsewhere (the page carries its own CSS), so it works
on an air-gapped machine. Read-only: it never writes to the store except the analysis cache.
"""

from storyline.web.app import make_app, serve

__all__ = ["make_app", "serve"]
