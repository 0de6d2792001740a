"""The store's schema, as the migrations that build it: `store.Store` applies those a file lacks.

Kept apart from `store.py`, which reads and writes through it: the list only grows.
"""

# Each entry upgrades the schema by one version; never edit a released entry, append a new one.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL UNIQUE,
        raw_hash TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        url TEXT,
        title TEXT,
        text TEXT NOT NULL,
        published TEXT,
        author TEXT,
        outlet TEXT,
        language TEXT,
        dateline TEXT,
        cited_media TEXT NOT NULL DEFAULT '[]',
        lines TEXT NOT NULL DEFAULT '[]',
        format TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        updated_at TEXT
    );
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE article_aliases (
        source TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    """,
    """
    ALTER TABLE articles ADD COLUMN published_inferred INTEGER NOT NULL DEFAULT 0;
    """,
    """
    CREATE TABLE article_signals (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        vector BLOB NOT NULL,
        keys TEXT NOT NULL,
        lead_keys TEXT NOT NULL,
        day INTEGER
    );
    CREATE TABLE key_df (key TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        first_day INTEGER,
        last_day INTEGER,
        size INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX stories_last_day ON stories(last_day);
    CREATE TABLE story_articles (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL REFERENCES stories(id),
        score REAL,
        seq INTEGER NOT NULL
    );
    CREATE INDEX story_articles_story ON story_articles(story_id, seq);
    CREATE TABLE story_aliases (
        alias TEXT PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories(id)
    );
    CREATE TABLE story_links (
        story_id TEXT NOT NULL REFERENCES stories(id),
        earlier_id TEXT NOT NULL REFERENCES stories(id),
        score REAL NOT NULL,
        PRIMARY KEY (story_id, earlier_id)
    );
    """,
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # Analysis (issue 5): per-article mentions and quotes, computed once and kept compressed; the
    # entity registry gives an entity one id across stories; a story's resolved analysis is cached
    # against the hash of its members so `show` does not redo it.
    """
    CREATE TABLE article_analysis (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        payload BLOB NOT NULL
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE entity_keys (
        key TEXT NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities(id),
        PRIMARY KEY (key, entity_id)
    ) WITHOUT ROWID;
    CREATE TABLE story_entities (
        story_id TEXT NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities(id),
        PRIMARY KEY (story_id, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_entities_entity ON story_entities(entity_id);
    CREATE TABLE story_analysis (
        story_id TEXT PRIMARY KEY,
        members TEXT NOT NULL,
        version INTEGER NOT NULL,
        payload BLOB NOT NULL
    );
    """,
    # Storage (issue 4). An article's signal row is kept to a fixed share of a page so that the
    # rows fill their pages (three to a 2 KB page with a 512-d vector): the bytes of its
    # compressed keys past that share go to `article_keys_rest` (`story_store.save_signals_row`).
    # Duplicates are found by the content hash's first 8 hex digits (then the whole hash is
    # compared): an index of 8 characters where one of all 40 cost ~30 bytes an article. The index
    # on `published` served no query (the newest-first listing sorts on `published IS NULL` first,
    # which it cannot give): 23 bytes an article for nothing. Story aliases are looked up by alias
    # only: keyed by it (WITHOUT ROWID), they are stored once instead of in a table and its index.
    """
    CREATE TABLE article_keys_rest (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        rest BLOB NOT NULL
    );
    DROP INDEX articles_content_hash;
    CREATE INDEX articles_content_prefix ON articles(substr(content_hash, 1, 8));
    DROP INDEX articles_published;
    CREATE TABLE story_aliases_keyed (
        alias TEXT PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories(id)
    ) WITHOUT ROWID;
    INSERT INTO story_aliases_keyed(alias, story_id) SELECT alias, story_id FROM story_aliases;
    DROP TABLE story_aliases;
    ALTER TABLE story_aliases_keyed RENAME TO story_aliases;
    """,
    # Nor did any query use the index on stories' last day (the open stories are found from their
    # members, and the listing sorts on `last_day IS NULL` first).
    """
    DROP INDEX stories_last_day;
    """,
    # A story's former ids, and the stories that continue it, are looked up by the story (every
    # listing shows them, every merge re-points them): without these indexes each lookup read the
    # whole table, a full scan per story listed and per merge (~20 bytes an article; links are few).
    """
    CREATE INDEX story_aliases_story ON story_aliases(story_id);
    CREATE INDEX story_links_earlier ON story_links(earlier_id);
    """,
    # The same for the files that repeat a stored text: a story lists them by article.
    """
    CREATE INDEX article_aliases_article ON article_aliases(article_id);
    """,
    # Counting the signal rows (which articles still lack a vector or a story, at every ingest)
    # walked the rows themselves, ~700 bytes each; a count reads this small index instead
    # (`story_store.unassigned_articles`), ~12 bytes an article.
    """
    CREATE INDEX article_signals_day ON article_signals(day);
    """,
    # The stories still open are found by their last day, then their members by story
    # (`story_store.open_stories`): without this index every ingest joined every member of
    # the store to its story (~8 bytes an article; migration 7 had dropped it as unused).
    """
    CREATE INDEX stories_last_day ON stories(last_day);
    """,
    # Which articles lack a current analysis is counted on this index, not on the analyses
    # themselves (`analysis.pending_articles`).
    """
    CREATE INDEX article_analysis_version ON article_analysis(version);
    """,
    # The timeline of a chain of linked stories, built from all their articles (1.4 s for a swine
    # flu story of 68 articles and 24 continuations, at every `show`): kept against what it was
    # made of, as a story's own analysis is (`views.chain_timeline`).
    """
    CREATE TABLE chain_timelines (
        story_id TEXT PRIMARY KEY,
        members TEXT NOT NULL,
        version INTEGER NOT NULL,
        payload BLOB NOT NULL
    );
    """,
]
