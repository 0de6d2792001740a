"""One id per entity across stories, so a user can follow a person through the news.

A story's entities are resolved inside the story; this module ties them to the entities of other
stories by their name keys (the spellings, transliterated and normalised). The rule is strict on
purpose: a person is tied only through a full name (two or more words) of the same type, because
surnames alone are shared by different people ("Aliyev", "Kim"); organisations and places also tie
through a single-word name, since their names are their identity. A wrong tie across stories would
put one person's words in another's mouth everywhere, while a missed tie only splits a history.

Ids are stable: a story that is analysed again keeps the ids it had, and a new entity gets an id
derived from its type and name (with a counter when two different entities share both).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from storyline.model import Entity
from storyline.store import Store


def _name_key(text: str) -> str:
    from storyline.entities.names import name_key

    return name_key(text)


# A body named by its kind alone is whichever the story means: "die Regierung" of one story is
# Austria's, of another Germany's; "la Policía" is a town's or a nation's. It ties nothing.
_KINDS_ALONE = frozenset("""
government regierung gobierno governo gouvernement regering rząd hükümet ejecutivo esecutivo executive
police polizei policía polizia politie policja polis fiscalía procura staatsanwaltschaft prosecutor prosecutors
""".split())


def registry_keys(entity: Entity) -> tuple[set[str], set[str]]:
    """(the keys that may tie this entity to one in another story, the keys that only find it by what
    a user types): the latter are a spelling the name keys cannot read (特朗普, ترامب: no Latin
    letters come of them, and such a spelling is often a surname alone) and a body's kind alone
    ("Regierung": each story's own)."""
    ties: set[str] = set()
    lookups: set[str] = set()
    for spelling in {entity.name, *entity.spellings}:
        key = _name_key(spelling)
        if key in _KINDS_ALONE:
            lookups.add(f"{entity.type}:{key}")
        elif not key:
            if spelling.strip():
                lookups.add(f"{entity.type}:{' '.join(spelling.split())}")
        elif entity.type != "PERSON" or len(key.split()) >= 2:
            ties.add(f"{entity.type}:{key}")
    return ties, lookups


def assign_ids(store: Store, story_id: str, entities: list[Entity]) -> None:
    """Give every entity of the story its registry id, creating entries for new ones."""
    previous = {row[0] for row in store.db.execute(
        "SELECT entity_id FROM story_entities WHERE story_id = ?", (story_id,))}
    taken: set[str] = set()
    keyed = sorted(((entity, *registry_keys(entity)) for entity in entities), key=lambda p: -len(p[0].mentions))
    for entity, ties, lookups in keyed:
        entity.id = _best_match(store, ties, previous, taken) or _new_id(store, entity, previous, taken)
        taken.add(entity.id)
        store.db.executemany("INSERT OR IGNORE INTO entity_keys(key, entity_id) VALUES (?, ?)",
                             [(key, entity.id) for key in ties | lookups])
    store.db.execute("DELETE FROM story_entities WHERE story_id = ?", (story_id,))
    store.db.executemany("INSERT OR IGNORE INTO story_entities(story_id, entity_id) VALUES (?, ?)",
                         [(story_id, e.id) for e in entities if e.id])


def _best_match(store: Store, keys: set[str], previous: set[str], taken: set[str]) -> str | None:
    if not keys:
        return None
    marks = ",".join("?" * len(keys))
    votes: dict[str, int] = {}
    for (entity_id,) in store.db.execute(f"SELECT entity_id FROM entity_keys WHERE key IN ({marks})", tuple(keys)):
        if entity_id not in taken:
            votes[entity_id] = votes.get(entity_id, 0) + 1
    if not votes:
        return None
    # The id this story already used wins a tie, so analysing a story again does not move ids.
    return max(votes, key=lambda eid: (votes[eid], eid in previous, eid))


def _new_id(store: Store, entity: Entity, previous: set[str], taken: set[str]) -> str:
    """An id from the type and name; an id this story held before is reused, so ids do not move."""
    base = hashlib.sha1(f"{entity.type}:{_name_key(entity.name)}".encode()).hexdigest()[:10]
    candidate, n = f"en-{base}", 1
    while store.db.execute("SELECT 1 FROM entities WHERE id = ?", (candidate,)).fetchone():
        if candidate in previous and candidate not in taken:
            return candidate
        n += 1
        candidate = f"en-{base}-{n}"
    store.db.execute("INSERT INTO entities(id, name, type, created_at) VALUES (?, ?, ?, ?)",
                     (candidate, entity.name, entity.type, datetime.now(UTC).isoformat(timespec="seconds")))
    return candidate


def stories_of_entity(store: Store, entity_id: str) -> list[str]:
    """The stories an entity appears in, for following a person through the news."""
    return [row[0] for row in store.db.execute(
        "SELECT story_id FROM story_entities WHERE entity_id = ? ORDER BY story_id", (entity_id,))]
