"""One id per entity across stories, tied only by evidence that cannot belong to two people."""

from storyline.entity_registry import assign_ids, stories_of_entity
from storyline.model import Entity, Mention
from storyline.store import Store
from storyline.views import find_entities


def _entity(name: str, kind: str = "PERSON", *spellings: str) -> Entity:
    mentions = [Mention(source="s", text=t) for t in (name, *spellings)]
    return Entity(name=name, type=kind, mentions=mentions)


def test_a_full_name_ties_a_person_across_stories_and_scripts(tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        first = [_entity("Pavel Korsunov"), _entity("Orsk", "PLACE")]
        assign_ids(store, "st-1", first)
        second = [_entity("Pavel Korsunov", "PERSON", "Павел Корсунов"), _entity("Orsk", "PLACE")]
        assign_ids(store, "st-2", second)
        assert [e.id for e in second] == [e.id for e in first]
        assert stories_of_entity(store, first[0].id) == ["st-1", "st-2"]


def test_surname_only_people_get_their_own_ids(tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        one = [_entity("Kim")]
        assign_ids(store, "st-1", one)
        other = [_entity("Kim")]
        assign_ids(store, "st-2", other)
        assert one[0].id != other[0].id


def test_same_type_is_required_and_two_entities_of_a_story_never_share_an_id(tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        place = [_entity("Georgia", "PLACE")]
        assign_ids(store, "st-1", place)
        person = [_entity("Georgia", "PERSON", "Georgia Vell")]
        assign_ids(store, "st-2", person)
        assert person[0].id != place[0].id
        twins = [_entity("Orsk", "PLACE"), _entity("Orsk", "PLACE", "Orsk city")]
        assign_ids(store, "st-3", twins)
        assert twins[0].id != twins[1].id


def test_analysing_a_story_again_keeps_its_ids(tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        first = [_entity("Kim"), _entity("Ana Vell")]
        assign_ids(store, "st-1", first)
        again = [_entity("Kim"), _entity("Ana Vell")]
        assign_ids(store, "st-1", again)
        assert [e.id for e in again] == [e.id for e in first]


def test_a_body_named_by_its_kind_alone_ties_nothing(tmp_path):
    """One story's "Regierung" is Austria's, another's Germany's; a named body still ties."""
    with Store(str(tmp_path / "s.db")) as store:
        first = [_entity("Regierung", "ORG"), _entity("Bundesregierung", "ORG")]
        assign_ids(store, "st-1", first)
        second = [_entity("Regierung", "ORG"), _entity("Bundesregierung", "ORG")]
        assign_ids(store, "st-2", second)
        assert second[0].id != first[0].id and second[1].id == first[1].id
        # and a user who looks it up is answered both
        assert set(find_entities(store, "Regierung")) == {first[0].id, second[0].id}
