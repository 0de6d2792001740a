"""The `storyline` command line: every command prints text for people or JSON for programs.

Errors about input are one line each on stderr (`storyline: FILE: reason`) and never stop a
batch; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from storyline import __version__
from storyline.errors import StoryError
from storyline.ingest.errors import InputError
from storyline.model import Article
from storyline.progress import progress
from storyline.settings import DEFAULT
from storyline.store import Store, StoreError

FORMATS = ("text", "json", "jsonl")


def _add_format(p: argparse.ArgumentParser, default: str = "text") -> None:
    p.add_argument("--format", choices=FORMATS, default=default,
                   help="text for people; json (one document) or jsonl (one object per line) for programs")


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=None,
                   help="the SQLite store (default: $STORYLINE_DB, else storyline.db in your data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyline",
        description="Turn news articles from many outlets and languages into stories you can check.",
        epilog="Start with:  storyline ingest ARTICLES_FOLDER --db news.db   then   storyline articles --db news.db",
    )
    parser.add_argument("--version", action="version", version=f"storyline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="clean articles and print them, storing nothing",
                       description="Clean each input (plain text, HTML, WARC, feed, JSONL) and print the "
                                   "article: body apart from boilerplate, title, date, author, outlet, "
                                   "dateline, language, cited media; for plain text also each line's kind.",
                       epilog="Example: storyline extract page.html.gz story.txt --format jsonl")
    p.add_argument("files", nargs="+", metavar="FILE", help="files or folders (read recursively)")
    _add_format(p)

    p = sub.add_parser("ingest", help="clean articles and add them to the store",
                       description="Read files and folders recursively (.txt, .html, .htm, .html.gz, .warc, "
                                   ".warc.gz, RSS/Atom .xml, .jsonl), clean every article and store it. "
                                   "Ingesting the same input again adds nothing; a changed article is updated.",
                       epilog="Example: storyline ingest ~/crawl/ feeds/ --db news.db")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    _add_db(p)
    p.add_argument("--embedder", choices=("use", "fast"), default=None,
                   help="model that compares articles: use (default, multilingual USE) or fast (distilled "
                        "from it, many times quicker, less exact); a store keeps the one it began with")
    p.add_argument("--no-stories", action="store_true", help="only clean and store; build stories later")
    p.add_argument("--no-analysis", action="store_true",
                   help="skip finding names and quotes now (the dearest step); `show` does it on first use")
    _add_format(p)

    p = sub.add_parser("articles", help="list the stored articles",
                       description="Print the stored articles, newest first, or those matching a full-text query.",
                       epilog="Example: storyline articles --db news.db --search 'Karabakh' --format jsonl")
    _add_db(p)
    p.add_argument("--search", help="full-text query over titles and bodies (SQLite FTS5 syntax)")
    p.add_argument("--limit", type=int, default=None, help="at most this many")
    p.add_argument("--lines", action="store_true", help="with jsonl/json: include each line's kind")
    _add_format(p)

    p = sub.add_parser("stories", help="list the stories: articles about one event, across outlets and languages",
                       description="Print every story, most recent first, with its articles. Stories are built "
                                   "as articles are ingested; an id once printed always finds its story (ids of "
                                   "merged stories become aliases).",
                       epilog="Example: storyline stories --db news.db --format jsonl")
    _add_db(p)
    p.add_argument("--limit", type=int, default=None, help="at most this many stories")
    _add_format(p)

    p = sub.add_parser("show", help="show one story in full",
                       description="Print one story: its articles and, per source, outlet, date, dateline and "
                                   "the media it cites.",
                       epilog="Example: storyline show st-1a2b3c4d5e6f --db news.db --format json")
    p.add_argument("story_id", metavar="STORY_ID")
    _add_db(p)
    p.add_argument("--format", choices=("text", "json", "md"), default="text")

    p = sub.add_parser("entity", help="follow a person, organisation or place through the stories",
                       description="Every story an entity appears in, oldest first, with the name, roles and "
                                   "spellings each gives it. QUERY is an entity id (from `show`) or a name in "
                                   "any spelling or script; a name shared by several entities lists each. "
                                   "Stories not analysed yet are analysed first (once; cached).",
                       epilog="Example: storyline entity 'Evgeny Buzhinsky' --db news.db --format json")
    p.add_argument("query", metavar="QUERY")
    _add_db(p)
    p.add_argument("--cached", action="store_true", help="answer from the analyses already made, analysing nothing")
    _add_format(p)

    p = sub.add_parser("compare", help="how likely two articles are about the same story",
                       description="Score pairs of article texts: higher means more likely the same story. "
                                   "Give two files, or --pairs with JSON lines {\"id\", \"a\", \"b\"}.",
                       epilog="Example: storyline compare --pairs pairs.jsonl --format jsonl")
    p.add_argument("files", nargs="*", metavar="FILE", help="two article files to compare")
    p.add_argument("--pairs", help="JSON lines with id, a and b (two article texts)")
    _add_format(p)

    p = sub.add_parser("serve", help="browse stories and compare sources side by side in a browser",
                       description="Serve a read-only web UI over the store: the story list with search, each "
                                   "story with its summary, discrepancies, entities and quotes, and two "
                                   "sources side by side. Every page has a JSON twin under /api/.",
                       epilog="Example: storyline serve --db news.db --port 8765   then open http://127.0.0.1:8765/")
    _add_db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: this machine only)")
    p.add_argument("--port", type=int, default=8765)

    p = sub.add_parser("report", help="write a Markdown report of the store",
                       description="Write what the store holds as Markdown: every article with its metadata, "
                                   "the languages and the media cited.",
                       epilog="Example: storyline report --db news.db --out report.md")
    _add_db(p)
    p.add_argument("--out", default="-", help="file to write (default: standard output)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("storyline: interrupted; everything committed before this point is kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_broken_pipe()
        return 0
    except (StoreError, StoryError) as exc:
        print(f"storyline: {exc}", file=sys.stderr)
        return 1


def report(error: InputError) -> None:
    print(f"storyline: {error.source}: {error.reason}", file=sys.stderr, flush=True)


def _silence_broken_pipe() -> None:
    # Output piped into `head`: Python would complain again at exit while flushing stdout.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def emit(records: Iterable[dict[str, Any]], fmt: str, text_line) -> int:
    """Print records as jsonl, json or one text line each; return how many were printed."""
    count = 0
    if fmt == "json":
        items = list(records)
        json.dump(items, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return len(items)
    for record in records:
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(text_line(record) + "\n")
        count += 1
    sys.stdout.flush()
    return count


def _article_line(rec: dict[str, Any]) -> str:
    date = (rec.get("published") or "")[:10] or "????-??-??"
    lang = rec.get("language") or "??"
    words = len((rec.get("text") or "").split())
    return f"{date}  {lang}  {words:5d}w  {rec.get('title') or '(no title)'}  [{rec['source']}]"


def cmd_extract(args: argparse.Namespace) -> int:
    from storyline.clean import clean
    from storyline.ingest import read_all

    def cleaned() -> Iterator[Article]:
        for item in progress(read_all(args.files, DEFAULT), desc="extract", unit="doc"):
            if isinstance(item, InputError):
                report(item)
                continue
            try:
                yield clean(item, DEFAULT)
            except Exception as exc:  # a cleaner bug must not cost the user the batch
                report(InputError(item.source, f"could not be cleaned ({type(exc).__name__}: {exc})"))

    def articles() -> Iterator[dict[str, Any]]:
        # Batches of articles, so an undated one can take its implied date from the others.
        batch: list[Article] = []
        for article in cleaned():
            batch.append(article)
            if len(batch) >= _EXTRACT_BATCH:
                yield from _flush(batch)
        yield from _flush(batch)

    printed = emit(articles(), args.format, _article_line)
    return 0 if printed else 1


_EXTRACT_BATCH = 500


def _flush(batch: list[Article]) -> Iterator[dict[str, Any]]:
    from storyline.clean.implied_dates import infer_missing_dates

    infer_missing_dates(batch)
    records = [a.to_json() for a in batch]
    batch.clear()
    return iter(records)


def cmd_ingest(args: argparse.Namespace) -> int:
    from storyline.pipeline import ingest_paths
    from storyline.store_lock import writing
    from storyline.stories import DEFAULT_STORIES, StorySettings

    stories = None if args.no_stories else (StorySettings(embedder=args.embedder) if args.embedder
                                            else DEFAULT_STORIES)
    started = datetime.now(UTC).isoformat(timespec="seconds")  # as the store writes its times
    with writing(_db_path(args)):  # the analysis too: another ingest must not place stories meanwhile
        stats = ingest_paths(args.paths, _db_path(args), on_error=report, stories=stories)
        analysed = 0
        if not args.no_analysis and stats.stored_or_known:
            analysed = _analyse_pending(_db_path(args), since=started)
    if args.format == "text":
        print(stats.summary() + (f", {analysed} analysed" if analysed else ""), file=sys.stderr)
    else:
        emit([{**stats.as_dict(), "analysed": analysed}], "jsonl" if args.format == "jsonl" else "json", str)
    return 0 if stats.stored_or_known else 1


def _analyse_pending(db: str, since: str | None = None) -> int:
    from storyline.analysis import analyze_pending, pending_articles
    from storyline.progress import progress_bar
    from storyline.store import Store

    with Store(db) as store:
        bar = progress_bar("analysing", "article", total=len(pending_articles(store)))
        try:
            done = analyze_pending(store, progress=bar.update if bar else None)
        finally:
            if bar is not None:
                bar.close()
        _analyse_stale_stories(store, since=since)
        return done


def _analyse_stale_stories(store: Store, min_members: int | None = None, since: str | None = None) -> None:
    """Bring cached story analyses up to date (those of `min_members` or more, changed `since`
    when given), with a progress bar."""
    from storyline.analysis import PRECOMPUTE_MEMBERS, analyze_stale_stories, stale_stories
    from storyline.progress import progress_bar

    stale = stale_stories(store, PRECOMPUTE_MEMBERS if min_members is None else min_members, since=since)
    bar = progress_bar("analysing", "story", total=len(stale)) if stale else None
    try:
        analyze_stale_stories(store, stale, progress=bar.update if bar else None)
    finally:
        if bar is not None:
            bar.close()


def cmd_articles(args: argparse.Namespace) -> int:
    from storyline.store import Store

    with Store(_db_path(args), create=False) as store:
        records = (a.to_json(with_lines=args.lines) | {"id": a.id}
                   for a in store.iter_articles(search=args.search, limit=args.limit))
        emit(records, args.format, _article_line)
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    from storyline import story_store as ss
    from storyline.store import Store
    from storyline.views import story_record

    with Store(_db_path(args), create=False) as store:
        rows = list(ss.iter_stories(store))[: args.limit]
        emit((story_record(store, row) for row in rows), args.format, _story_line)
    return 0


def _story_line(rec: dict[str, Any]) -> str:
    span = rec["first_published"] or "????-??-??"
    if rec["last_published"] and rec["last_published"] != rec["first_published"]:
        span += f"..{rec['last_published']}"
    langs = ",".join(rec["languages"]) or "??"
    line = f"{rec['story_id']}  {span}  {rec['size']:3d} article(s)  {langs}  {rec['title']}"
    return line + (f"  (continues {', '.join(rec['continues'])})" if rec.get("continues") else "")


def cmd_show(args: argparse.Namespace) -> int:
    from storyline.store import Store
    from storyline.views import story_detail

    with Store(_db_path(args), create=False) as store:
        record = story_detail(store, args.story_id)
    if record is None:
        print(f"storyline: no story {args.story_id!r} in {_db_path(args)} (list them with `storyline stories`)",
              file=sys.stderr)
        return 1
    if args.format == "json":
        json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from storyline.report import story_markdown

        sys.stdout.write(story_markdown(record) + "\n")
    return 0


def cmd_entity(args: argparse.Namespace) -> int:
    from storyline.store import Store
    from storyline.views import entity_detail, find_entities

    with Store(_db_path(args), create=False) as store:
        if not args.cached:
            _analyse_stale_stories(store, min_members=1)
        records = [r for r in (entity_detail(store, eid) for eid in find_entities(store, args.query)) if r]
    if not records:
        print(f"storyline: no entity {args.query!r} in {_db_path(args)} (ids and names are in `storyline show`)",
              file=sys.stderr)
        return 1
    emit(records, args.format, _entity_text)
    return 0


def _entity_text(record: dict[str, Any]) -> str:
    lines = [f"{record['name']} ({record['type']}, {record['id']})",
             f"  spellings: {', '.join(record['spellings'])}"]
    if record["roles"]:
        lines.append(f"  roles: {'; '.join(record['roles'][:6])}")
    for s in record["stories"]:
        days = s["first_published"] or "undated"
        if s["last_published"] and s["last_published"] != s["first_published"]:
            days += f"..{s['last_published']}"
        role = f", {s['roles'][0]}" if s["roles"] else ""
        lines.append(f"  {days}  {s['story_id']}  {s['title'] or '(untitled)'}  [{s['size']} articles; "
                     f"as {s['name']}{role}]")
    return "\n".join(lines)


def cmd_compare(args: argparse.Namespace) -> int:
    from storyline.compare import compare_pairs, read_pairs

    if args.pairs:
        pairs = read_pairs(args.pairs, on_error=report)
    elif len(args.files) == 2:
        from storyline.api import extract

        texts = []
        for item in extract(args.files):
            if isinstance(item, InputError):
                report(item)
                return 1
            texts.append(f"{item.title or ''}\n{item.text}")
        pairs = [("1", texts[0], texts[1])]
    else:
        print("storyline: compare needs two files or --pairs FILE", file=sys.stderr)
        return 2
    results = ({"id": pid, "similarity": round(score, 4)} for pid, score in compare_pairs(pairs))
    emit(results, args.format, lambda r: f"{r['id']}\t{r['similarity']:.3f}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from storyline.report import write_report
    from storyline.store import Store

    with Store(_db_path(args), create=False) as store:
        text = write_report(store)
    if args.out == "-":
        sys.stdout.write(text + "\n")
    else:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from storyline.store import Store
    from storyline.web import serve

    Store(_db_path(args), create=False).close()  # a missing or foreign store fails here, with its reason
    serve(_db_path(args), args.host, args.port)
    return 0


def _db_path(args: argparse.Namespace) -> str:
    if args.db:
        return args.db
    if os.environ.get("STORYLINE_DB"):
        return os.environ["STORYLINE_DB"]
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    folder = os.path.join(base, "storyline")
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, "storyline.db")


COMMANDS = {
    "extract": cmd_extract,
    "ingest": cmd_ingest,
    "articles": cmd_articles,
    "stories": cmd_stories,
    "show": cmd_show,
    "entity": cmd_entity,
    "compare": cmd_compare,
    "report": cmd_report,
    "serve": cmd_serve,
}

if __name__ == "__main__":
    sys.exit(main())
