"""Places in scripts without capitals, found by CLDR's names in the text's language and named in
English for the keys that tie them across sources (`entities/ner_uncased.py`); and the big cities a
Latin script names in its own language (`countries.english_city`)."""

from __future__ import annotations

from storyline.entities import find_mentions, resolve
from storyline.model import Article


def places(text: str, language: str) -> list[tuple[str, str]]:
    article = Article(source="s", title=None, text=text, language=language)
    return [(m.text, text[m.start:m.end]) for m in find_mentions(article) if m.type == "PLACE"]


def test_chinese_and_arabic_countries_and_cities_by_their_own_names():
    assert places("朝鲜领导人在平壤参观了工厂。美国和韩国表示关注。", "zh") == [
        ("North Korea", "朝鲜"), ("Pyongyang", "平壤"), ("United States", "美国"), ("South Korea", "韩国")]
    # Arabic glues "and" and "in" to the name; "المالي" (financial) is no Mali
    assert places("قالت الوزارة في مصر وبسوريا إن الوضع المالي في الولايات المتحدة صعب", "ar") == [
        ("Egypt", "مصر"), ("Syria", "سوريا"), ("United States", "الولايات المتحدة")]
    # a fort's or a county's name that opens on a city's is neither the city nor any place of the lists
    assert places("士兵从布拉格堡出发，前往拿骚县。布拉格很美。", "zh") == [("Prague", "布拉格")]


def test_the_un_and_the_eu_are_bodies_not_places():
    article = Article(source="s", title=None, text="联合国和欧盟呼吁各方在伦敦恢复谈判。", language="zh")
    assert [(m.text, m.type) for m in find_mentions(article)] == [
        ("United Nations", "ORG"), ("European Union", "ORG"), ("London", "PLACE")]


def story_entities(texts: dict[str, tuple[str, str]]) -> list:
    """The entities of one story of these {source: (text, language)} articles."""
    articles = [Article(source=s, title=None, text=t, language=lang) for s, (t, lang) in texts.items()]
    return resolve([m for a in articles for m in find_mentions(a)], {a.source: a.text for a in articles})


def test_a_place_in_another_script_is_the_place_the_english_source_names():
    ents = story_entities({"zh.txt": ("埃及总统在开罗会见了代表团。", "zh"),
                           "ar.txt": ("التقى الرئيس في القاهرة وفدا من مصر", "ar"),
                           "en.txt": ("The president of Egypt met the delegation in Cairo.", "en")})
    sources = {e.name: {m.source for m in e.mentions} for e in ents if e.type == "PLACE"}
    assert sources == {"Egypt": {"zh.txt", "ar.txt", "en.txt"}, "Cairo": {"zh.txt", "ar.txt", "en.txt"}}
    # and the row lists every script that printed it
    spellings = {e.name: set(e.spellings) for e in ents if e.type == "PLACE"}
    assert spellings == {"Egypt": {"Egypt", "埃及", "مصر"}, "Cairo": {"Cairo", "开罗", "القاهرة"}}


def test_a_city_a_latin_script_names_in_its_own_language_is_the_city_the_english_source_names():
    texts = {"es.txt": ("El alcalde de Nueva York viajó a Londres el lunes.", "es"),
             "it.txt": ("Il sindaco di New York è arrivato a Londra lunedì.", "it"),
             "de.txt": ("Der Bürgermeister von New York reiste am Montag nach London und Wien.", "de"),
             "en.txt": ("The mayor of New York flew to London and then to Vienna on Monday.", "en")}
    ents = story_entities(texts)
    rows = {e.name: (set(e.spellings), {m.source for m in e.mentions}) for e in ents if e.type == "PLACE"}
    assert rows == {"New York": ({"New York", "Nueva York"}, set(texts)),
                    "London": ({"London", "Londres", "Londra"}, set(texts)),
                    "Vienna": ({"Vienna", "Wien"}, {"de.txt", "en.txt"})}
    # a city's name that is English for another place (Turkish "Cuba" is Juba), or a given name (Polish
    # "Salvador" is Bahia's city), stays as printed
    turkish = "Heyet Salı günü Cuba ve Kahire ziyaret etti."
    for text, lang in ((turkish, "tr"), ("Delegacja odwiedziła Salvador.", "pl")):
        assert {name for name, _ in places(text, lang)} & {"Juba", "Bahia"} == set()
    assert ("Cairo", "Kahire") in places(turkish, "tr")


def test_a_big_city_spelled_close_to_its_english_name_is_one_row():
    # "Bagdad" (German, Polish, Spanish) is too close to Baghdad to be renamed (English news prints
    # some such spellings itself), yet one city: the zone CLDR names it in ties the rows
    from storyline.model import Mention

    mentions = [Mention(source="de.txt", text="Bagdad", type="PLACE", language="de"),
                Mention(source="zh.txt", text="Baghdad", type="PLACE", language="zh", printed="巴格达"),
                Mention(source="ru.txt", text="Багдад", type="PLACE", language="ru")]
    rows = {e.name: {m.source for m in e.mentions} for e in resolve(mentions)}
    assert list(rows.values()) == [{"de.txt", "zh.txt", "ru.txt"}], rows


def test_a_latin_name_between_chinese_characters_ends_where_they_begin():
    """A machine translation leaves the names it could not render in Latin letters, glued to the
    Chinese words around them; a photo's credit is no one of the story there either."""
    article = Article(source="s", title=None, language="zh",
                      text="事件发生后，美国总统Donald Trump说伊朗负责。图片来源：Getty Images他很快将责任归咎于伊朗。")
    assert [(m.text, m.type) for m in find_mentions(article)] == [
        ("United States", "PLACE"), ("Donald Trump", "PERSON"), ("Iran", "PLACE"), ("Iran", "PLACE")]


def test_a_photographer_before_an_agency_is_no_one_of_the_story():
    """A credit with no label, the agency after a slash, run into the text by a flattened page."""
    article = Article(source="s", title=None, language="zh",
                      text="一名伊拉克士兵在美国大使馆前站岗。 Ameer Al Mohmmedaw/dpa/picture 联盟来自 Getty Images"
                           "他很快将责任归咎于伊朗。")
    assert [(m.text, m.type) for m in find_mentions(article)] == [
        ("Iraq", "PLACE"), ("United States", "PLACE"), ("Getty Images", "ORG"), ("Iran", "PLACE")]


def test_a_world_region_in_another_language_is_the_region_the_english_source_names():
    texts = {"es.txt": ("La tensión en Oriente Medio preocupa a Europa.", "es"),
             "fr.txt": ("La tension au Moyen-Orient inquiète en Europe et en Afrique.", "fr"),
             "en.txt": ("Tension in the Middle East worries Europe and Africa.", "en")}
    rows = {e.name: set(e.spellings) for e in story_entities(texts) if e.type == "PLACE"}
    assert rows == {"Middle East": {"Middle East", "Oriente Medio", "Moyen-Orient"}, "Europe": {"Europe", "Europa"},
                    "Africa": {"Africa", "Afrique"}}
    # German declines the region and capitalises its adjective after an article: the whole name
    german = {"de.txt": ("Die Spannungen im Nahen Osten nehmen zu. Der Nahe Osten bleibt unruhig.", "de"),
              "en.txt": ("Tension in the Middle East grows.", "en")}
    rows = {e.name: set(e.spellings) for e in story_entities(german)}
    assert rows == {"Middle East": {"Middle East", "Nahen Osten", "Nahe Osten"}}
